"""A thin table model over the audit log, fetched page by page from ``audit.browse``.

The model knows nothing of the vault: it asks a ``fetch(offset, limit)`` function for
rows, newest first, and loads the next page when the view scrolls to the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from station.models.enums import ROLE_LABELS, Role
from station.services.audit import AuditRow
from station.ui.table_model import Index, RowTableModel

Fetch = Callable[[int, int], Sequence[AuditRow]]

PAGE_SIZE = 500
COL_SEQ, COL_TIME, COL_USER, COL_ACTION, COL_OBJECT, COL_DETAIL = range(6)
SEQ_ROLE = Qt.ItemDataRole.UserRole + 1  # the entry's sequence number (int)
ACTION_ROLE = Qt.ItemDataRole.UserRole + 2  # the action code, e.g. "login"


def local_time(stamp: str) -> str:
    """``2026-11-20T06:35:00.123456Z`` (UTC) -> ``2026-11-20 14:35:00`` in local time."""
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def object_label(kind: str, object_id: str) -> str:
    names = {
        "user": QCoreApplication.translate("AuditTableModel", "User"),
        "station": QCoreApplication.translate("AuditTableModel", "Station"),
        "setting": QCoreApplication.translate("AuditTableModel", "Setting"),
    }
    if not kind:
        return ""
    name = names.get(kind, kind)
    if object_id == "idle_lock_minutes":
        object_id = QCoreApplication.translate("AuditTableModel", "idle lock time")
    return f"{name} #{object_id}" if object_id.isdigit() else f"{name} {object_id}".strip()


def detail_label(detail: str) -> str:
    """The log's short English details in the user's language; anything else as it is."""
    if detail in {role.value for role in Role}:
        return ROLE_LABELS[Role(detail)]
    known = {
        "device binding": QCoreApplication.translate("AuditTableModel", "device binding"),
        "profile": QCoreApplication.translate("AuditTableModel", "profile"),
        "ok": QCoreApplication.translate("AuditTableModel", "ok"),
        "failed": QCoreApplication.translate("AuditTableModel", "failed"),
        "recovery key": QCoreApplication.translate("AuditTableModel", "recovery key"),
        "unknown user name": QCoreApplication.translate("AuditTableModel", "unknown user name"),
    }
    return known.get(detail, detail)


class AuditTableModel(RowTableModel[AuditRow]):
    """Rows of the audit log, newest first; more pages arrive through ``fetchMore``."""

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._fetch: Fetch | None = None
        self._more = False
        self._loading = False
        self._page_size = page_size
        self._headers = [
            self.tr("No."),
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("Details"),
        ]

    # -- loading ------------------------------------------------------------------------
    def set_source(self, fetch: Fetch | None) -> None:
        """Start over with a new query; the first page is loaded at once."""
        self.beginResetModel()
        self._rows = []
        self._fetch = fetch
        self._more = False  # views may ask during the reset: load after it instead
        self.endResetModel()
        self._more = fetch is not None
        if self._more:
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        self._loading = True  # views ask again while rows are being inserted
        try:
            page = list(self._fetch(len(self._rows), self._page_size))
            self._more = len(page) == self._page_size
            if self._rows:
                # entries written since the first page (e.g. this very view) shift the
                # offsets by a few rows: skip what is already shown
                oldest = self._rows[-1].seq
                page = [row for row in page if row.seq < oldest]
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
        finally:
            self._loading = False

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    # -- the model ------------------------------------------------------------------------
    def cell(self, row: AuditRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == SEQ_ROLE:
            return row.seq
        if role == ACTION_ROLE:
            return row.action
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: AuditRow, column: int) -> str | None:
        if column == COL_SEQ:
            return str(row.seq)
        if column == COL_TIME:
            return local_time(row.at)
        if column == COL_USER:
            return row.user or "—"
        if column == COL_ACTION:
            return row.action_label
        if column == COL_OBJECT:
            return object_label(row.object_kind, row.object_id)
        if column == COL_DETAIL:
            return detail_label(row.detail)
        return None
