"""团体辅导: a programme with facilitators, a session, attendance (registered clients and an
anonymous headcount) and its total, the monthly totals, and the station lead's figures-only
page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from station.models.vocab import Gender, GroupTheme, RankLevel
from station.services import accounts, audit, groups
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.services.groups import GroupSessionInput, HeadcountCell, ProgrammeInput
from station.ui.groups_page import AttendanceDialog, GroupSessionDialog, GroupsPage, ProgrammeDialog
from tests.records_fixtures import make_counsellor, make_lead, new_client_case
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import click, table_cells

F, M = Gender.FEMALE, Gender.MALE
GENERAL, MIDDLE, LEADING = RankLevel.GENERAL, RankLevel.MIDDLE, RankLevel.LEADING


@dataclass
class Team:
    custodian: SignedIn
    lin: SignedIn
    zhao: SignedIn
    lead: SignedIn
    lins_client: int


@pytest.fixture
def team(custodian: SignedIn, vault_dir: Path) -> Iterator[Team]:
    lin = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    zhao = make_counsellor(custodian, vault_dir, "zhao", "赵咨询")
    lead = make_lead(custodian, vault_dir)
    client, _case = new_client_case(lin, alias="团体-甲", gender=F, rank_level=MIDDLE)
    yield Team(custodian, lin, zhao, lead, client)
    for ctx in (lin, zhao, lead):
        if ctx.vault.is_open:
            accounts.logout(ctx)


def _page(qtbot: QtBot, ctx: SignedIn) -> GroupsPage:
    page = GroupsPage(ctx)
    qtbot.addWidget(page)
    page.resize(920, 680)
    page.show()
    return page


def _shown_texts(widget: QWidget) -> str:
    texts = [w.text() for w in widget.findChildren(QLabel)]
    for table in widget.findChildren(QTableWidget):
        texts += [cell for row in table_cells(table) for cell in row]
    return "\n".join(texts)


@contextmanager
def large_font() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    large = QFont(font)
    large.setPointSize(14)  # about 150 % scaling
    app.setFont(large)
    try:
        yield
    finally:
        app.setFont(font)


def _shoot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()  # let layouts settle
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def _programme(ctx: SignedIn, *facilitators: int, title: str = "减压团体") -> int:
    return groups.add_programme(
        ctx, ProgrammeInput(title, GroupTheme.STRESS, facilitators, "八次团体辅导。")
    )


# -- a counsellor's path ------------------------------------------------------------------------
def test_programme_session_attendance_and_totals(qtbot: QtBot, team: Team) -> None:
    page = _page(qtbot, team.lin)
    assert page.empty_label.isVisible()

    click(qtbot, page.new_programme_button)
    dialog = page.dialog
    assert isinstance(dialog, ProgrammeDialog)
    assert dialog.facilitator_ids() == (team.lin.user_id,)  # the creator is ticked
    dialog.title_edit.setText("职场减压团体")
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(GroupTheme.STRESS.value))
    dialog.set_facilitators({team.lin.user_id, team.zhao.user_id})
    dialog.description_edit.setPlainText("八次团体辅导，每周一次。")
    dialog.adjustSize()
    _shoot(dialog, "group_programme_dialog")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == ProgrammeDialog.DialogCode.Accepted

    # the new programme opens at once
    assert page.stack.currentWidget() is page.detail_view
    assert page.programme_title.text() == "职场减压团体"
    assert page.facilitators_value.text() in ("林咨询、赵咨询", "赵咨询、林咨询")
    assert page.theme_value.text() == "压力管理"
    assert page.session_table.rowCount() == 0

    click(qtbot, page.new_session_button)
    session_dialog = page.dialog
    assert isinstance(session_dialog, GroupSessionDialog)
    session_dialog.room_edit.setText("团体活动室")
    session_dialog.duration_spin.setValue(120)
    session_dialog.notes_edit.setPlainText("破冰与放松训练。")
    session_dialog.adjustSize()
    _shoot(session_dialog, "group_session_dialog")
    click(qtbot, session_dialog.ok_button)
    assert table_cells(page.session_table) == [
        [date.today().isoformat(), "120 分钟", "团体活动室", "0"]
    ]

    # attendance: one registered client and an anonymous headcount
    page.session_table.selectRow(0)
    click(qtbot, page.attendance_button)
    attendance = page.dialog
    assert isinstance(attendance, AttendanceDialog)
    click(qtbot, attendance.search_button)
    assert attendance.results.count() == 1
    assert attendance.results.item(0).text().startswith(f"{date.today().year}-0001")
    attendance.results.setCurrentRow(0)
    click(qtbot, attendance.add_button)
    assert attendance.attendee_ids() == (team.lins_client,)
    assert attendance.attendee_list.item(0).text() == "测试来访者"
    click(qtbot, attendance.add_button)  # the same client twice stays one attendee
    assert attendance.attendee_ids() == (team.lins_client,)
    for action in ("case_view", "identity_view"):  # picking opens no case
        assert audit.browse(team.custodian, AuditFilter(action=action)) == []
    attendance.grid.spin(M, GENERAL).setValue(3)
    attendance.grid.spin(F, MIDDLE).setValue(2)
    attendance.grid.spin(F, LEADING).setValue(1)
    assert attendance.grid.grand_total.text() == "6"
    assert attendance.total() == 7
    assert "7" in attendance.total_label.text()
    attendance.resize(attendance.width(), 820)  # the whole form (the offscreen screen is small)
    _shoot(attendance, "group_attendance_dialog")
    click(qtbot, attendance.ok_button)
    assert attendance.result() == AttendanceDialog.DialogCode.Accepted

    assert table_cells(page.session_table)[0][3] == "7"
    session_id = page.session_table.selected_id()
    assert session_id is not None
    saved = groups.group_session_view(team.lin, session_id)
    assert (saved.attendance.registered, saved.attendance.anonymous) == (1, 6)
    assert set(saved.headcount) == {
        HeadcountCell(M, GENERAL, 3),
        HeadcountCell(F, MIDDLE, 2),
        HeadcountCell(F, LEADING, 1),
    }
    _shoot(page, "groups_detail")

    # the list shows the programme with its facilitators and session count
    click(qtbot, page.back_button)
    assert page.stack.currentWidget() is page.list_view
    rows = table_cells(page.programme_table)
    assert rows[0][0] == "职场减压团体" and rows[0][1] == "压力管理" and rows[0][3] == "1"
    assert "林咨询" in rows[0][2] and "赵咨询" in rows[0][2]
    _shoot(page, "groups_list")

    # the month's totals
    assert page.tabs is not None
    page.tabs.setCurrentIndex(1)
    panel = page.totals_panel
    figures = {key: shown.text() for key, shown in panel.figures.items()}
    assert figures == {
        "programmes": "1",
        "sessions": "1",
        "registered": "1",
        "anonymous": "6",
        "total": "7",
    }
    assert panel.theme_rows() == [["压力管理", "1", "7"]]
    # the registered client (woman, middle level) is counted with the headcount
    assert panel.grid.value(F, MIDDLE) == 3 and panel.grid.grand_total.text() == "7"
    _shoot(page, "groups_totals")
    panel.picker.step(-1)
    assert panel.figures["total"].text() == "0"
    panel.picker.step(1)
    assert panel.figures["total"].text() == "7"


def test_attendance_entered_again_keeps_what_was_saved(qtbot: QtBot, team: Team) -> None:
    programme_id = _programme(team.lin)
    session_id = groups.add_group_session(team.lin, programme_id, GroupSessionInput(date.today()))
    groups.set_session_attendance(
        team.lin, session_id, [team.lins_client], [HeadcountCell(M, LEADING, 4)]
    )
    page = _page(qtbot, team.lin)
    page.open_programme(programme_id)
    dialog = page.open_attendance(session_id)
    assert dialog is not None
    assert dialog.attendee_ids() == (team.lins_client,)
    # the label the case list shows: the name lin sees, ahead of the alias 团体-甲
    assert dialog.attendee_list.item(0).text() == "测试来访者"
    assert dialog.grid.value(M, LEADING) == 4 and dialog.total() == 5
    assert not dialog.has_changes()
    dialog.attendee_list.setCurrentRow(0)
    click(qtbot, dialog.remove_button)
    assert dialog.total() == 4
    click(qtbot, dialog.ok_button)
    total = groups.attendance_total(team.lin, session_id)
    assert (total.registered, total.anonymous) == (0, 4)


def test_colleague_sees_counts_but_not_the_attendee(qtbot: QtBot, team: Team) -> None:
    """赵 leads nothing here and may not see 林's client: read-only, a count only."""
    programme_id = _programme(team.lin)
    session_id = groups.add_group_session(team.lin, programme_id, GroupSessionInput(date.today()))
    groups.set_session_attendance(team.lin, session_id, [team.lins_client], [])
    page = _page(qtbot, team.zhao)
    page.open_programme(programme_id)
    assert not page.new_session_button.isVisible()
    assert not page.edit_programme_button.isVisible()
    page.session_table.selectRow(0)
    click(qtbot, page.attendance_button)
    dialog = page.dialog
    assert isinstance(dialog, AttendanceDialog)
    assert dialog.attendee_ids() == () and dialog.total() == 1
    assert not dialog.ok_button.isVisible() and not dialog.search_pane.isVisible()
    assert "团体-甲" not in _shown_texts(dialog) and "测试来访者" not in _shown_texts(dialog)
    dialog.close_guarded()
    assert not dialog.isVisible()


