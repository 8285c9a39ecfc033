"""心理测评 page: a screening created, three paper forms typed as digit strings (a wrong
digit named at its field), the report's figures, a warning answered and a case opened
from the follow-up list, and the station lead's figures-only view."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from station.models.vocab import AssessmentMode, CaseSource, Concern, Gender, WarningResponse
from station.scales.definition import ScaleDefinition, WarningLevel
from station.services import assessments, audit, cases, screenings
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.services.screenings import ScreeningInput
from station.ui.assessment_dialogs import CrisisPromptDialog, WarningResponseDialog
from station.ui.kiosk import KioskHost, KioskWindow, Saver
from station.ui.new_case_dialog import NewCaseDialog
from station.ui.screening_dialogs import DigitEntry, NewScreeningDialog
from station.ui.screenings_page import ScreeningDetail, ScreeningsPage
from station.ui.trend_chart import level_text
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import (
    choose,
    click,
    ime_type,
    large_font,  # noqa: F401
    table_cells,
)


def _page(qtbot: QtBot, ctx: SignedIn) -> ScreeningsPage:
    page = ScreeningsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1040, 760)
    page.show()
    return page


def _shoot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def _shown_texts(widget: QWidget) -> str:
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    for table in widget.findChildren(QTableWidget):
        texts += [cell for row in table_cells(table) for cell in row]
    return "\n".join(texts)


def _focused(widget: QWidget) -> bool:
    """Whether ``widget`` has the focus of its window (offscreen windows are not active)."""
    return widget.window().focusWidget() is widget


def _detail(page: ScreeningsPage) -> ScreeningDetail:
    assert page.detail is not None and page.stack.currentWidget() is page.detail
    return page.detail


def _type_form(qtbot: QtBot, page: ScreeningsPage, name: str, **answers: str) -> None:
    """Type one paper form as a counsellor does, and press Enter in the last field."""
    people = _detail(page).people
    assert people is not None
    last = people.code_edit
    if name:
        assert people.name_edit is not None
        ime_type(people.name_edit, name)
        last = people.name_edit
    for scale_id, text in answers.items():
        edit = people.scale_edits[scale_id]
        edit.setFocus()
        qtbot.keyClicks(edit, text)
        last = edit
    qtbot.keyClick(last, Qt.Key.Key_Return)


@pytest.fixture
def crisis_closed() -> Iterator[list[CrisisPromptDialog]]:
    shown: list[CrisisPromptDialog] = []
    yield shown
    for dialog in shown:
        dialog.reject()


def test_screening_from_creation_to_report(
    qtbot: QtBot, lin: SignedIn, answers: Answers, crisis_closed: list[CrisisPromptDialog]
) -> None:
    page = _page(qtbot, lin)
    assert page.empty_label.isVisible()
    _shoot(page, "screenings_empty")

    # -- a new screening by name with PHQ-9 and GAD-7 -----------------------------------
    click(qtbot, page.new_button)
    dialog = page.dialog
    assert isinstance(dialog, NewScreeningDialog)
    assert dialog.code_radio.isChecked()  # by code unless chosen otherwise
    click(qtbot, dialog.ok_button)
    assert set(dialog.fields.messages()) == {"title"}  # nothing was created
    dialog.title_edit.setText("2026 年度心理体检")
    dialog.unit_edit.setText("某街道办事处")
    click(qtbot, dialog.ok_button)
    assert set(dialog.fields.messages()) == {"scale_ids"}
    dialog.set_scales("phq9", "gad7")
    dialog.name_radio.setChecked(True)
    dialog.adjustSize()
    _shoot(dialog, "screening_new_dialog")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == NewScreeningDialog.DialogCode.Accepted

    detail = _detail(page)  # the new screening opens at once
    people = detail.people
    assert people is not None and people.name_edit is not None
    assert detail.title_label.text() == "2026 年度心理体检"
    assert people.code_edit.text() == "001"
    assert _focused(people.name_edit)  # the code is filled in: the name comes first

    # -- three paper forms -------------------------------------------------------------------
    _type_form(qtbot, page, "张明远", phq9="012301230", gad7="1111111")
    assert people.fields.messages() == {}
    assert people.code_edit.text() == "002" and _focused(people.name_edit)
    assert "001" in people.status.text()

    # a wrong digit is named at its field while typing, and Enter saves nothing
    _type_form(qtbot, page, "李晓梅", phq9="0120401")
    shown = people.fields.messages()
    assert set(shown) == {"scale_phq9"}
    assert "第 5 题" in shown["scale_phq9"] and "“4”" in shown["scale_phq9"]
    assert people.scale_edits["phq9"].property("invalid") is True
    assert _focused(people.scale_edits["phq9"])
    assert len(people.rows) == 1
    _shoot(detail, "screening_entry_wrong_digit")

    people.scale_edits["phq9"].clear()  # typed again, and GAD-7 too
    qtbot.keyClicks(people.scale_edits["phq9"], "000000000")
    assert people.fields.messages() == {}
    qtbot.keyClicks(people.scale_edits["gad7"], "3333333")
    qtbot.keyClick(people.scale_edits["gad7"], Qt.Key.Key_Return)
    assert [p.code for p in people.rows] == ["001", "002"]

    # the third: item 4 unanswered (a dash), item 9 above 0 (critical), GAD-7 not filled
    _type_form(qtbot, page, "王建国", phq9="111-11111")
    assert isinstance(people.crisis_prompt, CrisisPromptDialog)
    crisis_closed.append(people.crisis_prompt)
    assert "第 9 题" in people.crisis_prompt.text()
    people.crisis_prompt.accept()

    assert table_cells(people.table) == [
        ["001", "张明远", "12 · 中度", "7 · 轻度", "阳性", "1"],
        ["002", "李晓梅", "0 · 无或极轻微抑郁症状", "21 · 重度", "阳性", "1"],
        ["003", "王建国", "9 · 轻度", "", "阳性", "1"],
    ]
    assert people.count_label.text() == "已录入 3 人 · 至少一个量表阳性 3 人"
    # what the table shows is what the service stored
    stored = screenings.screening_view(lin, detail.brief.id).participants
    assert [(p.code, p.name, p.results["phq9"].total) for p in stored] == [
        ("001", "张明远", 12.0),
        ("002", "李晓梅", 0.0),
        ("003", "王建国", 9.0),
    ]
    assert "gad7" not in stored[2].results
    people.code_edit.setText("003")  # an existing code: answers go to that person
    assert people.code_note.isVisibleTo(people)
    people.reset_entry(keep_status=True)
    assert people.status.text() == "已保存 003：PHQ-9 9 轻度。1 条预警已进入跟进名单。"
    people.table.selectRow(0)
    _shoot(detail, "screening_tab_people")

    # -- the report: figures only ------------------------------------------------------------
    assert detail.tabs is not None
    detail.tabs.setCurrentWidget(detail.report)
    figures = detail.report.panel.figures()
    assert figures["phq9"] == {
        "administered": "3",
        "scored": "3",
        "positive": "2",  # 001 at 12; 003 by item 9
        "rate": "66.7%",
    }
    assert figures["gad7"] == {
        "administered": "2",
        "scored": "2",
        "positive": "1",
        "rate": "50.0%",
    }
    assert detail.report.panel.people_label.text() == "受测人数：3"
    report_text = _shown_texts(detail.report)
    for name in ("张明远", "李晓梅", "王建国", "001"):
        assert name not in report_text
    phq_bands = [
        detail.report.panel.findChild(QLabel, f"band_phq9_{i}").text()  # type: ignore[union-attr]
        for i in range(5)
    ]
    assert phq_bands == ["1", "1", "1", "0", "0"]
    _shoot(detail, "screening_tab_report")

    # -- the follow-up list: open first, most severe on top ------------------------------
    follow_up = detail.follow_up
    assert follow_up is not None
    detail.tabs.setCurrentWidget(follow_up)
    rows = table_cells(follow_up.table)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("003 · 王建国", "PHQ-9", level_text(WarningLevel.CRITICAL)),
        ("002 · 李晓梅", "GAD-7", level_text(WarningLevel.HIGH)),
        ("001 · 张明远", "PHQ-9", level_text(WarningLevel.WARN)),
    ]
    assert all(r[5] == "待处理" for r in rows)
    _shoot(detail, "screening_tab_follow_up")

    follow_up.table.selectRow(2)
    click(qtbot, follow_up.respond_button)
    respond = follow_up.dialog
    assert isinstance(respond, WarningResponseDialog)
    choose(respond.response_combo, WarningResponse.CONTACTED.value)
    respond.note_edit.setPlainText("已电话联系，约定下周面谈。")
    click(qtbot, respond.ok_button)
    rows = table_cells(follow_up.table)
    assert rows[2][0] == "001 · 张明远" and rows[2][5].startswith("已联系本人")
    assert not follow_up.respond_button.isEnabled()  # the answered one stays selected
    assert people.rows[0].open_warnings == 0  # the people table follows
    assert screenings.list_screenings(lin)[0].open_warnings == 2

    # -- a case for 001, linked to the screening -------------------------------------------
    assert follow_up.case_button.text() == "开案…"
    click(qtbot, follow_up.case_button)
    new_case = follow_up.dialog
    assert isinstance(new_case, NewCaseDialog)
    assert new_case.name.edit.text() == "张明远"  # prefilled from the screening
    assert new_case.source.edit.currentData() == CaseSource.SCREENING.value
    for box in new_case.concern_boxes:
        box.setChecked(box.property("value") == Concern.LOW_MOOD.value)
    click(qtbot, new_case.ok_button)
    assert new_case.case_id is not None
    assert people.rows[0].case_id == new_case.case_id
    assert screenings.screening_view(lin, detail.brief.id).participants[0].case_id == (
        new_case.case_id
    )
    assert cases.case_view(lin, new_case.case_id).source is CaseSource.SCREENING
    follow_up.table.selectRow(2)
    assert follow_up.case_button.text() == "查看个案"
    with qtbot.waitSignal(page.open_case) as shown_case:
        click(qtbot, follow_up.case_button)
    assert shown_case.args == [new_case.case_id]

    # back to the list: the figures are up to date
    click(qtbot, detail.back_button)
    assert table_cells(page.table) == [
        [
            date.today().isoformat(),
            "2026 年度心理体检",
            "某街道办事处",
            "PHQ-9、GAD-7",
            "3",
            "3",
            "2",
        ]
    ]
    _shoot(page, "screenings_list")
    assert answers.seen == []  # nothing needed a message box


def test_entry_checks_each_form_before_saving(
    qtbot: QtBot, lin: SignedIn, crisis_closed: list[CrisisPromptDialog]
) -> None:
    sid = screenings.create_screening(
        lin, ScreeningInput("职业倦怠筛查", date.today(), ("cbi", "k10"))
    )
    page = _page(qtbot, lin)
    page.open_screening(sid)
    people = _detail(page).people
    assert people is not None and people.name_edit is None  # by code: no name asked
    assert _focused(people.scale_edits["cbi"])

    # CBI answers 100/75/50/25/0 are typed as the position of the ticked box
    cbi = "1234512345123451234"  # 19 items
    qtbot.keyClicks(people.scale_edits["cbi"], cbi[:10])
    assert people.scale_status["cbi"].text() == "10/19"
    qtbot.keyClick(people.scale_edits["cbi"], Qt.Key.Key_Return)
    assert "10" in people.fields.messages()["scale_cbi"]  # only 10 of 19 typed
    assert people.rows == []
    qtbot.keyClicks(people.scale_edits["cbi"], cbi[10:])
    qtbot.keyClicks(people.scale_edits["k10"], "0")  # K10 answers are 1–5
    assert "第 1 题" in people.fields.messages()["scale_k10"]
    people.scale_edits["k10"].setText("1234512345")
    people.code_edit.setText("A-07")  # a code printed on the form
    qtbot.keyClick(people.scale_edits["k10"], Qt.Key.Key_Return)
    (person,) = people.rows
    assert person.code == "A-07"
    detail_answers = assessments.assessment_detail(lin, person.results["cbi"].assessment_id)
    assert [a.answer for a in detail_answers.answers[:5]] == [
        "总是",
        "经常",
        "有时",
        "很少",
        "从不或几乎从不",
    ]
    assert people.code_edit.text() == "002"  # the next free number

    # a second result for the same scale is refused at its field, nothing else is lost
    people.code_edit.setText("A-07")
    people.scale_edits["k10"].setText("5555555555")
    qtbot.keyClick(people.scale_edits["k10"], Qt.Key.Key_Return)
    assert "A-07" in people.fields.messages()["scale_k10"]
    assert people.scale_edits["k10"].text() == "5555555555"

    # an Enter too many registers nobody; a taken code is the service's to refuse
    people.reset_entry()
    qtbot.keyClick(people.code_edit, Qt.Key.Key_Return)
    assert "至少输入一个量表" in people.fields.messages()["scale_cbi"]
    assert len(people.rows) == 1
    screenings.add_participant(lin, sid, code="002")  # meanwhile, in another session
    people.scale_edits["k10"].setText("2222222222")
    qtbot.keyClick(people.scale_edits["k10"], Qt.Key.Key_Return)
    assert "已被使用" in people.fields.messages()["code"]
    assert people.scale_edits["k10"].text() == "2222222222"  # nothing typed is lost
    people.code_edit.setText("003")
    qtbot.keyClick(people.code_edit, Qt.Key.Key_Return)
    assert [p.code for p in people.rows] == ["003", "A-07"]


def test_digit_entry_reads_values_positions_and_blanks(lin: SignedIn) -> None:
    phq = DigitEntry(assessments.scale_definition(lin, "phq9"))
    assert phq.read("0123 -").answers == (0, 1, 2, 3, None, None)
    assert not phq.read("0123").complete
    assert phq.read("012301230").complete
    wrong = phq.read("01x")
    assert wrong.problem_item == 3 and wrong.answers == (0, 1)
    assert phq.read("0123012301").problem_item == 9  # one too many
    assert phq.problem_on_save(phq.read("---------"))  # nothing answered
    assert phq.problem_on_save(phq.read("")) == ""  # empty: the scale is skipped
    assert phq.read("0,1,2,3,,0,1,2,3").answers == (0, 1, 2, 3, None, 0, 1, 2, 3)
    cbi = DigitEntry(assessments.scale_definition(lin, "cbi"))
    assert not cbi.by_value and cbi.by_position
    assert cbi.read("15").answers == (100, 0)
    assert cbi.read("6").problem_item == 1
    assert cbi.read("100，75").answers == (100, 75)  # full-width comma, values
    who5 = DigitEntry(assessments.scale_definition(lin, "who5"))
    assert who5.read("54321").answers == (5, 4, 3, 2, 1) and who5.by_value


@pytest.mark.usefixtures("large_font")
def test_the_lead_sees_figures_and_no_person(
    qtbot: QtBot,
    custodian: SignedIn,
    lin: SignedIn,
    lead: SignedIn,
    zhou: SignedIn,
) -> None:
    sid = screenings.create_screening(
        lin, ScreeningInput("中层干部心理体检", date.today(), ("phq9",), by_name=True, unit="某局")
    )
    for name, form in (("赵子龙", [3] * 9), ("钱多多", [0] * 9)):
        pid = screenings.add_participant(lin, sid, name, Gender.MALE)
        screenings.record_result(lin, pid, "phq9", form)

    other = _page(qtbot, zhou)  # another counsellor: not theirs
    assert other.table.rowCount() == 0

    page = _page(qtbot, lead)
    assert not page.new_button.isVisible()
    assert page.open_button.text() == "查看报告"
    assert table_cells(page.table)[0][1:] == ["中层干部心理体检", "某局", "PHQ-9", "2", "1", "2"]
    click(qtbot, page.open_button)
    detail = _detail(page)
    assert detail.tabs is None and detail.people is None and detail.follow_up is None
    assert detail.report.panel.figures()["phq9"]["rate"] == "50.0%"
    shown = _shown_texts(page)
    for hidden in ("赵子龙", "钱多多", "001", "002"):
        assert hidden not in shown
    _shoot(page, "screening_lead_report")
    assert audit.count(custodian, AuditFilter(action="screening_view")) == 0
    assert audit.count(custodian, AuditFilter(action="screening_report", user_id=lead.user_id))


class _KioskHost(QWidget):
    """Stands in for the main window: records what the kiosk would show, and lets the
    test play the person filling it in."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[list[str], bool, Saver]] = []

    def run_kiosk(
        self, definitions: Sequence[ScaleDefinition], one_per_page: bool, save: Saver
    ) -> KioskWindow:
        self.calls.append(([d.id for d in definitions], one_per_page, save))
        return KioskWindow(definitions, one_per_page=one_per_page)


