"""The city office's disclosure policy file: the thresholds k for small cells.

The file is TOML with exactly these keys::

    k_standard = 5          # services, attendance (required, integer >= 3)
    k_sensitive = 10        # risk levels, warnings, crisis, referrals (required, >= 3)
    issued_by = "某市干部心理健康服务中心"   # optional
    issued_on = 2026-01-15  # optional: a TOML date or "YYYY-MM-DD"

Anything else is rejected rather than ignored: a misspelt key would otherwise leave a
threshold at its default without anyone noticing. Thresholds may be changed, but never
below ``Policy.MIN_K``; without a file the defaults of ``Policy`` apply.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from station.errors import StationError
from station.statistics.spec import Policy

REQUIRED_KEYS = ("k_standard", "k_sensitive")
OPTIONAL_KEYS = ("issued_by", "issued_on")
_LABELS_ZH = {"k_standard": "一般表格阈值", "k_sensitive": "敏感表格阈值"}


class PolicyFileError(StationError):
    """The policy file cannot be used as it is; the thresholds were not changed."""

    def __init__(self, zh_detail: str, en_detail: str, *, key: str | None = None) -> None:
        super().__init__(
            f"市级统计策略文件有误：{zh_detail}",
            f"The city office's statistics policy file is wrong: {en_detail}",
            field=key,
        )


@dataclass(frozen=True)
class PolicyFile:
    """A policy with where it came from (recorded with each release)."""

    policy: Policy = field(default_factory=Policy)
    issued_by: str | None = None
    issued_on: date | None = None

    def to_json(self) -> str:
        """The thresholds applied, for ``StatsRelease.policy``."""
        return json.dumps(
            {
                "k_standard": self.policy.k_standard,
                "k_sensitive": self.policy.k_sensitive,
                "issued_by": self.issued_by,
                "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            },
            ensure_ascii=False,
            sort_keys=True,
        )


def _threshold(data: dict[str, Any], key: str) -> int:
    if key not in data:
        raise PolicyFileError(f"缺少 {key}（{_LABELS_ZH[key]}）。", f"{key} is missing.", key=key)
    value = data[key]
    # bool is an int in Python: `k_standard = true` must not become k = 1
    if isinstance(value, bool) or not isinstance(value, int):
        raise PolicyFileError(
            f"{key}（{_LABELS_ZH[key]}）必须是整数，例如 {key} = 5。",
            f"{key} must be an integer.",
            key=key,
        )
    if value < Policy.MIN_K:
        raise PolicyFileError(
            f"{key}（{_LABELS_ZH[key]}）为 {value}，不得低于 {Policy.MIN_K}。",
            f"{key} is {value}; it may not be below {Policy.MIN_K}.",
            key=key,
        )
    return value


def parse_policy(text: str) -> PolicyFile:
    """Check a policy file's text and return the policy it sets."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyFileError(f"格式错误（{exc}）。", f"not valid TOML ({exc}).") from None
    unknown = sorted(set(data) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if unknown:
        allowed = "、".join((*REQUIRED_KEYS, *OPTIONAL_KEYS))
        raise PolicyFileError(
            f"不认识的项「{'」「'.join(unknown)}」（可用的项：{allowed}）。",
            f"unknown key(s): {', '.join(unknown)}.",
            key=unknown[0],
        )
    policy = Policy(
        k_standard=_threshold(data, "k_standard"), k_sensitive=_threshold(data, "k_sensitive")
    )
    issued_by = data.get("issued_by")
    if issued_by is not None and (not isinstance(issued_by, str) or not issued_by.strip()):
        raise PolicyFileError(
            "issued_by（发布单位）必须是非空的文字。",
            "issued_by must be a non-empty string.",
            key="issued_by",
        )
    return PolicyFile(
        policy=policy,
        issued_by=issued_by.strip() if issued_by is not None else None,
        issued_on=_issued_on(data.get("issued_on")),
    )


def _issued_on(value: object) -> date | None:
    if value is None:
        return None
    # a TOML date-time is a date subclass too; only a plain date is meant here
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PolicyFileError(
        "issued_on（发布日期）必须是日期，例如 issued_on = 2026-01-15。",
        "issued_on must be a date such as 2026-01-15.",
        key="issued_on",
    )


def read_policy(path: Path | None) -> PolicyFile:
    """The policy in the file at ``path``; the defaults when ``path`` is None (no
    policy file from the city office). A named file that is missing is an error: it
    was chosen by someone who expected it to be there."""
    if path is None:
        return PolicyFile()
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad may write a BOM
    except FileNotFoundError:
        raise PolicyFileError("找不到该文件。", "the file is missing.") from None
    except UnicodeDecodeError:
        raise PolicyFileError(
            "文件须保存为 UTF-8 编码。", "the file must be saved as UTF-8."
        ) from None
    return parse_policy(text)
