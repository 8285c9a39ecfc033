"""The first-run wizard, driven by keyboard and mouse against a real vault."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from station.models.enums import StationKind
from station.services import accounts, settings, setup
from station.ui.settings_page import SettingsPage
from station.ui.setup_wizard import (
    PAGE_CREATE,
    PAGE_CUSTODIAN,
    PAGE_DEVICE,
    PAGE_RECOVERY,
    PAGE_STATION,
    SetupWizard,
)
from station.vault import device_secret
from station.vault.device_secret import CredentialStore
from tests.conftest import CUSTODIAN, FAST, PASSWORD, STATION
from tests.ui.conftest import Answers

Button = QWizard.WizardButton
KEY_RE = re.compile(r"[0-9A-Z]{5}")


def _wizard(qtbot: QtBot, vault_dir: Path, **kw: object) -> SetupWizard:
    wizard = SetupWizard(vault_dir, argon2=FAST, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _click(qtbot: QtBot, wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{which} is not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a user would: keys for ASCII, an input-method commit for Chinese."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _toggle(qtbot: QtBot, box: QCheckBox) -> None:
    """Space on the focused check box, as a keyboard user would."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _fill_station(qtbot: QtBot, wizard: SetupWizard, code: str = STATION.code) -> None:
    page = wizard.station_page
    _type(qtbot, page.name_edit, STATION.name)
    _type(qtbot, page.code_edit, code)
    qtbot.keyClick(page.kind_combo, Qt.Key.Key_Down)  # 太阳岛（单位）
    _type(qtbot, page.region_edit, STATION.region)


def _fill_custodian(qtbot: QtBot, wizard: SetupWizard, confirm: str = PASSWORD) -> None:
    page = wizard.custodian_page
    _type(qtbot, page.login_edit, CUSTODIAN.login)
    _type(qtbot, page.display_edit, CUSTODIAN.display_name)
    _type(qtbot, page.password_edit, PASSWORD)
    _type(qtbot, page.confirm_edit, confirm)


def _to_recovery_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    _click(qtbot, wizard, Button.NextButton)
    _fill_station(qtbot, wizard)
    _click(qtbot, wizard, Button.NextButton)
    _fill_custodian(qtbot, wizard)
    qtbot.keyClick(wizard.custodian_page.confirm_edit, Qt.Key.Key_Return)  # Enter = Next
    assert wizard.currentId() == PAGE_DEVICE
    _click(qtbot, wizard, Button.NextButton)
    assert wizard.currentId() == PAGE_CREATE
    _click(qtbot, wizard, Button.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_RECOVERY)


def _shown_key(wizard: SetupWizard) -> str:
    groups = KEY_RE.findall(wizard.recovery_page.panel.key_label.text())
    assert len(groups) == 8
    return "-".join(groups)


def test_bad_station_code_stays_on_the_page_with_the_message_at_the_field(
    qtbot: QtBot, vault_dir: Path
) -> None:
    wizard = _wizard(qtbot, vault_dir)
    _click(qtbot, wizard, Button.NextButton)
    _fill_station(qtbot, wizard, code="慈溪 01")
    _click(qtbot, wizard, Button.NextButton)

    page = wizard.station_page
    assert wizard.currentId() == PAGE_STATION
    error = page.fields.error_label("station_code")
    assert error.isVisible() and "站点编码" in error.text()
    assert wizard.focusWidget() is page.code_edit
    assert page.name_edit.text() == STATION.name  # nothing typed is lost
    assert page.code_edit.text() == "慈溪 01"

    page.code_edit.clear()
    _type(qtbot, page.code_edit, STATION.code)
    _click(qtbot, wizard, Button.NextButton)
    assert wizard.currentId() == PAGE_CUSTODIAN
    assert not vault_dir.exists()


def test_custodian_page_refuses_mismatch_and_weak_password(qtbot: QtBot, vault_dir: Path) -> None:
    wizard = _wizard(qtbot, vault_dir)
    _click(qtbot, wizard, Button.NextButton)
    _fill_station(qtbot, wizard)
    _click(qtbot, wizard, Button.NextButton)
    page = wizard.custodian_page

    _fill_custodian(qtbot, wizard, confirm=PASSWORD + "x")
    _click(qtbot, wizard, Button.NextButton)
    assert wizard.currentId() == PAGE_CUSTODIAN
    assert page.fields.messages() == {"password_confirm": "两次输入的密码不一致。"}
    assert page.password_edit.text() == PASSWORD

    page.confirm_edit.clear()
    page.password_edit.clear()
    _type(qtbot, page.password_edit, "short")
    _type(qtbot, page.confirm_edit, "short")
    _click(qtbot, wizard, Button.NextButton)
    assert wizard.currentId() == PAGE_CUSTODIAN
    assert "密码至少" in page.fields.messages()["password"]
    assert page.login_edit.text() == CUSTODIAN.login


