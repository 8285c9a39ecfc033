"""Monthly statistics as readable tables: a station's stats.json document (what leaves the
station) or a city month (what the city office adds up).

Both are first turned into :class:`TablesContent` (text only, nothing computed here
beyond formatting), then :class:`StatsTablesView` shows one block per table: its Chinese
title, rows × columns, the month and the year to date side by side (one above the other
when the table is too wide for that), margins labelled 合计 and in bold, "*" for every
figure that is not published with a footnote saying why, shares as percentages with one
decimal (display only: the document keeps its fractions), and the notes that go with the
figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.city.aggregate import CityCell, CityMonth
from station.ui import theme
from station.ui.forms import SPACING, label, scrolled

TOTAL = "_total"
TOTAL_LABEL = "合计"
SUPPRESSED = "*"
NO_SHARE = "—"  # a share whose denominator is 0
MONTH, YTD = "month", "ytd"
SIDE_BY_SIDE_MAX_COLUMNS = 3  # wider tables show the year to date under the month
_YTD_TINT = "#eef4f4"

Cell = tuple[str, str]


# -- what is shown -------------------------------------------------------------------------
@dataclass(frozen=True)
class TableBlock:
    id: str
    title: str
    note: str  # a quiet line under the title (sensitivity, threshold, stations)
    rows: tuple[tuple[str, str], ...]  # (code, label), margins labelled 合计
    cols: tuple[tuple[str, str], ...]
    month: Mapping[Cell, str]
    ytd: Mapping[Cell, str] | None
    footnotes: tuple[str, ...] = ()

    def text(self, row: str, col: str, scope: str = MONTH) -> str:
        cells = self.month if scope == MONTH else self.ytd
        if cells is None:
            raise KeyError(scope)
        return cells[(row, col)]


@dataclass(frozen=True)
class ShareLine:
    label: str
    month: str
    ytd: str | None  # None: the share has no year to date


@dataclass(frozen=True)
class TablesContent:
    heading: str
    summary: str
    blocks: tuple[TableBlock, ...]
    shares: tuple[ShareLine, ...] = ()
    share_footnotes: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def block(self, table_id: str) -> TableBlock:
        for block in self.blocks:
            if block.id == table_id:
                return block
        raise KeyError(table_id)


# -- formatting ------------------------------------------------------------------------
def count_text(value: object) -> str:
    """A published count as it is shown: the number, or "*"."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return SUPPRESSED


def share_text(value: object) -> str:
    """A share (a fraction 0–1) as a percentage with one decimal; "*" stays "*", and a
    share without denominator (null) is "—"."""
    if value is None:
        return NO_SHARE
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{float(value) * 100:.1f}%"
    return SUPPRESSED