def test_self_fill_hands_the_remaining_scales_to_the_kiosk(
    qtbot: QtBot, lin: SignedIn, answers: Answers
) -> None:
    sid = screenings.create_screening(
        lin, ScreeningInput("自评", date.today(), ("phq9", "gad7"), by_name=True)
    )
    host = _KioskHost()
    qtbot.addWidget(host)
    page = ScreeningsPage(lin, host)
    QVBoxLayout(host).addWidget(page)
    host.resize(1040, 760)
    host.show()
    page.open_screening(sid)
    people = _detail(page).people
    assert people is not None and people.name_edit is not None
    assert isinstance(host, KioskHost)

    people.scale_edits["phq9"].setText("0")  # typed answers are not thrown away
    click(qtbot, people.self_fill_button)
    assert "回车" in people.fields.messages()["code"] and host.calls == []
    people.scale_edits["phq9"].clear()

    click(qtbot, people.self_fill_button)  # a by-name screening needs the name first
    assert people.fields.messages() == {"name": "请先填写姓名。"}
    assert host.calls == [] and answers.seen == []
    ime_type(people.name_edit, "孙悦")
    answers.reply = False  # the counsellor thinks again
    click(qtbot, people.self_fill_button)
    assert answers.seen[-1][0] == "ask" and host.calls == [] and people.rows == []

    answers.reply = True
    click(qtbot, people.self_fill_button)
    ((scale_ids, one_per_page, save),) = host.calls
    assert scale_ids == ["phq9", "gad7"] and one_per_page
    (person,) = people.rows
    assert (person.code, person.name, person.results) == ("001", "孙悦", {})
    recorded = save([("phq9", [1] * 9), ("gad7", [0] * 7)])  # the person finished
    assert [r.result.total for r in recorded] == [9.0, 0.0]
    stored = screenings.screening_view(lin, sid).participants[0]
    detail = assessments.assessment_detail(lin, stored.results["phq9"].assessment_id)
    assert detail.brief.mode is AssessmentMode.SELF

    # a person with one result left gets only that one
    host.calls.clear()
    pid = screenings.add_participant(lin, sid, "周全")
    screenings.record_result(lin, pid, "phq9", [0] * 9)
    page.open_screening(sid)
    people = _detail(page).people
    assert people is not None
    people.code_edit.setText("002")
    click(qtbot, people.self_fill_button)
    assert [call[0] for call in host.calls] == [["gad7"]]


