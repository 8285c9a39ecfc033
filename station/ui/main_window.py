"""The main window: navigation of the areas that exist for the role, locking, logging out.

Locking deletes every page widget before the lock screen appears, closes the
database and drops the key; unlocking builds the pages again from the new
session. Logging out (or closing the window) ends the session cleanly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import ROLE_LABELS, Role
from station.services import accounts, settings
from station.services.context import SignedIn
from station.ui import clipboard, messages
from station.ui.forms import (
    MARGIN,
    SPACING,
    button,
    button_row,
    fact_box,
    group,
    label,
    open_dialog,
)
from station.ui.home_page import HomePage
from station.ui.idle import IdleWatcher
from station.ui.lock_screen import LockScreen
from station.ui.password_dialog import ChangePasswordDialog
from station.ui.session_lock import SessionLockWatcher


class AccountPage(QWidget):
    """我的账户: who is signed in, change password, lock, log out."""

    lock_requested = Signal()
    logout_requested = Signal()

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.change_dialog: ChangePasswordDialog | None = None
        self.setObjectName("accountPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 8, MARGIN, MARGIN + 8, MARGIN)
        layout.setSpacing(SPACING + 4)
        layout.addWidget(label(self.tr("My account"), "title", wrap=False))
        layout.addWidget(
            fact_box(
                self.tr("Signed in"),
                [
                    (self.tr("Display name"), ctx.display_name),
                    (self.tr("User name"), ctx.login),
                    (self.tr("Role"), ROLE_LABELS[ctx.role]),
                ],
            )
        )

        password_box, password_layout = group(
            self.tr("Password"),
            self.tr(
                "Your password opens the records on this computer. Nobody else, the "
                "custodian included, can see it."
            ),
        )
        self.change_button = button(self.tr("Change password…"), name="changePasswordButton")
        self.change_button.clicked.connect(self.change_password)
        password_layout.addLayout(button_row(self.change_button))
        self.changed_note = label(self.tr("Your password was changed."), "muted")
        self.changed_note.setObjectName("passwordChanged")
        self.changed_note.hide()
        password_layout.addWidget(self.changed_note)
        layout.addWidget(password_box)

        leave_box, leave_layout = group(
            self.tr("Leaving the desk"),
            self.tr(
                "Lock keeps you signed in but hides every record until your password is "
                "entered again. Log out ends your session."
            ),
        )
        self.lock_button = button(self.tr("Lock now (Ctrl+L)"), name="lockButton")
        self.lock_button.clicked.connect(self.lock_requested)
        self.logout_button = button(self.tr("Log out"), name="logoutButton")
        self.logout_button.clicked.connect(self.logout_requested)
        leave_layout.addLayout(button_row(self.lock_button, self.logout_button))
        layout.addWidget(leave_box)
        layout.addStretch(1)

    def change_password(self) -> None:
        self.changed_note.hide()
        self.change_dialog = open_dialog(
            ChangePasswordDialog(self._ctx, forced=False, parent=self), self._change_finished
        )

    def _change_finished(self, accepted: bool) -> None:
        self.change_dialog = None
        if accepted:
            self.changed_note.show()


class MainWindow(QMainWindow):
    """The signed-in window. Emits ``logged_out`` when the user logs out or switches
    user (then closes itself); closing it otherwise also logs out."""

    logged_out = Signal()

    def __init__(self, ctx: SignedIn, vault_dir: Path) -> None:
        super().__init__()
        self._ctx = ctx
        self.vault_dir = vault_dir
        self._locked = False
        self._ended = False
        self._station_name = ""
        self._idle_minutes = 0
        self._content: QWidget | None = None
        self._navigation: QListWidget | None = None
        self._pages: QStackedWidget | None = None
        self._session_attached = False
        self.lock_screen: LockScreen | None = None
        self.setObjectName("mainWindow")
        self.resize(1120, 740)
        self.setMinimumSize(820, 560)

        self._root = QStackedWidget()
        self._root.setObjectName("root")
        self.setCentralWidget(self._root)

        self.idle_watcher = IdleWatcher(parent=self)
        self.idle_watcher.idle.connect(self.lock)
        self.session_watcher = SessionLockWatcher(self)
        self.session_watcher.session_locked.connect(self.lock)

        self._make_actions()
        self._make_status_bar()
        self._build_content()
        self.idle_watcher.start()
        self._update_status()

    # -- public state ---------------------------------------------------------------
    @property
    def ctx(self) -> SignedIn:
        return self._ctx

    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def navigation(self) -> QListWidget | None:
        """The navigation list; None while locked."""
        return self._navigation

    @property
    def pages(self) -> QStackedWidget | None:
        return self._pages

    def navigation_titles(self) -> list[str]:
        nav = self._navigation
        return [] if nav is None else [nav.item(i).text() for i in range(nav.count())]

    def show_page(self, title: str) -> QWidget:
        """Select the navigation entry with this title and return its page."""
        titles = self.navigation_titles()
        assert self._navigation is not None and self._pages is not None
        self._navigation.setCurrentRow(titles.index(title))
        return self._pages.currentWidget()

    # -- building ---------------------------------------------------------------------
    def _make_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Account"))
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.logout_action = QAction(self.tr("Log out"), self)
        self.logout_action.triggered.connect(self.log_out)
        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        menu.addAction(self.lock_action)
        menu.addAction(self.logout_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        for action in (self.lock_action, self.logout_action, self.quit_action):
            self.addAction(action)  # shortcuts work while the menu bar is hidden too

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self._user_status = label("", wrap=False)
        self._role_status = label("", "muted", wrap=False)
        self._lock_status = label("", "muted", wrap=False)
        for shown, name in (
            (self._user_status, "statusUser"),
            (self._role_status, "statusRole"),
            (self._lock_status, "statusLock"),
        ):
            shown.setObjectName(name)
            shown.setContentsMargins(8, 2, 8, 2)
        bar.addWidget(self._user_status)
        bar.addWidget(self._role_status)
        bar.addPermanentWidget(self._lock_status)

    def _update_status(self) -> None:
        self._user_status.setText(self._ctx.display_name)
        self._role_status.setText(ROLE_LABELS[self._ctx.role])
        if self._locked:
            self._lock_status.setText(self.tr("Locked"))
        else:
            self._lock_status.setText(
                self.tr("Unlocked · locks after {0} minutes without input").format(
                    self._idle_minutes
                )
            )
        self.lock_action.setEnabled(not self._locked)

    def _build_content(self) -> None:
        ctx = self._ctx
        self._station_name = settings.profile(ctx).name
        self.setWindowTitle(self.tr("Psychological care station — {0}").format(self._station_name))
        self._idle_minutes = settings.idle_lock_minutes(ctx)
        self.idle_watcher.set_minutes(self._idle_minutes)

        content = QWidget()
        content.setObjectName("content")
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        navigation = QListWidget()
        navigation.setObjectName("navigation")
        navigation.setAccessibleName(self.tr("Navigation"))
        navigation.setFixedWidth(200)
        pages = QStackedWidget()
        pages.setObjectName("pages")
        row_height = QFontMetrics(navigation.font()).height() + 24  # the theme pads items
        for title, page in self._make_pages(ctx):
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(0, row_height))
            navigation.addItem(item)
            pages.addWidget(page)
        navigation.currentRowChanged.connect(pages.setCurrentIndex)
        navigation.setCurrentRow(0)
        row.addWidget(navigation)
        row.addWidget(pages, 1)

        self._content, self._navigation, self._pages = content, navigation, pages
        self._root.addWidget(content)
        self._root.setCurrentWidget(content)
        navigation.setFocus()

    def _make_pages(self, ctx: SignedIn) -> list[tuple[str, QWidget]]:
        made: list[tuple[str, QWidget]] = [(self.tr("Home"), HomePage(ctx))]
        if ctx.role == Role.CUSTODIAN:
            from station.ui.audit_page import AuditPage
            from station.ui.settings_page import SettingsPage

            made.append((self.tr("Audit log"), AuditPage(ctx)))
            settings_page = SettingsPage(ctx)
            settings_page.idle_lock_changed.connect(self._idle_minutes_changed)
            made.append((self.tr("Settings"), settings_page))
        account = AccountPage(ctx)
        account.lock_requested.connect(self.lock)
        account.logout_requested.connect(self.log_out)
        made.append((self.tr("My account"), account))
        return made

    def _tear_down_content(self) -> None:
        """Delete every page: nothing of a record stays on screen or in a widget."""
        content = self._content
        self._content = self._navigation = self._pages = None
        if content is None:
            return
        self._root.removeWidget(content)
        content.hide()
        content.setParent(None)  # out of the window at once; freed on the next loop turn
        content.deleteLater()

    def _idle_minutes_changed(self, minutes: int) -> None:
        self._idle_minutes = minutes
        self.idle_watcher.set_minutes(minutes)
        self._update_status()

    # -- locking --------------------------------------------------------------------------
    def _close_modals(self) -> None:
        for _ in range(10):
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self:
                return
            if isinstance(modal, QDialog):
                modal.reject()
            if modal.isVisible():
                modal.close()
            if QApplication.activeModalWidget() is modal:
                return  # it refused to close (busy); its parent page goes anyway

    def lock(self) -> None:
        """Hide and delete every page, close the vault, and show the lock screen."""
        if self._locked or self._ended:
            return
        self._locked = True
        self.idle_watcher.stop()
        self._close_modals()
        self._tear_down_content()
        clipboard.clear_if_ours()
        problem: StationError | None = None
        try:
            accounts.lock(self._ctx)
        except StationError as exc:  # e.g. the disk is full: the key is dropped all the same
            problem = exc
        finally:
            self._ctx.vault.close()
        screen = LockScreen(
            self.vault_dir, self._ctx.login, self._ctx.display_name, self._station_name
        )
        screen.unlocked.connect(self._unlocked)
        screen.switch_user.connect(self.log_out)
        self.lock_screen = screen
        self._root.addWidget(screen)
        self._root.setCurrentWidget(screen)
        screen.setFocus()
        self._update_status()
        if problem is not None:
            messages.warn(self, self.tr("Lock"), problem.zh)

    def _unlocked(self, ctx: object) -> None:
        assert isinstance(ctx, SignedIn)
        self._ctx = ctx
        screen, self.lock_screen = self.lock_screen, None
        if screen is not None:
            self._root.removeWidget(screen)
            screen.hide()
            screen.setParent(None)
            screen.deleteLater()
        self._locked = False
        self._build_content()
        self.idle_watcher.start()
        self._update_status()

    # -- ending -----------------------------------------------------------------------------
    def _end_session(self) -> None:
        if self._ended:
            return
        self._ended = True
        self.idle_watcher.stop()
        self.session_watcher.detach()
        self._close_modals()
        self._tear_down_content()
        clipboard.clear_if_ours()
        try:
            accounts.logout(self._ctx)
        finally:
            self._ctx.vault.close()

    def log_out(self) -> None:
        """End the session and close; ``logged_out`` tells the caller to show the login."""
        if self._ended:
            return
        self._end_session()
        self.logged_out.emit()
        self.close()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._session_attached:
            self._session_attached = True
            self.session_watcher.attach(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._end_session()
        super().closeEvent(event)