def _labels(
    items: Sequence[Mapping[str, Any]] | Sequence[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, tuple):
            code, text = item
        else:
            code, text = str(item.get("code", "")), str(item.get("label", ""))
        out.append((code, TOTAL_LABEL if code == TOTAL else text))
    return tuple(out)


def _document_cells(grid: Any) -> dict[Cell, str]:
    cells: dict[Cell, str] = {}
    if isinstance(grid, Mapping):
        for row, line in grid.items():
            if isinstance(line, Mapping):
                for col, value in line.items():
                    cells[(str(row), str(col))] = count_text(value)
    return cells


def _suppressed_note(k: int) -> str:
    return QCoreApplication.translate(
        "StatsTablesView",
        "*: not published: a count from 1 to {0}, or a count hidden so that it cannot be "
        "worked out from the others.",
    ).format(k - 1)


def from_document(document: Mapping[str, Any]) -> TablesContent:
    """The tables of a station's stats.json document, exactly as it will leave."""
    policy = document.get("policy") or {}
    k_standard = int(policy.get("k_standard", 5))
    k_sensitive = int(policy.get("k_sensitive", 10))
    blocks: list[TableBlock] = []
    for table_id, table in (document.get("tables") or {}).items():
        sensitive = table.get("sensitivity") == "sensitive"
        k = k_sensitive if sensitive else k_standard
        note = (
            QCoreApplication.translate(
                "StatsTablesView",
                "Sensitive table: station totals only; counts below {0} are hidden.",
            )
            if sensitive
            else QCoreApplication.translate("StatsTablesView", "Counts below {0} are hidden.")
        ).format(k)
        month = _document_cells(table.get("month"))
        ytd = _document_cells(table["ytd"]) if "ytd" in table else None
        hidden = SUPPRESSED in month.values() or (ytd is not None and SUPPRESSED in ytd.values())
        footnotes = [_suppressed_note(k)] if hidden else []
        if ytd is None:
            footnotes.append(
                QCoreApplication.translate(
                    "StatsTablesView", "This table has no year-to-date figures (month-end state)."
                )
            )
        blocks.append(
            TableBlock(
                id=str(table_id),
                title=str(table.get("title", table_id)),
                note=note,
                rows=_labels(table.get("rows") or []),
                cols=_labels(table.get("cols") or []),
                month=month,
                ytd=ytd,
                footnotes=tuple(footnotes),
            )
        )
    shares: list[ShareLine] = []
    any_null = False
    for entry in (document.get("shares") or {}).values():
        month_value = entry.get("month")
        has_ytd = "ytd" in entry
        any_null = any_null or month_value is None or (has_ytd and entry["ytd"] is None)
        shares.append(
            ShareLine(
                str(entry.get("label", "")),
                share_text(month_value),
                share_text(entry["ytd"]) if has_ytd else None,
            )
        )
    share_notes = [
        QCoreApplication.translate(
            "StatsTablesView", "Shares are shown as percentages; the file keeps them as fractions."
        )
    ]
    if any_null:
        share_notes.append(
            QCoreApplication.translate(
                "StatsTablesView", "—: nothing to divide by this month (the denominator is 0)."
            )
        )
    station = document.get("station") or {}
    period = str(document.get("period", ""))
    summary = QCoreApplication.translate(
        "StatsTablesView",
        "Station {0} · year to date from {1} · counts below {2} are hidden ({3} in "
        "sensitive tables)",
    ).format(station.get("code", ""), document.get("ytd_from", ""), k_standard, k_sensitive)
    notes = tuple(str(v) for v in (document.get("notes") or {}).values())
    return TablesContent(
        heading=QCoreApplication.translate("StatsTablesView", "Statistics for {0}").format(period),
        summary=summary,
        blocks=tuple(blocks),
        shares=tuple(shares),
        share_footnotes=tuple(share_notes),
        notes=notes,
    )


def _city_text(cell: CityCell) -> str:
    return cell.text()


def from_city(month: CityMonth) -> TablesContent:
    """The city tables of one month: exact sums, ranges "a–b" ("≥a" when open), "*"."""
    blocks: list[TableBlock] = []
    for table in month.tables:
        cells = {key: _city_text(cell) for key, cell in table.month.items()}
        ytd = (
            {key: _city_text(cell) for key, cell in table.ytd.items()}
            if table.ytd is not None
            else None
        )
        shown = list(cells.values()) + (list(ytd.values()) if ytd is not None else [])
        footnotes: list[str] = []
        if SUPPRESSED in shown:
            footnotes.append(
                QCoreApplication.translate(
                    "StatsTablesView",
                    "*: not published (hidden by a station or again at city level).",
                )
            )
        if any("–" in text or text.startswith("≥") for text in shown):
            footnotes.append(
                QCoreApplication.translate(
                    "StatsTablesView",
                    "a–b: some stations hid this figure; the city figure lies between a and "
                    "b. ≥a: at least a.",
                )
            )
        if ytd is None:
            footnotes.append(
                QCoreApplication.translate(
                    "StatsTablesView", "This table has no year-to-date figures (month-end state)."
                )
            )
        sensitive = table.sensitivity == "sensitive"
        note = (
            QCoreApplication.translate(
                "StatsTablesView", "Sensitive table · {0} stations · counts below {1} hidden"
            )
            if sensitive
            else QCoreApplication.translate(
                "StatsTablesView", "{0} stations · counts below {1} hidden"
            )
        ).format(len(table.stations), table.k)
        blocks.append(
            TableBlock(
                id=table.id,
                title=table.title,
                note=note,
                rows=_labels(list(table.rows)),
                cols=_labels(list(table.cols)),
                month=cells,
                ytd=ytd,
                footnotes=tuple(footnotes),
            )
        )
    shares = tuple(
        ShareLine(
            share.label,
            SUPPRESSED if share.month is None else share_text(share.month),
            SUPPRESSED if share.ytd is None else share_text(share.ytd),
        )
        for share in month.shares
    )
    return TablesContent(
        heading=QCoreApplication.translate("StatsTablesView", "City tables for {0}").format(
            month.period
        ),
        summary=QCoreApplication.translate("StatsTablesView", "{0} stations delivered: {1}").format(
            len(month.stations), "、".join(month.stations)
        ),
        blocks=tuple(blocks),
        shares=shares,
        share_footnotes=(
            QCoreApplication.translate(
                "StatsTablesView",
                "Shares are recomputed only where the city numerator and denominator are both "
                "exact; otherwise *.",
            ),
        ),
    )


# -- the widget --------------------------------------------------------------------------
class GridTable(QTableWidget):
    """One table's grid: a label column, then the figures; sized to its content."""

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("QTableView::item { padding: 2px 10px; }")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cells: dict[tuple[str, str, str], QTableWidgetItem] = {}

    def fill(
        self,
        rows: Sequence[tuple[str, str]],
        columns: Sequence[tuple[str, str, str, str]],  # (scope, col code, header, tint)
        values: Mapping[str, Mapping[Cell, str]],
    ) -> None:
        self.setRowCount(len(rows))
        self.setColumnCount(1 + len(columns))
        self.setHorizontalHeaderLabels(["", *(header for _, _, header, _ in columns)])
        bold = QFont(self.font())
        bold.setBold(True)
        for r, (row_code, row_label) in enumerate(rows):
            caption = QTableWidgetItem(row_label)
            if row_code == TOTAL:
                caption.setFont(bold)
            self.setItem(r, 0, caption)
            for c, (scope, col_code, header, tint) in enumerate(columns, start=1):
                text = values[scope].get((row_code, col_code), "")
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if TOTAL in (row_code, col_code):
                    item.setFont(bold)
                if tint:
                    item.setBackground(QBrush(QColor(tint)))
                if text == SUPPRESSED:
                    item.setForeground(QBrush(QColor(theme.MUTED)))
                    item.setToolTip(
                        QCoreApplication.translate(
                            "StatsTablesView", "Not published (see the note under the table)"
                        )
                    )
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"{row_label} {header.replace(chr(10), ' ')} {text}",
                )
                self.setItem(r, c, item)
                self.cells[(scope, row_code, col_code)] = item
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        self.fit_height()

    def content_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.columnCount())) + 2 * self.frameWidth()

    def fit_height(self) -> None:
        """No vertical scrolling: the page scrolls; room for a horizontal bar when the
        table is wider than the space it got."""
        header = self.horizontalHeader().sizeHint().height()
        height = header + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        if self.width() > 0 and self.content_width() > self.width():
            height += self.horizontalScrollBar().sizeHint().height()
        if height + 2 != self.height() or self.minimumHeight() != height + 2:
            self.setFixedHeight(height + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()


class TableBlockWidget(QWidget):
    """A table's title, its note, its grid(s) and footnotes."""

    def __init__(self, block: TableBlock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.block = block
        self.setObjectName(f"block_{block.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = label(block.title, "heading")
        layout.addWidget(self.title)
        if block.note:
            layout.addWidget(label(block.note, "muted"))
        self.grids: list[GridTable] = []
        month_title, ytd_title = (
            QCoreApplication.translate("StatsTablesView", "This month"),
            QCoreApplication.translate("StatsTablesView", "Year to date"),
        )
        side_by_side = block.ytd is None or len(block.cols) <= SIDE_BY_SIDE_MAX_COLUMNS
        values: dict[str, Mapping[Cell, str]] = {MONTH: block.month, YTD: block.ytd or {}}
        if side_by_side:
            columns = [(MONTH, code, f"{month_title}\n{text}", "") for code, text in block.cols]
            if block.ytd is not None:
                columns += [
                    (YTD, code, f"{ytd_title}\n{text}", _YTD_TINT) for code, text in block.cols
                ]
            self._add_grid(layout, block, columns, values, block.title)
        else:
            for scope, scope_title, tint in ((MONTH, month_title, ""), (YTD, ytd_title, _YTD_TINT)):
                layout.addWidget(label(scope_title, wrap=False))
                columns = [(scope, code, text, tint) for code, text in block.cols]
                self._add_grid(layout, block, columns, values, f"{block.title} {scope_title}")
        for note in block.footnotes:
            footnote = label(note, "muted")
            footnote.setObjectName("footnote")
            layout.addWidget(footnote)

    def _add_grid(
        self,
        layout: QVBoxLayout,
        block: TableBlock,
        columns: Sequence[tuple[str, str, str, str]],
        values: Mapping[str, Mapping[Cell, str]],
        accessible: str,
    ) -> None:
        grid = GridTable(accessible)
        grid.fill(block.rows, columns, values)
        self.grids.append(grid)
        layout.addWidget(grid)

    def cell_text(self, row: str, col: str, scope: str = MONTH) -> str:
        """The text shown for a cell (for tests and the screen reader check)."""
        for grid in self.grids:
            item = grid.cells.get((scope, row, col))
            if item is not None:
                return item.text()
        raise KeyError((scope, row, col))


class StatsTablesView(QWidget):
    """A scrollable column of table blocks, the shares and the notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsTablesView")
        self.content: TablesContent | None = None
        self.blocks: dict[str, TableBlockWidget] = {}
        self.share_grid: GridTable | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._inner = QWidget()
        self._column = QVBoxLayout(self._inner)
        self._column.setContentsMargins(0, 0, 12, 0)
        self._column.setSpacing(SPACING + 6)
        self.area = scrolled(self._inner)
        outer.addWidget(self.area)
        self.empty_label = label("", "muted")
        self._column.addWidget(self.empty_label)
        self._column.addStretch(1)
        self._parts: list[QWidget] = []

    def set_empty(self, text: str) -> None:
        self._clear()
        self.content = None
        self.empty_label.setText(text)
        self.empty_label.show()

    def _clear(self) -> None:
        for part in self._parts:
            self._column.removeWidget(part)
            part.hide()
            part.deleteLater()
        self._parts = []
        self.blocks = {}
        self.share_grid = None

    def _add(self, widget: QWidget) -> None:
        self._column.insertWidget(self._column.count() - 1, widget)
        self._parts.append(widget)

    def set_content(self, content: TablesContent) -> None:
        self._clear()
        self.content = content
        self.empty_label.hide()
        self.heading = label(content.heading, "title")
        self._add(self.heading)
        if content.summary:
            self._add(label(content.summary, "muted", selectable=True))
        for block in content.blocks:
            widget = TableBlockWidget(block)
            self.blocks[block.id] = widget
            self._add(widget)
        if content.shares:
            box = QWidget()
            box.setObjectName("sharesBlock")
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(4)
            layout.addWidget(
                label(QCoreApplication.translate("StatsTablesView", "Shares"), "heading")
            )
            grid = GridTable(QCoreApplication.translate("StatsTablesView", "Shares"))
            rows = tuple((str(i), line.label) for i, line in enumerate(content.shares))
            month = {(str(i), "v"): line.month for i, line in enumerate(content.shares)}
            ytd = {(str(i), "v"): line.ytd or "" for i, line in enumerate(content.shares)}
            columns = [
                (MONTH, "v", QCoreApplication.translate("StatsTablesView", "This month"), "")
            ]
            if any(line.ytd is not None for line in content.shares):
                columns.append(
                    (
                        YTD,
                        "v",
                        QCoreApplication.translate("StatsTablesView", "Year to date"),
                        _YTD_TINT,
                    )
                )
            grid.fill(rows, columns, {MONTH: month, YTD: ytd})
            self.share_grid = grid
            layout.addWidget(grid)
            for note in content.share_footnotes:
                layout.addWidget(label(note, "muted"))
            self._add(box)
        if content.notes:
            notes = QFrame()
            notes.setObjectName("notesBlock")
            layout = QVBoxLayout(notes)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(4)
            layout.addWidget(
                label(
                    QCoreApplication.translate("StatsTablesView", "Notes sent with the figures"),
                    "heading",
                )
            )
            for text in content.notes:
                line = label(text, "muted", selectable=True)
                line.setTextFormat(Qt.TextFormat.PlainText)
                layout.addWidget(line)
            self._add(notes)

    def footnotes(self) -> list[str]:
        return [w.text() for w in self._inner.findChildren(QLabel, "footnote")]

    def cell_text(self, table_id: str, row: str, col: str, scope: str = MONTH) -> str:
        return self.blocks[table_id].cell_text(row, col, scope)
