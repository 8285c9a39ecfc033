"""The new client / case dialog: real-name and anonymous registration, errors at their
field with nothing lost and nothing written (client, case and consent are saved
together or not at all), the unsaved-changes guard, the custodian's choice of
counsellor, and screenshots."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station.models import Client
from station.models.vocab import (
    CaseSource,
    Concern,
    Gender,
    PostType,
    RankDetail,
    RankLevel,
    RiskLevel,
    TalkTrigger,
    UnitType,
)
from station.services import cases, clients, forms, search
from station.services.context import SignedIn
from station.services.search import CaseQuery
from station.ui.case_list_page import CaseListPage
from station.ui.new_case_dialog import NewCaseDialog
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import choose, ime_type, large_font, retype  # noqa: F401


def _dialog(qtbot: QtBot, ctx: SignedIn) -> tuple[NewCaseDialog, list[int]]:
    dialog = NewCaseDialog(ctx)
    qtbot.addWidget(dialog)
    opened: list[int] = []
    dialog.case_opened.connect(opened.append)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, opened


def _submit(qtbot: QtBot, dialog: NewCaseDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def _tick(dialog: NewCaseDialog, *concerns: Concern) -> None:
    for box in dialog.concern_boxes:
        if box.property("value") in {c.value for c in concerns}:
            box.setChecked(True)


def test_real_name_client_and_case_with_consent(qtbot: QtBot, lin: SignedIn) -> None:
    dialog, opened = _dialog(qtbot, lin)
    assert dialog.real_radio.isChecked()
    assert dialog.name.edit.isVisible() and not dialog.alias.edit.isVisible()
    assert not dialog.talk_trigger.edit.isVisible()
    assert dialog.counsellor is None  # a counsellor opens cases for themself
    ime_type(dialog.name.edit, "张伟")
    ime_type(dialog.unit.edit, "某镇政府")
    qtbot.keyClicks(dialog.phone.edit, "138 0000 0000")
    choose(dialog.gender.edit, Gender.MALE.value)
    dialog.birth_year.edit.setValue(1986)
    assert not dialog.rank_detail.edit.isEnabled()
    choose(dialog.rank_level.edit, RankLevel.MIDDLE.value)
    assert dialog.rank_detail.edit.isEnabled()
    choose(dialog.rank_detail.edit, RankDetail.SECTION.value)
    choose(dialog.post_type.edit, PostType.FRONTLINE.value)
    choose(dialog.unit_type.edit, UnitType.TOWNSHIP.value)
    choose(dialog.source.edit, CaseSource.TALK.value)
    assert dialog.talk_trigger.edit.isVisible()
    choose(dialog.talk_trigger.edit, TalkTrigger.POST_CHANGE.value)
    _tick(dialog, Concern.WORKLOAD, Concern.SLEEP)
    choose(dialog.risk_level.edit, RiskLevel.MEDIUM.value)
    assert dialog.risk_reason.edit.isVisible()
    ime_type(dialog.risk_reason.edit, "近期失眠加重")
    assert dialog.consent_box is not None and not dialog.form_version.edit.isVisible()
    dialog.consent_given.setChecked(True)
    assert dialog.form_version.edit.isVisible()
    assert dialog.form_version.edit.text() == forms.consent_form_version()
    retype(qtbot, dialog.form_version.edit, "2026-1")
    dialog.limits_explained.setChecked(True)
    assert dialog.has_changes()
    _submit(qtbot, dialog)

    assert not dialog.isVisible()
    assert dialog.case_id is not None and opened == [dialog.case_id]
    view = cases.case_view(lin, dialog.case_id)
    assert view.client_name == "张伟" and view.counsellor.id == lin.user_id
    assert view.source is CaseSource.TALK and view.talk_trigger is TalkTrigger.POST_CHANGE
    assert view.concerns == (Concern.WORKLOAD, Concern.SLEEP)
    assert view.risk_level is RiskLevel.MEDIUM
    assert view.consent.form_version == "2026-1" and view.consent.limits_explained
    assert view.consent.signed_on == date.today()
    client = clients.client_view(lin, view.client_id)
    assert (client.unit, client.phone) == ("某镇政府", "138 0000 0000")
    assert client.gender is Gender.MALE and client.birth_year == 1986
    assert client.rank_level is RankLevel.MIDDLE and client.rank_detail is RankDetail.SECTION
    assert client.post_type is PostType.FRONTLINE and client.unit_type is UnitType.TOWNSHIP


def test_anonymous_mode_clears_identity_and_asks_for_an_alias(qtbot: QtBot, lin: SignedIn) -> None:
    dialog, opened = _dialog(qtbot, lin)
    ime_type(dialog.name.edit, "李娜")
    ime_type(dialog.phone.edit, "13900000000")
    qtbot.mouseClick(dialog.anonymous_radio, Qt.MouseButton.LeftButton)
    assert dialog.anonymous
    for field in (dialog.name, dialog.unit, dialog.phone, dialog.emergency_contact):
        assert not field.edit.isVisible() and field.edit.text() == ""
    assert dialog.alias.edit.isVisible() and dialog.focusWidget() is dialog.alias.edit
    assert "只保留代号" in dialog.mode_hint.text()
    choose(dialog.source.edit, CaseSource.SELF.value)
    _tick(dialog, Concern.ANXIETY)
    _submit(qtbot, dialog)
    assert dialog.fields.messages() == {"alias": "请填写匿名代号。"}
    assert dialog.focusWidget() is dialog.alias.edit
    assert dialog.client_id is None  # nothing was written
    ime_type(dialog.alias.edit, "青松")
    _submit(qtbot, dialog)
    assert dialog.case_id is not None and opened == [dialog.case_id]
    view = cases.case_view(lin, dialog.case_id)
    assert view.client_anonymous and view.client_alias == "青松" and view.client_name is None


def _client_count(ctx: SignedIn) -> int:
    with ctx.vault.transaction() as s:
        return s.scalar(select(func.count()).select_from(Client)) or 0


def test_a_case_error_registers_no_client_and_keeps_the_form(
    qtbot: QtBot, lin: SignedIn, answers: Answers
) -> None:
    dialog, opened = _dialog(qtbot, lin)
    ime_type(dialog.name.edit, "王芳")
    ime_type(dialog.unit.edit, "县委办")
    choose(dialog.source.edit, CaseSource.UNIT.value)
    _submit(qtbot, dialog)  # no concern ticked: nothing is written
    assert dialog.fields.messages() == {"concerns": "请至少选择一项主诉类别。"}
    assert dialog.isVisible() and dialog.client_id is None and dialog.case_id is None
    assert not search.search_cases(lin, CaseQuery(text="王芳")).items
    assert _client_count(lin) == 0
    assert dialog.name.edit.text() == "王芳" and dialog.unit.edit.text() == "县委办"
    assert dialog.source.edit.currentData() == CaseSource.UNIT.value  # nothing typed is lost

    dialog.consent_given.setChecked(True)  # but no form version: still nothing written
    dialog.form_version.edit.clear()
    _tick(dialog, Concern.CAREER)
    _submit(qtbot, dialog)
    assert dialog.fields.messages() == {"form_version": "请填写知情同意书版本。"}
    assert dialog.isVisible() and dialog.case_id is None
    assert not search.search_cases(lin, CaseQuery(text="王芳")).items
    assert _client_count(lin) == 0

    qtbot.keyClicks(dialog.form_version.edit, "2026-1")
    _submit(qtbot, dialog)
    assert dialog.case_id is not None and opened == [dialog.case_id] and not dialog.isVisible()
    assert dialog.client_id is not None
    assert clients.client_view(lin, dialog.client_id).unit == "县委办"
    assert cases.case_view(lin, dialog.case_id).consent.recorded
    assert not answers.seen
    rows = search.search_cases(lin, CaseQuery(text="王芳")).items
    assert [r.id for r in rows] == [dialog.case_id]  # one client, one case


def test_closing_a_filled_form_asks_first(qtbot: QtBot, lin: SignedIn, answers: Answers) -> None:
    dialog, _ = _dialog(qtbot, lin)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not answers.seen  # nothing typed: no question

    dialog, _ = _dialog(qtbot, lin)
    ime_type(dialog.name.edit, "周杰")
    answers.reply = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers.seen[-1][1] == "放弃填写的内容？"
    dialog.close()  # the window's close button
    assert dialog.isVisible() and len(answers.seen) == 2
    answers.reply = True
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_custodian_chooses_the_counsellor(qtbot: QtBot, custodian: SignedIn, lin: SignedIn) -> None:
    dialog, opened = _dialog(qtbot, custodian)
    assert dialog.consent_box is None  # consent is the counsellor's record
    assert dialog.counsellor is not None
    ime_type(dialog.name.edit, "陈晨")
    choose(dialog.source.edit, CaseSource.SCREENING.value)
    _tick(dialog, Concern.BURNOUT)
    _submit(qtbot, dialog)
    assert dialog.fields.messages() == {"counsellor_id": "请选择负责的咨询师。"}
    choose(dialog.counsellor.edit, lin.user_id)
    _submit(qtbot, dialog)
    assert dialog.case_id is not None and opened == [dialog.case_id]
    assert cases.case_view(lin, dialog.case_id).counsellor.id == lin.user_id


def test_the_list_page_opens_a_new_case_after_the_dialog(qtbot: QtBot, lin: SignedIn) -> None:
    page = CaseListPage(lin)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    opened: list[int] = []
    page.open_case.connect(opened.append)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.new_dialog
    assert isinstance(dialog, NewCaseDialog)
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.anonymous_radio, Qt.MouseButton.LeftButton)
    ime_type(dialog.alias.edit, "远山")
    choose(dialog.source.edit, CaseSource.SELF.value)
    _tick(dialog, Concern.LOW_MOOD)
    _submit(qtbot, dialog)
    qtbot.waitUntil(lambda: page.new_dialog is None)
    assert opened == [dialog.case_id]
    assert page.model.rowCount() == 1 and page.model.row_at(0).client == "远山"


def _screenshots(qtbot: QtBot, ctx: SignedIn, suffix: str) -> None:
    dialog, _ = _dialog(qtbot, ctx)
    ime_type(dialog.name.edit, "张伟")
    choose(dialog.source.edit, CaseSource.TALK.value)
    choose(dialog.risk_level.edit, RiskLevel.HIGH.value)
    _tick(dialog, Concern.WORKLOAD)
    qtbot.wait(50)
    assert dialog.grab().save(str(SHOTS / f"new_case_real_name{suffix}.png"))
    scroll = dialog.form_area.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    qtbot.wait(50)
    assert dialog.grab().save(str(SHOTS / f"new_case_real_name_end{suffix}.png"))
    scroll.setValue(0)
    qtbot.mouseClick(dialog.anonymous_radio, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert dialog.grab().save(str(SHOTS / f"new_case_anonymous{suffix}.png"))
    dialog.reject()


def test_new_case_screenshots(qtbot: QtBot, lin: SignedIn) -> None:
    _screenshots(qtbot, lin, "")


@pytest.mark.usefixtures("large_font")
def test_new_case_screenshots_at_a_large_font(qtbot: QtBot, lin: SignedIn) -> None:
    _screenshots(qtbot, lin, "_large")
