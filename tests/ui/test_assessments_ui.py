"""Assessments in the case view and on the dashboard: typing in a paper form and seeing
the result, the crisis steps at once for a critical answer, the timeline row and its
details (and withdrawing an entry made in error), the warnings with their response, and
what the custodian may do."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from station.errors import ValidationError
from station.models.vocab import WarningResponse
from station.scales.definition import WarningLevel
from station.services import assessments, cases
from station.services.context import SignedIn
from station.services.views import TimelineKind
from station.ui.assessment_dialogs import (
    AssessmentDetailDialog,
    AssessmentDialog,
    CrisisPromptDialog,
    WarningResponseDialog,
    WarningRow,
)
from station.ui.case_forms import RiskDialog
from station.ui.case_view import CaseView
from station.ui.dashboard_page import DashboardPage
from station.ui.timeline_model import COL_KIND, COL_SUMMARY
from tests.records_fixtures import new_client_case
from tests.ui.conftest import Answers
from tests.ui.helpers import choose, click, retype
from tests.ui.test_case_view import large_font, open_view, shot

TODAY = date.today()
MODERATE = [2, 2, 1, 1, 2, 1, 1, 2, 0]  # PHQ-9 total 12: 中度, a 关注 warning
CRITICAL = [1, 1, 0, 1, 0, 0, 0, 0, 2]  # item 9 above 0


@pytest.fixture
def case_id(lin: SignedIn) -> int:
    return new_client_case(lin, name="欧阳晓梅", opened_on=TODAY - timedelta(days=60))[1]


def _enter(qtbot: QtBot, view: CaseView, values: list[int]) -> AssessmentDialog:
    """录入测评 with PHQ-9, typing each answer's number key (position 1…4)."""
    dialog = view.enter_assessment()
    assert isinstance(dialog, AssessmentDialog)
    choose(dialog.scale_combo, "phq9")
    form = dialog.form
    assert form is not None
    for index, value in enumerate(values):
        qtbot.keyClick(form.items[index].focus_target(), getattr(Qt.Key, f"Key_{value + 1}"))
    assert form.answers() == values
    return dialog


def _rows_of(view: CaseView, kind: str) -> list[int]:
    model = view.model
    return [r for r in range(model.rowCount()) if model.index(r, COL_KIND).data() == kind]


def test_paper_entry_shows_the_result_and_the_timeline_row(
    qtbot: QtBot, lin: SignedIn, case_id: int
) -> None:
    view = open_view(qtbot, lin, case_id, size=(1100, 780))
    dialog = _enter(qtbot, view, MODERATE)
    assert dialog.date_edit.maximumDate() == QDate.currentDate()  # not in the future
    assert dialog.count_label.text() == dialog.tr("Answered {0} of {1} items").format(9, 9)
    qtbot.wait(100)  # the scrolled form settles before the screenshot
    shot(dialog, "assessment_entry")
    click(qtbot, dialog.ok_button)

    recorded = dialog.recorded
    assert recorded is not None and recorded.result.total == 12
    assert not recorded.crisis and view.crisis_prompt is None
    facts = "\n".join(w.text() for w in dialog.result_box.findChildren(QLabel))
    assert "12" in facts and "中度" in facts
    assert [r.warning.level for r in dialog.result_box.findChildren(WarningRow)] == [
        WarningLevel.WARN
    ]
    assert dialog.ok_button.text() == "完成" and dialog.cancel_button.isHidden()
    shot(dialog, "assessment_result")
    click(qtbot, dialog.ok_button)
    assert view.dialog is None

    rows = _rows_of(view, "测评")
    assert len(rows) == 1
    summary = view.model.index(rows[0], COL_SUMMARY).data()
    assert "PHQ-9" in summary and "12 分" in summary and "中度" in summary and "预警" in summary
    assert view.tabs.tabText(1) == "测评（1 条待处理预警）"


def test_a_critical_answer_brings_up_the_crisis_steps_at_once(
    qtbot: QtBot, lin: SignedIn, case_id: int
) -> None:
    view = open_view(qtbot, lin, case_id, size=(1100, 780))
    dialog = _enter(qtbot, view, CRITICAL)
    click(qtbot, dialog.ok_button)
    prompt = view.crisis_prompt
    assert isinstance(prompt, CrisisPromptDialog) and prompt.isVisible()
    text = prompt.text()
    for needed in ("120", "110", "12356"):
        assert needed in text
    assert [w.level for w in prompt.warnings] == [WarningLevel.CRITICAL]
    shot(prompt, "crisis_prompt")
    click(qtbot, prompt.risk_buttons[case_id])
    risk = prompt.findChildren(RiskDialog)
    assert len(risk) == 1 and risk[0].isVisible()  # over the prompt, which stays open
    assert prompt.isVisible()
    risk[0].reject()
    click(qtbot, prompt.close_button)
    assert view.crisis_prompt is None


