"""转介 in the case: write a referral from the panel, preview its form and save it as a PDF
(audited), then move it draft → sent → accepted → feedback → closed, each step offered
only when the status allows it. Also the consent rules at their fields, the blank
consent form and the custodian's case summary."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station.models.vocab import (
    DestinationKind,
    ReferralConsent,
    ReferralReason,
    ReferralStatus,
    ReferralUrgency,
)
from station.services import audit, destinations, referrals
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.services.destinations import DestinationInput
from station.ui.pdf_preview import PdfPreviewDialog
from station.ui.referral_dialogs import (
    CaseSummaryDialog,
    ReferralDetailDialog,
    ReferralDialog,
    ReferralPanel,
    ReferralStepDialog,
    preview_case_summary,
    preview_consent_form,
)
from tests.records_fixtures import new_client_case
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import choose, click, ime_type, large_font, table_cells

__all__ = ["large_font"]  # a fixture

S = ReferralStatus


@dataclass
class Setting:
    custodian: SignedIn
    lin: SignedIn
    case_id: int
    hospital: int
    hotline: int


@pytest.fixture
def setting(custodian: SignedIn, lin: SignedIn) -> Iterator[Setting]:
    hospital = destinations.add_destination(
        custodian,
        DestinationInput(
            "市第七人民医院 心理科",
            DestinationKind.HOSPITAL,
            "0574-6300 0000",
            "抑郁、焦虑、睡眠障碍",
        ),
    )
    hotline = destinations.add_destination(
        custodian, DestinationInput("市心理援助热线", DestinationKind.HOTLINE, "96525", "危机干预")
    )
    _client, case_id = new_client_case(lin, name="测试来访者")
    yield Setting(custodian, lin, case_id, hospital, hotline)


def _panel(qtbot: QtBot, ctx: SignedIn, case_id: int) -> ReferralPanel:
    panel = ReferralPanel(ctx, case_id)
    qtbot.addWidget(panel)
    panel.resize(1100, 520)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _offered(panel: ReferralPanel) -> set[str]:
    return set(panel.offered())


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _step(qtbot: QtBot, panel: ReferralPanel, widget_name: str) -> ReferralStepDialog:
    widget = next(w for w in panel.action_buttons if w.objectName() == widget_name)
    click(qtbot, widget)
    dialog = panel.dialog
    assert isinstance(dialog, ReferralStepDialog)
    return dialog


def test_referral_from_the_panel_through_its_whole_flow(
    qtbot: QtBot, setting: Setting, answers: Answers, tmp_path: Path
) -> None:
    lin = setting.lin
    panel = _panel(qtbot, lin, setting.case_id)
    assert panel.empty_label.isVisible()
    assert _offered(panel) == {"newReferral"}

    # -- write it ---------------------------------------------------------------------------
    click(qtbot, panel.new_button)
    dialog = panel.dialog
    assert isinstance(dialog, ReferralDialog)
    assert dialog.identity.value().value == "code"  # case code only unless chosen
    choose(dialog.destination_combo, setting.hospital)
    assert "抑郁、焦虑、睡眠障碍" in dialog.destination_detail.text()
    choose(dialog.reason_combo, ReferralReason.DIAGNOSIS.value)
    dialog.urgency.set_value(ReferralUrgency.SOON)
    ime_type(dialog.summary_edit, "持续失眠三个月，情绪低落，建议精神科评估。")
    assert dialog.summary_count.text() == f"21 / {referrals.SUMMARY_MAX}"
    assert dialog.summary_hint.text() == "只写接收方需要知道的最少信息"
    click(qtbot, dialog.ok_button)  # consent not chosen yet: said at the field
    assert set(dialog.fields.messages()) == {"consent"}
    assert dialog.summary_edit.toPlainText() == "持续失眠三个月，情绪低落，建议精神科评估。"
    dialog.consent.set_value(ReferralConsent.GIVEN)
    assert dialog.fields.messages() == {}  # choosing clears the message
    QApplication.processEvents()
    dialog.grab().save(str(SHOTS / "referral_dialog.png"))
    click(qtbot, dialog.ok_button)
    assert panel.dialog is None
    [brief] = referrals.case_referrals(lin, setting.case_id)
    number = brief.number
    assert table_cells(panel.table) == [[number, "市第七人民医院 心理科", "尽快", "草稿", "—", "—"]]
    assert _offered(panel) == {
        "newReferral",
        "referralDetails",
        "editReferral",
        "sendReferral",
        "deleteDraft",
        "printReferral",
    }

    # -- preview the form and save it as a PDF ------------------------------------------------
    click(qtbot, panel.print_button)
    preview = panel.dialog
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.page_count() >= 2  # the receiver's copy and the station's copy
    qtbot.wait(300)
    preview.grab().save(str(SHOTS / "referral_form_preview.png"))
    answers.save_path = str(tmp_path / "saved")
    click(qtbot, preview.save_button)
    kind, _title, suggested = answers.seen[-1]
    assert (kind, suggested) == ("save", f"转介单-{number}.pdf")  # no personal data
    saved = tmp_path / "saved.pdf"
    assert saved.read_bytes()[:5] == b"%PDF-"
    assert number in _pdf_text(saved)
    saves = audit.browse(setting.custodian, AuditFilter(action="form_save"))
    assert [(r.object_kind, r.object_id) for r in saves] == [("referral", str(brief.id))]
    click(qtbot, preview.close_button)
    assert panel.dialog is None

    # -- draft → sent -----------------------------------------------------------------------
    step = _step(qtbot, panel, "sendReferral")
    assert step.note_edit is None and step.feedback_edit is None  # the date only
    click(qtbot, step.ok_button)
    assert panel.dialog is None
    assert table_cells(panel.table)[0][3] == "已发出"
    assert table_cells(panel.table)[0][5] == "0 天"
    assert panel.status.text() == f"转介单 {number} 已登记发出。"
    assert _offered(panel) == {
        "newReferral",
        "referralDetails",
        "acceptedReferral",
        "declinedReferral",
        "closeReferral",
        "printReferral",
    }

    # -- sent → accepted ----------------------------------------------------------------------
    step = _step(qtbot, panel, "acceptedReferral")
    ime_type(step.note_edit, "门诊已预约")
    click(qtbot, step.ok_button)
    assert table_cells(panel.table)[0][3] == "已接收"
    assert _offered(panel) == {
        "newReferral",
        "referralDetails",
        "feedbackReferral",
        "closeReferral",
        "printReferral",
    }

    # -- accepted → feedback: the feedback is required, and said at its field --------------------
    step = _step(qtbot, panel, "feedbackReferral")
    click(qtbot, step.ok_button)
    assert set(step.fields.messages()) == {"feedback"}
    assert step.feedback_edit is not None
    ime_type(step.feedback_edit, "已就诊，诊断为轻度抑郁，门诊随访。")
    QApplication.processEvents()
    step.grab().save(str(SHOTS / "referral_step_feedback.png"))
    click(qtbot, step.ok_button)
    assert panel.dialog is None
    assert table_cells(panel.table)[0][3] == "已反馈"
    assert _offered(panel) == {"newReferral", "referralDetails", "closeReferral", "printReferral"}

    # -- feedback → closed ----------------------------------------------------------------------
    step = _step(qtbot, panel, "closeReferral")
    click(qtbot, step.ok_button)
    assert table_cells(panel.table)[0][3] == "已关闭"
    assert _offered(panel) == {"newReferral", "referralDetails", "printReferral"}
    # an invalid step is not offered, and not taken when asked for
    assert panel.step(S.SENT) is None
    assert panel.edit_referral() is None
    assert referrals.referral_view(lin, brief.id).status is S.CLOSED

    # the details show every step
    click(qtbot, panel.details_button)
    details = panel.dialog
    assert isinstance(details, ReferralDetailDialog)
    details.grab().save(str(SHOTS / "referral_details.png"))
    details.accept()
    QApplication.processEvents()  # the action row's layout follows the hidden buttons
    panel.grab().save(str(SHOTS / "referral_panel.png"))


def test_consent_rules_at_their_fields(qtbot: QtBot, setting: Setting) -> None:
    panel = _panel(qtbot, setting.lin, setting.case_id)
    dialog = panel.new_referral()
    assert dialog is not None
    # a name typed that is in no directory entry
    ime_type(dialog.destination_combo.lineEdit(), "不存在的医院")
    click(qtbot, dialog.ok_button)
    assert set(dialog.fields.messages()) == {"destination_id"}
    choose(dialog.destination_combo, setting.hotline)
    choose(dialog.reason_combo, ReferralReason.CRISIS.value)
    ime_type(dialog.summary_edit, "当前有自伤风险。")
    dialog.consent.set_value(ReferralConsent.EMERGENCY)
    assert dialog.note_field.caption.text() == "未经同意的理由（必填）"
    click(qtbot, dialog.ok_button)  # urgency is routine: not allowed without consent
    assert set(dialog.fields.messages()) == {"consent"}
    dialog.urgency.set_value(ReferralUrgency.EMERGENCY)
    click(qtbot, dialog.ok_button)  # no justification
    assert set(dialog.fields.messages()) == {"consent_note"}
    ime_type(dialog.note_edit, "来访者处于急性危机，无法表达意愿，需立即转介。")
    QApplication.processEvents()
    dialog.grab().save(str(SHOTS / "referral_dialog_emergency.png"))
    click(qtbot, dialog.ok_button)
    assert panel.dialog is None
    [brief] = referrals.case_referrals(setting.lin, setting.case_id)
    assert brief.consent is ReferralConsent.EMERGENCY

    # a refusal is kept as a draft; sending it is refused with the service's message
    edit = panel.open_selected()  # Enter on a draft: edit it
    assert isinstance(edit, ReferralDialog)
    assert edit.destination_combo.chosen_id() == setting.hotline
    edit.consent.set_value(ReferralConsent.REFUSED)
    assert edit.note_field.caption.text() == "拒绝情况说明"
    click(qtbot, edit.ok_button)
    assert panel.dialog is None
    assert "printReferral" not in panel.offered()  # a refused referral is never printed
    step = _step(qtbot, panel, "sendReferral")
    click(qtbot, step.ok_button)
    assert "拒绝" in step.fields.general.text()
    step.reject()


def test_delete_draft_and_read_only_custodian(
    qtbot: QtBot, setting: Setting, answers: Answers
) -> None:
    lin = setting.lin
    data = referrals.ReferralInput(
        setting.hospital,
        ReferralReason.MEDICATION,
        ReferralUrgency.ROUTINE,
        "需要药物评估。",
        ReferralConsent.GIVEN,
    )
    first = referrals.create_referral(lin, setting.case_id, data)
    referrals.create_referral(lin, setting.case_id, data)
    # the custodian reads the list, prints, and writes nothing
    mine = _panel(qtbot, setting.custodian, setting.case_id)
    assert mine.select(first)
    assert _offered(mine) == {"referralDetails", "printReferral"}
    assert mine.new_referral() is None
    # lin deletes a draft after saying yes
    panel = _panel(qtbot, lin, setting.case_id)
    assert panel.table.rowCount() == 2
    assert panel.select(first)
    click(qtbot, panel.delete_button)
    assert answers.seen[-1][1] == "删除草稿"
    assert panel.table.rowCount() == 1
    # a closed case: a new referral waits for reopening
    panel.set_case_state(True, False)
    assert not panel.new_button.isEnabled()


def test_consent_form_and_case_summary(
    qtbot: QtBot, setting: Setting, answers: Answers, tmp_path: Path
) -> None:
    panel = _panel(qtbot, setting.lin, setting.case_id)
    previews: list[PdfPreviewDialog] = []
    preview_consent_form(setting.lin, panel, opened=previews.append)
    [preview] = previews
    answers.save_path = str(tmp_path / "consent.pdf")
    click(qtbot, preview.save_button)
    assert answers.seen[-1][2] == "知情同意书.pdf"
    assert "知情同意书" in _pdf_text(tmp_path / "consent.pdf")
    preview.reject()

    opened: list[PdfPreviewDialog] = []
    dialog = preview_case_summary(setting.custodian, setting.case_id, panel, opened.append)
    assert isinstance(dialog, CaseSummaryDialog)
    assert not dialog.notes_box.isChecked()  # session notes only when asked for
    dialog.grab().save(str(SHOTS / "case_summary_dialog.png"))
    click(qtbot, dialog.ok_button)
    [summary] = opened
    assert summary.page_count() >= 1
    built = audit.browse(setting.custodian, AuditFilter(action="form_case_summary"))
    assert [r.detail for r in built] == ["no_notes"]
    summary.reject()
    outputs = {r.action for r in audit.browse(setting.custodian, AuditFilter())}
    assert "form_save" in outputs


def test_panel_readable_at_a_large_font(qtbot: QtBot, setting: Setting, large_font: None) -> None:
    data = referrals.ReferralInput(
        setting.hospital,
        ReferralReason.DIAGNOSIS,
        ReferralUrgency.URGENT,
        "需要精神科评估。",
        ReferralConsent.GIVEN,
    )
    rid = referrals.create_referral(setting.lin, setting.case_id, data)
    referrals.send(setting.lin, rid)
    panel = _panel(qtbot, setting.lin, setting.case_id)
    dialog = panel.new_referral()
    assert dialog is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    dialog.grab().save(str(SHOTS / "referral_dialog_large.png"))
    panel.grab().save(str(SHOTS / "referral_panel_large.png"))
    dialog.reject()
