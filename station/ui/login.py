"""The login dialog and the recovery-key dialog.

The station's name is inside the encrypted vault, so the login screen carries a
neutral title. A login unwraps the user's key slot (Argon2id) in a background
task; the service counts wrong passwords and imposes a growing wait, which the
dialog shows as a countdown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from station.errors import DeviceSecretMissing, StationError, WrongPassword
from station.services import accounts
from station.services.accounts import LoginThrottled
from station.services.context import SignedIn
from station.ui import theme
from station.ui.password_dialog import (
    MARGIN,
    SPACING,
    BusyIndicator,
    ChangePasswordDialog,
    Countdown,
    Field,
    button_row,
    is_alive,
    password_edit,
    set_enabled,
    show_station_error,
)
from station.ui.tasks import run_task

LINK_STYLE = f"""
QPushButton {{ border: none; background: transparent; color: {theme.ACCENT};
    text-decoration: underline; padding: 6px 2px; }}
QPushButton:focus {{ border: 1px dashed {theme.ACCENT}; }}
QPushButton:hover {{ color: {theme.ACCENT_DARK}; }}
"""
HINT_STYLE = f"""
QLabel {{ background: white; border: 1px solid {theme.BORDER}; border-radius: 6px;
    padding: 10px 12px; color: {theme.MUTED}; }}
