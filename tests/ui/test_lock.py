"""Locking: idle time, Ctrl+L and the Windows session lock hide every record and close
the vault; the user's password brings the window back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from station.services import accounts, audit, setup
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.ui import clipboard
from station.ui.audit_page import AuditPage
from station.ui.home_page import HomePage
from station.ui.idle import IdleWatcher
from station.ui.lock_screen import LockScreen
from station.ui.main_window import AccountPage, MainWindow
from station.ui.session_lock import (
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    SessionLockWatcher,
    is_session_lock,
)
from station.ui.settings_page import SettingsPage
from tests.conftest import CUSTODIAN, PASSWORD, STATION
from tests.ui.conftest import SHOTS

PAGE_TYPES = (HomePage, AccountPage, AuditPage, SettingsPage)


@pytest.fixture
def window(qtbot: QtBot, custodian: SignedIn) -> Iterator[MainWindow]:
    win = MainWindow(custodian, custodian.vault.paths.root)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.ctx.vault.is_open:
        win.ctx.vault.close()


def _all_text(root: QWidget) -> str:
    """Every text any widget in the window holds, shown or not."""
    parts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        if isinstance(widget, QGroupBox):
            parts.append(widget.title())
        if isinstance(widget, QListWidget):
            parts.extend(widget.item(i).text() for i in range(widget.count()))
    return "\n".join(parts)


def _unlock(qtbot: QtBot, screen: LockScreen, password: str) -> None:
    screen.password.edit.setFocus()
    qtbot.keyClicks(screen.password.edit, password)
    qtbot.keyClick(screen.password.edit, Qt.Key.Key_Return)


# -- pieces ---------------------------------------------------------------------------
def test_session_lock_message_decoding() -> None:
    assert is_session_lock(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert not is_session_lock(WM_WTSSESSION_CHANGE, 0x8)  # WTS_SESSION_UNLOCK
    assert not is_session_lock(WM_WTSSESSION_CHANGE, 0x5)  # WTS_SESSION_LOGON
    assert not is_session_lock(0x0010, WTS_SESSION_LOCK)  # WM_CLOSE


def test_session_watcher_is_a_quiet_no_op_off_windows(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    watcher = SessionLockWatcher(holder)
    watcher.attach(holder)
    watcher.detach()
    assert watcher.supported is False


def test_idle_watcher_fires_after_quiet_time_and_input_restarts_it(qtbot: QtBot) -> None:
    target = QLineEdit()
    qtbot.addWidget(target)
    target.show()
    watcher = IdleWatcher()
    watcher.set_interval_ms(600)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.start()
    try:
        for _ in range(6):  # 1.2 s of typing, each key well inside the idle time
            qtbot.wait(200)
            qtbot.keyClick(target, Qt.Key.Key_A)
            assert not fired
        with qtbot.waitSignal(watcher.idle, timeout=3000):
            pass
        assert fired == [True]
        assert not watcher.active  # single shot: no second signal without new input
        watcher.set_minutes(7)
        assert watcher.interval_ms == 7 * 60_000
    finally:
        watcher.stop()


# -- the window --------------------------------------------------------------------------
def test_idle_lock_hides_every_page_and_closes_the_vault(
    qtbot: QtBot, window: MainWindow, custodian: SignedIn
) -> None:
    home = window.findChildren(HomePage)[0]
    assert STATION.code in _all_text(window)  # shown before locking
    window.idle_watcher.set_interval_ms(200)
    qtbot.waitUntil(lambda: window.lock_screen is not None and window.lock_screen.isVisible())

    assert window.is_locked
    assert not custodian.vault.is_open
    for page_type in PAGE_TYPES:
        assert not window.findChildren(page_type), page_type.__name__
    assert window.navigation is None and not window.findChildren(QListWidget)
    text = _all_text(window)
    for secret in (STATION.code, STATION.region, "您好", "本站信息", "审计日志", "工作台"):
        assert secret not in text
    assert CUSTODIAN.display_name in text  # the lock screen says whose session it is
    qtbot.waitUntil(lambda: not shiboken6.isValid(home))  # freed, not merely hidden
    status = window.statusBar().findChild(QLabel, "statusLock")
    assert status.text() == "已锁定"
    assert not window.lock_action.isEnabled()
    assert window.grab().save(str(SHOTS / "lock_screen.png"))


def test_unlock_with_the_password_restores_the_navigation(qtbot: QtBot, window: MainWindow) -> None:
    window.lock()
    screen = window.lock_screen
    assert screen is not None
    _unlock(qtbot, screen, PASSWORD)

    assert not window.is_locked and window.lock_screen is None
    assert window.ctx.vault.is_open
    assert window.navigation_titles() == [
        "工作台",
        "个案",
        "心理测评",
        "转介去向目录",
        "团体与讲座",
        "月度统计上报",
        "审计日志",
        "设置",
        "我的账户",
    ]
    assert isinstance(window.pages.currentWidget() if window.pages else None, HomePage)
    assert STATION.code in _all_text(window)
    assert window.idle_watcher.active
    actions = [row.action for row in audit.browse(window.ctx, AuditFilter())]
    sessions = [a for a in actions if a in {"login", "logout", "lock", "unlock"}]
    assert sessions[:2] == ["unlock", "lock"]  # newest first


def test_wrong_unlock_password_is_shown_and_keeps_the_lock(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.lock()
    screen = window.lock_screen
    assert screen is not None
    _unlock(qtbot, screen, "wrong-password-1")
    assert window.is_locked and window.lock_screen is screen
    assert screen.password.error.isVisible()
    assert screen.password.error.text() == "用户名或密码不正确。"
    assert screen.password.edit.text() == ""
    assert not window.ctx.vault.is_open
    assert not window.findChildren(HomePage)

    _unlock(qtbot, screen, PASSWORD)
    assert not window.is_locked


def test_ctrl_l_locks(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.navigation is not None
    qtbot.keyClick(window.navigation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked and window.lock_screen is not None
    assert not window.ctx.vault.is_open


def test_windows_session_lock_locks(window: MainWindow) -> None:
    window.session_watcher.session_locked.emit()
    assert window.is_locked
    assert not window.ctx.vault.is_open


def test_lock_closes_an_open_dialog_and_clears_a_copied_identifier(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.show_page("我的账户")
    assert isinstance(page, AccountPage)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    dialog = page.change_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    clipboard.copy_identifier("CX-ZH01-0042")
    window.lock()
    assert window.is_locked
    assert QGuiApplication.clipboard().text() == ""
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))


def test_switch_user_logs_out(qtbot: QtBot, window: MainWindow, custodian: SignedIn) -> None:
    window.lock()
    screen = window.lock_screen
    assert screen is not None
    with qtbot.waitSignal(window.logged_out, timeout=2000):
        qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    ctx = accounts.login(custodian.vault.paths.root, CUSTODIAN.login, PASSWORD)
    try:
        assert audit.browse(ctx, AuditFilter(action="lock"))
    finally:
        ctx.vault.close()


def test_unlock_is_throttled_after_repeated_failures(
    qtbot: QtBot, window: MainWindow, created: setup.SetupResult
) -> None:
    window.lock()
    screen = window.lock_screen
    assert screen is not None
    for _ in range(3):
        _unlock(qtbot, screen, "wrong-password-1")
    assert not screen.unlock_button.isEnabled()
    assert "秒后再试" in screen.password.error.text()
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=6000)
    _unlock(qtbot, screen, PASSWORD)
    assert not window.is_locked
    assert len(audit.browse(window.ctx, AuditFilter(action="login_failed"))) == 3
