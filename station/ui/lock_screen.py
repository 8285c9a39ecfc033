"""What the window shows while the vault is locked: who it belongs to and a password field.

Nothing of the records is on this screen or behind it: the main window deletes
its pages before it shows the lock screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from station.errors import StationError, WrongPassword
from station.services import accounts
from station.services.accounts import LoginThrottled
from station.services.context import SignedIn
from station.ui import theme
from station.ui.password_dialog import (
    MARGIN,
    SPACING,
    BusyIndicator,
    Countdown,
    Field,
    button_row,
    is_alive,
    password_edit,
    set_enabled,
)
from station.ui.tasks import run_task

CARD_STYLE = f"""
QFrame#lockCard {{ background: white; border: 1px solid {theme.BORDER}; border-radius: 8px; }}
"""


class LockScreen(QWidget):
    """Unlock with the same user's password, or switch user (log out)."""

    unlocked = Signal(object)  # the new SignedIn
    switch_user = Signal()

    def __init__(
        self,
        vault_dir: Path,
        login: str,
        display_name: str,
        station_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_dir = vault_dir
        self.login = login
        self._base_error = ""
        self.setObjectName("lockScreen")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setStyleSheet(CARD_STYLE)
        card.setMinimumWidth(420)
        card.setMaximumWidth(560)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(SPACING)
        if station_name:
            station = QLabel(station_name)
            station.setObjectName("stationName")
            station.setProperty("role", "muted")
            station.setWordWrap(True)
            layout.addWidget(station)
        title = QLabel(self.tr("Locked"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        who = QLabel(
            self.tr("{0} ({1}). Enter your password to continue.").format(display_name, login)
        )
        who.setObjectName("who")
        who.setWordWrap(True)
        layout.addWidget(who)

        self.password = Field(self.tr("Password"), password_edit(), "password")
        self.password.add_to(layout)
        self.password.edit.returnPressed.connect(self.submit)
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)

        self.switch_button = QPushButton(self.tr("Switch user"))
        self.switch_button.setObjectName("switchUser")
        self.switch_button.setAccessibleName(self.switch_button.text())
        self.switch_button.clicked.connect(self._switch)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setAccessibleName(self.unlock_button.text())
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.clicked.connect(self.submit)
        layout.addSpacing(4)
        layout.addLayout(button_row(self.switch_button, self.unlock_button, stretch_after=1))

        self.countdown = Countdown(self)
        self.countdown.ticked.connect(self._show_wait)
        self.countdown.done.connect(self._wait_over)
        QWidget.setTabOrder(self.password.edit, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.switch_button)
        self.setFocusProxy(self.password.edit)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.password.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _controls(self) -> list[QWidget]:
        return [self.password.edit, self.unlock_button, self.switch_button]

    def submit(self) -> None:
        if self.busy.running or self.countdown.active:
            return
        self._base_error = ""
        self.password.clear_error()
        password = self.password.edit.text()
        if not password:
            self.password.show_error(self.tr("Enter your password."))
            self.password.focus()
            return
        set_enabled(self._controls(), False)
        self.busy.start(self.tr("Checking the password…"))
        root, login = self.vault_dir, self.login
        run_task(lambda _h: accounts.unlock(root, login, password), self._done, self._failed)

    def _finish_task(self) -> bool:
        if not is_alive(self):
            return False
        self.busy.stop()
        set_enabled(self._controls(), True)
        self.unlock_button.setEnabled(not self.countdown.active)
        return True

    def _done(self, result: object) -> None:
        assert isinstance(result, SignedIn)
        if not self._finish_task():
            accounts.logout(result)
            return
        self.password.edit.clear()
        self.unlocked.emit(result)

    def _failed(self, exc: BaseException) -> None:
        alive = self._finish_task()
        if not isinstance(exc, StationError):
            raise exc
        if not alive:
            return
        if isinstance(exc, LoginThrottled):
            self._start_wait(exc.seconds)
        else:
            self._base_error = exc.zh
            self.password.show_error(exc.zh)
            if isinstance(exc, WrongPassword):
                self.password.edit.clear()
                self._start_wait(accounts.seconds_to_wait(self.vault_dir, self.login))
        self.password.focus()

    def _start_wait(self, seconds: int) -> None:
        if seconds > 0:
            self.unlock_button.setEnabled(False)
            self.countdown.start(seconds)

    def _show_wait(self, seconds: int) -> None:
        wait = self.tr("Too many wrong passwords. Try again in {0} s.").format(seconds)
        self.password.show_error(f"{self._base_error}\n{wait}" if self._base_error else wait)

    def _wait_over(self) -> None:
        self.password.show_error(self._base_error)
        self.unlock_button.setEnabled(not self.busy.running)

    def _switch(self) -> None:
        if not self.busy.running:
            self.switch_button.setEnabled(False)
            self.switch_user.emit()
