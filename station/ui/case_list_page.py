"""个案: the case list with search and filters, and the way to a new client / case and to
emergency access.

The search box takes a case code, an alias or a name (the service decides what
matches, and names only where the user may see them). Searches run in a background
task, 200 rows at a time; a newer search makes an older one's result be ignored.
Double-click or Enter on a row emits ``open_case(case_id)``.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import Role
from station.models.vocab import LABELS, CaseStatus, RiskLevel
from station.services import cases, search
from station.services.context import SignedIn
from station.services.search import CaseQuery, SortKey
from station.ui.case_list_model import (
    CASE_ID_ROLE,
    COLUMN_SORT_KEYS,
    PAGE_SIZE,
    CaseListModel,
)
from station.ui.emergency_dialog import EmergencyDialog
from station.ui.forms import FieldError, button, label, open_dialog, spaced
from station.ui.new_case_dialog import NewCaseDialog
from station.ui.referral_dialogs import preview_consent_form

SEARCH_DELAY_MS = 400  # typing pauses this long before the search runs
HIGH_RISK = "high_or_imminent"


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class CaseListPage(QWidget):
    """The case list. ``open_case(case_id)`` when a case is chosen (or newly opened)."""

    open_case = Signal(int)

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._searched = False
        self._restore: tuple[int, int | None] | None = None  # scroll value, case id
        self.new_dialog: NewCaseDialog | None = None
        self.emergency_dialog: EmergencyDialog | None = None
        self.setObjectName("caseListPage")
        self.model = CaseListModel(self)
        self.model.set_source(
            lambda query: search.search_cases(ctx, query),
            lambda query: search.count_cases(ctx, query),
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)

        layout = spaced(QVBoxLayout(self))
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(label(self.tr("Cases"), "title", wrap=False))
        top.addStretch(1)
        self.emergency_button: QWidget | None = None
        if ctx.role is Role.COUNSELLOR:
            emergency = button(self.tr("Emergency access…"), name="emergencyButton")
            emergency.setToolTip(
                self.tr("Open a colleague's case in a crisis, with a written reason")
            )
            emergency.clicked.connect(self.emergency_access)
            top.addWidget(emergency)
            self.emergency_button = emergency
        self.consent_button = button(self.tr("Blank consent form…"), name="blankConsent")
        self.consent_button.setToolTip(
            self.tr("Print the informed consent form for a client to sign before intake")
        )
        self.consent_button.clicked.connect(self.print_blank_consent)
        top.addWidget(self.consent_button)
        self.new_button = button(self.tr("New client / case…"), primary=True, name="newCaseButton")
        self.new_button.setToolTip(self.tr("Register a client and open a case (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_case)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self._build_filters(layout)

        self.error = FieldError()
        self.error.setObjectName("searchError")
        layout.addWidget(self.error)
        status = QHBoxLayout()
        status.setSpacing(12)
        self.count_label = label("", "muted", wrap=False)
        self.count_label.setObjectName("caseCount")
        status.addWidget(self.count_label)
        status.addStretch(1)
        status.addWidget(label(self.tr("Double-click or press Enter to open a case."), "muted"))
        layout.addLayout(status)

        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setStyleSheet("QTableView::item { padding: 2px 6px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the client column is never squeezed away
        header.setResizeContentsPrecision(PAGE_SIZE)
        header.setSortIndicator(
            COLUMN_SORT_KEYS.index(SortKey.OPENED_ON), Qt.SortOrder.DescendingOrder
        )
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        self.table.activated.connect(self._activated)
        self.empty_label = label("", "muted")
        self.empty_label.setObjectName("emptyList")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.results = QStackedWidget()
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty_label)
        layout.addWidget(self.results, 1)

        self.model.loading_changed.connect(self._loading_changed)
        self.model.total_changed.connect(self._total_changed)
        self.model.first_page_loaded.connect(self._first_page_loaded)
        self.model.failed.connect(self._failed)

        chain: list[QWidget] = [self.search_edit, self.status_combo, self.risk_combo]
        if self.counsellor_combo is not None:
            chain.append(self.counsellor_combo)
        chain += [self.date_box, self.from_edit, self.to_edit, self.reset_button, self.table]
        if self.emergency_button is not None:
            chain.append(self.emergency_button)
        chain.append(self.new_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_filters(self, layout: QVBoxLayout) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setMaxLength(search.TEXT_MAX)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Case code, alias or name"))
        self.search_edit.setAccessibleName(self.tr("Search cases"))
        self.search_edit.setToolTip(self.tr("Case code, alias or name (Ctrl+F)"))
        self.search_edit.textEdited.connect(lambda _text: self._timer.start())
        self.search_edit.returnPressed.connect(self.search)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("Any status"), None)
        for value, text in LABELS[CaseStatus].items():
            self.status_combo.addItem(text, value)
        self.status_combo.setAccessibleName(self.tr("Status"))

        self.risk_combo = QComboBox()
        self.risk_combo.setObjectName("riskFilter")
        self.risk_combo.addItem(self.tr("Any risk"), None)
        self.risk_combo.addItem(self.tr("High or imminent"), HIGH_RISK)
        for value, text in LABELS[RiskLevel].items():
            self.risk_combo.addItem(self.tr("Risk: {0}").format(text), value)
        self.risk_combo.setAccessibleName(self.tr("Risk level"))

        self.counsellor_combo: QComboBox | None = None
        if self._ctx.role is Role.CUSTODIAN:
            combo = QComboBox()
            combo.setObjectName("counsellorFilter")
            combo.addItem(self.tr("Any counsellor"), None)
            for ref in cases.counsellor_choices(self._ctx):
                combo.addItem(ref.display_name, ref.id)
            combo.setAccessibleName(self.tr("Counsellor"))
            self.counsellor_combo = combo

        self.date_box = QCheckBox(self.tr("Opened between"))
        self.date_box.setObjectName("dateFilter")
        self.date_box.setAccessibleName(self.tr("Limit the opening date"))
        today = QDate.currentDate()
        self.from_edit = self._date_edit(today.addMonths(-12), self.tr("Opened from"))
        self.from_edit.setObjectName("openedFrom")
        self.to_edit = self._date_edit(today, self.tr("Opened until"))
        self.to_edit.setObjectName("openedTo")
        self.date_box.toggled.connect(self.from_edit.setEnabled)
        self.date_box.toggled.connect(self.to_edit.setEnabled)
        self.reset_button = button(self.tr("Clear filters"), name="resetFilters")
        self.reset_button.clicked.connect(self.reset_filters)

        for filter_combo in (self.status_combo, self.risk_combo, self.counsellor_combo):
            if filter_combo is not None:
                filter_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.date_box.toggled.connect(lambda _on: self.search())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self._timer.start())

        first = QHBoxLayout()
        first.setSpacing(12)
        first.addWidget(self.search_edit, 2)
        first.addWidget(self.status_combo)
        first.addWidget(self.risk_combo)
        if self.counsellor_combo is not None:
            first.addWidget(self.counsellor_combo)
        layout.addLayout(first)
        second = QHBoxLayout()
        second.setSpacing(12)
        to_label = QLabel(self.tr("and"))
        to_label.setBuddy(self.to_edit)
        for part in (self.date_box, self.from_edit, to_label, self.to_edit):
            second.addWidget(part)
        second.addStretch(1)
        second.addWidget(self.reset_button)
        layout.addLayout(second)

    def _date_edit(self, day: QDate, name: str) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        edit.setAccessibleName(name)
        edit.setEnabled(False)
        return edit

    # -- searching -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """The first showing runs the first search; later ones bring the rows up to date
        and keep the scroll position and the selected case."""
        super().showEvent(event)
        if not self._searched:
            self.search()
        else:
            self.reload()

    def current_query(self) -> CaseQuery:
        risk = self.risk_combo.currentData()
        if risk == HIGH_RISK:
            levels: tuple[RiskLevel, ...] = (RiskLevel.HIGH, RiskLevel.IMMINENT)
        elif risk:
            levels = (RiskLevel(risk),)
        else:
            levels = ()
        status = self.status_combo.currentData()
        counsellor = self.counsellor_combo.currentData() if self.counsellor_combo else None
        dated = self.date_box.isChecked()
        old = self.model.query
        return CaseQuery(
            text=self.search_edit.text().strip(),
            counsellor_id=counsellor,
            status=CaseStatus(status) if status else None,
            risk_levels=levels,
            opened_from=_day(self.from_edit) if dated else None,
            opened_to=_day(self.to_edit) if dated else None,
            sort=old.sort,
            descending=old.descending,
        )

    def search(self) -> None:
        """Run the search the controls describe (a newer one replaces a running one)."""
        self._timer.stop()
        self._searched = True
        self._restore = None
        self.error.clear_message()
        self.model.set_query(self.current_query())

    def reload(self) -> None:
        """The same search again (e.g. after a case was changed), keeping the position."""
        if not self._searched:
            self.search()
            return
        current = self.table.currentIndex()
        case_id = current.data(CASE_ID_ROLE) if current.isValid() else None
        self._restore = (self.table.verticalScrollBar().value(), case_id)
        self.model.reload()

    def reset_filters(self) -> None:
        for combo in (self.status_combo, self.risk_combo, self.counsellor_combo):
            if combo is not None:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        self.date_box.blockSignals(True)
        self.date_box.setChecked(False)
        self.date_box.blockSignals(False)
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)
        self.search_edit.clear()
        self.search()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _loading_changed(self, loading: bool) -> None:
        if loading and self.model.rowCount() == 0:
            self.count_label.setText(self.tr("Searching…"))

    def _total_changed(self, total: int) -> None:
        self.count_label.setText(self.tr("{0} cases").format(total))
        query = self.model.query
        filtered = bool(
            query.text
            or query.status
            or query.risk_levels
            or query.counsellor_id is not None
            or query.opened_from
        )
        if total:
            self.results.setCurrentWidget(self.table)
        else:
            self.empty_label.setText(
                self.tr("No case matches this search.")
                if filtered
                else self.tr("There are no cases yet. Start with “New client / case…”.")
            )
            self.results.setCurrentWidget(self.empty_label)

    def _first_page_loaded(self) -> None:
        restore, self._restore = self._restore, None
        if restore is None:
            self.table.scrollToTop()
            return
        value, case_id = restore
        if case_id is not None:
            row = self.model.row_of_case(case_id)
            if row >= 0:
                self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.verticalScrollBar().setValue(value)

    def _failed(self, exc: StationError) -> None:
        self.count_label.setText("")
        self.error.show_message(exc.zh)
        target = {
            "text": self.search_edit,
            "opened_from": self.from_edit,
            "opened_to": self.to_edit,
            "status": self.status_combo,
            "risk_levels": self.risk_combo,
        }.get(exc.field or "")
        if target is not None:
            target.setFocus()

    def _activated(self, index: object) -> None:
        case_id = self.table.currentIndex().data(CASE_ID_ROLE)
        if isinstance(case_id, int):
            self.open_case.emit(case_id)

    def open_current(self) -> None:
        """Open the selected case (as Enter does)."""
        self._activated(self.table.currentIndex())

    # -- new client / case, emergency access -----------------------------------------
    def print_blank_consent(self) -> None:
        """知情同意书 without a case: signed on paper before the intake is entered."""
        preview_consent_form(self._ctx, self)

    def new_case(self) -> None:
        """Open the new client / case dialog (Ctrl+N); a new case is opened at once."""
        if self.new_dialog is not None:
            self.new_dialog.raise_()
            self.new_dialog.activateWindow()
            return
        dialog = NewCaseDialog(self._ctx, parent=self)
        self.new_dialog = open_dialog(dialog, lambda _ok: self._dialog_closed(dialog))

    def emergency_access(self) -> None:
        if self.emergency_dialog is not None:
            self.emergency_dialog.raise_()
            return
        dialog = EmergencyDialog(self._ctx, parent=self)
        self.emergency_dialog = open_dialog(dialog, lambda _ok: self._dialog_closed(dialog))

    def _dialog_closed(self, dialog: NewCaseDialog | EmergencyDialog) -> None:
        """The case a dialog opened (if any) is shown once the dialog is gone."""
        if dialog is self.new_dialog:
            self.new_dialog = None
        if dialog is self.emergency_dialog:
            self.emergency_dialog = None
        if dialog.case_id is not None:
            self._case_created(dialog.case_id)

    def _case_created(self, case_id: int) -> None:
        if self._searched:
            self.reload()
        self.open_case.emit(case_id)
