"""The main window: areas by role, status bar, home page, account page, logging out."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from station.models.enums import Role
from station.services import accounts, audit, setup
from station.services.audit import AuditFilter
from station.services.context import SignedIn
from station.ui import app as station_app
from station.ui import gui
from station.ui.audit_page import AuditPage
from station.ui.home_page import HomePage
from station.ui.login import LoginDialog
from station.ui.main_window import AccountPage, MainWindow
from station.ui.settings_page import SettingsPage
from station.ui.setup_wizard import SetupWizard
from station.vault.vault import VaultPaths
from tests.conftest import CUSTODIAN, PASSWORD, STATION
from tests.ui.conftest import SHOTS

TEMP_PASSWORD = "Temp-Pass-2026"
NEW_PASSWORD = "Neues-Kennwort-77"


@pytest.fixture
def opened() -> Iterator[list[SignedIn]]:
    sessions: list[SignedIn] = []
    yield sessions
    for ctx in sessions:
        ctx.vault.close()


def _window(qtbot: QtBot, ctx: SignedIn) -> MainWindow:
    window = MainWindow(ctx, ctx.vault.paths.root)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _session_as(created: setup.SetupResult, role: Role, opened: list[SignedIn]) -> SignedIn:
    """A fresh session of a user with ``role`` (the custodian is logged out)."""
    root = created.ctx.vault.paths.root
    if role == Role.CUSTODIAN:
        accounts.logout(created.ctx)
        ctx = accounts.login(root, CUSTODIAN.login, PASSWORD)
    else:
        login = f"{role.value}1"
        accounts.add_user(created.ctx, login, "李" + role.value, role, TEMP_PASSWORD)
        accounts.logout(created.ctx)
        ctx = accounts.login(root, login, TEMP_PASSWORD)
    opened.append(ctx)
    return ctx


def test_custodian_window_shows_station_user_role_and_lock_state(
    qtbot: QtBot, custodian: SignedIn
) -> None:
    window = _window(qtbot, custodian)
    assert window.windowTitle() == f"心理健康服务站 — {STATION.name}"
    assert window.navigation is not None
    assert window.navigation.objectName() == "navigation"
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
    texts = [w.text() for w in window.statusBar().findChildren(QLabel)]
    assert texts == [CUSTODIAN.display_name, "档案管理员", "已解锁 · 5 分钟无操作自动锁定"]
    assert isinstance(window.show_page("工作台"), HomePage)
    assert isinstance(window.show_page("审计日志"), AuditPage)
    assert isinstance(window.show_page("设置"), SettingsPage)
    assert isinstance(window.show_page("我的账户"), AccountPage)
    assert window.idle_watcher.active
    assert window.idle_watcher.interval_ms == 5 * 60_000


@pytest.mark.parametrize(
    ("role", "label", "titles"),
    [
        (
            Role.COUNSELLOR,
            "咨询师",
            ["工作台", "个案", "心理测评", "转介去向目录", "团体与讲座", "我的账户"],
        ),
        (Role.LEAD, "站长/统计", ["工作台", "心理测评", "团体与讲座", "月度统计上报", "我的账户"]),
    ],
)
def test_other_roles_see_no_custodian_areas(
    qtbot: QtBot,
    created: setup.SetupResult,
    opened: list[SignedIn],
    role: Role,
    label: str,
    titles: list[str],
) -> None:
    window = _window(qtbot, _session_as(created, role, opened))
    assert window.navigation_titles() == titles
    assert window.statusBar().findChild(QLabel, "statusRole").text() == label
    home = window.show_page("工作台")
    assert isinstance(home, HomePage)
    assert home.verify_button is None
    assert not window.findChildren(AuditPage)
    assert not window.findChildren(SettingsPage)


def test_home_page_shows_the_station_and_verifies_the_audit_log(
    qtbot: QtBot, custodian: SignedIn
) -> None:
    home = HomePage(custodian)
    qtbot.addWidget(home)
    home.show()
    labels = {label.text() for label in home.findChildren(QLabel)}
    assert "您好，王管理" in labels
    assert {STATION.name, STATION.code, "暖心港湾（乡镇街道）", STATION.region} <= labels
    assert home.verify_button is not None and home.verify_result is not None
    assert home.verify_button.text() == "校验审计日志"
    assert not home.verify_result.isVisible()

    qtbot.mouseClick(home.verify_button, Qt.MouseButton.LeftButton)
    assert home.verify_result.isVisible()
    assert "哈希链校验通过" in home.verify_result.text()
    assert home.verify_button.isEnabled()
    assert "audit_verify" in {row.action for row in audit.browse(custodian, AuditFilter())}


def test_account_page_changes_the_password(
    qtbot: QtBot, custodian: SignedIn, opened: list[SignedIn]
) -> None:
    window = _window(qtbot, custodian)
    page = window.show_page("我的账户")
    assert isinstance(page, AccountPage)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    dialog = page.change_dialog
    assert dialog is not None and not dialog.forced
    qtbot.waitExposed(dialog)
    for edit, text in (
        (dialog.old.edit, PASSWORD),
        (dialog.new.edit, NEW_PASSWORD),
        (dialog.repeat.edit, NEW_PASSWORD),
    ):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(dialog.repeat.edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert page.changed_note.isVisible()
    window.close()
    opened.append(accounts.login(custodian.vault.paths.root, CUSTODIAN.login, NEW_PASSWORD))


def test_log_out_from_the_account_page_ends_the_session(
    qtbot: QtBot, custodian: SignedIn, opened: list[SignedIn]
) -> None:
    window = _window(qtbot, custodian)
    page = window.show_page("我的账户")
    assert isinstance(page, AccountPage)
    with qtbot.waitSignal(window.logged_out, timeout=2000):
        qtbot.mouseClick(page.logout_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert not custodian.vault.is_open
    assert not window.findChildren(HomePage)
    ctx = accounts.login(custodian.vault.paths.root, CUSTODIAN.login, PASSWORD)
    opened.append(ctx)
    assert audit.browse(ctx, AuditFilter(action="logout"))


def test_closing_the_window_logs_out_without_asking_for_the_login(
    qtbot: QtBot, custodian: SignedIn
) -> None:
    window = _window(qtbot, custodian)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.assertNotEmitted(window.logged_out):
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert not custodian.vault.is_open
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.lock_action.shortcut().toString() == "Ctrl+L"


def test_idle_time_changed_in_settings_reaches_the_watcher(
    qtbot: QtBot, custodian: SignedIn
) -> None:
    window = _window(qtbot, custodian)
    settings_page = window.show_page("设置")
    assert isinstance(settings_page, SettingsPage)
    settings_page.idle_lock_changed.emit(12)
    assert window.idle_watcher.interval_ms == 12 * 60_000
    status = window.statusBar().findChild(QLabel, "statusLock")
    assert status.text() == "已解锁 · 12 分钟无操作自动锁定"


def test_display_check_before_qt_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    ok, message = gui.display_available()
    assert not ok
    assert "xvfb-run" in message and "QT_QPA_PLATFORM=offscreen" in message
    monkeypatch.setenv("DISPLAY", ":99")
    assert gui.display_available() == (True, "")
    monkeypatch.delenv("DISPLAY")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert gui.display_available()[0]
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(sys, "platform", "win32")
    assert gui.display_available()[0]


def test_main_window_screenshots(qtbot: QtBot, custodian: SignedIn) -> None:
    window = _window(qtbot, custodian)
    qtbot.wait(200)  # let the scroll area settle
    assert window.grab().save(str(SHOTS / "main_window.png"))
    window.show_page("我的账户")
    assert window.grab().save(str(SHOTS / "account_page.png"))
    window.close()


def test_main_window_at_a_large_font(
    qtbot: QtBot, created: setup.SetupResult, opened: list[SignedIn]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    large = QFont(font)
    large.setPointSize(14)  # about 150 % scaling
    app.setFont(large)
    try:
        window = _window(qtbot, _session_as(created, Role.CUSTODIAN, opened))
        qtbot.wait(200)
        assert window.grab().save(str(SHOTS / "main_window_large.png"))
        window.show_page("我的账户")
        assert window.grab().save(str(SHOTS / "account_page_large.png"))
        window.close()
    finally:
        app.setFont(font)


class _Driver:
    """Acts as the user while ``gui.run`` is inside its event loops."""

    def __init__(self, vault_dir: Path) -> None:
        self.vault_dir = vault_dir
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self.step)
        self.timer.start(50)

    def step(self) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        if len(self.seen) > 8:  # something went wrong: end the run instead of hanging
            for widget in shown:
                widget.close()
            return
        for widget in shown:
            if isinstance(widget, SetupWizard):
                self.seen.append("wizard")
                widget.reject()
            elif isinstance(widget, LoginDialog) and not widget.busy.running:
                if "main window" in self.seen:
                    self.seen.append("login again")
                    widget.reject()
                else:
                    self.seen.append("login")
                    widget.user.edit.setText(CUSTODIAN.login)
                    widget.password.edit.setText(PASSWORD)
                    widget.login_button.click()
            elif isinstance(widget, MainWindow):
                self.seen.append("main window")
                assert widget.ctx.vault.is_open
                widget.log_out()


@pytest.fixture
def no_crash_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep pytest-qt's exception capture instead of the app's crash dialog."""
    monkeypatch.setattr(station_app, "install_excepthook", lambda: None)


@pytest.mark.usefixtures("no_crash_dialog")
def test_gui_run_returns_to_the_login_after_log_out(created: setup.SetupResult) -> None:
    accounts.logout(created.ctx)
    driver = _Driver(created.ctx.vault.paths.root)
    try:
        assert gui.run(driver.vault_dir) == 0
    finally:
        driver.timer.stop()
    assert driver.seen == ["login", "main window", "login again"]


@pytest.mark.usefixtures("no_crash_dialog")
def test_gui_run_starts_the_setup_wizard_on_an_empty_folder(vault_dir: Path) -> None:
    driver = _Driver(vault_dir)
    try:
        assert gui.run(vault_dir) == 0
    finally:
        driver.timer.stop()
    assert driver.seen == ["wizard"]
    assert not VaultPaths(vault_dir).exists()