def test_unanswered_items_follow_the_scales_rule(
    qtbot: QtBot, lin: SignedIn, case_id: int, answers: Answers
) -> None:
    view = open_view(qtbot, lin, case_id)
    dialog = view.enter_assessment()
    assert isinstance(dialog, AssessmentDialog)
    choose(dialog.scale_combo, "phq9")
    assert dialog.form is not None
    form = dialog.form
    form.set_answers([1, 1, 1, 1, 1, 1])  # three missing: PHQ-9 gives no total then
    answers.reply = False
    click(qtbot, dialog.ok_button)
    assert dialog.recorded is None and "总分" in answers.texts()
    assert form.items[6].error.text() == "未作答"
    answers.reply = True
    click(qtbot, dialog.ok_button)
    assert dialog.recorded is not None and dialog.recorded.result.total is None
    assert "不计总分" in "\n".join(w.text() for w in dialog.result_box.findChildren(QLabel))


def test_a_service_message_about_an_item_is_shown_at_the_item(
    qtbot: QtBot, lin: SignedIn, case_id: int
) -> None:
    view = open_view(qtbot, lin, case_id)
    dialog = view.enter_assessment()
    assert isinstance(dialog, AssessmentDialog)
    choose(dialog.scale_combo, "phq9")
    assert dialog.form is not None
    dialog.show_error(ValidationError("第 4 题的答案无效。", "bad", field="item:4"))
    assert dialog.form.items[3].error.text() == "第 4 题的答案无效。"
    dialog.show_error(ValidationError("没有任何作答，未保存。", "none", field="answers"))
    assert dialog.answers_error.text() == "没有任何作答，未保存。"
    dialog.show_error(ValidationError("测评日期不能晚于今天。", "late", field="administered_on"))
    assert dialog.fields.messages()["administered_on"] == "测评日期不能晚于今天。"
    click(qtbot, dialog.ok_button)  # nothing typed: the service says so above the form
    assert dialog.recorded is None and dialog.answers_error.text()


def test_dashboard_lists_open_warnings_and_a_response_clears_one(
    qtbot: QtBot, lin: SignedIn, case_id: int
) -> None:
    other = new_client_case(lin, name="司马青", opened_on=TODAY - timedelta(days=5))[1]
    assessments.record_assessment(lin, case_id, "phq9", MODERATE, TODAY - timedelta(days=2))
    assessments.record_assessment(lin, other, "phq9", CRITICAL, TODAY)
    page = DashboardPage(lin)
    qtbot.addWidget(page)
    page.resize(1000, 760)
    page.show()
    qtbot.waitExposed(page)
    levels = [r.warning.level for r in page.warning_rows]
    assert levels == [WarningLevel.CRITICAL, WarningLevel.WARN]  # critical first
    codes = {r.warning.case_code for r in page.warning_rows}
    assert codes == {cases.case_view(lin, case_id).code, cases.case_view(lin, other).code}
    assert page.warnings_box.title() == "待处理预警（2）"
    shot(page, "dashboard_warnings")

    opened: list[int] = []
    page.open_case.connect(opened.append)
    row = page.warning_rows[1]
    assert row.open_button is not None and row.respond_button is not None
    click(qtbot, row.open_button)
    assert opened == [case_id]

    click(qtbot, row.respond_button)
    dialog = page.response_dialog
    assert isinstance(dialog, WarningResponseDialog)
    choose(dialog.response_combo, WarningResponse.NO_ACTION.value)
    click(qtbot, dialog.ok_button)  # "no action" needs its reason
    assert "response_note" in dialog.fields.messages() and dialog.isVisible()
    shot(dialog, "warning_response")
    retype(qtbot, dialog.note_edit, "已在本周个体咨询中评估，症状与近期工作变动有关。")
    click(qtbot, dialog.ok_button)
    assert page.response_dialog is None
    assert [r.warning.level for r in page.warning_rows] == [WarningLevel.CRITICAL]
    assert page.warnings_box.title() == "待处理预警（1）"


def test_case_tab_shows_warnings_with_status_and_trends(
    qtbot: QtBot, lin: SignedIn, case_id: int
) -> None:
    assessments.record_assessment(lin, case_id, "phq9", MODERATE, TODAY - timedelta(days=40))
    assessments.record_assessment(lin, case_id, "phq9", [1] * 8 + [0], TODAY - timedelta(days=3))
    view = open_view(qtbot, lin, case_id, size=(1100, 820))
    assert view.assessment_button.isVisible() and view.kiosk_button.isVisible()
    assert view.tabs.tabText(1) == "测评（1 条待处理预警）"
    view.show_assessments()
    pane = view.assessments_pane
    chart = pane.chart
    assert [p.y() for p in chart.total_series["phq9"].points()] == [12, 8]
    assert len(pane.rows) == 1 and pane.rows[0].respond_button is not None
    shot(view, "case_assessments")

    click(qtbot, pane.rows[0].respond_button)
    dialog = view.dialog
    assert isinstance(dialog, WarningResponseDialog)
    choose(dialog.response_combo, WarningResponse.SESSION_BOOKED.value)
    retype(qtbot, dialog.note_edit, "已约下周二个体咨询。")
    click(qtbot, dialog.ok_button)
    assert view.tabs.tabText(1) == "测评"
    row = view.assessments_pane.rows[0]
    assert row.respond_button is None
    assert "已预约咨询" in row.status_label.text()


