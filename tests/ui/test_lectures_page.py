"""讲座与培训: a lecture with its audience headcount, editing, the month's totals, and the
station lead's figures-only page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from station.models.vocab import Gender, RankLevel
from station.services import accounts, lectures
from station.services.context import SignedIn
from station.services.groups import HeadcountCell
from station.services.lectures import LectureInput
from station.ui.headcount_grid import qdate
from station.ui.lectures_page import LectureDialog, LecturesPage
from tests.records_fixtures import make_counsellor, make_lead
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import click, table_cells
from tests.ui.test_groups_page import large_font

F, M = Gender.FEMALE, Gender.MALE
GENERAL, MIDDLE, LEADING = RankLevel.GENERAL, RankLevel.MIDDLE, RankLevel.LEADING
TODAY = date.today()
LAST_MONTH = TODAY.replace(day=1) - timedelta(days=1)


@pytest.fixture
def lin(custodian: SignedIn, vault_dir: Path) -> Iterator[SignedIn]:
    ctx = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    yield ctx
    if ctx.vault.is_open:
        accounts.logout(ctx)


@pytest.fixture
def lead(custodian: SignedIn, vault_dir: Path) -> Iterator[SignedIn]:
    ctx = make_lead(custodian, vault_dir)
    yield ctx
    if ctx.vault.is_open:
        accounts.logout(ctx)


def _page(qtbot: QtBot, ctx: SignedIn) -> LecturesPage:
    page = LecturesPage(ctx)
    qtbot.addWidget(page)
    page.resize(920, 680)
    page.show()
    return page


def _shoot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def test_lecture_with_headcount_and_monthly_totals(qtbot: QtBot, lin: SignedIn) -> None:
    lectures.add_lecture(
        lin, LectureInput(LAST_MONTH, "上月讲座", "外请专家", (HeadcountCell(M, GENERAL, 9),))
    )
    page = _page(qtbot, lin)
    assert page.month() == TODAY.replace(day=1)
    assert page.table.rowCount() == 0 and page.empty_label.isVisible()

    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, LectureDialog) and dialog.isVisible()
    assert dialog.date_edit.date() == qdate(TODAY)
    dialog.topic_edit.setText("干部压力管理与情绪调适")
    dialog.speaker_edit.setText("市心理卫生中心")
    dialog.grid.spin(M, GENERAL).setValue(20)
    dialog.grid.spin(F, GENERAL).setValue(15)
    dialog.grid.spin(M, MIDDLE).setValue(6)
    dialog.grid.spin(F, LEADING).setValue(2)
    assert dialog.grid.grand_total.text() == "43"
    assert "43" in dialog.total_label.text()
    dialog.adjustSize()
    _shoot(dialog, "lecture_dialog")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == LectureDialog.DialogCode.Accepted

    assert table_cells(page.table) == [
        [TODAY.isoformat(), "干部压力管理与情绪调适", "市心理卫生中心", "43"]
    ]
    box = page.totals_box
    assert (box.lectures_value.text(), box.audience_value.text()) == ("1", "43")
    assert box.grid.value(M, GENERAL) == 20 and box.grid.value(F, LEADING) == 2
    totals = lectures.lecture_totals(lin, TODAY)
    assert (totals.lectures, totals.audience) == (1, 43)
    _shoot(page, "lectures_page")

    # Enter opens the lecture for editing; the change shows in the list and the totals
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    edit = page.dialog
    assert isinstance(edit, LectureDialog) and edit is not dialog
    assert edit.grid.value(M, MIDDLE) == 6 and not edit.has_changes()
    edit.grid.spin(M, MIDDLE).setValue(10)
    click(qtbot, edit.ok_button)
    assert table_cells(page.table)[0][3] == "47"
    assert page.totals_box.audience_value.text() == "47"

    # last month: the other lecture, and its own totals
    click(qtbot, page.picker.previous_button)
    assert table_cells(page.table) == [[LAST_MONTH.isoformat(), "上月讲座", "外请专家", "9"]]
    assert page.totals_box.audience_value.text() == "9"
    click(qtbot, page.picker.this_button)
    assert page.totals_box.audience_value.text() == "47"


def test_a_lecture_entered_for_another_month_shows_that_month(qtbot: QtBot, lin: SignedIn) -> None:
    page = _page(qtbot, lin)
    dialog = page.new_lecture()
    assert dialog is not None
    dialog.date_edit.setDate(qdate(LAST_MONTH))
    dialog.topic_edit.setText("睡眠与放松")
    dialog.grid.spin(F, MIDDLE).setValue(12)
    click(qtbot, dialog.ok_button)
    assert page.month() == LAST_MONTH.replace(day=1)
    assert table_cells(page.table)[0][1] == "睡眠与放松"
    assert page.table.selected_id() == dialog.lecture_id


def test_errors_at_the_field_and_deleting(qtbot: QtBot, lin: SignedIn, answers: Answers) -> None:
    page = _page(qtbot, lin)
    dialog = page.new_lecture()
    assert dialog is not None
    dialog.grid.spin(M, GENERAL).setValue(5)
    click(qtbot, dialog.ok_button)
    assert set(dialog.fields.messages()) == {"topic"}
    assert dialog.grid.value(M, GENERAL) == 5  # nothing typed is lost
    dialog.date_edit.setDate(qdate(TODAY + timedelta(days=5)))
    dialog.topic_edit.setText("未来讲座")
    click(qtbot, dialog.ok_button)
    assert set(dialog.fields.messages()) == {"held_on"}
    assert lectures.list_lectures(lin) == []

    answers.reply = False
    click(qtbot, dialog.cancel_button)
    assert dialog.isVisible()  # the guard asked, and the answer was to keep editing
    dialog.date_edit.setDate(qdate(TODAY))
    click(qtbot, dialog.ok_button)
    assert len(lectures.list_lectures(lin)) == 1

    page.table.selectRow(0)
    click(qtbot, page.delete_button)  # answered "no"
    assert len(lectures.list_lectures(lin)) == 1
    answers.reply = True
    click(qtbot, page.delete_button)
    assert lectures.list_lectures(lin) == []
    assert page.table.rowCount() == 0 and page.totals_box.audience_value.text() == "0"


def test_lead_sees_only_the_totals(qtbot: QtBot, lin: SignedIn, lead: SignedIn) -> None:
    lectures.add_lecture(
        lin,
        LectureInput(
            TODAY,
            "机密主题标题",
            "某主讲人",
            (HeadcountCell(F, MIDDLE, 7), HeadcountCell(M, LEADING, 3)),
        ),
    )
    page = _page(qtbot, lead)
    assert page.totals_only and not hasattr(page, "table")
    assert page.new_lecture() is None
    assert page.totals_box.lectures_value.text() == "1"
    assert page.totals_box.audience_value.text() == "10"
    assert page.totals_box.grid.value(F, MIDDLE) == 7
    shown = "\n".join(w.text() for w in page.findChildren(QLabel))
    assert "机密主题标题" not in shown and "某主讲人" not in shown
    _shoot(page, "lectures_lead")


def test_screens_at_a_large_font(qtbot: QtBot, lin: SignedIn) -> None:
    lectures.add_lecture(
        lin, LectureInput(TODAY, "压力管理讲座", "外请专家", (HeadcountCell(F, GENERAL, 30),))
    )
    with large_font():
        page = _page(qtbot, lin)
        qtbot.wait(20)
        _shoot(page, "lectures_page_large")
        page.table.selectRow(0)
        dialog = page._open_selected()
        assert dialog is not None
        dialog.adjustSize()
        qtbot.wait(20)
        _shoot(dialog, "lecture_dialog_large")
        for shown in dialog.findChildren(QLabel):
            if shown.isVisible() and not shown.wordWrap():
                assert shown.width() >= shown.sizeHint().width(), shown.text()
        dialog.reject()
