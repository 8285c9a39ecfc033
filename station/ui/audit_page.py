"""The custodian's view of the audit log: browse, filter, and verify the hash chain."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.errors import PermissionDenied, StationError
from station.services import accounts, audit
from station.services.audit import ACTION_LABELS, AuditFilter, AuditRow
from station.services.context import SignedIn
from station.ui.audit_model import COL_DETAIL, COL_OBJECT, AuditTableModel
from station.ui.forms import BusyIndicator, FieldError, button, label, spaced
from station.vault.audit_chain import ChainReport

OK_COLOUR = "#2e7d32"
BAD_COLOUR = "#a33a3a"


def _utc_midnight(day: QDate) -> datetime:
    """Local midnight at the start of ``day``, as a naive UTC time (as the log stores it)."""
    local = datetime(day.year(), day.month(), day.day()).astimezone()
    return local.astimezone(UTC).replace(tzinfo=None)


class AuditPage(QWidget):
    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loaded = False
        layout = QVBoxLayout(self)
        spaced(layout)
        layout.addWidget(label(self.tr("Audit log"), "title"))
        self.denied_label = label("", "error")
        self.denied_label.hide()
        layout.addWidget(self.denied_label)
        self.content = QWidget()
        layout.addWidget(self.content, 1)
        self.model = AuditTableModel(self)
        self._build(self.content)
        try:
            users = accounts.list_users(ctx)
        except PermissionDenied as exc:
            self._deny(exc.zh)
            return
        self.user_combo.addItem(self.tr("All"), None)
        for user in users:
            self.user_combo.addItem(f"{user.display_name}（{user.login}）", user.id)

    def showEvent(self, event: QShowEvent) -> None:
        """Read the log when the page is first shown (each reading is itself logged)."""
        super().showEvent(event)
        if not self._loaded and self.content.isVisibleTo(self):
            self._loaded = True
            self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self, host: QWidget) -> None:
        layout = spaced(QVBoxLayout(host), 0)
        layout.addWidget(
            label(
                self.tr(
                    "Every sign-in, user change and settings change is recorded here. Entries "
                    "can only be added, never changed; verification finds any alteration."
                ),
                "muted",
            )
        )

        self.action_combo = QComboBox()
        self.action_combo.addItem(self.tr("All"), None)
        for code, text in ACTION_LABELS.items():
            self.action_combo.addItem(text, code)
        self.user_combo = QComboBox()
        self.date_box = QCheckBox(self.tr("Limit dates"))
        today = QDate.currentDate()
        self.since_edit = self._date_edit(today.addDays(-30))
        self.until_edit = self._date_edit(today)
        self.date_box.toggled.connect(self.since_edit.setEnabled)
        self.date_box.toggled.connect(self.until_edit.setEnabled)
        self.query_button = button(self.tr("Search"), primary=True)
        self.query_button.clicked.connect(self.refresh)

        # two short rows, so the page fits beside the navigation at 150 % scaling
        who = QHBoxLayout()
        who.setSpacing(12)
        for caption, widget in (
            (self.tr("Action"), self.action_combo),
            (self.tr("User"), self.user_combo),
        ):
            buddy = QLabel(caption)
            buddy.setBuddy(widget)
            widget.setAccessibleName(caption)
            who.addWidget(buddy)
            who.addWidget(widget)
        who.addStretch(1)
        layout.addLayout(who)
        when = QHBoxLayout()
        when.setSpacing(12)
        self.date_box.setAccessibleName(self.tr("Limit dates"))
        self.since_edit.setAccessibleName(self.tr("From date"))
        self.until_edit.setAccessibleName(self.tr("To date"))
        to_label = QLabel(self.tr("to"))
        to_label.setBuddy(self.until_edit)
        for part in (self.date_box, self.since_edit, to_label, self.until_edit):
            when.addWidget(part)
        when.addStretch(1)
        when.addWidget(self.query_button)
        layout.addLayout(when)
        self.filter_error = FieldError()
        layout.addWidget(self.filter_error)

        self.count_label = label("", "muted")
        layout.addWidget(self.count_label)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setStyleSheet("QTableView::item { padding: 2px 10px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_OBJECT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.verify_button = button(self.tr("Verify log integrity"))
        self.verify_button.clicked.connect(self.verify)
        self.busy = BusyIndicator([self.verify_button, self.query_button])
        self.verify_label = label("")
        self.verify_label.hide()
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.busy, 1)
        bottom.addWidget(self.verify_label, 1)
        layout.addLayout(bottom)

        # keyboard order follows the eye: filters, search, table, verification
        chain: Sequence[QWidget] = (
            self.action_combo,
            self.user_combo,
            self.date_box,
            self.since_edit,
            self.until_edit,
            self.query_button,
            self.table,
            self.verify_button,
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _date_edit(self, day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        edit.setEnabled(False)
        return edit

    def _deny(self, reason: str) -> None:
        self.content.hide()
        self.denied_label.setText(
            reason + "\n" + self.tr("Only the records custodian can read the audit log.")
        )
        self.denied_label.show()

    # -- querying -----------------------------------------------------------------------
    def current_filter(self) -> AuditFilter | None:
        """The filter the controls describe, or None (with a message) when dates are wrong."""
        self.filter_error.clear_message()
        since = until = None
        if self.date_box.isChecked():
            first, last = self.since_edit.date(), self.until_edit.date()
            if first > last:
                self.filter_error.show_message(self.tr("The start date is after the end date."))
                self.since_edit.setFocus()
                return None
            since, until = _utc_midnight(first), _utc_midnight(last.addDays(1))
        return AuditFilter(
            action=self.action_combo.currentData(),
            user_id=self.user_combo.currentData(),
            since=since,
            until=until,
        )

    def refresh(self) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        ctx = self._ctx

        def fetch(offset: int, limit: int) -> list[AuditRow]:
            return audit.browse(ctx, flt, offset, limit)

        try:
            total = audit.count(ctx, flt)
            self.model.set_source(fetch)
        except PermissionDenied as exc:
            self.model.set_source(None)
            self._deny(exc.zh)
            return
        self.count_label.setText(self.tr("{count} entries").format(count=total))

    # -- verification -------------------------------------------------------------------
    def verify(self) -> None:
        ctx = self._ctx
        self.verify_label.hide()
        self.busy.run(
            self.tr("Checking the audit chain…"),
            lambda: audit.verify(ctx),
            self._verified,
            self._verify_failed,
        )

    def _verified(self, result: ChainReport) -> None:
        text = result.summary()
        if not result.ok and result.first_bad_seq is not None:
            text += " " + self.tr("First bad entry: No. {seq}.").format(seq=result.first_bad_seq)
        colour = OK_COLOUR if result.ok else BAD_COLOUR
        self.verify_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.verify_label.setText(text)
        self.verify_label.show()

    def _verify_failed(self, exc: StationError) -> None:
        if isinstance(exc, PermissionDenied):
            self._deny(exc.zh)
            return
        self.verify_label.setStyleSheet(f"color: {BAD_COLOUR};")
        self.verify_label.setText(exc.zh)
        self.verify_label.show()
