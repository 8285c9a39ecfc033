"""The case's small forms: risk level, crisis event, follow-up planned and completed,
close and reopen, consent, sharing, the case's classification; errors at the field
and the unsaved-changes question."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from station.models.vocab import CaseStatus, Concern, CrisisAction, FollowUpMethod, RiskLevel
from station.services import cases, followups, forms, risk
from station.services.context import SignedIn
from station.ui.case_forms import (
    CaseEditDialog,
    CaseFormDialog,
    CloseCaseDialog,
    ConsentDialog,
    CrisisDialog,
    FollowUpCompleteDialog,
    FollowUpPlanDialog,
    ReassignDialog,
    ReopenCaseDialog,
    RiskDialog,
    SharingDialog,
    to_qdate,
)
from station.ui.case_view import CaseView
from tests.records_fixtures import make_counsellor
from tests.ui.conftest import Answers
from tests.ui.test_case_view import (
    click,
    fill_timeline,
    kinds_shown,
    large_font,
    make_team,
    open_view,
    retype,
    row_of_kind,
    shot,
)

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TODAY = date.today()


def _dialog(qtbot: QtBot, view: CaseView, kind: type[CaseFormDialog]) -> CaseFormDialog:
    dialog = view.dialog
    assert isinstance(dialog, kind), dialog
    qtbot.waitExposed(dialog)
    return dialog


def _ok(qtbot: QtBot, dialog: CaseFormDialog) -> None:
    click(qtbot, dialog.ok_button)


def _closed(dialog: QDialog) -> bool:
    return dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


# -- risk -------------------------------------------------------------------------------
def test_lowering_a_high_risk_needs_a_reason_at_the_field(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    risk.set_risk(team.lin, team.case_id, RiskLevel.HIGH, "表达轻生念头")
    view = open_view(qtbot, team.lin, team.case_id)
    assert view.risk_badge.text() == "风险：高"
    qtbot.keyClick(view.timeline_view, Qt.Key.Key_R, CTRL_SHIFT)
    dialog = _dialog(qtbot, view, RiskDialog)
    assert isinstance(dialog, RiskDialog)
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findText("中"))
    _ok(qtbot, dialog)
    message = dialog.fields.messages()["reason"]
    assert "必须写明下调原因" in message and dialog.isVisible()
    assert dialog.fields["reason"].error.isVisible()
    assert dialog.level_combo.currentText() == "中"  # the choice is kept
    shot(dialog, "risk_dialog")
    retype(qtbot, dialog.reason_edit, "住院观察后复评，情绪平稳。")
    _ok(qtbot, dialog)
    assert _closed(dialog) and view.dialog is None
    assert view.risk_badge.text() == "风险：中"
    summary = view.model.index(row_of_kind(view, "风险等级"), 2).data()
    assert summary.startswith("高 → 中") and "住院观察" in summary


# -- crisis -----------------------------------------------------------------------------
def test_a_crisis_event_is_recorded(qtbot: QtBot, custodian: SignedIn, vault_dir: Path) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    qtbot.keyClick(view.back_button, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = _dialog(qtbot, view, CrisisDialog)
    assert isinstance(dialog, CrisisDialog)
    _ok(qtbot, dialog)
    assert "事件经过" in dialog.fields.messages()["description"]
    retype(qtbot, dialog.description_edit, "单位来电：当事人失联两小时后找到。")
    dialog.actions_grid.boxes[CrisisAction.FAMILY_NOTIFIED].setChecked(True)
    dialog.actions_grid.boxes[CrisisAction.UNIT_NOTIFIED].setChecked(True)
    retype(qtbot, dialog.plan_edit, "家属24小时陪伴；明早复诊。")
    dialog.date_edit.setDate(to_qdate(TODAY - timedelta(days=1)))
    shot(dialog, "crisis_dialog")
    _ok(qtbot, dialog)
    assert _closed(dialog)
    assert kinds_shown(view)[:2] == ["风险等级", "危机事件"]
    assert view.risk_badge.text() == "风险：高"  # at least high after a crisis
    # correcting it: the details pane offers it
    view.open_item(row_of_kind(view, "危机事件"))
    assert view.detail is not None
    fix = view.detail.findChild(QPushButton, "correctCrisis")
    assert fix is not None
    click(qtbot, fix)
    again = _dialog(qtbot, view, CrisisDialog)
    assert isinstance(again, CrisisDialog) and again.level_combo is None
    assert again.actions_grid.values() == (CrisisAction.FAMILY_NOTIFIED, CrisisAction.UNIT_NOTIFIED)
    again.actions_grid.boxes[CrisisAction.HOSPITAL].setChecked(True)
    _ok(qtbot, again)
    assert _closed(again)
    assert "送医" in view.model.index(row_of_kind(view, "危机事件"), 2).data()


# -- follow-ups ------------------------------------------------------------------------
def test_follow_up_planned_then_completed_shows_on_the_timeline(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    click(qtbot, view.follow_up_button)
    dialog = _dialog(qtbot, view, FollowUpPlanDialog)
    assert isinstance(dialog, FollowUpPlanDialog)
    dialog.due_edit.setDate(to_qdate(TODAY - timedelta(days=2)))
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findText("面谈"))
    shot(dialog, "follow_up_plan")
    _ok(qtbot, dialog)
    assert _closed(dialog)
    assert kinds_shown(view) == ["回访 · 逾期"]
    assert view.model.index(0, 2).data() == "面谈 · 逾期 2 天"

    view.open_item(0)
    assert view.detail is not None
    done_button = view.detail.findChild(QPushButton, "completeFollowUp")
    assert done_button is not None
    click(qtbot, done_button)
    complete = _dialog(qtbot, view, FollowUpCompleteDialog)
    assert isinstance(complete, FollowUpCompleteDialog)
    _ok(qtbot, complete)
    assert "回访结果" in complete.fields.messages()["outcome"]
    retype(qtbot, complete.outcome_edit, "睡眠改善，工作状态恢复。")
    qtbot.keyClick(complete.next_box, Qt.Key.Key_Space)
    assert complete.next_edit.isEnabled()
    complete.next_edit.setDate(to_qdate(TODAY - timedelta(days=5)))
    _ok(qtbot, complete)
    assert "晚于" in complete.fields.messages()["next_due_on"]
    complete.next_edit.setDate(to_qdate(TODAY + timedelta(days=30)))
    shot(complete, "follow_up_complete")
    _ok(qtbot, complete)
    assert _closed(complete)
    assert kinds_shown(view) == ["回访 · 计划", "回访 · 已完成"]
    assert "睡眠改善" in view.model.index(1, 2).data()
    planned = [f for f in followups.overdue_follow_ups(team.lin)]
    assert planned == []
    # the side panel shows the follow-up as it now stands: done, nothing left to complete
    assert view.detail is not None
    assert view.detail.findChild(QPushButton, "completeFollowUp") is None
    shown = " ".join(w.text() for w in view.detail.findChildren(QLabel))
    assert "已完成" in shown and "睡眠改善" in shown


# -- closing and reopening -------------------------------------------------------------
def test_close_and_reopen(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, answers: Answers
) -> None:
    team = make_team(custodian, vault_dir)
    risk.set_risk(team.lin, team.case_id, RiskLevel.HIGH, "危机")
    view = open_view(qtbot, team.lin, team.case_id)
    assert view.close_button.text() == "结案…"
    click(qtbot, view.close_button)
    dialog = _dialog(qtbot, view, CloseCaseDialog)
    assert isinstance(dialog, CloseCaseDialog)
    _ok(qtbot, dialog)
    assert "结案小结" in dialog.fields.messages()["summary"]
    retype(qtbot, dialog.summary_edit, "经六次咨询，睡眠与情绪明显改善，工作状态恢复。")
    _ok(qtbot, dialog)
    # a high risk must be lowered first: the service says so, form-wide
    assert "下调风险等级" in dialog.fields.messages()[""] and dialog.isVisible()
    shot(dialog, "close_case")
    dialog.reject()
    risk.set_risk(team.lin, team.case_id, RiskLevel.LOW, "复评风险下降")
    view.reload()
    click(qtbot, view.close_button)
    dialog = _dialog(qtbot, view, CloseCaseDialog)
    assert isinstance(dialog, CloseCaseDialog)
    retype(qtbot, dialog.summary_edit, "经六次咨询，睡眠与情绪明显改善。")
    _ok(qtbot, dialog)
    assert _closed(dialog)
    assert cases.case_view(team.lin, team.case_id).status is CaseStatus.CLOSED
    assert view.status_badge.text() == "已结案"
    assert "结案小结：经六次咨询" in view.status_value.text()
    assert not view.new_session_button.isEnabled()
    assert view.new_session() is None
    assert view.follow_up_button.isEnabled()  # 回访 often follows 结案
    assert view.close_button.text() == "重新开案…"

    click(qtbot, view.close_button)
    reopen = _dialog(qtbot, view, ReopenCaseDialog)
    assert isinstance(reopen, ReopenCaseDialog)
    _ok(qtbot, reopen)
    assert "重新开案原因" in reopen.fields.messages()["reason"]
    retype(qtbot, reopen.reason_edit, "岗位再次调整，本人要求继续咨询。")
    shot(reopen, "reopen_case")
    _ok(qtbot, reopen)
    assert _closed(reopen)
    assert view.status_badge.text() == "进行中" and view.new_session_button.isEnabled()
    assert answers.seen == []


# -- consent, sharing, classification -------------------------------------------------------
def test_consent_is_recorded(qtbot: QtBot, custodian: SignedIn, vault_dir: Path) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    click(qtbot, view.consent_button)
    dialog = _dialog(qtbot, view, ConsentDialog)
    assert isinstance(dialog, ConsentDialog)
    assert dialog.version_edit.text() == forms.consent_form_version()  # the printed form's
    dialog.version_edit.clear()
    _ok(qtbot, dialog)
    assert "版本" in dialog.fields.messages()["form_version"]
    retype(qtbot, dialog.version_edit, "2026版")
    dialog.signed_edit.setDate(to_qdate(TODAY - timedelta(days=30)))
    qtbot.keyClick(dialog.limits_box, Qt.Key.Key_Space)
    shot(dialog, "consent_dialog")
    _ok(qtbot, dialog)
    assert _closed(dialog)
    signed = f"{TODAY - timedelta(days=30):%Y-%m-%d}"
    assert view.consent_value.text() == f"2026版 · {signed} 签署 · 已说明保密限度"


def test_sharing_with_colleagues(qtbot: QtBot, custodian: SignedIn, vault_dir: Path) -> None:
    team = make_team(custodian, vault_dir)
    make_counsellor(custodian, vault_dir, "zhao", "赵咨询").vault.close()
    view = open_view(qtbot, team.lin, team.case_id)
    click(qtbot, view.share_button)
    dialog = _dialog(qtbot, view, SharingDialog)
    assert isinstance(dialog, SharingDialog)
    names = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert names == ["王咨询", "赵咨询"]  # not the case's own counsellor
    assert dialog.chosen() == {team.wang.user_id}
    dialog.people.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.people.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.has_changes()
    shot(dialog, "sharing_dialog")
    _ok(qtbot, dialog)
    assert _closed(dialog)
    shared = cases.case_view(team.lin, team.case_id).shared_with
    assert [ref.display_name for ref in shared] == ["赵咨询"]
    assert view.counsellor_value.text() == "林咨询 · 共享：赵咨询"


def test_source_and_concerns_are_edited(qtbot: QtBot, custodian: SignedIn, vault_dir: Path) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    click(qtbot, view.edit_button)
    dialog = _dialog(qtbot, view, CaseEditDialog)
    assert isinstance(dialog, CaseEditDialog)
    assert dialog.trigger_combo.isVisible()  # a heart-to-heart talk has its trigger
    assert dialog.trigger_combo.currentText() == "岗位调整"
    shot(dialog, "case_edit")
    dialog.concerns_grid.set_values(())
    _ok(qtbot, dialog)
    assert "主诉类别" in dialog.fields.messages()["concerns"]
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findText("单位推荐"))
    assert not dialog.trigger_combo.isVisible()
    dialog.concerns_grid.set_values((Concern.ANXIETY, Concern.FAMILY))
    _ok(qtbot, dialog)
    assert _closed(dialog)
    assert view.source_value.text() == "单位推荐"
    assert view.concerns_value.text() == "焦虑、婚姻家庭"


# -- the unsaved-changes question --------------------------------------------------------
def test_a_dialog_with_changes_asks_before_closing(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, answers: Answers
) -> None:
    team = make_team(custodian, vault_dir)
    view = open_view(qtbot, team.lin, team.case_id)
    dialog = view.plan_follow_up()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: no question
    assert not dialog.isVisible() and answers.seen == []

    dialog = view.change_risk()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    retype(qtbot, dialog.reason_edit, "写了一半的原因")
    answers.reply = False
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers.seen[-1][1] == "放弃未保存的内容？"
    click(qtbot, dialog.cancel_button)
    assert dialog.isVisible() and len(answers.seen) == 2
    assert dialog.reason_edit.toPlainText() == "写了一半的原因"
    answers.reply = True
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible() and view.dialog is None
    assert risk.set_risk  # nothing was saved
    assert cases.case_view(team.lin, team.case_id).risk_level is RiskLevel.NONE


# -- the look at 150 % --------------------------------------------------------------------
def test_case_forms_at_a_large_font(qtbot: QtBot, custodian: SignedIn, vault_dir: Path) -> None:
    team = make_team(custodian, vault_dir)
    fill_timeline(team)
    view_case = cases.case_view(team.lin, team.case_id)
    planned = followups.plan_follow_up(team.lin, team.case_id, TODAY, FollowUpMethod.PHONE)
    follow_up = next(
        item.detail
        for item in cases.timeline(team.lin, team.case_id)
        if item.item_id == planned and item.kind.value == "follow_up"
    )
    with large_font():
        made: list[tuple[str, QDialog]] = [
            ("risk_dialog_large", RiskDialog(team.lin, view_case)),
            ("crisis_dialog_large", CrisisDialog(team.lin, view_case)),
            ("follow_up_plan_large", FollowUpPlanDialog(team.lin, view_case)),
            (
                "follow_up_complete_large",
                FollowUpCompleteDialog(team.lin, view_case, follow_up),  # type: ignore[arg-type]
            ),
            ("close_case_large", CloseCaseDialog(team.lin, view_case)),
            ("reopen_case_large", ReopenCaseDialog(team.lin, view_case)),
            ("consent_dialog_large", ConsentDialog(team.lin, view_case)),
            ("sharing_dialog_large", SharingDialog(team.lin, view_case)),
            ("case_edit_large", CaseEditDialog(team.lin, view_case)),
            ("reassign_dialog_large", ReassignDialog(custodian, view_case)),
        ]
        for name, dialog in made:
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            # the offscreen screen is 800×600: give the dialog the size it asks for
            dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
            shot(dialog, name)
            dialog.reject()