def test_wizard_end_to_end(qtbot: QtBot, vault_dir: Path, tmp_path: Path, answers: Answers) -> None:
    printed = tmp_path / "printed.pdf"

    def to_pdf_printer(_: QWidget) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    wizard = _wizard(qtbot, vault_dir, choose_printer=to_pdf_printer)
    _to_recovery_page(qtbot, wizard)
    assert wizard.vault_created
    key = _shown_key(wizard)
    page = wizard.recovery_page.panel
    finish = wizard.button(Button.FinishButton)
    assert not wizard.button(Button.BackButton).isVisible()

    # save the sheet: this folder is on the vault's disk, so the user is warned first
    sheet = tmp_path / "sheet.pdf"
    answers.save_path = str(sheet)
    answers.reply = False
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not sheet.exists()
    assert any(kind == "ask" and "本机" in text for kind, _, text in answers.seen)
    answers.reply = True
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert sheet.exists()
    text = "".join(p.extract_text() for p in PdfReader(sheet).pages)
    for group in key.split("-"):
        assert group in text
    assert STATION.code in text
    for stored in (p for p in vault_dir.rglob("*") if p.is_file()):
        data = stored.read_bytes()
        assert key.encode() not in data and key.replace("-", "").encode() not in data

    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert printed.stat().st_size > 10_000

    # 完成 is gated by the checkbox and the last group
    assert not finish.isEnabled()
    _toggle(qtbot, page.kept_box)
    assert not finish.isEnabled()
    _type(qtbot, page.last_group_edit, key.split("-")[0])
    assert finish.isEnabled()
    _click(qtbot, wizard, Button.FinishButton)
    assert wizard.isVisible()
    assert "最后一组" in page.fields.messages()["last_group"]

    page.last_group_edit.clear()
    _type(qtbot, page.last_group_edit, key.split("-")[-1].lower())
    _toggle(qtbot, page.kept_box)
    assert not finish.isEnabled()
    _toggle(qtbot, page.kept_box)
    _click(qtbot, wizard, Button.FinishButton)

    assert wizard.result() == QWizard.DialogCode.Accepted
    ctx = wizard.result_ctx
    assert ctx is not None and ctx.vault.is_open and ctx.login == CUSTODIAN.login
    assert page.key_label.text() == ""  # the key is not kept around
    profile = settings.profile(ctx)
    assert (profile.code, profile.kind, profile.device_binding) == (
        STATION.code,
        StationKind.UNIT,
        True,
    )
    accounts.logout(ctx)

    again = accounts.login(vault_dir, CUSTODIAN.login, PASSWORD)
    assert again.display_name == CUSTODIAN.display_name
    accounts.logout(again)
    reset = accounts.reset_with_recovery(vault_dir, key, CUSTODIAN.login, "Brand-new-2027")
    accounts.logout(reset)
    accounts.login(vault_dir, CUSTODIAN.login, "Brand-new-2027").vault.close()


def test_cancel_after_creation_asks_first(qtbot: QtBot, vault_dir: Path, answers: Answers) -> None:
    wizard = _wizard(qtbot, vault_dir)
    _to_recovery_page(qtbot, wizard)
    ctx = wizard._state.ctx
    assert ctx is not None

    answers.reply = False
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible() and wizard.currentId() == PAGE_RECOVERY
    assert "恢复密钥" in answers.seen[-1][2]

    answers.reply = True
    _click(qtbot, wizard, Button.CancelButton)
    assert not wizard.isVisible()
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert wizard.result_ctx is None and not ctx.vault.is_open


def test_without_credential_store_the_checkbox_is_required(
    qtbot: QtBot, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        device_secret, "describe_store", lambda: CredentialStore("none", False, False)
    )
    assert not setup.credential_store_ready()
    wizard = _wizard(qtbot, vault_dir)
    _click(qtbot, wizard, Button.NextButton)
    _fill_station(qtbot, wizard)
    _click(qtbot, wizard, Button.NextButton)
    _fill_custodian(qtbot, wizard)
    _click(qtbot, wizard, Button.NextButton)

    page = wizard.device_page
    assert wizard.currentId() == PAGE_DEVICE
    assert page.risk_label.isVisible() and page.accept_box.isVisible()
    assert not wizard.button(Button.NextButton).isEnabled()
    _toggle(qtbot, page.accept_box)
    _click(qtbot, wizard, Button.NextButton)
    _click(qtbot, wizard, Button.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_RECOVERY)

    ctx = wizard._state.ctx
    assert ctx is not None
    assert not ctx.vault.header.device_binding
    assert settings.profile(ctx).device_binding is False
    shown = SettingsPage(ctx)
    qtbot.addWidget(shown)
    assert shown.binding_label.text().startswith("未绑定设备")
    key = _shown_key(wizard)
    _toggle(qtbot, wizard.recovery_page.panel.kept_box)
    _type(qtbot, wizard.recovery_page.panel.last_group_edit, key[-5:])
    _click(qtbot, wizard, Button.FinishButton)
    assert wizard.result_ctx is ctx
    ctx.vault.close()
