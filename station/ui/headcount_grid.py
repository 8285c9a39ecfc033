"""Small pieces the group-work and lecture screens share.

- :class:`HeadcountGrid`: an anonymous headcount by gender (rows 男 / 女) and rank level
  (columns 一般干部 / 中层干部 / 领导干部), with row, column and grand totals; spin boxes
  to enter it, or plain figures (``read_only``) to show totals;
- :class:`MonthPicker`: one calendar month, with previous / next / this month;
  :func:`add_month_bar` puts one in a layout with a busy indicator beside it;
- :class:`RecordTable`: a read-only list table whose rows carry a record id; Enter or a
  double click opens the row (``opened``);
- :class:`GuardedFormDialog`: a :class:`~station.ui.forms.FormDialog` that asks before
  the user closes it with changes unsaved (Cancel, Esc, the window's close button). A
  programmatic ``reject()`` (locking the window) closes it without asking.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from station.models.vocab import LABELS, Gender, RankLevel
from station.services.groups import MAX_CELL_COUNT, HeadcountCell
from station.ui import messages
from station.ui.forms import SPACING, BusyIndicator, FormDialog, button

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def date_edit(day: date | None = None) -> QDateEdit:
    """A date input in the app's format (2026-09-01) with a calendar."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setLocale(CHINESE)
    edit.setDate(qdate(day or date.today()))
    return edit


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def picked_date(edit: QDateEdit) -> date:
    return to_date(edit.date())


