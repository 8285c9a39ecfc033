"""导入台账: a clean file imports and the counts match the summary; bad rows are listed
with their line numbers and block the import; only the good rows can be imported after a
confirmation; the template is saved; a cancelled check shows nothing."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station.models import Case, Client, ServiceSession
from station.services import accounts, legacy_import
from station.services.context import SignedIn
from station.services.legacy_import import HEADERS
from station.ui.import_dialog import TEMPLATE, ImportDialog
from tests.records_fixtures import make_counsellor
from tests.ui.conftest import SHOTS, Answers
from tests.ui.test_groups_page import large_font

D1 = date.today() - timedelta(days=40)
D2 = date.today() - timedelta(days=20)
Row = dict[str, str]

CLEAN: list[Row] = [
    # lines 2, 3: one real-name person
    {
        "姓名": "欧阳测试",
        "性别": "男",
        "出生年份": "1985",
        "职级": "一般干部",
        "联系电话": "13912345678",
        "来访日期": D1.isoformat(),
        "服务类型": "初访",
        "主诉类别": "工作压力、失眠",
        "风险等级": "低",
    },
    {
        "姓名": "欧阳测试",
        "联系电话": "13912345678",
        "来访日期": D2.isoformat(),
        "服务类型": "个案咨询",
    },
    # line 4: an anonymous person
    {"匿名代号": "A-001", "性别": "女", "来访日期": D1.isoformat(), "服务类型": "沙盘游戏"},
]
BAD: list[Row] = [
    {"匿名代号": "B-1", "来访日期": "2026-13-45", "服务类型": "初访"},  # line 5: no such date
    {"匿名代号": "B-2", "来访日期": D1.isoformat(), "服务类型": "算命"},  # line 6: unknown kind
    {"匿名代号": "B-3", "服务类型": "初访"},  # line 7: no date
]


@pytest.fixture
def lin(custodian: SignedIn, vault_dir: Path) -> Iterator[SignedIn]:
    ctx = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    yield ctx
    if ctx.vault.is_open:
        accounts.logout(ctx)


def write_csv(path: Path, rows: list[Row]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADERS)
        for row in rows:
            out.writerow([row.get(h, "") for h in HEADERS])
    return path


def counts(ctx: SignedIn) -> tuple[int, int, int]:
    """How many clients, cases and sessions the vault holds."""
    with ctx.vault.transaction() as s:
        clients, cases, sessions = (
            int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Client, Case, ServiceSession)
        )
    return clients, cases, sessions


def _dialog(qtbot: QtBot, ctx: SignedIn) -> ImportDialog:
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(760, 720)
    dialog.show()
    return dialog


def _click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _figures(dialog: ImportDialog) -> dict[str, str]:
    return {key: shown.text() for key, shown in dialog.figures.items()}


def _bad(table: QTableWidget) -> list[tuple[int, str]]:
    return [
        (int(table.item(r, 0).text()), table.item(r, 1).text()) for r in range(table.rowCount())
    ]


def _shoot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def test_clean_file_imports_and_the_counts_match(
    qtbot: QtBot, lin: SignedIn, tmp_path: Path, answers: Answers
) -> None:
    dialog = _dialog(qtbot, lin)
    assert not dialog.import_button.isEnabled() and not dialog.good_rows_button.isVisible()
    _shoot(dialog, "import_dialog_empty")

    answers.open_path = str(write_csv(tmp_path / "in" / "台账.csv", CLEAN))
    _click(qtbot, dialog.choose_button)
    assert answers.seen[-1][0] == "open"
    assert _figures(dialog) == {
        "rows": "3",
        "good": "3",
        "bad": "0",
        "new_clients": "2",
        "matched_clients": "0",
        "cases": "2",
        "continued": "0",
        "sessions": "3",
    }
    assert not dialog.bad_table.isVisible()
    assert dialog.import_button.isEnabled() and not dialog.good_rows_button.isVisible()
    assert dialog.import_button.property("primary") is True
    _shoot(dialog, "import_dialog_clean")
    assert counts(lin) == (0, 0, 0)  # checking writes nothing

    _click(qtbot, dialog.import_button)
    result = dialog.imported
    assert result is not None
    assert (result.rows, result.clients_created, result.cases, result.sessions) == (3, 2, 2, 3)
    assert counts(lin) == (2, 2, 3)
    text = dialog.result_label.text()
    assert "3" in text and "新建 2 位" in text
    assert not dialog.import_button.isEnabled()  # a checked file is imported once
    _shoot(dialog, "import_dialog_done")


def test_bad_rows_are_listed_and_block_the_import(
    qtbot: QtBot, lin: SignedIn, tmp_path: Path, answers: Answers
) -> None:
    dialog = _dialog(qtbot, lin)
    answers.open_path = str(write_csv(tmp_path / "台账.csv", CLEAN + BAD))
    _click(qtbot, dialog.choose_button)
    assert _figures(dialog)["rows"] == "6"
    assert (_figures(dialog)["good"], _figures(dialog)["bad"]) == ("3", "3")
    listed = _bad(dialog.bad_table)
    assert [line for line, _ in listed] == [5, 6, 7]
    assert "来访日期" in listed[0][1]
    assert "服务类型" in listed[1][1] and "算命" in listed[1][1]
    assert "来访日期" in listed[2][1]
    assert dialog.bad_table.isVisible()
    assert not dialog.import_button.isEnabled()
    assert dialog.good_rows_button.isVisible() and dialog.good_rows_button.isEnabled()
    _shoot(dialog, "import_dialog_bad_rows")

    answers.reply = False  # "import only the good rows?" — no
    _click(qtbot, dialog.good_rows_button)
    assert answers.seen[-1][0] == "ask" and "3" in answers.seen[-1][2]
    assert counts(lin) == (0, 0, 0) and dialog.imported is None

    answers.reply = True
    _click(qtbot, dialog.good_rows_button)
    result = dialog.imported
    assert result is not None
    assert (result.rows, result.sessions, result.skipped_rows) == (3, 3, 3)
    assert counts(lin) == (2, 2, 3)  # exactly the good rows
    assert "3" in dialog.result_label.text()


def test_only_bad_rows_cannot_be_imported(
    qtbot: QtBot, lin: SignedIn, tmp_path: Path, answers: Answers
) -> None:
    dialog = _dialog(qtbot, lin)
    answers.open_path = str(write_csv(tmp_path / "坏.csv", BAD))
    _click(qtbot, dialog.choose_button)
    assert [line for line, _ in _bad(dialog.bad_table)] == [2, 3, 4]
    assert not dialog.import_button.isEnabled() and not dialog.good_rows_button.isVisible()
    assert dialog.result_label.text() == "没有可以导入的行。"


def test_unreadable_file_shows_at_the_file_field(
    qtbot: QtBot, lin: SignedIn, tmp_path: Path, answers: Answers
) -> None:
    dialog = _dialog(qtbot, lin)
    old = tmp_path / "旧台账.xls"
    old.write_bytes(b"not really excel")
    answers.open_path = str(old)
    _click(qtbot, dialog.choose_button)
    assert ".xls" in dialog.file_field.error.text() and dialog.file_field.error.isVisible()
    assert not dialog.summary_box.isVisible() and not dialog.import_button.isEnabled()

    answers.open_path = ""  # the user cancelled the file dialog: nothing changes
    _click(qtbot, dialog.choose_button)
    assert dialog.path_edit.text() == str(old)


def test_template_is_saved(qtbot: QtBot, lin: SignedIn, tmp_path: Path, answers: Answers) -> None:
    dialog = _dialog(qtbot, lin)
    answers.save_path = str(tmp_path / "out" / "我的模板")
    (tmp_path / "out").mkdir()
    _click(qtbot, dialog.template_button)
    saved = tmp_path / "out" / "我的模板.xlsx"
    assert saved.read_bytes() == TEMPLATE.read_bytes()
    assert str(saved) in dialog.template_status.text()
    assert answers.seen[-1][0] == "save"

    answers.save_path = str(tmp_path / "missing-folder" / "模板.xlsx")
    _click(qtbot, dialog.template_button)
    assert dialog.template_status.property("role") == "error"


def test_cancelled_check_shows_nothing(
    qtbot: QtBot,
    lin: SignedIn,
    tmp_path: Path,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _dialog(qtbot, lin)
    real_validate = legacy_import.validate

    def validate_then_cancel(ctx: SignedIn, parsed: legacy_import.ParsedFile) -> object:
        assert dialog.progress_row.isVisible() and dialog.cancel_check_button.isVisible()
        assert not dialog.choose_button.isEnabled()
        dialog.cancel_check()  # the user presses 取消检查 while the rows are checked
        return real_validate(ctx, parsed)

    monkeypatch.setattr(legacy_import, "validate", validate_then_cancel)
    answers.open_path = str(write_csv(tmp_path / "台账.csv", CLEAN))
    _click(qtbot, dialog.choose_button)
    assert dialog.checked is None and not dialog.summary_box.isVisible()
    assert not dialog.progress_row.isVisible()
    assert dialog.result_label.text() == "已取消检查。"
    assert dialog.choose_button.isEnabled() and not dialog.import_button.isEnabled()


def test_import_dialog_at_a_large_font(
    qtbot: QtBot, lin: SignedIn, tmp_path: Path, answers: Answers
) -> None:
    with large_font():
        dialog = _dialog(qtbot, lin)
        answers.open_path = str(write_csv(tmp_path / "台账.csv", CLEAN + BAD))
        _click(qtbot, dialog.choose_button)
        dialog.resize(820, 860)
        qtbot.wait(20)
        _shoot(dialog, "import_dialog_bad_rows_large")
