"""A thin table model over the case list, fetched page by page from ``search.search_cases``.

The model knows nothing of the vault: it is given a ``search(query)`` function (and,
optionally, a ``count(query)`` one) and loads pages of :data:`PAGE_SIZE` rows in a
background task when the view scrolls to the end. Every new query (a new search, a new
sort order) starts a new generation: a page that arrives for an older one is dropped,
so a slow search never overwrites a newer one's rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from station.errors import StationError
from station.models.vocab import RiskLevel, label
from station.services.search import MAX_LIMIT, CaseQuery, SortKey
from station.services.views import AGE_BAND_LABELS, CaseRow, Page
from station.ui.table_model import Index, RowTableModel
from station.ui.tasks import TaskHandle, run_task

Search = Callable[[CaseQuery], Page[CaseRow]]
Count = Callable[[CaseQuery], int]

PAGE_SIZE = 200
(
    COL_CODE,
    COL_CLIENT,
    COL_GENDER,
    COL_AGE_BAND,
    COL_COUNSELLOR,
    COL_STATUS,
    COL_RISK,
    COL_OPENED_ON,
    COL_LAST_SESSION,
) = range(9)
COLUMN_SORT_KEYS: tuple[SortKey, ...] = (
    SortKey.CODE,
    SortKey.CLIENT,
    SortKey.GENDER,
    SortKey.AGE_BAND,
    SortKey.COUNSELLOR,
    SortKey.STATUS,
    SortKey.RISK,
    SortKey.OPENED_ON,
    SortKey.LAST_SESSION,
)
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the case's id (int)
RISK_ROLE = Qt.ItemDataRole.UserRole + 2  # the case's risk level value, e.g. "high"


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else "—"


class CaseListModel(RowTableModel[CaseRow]):
    """Rows of the case list for one query; more pages arrive through ``fetchMore``.

    Signals: ``loading_changed(bool)`` while a page is on its way, ``first_page_loaded()``
    once the first page of a query (or a reload) is in, ``total_changed(int)`` with the
    number of matching cases, and ``failed(object)`` with a ``StationError``."""

    loading_changed = Signal(bool)
    first_page_loaded = Signal()
    total_changed = Signal(int)
    failed = Signal(object)

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._search: Search | None = None
        self._count: Count | None = None
        self._query = CaseQuery()
        self._more = False
        self._loading = False
        self._generation = 0
        self._handle: TaskHandle | None = None
        self._page_size = page_size
        self._headers = [
            self.tr("Case code"),
            self.tr("Client"),
            self.tr("Gender"),
            self.tr("Age band"),
            self.tr("Counsellor"),
            self.tr("Status"),
            self.tr("Risk"),
            self.tr("Opened"),
            self.tr("Last session"),
        ]

    # -- state ---------------------------------------------------------------------------
    @property
    def query(self) -> CaseQuery:
        """The filters and sort order the rows are for (offset and limit aside)."""
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    def row_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def case_id_at(self, row: int) -> int:
        return self._rows[row].id

    def row_of_case(self, case_id: int) -> int:
        """The row showing this case, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == case_id), -1)

    # -- loading -------------------------------------------------------------------------
    def set_source(self, search: Search | None, count: Count | None = None) -> None:
        """The functions that answer queries; nothing is loaded until :meth:`set_query`."""
        self._search, self._count = search, count

    def set_query(self, query: CaseQuery) -> None:
        """Start over with new filters; the first page (and the count) load at once."""
        self._query = dataclasses.replace(query, offset=0, limit=self._page_size)
        self._restart(self._page_size, counted=True)

    def reload(self) -> None:
        """Load the same query again, as many rows as are shown now (up to the service's
        page limit), so a view can keep its scroll position; the count is refreshed."""
        rows = min(max(len(self._rows), self._page_size), MAX_LIMIT)
        self._restart(rows, counted=True)

    def clear(self) -> None:
        self._generation += 1
        self._cancel()
        self.beginResetModel()
        self._rows = []
        self._more = False
        self.endResetModel()
        self._set_loading(False)

    def _restart(self, first_limit: int, *, counted: bool) -> None:
        self._generation += 1
        self._cancel()
        self.beginResetModel()
        self._rows = []
        self._more = False  # views may ask during the reset: load after it instead
        self.endResetModel()
        if self._search is None:
            self._set_loading(False)
            return
        self._request(0, first_limit, counted=counted)

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._request(len(self._rows), self._page_size, counted=False)

    def _request(self, offset: int, limit: int, *, counted: bool) -> None:
        search, count = self._search, self._count
        assert search is not None
        query = dataclasses.replace(self._query, offset=offset, limit=limit)
        generation = self._generation

        def work(handle: TaskHandle) -> tuple[Page[CaseRow], int | None]:
            page = search(query)
            handle.check()
            total = count(query) if counted and count is not None else None
            return page, total

        def done(result: tuple[Page[CaseRow], int | None]) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # the page was closed, or a newer query replaced this one
            self._handle = None
            page, total = result
            self._add_page(page)
            self._set_loading(False)
            if total is not None:
                self.total_changed.emit(total)
            if offset == 0:
                self.first_page_loaded.emit()

        def error(exc: BaseException) -> None:
            if not shiboken6.isValid(self) or generation != self._generation:
                return  # nothing is shown for a query nobody waits for any more
            self._handle = None
            self._set_loading(False)
            if isinstance(exc, StationError):
                self.failed.emit(exc)
                return
            raise exc

        self._set_loading(True)
        handle = run_task(work, done, error)
        if self._loading and generation == self._generation:
            self._handle = handle  # still on its way (not run at once in a test)

    def _add_page(self, page: Page[CaseRow]) -> None:
        known = {row.id for row in self._rows}
        fresh = [row for row in page.items if row.id not in known]  # rows shifted by edits
        self._more = page.has_more
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the service sorts, so the query starts over in that order."""
        if not 0 <= column < len(COLUMN_SORT_KEYS):
            return
        key = COLUMN_SORT_KEYS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return  # e.g. a view turning sorting on with the indicator already set
        self._query = dataclasses.replace(self._query, sort=key, descending=descending)
        if self._search is not None:
            self._restart(self._page_size, counted=False)

    def sort_column(self) -> int:
        return COLUMN_SORT_KEYS.index(SortKey(self._query.sort))

    # -- the model -------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def cell(self, row: CaseRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == CASE_ID_ROLE:
            return row.id
        if role == RISK_ROLE:
            return row.risk_level.value
        if role == Qt.ItemDataRole.FontRole and column == COL_RISK and row.risk_level.pinned:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.deleted:
            return self.tr("Deleted (visible to the custodian only)")
        return None

    def _text(self, row: CaseRow, column: int) -> str | None:
        if column == COL_CODE:
            return row.code + (self.tr(" (deleted)") if row.deleted else "")
        if column == COL_CLIENT:
            return row.client or "—"
        if column == COL_GENDER:
            return label(row.gender) if row.gender is not None else "—"
        if column == COL_AGE_BAND:
            return AGE_BAND_LABELS[row.age_band] if row.age_band is not None else "—"
        if column == COL_COUNSELLOR:
            return row.counsellor
        if column == COL_STATUS:
            return label(row.status)
        if column == COL_RISK:
            return label(row.risk_level) if row.risk_level is not RiskLevel.NONE else "—"
        if column == COL_OPENED_ON:
            return _day(row.opened_on)
        if column == COL_LAST_SESSION:
            return _day(row.last_session_on)
        return None
