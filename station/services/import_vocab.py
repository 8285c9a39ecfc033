"""The vocabulary of the legacy register import: canonical labels plus the synonym table.

Canonical labels are ``station.models.vocab.LABELS``. Real registers (台账) write the
same thing many ways (沙盘游戏, 个案咨询, 失眠 …); ``resources/import/synonyms.toml``
maps those variants to a canonical label, per column. The table is data a station may
edit: it is checked when loaded, and a mistake in it is reported with its place.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from station.errors import StationError
from station.models.vocab import (
    LABELS,
    Concern,
    Gender,
    PostType,
    RankLevel,
    RiskLevel,
    ServiceKind,
    UnitType,
    from_label,
)
from station.paths import resources_dir

E = TypeVar("E", bound=StrEnum)

SYNONYMS_FILE = "synonyms.toml"

# The template's vocabulary columns and the enumeration each one holds.
COLUMN_KINDS: dict[str, type[StrEnum]] = {
    "性别": Gender,
    "单位类型": UnitType,
    "职级": RankLevel,
    "岗位类别": PostType,
    "服务类型": ServiceKind,
    "主诉类别": Concern,
    "风险等级": RiskLevel,
}

_SPACE = re.compile(r"\s+")


def import_resources_dir() -> Path:
    """``resources/import`` in the repository (template, synonym table, guide)."""
    return resources_dir() / "import"


def normalise(text: str) -> str:
    """The comparison form of a vocabulary value.

    Full-width letters, digits and brackets become half-width (NFKC), every space
    (also the ideographic one) goes, and Latin letters compare without case.
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).casefold()


class SynonymTableError(StationError):
    """The synonym table cannot be used as it is; nothing was imported."""

    def __init__(self, zh_detail: str, en_detail: str) -> None:
        super().__init__(
            f"同义词表 {SYNONYMS_FILE} 有误：{zh_detail}",
            f"The synonym table {SYNONYMS_FILE} is wrong: {en_detail}",
        )


@dataclass(frozen=True)
class Vocabulary:
    """Canonical labels and synonyms: ``resolve`` turns a register's text into a member."""

    # per enumeration: comparison form of a synonym -> stored enum value
    synonyms: dict[type[StrEnum], dict[str, str]] = field(default_factory=dict)

    def resolve(self, kind: type[E], text: str) -> E | None:
        """The member ``text`` names (canonical label or known synonym), or None."""
        exact = from_label(kind, text.strip())
        if exact is not None:
            return exact
        key = normalise(text)
        if not key:
            return None
        for value, name in LABELS[kind].items():
            if normalise(name) == key:
                return kind(value)
        synonym = self.synonyms.get(kind, {}).get(key)
        return kind(synonym) if synonym is not None else None

    def variants(self, kind: type[StrEnum]) -> dict[str, list[str]]:
        """Canonical label -> the synonyms known for it (comparison forms), for guides."""
        out: dict[str, list[str]] = {name: [] for name in LABELS[kind].values()}
        for key, value in self.synonyms.get(kind, {}).items():
            out[LABELS[kind][value]].append(key)
        return out


def _canonical_key(kind: type[StrEnum], label: str) -> str | None:
    wanted = normalise(label)
    for value, name in LABELS[kind].items():
        if normalise(name) == wanted:
            return value
    return None


def parse_synonyms(text: str) -> Vocabulary:
    """Read and check the table's text (see the comments at the top of the file)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SynonymTableError(f"格式错误（{exc}）。", f"not valid TOML ({exc}).") from None
    table: dict[type[StrEnum], dict[str, str]] = {}
    for column, entries in data.items():
        kind = COLUMN_KINDS.get(column.strip())
        if kind is None:
            allowed = "、".join(COLUMN_KINDS)
            raise SynonymTableError(
                f"没有名为「{column}」的列（可用的列：{allowed}）。",
                f"unknown column {column!r}.",
            )
        if not isinstance(entries, dict):
            raise SynonymTableError(
                f'「{column}」应写成一节：["{column}"]。', f"{column!r} must be a table."
            )
        mapping = table.setdefault(kind, {})
        canonical_keys = {normalise(name) for name in LABELS[kind].values()}
        for label, variants in entries.items():
            value = _canonical_key(kind, label)
            if value is None:
                allowed = "、".join(LABELS[kind].values())
                raise SynonymTableError(
                    f"「{column}」下的「{label}」不是规范写法（可用：{allowed}）。",
                    f"{label!r} is not a canonical label of {column!r}.",
                )
            if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
                raise SynonymTableError(
                    f"「{column}」下「{label}」的同义写法应写成字符串列表，"
                    f'例如 "{label}" = ["写法一", "写法二"]。',
                    f"the synonyms of {label!r} in {column!r} must be a list of strings.",
                )
            for variant in variants:
                key = normalise(variant)
                if not key:
                    raise SynonymTableError(
                        f"「{column}」下「{label}」有一个空的同义写法。",
                        f"an empty synonym for {label!r} in {column!r}.",
                    )
                if key in canonical_keys:
                    if _canonical_key(kind, variant) == value:
                        continue  # the label itself listed again: harmless
                    raise SynonymTableError(
                        f"「{column}」下的同义写法「{variant}」本身是另一个规范写法。",
                        f"synonym {variant!r} in {column!r} is another canonical label.",
                    )
                earlier = mapping.get(key)
                if earlier is not None and earlier != value:
                    raise SynonymTableError(
                        f"「{column}」下的同义写法「{variant}」同时对应"
                        f"「{LABELS[kind][earlier]}」和「{LABELS[kind][value]}」。",
                        f"synonym {variant!r} in {column!r} maps to two labels.",
                    )
                mapping[key] = value
    return Vocabulary(table)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The synonym table (default: ``resources/import/synonyms.toml``)."""
    source = path if path is not None else import_resources_dir() / SYNONYMS_FILE
    try:
        text = source.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SynonymTableError("找不到该文件。", "the file is missing.") from None
    except UnicodeDecodeError:
        raise SynonymTableError(
            "文件须保存为 UTF-8 编码。", "the file must be saved as UTF-8."
        ) from None
    return parse_synonyms(text)
