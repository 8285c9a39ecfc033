"""The session form: every kind entered with the keyboard, errors at the field, the
unsaved-changes guard, the private process note, editing an existing session."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QWidget
from pytestqt.qtbot import QtBot

from station.models.vocab import RiskLevel, ServiceKind, label
from station.services import risk, sessions
from station.services.context import SignedIn
from station.ui.case_forms import to_qdate
from station.ui.case_view import CaseView
from station.ui.session_form import SessionForm, parse_time
from tests.ui.conftest import Answers
from tests.ui.test_case_view import (
    Team,
    click,
    kinds_shown,
    large_font,
    make_team,
    open_view,
    retype,
    row_of_kind,
    shot,
)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _tab(qtbot: QtBot) -> QWidget:
    """Press Tab where the focus is; return the widget that has it afterwards (the
    sections of a date input are stepped through first, as Qt does)."""
    here = _focused()
    assert here is not None
    qtbot.keyClick(here, Qt.Key.Key_Tab)
    now = _focused()
    while isinstance(now, QDateEdit) and now is here:
        qtbot.keyClick(now, Qt.Key.Key_Tab)
        now = _focused()
    assert now is not None
    return now


def _type(qtbot: QtBot, text: str) -> None:
    """Type into the focused input: keys for ASCII, an input-method commit for Chinese."""
    widget = _focused()
    assert widget is not None
    retype(qtbot, widget, text)


def _new_form(qtbot: QtBot, view: CaseView) -> SessionForm:
    here = _focused()
    assert here is not None and view.isAncestorOf(here)
    qtbot.keyClick(here, Qt.Key.Key_N, CTRL_SHIFT)
    form = view.form
    assert form is not None and form.session_id is None
    assert _focused() is form.kind_combo
    return form


def _sessions(team: Team) -> list[sessions.SessionRow]:
    return sessions.list_sessions(team.lin, team.case_id)


def test_every_kind_is_entered_with_the_keyboard(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, answers: Answers
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    for position, kind in enumerate(ServiceKind):
        form = _new_form(qtbot, view)
        # the first session of a case is offered as an intake
        if position == 0:
            assert form.kind() is ServiceKind.INTAKE
        qtbot.keyClick(form.kind_combo, Qt.Key.Key_Home)
        for _ in range(position):
            qtbot.keyClick(form.kind_combo, Qt.Key.Key_Down)
        assert form.kind() is kind
        assert _tab(qtbot) is form.date_edit
        assert _tab(qtbot) is form.start_edit
        _type(qtbot, "1430")
        assert _tab(qtbot) is form.duration_spin
        assert _tab(qtbot) is form.room_edit
        _type(qtbot, "A1")
        assert _tab(qtbot) is form.counsellor_combo
        assert _tab(qtbot) is form.presenting_edit
        _type(qtbot, f"{label(kind)}：来访者谈到近期的工作压力。")
        assert _tab(qtbot) is form.intervention_edit
        _type(qtbot, "倾听、共情，布置放松练习。")
        assert _tab(qtbot) is form.observation_edit
        assert _tab(qtbot) is form.plan_edit
        assert _tab(qtbot) is form.risk_combo
        assert _tab(qtbot) is form.private_edit
        _type(qtbot, "只有我能看到的过程记录")
        if kind is ServiceKind.SANDPLAY:
            panel = form.sandplay_panel
            assert panel is not None and panel.isVisible()
            assert _tab(qtbot) is panel.figures_edit.edit
            _type(qtbot, "房子、小桥、大树")
            assert panel.figures_edit.tags() == ("房子", "小桥", "大树")
            assert _tab(qtbot) is panel.themes_edit.edit
        assert form.has_unsaved_changes()
        qtbot.keyClick(_focused(), Qt.Key.Key_S, CTRL)
        assert form.fields.messages() == {}, form.fields.messages()
        assert form.session_id is not None and form.status.text() == "已保存。"
        assert not form.has_unsaved_changes()
        saved = sessions.session_view(team.lin, form.session_id)
        assert saved.kind is kind and saved.room == "A1"
        assert saved.start_time is not None and saved.start_time.strftime("%H:%M") == "14:30"
        assert saved.private_note == "只有我能看到的过程记录"
        if kind is ServiceKind.SANDPLAY:
            assert saved.sandplay is not None
            assert saved.sandplay.figures == ("房子", "小桥", "大树")
            assert form.sandplay_panel is not None
            assert form.sandplay_panel.add_button.isEnabled()  # photos may follow now
        assert kinds_shown(view)[0] == label(kind)
        qtbot.keyClick(_focused(), Qt.Key.Key_Escape)  # nothing unsaved: closes at once
        assert view.form is None
    assert answers.seen == []
    assert len(_sessions(team)) == len(ServiceKind)


def test_an_error_shows_at_its_field_and_keeps_the_input(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    form = _new_form(qtbot, view)
    retype(qtbot, form.presenting_edit, "已经写好的来访情况")
    form.date_edit.setDate(to_qdate(date.today() + timedelta(days=3)))
    qtbot.keyClick(form.presenting_edit, Qt.Key.Key_S, CTRL)
    shot(view, "session_form_error")
    assert "服务日期不能晚于" in form.fields.messages()["held_on"]
    assert form.fields["held_on"].error.isVisible()
    assert _focused() is form.date_edit
    assert form.presenting_edit.toPlainText() == "已经写好的来访情况"
    assert form.session_id is None and _sessions(team) == []

    form.date_edit.setDate(to_qdate(date.today()))
    form.duration_spin.setValue(0)
    click(qtbot, form.save_button)
    messages = form.fields.messages()
    assert "held_on" not in messages and "时长" in messages["duration_minutes"]

    form.duration_spin.setValue(50)
    retype(qtbot, form.start_edit, "nine am")
    click(qtbot, form.save_button)
    assert "14:30" in form.fields.messages()["start_time"]
    assert form.start_edit.text() == "nine am"
    retype(qtbot, form.start_edit, "9:05")
    click(qtbot, form.save_button)
    assert form.fields.messages() == {} and len(_sessions(team)) == 1
    assert form.presenting_edit.toPlainText() == "已经写好的来访情况"


def test_lowering_a_high_risk_in_a_session_needs_the_observation(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    risk.set_risk(team.lin, team.case_id, RiskLevel.HIGH, "表达无望感")
    view = open_view(qtbot, team.lin, team.case_id)
    form = _new_form(qtbot, view)
    assert form.risk_combo.currentText() == "高"  # the case's level is the default
    form.risk_combo.setCurrentIndex(form.risk_combo.findText("低"))
    retype(qtbot, form.presenting_edit, "情绪明显好转")
    click(qtbot, form.save_button)
    assert "下调" in form.fields.messages()["observation"]
    assert form.presenting_edit.toPlainText() == "情绪明显好转"
    retype(qtbot, form.observation_edit, "睡眠恢复，无自伤想法。")
    click(qtbot, form.save_button)
    assert form.fields.messages() == {}
    assert view.risk_badge.text() == "风险：低"


def test_unsaved_changes_are_guarded(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, answers: Answers
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    form = _new_form(qtbot, view)
    retype(qtbot, form.presenting_edit, "写了一半")
    answers.reply = False
    qtbot.keyClick(form.presenting_edit, Qt.Key.Key_Escape)
    assert answers.seen[-1][0] == "ask" and "放弃" in answers.seen[-1][1]
    assert view.form is form and form.isVisible()
    assert form.presenting_edit.toPlainText() == "写了一半"
    # starting another session asks too, and No keeps this one
    assert view.new_session(ServiceKind.MUSIC) is None and view.form is form
    click(qtbot, form.close_button)
    assert view.form is form and len(answers.seen) == 3
    answers.reply = True
    qtbot.keyClick(form.presenting_edit, Qt.Key.Key_Escape)
    assert view.form is None
    assert _sessions(team) == []


def test_the_private_note_belongs_to_its_author(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    form = _new_form(qtbot, view)
    assert form.private_box is not None
    assert form.private_box.title() == "仅自己可见（过程记录）"
    retype(qtbot, form.presenting_edit, "结构化记录")
    assert form.private_edit is not None
    retype(qtbot, form.private_edit, "个人工作笔记：注意移情")
    click(qtbot, form.save_button)
    session_id = form.session_id
    assert session_id is not None
    shot(view, "session_form")

    # the colleague the case is shared with: the note field does not exist
    other = open_view(qtbot, team.wang, team.case_id)
    other.open_item(row_of_kind(other, "初访"))
    theirs = other.form
    assert theirs is not None and theirs.session_id == session_id and theirs.editable
    assert theirs.private_edit is None and theirs.private_box is None
    assert theirs.presenting_edit.toPlainText() == "结构化记录"
    retype(qtbot, theirs.plan_edit, "下周再约")
    click(qtbot, theirs.save_button)
    assert theirs.fields.messages() == {}
    assert sessions.session_view(team.lin, session_id).private_note == "个人工作笔记：注意移情"

    # the author opens it again: the note is there, and the colleague's plan too
    view.open_item(row_of_kind(view, "初访"))
    mine = view.form
    assert mine is not None and mine.private_edit is not None
    assert mine.private_edit.toPlainText() == "个人工作笔记：注意移情"
    assert mine.plan_edit.toPlainText() == "下周再约"


def test_an_existing_session_is_edited_and_deleted(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, answers: Answers
) -> None:
    team = make_team(custodian, vault_dir)
    sid = sessions.add_session(
        team.lin,
        team.case_id,
        sessions.SessionInput(
            kind=ServiceKind.INDIVIDUAL, held_on=date.today(), presenting="初稿", room="二号室"
        ),
    )
    view = open_view(qtbot, team.lin, team.case_id)
    view.open_item(0)
    form = view.form
    assert form is not None and form.session_id == sid
    assert form.room_edit.text() == "二号室" and form.presenting_edit.toPlainText() == "初稿"
    assert not form.has_unsaved_changes()
    retype(qtbot, form.presenting_edit, "修改后的来访情况")
    qtbot.keyClick(form.presenting_edit, Qt.Key.Key_S, CTRL)
    assert sessions.session_view(team.lin, sid).presenting == "修改后的来访情况"
    assert len(_sessions(team)) == 1
    assert form.heading.text().endswith("个体咨询")

    # its author may delete it, after a question
    assert form.delete_button.isVisible()
    answers.reply = False
    click(qtbot, form.delete_button)
    assert answers.seen[-1][1] == "删除这条服务记录？" and len(_sessions(team)) == 1
    answers.reply = True
    click(qtbot, form.delete_button)
    assert _sessions(team) == [] and view.form is None and view.model.rowCount() == 0


def test_times_are_read_in_the_usual_ways() -> None:
    assert parse_time("") is None
    assert str(parse_time("14:30")) == "14:30:00"
    assert str(parse_time("14：30")) == "14:30:00"
    assert str(parse_time("1430")) == "14:30:00"
    assert str(parse_time(" 9.05 ")) == "09:05:00"
    for bad in ("2:3", "abc", "25:00", "12:75"):
        try:
            parse_time(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_session_form_at_a_large_font(qtbot: QtBot, custodian: SignedIn, vault_dir: Path) -> None:
    team = make_team(custodian, vault_dir)
    with large_font():
        view = open_view(qtbot, team.lin, team.case_id, (1100, 860))
        form = view.new_session(ServiceKind.SANDPLAY)
        assert form is not None
        retype(qtbot, form.presenting_edit, "来访者谈到岗位调整后的不适应。")
        shot(view, "session_form_large")
        view.close()
