"""The login, recovery and password-change dialogs against a real vault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from station.models.enums import Role
from station.services import accounts, audit, setup
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.ui import tasks
from station.ui.login import LoginDialog, RecoveryDialog
from station.ui.password_dialog import ChangePasswordDialog
from station.vault.vault import VaultPaths
from tests.conftest import CUSTODIAN, PASSWORD
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import SHOTS

NEW_PASSWORD = "Neues-Kennwort-77"
TEMP_PASSWORD = "Temp-Pass-2026"


@pytest.fixture
def opened() -> Iterator[list[SignedIn]]:
    """Sessions a test opens; closed afterwards so no vault stays open."""
    sessions: list[SignedIn] = []
    yield sessions
    for ctx in sessions:
        ctx.vault.close()


@pytest.fixture
def vault(created: setup.SetupResult) -> Path:
    """A vault with nobody signed in."""
    accounts.logout(created.ctx)
    return created.ctx.vault.paths.root


def _dialog(qtbot: QtBot, vault: Path, demo_hint: str | None = None) -> LoginDialog:
    dialog = LoginDialog(vault, demo_hint)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _attempt(qtbot: QtBot, dialog: LoginDialog, login: str, password: str) -> None:
    dialog.user.edit.clear()
    _type(qtbot, dialog.user.edit, login)
    dialog.password.edit.clear()
    _type(qtbot, dialog.password.edit, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def _accepted(dialog: LoginDialog, opened: list[SignedIn]) -> SignedIn:
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.ctx is not None
    opened.append(dialog.ctx)
    return dialog.ctx


def test_right_password_signs_in_by_keyboard(
    qtbot: QtBot, vault: Path, opened: list[SignedIn]
) -> None:
    dialog = _dialog(qtbot, vault)
    assert dialog.windowTitle() == "心理健康服务站 · 登录"
    assert dialog.login_button.text() == "登录"
    assert dialog.password.edit.echoMode() == dialog.password.edit.EchoMode.Password
    _type(qtbot, dialog.user.edit, CUSTODIAN.login)
    qtbot.keyClick(dialog.user.edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.password.edit
    qtbot.keyClicks(dialog.password.edit, PASSWORD)
    qtbot.keyClick(dialog.password.edit, Qt.Key.Key_Return)

    ctx = _accepted(dialog, opened)
    assert ctx.role == Role.CUSTODIAN
    assert ctx.display_name == CUSTODIAN.display_name
    assert ctx.vault.is_open
    assert not dialog.busy.running


def test_wrong_password_is_shown_at_the_field_and_audited_later(
    qtbot: QtBot, vault: Path, opened: list[SignedIn]
) -> None:
    dialog = _dialog(qtbot, vault)
    _attempt(qtbot, dialog, CUSTODIAN.login, "not-the-password1")

    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.ctx is None
    assert dialog.password.error.isVisible()
    assert dialog.password.error.text() == "用户名或密码不正确。"
    assert dialog.password.edit.text() == ""
    assert dialog.user.edit.text() == CUSTODIAN.login
    assert dialog.focusWidget() is dialog.password.edit
    assert dialog.login_button.isEnabled()  # one mistake costs no waiting

    _type(qtbot, dialog.password.edit, PASSWORD)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    ctx = _accepted(dialog, opened)
    failed = audit.browse(ctx, AuditFilter(action="login_failed"))
    assert len(failed) == 1
    assert failed[0].object_id == str(ctx.user_id)


def test_empty_fields_are_asked_for_without_counting_a_failure(qtbot: QtBot, vault: Path) -> None:
    dialog = _dialog(qtbot, vault)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.user.error.text() == "请输入用户名。"
    _type(qtbot, dialog.user.edit, CUSTODIAN.login)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.password.error.text() == "请输入密码。"
    assert not dialog.user.error.isVisible()
    assert accounts.seconds_to_wait(vault, CUSTODIAN.login) == 0
    assert not VaultPaths(vault).throttle.exists()


def test_repeated_failures_count_down_then_allow_again(
    qtbot: QtBot, vault: Path, opened: list[SignedIn]
) -> None:
    dialog = _dialog(qtbot, vault)
    for _ in range(3):
        _attempt(qtbot, dialog, CUSTODIAN.login, "still-wrong-1")
    # The third failure imposes a wait: the button is off and the seconds are shown.
    assert not dialog.login_button.isEnabled()
    assert "秒后再试" in dialog.password.error.text()
    assert dialog.user.edit.text() == CUSTODIAN.login

    # A new dialog (e.g. after restarting the program) is refused by the service.
    again = _dialog(qtbot, vault)
    _attempt(qtbot, again, CUSTODIAN.login, PASSWORD)
    assert again.ctx is None
    assert not again.login_button.isEnabled()
    assert "秒后再试" in again.password.error.text()
    assert again.countdown.active

    qtbot.waitUntil(again.login_button.isEnabled, timeout=6000)
    assert "秒" not in again.password.error.text()
    qtbot.mouseClick(again.login_button, Qt.MouseButton.LeftButton)
    ctx = _accepted(again, opened)
    assert len(audit.browse(ctx, AuditFilter(action="login_failed"))) == 3


def test_demo_hint_is_shown_only_when_given(qtbot: QtBot, vault: Path) -> None:
    hint = "演示账户：admin / counsellor1 / lead，密码：demo-2026"
    with_hint = _dialog(qtbot, vault, hint)
    assert with_hint.demo_hint is not None and with_hint.demo_hint.isVisible()
    assert hint in with_hint.demo_hint.text()
    assert _dialog(qtbot, vault).demo_hint is None


def _open_recovery(qtbot: QtBot, dialog: LoginDialog) -> RecoveryDialog:
    qtbot.mouseClick(dialog.recovery_button, Qt.MouseButton.LeftButton)
    recovery = dialog.recovery_dialog
    assert recovery is not None
    qtbot.waitExposed(recovery)
    return recovery


def test_recovery_key_resets_the_password_and_signs_in(
    qtbot: QtBot, created: setup.SetupResult, vault: Path, opened: list[SignedIn]
) -> None:
    dialog = _dialog(qtbot, vault)
    _type(qtbot, dialog.user.edit, CUSTODIAN.login)
    recovery = _open_recovery(qtbot, dialog)
    assert recovery.user.edit.text() == CUSTODIAN.login  # carried over

    _type(qtbot, recovery.key.edit, created.recovery_key.lower())
    _type(qtbot, recovery.new.edit, NEW_PASSWORD)
    _type(qtbot, recovery.repeat.edit, NEW_PASSWORD + "x")
    qtbot.mouseClick(recovery.ok_button, Qt.MouseButton.LeftButton)
    assert recovery.repeat.error.text() == "两次输入的新密码不一致。"
    assert recovery.key.edit.text() == created.recovery_key.lower()  # nothing lost

    recovery.repeat.edit.clear()
    _type(qtbot, recovery.repeat.edit, NEW_PASSWORD)
    qtbot.mouseClick(recovery.ok_button, Qt.MouseButton.LeftButton)
    ctx = _accepted(dialog, opened)
    assert ctx.login == CUSTODIAN.login and ctx.vault.is_open
    actions = {row.action for row in audit.browse(ctx, AuditFilter())}
    assert {"recovery_used", "password_reset"} <= actions
    accounts.logout(ctx)
    opened.append(accounts.login(vault, CUSTODIAN.login, NEW_PASSWORD))


def test_wrong_recovery_key_is_shown_at_the_key_field(qtbot: QtBot, vault: Path) -> None:
    dialog = _dialog(qtbot, vault)
    recovery = _open_recovery(qtbot, dialog)
    _type(qtbot, recovery.key.edit, "ABCDE-12345")
    _type(qtbot, recovery.user.edit, CUSTODIAN.login)
    _type(qtbot, recovery.new.edit, NEW_PASSWORD)
    _type(qtbot, recovery.repeat.edit, NEW_PASSWORD)
    qtbot.mouseClick(recovery.ok_button, Qt.MouseButton.LeftButton)
    assert recovery.isVisible() and recovery.ctx is None
    assert "8 组" in recovery.key.error.text()
    assert recovery.focusWidget() is recovery.key.edit
    qtbot.keyClick(recovery, Qt.Key.Key_Escape)
    assert not recovery.isVisible()
    assert dialog.isVisible() and dialog.ctx is None


def test_missing_device_secret_points_to_the_recovery_key(
    qtbot: QtBot,
    created: setup.SetupResult,
    vault: Path,
    isolated: MemoryKeyring,
    opened: list[SignedIn],
) -> None:
    isolated.store.clear()  # another Windows account, a new PC, a wiped credential store
    dialog = _dialog(qtbot, vault)
    _attempt(qtbot, dialog, CUSTODIAN.login, PASSWORD)
    assert dialog.ctx is None
    message = dialog.password.error.text()
    assert "设备密钥" in message and "忘记密码？使用恢复密钥" in message
    assert dialog.password.edit.text() == PASSWORD  # not a wrong password: kept
    assert dialog.focusWidget() is dialog.recovery_button

    recovery = _open_recovery(qtbot, dialog)
    _type(qtbot, recovery.key.edit, created.recovery_key)
    _type(qtbot, recovery.new.edit, NEW_PASSWORD)
    _type(qtbot, recovery.repeat.edit, NEW_PASSWORD)
    qtbot.keyClick(recovery.repeat.edit, Qt.Key.Key_Return)
    ctx = _accepted(dialog, opened)
    assert "device_reenrol" in {row.action for row in audit.browse(ctx, AuditFilter())}


@pytest.fixture
def new_user(created: setup.SetupResult) -> Path:
    """A counsellor with a temporary password, added by the custodian; nobody signed in."""
    accounts.add_user(created.ctx, "counsellor1", "李咨询", Role.COUNSELLOR, TEMP_PASSWORD)
    accounts.logout(created.ctx)
    return created.ctx.vault.paths.root


def _forced_dialog(qtbot: QtBot, dialog: LoginDialog) -> ChangePasswordDialog:
    _attempt(qtbot, dialog, "counsellor1", TEMP_PASSWORD)
    forced = dialog.change_dialog
    assert forced is not None and forced.forced
    qtbot.waitExposed(forced)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.ctx is None
    return forced


def test_new_user_must_change_the_temporary_password(
    qtbot: QtBot, new_user: Path, opened: list[SignedIn]
) -> None:
    dialog = _dialog(qtbot, new_user)
    forced = _forced_dialog(qtbot, dialog)
    assert forced.cancel_button.text() == "退出登录"
    assert QApplication.activeModalWidget() is forced

    _type(qtbot, forced.old.edit, TEMP_PASSWORD)
    _type(qtbot, forced.new.edit, TEMP_PASSWORD)
    _type(qtbot, forced.repeat.edit, TEMP_PASSWORD)
    qtbot.mouseClick(forced.ok_button, Qt.MouseButton.LeftButton)
    assert forced.new.error.text() == "新密码不能与当前密码相同。"
    assert forced.isVisible()

    forced.new.edit.clear()
    forced.repeat.edit.clear()
    _type(qtbot, forced.new.edit, NEW_PASSWORD)
    _type(qtbot, forced.repeat.edit, NEW_PASSWORD)
    qtbot.keyClick(forced.repeat.edit, Qt.Key.Key_Return)
    ctx = _accepted(dialog, opened)
    assert ctx.login == "counsellor1" and ctx.role == Role.COUNSELLOR
    assert not ctx.must_change_password
    accounts.logout(ctx)
    opened.append(accounts.login(new_user, "counsellor1", NEW_PASSWORD))
    assert not opened[-1].must_change_password


def test_forced_change_can_only_be_left_by_logging_out(qtbot: QtBot, new_user: Path) -> None:
    dialog = _dialog(qtbot, new_user)
    forced = _forced_dialog(qtbot, dialog)
    session = forced.ctx
    qtbot.keyClick(forced.old.edit, Qt.Key.Key_Escape)
    assert not forced.isVisible()
    assert dialog.ctx is None and dialog.isVisible()
    assert not session.vault.is_open  # logged out
    assert dialog.notice.isVisible() and "已退出登录" in dialog.notice.text()
    assert dialog.user.edit.text() == "counsellor1"


def test_change_password_errors_are_shown_at_their_fields(
    qtbot: QtBot, custodian: SignedIn
) -> None:
    dialog = ChangePasswordDialog(custodian)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.cancel_button.text() == "取消"

    _type(qtbot, dialog.old.edit, "wrong-current-1")
    _type(qtbot, dialog.new.edit, NEW_PASSWORD)
    _type(qtbot, dialog.repeat.edit, NEW_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.old.error.text() == "当前密码不正确。"
    assert dialog.focusWidget() is dialog.old.edit
    assert dialog.new.edit.text() == NEW_PASSWORD  # what was typed stays

    dialog.old.edit.clear()
    _type(qtbot, dialog.old.edit, PASSWORD)
    dialog.new.edit.clear()
    dialog.repeat.edit.clear()
    _type(qtbot, dialog.new.edit, "short1")
    _type(qtbot, dialog.repeat.edit, "short1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.old.error.isVisible()
    assert dialog.new.error.text() == "密码至少 8 位。"

    dialog.new.edit.clear()
    dialog.repeat.edit.clear()
    _type(qtbot, dialog.new.edit, NEW_PASSWORD)
    _type(qtbot, dialog.repeat.edit, NEW_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    root = custodian.vault.paths.root
    accounts.logout(custodian)
    custodian_again = accounts.login(root, CUSTODIAN.login, NEW_PASSWORD)
    custodian_again.vault.close()


def test_login_runs_in_the_background_with_the_form_disabled(
    qtbot: QtBot, vault: Path, opened: list[SignedIn]
) -> None:
    tasks.set_synchronous(False)  # the real thread pool, as in the app
    dialog = _dialog(qtbot, vault)
    _attempt(qtbot, dialog, CUSTODIAN.login, PASSWORD)
    assert dialog.busy.isVisible()
    assert not dialog.user.edit.isEnabled() and not dialog.password.edit.isEnabled()
    assert not dialog.login_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no cancelling half-way through a login
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    ctx = _accepted(dialog, opened)
    assert not dialog.busy.isVisible()
    assert ctx.vault.is_open
    assert audit.browse(ctx, AuditFilter(action="login"))  # the session works on this thread


def test_login_dialog_screenshots(qtbot: QtBot, new_user: Path) -> None:
    dialog = _dialog(qtbot, new_user, "演示账户：admin / counsellor1 / lead，密码：demo-2026")
    _attempt(qtbot, dialog, CUSTODIAN.login, "wrong-password-1")
    dialog.adjustSize()
    assert dialog.grab().save(str(SHOTS / "login.png"))
    recovery = _open_recovery(qtbot, dialog)
    assert recovery.grab().save(str(SHOTS / "recovery.png"))
    recovery.reject()
    forced = _forced_dialog(qtbot, dialog)
    forced.repeat.show_error("两次输入的新密码不一致。")
    forced.adjustSize()
    assert forced.grab().save(str(SHOTS / "forced_change.png"))
    forced.reject()


def test_login_dialog_at_a_large_font(qtbot: QtBot, vault: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    large = QFont(font)
    large.setPointSize(14)  # about 150 % scaling
    app.setFont(large)
    try:
        dialog = _dialog(qtbot, vault, "演示账户：admin / counsellor1 / lead，密码：demo-2026")
        dialog.password.show_error("用户名或密码不正确。\n密码错误次数过多，请 4 秒后再试。")
        dialog.adjustSize()
        qtbot.wait(50)
        assert dialog.grab().save(str(SHOTS / "login_large.png"))
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and not label.wordWrap():
                assert label.width() >= label.sizeHint().width(), label.text()
    finally:
        app.setFont(font)
