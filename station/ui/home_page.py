"""工作台, the landing page: a greeting, the dashboard (today's work; the counts only for the
station lead), then which station this is and what the role can do here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from station.models.enums import ROLE_LABELS, STATION_KIND_LABELS, Role
from station.services import audit, settings
from station.services.context import SignedIn
from station.ui.dashboard_page import DashboardPage
from station.ui.forms import (
    MARGIN,
    SPACING,
    BusyIndicator,
    button,
    fact_box,
    group,
    label,
    scrolled,
    set_status,
)
from station.vault.audit_chain import ChainReport


class HomePage(QWidget):
    """``open_case(case_id)`` when a dashboard row is chosen."""

    open_case = Signal(int)

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("homePage")
        profile = settings.profile(ctx)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        body.setObjectName("homeBody")
        scroll = scrolled(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet("QScrollArea, QWidget#homeBody { background: transparent; }")
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(MARGIN + 8, MARGIN, MARGIN + 8, MARGIN)
        layout.setSpacing(SPACING + 4)

        greeting = label(self.tr("Hello, {0}").format(ctx.display_name), "title", wrap=False)
        greeting.setObjectName("greeting")
        layout.addWidget(greeting)
        who = self.tr("Signed in as {0} · user name {1}").format(ROLE_LABELS[ctx.role], ctx.login)
        layout.addWidget(label(who, "muted", wrap=False))
        self.dashboard = DashboardPage(ctx)
        self.dashboard.open_case.connect(self.open_case)
        layout.addWidget(self.dashboard)
        layout.addWidget(
            fact_box(
                self.tr("This station"),
                [
                    (self.tr("Name"), profile.name),
                    (self.tr("Station code"), profile.code),
                    (self.tr("Kind"), STATION_KIND_LABELS[profile.kind]),
                    (self.tr("Region"), profile.region or self.tr("not given")),
                ],
            )
        )

        can_box, can_layout = group(self.tr("What you can do here"))
        can_layout.setSpacing(8)
        for sentence in self._role_sentences(ctx.role):
            can_layout.addWidget(label("· " + sentence))
        layout.addWidget(can_box)

        self.verify_button: QPushButton | None = None
        self.verify_result: QLabel | None = None
        if ctx.role == Role.CUSTODIAN:
            layout.addWidget(self._audit_box())

        layout.addWidget(
            label(
                self.tr(
                    "When you leave the desk, press Ctrl+L to lock: the screen then shows no "
                    "record until your password is entered again. The window also locks by "
                    "itself after a few minutes without input."
                ),
                "muted",
            )
        )
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
        box, layout = group(
            self.tr("Audit log"),
            self.tr(
                "Every sign-in, lock and change is chained in the audit log. The check "
                "finds any entry that was changed, deleted or reordered."
            ),
        )
        self.verify_button = button(
            self.tr("Verify the audit log"), primary=True, name="verifyAudit"
        )
        self.verify_button.clicked.connect(self.verify_audit)
        layout.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.busy = BusyIndicator([self.verify_button])
        layout.addWidget(self.busy)
        self.verify_result = label("")
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.hide()
        layout.addWidget(self.verify_result)
        return box

    def verify_audit(self) -> None:
        ctx = self._ctx
        self.busy.run(
            self.tr("Checking the audit chain…"),
            lambda: audit.verify(ctx),
            self._verified,
            lambda exc: self._show_result(exc.zh, False),
        )

    def _show_result(self, text: str, ok: bool) -> None:
        assert self.verify_result is not None
        set_status(self.verify_result, text, "" if ok else "error")

    def _verified(self, report: ChainReport) -> None:
        self._show_result(report.summary(), report.ok)
