"""The city office's policy file (station.statistics.policy)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from station.errors import StationError
from station.statistics.policy import PolicyFile, PolicyFileError, parse_policy, read_policy
from station.statistics.spec import Policy, Sensitivity


def test_no_file_means_the_defaults() -> None:
    got = read_policy(None)
    assert got == PolicyFile(Policy(5, 10))
    assert got.policy.k(Sensitivity.SENSITIVE) == 10
    assert got.policy.k(Sensitivity.STANDARD) == 5


def test_a_full_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(
        'k_standard = 6\nk_sensitive = 12\nissued_by = " 某市干部心理健康服务中心 "\n'
        "issued_on = 2026-01-15\n",
        encoding="utf-8",
    )
    got = read_policy(path)
    assert got.policy == Policy(k_standard=6, k_sensitive=12)
    assert got.issued_by == "某市干部心理健康服务中心"
    assert got.issued_on == date(2026, 1, 15)
    assert json.loads(got.to_json()) == {
        "k_standard": 6,
        "k_sensitive": 12,
        "issued_by": "某市干部心理健康服务中心",
        "issued_on": "2026-01-15",
    }


def test_a_notepad_file_with_bom_and_a_date_as_text(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(
        'k_standard = 5\nk_sensitive = 10\nissued_on = "2026-02-01"\n'.encode("utf-8-sig")
    )
    got = read_policy(path)
    assert got.issued_on == date(2026, 2, 1)
    assert got.issued_by is None


def test_thresholds_may_be_lowered_to_the_minimum_but_not_below() -> None:
    assert parse_policy("k_standard = 3\nk_sensitive = 3\n").policy == Policy(3, 3)
    with pytest.raises(PolicyFileError) as caught:
        parse_policy("k_standard = 2\nk_sensitive = 10\n")
    assert "不得低于 3" in caught.value.zh
    assert caught.value.field == "k_standard"
    with pytest.raises(PolicyFileError, match="below 3"):
        parse_policy("k_standard = 5\nk_sensitive = 0\n")


@pytest.mark.parametrize(
    "text",
    [
        "k_standard = 5.0\nk_sensitive = 10\n",
        'k_standard = "5"\nk_sensitive = 10\n',
        "k_standard = true\nk_sensitive = 10\n",
        "k_standard = 5\nk_sensitive = [10]\n",
    ],
)
def test_thresholds_must_be_integers(text: str) -> None:
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(text)
    assert "必须是整数" in caught.value.zh
    assert isinstance(caught.value, StationError)


def test_unknown_and_missing_keys_are_rejected() -> None:
    with pytest.raises(PolicyFileError) as caught:
        parse_policy("k_standard = 5\nk_sensitve = 10\n")
    assert "k_sensitve" in caught.value.zh and "可用的项" in caught.value.zh
    with pytest.raises(PolicyFileError) as caught:
        parse_policy("k_standard = 5\n")
    assert "缺少 k_sensitive" in caught.value.zh
    with pytest.raises(PolicyFileError, match="unknown key"):
        parse_policy("k_standard = 5\nk_sensitive = 10\n[extra]\nk = 1\n")


def test_bad_optional_keys() -> None:
    base = "k_standard = 5\nk_sensitive = 10\n"
    with pytest.raises(PolicyFileError, match="issued_by"):
        parse_policy(base + "issued_by = 3\n")
    with pytest.raises(PolicyFileError, match="issued_by"):
        parse_policy(base + 'issued_by = "  "\n')
    with pytest.raises(PolicyFileError, match="issued_on"):
        parse_policy(base + 'issued_on = "15.01.2026"\n')
    with pytest.raises(PolicyFileError, match="issued_on"):
        parse_policy(base + "issued_on = 2026-01-15T08:00:00\n")


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(PolicyFileError) as caught:
        parse_policy("k_standard = \n")
    assert "格式错误" in caught.value.zh
    with pytest.raises(PolicyFileError) as caught:
        read_policy(tmp_path / "missing.toml")
    assert "找不到该文件" in caught.value.zh
    path = tmp_path / "gbk.toml"
    path.write_bytes('issued_by = "市中心"\n'.encode("gbk"))
    with pytest.raises(PolicyFileError) as caught:
        read_policy(path)
    assert "UTF-8" in caught.value.zh
    assert caught.value.one_line().startswith("市级统计策略文件有误")
