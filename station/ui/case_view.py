"""The case view: header, timeline, and the forms of a case.

- Header: case code (with a copy button that clears the clipboard again), the client
  as the service shows them (the name only when returned, else the alias), gender,
  age band, rank level, status, current risk, counsellors, consent, concerns and
  source. Identity fields sit in a small 身份信息 box fetched on each reveal
  (``clients.client_view``, audited) and forgotten when hidden.
- Actions, each as a button and the frequent ones with a shortcut: 新增服务记录
  (Ctrl+Shift+N, with a choice of kind), 风险等级… (Ctrl+Shift+R), 危机事件…
  (Ctrl+Shift+E), 计划回访… (Ctrl+Shift+F), 结案… / 重新开案…, 共享…, 知情同意…,
  编辑个案…; the custodian reads, and may reassign or delete. What the role may not
  do is hidden; the services enforce it anyway.
- Timeline of sessions, risk changes, crisis events, follow-ups and assessments, newest
  first; opening an item shows its form or details in the side panel.
- Assessments (测评): 录入测评… (Ctrl+Shift+A, a paper form typed in) and 本人自填… (the
  client's full-screen form) in the action row; a 测评 tab beside the timeline with the
  case's warnings (处理… for open ones) and the client's score trends. A critical
  warning from a saved form brings up the crisis steps at once.

The window title never changes here (it never names a client). Everything shown lives
in this widget's children, so it goes when the widget is deleted (e.g. at lock).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import Role
from station.models.vocab import (
    CaseSource,
    CaseStatus,
    ServiceKind,
    label,
)
from station.scales.definition import WarningLevel
from station.services import assessments, cases, clients
from station.services import views as sv
from station.services.assessment_views import Recorded, ScaleTrend
from station.services.context import SignedIn
from station.services.views import (
    AGE_BAND_LABELS,
    AssessmentBrief,
    ClientView,
    CrisisView,
    FollowUpView,
    RiskChangeView,
    SessionBrief,
    TimelineItem,
    TimelineKind,
    WarningItem,
)
from station.ui import clipboard, messages, theme
from station.ui.assessment_dialogs import (
    AssessmentDetailDialog,
    AssessmentDialog,
    CaseAssessmentsPane,
    CrisisPromptDialog,
    SelfAdministerDialog,
    WarningResponseDialog,
    open_count_text,
)
from station.ui.case_forms import (
    CaseEditDialog,
    CloseCaseDialog,
    ConsentDialog,
    CrisisDialog,
    FollowUpCompleteDialog,
    FollowUpPlanDialog,
    ReassignDialog,
    ReopenCaseDialog,
    RiskDialog,
    SharingDialog,
    discard_question,
    vocab_labels,
)
from station.ui.forms import (
    MARGIN,
    SPACING,
    BusyIndicator,
    DialogT,
    button,
    fact_card,
    is_alive,
    open_dialog,
    set_status,
    status_label,
)
from station.ui.forms import (
    label as text_label,
)
from station.ui.referral_dialogs import (
    ReferralPanel,
    preview_case_summary,
    preview_consent_form,
)
from station.ui.session_form import SessionForm
from station.ui.timeline_model import (
    COL_BY,
    COL_DATE,
    COL_KIND,
    COL_SUMMARY,
    ITEM_ROLE,
    TimelineModel,
    follow_up_state,
)
from station.ui.trend_chart import number

NOT_SHOWN = "（无权查看）"


@dataclass(frozen=True)
class _Loaded:
    case: sv.CaseView
    timeline: list[TimelineItem]
    warnings: list[WarningItem]


def _badge(name: str) -> QLabel:
    badge = QLabel()
    badge.setObjectName(name)
    badge.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return badge


def _style_badge(badge: QLabel, strong: bool) -> None:
    """A small text badge: quiet, or outlined in the error colour for high risk."""
    colour = theme.ERROR if strong else theme.TEXT
    border = theme.ERROR if strong else "#e6e9ea"
    back = "white" if strong else "#e6e9ea"
    badge.setStyleSheet(
        f"QLabel#{badge.objectName()} {{ color: {colour}; border: 1px solid {border}; "
        f"border-radius: 9px; padding: 1px 10px; background: {back}; }}"
    )


class CaseView(QWidget):
    """One case, for ``ctx``. ``closed()`` when the user goes back (返回 or Esc)."""

    closed = Signal()

    def __init__(self, ctx: SignedIn, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case_id = case_id
        self.case: sv.CaseView | None = None
        self.form: SessionForm | None = None
        self.detail: QWidget | None = None
        self.dialog: QDialog | None = None  # the dialog last opened, while it is open
        self.crisis_prompt: CrisisPromptDialog | None = None
        self.setObjectName("caseView")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN - 8)
        outer.setSpacing(SPACING)
        outer.addLayout(self._top_row())
        self.banner = text_label("", "error")
        self.banner.setObjectName("caseBanner")
        self.banner.hide()
        outer.addWidget(self.banner)
        self.busy = BusyIndicator()
        outer.addWidget(self.busy)
        self.header_box = self._header()
        outer.addWidget(self.header_box)
        outer.addLayout(self._action_row())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("caseSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._timeline_pane())
        self.detail_host = QWidget()
        self.detail_host.setObjectName("detailHost")
        self._detail_key: tuple[TimelineKind, int] | None = None
        self._detail_layout = QVBoxLayout(self.detail_host)
        self._detail_layout.setContentsMargins(SPACING, 0, 0, 0)
        self.splitter.addWidget(self.detail_host)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 480])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Timeline"))
        self.assessments_pane = CaseAssessmentsPane()
        self.assessments_pane.respond.connect(self.respond_to_warning)
        self.tabs.addTab(self.assessments_pane, open_count_text(0))
        self.referral_panel = ReferralPanel(ctx, case_id)
        self.referral_panel.changed.connect(self.reload)
        self.tabs.addTab(self.referral_panel, self.tr("Referrals"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._trends_loaded = False
        self._after_load: list[Callable[[], object]] = []
        self.warnings: list[WarningItem] = []
        outer.addWidget(self.tabs, 1)
        self._show_placeholder()
        self._make_shortcuts()
        self._set_actions()
        self.reload()

    # -- public -----------------------------------------------------------------------------
    @property
    def case_id(self) -> int:
        return self._case_id

    def has_unsaved_changes(self) -> bool:
        form = self.form
        return form is not None and is_alive(form) and form.has_unsaved_changes()

    def confirm_leave(self) -> bool:
        """True when it is all right to leave: nothing unsaved, or the user said so."""
        if not self.has_unsaved_changes():
            return True
        return discard_question(self)

    def go_back(self) -> None:
        if self.busy.running or (self.form is not None and self.form.busy.running):
            return
        if self.confirm_leave():
            if self.form is not None:
                self.form.guard.mark_clean()
                if self.form.sandplay_panel is not None:
                    self.form.sandplay_panel.mark_clean()
            self.closed.emit()

    # -- building: top row and header ----------------------------------------------------------
    def _top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        self.back_button = button(self.tr("← Back"), name="backButton")
        self.back_button.setAccessibleName(self.tr("Back to the list"))
        self.back_button.setToolTip(self.tr("Back (Esc)"))
        self.back_button.clicked.connect(self.go_back)
        self.code_label = text_label("", "title", wrap=False, selectable=True)
        self.code_label.setObjectName("caseCode")
        self.copy_button = button(self.tr("Copy code"), name="copyCode")
        self.copy_button.setToolTip(
            self.tr("The code is removed from the clipboard again after 30 seconds.")
        )
        self.copy_button.clicked.connect(self.copy_code)
        self.risk_badge = _badge("riskBadge")
        self.status_badge = _badge("statusBadge")
        self.copied_label = status_label()
        self.delete_button = button(self.tr("Delete case…"), name="deleteCase")
        self.delete_button.clicked.connect(self.delete_case)
        self.delete_button.hide()
        self.restore_button = button(self.tr("Restore case"), name="restoreCase")
        self.restore_button.clicked.connect(self.restore_case)
        self.restore_button.hide()
        self.purge_button = button(self.tr("Purge for good…"), name="purgeCase")
        self.purge_button.clicked.connect(self.purge_case)
        self.purge_button.hide()
        for widget in (
            self.back_button,
            self.code_label,
            self.copy_button,
            self.status_badge,
            self.risk_badge,
            self.copied_label,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.restore_button)
        row.addWidget(self.purge_button)
        return row

    def _header(self) -> QFrame:
        """The facts in two columns, then a row of quiet buttons for the case's records."""
        box = QFrame()
        box.setObjectName("caseHeader")
        box.setStyleSheet(
            f"QFrame#caseHeader {{ background: white; border: 1px solid {theme.BORDER}; "
            "border-radius: 6px; }"
            f"QFrame#caseHeader QPushButton {{ border: none; background: transparent; "
            f"color: {theme.ACCENT}; padding: 2px 6px; min-height: 1.2em; }}"
            f"QFrame#caseHeader QPushButton:focus {{ border: 1px solid {theme.ACCENT}; }}"
            f"QFrame#caseHeader QPushButton:checked {{ font-weight: bold; }}"
        )
        layout = QVBoxLayout(box)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setColumnMinimumWidth(2, 24)
        self._grid = grid
        self.client_value = self._fact(0, 0, self.tr("Client"))
        self.status_value = self._fact(1, 0, self.tr("Status"))
        self.concerns_value = self._fact(2, 0, self.tr("Concerns"))
        self.counsellor_value = self._fact(0, 2, self.tr("Counsellors"))
        self.consent_value = self._fact(1, 2, self.tr("Consent"))
        self.source_value = self._fact(2, 2, self.tr("Source"))
        layout.addLayout(grid)

        self.identity_box = QFrame()
        self.identity_box.setObjectName("identityBox")
        self.identity_box.setAccessibleName(self.tr("Identity"))
        self.identity_box.setStyleSheet(
            f"QFrame#identityBox {{ background: {theme.SURFACE}; border-radius: 6px; }}"
        )
        self._identity_layout = QGridLayout(self.identity_box)
        self._identity_layout.setContentsMargins(12, 8, 12, 8)
        self._identity_layout.setHorizontalSpacing(12)
        self._identity_layout.setVerticalSpacing(6)
        self._identity_layout.setColumnStretch(1, 3)
        self._identity_layout.setColumnStretch(3, 2)
        self._identity_layout.setColumnMinimumWidth(2, 24)
        self.identity_box.hide()
        layout.addWidget(self.identity_box)

        self.identity_button = button(self.tr("Identity…"), name="identityButton")
        self.identity_button.setCheckable(True)
        self.identity_button.setAccessibleName(self.tr("Show identity"))
        self.identity_button.setToolTip(
            self.tr("Shows name, unit and phone; each showing is written to the audit log.")
        )
        self.identity_button.toggled.connect(self.toggle_identity)
        self.edit_button = button(self.tr("Edit case…"), name="editCase")
        self.edit_button.clicked.connect(self.edit_case)
        self.consent_button = button(self.tr("Consent…"), name="consentButton")
        self.consent_button.clicked.connect(self.consent)
        self.share_button = button(self.tr("Sharing…"), name="shareCase")
        self.share_button.clicked.connect(self.share)
        self.reassign_button = button(self.tr("Reassign…"), name="reassignCase")
        self.reassign_button.clicked.connect(self.reassign)
        self.consent_form_button = button(self.tr("Consent form…"), name="consentFormButton")
        self.consent_form_button.setToolTip(
            self.tr("Print the informed consent form with this case's code.")
        )
        self.consent_form_button.clicked.connect(self.print_consent_form)
        self.summary_button = button(self.tr("Case summary…"), name="caseSummary")
        self.summary_button.clicked.connect(self.print_case_summary)
        self.close_button = button(self.tr("Close case…"), name="closeCase")
        self.close_button.clicked.connect(self.close_or_reopen)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.identity_button,
            self.edit_button,
            self.consent_button,
            self.consent_form_button,
            self.summary_button,
            self.share_button,
            self.reassign_button,
        ):
            widget.setCursor(Qt.CursorShape.PointingHandCursor)
            row.addWidget(widget)
        row.addStretch(1)
        self.close_button.setCursor(Qt.CursorShape.PointingHandCursor)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        return box

    def _fact(self, row: int, column: int, caption: str) -> QLabel:
        name = text_label(caption, "muted", wrap=False)
        value = text_label("", selectable=True)
        value.setAccessibleName(caption)
        self._grid.addWidget(name, row, column, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(value, row, column + 1, Qt.AlignmentFlag.AlignTop)
        return value

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        self.new_session_button = button(
            self.tr("New session (Ctrl+Shift+N)"), primary=True, name="newSession"
        )
        self.new_session_button.setAccessibleName(self.tr("New session"))
        self.new_session_button.setDefault(False)
        self.kind_menu = QMenu(self)
        self.kind_menu.setObjectName("kindMenu")
        for kind, text in vocab_labels(ServiceKind).items():
            action = self.kind_menu.addAction(text)
            action.setData(kind.value)
            action.triggered.connect(lambda _=False, k=kind: self.new_session(k))
        self.new_session_button.setMenu(self.kind_menu)
        self.risk_button = button(self.tr("Risk level…"), name="riskButton")
        self.risk_button.setToolTip("Ctrl+Shift+R")
        self.risk_button.clicked.connect(self.change_risk)
        self.crisis_button = button(self.tr("Crisis event…"), name="crisisButton")
        self.crisis_button.setToolTip("Ctrl+Shift+E")
        self.crisis_button.clicked.connect(lambda: self.crisis())
        self.follow_up_button = button(self.tr("Plan follow-up…"), name="followUpButton")
        self.follow_up_button.setToolTip("Ctrl+Shift+F")
        self.follow_up_button.clicked.connect(lambda: self.plan_follow_up())
        self.assessment_button = button(self.tr("Enter assessment…"), name="assessmentButton")
        self.assessment_button.setToolTip(self.tr("Type in a paper form (Ctrl+Shift+A)"))
        self.assessment_button.clicked.connect(lambda: self.enter_assessment())
        self.kiosk_button = button(self.tr("Client fills in…"), name="kioskButton")
        self.kiosk_button.setToolTip(
            self.tr("The client answers a scale on this computer, full-screen")
        )
        self.kiosk_button.clicked.connect(lambda: self.self_administer())
        for widget in (
            self.new_session_button,
            self.risk_button,
            self.crisis_button,
            self.follow_up_button,
            self.assessment_button,
            self.kiosk_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _timeline_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(text_label(self.tr("Timeline"), "heading", wrap=False))
        self.model = TimelineModel(self)
        self.timeline_view = QTableView()
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setAccessibleName(self.tr("Timeline"))
        self.timeline_view.setModel(self.model)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.setShowGrid(False)
        self.timeline_view.setWordWrap(False)
        self.timeline_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.timeline_view.verticalHeader().hide()
        self.timeline_view.setTabKeyNavigation(False)
        self.timeline_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.timeline_view.horizontalHeader()
        for column in (COL_DATE, COL_KIND, COL_BY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.timeline_view.setColumnHidden(COL_BY, True)  # in the tooltip and the details
        self.timeline_view.activated.connect(self._item_activated)
        self.timeline_view.clicked.connect(self._item_chosen)
        layout.addWidget(self.timeline_view, 1)
        self.empty_label = text_label(
            self.tr("No records yet. Press Ctrl+Shift+N to add the first session."), "muted"
        )
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        layout.addStretch(0)
        return pane

    def _make_shortcuts(self) -> None:
        def shortcut(keys: str, slot: Callable[[], object]) -> QShortcut:
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)
            return made

        self.new_session_shortcut = shortcut("Ctrl+Shift+N", lambda: self.new_session())
        self.risk_shortcut = shortcut("Ctrl+Shift+R", self.change_risk)
        self.crisis_shortcut = shortcut("Ctrl+Shift+E", lambda: self.crisis())
        self.follow_up_shortcut = shortcut("Ctrl+Shift+F", lambda: self.plan_follow_up())
        self.assessment_shortcut = shortcut("Ctrl+Shift+A", lambda: self.enter_assessment())

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the case and its timeline again (after every change)."""
        ctx, case_id = self._ctx, self._case_id

        def work() -> _Loaded:
            return _Loaded(
                cases.case_view(ctx, case_id),
                cases.timeline(ctx, case_id),
                assessments.case_warnings(ctx, case_id),
            )

        self.busy.run(self.tr("Opening the case…"), work, self._show, self._failed)

    def _failed(self, exc: StationError) -> None:
        set_status(self.banner, exc.zh, "error")
        if self.case is None:
            self.header_box.hide()
            self._set_actions()

    def _show(self, loaded: _Loaded) -> None:
        first = self.case is None
        case = self.case = loaded.case
        self.header_box.show()
        self.code_label.setText(self.tr("Case {0}").format(case.code))
        self.code_label.setAccessibleName(self.tr("Case code {0}").format(case.code))
        self.status_badge.setText(label(case.status))
        _style_badge(self.status_badge, False)
        self.risk_badge.setText(self.tr("Risk: {0}").format(label(case.risk_level)))
        self.risk_badge.setAccessibleName(self.risk_badge.text())
        _style_badge(self.risk_badge, case.risk_level.pinned)
        self.client_value.setText(self._client_text(case))
        self.status_value.setText(self._status_text(case))
        self.counsellor_value.setText(self._counsellor_text(case))
        self.consent_value.setText(self._consent_text(case))
        self.concerns_value.setText("、".join(label(c) for c in case.concerns) or "—")
        self.source_value.setText(self._source_text(case))
        self._show_banner(case)
        self._set_actions()
        self._show_timeline(loaded.timeline)
        self._show_warnings(loaded.warnings)
        self._refresh_detail()
        if first:
            self._first_focus()
        waiting, self._after_load = self._after_load, []
        for action in waiting:
            action()

    def _refresh_detail(self) -> None:
        """A record shown in the side panel is shown again as it now stands."""
        if self.form is not None or self._detail_key is None:
            return
        for item in self.model.items():
            if (item.kind, item.item_id) == self._detail_key:
                self._set_detail(self._detail_of(item))
                self._detail_key = (item.kind, item.item_id)
                return

    def _first_focus(self) -> None:
        """The timeline when it has items, else the way to add the first session."""
        if self.model.rowCount():
            self.timeline_view.setFocus()
            self.timeline_view.setCurrentIndex(self.model.index(0, COL_DATE))
        elif self.new_session_button.isVisible() and self.new_session_button.isEnabled():
            self.new_session_button.setFocus()
        else:
            self.back_button.setFocus()

    def _show_banner(self, case: sv.CaseView) -> None:
        if case.deleted:
            set_status(self.banner, self.tr("This case was deleted."), "error")
        elif case.emergency_until is not None:
            until = case.emergency_until.replace(tzinfo=UTC).astimezone()
            set_status(
                self.banner,
                self.tr(
                    "You are reading this case through emergency access, until {0}. "
                    "Everything you do is written to the audit log."
                ).format(f"{until:%Y-%m-%d %H:%M}"),
                "error",
            )
        else:
            set_status(self.banner, "", "muted")

    def _show_timeline(self, items: list[TimelineItem]) -> None:
        self.model.set_items(items)
        self.empty_label.setVisible(not items)
        self.timeline_view.setVisible(bool(items))
        form = self.form
        if form is not None and form.session_id is not None:
            row = self.model.row_of(TimelineKind.SESSION, form.session_id)
            if row >= 0:
                self.timeline_view.selectRow(row)

    # -- header texts -----------------------------------------------------------------------
    def _client_text(self, case: sv.CaseView) -> str:
        parts: list[str] = []
        if case.client_name:
            parts.append(case.client_name)
            if case.client_alias:
                parts.append(self.tr("alias {0}").format(case.client_alias))
        elif case.client_alias:
            parts.append(case.client_alias)
        else:
            parts.append(self.tr("(no alias)"))
        if case.client_anonymous:
            parts.append(self.tr("anonymous"))
        if case.gender is not None:
            parts.append(label(case.gender))
        if case.age_band is not None:
            parts.append(AGE_BAND_LABELS[case.age_band])
        if case.rank_level is not None:
            parts.append(label(case.rank_level))
        return " · ".join(parts)

    def _status_text(self, case: sv.CaseView) -> str:
        text = self.tr("{0} · opened {1}").format(label(case.status), f"{case.opened_on:%Y-%m-%d}")
        if case.closed_on is not None:
            text += self.tr(" · closed {0}").format(f"{case.closed_on:%Y-%m-%d}")
        if case.status is CaseStatus.CLOSED and case.closing_summary:
            last = case.closing_summary.strip().splitlines()[-1]
            text += "\n" + self.tr("Closing summary: {0}").format(last)
        return text

    def _counsellor_text(self, case: sv.CaseView) -> str:
        text = case.counsellor.display_name or "—"
        if case.shared_with:
            names = "、".join(ref.display_name for ref in case.shared_with)
            text += self.tr(" · shared with {0}").format(names)
        return text

    def _consent_text(self, case: sv.CaseView) -> str:
        consent = case.consent
        if not consent.recorded:
            return self.tr("Not recorded")
        limits = (
            self.tr("limits of confidentiality explained")
            if consent.limits_explained
            else self.tr("limits of confidentiality not explained")
        )
        signed = f"{consent.signed_on:%Y-%m-%d}" if consent.signed_on else "—"
        return self.tr("Form {0} · signed {1} · {2}").format(consent.form_version, signed, limits)

    def _source_text(self, case: sv.CaseView) -> str:
        source = label(case.source)
        if case.source is CaseSource.TALK and case.talk_trigger is not None:
            source += f"（{label(case.talk_trigger)}）"
        return source

    # -- actions by role and state ----------------------------------------------------------------
    def _set_actions(self) -> None:
        case = self.case
        works = case is not None and case.can_work
        is_open = case is not None and case.status is CaseStatus.OPEN
        custodian = self._ctx.role is Role.CUSTODIAN
        for widget in (
            self.new_session_button,
            self.risk_button,
            self.crisis_button,
            self.assessment_button,
            self.kiosk_button,
        ):
            widget.setVisible(works)
        self.follow_up_button.setVisible(works)
        self.new_session_button.setEnabled(works and is_open)
        self.new_session_button.setToolTip(
            "Ctrl+Shift+N" if is_open else self.tr("The case is closed: reopen it first.")
        )
        self.consent_button.setVisible(works)
        self.consent_form_button.setVisible(works or (custodian and case is not None))
        self.summary_button.setVisible(custodian and case is not None)
        self.referral_panel.set_case_state(works, is_open)
        self.edit_button.setVisible(works)
        can_close = case is not None and case.can_close
        self.close_button.setVisible(can_close)
        self.close_button.setText(self.tr("Close case…") if is_open else self.tr("Reopen case…"))
        self.close_button.setAccessibleName(
            self.tr("Close case") if is_open else self.tr("Reopen case")
        )
        self.share_button.setVisible(case is not None and case.can_share)
        live = case is not None and not case.deleted
        self.reassign_button.setVisible(custodian and live)
        self.delete_button.setVisible(custodian and live)
        self.restore_button.setVisible(custodian and case is not None and case.deleted)
        self.purge_button.setVisible(custodian and case is not None and case.deleted)
        self.copy_button.setEnabled(case is not None)
        self.identity_button.setEnabled(case is not None)
        for shortcut, allowed in (
            (self.new_session_shortcut, works and is_open),
            (self.risk_shortcut, works),
            (self.crisis_shortcut, works),
            (self.follow_up_shortcut, works),
            (self.assessment_shortcut, works),
        ):
            shortcut.setEnabled(allowed)

    # -- header actions ---------------------------------------------------------------------------
    def print_consent_form(self) -> None:
        preview_consent_form(self._ctx, self, self._case_id, busy=self.busy)

    def print_case_summary(self) -> None:
        preview_case_summary(self._ctx, self._case_id, self)

    def copy_code(self) -> None:
        if self.case is None:
            return
        clipboard.copy_identifier(self.case.code)
        set_status(
            self.copied_label,
            self.tr("Copied; cleared from the clipboard in 30 seconds."),
            "muted",
        )

    def toggle_identity(self, shown: bool) -> None:
        self._clear_identity()
        if not shown or self.case is None:
            self.identity_box.hide()
            self.identity_button.setAccessibleName(self.tr("Show identity"))
            return
        ctx, client_id = self._ctx, self.case.client_id
        self.identity_button.setAccessibleName(self.tr("Hide identity"))
        self.busy.run(
            self.tr("Opening the identity…"),
            lambda: clients.client_view(ctx, client_id),
            self._show_identity,
            self._identity_failed,
        )

    def _identity_failed(self, exc: StationError) -> None:
        self.identity_button.setChecked(False)
        set_status(self.banner, exc.zh, "error")

    def _clear_identity(self) -> None:
        while self._identity_layout.count():
            item = self._identity_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _show_identity(self, view: ClientView) -> None:
        if not self.identity_button.isChecked():
            return
        self._clear_identity()

        def shown(value: str | None) -> str:
            if value is None:
                return NOT_SHOWN
            return value or "—"

        rows: list[tuple[str, str]] = []
        if view.anonymous:
            rows.append((self.tr("Name"), self.tr("Anonymous client: no identity recorded.")))
        else:
            rows += [
                (self.tr("Name"), shown(view.name)),
                (self.tr("Unit"), shown(view.unit)),
                (self.tr("Phone"), shown(view.phone)),
                (self.tr("Emergency contact"), shown(view.emergency_contact)),
            ]
        rows += [
            (
                self.tr("Rank"),
                "、".join(label(x) for x in (view.rank_level, view.rank_detail) if x is not None)
                or "—",
            ),
            (self.tr("Post type"), label(view.post_type) if view.post_type else "—"),
            (self.tr("Unit type"), label(view.unit_type) if view.unit_type else "—"),
        ]
        for i, (caption, value) in enumerate(rows):
            column = 0 if i < (len(rows) + 1) // 2 else 2
            row = i if column == 0 else i - (len(rows) + 1) // 2
            name = text_label(caption, "muted", wrap=False)
            shown_value = text_label(value, selectable=True)
            shown_value.setAccessibleName(caption)
            self._identity_layout.addWidget(name, row, column, Qt.AlignmentFlag.AlignTop)
            self._identity_layout.addWidget(shown_value, row, column + 1, Qt.AlignmentFlag.AlignTop)
        self.identity_box.show()

    # -- dialogs ------------------------------------------------------------------------------
    def _open(self, dialog: DialogT, after: Callable[[], None] | None = None) -> DialogT:
        def finished(accepted: bool) -> None:
            self.dialog = None
            if not is_alive(self):
                return
            if accepted:
                self.reload()
                if after is not None:
                    after()

        self.dialog = open_dialog(dialog, finished)
        return dialog

    def _working_case(self) -> sv.CaseView | None:
        case = self.case
        if case is None or not case.can_work or self.dialog is not None:
            return None
        return case

    def change_risk(self) -> RiskDialog | None:
        case = self._working_case()
        return None if case is None else self._open(RiskDialog(self._ctx, case, self))

    def crisis(self, existing: CrisisView | None = None) -> CrisisDialog | None:
        case = self._working_case()
        if case is None:
            return None
        return self._open(CrisisDialog(self._ctx, case, existing, self))

    def plan_follow_up(self, existing: FollowUpView | None = None) -> FollowUpPlanDialog | None:
        case = self._working_case()
        if case is None:
            return None
        return self._open(FollowUpPlanDialog(self._ctx, case, existing, self))

    def complete_follow_up(self, view: FollowUpView) -> FollowUpCompleteDialog | None:
        case = self._working_case()
        if case is None:
            return None
        return self._open(FollowUpCompleteDialog(self._ctx, case, view, self))

    def consent(self) -> ConsentDialog | None:
        case = self._working_case()
        return None if case is None else self._open(ConsentDialog(self._ctx, case, self))

    def edit_case(self) -> CaseEditDialog | None:
        case = self._working_case()
        return None if case is None else self._open(CaseEditDialog(self._ctx, case, self))

    def close_or_reopen(self) -> QDialog | None:
        case = self.case
        if case is None or not case.can_close or self.dialog is not None:
            return None
        if case.status is CaseStatus.OPEN:
            if not self.confirm_leave():
                return None
            self._show_placeholder()
            return self._open(CloseCaseDialog(self._ctx, case, self))
        return self._open(ReopenCaseDialog(self._ctx, case, self))

    def share(self) -> SharingDialog | None:
        case = self.case
        if case is None or not case.can_share or self.dialog is not None:
            return None
        return self._open(SharingDialog(self._ctx, case, self))

    def reassign(self) -> ReassignDialog | None:
        case = self.case
        if case is None or self._ctx.role is not Role.CUSTODIAN or self.dialog is not None:
            return None
        return self._open(ReassignDialog(self._ctx, case, self))

    # -- assessments ------------------------------------------------------------------------------
    def when_loaded(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the case is shown (at once when it already is)."""
        if self.case is not None:
            action()
        else:
            self._after_load.append(action)

    def enter_assessment(self) -> AssessmentDialog | None:
        """录入测评 (Ctrl+Shift+A): type in a paper form."""
        case = self._working_case()
        if case is None:
            return None
        dialog = AssessmentDialog(self._ctx, case, self)
        dialog.saved.connect(self._assessment_saved)
        return self._open(dialog)

    def _assessment_saved(self, recorded: Recorded) -> None:
        if not is_alive(self):
            return
        self.reload()
        if recorded.crisis:
            self.show_crisis_prompt(
                [w for w in recorded.warnings if w.level is WarningLevel.CRITICAL]
            )

    def show_crisis_prompt(self, warnings: list[WarningItem]) -> CrisisPromptDialog:
        """The crisis steps, at once, over whatever is open."""
        case = self.case
        prompt = CrisisPromptDialog(warnings, self, actions=case is not None and case.can_work)
        prompt.record_crisis.connect(lambda _case_id: self.crisis_action("crisis", prompt))
        prompt.raise_risk.connect(lambda _case_id: self.crisis_action("risk", prompt))
        self.crisis_prompt = open_dialog(prompt, self._prompt_closed)
        return prompt

    def _prompt_closed(self, _accepted: bool) -> None:
        self.crisis_prompt = None

    def crisis_action(self, kind: str, parent: QWidget | None = None) -> QDialog | None:
        """From the crisis prompt: 记录危机事件 (``kind`` "crisis") or 调整风险等级 ("risk"),
        opened over ``parent`` (the prompt stays open behind, with its steps)."""
        case = self.case
        if case is None or not case.can_work:
            return None
        host = parent if parent is not None and is_alive(parent) else self
        dialog: QDialog = (
            CrisisDialog(self._ctx, case, None, host)
            if kind == "crisis"
            else RiskDialog(self._ctx, case, host)
        )

        def finished(accepted: bool) -> None:
            if accepted and is_alive(self):
                self.reload()

        return open_dialog(dialog, finished)

    def self_administer(self) -> SelfAdministerDialog | None:
        """本人自填: the client answers on this computer (the records are hidden and locked)."""
        case = self._working_case()
        if case is None:
            return None
        if self.has_unsaved_changes():
            messages.inform(
                self,
                self.tr("Save first"),
                self.tr(
                    "Save or close the record you are editing first: the program locks "
                    "while the client fills in the form."
                ),
            )
            return None
        return self._open(SelfAdministerDialog(self._ctx, case, self))

    def respond_to_warning(self, warning: WarningItem) -> WarningResponseDialog | None:
        if self.case is None or self.dialog is not None:
            return None
        return self._open(WarningResponseDialog(self._ctx, warning, self))

    def open_assessment(self, assessment_id: int) -> AssessmentDetailDialog | None:
        """The answers, subscales and warnings of one administration."""
        case = self.case
        if case is None or self.dialog is not None:
            return None
        return self._open(
            AssessmentDetailDialog(self._ctx, assessment_id, self, can_withdraw=case.can_work)
        )

    def _show_warnings(self, warnings: list[WarningItem]) -> None:
        self.warnings = list(warnings)
        case = self.case
        may = case is not None and (case.can_work or self._ctx.role is Role.CUSTODIAN)
        self.assessments_pane.set_warnings(self.warnings, may)
        self.tabs.setTabText(
            self.tabs.indexOf(self.assessments_pane),
            open_count_text(sum(1 for w in self.warnings if w.open)),
        )
        self._trends_loaded = False
        if self.tabs.currentWidget() is self.assessments_pane:
            self.load_trends()

    def show_assessments(self) -> None:
        """The 测评 tab (its trends are read when it is first shown)."""
        self.tabs.setCurrentWidget(self.assessments_pane)

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.assessments_pane and not self._trends_loaded:
            self.load_trends()

    def load_trends(self) -> None:
        ctx, case_id = self._ctx, self._case_id

        def shown(trends: list[ScaleTrend]) -> None:
            self._trends_loaded = True
            self.assessments_pane.set_trends(trends)

        self.busy.run(
            self.tr("Reading the scores…"),
            lambda: assessments.trends(ctx, case_id),
            shown,
            lambda exc: set_status(self.banner, exc.zh, "error"),
        )

    def delete_case(self) -> None:
        case = self.case
        if case is None or self._ctx.role is not Role.CUSTODIAN or self.busy.running:
            return
        if not messages.ask(
            self,
            self.tr("Delete this case?"),
            self.tr(
                "Case {0} is hidden from its counsellors. As custodian you can still see "
                "and restore it until it is purged. Delete it?"
            ).format(case.code),
        ):
            return
        ctx, case_id = self._ctx, case.id
        self.busy.run(
            self.tr("Deleting the case…"),
            lambda: cases.delete_case(ctx, case_id),
            lambda _: self.reload(),
            lambda exc: set_status(self.banner, exc.zh, "error"),
        )

    def restore_case(self) -> None:
        case = self.case
        if case is None or self._ctx.role is not Role.CUSTODIAN or self.busy.running:
            return
        ctx, case_id = self._ctx, case.id
        self.busy.run(
            self.tr("Restoring the case…"),
            lambda: cases.restore_case(ctx, case_id),
            lambda _: self.reload(),
            lambda exc: set_status(self.banner, exc.zh, "error"),
        )

    def purge_case(self) -> None:
        """Remove a deleted case and everything recorded in it, after a clear warning."""
        case = self.case
        if case is None or self._ctx.role is not Role.CUSTODIAN or self.busy.running:
            return
        if not messages.ask(
            self,
            self.tr("Purge this case for good?"),
            self.tr(
                "Every session, photo, follow-up and crisis record of case {0} is erased "
                "from the vault and cannot be restored. The audit log keeps only that a "
                "purge happened. Purge it?"
            ).format(case.code),
        ):
            return
        ctx, case_id = self._ctx, case.id
        self.busy.run(
            self.tr("Purging the case…"),
            lambda: cases.purge_case(ctx, case_id),
            lambda _: self.closed.emit(),
            lambda exc: set_status(self.banner, exc.zh, "error"),
        )

    # -- the side panel -------------------------------------------------------------------------
    def _set_detail(self, widget: QWidget) -> None:
        old = self.detail
        if old is not None and is_alive(old):
            self._detail_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.form = widget if isinstance(widget, SessionForm) else None
        self._detail_key = None
        self.detail = widget
        self._detail_layout.addWidget(widget)
        widget.show()

    def _show_placeholder(self) -> None:
        note = text_label(
            self.tr(
                "Choose a record in the timeline to see it here, or add a new session "
                "(Ctrl+Shift+N)."
            ),
            "muted",
        )
        note.setObjectName("detailPlaceholder")
        note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._set_detail(note)

    def _may_replace_form(self) -> bool:
        return self.form is None or self.form.confirm_discard()

    def new_session(self, kind: ServiceKind | None = None) -> SessionForm | None:
        case = self._working_case()
        if case is None or case.status is not CaseStatus.OPEN:
            return None
        if not self._may_replace_form():
            return None
        if kind is None:
            has_session = any(i.kind is TimelineKind.SESSION for i in self.model.items())
            kind = ServiceKind.INDIVIDUAL if has_session else ServiceKind.INTAKE
        form = SessionForm(self._ctx, case, kind=kind)
        self._connect_form(form)
        self.timeline_view.clearSelection()
        form.kind_combo.setFocus()
        return form

    def open_session(self, session_id: int) -> SessionForm | None:
        case = self.case
        if case is None or not self._may_replace_form():
            return None
        form = SessionForm(self._ctx, case, session_id=session_id)
        self._connect_form(form)
        return form

    def _connect_form(self, form: SessionForm) -> None:
        self._set_detail(form)
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total and sizes[0] > total * 2 // 5:  # the form gets the larger share
            self.splitter.setSizes([total * 2 // 5, total - total * 2 // 5])
        form.saved.connect(self._session_saved)
        form.closed.connect(self._form_closed)
        form.deleted.connect(self._session_deleted)

    def _session_saved(self, _session_id: int) -> None:
        self.reload()

    def _session_deleted(self, _session_id: int) -> None:
        self._form_closed()
        self.reload()

    def _form_closed(self) -> None:
        self._show_placeholder()
        self.timeline_view.setFocus()

    def _item_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_item(index.row())

    def _item_activated(self, index: QModelIndex) -> None:
        """Enter or double-click: as a click, and an assessment opens its details."""
        if not index.isValid():
            return
        self.open_item(index.row())
        item: TimelineItem = self.model.index(index.row(), 0).data(ITEM_ROLE)
        if isinstance(item.detail, AssessmentBrief):
            self.open_assessment(item.detail.id)

    def open_item(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        item: TimelineItem = self.model.index(row, 0).data(ITEM_ROLE)
        detail = item.detail
        if isinstance(detail, SessionBrief):
            form = self.form
            if form is not None and form.session_id == detail.id and form.has_unsaved_changes():
                return  # it is open, with the user's changes: keep them
            if self.open_session(detail.id) is not None:
                self._select(row)
            return
        if not self._may_replace_form():
            return
        self._set_detail(self._detail_of(item))
        self._detail_key = (item.kind, item.item_id)
        self._select(row)

    def _select(self, row: int) -> None:
        if self.timeline_view.currentIndex().row() != row:
            self.timeline_view.selectRow(row)

    def _detail_of(self, item: TimelineItem) -> QWidget:
        pane = QFrame()
        pane.setObjectName("timelineDetail")
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        detail = item.detail
        works = self.case is not None and self.case.can_work
        buttons: list[QPushButton] = []
        if isinstance(detail, RiskChangeView):
            layout.addWidget(text_label(self.tr("Risk level changed"), "heading"))
            at = detail.changed_at.replace(tzinfo=UTC).astimezone()
            rows = [
                (self.tr("When"), f"{at:%Y-%m-%d %H:%M}"),
                (
                    self.tr("Change"),
                    f"{label(detail.from_level)} → {label(detail.to_level)}",
                ),
                (self.tr("Reason"), detail.reason or "—"),
                (self.tr("By"), detail.changed_by.display_name or "—"),
            ]
        elif isinstance(detail, CrisisView):
            layout.addWidget(text_label(self.tr("Crisis event"), "heading"))
            rows = [
                (self.tr("Date"), f"{detail.occurred_on:%Y-%m-%d}"),
                (self.tr("What happened"), detail.description),
                (
                    self.tr("Actions taken"),
                    "、".join(label(a) for a in detail.actions) or "—",
                ),
                (self.tr("Safety plan"), detail.safety_plan or "—"),
                (self.tr("Recorded by"), detail.created_by.display_name or "—"),
            ]
            if works:
                fix = button(self.tr("Correct…"), name="correctCrisis")
                fix.clicked.connect(lambda: self.crisis(detail))
                buttons.append(fix)
        elif isinstance(detail, AssessmentBrief):
            layout.addWidget(text_label(self.tr("Assessment"), "heading"))
            rows = [
                (self.tr("Scale"), detail.short_name),
                (self.tr("Date"), f"{detail.administered_on:%Y-%m-%d}"),
                (self.tr("How"), label(detail.mode)),
                (
                    self.tr("Total"),
                    number(detail.total) if detail.total is not None else self.tr("no total"),
                ),
                (self.tr("Band"), detail.band or "—"),
                (
                    self.tr("Warning"),
                    self.tr("raised: see the Assessments tab")
                    if detail.positive
                    else self.tr("none"),
                ),
                (self.tr("Recorded by"), detail.by.display_name or "—"),
            ]
            answers = button(self.tr("Answers and warnings…"), name="openAssessment")
            answers.clicked.connect(lambda: self.open_assessment(detail.id))
            buttons.append(answers)
        else:
            assert isinstance(detail, FollowUpView)
            state = follow_up_state(detail, self.model.today)
            states = {
                "done": self.tr("Done"),
                "overdue": self.tr("Overdue"),
                "planned": self.tr("Planned"),
            }
            layout.addWidget(text_label(self.tr("Follow-up"), "heading"))
            rows = [
                (self.tr("Due"), f"{detail.due_on:%Y-%m-%d}"),
                (self.tr("Method"), label(detail.method)),
                (self.tr("State"), states[state]),
            ]
            if detail.done_on is not None:
                rows += [
                    (self.tr("Done on"), f"{detail.done_on:%Y-%m-%d}"),
                    (self.tr("Outcome"), detail.outcome or "—"),
                ]
                if detail.next_due_on is not None:
                    rows.append((self.tr("Next due"), f"{detail.next_due_on:%Y-%m-%d}"))
            rows.append((self.tr("Planned by"), detail.created_by.display_name or "—"))
            if works and detail.done_on is None:
                done = button(self.tr("Record as done…"), name="completeFollowUp")
                done.clicked.connect(lambda: self.complete_follow_up(detail))
                again = button(self.tr("Reschedule…"), name="rescheduleFollowUp")
                again.clicked.connect(lambda: self.plan_follow_up(detail))
                buttons += [done, again]
        layout.addWidget(fact_card(rows))
        if buttons:
            row = QHBoxLayout()
            row.setSpacing(SPACING)
            for widget in buttons:
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)
        return pane

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if self.case is not None and (focus is None or not self.isAncestorOf(focus)):
            self._first_focus()

    # -- keys -----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.go_back()
            return
        super().keyPressEvent(event)