# -- the headcount grid --------------------------------------------------------------------
class HeadcountGrid(QWidget):
    """Gender × rank-level counts with totals. ``changed(total)`` fires on every edit."""

    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("headcountGrid")
        self._read_only = read_only
        self._values: dict[tuple[Gender, RankLevel], int] = {
            (g, r): 0 for g in Gender for r in RankLevel
        }
        self._spins: dict[tuple[Gender, RankLevel], QSpinBox] = {}
        self._figures: dict[tuple[Gender, RankLevel], QLabel] = {}
        self._row_totals: dict[Gender, QLabel] = {}
        self._column_totals: dict[RankLevel, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        total_text = self.tr("Total")
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for c, rank in enumerate(RankLevel, start=1):
            grid.addWidget(self._caption(LABELS[RankLevel][rank.value]), 0, c, right)
        grid.addWidget(self._caption(total_text), 0, len(RankLevel) + 1, right)
        for r, gender in enumerate(Gender, start=1):
            gender_text = LABELS[Gender][gender.value]
            grid.addWidget(self._caption(gender_text), r, 0)
            for c, rank in enumerate(RankLevel, start=1):
                name = f"{gender_text} · {LABELS[RankLevel][rank.value]}"
                if read_only:
                    figure = self._figure("0", name)
                    self._figures[(gender, rank)] = figure
                    grid.addWidget(figure, r, c, right)
                else:
                    spin = QSpinBox()
                    spin.setRange(0, MAX_CELL_COUNT)
                    spin.setAlignment(right)
                    spin.setAccessibleName(name)
                    spin.setObjectName(f"count_{gender.value}_{rank.value}")
                    spin.setMinimumWidth(90)
                    spin.valueChanged.connect(
                        lambda value, key=(gender, rank): self._edited(key, value)
                    )
                    self._spins[(gender, rank)] = spin
                    grid.addWidget(spin, r, c)
            row_total = self._figure("0", f"{gender_text} · {total_text}")
            self._row_totals[gender] = row_total
            grid.addWidget(row_total, r, len(RankLevel) + 1, right)
        last = len(Gender) + 1
        grid.addWidget(self._caption(total_text), last, 0)
        for c, rank in enumerate(RankLevel, start=1):
            figure = self._figure("0", f"{LABELS[RankLevel][rank.value]} · {total_text}")
            self._column_totals[rank] = figure
            grid.addWidget(figure, last, c, right)
        self.grand_total = self._figure("0", total_text)
        self.grand_total.setObjectName("grandTotal")
        self.grand_total.setStyleSheet("font-weight: bold;")
        grid.addWidget(self.grand_total, last, len(RankLevel) + 1, right)
        grid.setColumnStretch(len(RankLevel) + 2, 1)
        if not read_only:
            spins = self.inputs()
            for first, second in itertools.pairwise(spins):
                QWidget.setTabOrder(first, second)

    @staticmethod
    def _caption(text: str) -> QLabel:
        widget = QLabel(text)
        widget.setProperty("role", "muted")
        return widget

    @staticmethod
    def _figure(text: str, name: str) -> QLabel:
        widget = QLabel(text)
        widget.setAccessibleName(name)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return widget

    # -- values -----------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self._read_only

    def inputs(self) -> list[QSpinBox]:
        """The spin boxes row by row (empty when read-only), for tab orders."""
        return [self._spins[(g, r)] for g in Gender for r in RankLevel if (g, r) in self._spins]

    def spin(self, gender: Gender, rank: RankLevel) -> QSpinBox:
        return self._spins[(gender, rank)]

    def value(self, gender: Gender, rank: RankLevel) -> int:
        return self._values[(gender, rank)]

    def cells(self) -> tuple[HeadcountCell, ...]:
        """Every non-zero cell, in a fixed order (what the services take)."""
        return tuple(HeadcountCell(g, r, n) for (g, r), n in self._values.items() if n)

    def total(self) -> int:
        return sum(self._values.values())

    def set_cells(self, cells: Iterable[HeadcountCell]) -> None:
        """Show ``cells``; every other cell becomes 0."""
        values = {key: 0 for key in self._values}
        for cell in cells:
            values[(cell.gender, cell.rank_level)] += cell.count
        for key, count in values.items():
            self._values[key] = count
            if key in self._spins:
                spin = self._spins[key]
                spin.blockSignals(True)
                spin.setValue(count)
                spin.blockSignals(False)
            else:
                self._figures[key].setText(str(count))
        self._update_totals()
        self.changed.emit(self.total())

    def set_editable(self, editable: bool) -> None:
        """Spin boxes that can or cannot be changed (a record the user may only read)."""
        for spin in self._spins.values():
            spin.setReadOnly(not editable)
            spin.setButtonSymbols(
                QAbstractSpinBox.ButtonSymbols.UpDownArrows
                if editable
                else QAbstractSpinBox.ButtonSymbols.NoButtons
            )

    def _edited(self, key: tuple[Gender, RankLevel], value: int) -> None:
        self._values[key] = value
        self._update_totals()
        self.changed.emit(self.total())

    def _update_totals(self) -> None:
        for gender, shown in self._row_totals.items():
            shown.setText(str(sum(self._values[(gender, r)] for r in RankLevel)))
        for rank, shown in self._column_totals.items():
            shown.setText(str(sum(self._values[(g, rank)] for g in Gender)))
        self.grand_total.setText(str(self.total()))


# -- the month picker ----------------------------------------------------------------------
class MonthPicker(QWidget):
    """One calendar month; ``month_changed(first_day)`` fires when it changes."""

    month_changed = Signal(object)

    def __init__(self, month: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._month = first_of_month(month or date.today())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.caption = QLabel(self.tr("Month"))
        self.previous_button = button("‹", accessible=self.tr("Previous month"))
        self.previous_button.setToolTip(self.tr("Previous month"))
        self.edit = QDateEdit()
        self.edit.setDisplayFormat("yyyy-MM")
        self.edit.setLocale(CHINESE)
        self.edit.setCalendarPopup(False)
        self.edit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)  # ‹ › beside it
        self.edit.setAccessibleName(self.tr("Month"))
        self.edit.setMinimumWidth(110)
        self.edit.setDate(qdate(self._month))
        self.caption.setBuddy(self.edit)
        self.next_button = button("›", accessible=self.tr("Next month"))
        self.next_button.setToolTip(self.tr("Next month"))
        self.this_button = button(self.tr("This month"))
        for small in (self.previous_button, self.next_button):
            small.setFixedWidth(44)
        row.addWidget(self.caption)
        row.addWidget(self.previous_button)
        row.addWidget(self.edit)
        row.addWidget(self.next_button)
        row.addWidget(self.this_button)
        row.addStretch(1)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.this_button.clicked.connect(lambda: self.set_month(date.today()))
        self.edit.dateChanged.connect(lambda day: self.set_month(to_date(day)))

    def month(self) -> date:
        """The first day of the month shown."""
        return self._month

    def set_month(self, day: date, *, notify: bool = True) -> None:
        """Show the month of ``day``; ``month_changed`` fires unless ``notify`` is False."""
        month = first_of_month(day)
        if month == self._month:
            return
        self._month = month
        self.edit.blockSignals(True)
        self.edit.setDate(qdate(month))
        self.edit.blockSignals(False)
        if notify:
            self.month_changed.emit(month)

    def step(self, months: int) -> None:
        index = self._month.year * 12 + self._month.month - 1 + months
        self.set_month(date(index // 12, index % 12 + 1, 1))


def add_month_bar(
    layout: QBoxLayout, refresh: Callable[[], object]
) -> tuple[MonthPicker, BusyIndicator]:
    """A month picker with a busy indicator beside it, added to ``layout``; ``refresh()``
    runs whenever the month changes."""
    picker = MonthPicker()
    picker.month_changed.connect(lambda _month: refresh())
    busy = BusyIndicator()
    top = QHBoxLayout()
    top.setSpacing(SPACING)
    top.addWidget(picker)
    top.addWidget(busy, 1)
    layout.addLayout(top)
    return picker, busy


def month_text(month: date) -> str:
    return f"{month.year} 年 {month.month} 月"


# -- the record table ----------------------------------------------------------------------
class RecordTable(QTableWidget):
    """Rows of records, each holding its id; Enter or a double click emits ``opened(id)``."""

    opened = Signal(int)

    def __init__(
        self, headers: Sequence[str], accessible: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setAccessibleName(accessible)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.setStyleSheet("QTableView::item { padding: 2px 10px; }")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(lambda _index: self._open_current())

    def set_rows(
        self, rows: Sequence[tuple[int, Sequence[str]]], select_id: int | None = None
    ) -> None:
        """Replace the rows; ``select_id`` (or else the first row) is selected."""
        self.setRowCount(len(rows))
        chosen = 0 if rows else -1
        for r, (record_id, values) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, record_id)
                item.setToolTip(value)
                self.setItem(r, c, item)
            if record_id == select_id:
                chosen = r
        if chosen >= 0:
            self.selectRow(chosen)
        else:
            self.clearSelection()

    def stretch(self, column: int) -> None:
        """Let ``column`` take the free width (long text such as a title)."""
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def align_right(self, column: int) -> None:
        for r in range(self.rowCount()):
            item = self.item(r, column)
            if item is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return None if item is None else int(item.data(ID_ROLE))

    def select_id(self, record_id: int) -> bool:
        for r in range(self.rowCount()):
            item = self.item(r, 0)
            if item is not None and item.data(ID_ROLE) == record_id:
                self.selectRow(r)
                return True
        return False

    def _open_current(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.opened.emit(record_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self._open_current()
            return
        super().keyPressEvent(event)


# -- dialogs that guard what was typed ------------------------------------------------------
class GuardedFormDialog(FormDialog):
    """A form dialog that asks before closing with unsaved changes.

    Subclasses return what the user can change from :meth:`state` and call
    :meth:`mark_clean` once the form is filled. Ctrl+Enter saves like OK."""

    def __init__(
        self,
        title: str,
        ok_text: str,
        cancel_text: str,
        parent: QWidget | None = None,
        *,
        ok_name: str = "ok",
        min_width: int = 440,
    ) -> None:
        super().__init__(title, ok_text, cancel_text, parent, ok_name=ok_name, min_width=min_width)
        self._clean_state: Any = None
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.close_guarded)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)

    def showEvent(self, event: QShowEvent) -> None:
        """Never taller than the screen (150 % scaling on a laptop): the form scrolls."""
        super().showEvent(event)
        screen = self.screen()
        if screen is not None:
            room = int(screen.availableGeometry().height() * 0.92)
            if self.height() > room:
                self.resize(self.width(), max(room, self.minimumSizeHint().height()))

    def state(self) -> Any:
        """What the user typed, comparable with ``==``."""
        raise NotImplementedError

    def mark_clean(self) -> None:
        self._clean_state = self.state()

    def has_changes(self) -> bool:
        return not self.ok_button.isHidden() and self.state() != self._clean_state

    def may_close(self) -> bool:
        """True when nothing is unsaved or the user agrees to drop it."""
        if self.busy.running:
            return False
        if not self.has_changes():
            return True
        return messages.ask(
            self,
            self.tr("Discard changes?"),
            self.tr("What you entered has not been saved. Close without saving?"),
        )

    def save_record(
        self,
        record_id: int | None,
        texts: tuple[str, str],
        add: Callable[[], int],
        update: Callable[[int], object],
        saved: Callable[[int], None],
    ) -> None:
        """Add a new record (``record_id`` is None) or update this one in the background;
        ``saved`` gets the record's id. ``texts``: what the form says while adding, saving."""
        adding, saving = texts
        if record_id is None:
            self.run(adding, add, saved)
            return
        known = record_id

        def work() -> int:
            update(known)
            return known

        self.run(saving, work, saved)

    def close_guarded(self) -> None:
        if self.may_close():
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close_guarded()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and not self.may_close():
            event.ignore()
            return
        super().closeEvent(event)
