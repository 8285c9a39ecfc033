"""Settings: station profile, idle lock, device binding, signing key, recovery key, users."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from station.errors import VaultError, WrongPassword
from station.models.enums import Role, StationKind
from station.services import accounts, audit, settings, setup
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.ui.settings_page import NewRecoveryKeyDialog, SettingsPage
from station.ui.users_page import AddUserDialog, TemporaryPasswordDialog, UsersPage
from station.vault.vault import Vault
from tests.conftest import CUSTODIAN, FAST, STATION
from tests.ui.conftest import SHOTS, Answers
from tests.ui.helpers import retype

TEMP = "Temp-pass-2026"


def _page(qtbot: QtBot, ctx: SignedIn) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# -- 站点信息 -----------------------------------------------------------------------------
def test_profile_is_shown_and_saved(qtbot: QtBot, custodian: SignedIn) -> None:
    page = _page(qtbot, custodian)
    assert page.name_edit.text() == STATION.name
    assert page.kind_combo.currentText() == "暖心港湾（乡镇街道）"

    retype(qtbot, page.name_edit, "慈溪市某街道暖心港湾")
    retype(qtbot, page.code_edit, "CX 02!")
    _click(qtbot, page.save_button)
    assert "站点编码" in page.profile_fields.messages()["station_code"]
    assert page.name_edit.text() == "慈溪市某街道暖心港湾"  # nothing typed is lost
    assert settings.profile(custodian).name == STATION.name  # nothing was written

    retype(qtbot, page.code_edit, "CX-JD02")
    page.kind_combo.setFocus()
    qtbot.keyClick(page.kind_combo, Qt.Key.Key_Down)
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)  # Enter saves
    assert page.profile_fields.messages() == {}
    assert page.profile_status.text() == "站点信息已保存。"
    saved = settings.profile(custodian)
    assert (saved.name, saved.code, saved.kind) == (
        "慈溪市某街道暖心港湾",
        "CX-JD02",
        StationKind.UNIT,
    )


# -- 安全 -------------------------------------------------------------------------------
def test_idle_lock_change_persists_and_emits(qtbot: QtBot, custodian: SignedIn) -> None:
    page = _page(qtbot, custodian)
    page.tabs.setCurrentWidget(page.security_tab)
    assert page.idle_spin.value() == 5
    retype(qtbot, page.idle_spin, "12")
    with qtbot.waitSignal(page.idle_lock_changed) as signal:
        _click(qtbot, page.idle_button)
    assert signal.args == [12]
    assert settings.idle_lock_minutes(custodian) == 12
    assert "12" in page.idle_status.text()

    again = _page(qtbot, custodian)
    assert again.idle_spin.value() == 12


def test_idle_lock_out_of_range_is_refused(qtbot: QtBot, custodian: SignedIn) -> None:
    page = _page(qtbot, custodian)
    page.tabs.setCurrentWidget(page.security_tab)
    emitted: list[int] = []
    page.idle_lock_changed.connect(emitted.append)
    for typed in ("90", "0"):
        retype(qtbot, page.idle_spin, typed)
        qtbot.keyClick(page.idle_spin, Qt.Key.Key_Return)
    assert all(1 <= m <= 60 for m in emitted) and 90 not in emitted and 0 not in emitted
    assert 1 <= settings.idle_lock_minutes(custodian) <= 60
    assert (page.idle_spin.minimum(), page.idle_spin.maximum()) == (1, 60)


def test_device_binding_and_signing_key_are_shown(qtbot: QtBot, created: setup.SetupResult) -> None:
    page = _page(qtbot, created.ctx)
    page.tabs.setCurrentWidget(page.security_tab)
    assert page.binding_label.text().startswith("已绑定设备")
    fingerprint = created.signing.fingerprint
    shown = page.fingerprint_label.text().split()
    assert shown == [fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4)]
    assert page.key_id_label.text().replace(" ", "") == created.signing.key_id
    _click(qtbot, page.copy_button)
    assert QGuiApplication.clipboard().text().replace(" ", "") == fingerprint


def test_settings_show_a_vault_without_device_binding(qtbot: QtBot, vault_dir: Path) -> None:
    result = setup.create_vault(vault_dir, STATION, CUSTODIAN, device_binding=False, argon2=FAST)
    page = _page(qtbot, result.ctx)
    assert page.binding_label.text().startswith("未绑定设备")
    assert "未绑定设备" in page.store_label.text()
    result.ctx.vault.close()


# -- 用户 -------------------------------------------------------------------------------
def _users(page: SettingsPage) -> dict[str, list[str]]:
    table = page.users_page.table
    return {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)]
        for r in range(table.rowCount())
    }


def _add_dialog(qtbot: QtBot, users: UsersPage) -> AddUserDialog:
    _click(qtbot, users.add_button)
    dialog = users.dialog
    assert isinstance(dialog, AddUserDialog) and dialog.isVisible()
    return dialog


def _fill(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    retype(qtbot, edit, text)


def test_add_user_with_errors_at_the_field(qtbot: QtBot, custodian: SignedIn) -> None:
    page = _page(qtbot, custodian)
    page.tabs.setCurrentWidget(page.users_page)
    users = page.users_page
    dialog = _add_dialog(qtbot, users)
    _fill(qtbot, dialog.login_edit, "admin")
    _fill(qtbot, dialog.display_edit, "张咨询")
    _fill(qtbot, dialog.password_edit, TEMP)
    _fill(qtbot, dialog.confirm_edit, TEMP + "!")
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog.fields.messages() == {"password_confirm": "两次输入的密码不一致。"}

    _fill(qtbot, dialog.confirm_edit, TEMP)
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible()  # the service refuses a taken name, at the name field
    assert dialog.fields.messages() == {"login": "这个用户名已被使用。"}
    assert dialog.display_edit.text() == "张咨询" and dialog.password_edit.text() == TEMP

    _fill(qtbot, dialog.login_edit, "zhangsan")
    _click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert _users(page)["zhangsan"] == ["张咨询", "咨询师", "在用", "是"]
    assert users.selected_user() is not None and users.selected_user().login == "zhangsan"
    created = accounts.login(custodian.vault.paths.root, "zhangsan", TEMP)
    assert created.role == Role.COUNSELLOR and created.must_change_password
    created.vault.close()


def test_deactivate_not_self_and_reset_temporary_password(
    qtbot: QtBot, custodian: SignedIn, vault_dir: Path, answers: Answers
) -> None:
    accounts.add_user(custodian, "zhangsan", "张咨询", Role.COUNSELLOR, TEMP)
    page = _page(qtbot, custodian)
    users = page.users_page

    users.select_login("admin")
    assert not users.deactivate_button.isEnabled()  # never oneself

    users.select_login("zhangsan")
    answers.reply = False
    _click(qtbot, users.deactivate_button)
    assert answers.seen[-1][0] == "ask" and "张咨询" in answers.seen[-1][2]
    assert _users(page)["zhangsan"][2] == "在用"

    answers.reply = True
    _click(qtbot, users.deactivate_button)
    assert _users(page)["zhangsan"][2] == "已停用"
    with pytest.raises(WrongPassword):
        accounts.login(vault_dir, "zhangsan", TEMP)

    # a deactivated user is re-enabled with a new temporary password
    assert users.reset_button.text() == "重新启用…"
    _click(qtbot, users.reset_button)
    dialog = users.dialog
    assert isinstance(dialog, TemporaryPasswordDialog)
    _fill(qtbot, dialog.password_edit, "short")
    _fill(qtbot, dialog.confirm_edit, "short")
    _click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "密码至少" in dialog.fields.messages()["password"]
    _fill(qtbot, dialog.password_edit, "Again-temp-2026")
    _fill(qtbot, dialog.confirm_edit, "Again-temp-2026")
    _click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    assert _users(page)["zhangsan"][2:] == ["在用", "是"]
    assert users.reset_button.text() == "重设临时密码…"
    back = accounts.login(vault_dir, "zhangsan", "Again-temp-2026")
    assert back.must_change_password
    back.vault.close()


# -- 恢复密钥 -----------------------------------------------------------------------------
def test_replacing_the_recovery_key_shows_the_new_key_once(
    qtbot: QtBot, created: setup.SetupResult, tmp_path: Path, answers: Answers
) -> None:
    ctx = created.ctx
    vault_dir = ctx.vault.paths.root
    page = _page(qtbot, ctx)
    page.tabs.setCurrentWidget(page.security_tab)
    assert page.rotate_button.text() == "更换恢复密钥…"

    answers.reply = False  # the question comes first; "no" changes nothing
    _click(qtbot, page.rotate_button)
    assert answers.seen[-1][0] == "ask" and "旧的恢复" in answers.seen[-1][2]
    assert page.key_dialog is None
    Vault.open_with_recovery(vault_dir, created.recovery_key).close()

    answers.reply = True
    _click(qtbot, page.rotate_button)
    dialog = page.key_dialog
    assert isinstance(dialog, NewRecoveryKeyDialog)
    qtbot.waitExposed(dialog)
    panel = dialog.panel
    groups = re.findall(r"[0-9A-Z]{5}", panel.key_label.text())
    assert len(groups) == 8
    key = "-".join(groups)
    assert key != created.recovery_key
    assert dialog.grab().save(str(SHOTS / "rotate.png"))

    # the new sheet, saved after the warning about this PC's own disk
    sheet = tmp_path / "new-sheet.pdf"
    answers.save_path = str(sheet)
    _click(qtbot, panel.save_button)
    assert "本机" in answers.seen[-1][2]
    text = "".join(p.extract_text() for p in PdfReader(sheet).pages)
    for group in groups:
        assert group in text
    assert STATION.code in text

    # the old key no longer opens the vault; the new one does
    with pytest.raises(VaultError):
        Vault.open_with_recovery(vault_dir, created.recovery_key)
    Vault.open_with_recovery(vault_dir, key).close()

    # closing unconfirmed asks first; Done needs the last group and the check box
    answers.reply = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and "恢复密钥" in answers.seen[-1][1]
    assert not dialog.done_button.isEnabled()
    retype(qtbot, panel.last_group_edit, groups[0])
    panel.kept_box.setChecked(True)
    _click(qtbot, dialog.done_button)
    assert dialog.isVisible() and "最后一组" in panel.fields.messages()["last_group"]
    retype(qtbot, panel.last_group_edit, groups[-1].lower())
    _click(qtbot, dialog.done_button)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert panel.key_label.text() == ""  # the key is not kept around
    assert "已更换" in page.rotate_status.text()
    assert "recovery_rotate" in {row.action for row in audit.browse(ctx, AuditFilter())}
