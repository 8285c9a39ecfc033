"""工作台: open assessment warnings, today's sessions, overdue follow-ups, pinned
high-risk cases, emergency access to my cases, referrals awaiting feedback, and this
month's counts (the station lead sees only the counts).

Open warnings (待处理预警) come first, critical ones at the top: each with 处理… (the
response dialog; the list is read again after a response) and 打开个案.

Everything comes from ``dashboard.dashboard(ctx)``, read in a background task whenever
the page is shown and when the refresh button is pressed. Each list row opens its case
(``open_case(case_id)``): by mouse, or with Tab and Enter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import Role
from station.models.vocab import RiskLevel, label
from station.services import dashboard
from station.services.context import SignedIn
from station.services.referrals import ReferralBrief
from station.services.views import (
    Dashboard,
    EmergencyGrant,
    FollowUpView,
    MonthCounts,
    PinnedCase,
    TodaySession,
    WarningItem,
)
from station.ui import theme
from station.ui.assessment_dialogs import WarningResponseDialog, WarningRow
from station.ui.forms import (
    SPACING,
    BusyIndicator,
    FieldError,
    button,
    group,
    is_alive,
    open_dialog,
)

_CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
MAX_ROWS = 12  # per section; the case list holds the rest

_STYLE = f"""
QPushButton#dashboardRow {{
    text-align: left; border: none; border-bottom: 1px solid {theme.BORDER};
    border-radius: 0; background: transparent; padding: 8px 6px; min-height: 1.4em;
}}
QPushButton#dashboardRow:hover {{ background: {theme.SURFACE}; }}
QPushButton#dashboardRow:focus {{ border: 2px solid {theme.ACCENT}; border-radius: 4px; }}
QLabel#riskBadge {{
    color: {theme.ERROR}; border: 1px solid {theme.ERROR}; border-radius: 3px;
    padding: 0px 5px;
}}
QLabel#countFigure {{ font-size: 20pt; font-weight: bold; color: {theme.ACCENT}; }}
"""


def local_time(moment: datetime) -> datetime:
    """A stored UTC time (naive) in the station's local time."""
    return moment.replace(tzinfo=UTC).astimezone()