def test_timeline_row_opens_the_details_and_an_error_entry_is_withdrawn(
    qtbot: QtBot, lin: SignedIn, case_id: int
) -> None:
    recorded = assessments.record_assessment(lin, case_id, "phq9", MODERATE, TODAY)
    view = open_view(qtbot, lin, case_id)
    row = _rows_of(view, "测评")[0]
    view.open_item(row)
    open_button = view.detail_host.findChild(QPushButton, "openAssessment")
    assert open_button is not None
    click(qtbot, open_button)
    dialog = view.dialog
    assert isinstance(dialog, AssessmentDetailDialog)
    assert dialog.detail is not None and dialog.detail.brief.id == recorded.assessment_id
    table = dialog.answers_table
    assert table.rowCount() == 9
    assert table.item(0, 2).text() == "一半以上的天数"  # item 1 answered 2
    shot(dialog, "assessment_detail")

    click(qtbot, dialog.withdraw_button)
    click(qtbot, dialog.confirm_button)  # a reason is needed
    assert dialog.reason_error.text() and dialog.isVisible()
    retype(qtbot, dialog.reason_edit, "录入到了错误的个案。")
    click(qtbot, dialog.confirm_button)
    assert dialog.withdrawn and view.dialog is None
    assert _rows_of(view, "测评") == []
    assert assessments.open_warnings(lin) == []  # its warning closed with it
    assert all(i.kind is not TimelineKind.ASSESSMENT for i in view.model.items())


def test_custodian_reads_assessments_but_does_not_enter_them(
    qtbot: QtBot, lin: SignedIn, custodian: SignedIn, case_id: int
) -> None:
    assessments.record_assessment(lin, case_id, "phq9", MODERATE, TODAY)
    view = open_view(qtbot, custodian, case_id)
    assert view.assessment_button.isHidden() and view.kiosk_button.isHidden()
    assert view.enter_assessment() is None
    assert not view.assessment_shortcut.isEnabled()
    view.show_assessments()
    assert len(view.assessments_pane.rows) == 1
    # the custodian may record a response (the service allows it)
    assert view.assessments_pane.rows[0].respond_button is not None


def test_ctrl_shift_a_opens_the_entry_dialog(qtbot: QtBot, lin: SignedIn, case_id: int) -> None:
    view = open_view(qtbot, lin, case_id)
    view.back_button.setFocus()
    qtbot.keyClick(
        QApplication.focusWidget() or view,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert isinstance(view.dialog, AssessmentDialog)
    view.dialog.reject()


def test_entry_and_response_dialogs_at_a_large_font(
    qtbot: QtBot, lin: SignedIn, case_id: int
) -> None:
    with large_font():
        _large_font_dialogs(qtbot, lin, case_id)


def _large_font_dialogs(qtbot: QtBot, lin: SignedIn, case_id: int) -> None:
    assessments.record_assessment(lin, case_id, "phq9", MODERATE, TODAY)
    view = open_view(qtbot, lin, case_id, size=(1200, 860))
    dialog = view.enter_assessment()
    assert isinstance(dialog, AssessmentDialog)
    choose(dialog.scale_combo, "phq9")
    assert dialog.form is not None
    first = dialog.form.items[0]
    for radio in first.buttons:  # whole option labels, not cut off
        assert radio.width() >= radio.sizeHint().width()
        assert radio.height() >= radio.sizeHint().height()
    qtbot.wait(50)
    shot(dialog, "assessment_entry_large")
    dialog.reject()
    view.show_assessments()
    row = view.assessments_pane.rows[0]
    assert row.respond_button is not None
    click(qtbot, row.respond_button)
    response = view.dialog
    assert isinstance(response, WarningResponseDialog)
    reason = next(
        w for w in response.facts.findChildren(QLabel) if w.text() == response.warning.reason
    )
    assert reason.height() >= reason.heightForWidth(reason.width())  # wrapped, not cut
    shot(response, "warning_response_large")


def test_tab_walks_scale_date_each_item_then_save(
    qtbot: QtBot, lin: SignedIn, case_id: int
) -> None:
    view = open_view(qtbot, lin, case_id)
    dialog = view.enter_assessment()
    assert isinstance(dialog, AssessmentDialog)
    choose(dialog.scale_combo, "phq9")
    form = dialog.form
    assert form is not None
    form.set_answers([None, 2])  # item 2's chosen option is where Tab lands
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.date_edit.setFocus()
    for _ in range(3):  # Tab first steps through the date's year, month and day
        if QApplication.focusWidget() is dialog.date_edit:
            qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Tab)
    seen = [QApplication.focusWidget()]
    for _ in range(len(form.items)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen[:2] == [form.items[0].buttons[0], form.items[1].buttons[2]]
    assert seen[2:9] == [item.buttons[0] for item in form.items[2:]]
    assert seen[9] is dialog.ok_button