"""


def link_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text)
    button.setAutoDefault(False)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(LINK_STYLE)
    return button


class LoginDialog(QDialog):
    """User name and password. After ``exec()`` returns Accepted, ``ctx`` is the session."""

    def __init__(
        self, vault_dir: Path, demo_hint: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vault_dir = vault_dir
        self.ctx: SignedIn | None = None
        self.change_dialog: ChangePasswordDialog | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self._base_error = ""
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Psychological care station · Sign in"))
        self.setMinimumWidth(440)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        title = QLabel(self.tr("Psychological care station"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        intro = QLabel(self.tr("Sign in to open this station's records."))
        intro.setProperty("role", "muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(4)

        user_edit = QLineEdit()
        user_edit.setMaxLength(32)
        self.user = Field(self.tr("User name"), user_edit, "login")
        self.password = Field(self.tr("Password"), password_edit(), "password")
        self.user.add_to(layout)
        self.password.add_to(layout)

        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setProperty("role", "muted")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)

        self.recovery_button = link_button(
            self.tr("Forgot your password? Use the recovery key"), "recoveryLink"
        )
        self.recovery_button.clicked.connect(self.open_recovery)
        self.login_button = QPushButton(self.tr("Sign in"))
        self.login_button.setObjectName("loginButton")
        self.login_button.setAccessibleName(self.login_button.text())
        self.login_button.setProperty("primary", True)
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        layout.addSpacing(4)
        layout.addLayout(button_row(self.recovery_button, self.login_button, stretch_after=1))

        self.demo_hint: QLabel | None = None
        if demo_hint:
            self.demo_hint = QLabel(
                self.tr("A demo vault with synthetic data only.") + "\n" + demo_hint
            )
            self.demo_hint.setObjectName("demoHint")
            self.demo_hint.setWordWrap(True)
            self.demo_hint.setStyleSheet(HINT_STYLE)
            self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.demo_hint)
        layout.addStretch(1)

        self.countdown = Countdown(self)
        self.countdown.ticked.connect(self._show_wait)
        self.countdown.done.connect(self._wait_over)

        QWidget.setTabOrder(self.user.edit, self.password.edit)
        QWidget.setTabOrder(self.password.edit, self.login_button)
        QWidget.setTabOrder(self.login_button, self.recovery_button)
        self.user.edit.setFocus()

    # -- signing in ---------------------------------------------------------------
    def _controls(self) -> list[QWidget]:
        return [self.user.edit, self.password.edit, self.login_button, self.recovery_button]

    def submit(self) -> None:
        if self.busy.running or self.countdown.active:
            return
        self.user.clear_error()
        self.password.clear_error()
        self.notice.hide()
        self._base_error = ""
        login = self.user.edit.text().strip()
        password = self.password.edit.text()
        if not login:
            self.user.show_error(self.tr("Enter your user name."))
            self.user.focus()
            return
        if not password:
            self.password.show_error(self.tr("Enter your password."))
            self.password.focus()
            return
        set_enabled(self._controls(), False)
        self.busy.start(self.tr("Checking the password…"))
        root = self.vault_dir
        run_task(
            lambda _h: accounts.login(root, login, password),
            self._logged_in,
            lambda exc: self._login_failed(exc, login),
        )

    def _finish_task(self) -> bool:
        if not is_alive(self):
            return False
        self.busy.stop()
        set_enabled(self._controls(), True)
        self.login_button.setEnabled(not self.countdown.active)
        return True

    def _logged_in(self, result: object) -> None:
        assert isinstance(result, SignedIn)
        if not self._finish_task():  # the dialog went away meanwhile: do not leave it open
            accounts.logout(result)
            return
        self.password.edit.clear()
        if result.must_change_password:
            self._force_password_change(result)
        else:
            self._accept(result)

    def _login_failed(self, exc: BaseException, login: str) -> None:
        alive = self._finish_task()
        if not isinstance(exc, StationError):
            raise exc
        if not alive:
            return
        if isinstance(exc, LoginThrottled):
            self._start_wait(exc.seconds)
            self.password.focus()
        elif isinstance(exc, WrongPassword):
            self._base_error = exc.zh
            self.password.show_error(exc.zh)
            self.password.edit.clear()
            self.password.focus()
            self._start_wait(accounts.seconds_to_wait(self.vault_dir, login))
        elif isinstance(exc, DeviceSecretMissing):
            self.password.show_error(
                exc.zh
                + "\n"
                + self.tr("Choose “Forgot your password? Use the recovery key” below.")
            )
            self.recovery_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            show_station_error(exc, {"login": self.user, "password": self.password}, self.password)

    def _start_wait(self, seconds: int) -> None:
        if seconds > 0:
            self.login_button.setEnabled(False)
            self.countdown.start(seconds)

    def _show_wait(self, seconds: int) -> None:
        wait = self.tr("Too many wrong passwords. Try again in {0} s.").format(seconds)
        self.password.show_error(f"{self._base_error}\n{wait}" if self._base_error else wait)

    def _wait_over(self) -> None:
        self.password.show_error(self._base_error)
        self.login_button.setEnabled(not self.busy.running)

    def _force_password_change(self, ctx: SignedIn) -> None:
        dialog = ChangePasswordDialog(ctx, forced=True, parent=self)
        self.change_dialog = dialog
        dialog.finished.connect(lambda code: self._forced_change_finished(dialog, ctx, code))
        dialog.open()

    def _forced_change_finished(
        self, dialog: ChangePasswordDialog, ctx: SignedIn, code: int
    ) -> None:
        self.change_dialog = None
        dialog.deleteLater()
        if code == QDialog.DialogCode.Accepted:
            self._accept(ctx)
            return
        accounts.logout(ctx)
        self.notice.setText(self.tr("You are signed out. Sign in again to choose your password."))
        self.notice.show()
        self.password.focus()

    def _accept(self, ctx: SignedIn) -> None:
        self.ctx = ctx
        self.accept()

    def reject(self) -> None:
        if self.busy.running:  # a login is being checked: wait for its outcome
            return
        super().reject()

    # -- recovery -----------------------------------------------------------------
    def open_recovery(self) -> None:
        dialog = RecoveryDialog(self.vault_dir, self.user.edit.text().strip(), parent=self)
        self.recovery_dialog = dialog
        dialog.finished.connect(lambda code: self._recovery_finished(dialog, code))
        dialog.open()

    def _recovery_finished(self, dialog: RecoveryDialog, code: int) -> None:
        self.recovery_dialog = None
        dialog.deleteLater()
        if code == QDialog.DialogCode.Accepted and dialog.ctx is not None:
            # The user has just chosen a new password: no forced change follows.
            self._accept(dialog.ctx)


class RecoveryDialog(QDialog):
    """Recovery key, user name and a new password; after Accepted, ``ctx`` is the session."""

    def __init__(self, vault_dir: Path, login: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = vault_dir
        self.ctx: SignedIn | None = None
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Psychological care station · Recovery key"))
        self.setMinimumWidth(480)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        heading = QLabel(self.tr("Set a new password with the recovery key"))
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "The recovery key is on the recovery sheet kept in the station safe: "
                "8 groups of 5 letters or digits."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        key_edit = QLineEdit()
        key_edit.setMaxLength(64)
        key_edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        login_edit = QLineEdit(login)
        login_edit.setMaxLength(32)
        self.key = Field(self.tr("Recovery key"), key_edit, "recovery_key")
        self.user = Field(self.tr("User name"), login_edit, "login")
        self.new = Field(self.tr("New password"), password_edit(), "new_password")
        self.repeat = Field(self.tr("Repeat the new password"), password_edit(), "repeat_password")
        for field in (self.key, self.user, self.new, self.repeat):
            field.add_to(layout)
        note = QLabel(
            self.tr(
                "On a new computer or another Windows account this machine is enrolled "
                "again; the custodian then resets the other users' passwords."
            )
        )
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        layout.addWidget(note)

        self.busy = BusyIndicator()
        layout.addWidget(self.busy)
        layout.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Set password and sign in"))
        self.ok_button.setObjectName("resetPassword")
        self.ok_button.setAccessibleName(self.ok_button.text())
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        layout.addLayout(button_row(self.cancel_button, self.ok_button, stretch_after=1))

        QWidget.setTabOrder(self.key.edit, self.user.edit)
        QWidget.setTabOrder(self.user.edit, self.new.edit)
        QWidget.setTabOrder(self.new.edit, self.repeat.edit)
        QWidget.setTabOrder(self.repeat.edit, self.ok_button)
        QWidget.setTabOrder(self.ok_button, self.cancel_button)
        self.key.edit.setFocus()
        self._fields = {f.name: f for f in (self.key, self.user, self.new, self.repeat)}

    def _controls(self) -> list[QWidget]:
        edits: list[QWidget] = [f.edit for f in self._fields.values()]
        return [*edits, self.ok_button, self.cancel_button]

    def submit(self) -> None:
        if self.busy.running:
            return
        for field in self._fields.values():
            field.clear_error()
        key, login = self.key.edit.text(), self.user.edit.text().strip()
        new = self.new.edit.text()
        if not login:
            self.user.show_error(self.tr("Enter your user name."))
            self.user.focus()
            return
        if new != self.repeat.edit.text():
            self.repeat.show_error(self.tr("The two new passwords differ."))
            self.repeat.focus()
            return
        set_enabled(self._controls(), False)
        self.busy.start(self.tr("Opening the vault with the recovery key…"))
        root = self.vault_dir
        run_task(
            lambda _h: accounts.reset_with_recovery(root, key, login, new),
            self._done,
            self._failed,
        )

    def _finish_task(self) -> bool:
        if not is_alive(self):
            return False
        self.busy.stop()
        set_enabled(self._controls(), True)
        return True

    def _done(self, result: object) -> None:
        assert isinstance(result, SignedIn)
        if not self._finish_task():
            accounts.logout(result)
            return
        self.ctx = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        alive = self._finish_task()
        if not isinstance(exc, StationError):
            raise exc
        if alive:
            show_station_error(exc, self._fields, self.key)

    def reject(self) -> None:
        if self.busy.running:
            return
        super().reject()