class RowButton(QPushButton):
    """One line of a dashboard list: a main text, an optional risk badge and a quiet
    note on the right. Click, Enter or Space emits ``open_case(case_id)``."""

    open_case = Signal(int)

    def __init__(
        self,
        case_id: int,
        text: str,
        note: str = "",
        badge: str = "",
        strong_badge: bool = False,
        tooltip: str = "",
        detail: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self.setObjectName("dashboardRow")
        self.setAutoDefault(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 8, 8, 8)
        row.setSpacing(10)
        self.main_label = QLabel(text)
        self.main_label.setTextFormat(Qt.TextFormat.PlainText)
        self.main_label.setWordWrap(True)
        self.detail_label: QLabel | None = None
        if detail:
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.main_label)
            self.detail_label = QLabel(detail)
            self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
            self.detail_label.setProperty("role", "muted")
            self.detail_label.setWordWrap(True)
            column.addWidget(self.detail_label)
            row.addLayout(column, 1)
        else:
            row.addWidget(self.main_label, 1)
        self.badge: QLabel | None = None
        if badge:
            self.badge = QLabel(badge)
            self.badge.setObjectName("riskBadge")
            if strong_badge:
                font = self.badge.font()
                font.setBold(True)
                self.badge.setFont(font)
            row.addWidget(self.badge)
        self.note_label: QLabel | None = None
        if note:
            self.note_label = QLabel(note)
            self.note_label.setProperty("role", "muted")
            row.addWidget(self.note_label)
        for shown in self.findChildren(QLabel):
            shown.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(" ".join(p for p in (text, badge, note, detail) if p))
        if tooltip:
            self.setToolTip(tooltip)
        self.clicked.connect(lambda: self.open_case.emit(self.case_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_case.emit(self.case_id)
            return
        super().keyPressEvent(event)


class Section(QWidget):
    """A titled list of rows, or a calm sentence when there is nothing to show."""

    open_case = Signal(int)

    def __init__(self, title: str, empty_text: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.empty_text = empty_text
        box, layout = group(title)
        box.setObjectName(name + "Box")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(box)
        layout.setSpacing(0)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(0)
        layout.addLayout(self._rows)
        self.empty_label = QLabel(empty_text)
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.more_label = QLabel("")
        self.more_label.setProperty("role", "muted")
        self.more_label.setWordWrap(True)
        self.more_label.hide()
        layout.addWidget(self.more_label)
        layout.addStretch(1)
        self.rows: list[RowButton] = []

    def set_rows(self, rows: Sequence[RowButton], total: int | None = None) -> None:
        for old in self.rows:
            self._rows.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.rows = list(rows)
        for row in self.rows:
            row.open_case.connect(self.open_case)
            self._rows.addWidget(row)
            row.show()
        self.empty_label.setVisible(not self.rows)
        hidden = (total if total is not None else len(self.rows)) - len(self.rows)
        if hidden > 0:
            self.more_label.setText(
                self.tr("{0} more not shown here: find them in the case list.").format(hidden)
            )
        self.more_label.setVisible(hidden > 0)


class CountTile(QFrame):
    """A big figure over its caption."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 0, 4, 0)
        column.setSpacing(2)
        self.figure = QLabel("—")
        self.figure.setObjectName("countFigure")
        self.caption = QLabel(caption)
        self.caption.setProperty("role", "muted")
        column.addWidget(self.figure)
        column.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.figure.setText(str(value))
        self.setAccessibleName(f"{self.caption.text()} {value}")


class DashboardPage(QWidget):
    """The dashboard's sections; ``open_case(case_id)`` when a row is chosen."""

    open_case = Signal(int)
    refreshed = Signal()

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.data: Dashboard | None = None
        self.counts_only = not ctx.sees_person_records
        self.setObjectName("dashboardPage")
        self.setStyleSheet(_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING + 4)

        top = QHBoxLayout()
        top.setSpacing(SPACING)
        self.day_label = QLabel("")
        self.day_label.setProperty("role", "muted")
        self.refresh_button = button(self.tr("Refresh"), name="refreshDashboard")
        self.busy = BusyIndicator([self.refresh_button])
        top.addWidget(self.day_label, 1)
        top.addWidget(self.busy)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.error = FieldError()
        self.error.setObjectName("dashboardError")
        layout.addWidget(self.error)
        self.refresh_button.clicked.connect(self.refresh)

        self.today = Section(
            self.tr("Today's sessions"), self.tr("No sessions are planned for today."), "today"
        )
        self.overdue = Section(
            self.tr("Overdue follow-ups"), self.tr("No follow-up is overdue."), "overdue"
        )
        self.pinned = Section(
            self.tr("High-risk cases"),
            self.tr("No open case is at high or imminent risk."),
            "pinned",
        )
        self.grants = Section(
            self.tr("Emergency access"),
            self.tr("Nobody has used emergency access recently.")
            if ctx.role is Role.CUSTODIAN
            else self.tr("Nobody has used emergency access to your cases recently."),
            "grants",
        )
        self.referrals = Section(
            self.tr("Referrals awaiting feedback"),
            self.tr("No sent referral is waiting too long for feedback."),
            "referrals",
        )
        self.sections = (self.today, self.overdue, self.pinned, self.grants, self.referrals)
        self.warnings_box, warnings_layout = group(self.tr("Open warnings"))
        self.warnings_box.setObjectName("openWarningsBox")
        warnings_layout.setSpacing(0)
        self._warning_rows_layout = QVBoxLayout()
        self._warning_rows_layout.setSpacing(0)
        warnings_layout.addLayout(self._warning_rows_layout)
        self.no_warnings = QLabel(self.tr("No assessment warning is waiting for a response."))
        self.no_warnings.setObjectName("noOpenWarnings")
        self.no_warnings.setProperty("role", "muted")
        self.no_warnings.setWordWrap(True)
        warnings_layout.addWidget(self.no_warnings)
        self.more_warnings = QLabel("")
        self.more_warnings.setProperty("role", "muted")
        self.more_warnings.hide()
        warnings_layout.addWidget(self.more_warnings)
        self.warning_rows: list[WarningRow] = []
        self.response_dialog: WarningResponseDialog | None = None
        if not self.counts_only:
            grid = QGridLayout()
            grid.setHorizontalSpacing(SPACING + 4)
            grid.setVerticalSpacing(SPACING + 4)
            grid.addWidget(self.warnings_box, 0, 0, 1, 2)
            grid.addWidget(self.today, 1, 0)
            grid.addWidget(self.pinned, 1, 1)
            grid.addWidget(self.overdue, 2, 0)
            grid.addWidget(self.grants, 2, 1)
            grid.addWidget(self.referrals, 3, 0, 1, 2)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
            layout.addLayout(grid)
            for section in self.sections:
                section.open_case.connect(self.open_case)
        else:
            for section in self.sections:
                section.hide()
            self.warnings_box.hide()

        counts_box, counts_layout = group(self.tr("This month"))
        self.counts_box = counts_box
        counts_box.setObjectName("countsBox")
        tiles = QHBoxLayout()
        tiles.setSpacing(SPACING * 2)
        self.new_cases = CountTile(self.tr("new cases"), "newCases")
        self.sessions = CountTile(self.tr("sessions"), "sessions")
        self.closed_cases = CountTile(self.tr("cases closed"), "closedCases")
        self.follow_ups = CountTile(self.tr("follow-ups done"), "followUpsDone")
        for tile in (self.new_cases, self.sessions, self.closed_cases, self.follow_ups):
            tiles.addWidget(tile)
        tiles.addStretch(1)
        counts_layout.addLayout(tiles)
        scope = (
            self.tr("Counts for the whole station; no person's record is shown to your role.")
            if self.counts_only
            else self.tr("Counts for the cases you may see.")
        )
        self.scope_label = QLabel(scope)
        self.scope_label.setProperty("role", "muted")
        self.scope_label.setWordWrap(True)
        counts_layout.addWidget(self.scope_label)
        layout.addWidget(counts_box)
        layout.addStretch(1)

    # -- loading ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Fresh figures each time the page comes into view."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self.busy.running:
            return
        ctx = self._ctx
        self.error.clear_message()
        self.busy.run(
            self.tr("Loading…"),
            lambda: dashboard.dashboard(ctx),
            self._show,
            self._failed,
        )

    def _failed(self, exc: StationError) -> None:
        self.error.show_message(exc.zh)

    def _show(self, data: Dashboard) -> None:
        self.data = data
        self.day_label.setText(
            self.tr("Today is {0}").format(
                _CHINESE.toString(
                    QDate(data.today.year, data.today.month, data.today.day), "yyyy-MM-dd dddd"
                )
            )
        )
        self._show_counts(data.counts)
        if not self.counts_only:
            self._show_warnings(data.open_warnings)
            self.today.set_rows(
                [self._today_row(s) for s in data.today_sessions[:MAX_ROWS]],
                len(data.today_sessions),
            )
            self.overdue.set_rows(
                [self._overdue_row(f, data.today) for f in data.overdue_follow_ups[:MAX_ROWS]],
                len(data.overdue_follow_ups),
            )
            self.pinned.set_rows(
                [self._pinned_row(p) for p in data.pinned[:MAX_ROWS]], len(data.pinned)
            )
            self.grants.set_rows(
                [self._grant_row(g) for g in data.emergency_grants[:MAX_ROWS]],
                len(data.emergency_grants),
            )
            self.referrals.set_rows(
                [self._referral_row(r, data.today) for r in data.overdue_referrals[:MAX_ROWS]],
                len(data.overdue_referrals),
            )
        self.refreshed.emit()

    def _show_warnings(self, warnings: Sequence[WarningItem]) -> None:
        for old in self.warning_rows:
            self._warning_rows_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.warning_rows = [WarningRow(w, with_open=True) for w in warnings[:MAX_ROWS]]
        for row in self.warning_rows:
            row.respond.connect(self.respond)
            row.open_case.connect(self.open_case)
            self._warning_rows_layout.addWidget(row)
        self.no_warnings.setVisible(not warnings)
        hidden = len(warnings) - len(self.warning_rows)
        self.more_warnings.setText(
            self.tr("{0} more not shown here: find them in their cases.").format(hidden)
        )
        self.more_warnings.setVisible(hidden > 0)
        title = self.tr("Open warnings")
        if warnings:
            title += f"（{len(warnings)}）"
        self.warnings_box.setTitle(title)

    def respond(self, warning: WarningItem) -> WarningResponseDialog | None:
        """处理…: the response dialog; the dashboard is read again after a response."""
        if self.response_dialog is not None and is_alive(self.response_dialog):
            return None

        def finished(accepted: bool) -> None:
            self.response_dialog = None
            if accepted and is_alive(self):
                self.refresh()

        self.response_dialog = open_dialog(
            WarningResponseDialog(self._ctx, warning, self), finished
        )
        return self.response_dialog

    def _show_counts(self, counts: MonthCounts) -> None:
        self.counts_box.setTitle(
            self.tr("This month ({0}-{1:02d})").format(counts.year, counts.month)
        )
        self.new_cases.set_value(counts.new_cases)
        self.sessions.set_value(counts.sessions)
        self.closed_cases.set_value(counts.closed_cases)
        self.follow_ups.set_value(counts.follow_ups_done)

    # -- rows --------------------------------------------------------------------------------
    def _by_other(self, name: str) -> str:
        return "" if name == self._ctx.display_name else name

    def _today_row(self, item: TodaySession) -> RowButton:
        when = _clock(item.start_time) if item.start_time else self.tr("time not set")
        text = "  ".join(p for p in (when, label(item.kind), item.case_code, item.client) if p)
        return RowButton(item.case_id, text, self._by_other(item.counsellor))

    def _overdue_row(self, item: FollowUpView, today: date) -> RowButton:
        days = (today - item.due_on).days
        text = "  ".join(
            (item.case_code, label(item.method), self.tr("due {0}").format(f"{item.due_on:%m-%d}"))
        )
        note = self.tr("{0} days overdue").format(days)
        return RowButton(item.case_id, text, note)

    def _referral_row(self, item: ReferralBrief, today: date) -> RowButton:
        text = "  ".join((item.case_code, item.number, item.destination_name))
        days = item.days_waiting(today)
        note = self.tr("sent {0} days ago").format(days) if days is not None else ""
        return RowButton(item.case_id, text, note, badge=label(item.status))

    def _pinned_row(self, item: PinnedCase) -> RowButton:
        text = "  ".join(p for p in (item.code, item.client) if p)
        since = self.tr("since {0}").format(f"{local_time(item.since):%m-%d}") if item.since else ""
        note = "  ".join(p for p in (since, self._by_other(item.counsellor)) if p)
        return RowButton(
            item.case_id,
            text,
            note,
            badge=label(item.risk_level),
            strong_badge=item.risk_level is RiskLevel.IMMINENT,
        )

    def _grant_row(self, item: EmergencyGrant) -> RowButton:
        granted = local_time(item.granted_at)
        text = "  ".join(
            (
                item.case_code,
                self.tr("{0} opened it in an emergency").format(item.user.display_name),
            )
        )
        note = (
            self.tr("until {0}").format(f"{local_time(item.expires_at):%H:%M}")
            if item.active
            else self.tr("expired")
        )
        reason = self.tr("Reason: {0}").format(item.reason)
        short = reason if len(reason) <= 60 else reason[:59] + "…"
        detail = f"{granted:%m-%d %H:%M}  {short}"
        return RowButton(item.case_id, text, note, tooltip=reason, detail=detail)


def _clock(moment: time) -> str:
    return f"{moment:%H:%M}"
