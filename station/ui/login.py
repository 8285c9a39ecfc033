"""The login dialog and the recovery-key dialog.

The station's name is inside the encrypted vault, so the login screen carries a
neutral title. A login unwraps the user's key slot (Argon2id) in a background
task; the service counts wrong passwords and imposes a growing wait, which the
dialog shows as a countdown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from station.errors import DeviceSecretMissing, StationError, WrongPassword
from station.services import accounts
from station.services.accounts import LoginThrottled
from station.services.context import SignedIn
from station.ui import theme
from station.ui.forms import (
    BusyIndicator,
    Countdown,
    Field,
    FormDialog,
    FormFields,
    button,
    button_row,
    label,
    line_edit,
    open_dialog,
    password_edit,
    spaced,
)
from station.ui.password_dialog import ChangePasswordDialog

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
    link = button(text, name=name)
    link.setCursor(Qt.CursorShape.PointingHandCursor)
    link.setStyleSheet(LINK_STYLE)
    return link


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
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Psychological care station · Sign in"))
        self.setMinimumWidth(440)

        layout = spaced(QVBoxLayout(self))
        layout.addWidget(label(self.tr("Psychological care station"), "title", wrap=False))
        layout.addWidget(label(self.tr("Sign in to open this station's records."), "muted"))
        layout.addSpacing(4)

        self.user = Field(self.tr("User name"), line_edit(32), "login")
        self.password = Field(self.tr("Password"), password_edit(), "password")
        self.user.add_to(layout)
        self.password.add_to(layout)
        self.fields = FormFields(self.user, self.password, fallback=self.password)

        self.notice = label("", "muted")
        self.notice.setObjectName("notice")
        self.notice.hide()
        layout.addWidget(self.notice)

        self.recovery_button = link_button(
            self.tr("Forgot your password? Use the recovery key"), "recoveryLink"
        )
        self.recovery_button.clicked.connect(self.open_recovery)
        self.login_button = button(self.tr("Sign in"), primary=True, name="loginButton")
        self.login_button.clicked.connect(self.submit)
        self.busy = BusyIndicator(
            [self.user.edit, self.password.edit, self.login_button, self.recovery_button]
        )
        layout.addWidget(self.busy)
        layout.addSpacing(4)
        layout.addLayout(button_row(self.recovery_button, self.login_button, stretch_after=1))

        self.demo_hint: QLabel | None = None
        if demo_hint:
            self.demo_hint = label(
                self.tr("A demo vault with synthetic data only.") + "\n" + demo_hint
            )
            self.demo_hint.setObjectName("demoHint")
            self.demo_hint.setStyleSheet(HINT_STYLE)
            self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.demo_hint)
        layout.addStretch(1)

        self.countdown = Countdown(self.password, self.login_button, self.busy, self)
        QWidget.setTabOrder(self.user.edit, self.password.edit)
        QWidget.setTabOrder(self.password.edit, self.login_button)
        QWidget.setTabOrder(self.login_button, self.recovery_button)
        self.user.edit.setFocus()

    # -- signing in ---------------------------------------------------------------
    def submit(self) -> None:
        if self.busy.running or self.countdown.active:
            return
        self.fields.clear()
        self.countdown.clear()
        self.notice.hide()
        login = self.user.edit.text().strip()
        password = self.password.edit.text()
        if not login:
            self.fields.show_at("login", self.tr("Enter your user name."))
            return
        if not password:
            self.fields.show_at("password", self.tr("Enter your password."))
            return
        root = self.vault_dir
        self.busy.run(
            self.tr("Checking the password…"),
            lambda: accounts.login(root, login, password),
            self._logged_in,
            lambda exc: self._login_failed(exc, login),
            orphaned=accounts.logout,  # the dialog went away meanwhile: do not leave it open
        )

    def _logged_in(self, ctx: SignedIn) -> None:
        self.password.edit.clear()
        if ctx.must_change_password:
            self._force_password_change(ctx)
        else:
            self._accept(ctx)

    def _login_failed(self, exc: StationError, login: str) -> None:
        if isinstance(exc, LoginThrottled):
            self.countdown.start(exc.seconds)
            self.password.focus()
        elif isinstance(exc, WrongPassword):
            self.countdown.show_error(exc.zh)
            self.password.edit.clear()
            self.password.focus()
            self.countdown.start(accounts.seconds_to_wait(self.vault_dir, login))
        elif isinstance(exc, DeviceSecretMissing):
            self.password.show_error(
                exc.zh
                + "\n"
                + self.tr("Choose “Forgot your password? Use the recovery key” below.")
            )
            self.recovery_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.fields.show_error(exc)

    def _force_password_change(self, ctx: SignedIn) -> None:
        self.change_dialog = open_dialog(
            ChangePasswordDialog(ctx, forced=True, parent=self),
            lambda accepted: self._forced_change_finished(ctx, accepted),
        )

    def _forced_change_finished(self, ctx: SignedIn, accepted: bool) -> None:
        self.change_dialog = None
        if accepted:
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
        self.recovery_dialog = open_dialog(
            dialog, lambda accepted: self._recovery_finished(dialog, accepted)
        )

    def _recovery_finished(self, dialog: RecoveryDialog, accepted: bool) -> None:
        self.recovery_dialog = None
        if accepted and dialog.ctx is not None:
            # The user has just chosen a new password: no forced change follows.
            self._accept(dialog.ctx)


class RecoveryDialog(FormDialog):
    """Recovery key, user name and a new password; after Accepted, ``ctx`` is the session."""

    def __init__(self, vault_dir: Path, login: str = "", parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Psychological care station · Recovery key"),
            self.tr("Set password and sign in"),
            self.tr("Cancel"),
            parent,
            ok_name="resetPassword",
            min_width=480,
        )
        self.vault_dir = vault_dir
        self.ctx: SignedIn | None = None
        self.setObjectName("recoveryDialog")

        self.content.addWidget(
            label(self.tr("Set a new password with the recovery key"), "heading", wrap=False)
        )
        self.content.addWidget(
            label(
                self.tr(
                    "The recovery key is on the recovery sheet kept in the station safe: "
                    "8 groups of 5 letters or digits."
                )
            )
        )
        key_edit = line_edit(64, placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.key = Field(self.tr("Recovery key"), key_edit, "recovery_key")
        self.user = Field(self.tr("User name"), line_edit(32, login), "login")
        self.new = Field(self.tr("New password"), password_edit(), "new_password")
        self.repeat = Field(self.tr("Repeat the new password"), password_edit(), "repeat_password")
        for field in (self.key, self.user, self.new, self.repeat):
            field.add_to(self.content)
        self.fields.add(self.key, self.user, self.new, self.repeat)
        self.fields.fallback = self.key
        self.content.addWidget(
            label(
                self.tr(
                    "On a new computer or another Windows account this machine is enrolled "
                    "again; the custodian then resets the other users' passwords."
                ),
                "muted",
            )
        )
        self.tab_order([self.key.edit, self.user.edit, self.new.edit, self.repeat.edit])

    def send(self) -> None:
        key, login = self.key.edit.text(), self.user.edit.text().strip()
        new = self.new.edit.text()
        if not login:
            self.fields.show_at("login", self.tr("Enter your user name."))
            return
        differ = self.tr("The two new passwords differ.")
        if not self.fields.check_repeated("new_password", "repeat_password", differ):
            return
        root = self.vault_dir
        self.run(
            self.tr("Opening the vault with the recovery key…"),
            lambda: accounts.reset_with_recovery(root, key, login, new),
            self._done,
            orphaned=accounts.logout,
        )

    def _done(self, ctx: SignedIn) -> None:
        self.ctx = ctx
        self.accept()
