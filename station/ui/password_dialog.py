"""Changing one's own password, and the form pieces the login, lock and password screens share.

Every password operation derives an Argon2id key (a few hundred milliseconds), so
it runs through ``run_task`` with a busy indicator while the form is disabled.
Service errors are shown under the field they name; what the user typed stays.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.services import accounts
from station.services.context import SignedIn
from station.ui.tasks import run_task

MARGIN = 24
SPACING = 12


# -- form pieces shared by the login, lock and password screens ----------------
def is_alive(obj: QObject) -> bool:
    """False once the C++ object is gone (e.g. a page deleted by locking)."""
    return shiboken6.isValid(obj)


class Field:
    """A caption (the edit's buddy), the edit, and an error line under it."""

    def __init__(self, caption: str, edit: QLineEdit, name: str) -> None:
        self.name = name
        self.edit = edit
        edit.setObjectName(name)
        edit.setAccessibleName(caption)
        self.caption = QLabel(caption)
        self.caption.setBuddy(edit)
        self.error = QLabel()
        self.error.setObjectName(name + "Error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

    def add_to(self, layout: QVBoxLayout) -> None:
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self.caption)
        column.addWidget(self.edit)
        column.addWidget(self.error)
        layout.addLayout(column)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.error.setAccessibleDescription(text)

    def clear_error(self) -> None:
        self.show_error("")

    def focus(self, select: bool = True) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if select:
            self.edit.selectAll()


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(256)
    return edit


def show_station_error(exc: StationError, fields: dict[str, Field], fallback: Field) -> Field:
    """Show ``exc.zh`` under the field it names (or ``fallback``) and focus that field."""
    target = fields.get(exc.field or "", fallback)
    target.show_error(exc.zh)
    target.focus()
    return target


def set_enabled(widgets: Iterable[QWidget], enabled: bool) -> None:
    for widget in widgets:
        widget.setEnabled(enabled)


class BusyIndicator(QWidget):
    """An indeterminate bar and a short sentence, shown while a task runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busy")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self._bar = QProgressBar()
        self._bar.setRange(0, 0)
        self._bar.setTextVisible(False)
        self._bar.setFixedHeight(6)
        self._bar.setMaximumWidth(120)
        self._bar.setAccessibleName(self.tr("Working"))
        self._text = QLabel()
        self._text.setProperty("role", "muted")
        layout.addWidget(self._bar)
        layout.addWidget(self._text, 1)
        self.hide()

    def start(self, text: str) -> None:
        self._text.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()

    @property
    def running(self) -> bool:
        return not self.isHidden()


class Countdown(QObject):
    """Counts whole seconds down to zero (the wait after repeated wrong passwords).

    It ends at a deadline on the monotonic clock, never early, so the service
    accepts the next attempt when the button comes back."""

    ticked = Signal(int)  # seconds left, > 0
    done = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._deadline = 0.0
        self.remaining = 0

    def start(self, seconds: int) -> None:
        seconds = max(0, int(seconds))
        if seconds == 0:
            self.stop()
            self.done.emit()
            return
        self._deadline = time.monotonic() + seconds
        self.remaining = seconds
        self._schedule()
        self.ticked.emit(self.remaining)

    def stop(self) -> None:
        self._timer.stop()
        self.remaining = 0

    @property
    def active(self) -> bool:
        return self.remaining > 0

    def _schedule(self) -> None:
        left = self._deadline - time.monotonic()
        # wake at the next whole second before the deadline (or at the deadline)
        self._timer.start(max(1, int((left - (self.remaining - 1)) * 1000) + 1))

    def _tick(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            self.stop()
            self.done.emit()
            return
        self.remaining = max(1, math.ceil(left))
        self.ticked.emit(self.remaining)
        self._schedule()


def button_row(*buttons: QPushButton, stretch_after: int = 0) -> QHBoxLayout:
    """Buttons in a row, right-aligned after the first ``stretch_after`` of them."""
    row = QHBoxLayout()
    row.setSpacing(SPACING)
    for i, button in enumerate(buttons):
        if i == stretch_after:
            row.addStretch(1)
        row.addWidget(button)
    if stretch_after >= len(buttons):
        row.addStretch(1)
    return row


# -- the dialog ------------------------------------------------------------------
class ChangePasswordDialog(QDialog):
    """Current password, new password twice. ``forced``: the first login with a
    temporary password; the only way out without a new password is logging out
    (the caller logs out when the dialog is rejected)."""

    def __init__(self, ctx: SignedIn, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.forced = forced
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Psychological care station · Change password"))
        self.setMinimumWidth(440)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)

        heading = QLabel(
            self.tr("Choose your own password") if forced else self.tr("Change password")
        )
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        if forced:
            why = QLabel(
                self.tr(
                    "You signed in with a temporary password. Replace it with a password "
                    "only you know before you continue."
                )
            )
            why.setWordWrap(True)
            layout.addWidget(why)

        self.old = Field(
            self.tr("Temporary password") if forced else self.tr("Current password"),
            password_edit(),
            "old_password",
        )
        self.new = Field(self.tr("New password"), password_edit(), "new_password")
        self.repeat = Field(self.tr("Repeat the new password"), password_edit(), "repeat_password")
        for field in (self.old, self.new, self.repeat):
            field.add_to(layout)
        rule = QLabel(self.tr("At least 8 characters, mixing two of: letters, digits, symbols."))
        rule.setProperty("role", "muted")
        rule.setWordWrap(True)
        layout.addWidget(rule)

        self.busy = BusyIndicator()
        layout.addWidget(self.busy)
        layout.addStretch(1)

        self.cancel_button = QPushButton(self.tr("Log out") if forced else self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Change password"))
        self.ok_button.setObjectName("changePassword")
        self.ok_button.setAccessibleName(self.ok_button.text())
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        layout.addLayout(button_row(self.cancel_button, self.ok_button, stretch_after=1))

        QWidget.setTabOrder(self.old.edit, self.new.edit)
        QWidget.setTabOrder(self.new.edit, self.repeat.edit)
        QWidget.setTabOrder(self.repeat.edit, self.ok_button)
        QWidget.setTabOrder(self.ok_button, self.cancel_button)
        self.old.edit.setFocus()
        self._fields = {f.name: f for f in (self.old, self.new, self.repeat)}

    def _controls(self) -> list[QWidget]:
        return [self.old.edit, self.new.edit, self.repeat.edit, self.ok_button, self.cancel_button]

    def submit(self) -> None:
        if self.busy.running:
            return
        for field in self._fields.values():
            field.clear_error()
        old, new = self.old.edit.text(), self.new.edit.text()
        if not old:
            self.old.show_error(self.tr("Enter your current password."))
            self.old.focus()
            return
        if new != self.repeat.edit.text():
            self.repeat.show_error(self.tr("The two new passwords differ."))
            self.repeat.focus()
            return
        set_enabled(self._controls(), False)
        self.busy.start(self.tr("Changing the password…"))
        ctx = self.ctx
        run_task(lambda _h: accounts.change_password(ctx, old, new), self._done, self._failed)

    def _finish_task(self) -> bool:
        if not is_alive(self):
            return False
        self.busy.stop()
        set_enabled(self._controls(), True)
        return True

    def _done(self, _result: object) -> None:
        if self._finish_task():
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        alive = self._finish_task()
        if not isinstance(exc, StationError):
            raise exc
        if alive:
            show_station_error(exc, self._fields, self.new)

    def reject(self) -> None:
        if self.busy.running:  # the password is being changed: wait for the outcome
            return
        super().reject()