def test_errors_show_at_the_field_and_changes_are_guarded(
    qtbot: QtBot, team: Team, answers: Answers
) -> None:
    page = _page(qtbot, team.lin)
    dialog = page.new_programme()
    click(qtbot, dialog.ok_button)
    assert set(dialog.fields.messages()) == {"title"}
    assert groups.list_programmes(team.lin) == []

    dialog.title_edit.setText("心理沙龙")
    dialog.set_facilitators(set())
    click(qtbot, dialog.ok_button)
    assert set(dialog.fields.messages()) == {"facilitators"}
    assert dialog.title_edit.text() == "心理沙龙"  # nothing typed is lost

    answers.reply = False  # keep editing
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[no-untyped-call]
    assert dialog.isVisible()
    assert answers.seen[-1][0] == "ask"
    answers.reply = True
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible()
    assert groups.list_programmes(team.lin) == []

    # a session on a future date cannot take attendance: the service says so in the dialog
    programme_id = _programme(team.lin)
    future = groups.add_group_session(
        team.lin,
        programme_id,
        GroupSessionInput(date.fromordinal(date.today().toordinal() + 30)),
    )
    page.open_programme(programme_id)
    attendance = page.open_attendance(future)
    assert attendance is not None
    attendance.grid.spin(F, GENERAL).setValue(2)
    click(qtbot, attendance.ok_button)
    assert attendance.isVisible()
    assert "尚未举行" in attendance.fields.general.text()
    assert attendance.grid.value(F, GENERAL) == 2