@pytest.mark.usefixtures("large_font")
def test_the_custodian_names_the_responsible_counsellor(
    qtbot: QtBot, custodian: SignedIn, lin: SignedIn, zhou: SignedIn
) -> None:
    page = _page(qtbot, custodian)
    dialog = page.new_screening()
    assert isinstance(dialog, NewScreeningDialog) and dialog.counsellor_combo is not None
    dialog.title_edit.setText("机关干部年度测评")
    dialog.set_scales("who5", "k6")
    assert dialog.order_label.text() == "填写顺序：WHO-5 → K6"
    click(qtbot, dialog.ok_button)
    assert set(dialog.fields.messages()) == {"counsellor_id"}  # who follows up is needed
    choose(dialog.counsellor_combo, lin.user_id)
    dialog.adjustSize()
    _shoot(dialog, "screening_new_dialog_custodian_large")
    click(qtbot, dialog.ok_button)

    detail = _detail(page)
    assert "负责人：林咨询" in detail.facts_label.text()
    people = detail.people
    assert people is not None and people.name_edit is None
    assert list(people.scale_edits) == ["who5", "k6"]  # in the order ticked
    qtbot.keyClicks(people.scale_edits["who5"], "11111")  # WHO-5 total 20: low wellbeing
    qtbot.keyClicks(people.scale_edits["k6"], "444444")
    qtbot.keyClick(people.scale_edits["k6"], Qt.Key.Key_Return)
    assert people.fields.messages() == {}
    _shoot(detail, "screening_tab_people_large")
    assert detail.follow_up is not None and detail.tabs is not None
    detail.tabs.setCurrentWidget(detail.follow_up)
    assert detail.follow_up.table.rowCount() == 2
    assert not detail.follow_up.case_button.isVisible()  # cases are opened by counsellors
    assert [b.id for b in screenings.list_screenings(lin)] == [detail.brief.id]
    assert screenings.list_screenings(zhou) == []
