"""`station import`, run as a user runs it: a separate process."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from station.models.enums import Role
from station.services import accounts, setup
from station.services.legacy_import import HEADERS
from tests.conftest import CUSTODIAN, FAST, PASSWORD, STATION
from tests.test_cli import station

DAY = (date.today() - timedelta(days=10)).isoformat()


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """A vault without device binding (the subprocess has no credential store)."""
    folder = tmp_path / "v"
    made = setup.create_vault(folder, STATION, CUSTODIAN, device_binding=False, argon2=FAST)
    accounts.add_user(made.ctx, "lin", "林咨询", Role.COUNSELLOR, "Counsel-2026")
    accounts.logout(made.ctx)
    return folder


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADERS)
        for row in rows:
            out.writerow([row.get(h, "") for h in HEADERS])
    return path


GOOD = [
    {"姓名": "欧阳测试", "联系电话": "13912345678", "来访日期": DAY, "服务类型": "初访"},
    {"姓名": "欧阳测试", "联系电话": "13912345678", "来访日期": DAY, "服务类型": "沙盘游戏"},
    {"匿名代号": "A-1", "来访日期": DAY, "服务类型": "个案咨询", "主诉类别": "失眠、焦虑"},
]


def _with_counsellor(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{**row, "咨询师": "lin"} for row in rows]


def test_bad_file_lists_each_bad_row_and_imports_nothing(vault: Path, tmp_path: Path) -> None:
    rows = [
        *_with_counsellor(GOOD[:1]),
        {"姓名": "乙测试", "来访日期": "2026/2/30", "服务类型": "初访", "咨询师": "lin"},
        {"匿名代号": "B", "来访日期": DAY, "服务类型": "初访", "主诉类别": "玄学", "咨询师": "lin"},
        {"匿名代号": "C", "来访日期": DAY, "服务类型": "初访", "咨询师": "nobody"},
    ]
    path = _csv(tmp_path / "bad.csv", rows)
    args = ("import", "--vault", str(vault), "--user", "admin", str(path))
    result = station(*args, home=tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert [ln.split("：")[0] for ln in lines] == ["第 3 行", "第 4 行", "第 5 行"]
    assert "来访日期" in lines[0] and "主诉类别「玄学」" in lines[1] and "咨询师" in lines[2]
    assert "3 bad rows; nothing was imported" in result.stderr
    assert "乙测试" not in result.stdout + result.stderr

    # importing only the good rows is an explicit choice
    partial = station(*args, "--only-good-rows", home=tmp_path)
    assert partial.returncode == 0, partial.stderr
    assert "sessions: 1" in partial.stdout and "skipped rows: 3" in partial.stdout


def test_good_file_is_imported_and_counted(vault: Path, tmp_path: Path) -> None:
    path = _csv(tmp_path / "good.csv", _with_counsellor(GOOD))
    result = station("import", "--vault", str(vault), "--user", "admin", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "rows: 3" in out and "clients: 2 (新建 new 2, 已有 existing 0)" in out
    assert "cases: 2" in out and "sessions: 3" in out and "skipped rows: 0" in out

    # the same register again: the clients are found, their open cases continued
    again = station("import", "--vault", str(vault), "--user", "admin", str(path), home=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "已有 existing 2" in again.stdout and "cases: 0" in again.stdout

    ctx = accounts.login(vault, "admin", PASSWORD)
    try:
        from station.services import audit

        rows = audit.browse(ctx, audit.AuditFilter(action="legacy_import"))
    finally:
        accounts.logout(ctx)
    assert [r.action_label for r in rows] == ["台账导入", "台账导入"]


def test_counsellor_imports_own_rows_and_wrong_usage_is_refused(
    vault: Path, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "mine.csv", GOOD)  # 咨询师 empty: the importing counsellor
    mine = station(
        "import",
        "--vault",
        str(vault),
        "--user",
        "lin",
        str(path),
        password="Counsel-2026",
        home=tmp_path,
    )
    assert mine.returncode == 0, mine.stderr
    assert "sessions: 3" in mine.stdout

    missing = station(
        "import", "--vault", str(vault), "--user", "lin", str(tmp_path / "nope.csv"), home=tmp_path
    )
    assert missing.returncode == 1 and "找不到要导入的文件" in missing.stderr
    no_file = station("import", "--vault", str(vault), "--user", "lin", home=tmp_path)
    assert no_file.returncode == 2
