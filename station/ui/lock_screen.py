"""What the window shows while the vault is locked: who it belongs to and a password field.

Nothing of the records is on this screen or behind it: the main window deletes
its pages before it shows the lock screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from station.errors import StationError, WrongPassword
from station.services import accounts
from station.services.accounts import LoginThrottled
from station.services.context import SignedIn
from station.ui import theme
from station.ui.forms import (
    MARGIN,
    SPACING,
    BusyIndicator,
    Countdown,
    Field,
    button,
    button_row,
    label,
    password_edit,
)

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
            station = label(station_name, "muted")
            station.setObjectName("stationName")
            layout.addWidget(station)
        layout.addWidget(label(self.tr("Locked"), "title", wrap=False))
        who = label(
            self.tr("{0} ({1}). Enter your password to continue.").format(display_name, login)
        )
        who.setObjectName("who")
        layout.addWidget(who)

        self.password = Field(self.tr("Password"), password_edit(), "password")
        self.password.add_to(layout)
        self.password.edit.returnPressed.connect(self.submit)

        self.switch_button = button(self.tr("Switch user"), name="switchUser")
        self.switch_button.clicked.connect(self._switch)
        self.unlock_button = button(self.tr("Unlock"), primary=True, name="unlockButton")
        self.unlock_button.clicked.connect(self.submit)
        self.busy = BusyIndicator([self.password.edit, self.unlock_button, self.switch_button])
        layout.addWidget(self.busy)
        layout.addSpacing(4)
        layout.addLayout(button_row(self.switch_button, self.unlock_button, stretch_after=1))

        self.countdown = Countdown(self.password, self.unlock_button, self.busy, self)
        QWidget.setTabOrder(self.password.edit, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.switch_button)
        self.setFocusProxy(self.password.edit)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.password.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if self.busy.running or self.countdown.active:
            return
        self.countdown.clear()
        password = self.password.edit.text()
        if not password:
            self.password.show_error(self.tr("Enter your password."))
            self.password.focus()
            return
        root, login = self.vault_dir, self.login
        self.busy.run(
            self.tr("Checking the password…"),
            lambda: accounts.unlock(root, login, password),
            self._done,
            self._failed,
            orphaned=accounts.logout,
        )

    def _done(self, ctx: SignedIn) -> None:
        self.password.edit.clear()
        self.unlocked.emit(ctx)

    def _failed(self, exc: StationError) -> None:
        if isinstance(exc, LoginThrottled):
            self.countdown.start(exc.seconds)
        else:
            self.countdown.show_error(exc.zh)
            if isinstance(exc, WrongPassword):
                self.password.edit.clear()
                self.countdown.start(accounts.seconds_to_wait(self.vault_dir, self.login))
        self.password.focus()

    def _switch(self) -> None:
        if not self.busy.running:
            self.switch_button.setEnabled(False)
            self.switch_user.emit()