def test_custodian_picks_facilitators_among_all_staff(qtbot: QtBot, team: Team) -> None:
    page = _page(qtbot, team.custodian)
    dialog = page.new_programme()
    names = [dialog.facilitator_list.item(i).text() for i in range(dialog.facilitator_list.count())]
    assert sorted(names) == sorted(["王管理", "林咨询", "赵咨询"])  # never the station lead
    assert dialog.facilitator_ids() == (team.custodian.user_id,)
    dialog.title_edit.setText("音乐放松小组")
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(GroupTheme.MUSIC.value))
    dialog.set_facilitators({team.lin.user_id})
    click(qtbot, dialog.ok_button)
    row = groups.list_programmes(team.custodian)[0]
    assert (row.title, row.theme) == ("音乐放松小组", GroupTheme.MUSIC)
    assert [f.id for f in row.facilitators] == [team.lin.user_id]


def test_lead_sees_only_the_monthly_totals(qtbot: QtBot, team: Team) -> None:
    programme_id = _programme(team.lin, title="秘密团体标题")
    session_id = groups.add_group_session(
        team.lin, programme_id, GroupSessionInput(date.today(), 90, "团体活动室")
    )
    groups.set_session_attendance(
        team.lin, session_id, [team.lins_client], [HeadcountCell(M, GENERAL, 5)]
    )

    page = _page(qtbot, team.lead)
    assert page.totals_only and page.tabs is None
    assert not hasattr(page, "programme_table")
    assert page.totals_panel.figures["total"].text() == "6"
    assert page.totals_panel.figures["programmes"].text() == "1"
    shown = _shown_texts(page)
    assert "秘密团体标题" not in shown and "团体-甲" not in shown and "林咨询" not in shown
    assert "测试来访者" not in shown
    _shoot(page, "groups_lead")


def test_screens_at_a_large_font(qtbot: QtBot, team: Team) -> None:
    programme_id = _programme(team.lin, team.lin.user_id, team.zhao.user_id)
    session_id = groups.add_group_session(
        team.lin, programme_id, GroupSessionInput(date.today(), 90, "团体活动室")
    )
    groups.set_session_attendance(
        team.lin, session_id, [team.lins_client], [HeadcountCell(F, GENERAL, 12)]
    )
    with large_font():
        page = _page(qtbot, team.lin)
        qtbot.wait(20)
        _shoot(page, "groups_list_large")
        page.open_programme(programme_id)
        qtbot.wait(20)
        _shoot(page, "groups_detail_large")
        dialog = page.open_attendance(session_id)
        assert dialog is not None
        dialog.resize(dialog.width(), 900)  # the whole form (the offscreen screen is small)
        qtbot.wait(20)
        _shoot(dialog, "group_attendance_dialog_large")
        for shown in dialog.findChildren(QLabel):
            if shown.isVisible() and not shown.wordWrap():
                assert shown.width() >= shown.sizeHint().width(), shown.text()
        dialog.reject()
        programme_dialog = page.edit_programme()
        assert programme_dialog is not None
        programme_dialog.adjustSize()
        qtbot.wait(20)
        _shoot(programme_dialog, "group_programme_dialog_large")
        programme_dialog.reject()
        assert page.tabs is not None
        page.tabs.setCurrentIndex(1)
        qtbot.wait(200)
        _shoot(page, "groups_totals_large")
