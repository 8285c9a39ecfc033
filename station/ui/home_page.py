"""The landing page: who is signed in, which station this is, and what the role can do here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import ROLE_LABELS, STATION_KIND_LABELS, Role
from station.services import audit, settings
from station.services.context import SignedIn
from station.ui.password_dialog import MARGIN, SPACING, BusyIndicator, is_alive
from station.ui.tasks import run_task
from station.vault.audit_chain import ChainReport


class HomePage(QWidget):
    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("homePage")
        profile = settings.profile(ctx)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet("QScrollArea, QWidget#homeBody { background: transparent; }")
        outer.addWidget(scroll)
        body = QWidget()
        body.setObjectName("homeBody")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(MARGIN + 8, MARGIN, MARGIN + 8, MARGIN)
        layout.setSpacing(SPACING + 4)

        greeting = QLabel(self.tr("Hello, {0}").format(ctx.display_name))
        greeting.setObjectName("greeting")
        greeting.setProperty("role", "title")
        layout.addWidget(greeting)
        who = QLabel(
            self.tr("Signed in as {0} · user name {1}").format(ROLE_LABELS[ctx.role], ctx.login)
        )
        who.setProperty("role", "muted")
        layout.addWidget(who)

        station_box = QGroupBox(self.tr("This station"))
        form = QFormLayout(station_box)
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(8)
        for caption, value in (
            (self.tr("Name"), profile.name),
            (self.tr("Station code"), profile.code),
            (self.tr("Kind"), STATION_KIND_LABELS[profile.kind]),
            (self.tr("Region"), profile.region or self.tr("not given")),
        ):
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, shown)
        layout.addWidget(station_box)

        can_box = QGroupBox(self.tr("What you can do here"))
        can_layout = QVBoxLayout(can_box)
        can_layout.setSpacing(8)
        for sentence in self._role_sentences(ctx.role):
            label = QLabel("· " + sentence)
            label.setWordWrap(True)
            can_layout.addWidget(label)
        layout.addWidget(can_box)

        self.verify_button: QPushButton | None = None
        self.verify_result: QLabel | None = None
        if ctx.role == Role.CUSTODIAN:
            layout.addWidget(self._audit_box())

        lock_note = QLabel(
            self.tr(
                "When you leave the desk, press Ctrl+L to lock: the screen then shows no "
                "record until your password is entered again. The window also locks by "
                "itself after a few minutes without input."
            )
        )
        lock_note.setProperty("role", "muted")
        lock_note.setWordWrap(True)
        layout.addWidget(lock_note)
        layout.addStretch(1)

    def _role_sentences(self, role: Role) -> list[str]:
        if role == Role.CUSTODIAN:
            return [
                self.tr(
                    "Manage user accounts: add counsellors and station leads, deactivate "
                    "accounts, set temporary passwords (Settings)."
                ),
                self.tr(
                    "Keep the station profile and the automatic lock time up to date (Settings)."
                ),
                self.tr("Read the audit log and check that nobody has altered it (Audit log)."),
                self.tr(
                    "Keep the recovery sheet in the station safe: when every password is "
                    "forgotten, it is the only way back into the records."
                ),
            ]
        if role == Role.LEAD:
            return [
                self.tr("Your role sees aggregate figures only, never a person's record."),
                self.tr("Change your password under “My account”."),
            ]
        return [
            self.tr(
                "Everything you do with a person's record is written to the audit log, "
                "which only the custodian reads."
            ),
            self.tr("Change your password under “My account”."),
        ]

    def _audit_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Audit log"))
        layout = QVBoxLayout(box)
        layout.setSpacing(SPACING)
        explain = QLabel(
            self.tr(
                "Every sign-in, lock and change is chained in the audit log. The check "
                "finds any entry that was changed, deleted or reordered."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.verify_button = QPushButton(self.tr("Verify the audit log"))
        self.verify_button.setObjectName("verifyAudit")
        self.verify_button.setAccessibleName(self.verify_button.text())
        self.verify_button.setProperty("primary", True)
        self.verify_button.clicked.connect(self.verify_audit)
        layout.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setWordWrap(True)
        self.verify_result.hide()
        layout.addWidget(self.verify_result)
        return box

    def verify_audit(self) -> None:
        assert self.verify_button is not None
        if self.busy.running:
            return
        self.verify_button.setEnabled(False)
        self.busy.start(self.tr("Checking the audit chain…"))
        ctx = self._ctx
        run_task(lambda _h: audit.verify(ctx), self._verified, self._verify_failed)

    def _finish(self) -> bool:
        if not is_alive(self):
            return False
        assert self.verify_button is not None
        self.busy.stop()
        self.verify_button.setEnabled(True)
        return True

    def _show_result(self, text: str, ok: bool) -> None:
        assert self.verify_result is not None
        self.verify_result.setText(text)
        self.verify_result.setProperty("role", "" if ok else "error")
        self.verify_result.style().unpolish(self.verify_result)
        self.verify_result.style().polish(self.verify_result)
        self.verify_result.show()

    def _verified(self, report: object) -> None:
        assert isinstance(report, ChainReport)
        if self._finish():
            self._show_result(report.summary(), report.ok)

    def _verify_failed(self, exc: BaseException) -> None:
        alive = self._finish()
        if not isinstance(exc, StationError):
            raise exc
        if alive:
            self._show_result(exc.zh, False)
