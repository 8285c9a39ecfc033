"""The main window: navigation of the areas that exist for the role, locking, logging out.

Areas by role:
- custodian and counsellor: 工作台 (dashboard), 个案 (the case list; a chosen case opens
  in the same area, and leaving it returns to the list as it was), 团体与讲座, 我的账户;
  the custodian also 审计日志 and 设置. The 个案 menu holds Ctrl+N (new client / case),
  Ctrl+F (find a case), emergency access (counsellors) and the register import;
- station lead: 工作台 (the counts only), 团体与讲座 where those pages serve the lead,
  我的账户.

Locking deletes every page widget (an open case included) before the lock screen
appears, closes the database and drops the key; unlocking builds the pages again from
the new session. Logging out (or closing the window) ends the session cleanly, after
asking when a case has unsaved changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import ROLE_LABELS, Role
from station.scales.definition import ScaleDefinition, WarningLevel
from station.services import accounts, settings
from station.services.assessment_views import Recorded
from station.services.context import SignedIn
from station.services.views import WarningItem
from station.ui import clipboard, messages
from station.ui.assessment_dialogs import CrisisPromptDialog, PartialSave
from station.ui.case_list_page import CaseListPage
from station.ui.case_view import CaseView
from station.ui.destinations_page import DestinationsPage
from station.ui.export_page import ExportPage
from station.ui.forms import (
    MARGIN,
    SPACING,
    button,
    button_row,
    fact_box,
    group,
    is_alive,
    label,
    open_dialog,
)
from station.ui.groups_page import GroupsPage
from station.ui.home_page import HomePage
from station.ui.idle import IdleWatcher
from station.ui.import_dialog import ImportDialog
from station.ui.kiosk import KioskWindow
from station.ui.lectures_page import LecturesPage
from station.ui.lock_screen import LockScreen
from station.ui.password_dialog import ChangePasswordDialog
from station.ui.screenings_page import ScreeningsPage
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


class CasesArea(QStackedWidget):
    """个案: the case list, and the case opened from it (or from the dashboard) in its
    place. Going back shows the list exactly as it was left (filters, scroll position,
    selection), with its rows brought up to date. ``left_case`` when the user closed
    a case."""

    left_case = Signal()

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("casesArea")
        self.list_page = CaseListPage(ctx)
        self.addWidget(self.list_page)
        self.case_view: CaseView | None = None
        self.case_id: int | None = None

    def may_leave_case(self) -> bool:
        """True when no case is open or the open one may go (asking about unsaved changes)."""
        view = self.case_view
        if view is None or not is_alive(view) or not view.has_unsaved_changes():
            return True
        return view.confirm_leave()

    def open_case(self, case_id: int) -> bool:
        """Show this case (replacing an open one, if that may go); False if it stayed."""
        if self.case_view is not None and self.case_id == case_id:
            self.setCurrentWidget(self.case_view)
            return True
        if not self.may_leave_case():
            if self.case_view is not None:
                self.setCurrentWidget(self.case_view)
            return False
        self._drop_view()
        view = CaseView(self._ctx, case_id)
        view.closed.connect(self._view_closed)
        self.case_view, self.case_id = view, case_id
        self.addWidget(view)
        self.setCurrentWidget(view)  # the view puts the focus where work starts
        return True

    def show_list(self) -> bool:
        """Back to the list; False when an open case with unsaved changes stays."""
        if not self.may_leave_case():
            return False
        self._drop_view()
        self.setCurrentWidget(self.list_page)
        return True

    def _view_closed(self) -> None:
        """The case view said the user left it (it asked about changes itself)."""
        self._drop_view()
        self.setCurrentWidget(self.list_page)
        self.list_page.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.left_case.emit()

    def _drop_view(self) -> None:
        view, self.case_view, self.case_id = self.case_view, None, None
        if view is None or not is_alive(view):
            return
        self.removeWidget(view)
        view.hide()
        view.setParent(None)  # freed on the next loop turn
        view.deleteLater()


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
        self._home: HomePage | None = None
        self._cases: CasesArea | None = None
        self._case_origin: int | None = None  # the area a case was opened from
        self.import_dialog: QDialog | None = None
        self._session_attached = False
        self.lock_screen: LockScreen | None = None
        self.kiosk: KioskWindow | None = None  # while the client fills in a scale
        self._kiosk_save: Callable[[list[tuple[str, list[int | None]]]], list[Recorded]] | None
        self._kiosk_save = None
        self._after_kiosk: tuple[list[WarningItem], StationError | None] = ([], None)
        self.crisis_prompt: CrisisPromptDialog | None = None
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

    @property
    def home(self) -> HomePage | None:
        return self._home

    @property
    def cases(self) -> CasesArea | None:
        """The 个案 area (list and open case); None while locked or for the station lead."""
        return self._cases

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

        self.new_case_action = QAction(self.tr("New client / case…"), self)
        self.new_case_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_case_action.triggered.connect(self.new_case)
        self.find_action = QAction(self.tr("Find a case"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.find_case)
        self.emergency_action = QAction(self.tr("Emergency access…"), self)
        self.emergency_action.triggered.connect(self.emergency_access)
        self.import_action = QAction(self.tr("Import register…"), self)
        self.import_action.triggered.connect(self.import_register)
        self.record_actions = [self.new_case_action, self.find_action]
        if self._ctx.role == Role.COUNSELLOR:
            self.record_actions.append(self.emergency_action)
        self.record_actions.append(self.import_action)
        if self._ctx.sees_person_records:
            records = self.menuBar().addMenu(self.tr("Cases"))
            for action in self.record_actions:
                records.addAction(action)
                self.addAction(action)
            self.menuBar().insertMenu(menu.menuAction(), records)

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
        for action in self.record_actions:
            action.setEnabled(not self._locked and self._ctx.sees_person_records)

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
        navigation.currentRowChanged.connect(self._navigate)
        navigation.setCurrentRow(0)
        row.addWidget(navigation)
        row.addWidget(pages, 1)

        self._content, self._navigation, self._pages = content, navigation, pages
        pages.setCurrentIndex(0)
        self._root.addWidget(content)
        self._root.setCurrentWidget(content)
        navigation.setFocus()

    def _make_pages(self, ctx: SignedIn) -> list[tuple[str, QWidget]]:
        home = HomePage(ctx)
        home.open_case.connect(self.open_case)
        self._home = home
        made: list[tuple[str, QWidget]] = [(self.tr("Home"), home)]
        if ctx.sees_person_records:
            cases = CasesArea(ctx)
            cases.list_page.open_case.connect(self.open_case)
            cases.left_case.connect(self._left_case)
            self._cases = cases
            made.append((self.tr("Cases"), cases))
        screenings = ScreeningsPage(ctx)
        screenings.open_case.connect(self.open_case)
        made.append((self.tr("Assessments"), screenings))
        if ctx.sees_person_records:
            made.append((self.tr("Referral directory"), DestinationsPage(ctx)))
        activities = self._activities_page(ctx)
        if activities is not None:
            made.append((self.tr("Groups and lectures"), activities))
        if ctx.role in (Role.CUSTODIAN, Role.LEAD):
            made.append((self.tr("Monthly statistics"), ExportPage(ctx)))
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

    def _activities_page(self, ctx: SignedIn) -> QWidget | None:
        """团体与讲座: the group programmes and the lectures, as two tabs. The station
        lead gets it only where the pages serve the lead (totals only)."""
        made: list[tuple[str, GroupsPage | LecturesPage]] = [
            (self.tr("Group work"), GroupsPage(ctx)),
            (self.tr("Lectures and training"), LecturesPage(ctx)),
        ]
        if not ctx.sees_person_records:
            for _title, page in made:
                if not page.totals_only:  # a page that would show more than totals
                    page.deleteLater()
            made = [(title, page) for title, page in made if page.totals_only]
        if not made:
            return None
        tabs = QTabWidget()
        tabs.setObjectName("activitiesPage")
        tabs.setDocumentMode(True)
        for title, page in made:
            tabs.addTab(page, title)
        return tabs

    # -- cases ---------------------------------------------------------------------------
    def _navigate(self, row: int) -> None:
        if self._pages is None:
            return
        self._pages.setCurrentIndex(row)
        if self._cases is not None and self._pages.currentWidget() is not self._cases:
            self._case_origin = None

    def _select(self, page: QWidget) -> None:
        if self._pages is None or self._navigation is None:
            return
        row = self._pages.indexOf(page)
        if row >= 0 and self._navigation.currentRow() != row:
            self._navigation.setCurrentRow(row)

    def open_case(self, case_id: int) -> None:
        """Show a case in the 个案 area (from the dashboard, the list or a dialog)."""
        cases, pages = self._cases, self._pages
        if cases is None or pages is None:
            return
        origin = pages.currentIndex() if pages.currentWidget() is not cases else None
        self._select(cases)
        if cases.open_case(case_id):
            self._case_origin = origin

    def _left_case(self) -> None:
        """Back where the case was opened from: the dashboard, or the list."""
        origin, self._case_origin = self._case_origin, None
        if origin is not None and self._navigation is not None:
            self._navigation.setCurrentRow(origin)

    def new_case(self) -> None:
        """Ctrl+N: register a client and open a case; the new case is then shown."""
        if self._cases is not None and not self._locked:
            self._cases.list_page.new_case()

    def find_case(self) -> None:
        """Ctrl+F: the case list with the focus in its search box."""
        cases = self._cases
        if cases is None or self._locked:
            return
        self._select(cases)
        if cases.show_list():
            self._case_origin = None
            cases.list_page.focus_search()

    def emergency_access(self) -> None:
        if self._cases is not None and not self._locked:
            self._cases.list_page.emergency_access()

    def import_register(self) -> None:
        """导入台账…: the import dialog; the lists are brought up to date afterwards."""
        pages = self._pages
        if pages is None or self._locked or not self._ctx.sees_person_records:
            return
        if self.import_dialog is not None and is_alive(self.import_dialog):
            self.import_dialog.raise_()
            return
        host = self._cases or pages.currentWidget()
        self.import_dialog = open_dialog(ImportDialog(self._ctx, parent=host), self._imported)

    def _imported(self, _accepted: bool) -> None:
        self.import_dialog = None
        if self._cases is not None and self._cases.list_page.isVisible():
            self._cases.list_page.reload()
        if self._home is not None and self._home.isVisible():
            self._home.dashboard.refresh()

    def _may_leave(self) -> bool:
        """Whether the session may end now (asks about a case's unsaved changes)."""
        if self._locked or self._ended or self._cases is None or not is_alive(self._cases):
            return True
        return self._cases.may_leave_case()

    def _tear_down_content(self) -> None:
        """Delete every page: nothing of a record stays on screen or in a widget."""
        content = self._content
        self._content = self._navigation = self._pages = None
        self._home = self._cases = None
        self._case_origin = None
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
        if self.kiosk is not None:  # the client's answers are saved first, then it locks
            self.kiosk.hand_over()
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
        self._show_kiosk_outcome()

    # -- the client's own form (本人自填) ------------------------------------------------------
    def run_kiosk(
        self,
        definitions: Sequence[ScaleDefinition],
        one_per_page: bool,
        save: Callable[[list[tuple[str, list[int | None]]]], list[Recorded]],
    ) -> KioskWindow:
        """Hide this window and show the scales full-screen to the client. When the kiosk
        finishes (done, idle, closed, or this window locking), ``save`` gets the answers,
        the window locks, and after the next unlock a save error or a critical warning
        is shown here (never to the client)."""
        kiosk = KioskWindow(definitions, one_per_page=one_per_page)
        kiosk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        kiosk.finished.connect(self._kiosk_finished)
        self.kiosk, self._kiosk_save = kiosk, save
        self.hide()
        kiosk.showFullScreen()
        kiosk.activateWindow()
        return kiosk

    def _kiosk_finished(self, results: list[tuple[str, list[int | None]]]) -> None:
        save, self._kiosk_save, self.kiosk = self._kiosk_save, None, None
        recorded: list[Recorded] = []
        problem: StationError | None = None
        if save is not None:
            try:
                recorded = list(save(results))
            except StationError as exc:
                problem = exc
                recorded = exc.recorded if isinstance(exc, PartialSave) else []
        critical = [w for r in recorded for w in r.warnings if w.level is WarningLevel.CRITICAL]
        self._after_kiosk = (critical, problem)
        self.lock()
        self.show()  # the lock screen, under the kiosk's thank-you

    def _show_kiosk_outcome(self) -> None:
        (critical, problem), self._after_kiosk = self._after_kiosk, ([], None)
        if problem is not None:
            messages.warn(self, self.tr("Client's form"), problem.zh)
        if critical:
            prompt = CrisisPromptDialog(critical, self)
            prompt.record_crisis.connect(lambda c: self._crisis_step(c, "crisis", prompt))
            prompt.raise_risk.connect(lambda c: self._crisis_step(c, "risk", prompt))
            self.crisis_prompt = open_dialog(prompt, self._prompt_closed)

    def _prompt_closed(self, _accepted: bool) -> None:
        self.crisis_prompt = None

    def _crisis_step(self, case_id: int, kind: str, prompt: QWidget) -> None:
        self.open_case(case_id)
        view = self._cases.case_view if self._cases is not None else None
        if view is not None and view.case_id == case_id:
            view.when_loaded(lambda: view.crisis_action(kind, prompt))

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
        if self._ended or not self._may_leave():
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
        if not self._may_leave():
            event.ignore()
            return
        self._end_session()
        super().closeEvent(event)
