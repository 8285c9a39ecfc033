"""One scale as a form to answer: the instructions, then each item with its options as
radio buttons. Built from a :class:`~station.scales.definition.ScaleDefinition` and
nothing else: it shows no record, name or code from the vault.

Two layouts:

- all items on one scrolling page (the counsellor typing in a paper form, or the client
  who prefers to see the whole form);
- one item at a time, with 上一题 / 下一题 and a progress indicator (the kiosk default).

``large`` gives the big type and big hit targets of the client's kiosk.

Keyboard: Tab and Shift+Tab move between items (only the chosen option, or the first,
of an item is in the tab chain, like a radio group on the web); the arrow keys or the
number keys 1…n choose within an item; Delete clears an item. On one page a number key
also moves on to the next item, so a paper form is typed in as a row of digits. With one
item at a time, Enter or Page Down goes to the next item and Page Up to the previous one.

API (other pages reuse it, keep it stable): :meth:`ScaleForm.answers`,
:meth:`ScaleForm.set_answers`, :meth:`ScaleForm.answered_count`, the ``changed`` signal,
:meth:`ScaleForm.show_item_error` / :meth:`ScaleForm.clear_errors` for a message at an
item, and for one item at a time :meth:`ScaleForm.go_to`, :meth:`ScaleForm.go_next`,
:meth:`ScaleForm.go_previous` with ``page_changed`` and ``advanced_past_end`` (下一题 on
the last item: the host moves on, e.g. to the next scale).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.scales.definition import Item, OptionSet, ScaleDefinition
from station.ui import theme
from station.ui.forms import SPACING, FieldError, button, label, scrolled

LARGE_ITEM_PT = 21
LARGE_OPTION_PT = 18
LARGE_INSTRUCTIONS_PT = 17
TINT = "#e7f0f0"  # a pale tint of the accent: the chosen option

_DIGITS = {
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
    Qt.Key.Key_5: 5,
    Qt.Key.Key_6: 6,
    Qt.Key.Key_7: 7,
    Qt.Key.Key_8: 8,
    Qt.Key.Key_9: 9,
}


def _style(large: bool) -> str:
    pad = "14px 18px" if large else "5px 10px"
    indicator = 26 if large else 16
    radius = 10 if large else 5
    option_pt = f"font-size: {LARGE_OPTION_PT}pt;" if large else ""
    return f"""
QFrame#scaleItem {{ background: white; border: 1px solid {theme.BORDER}; border-radius: 8px; }}
QFrame#scaleItem[answered="false"] {{ border-left: 4px solid {theme.BORDER}; }}
QFrame#scaleItem[answered="true"] {{ border-left: 4px solid {theme.ACCENT}; }}
QFrame#scaleItem QRadioButton {{
    padding: {pad}; border: 1px solid {theme.BORDER}; border-radius: {radius}px;
    background: white; spacing: 10px; {option_pt}
}}
QFrame#scaleItem QRadioButton:checked {{ background: {TINT}; border: 2px solid {theme.ACCENT}; }}
QFrame#scaleItem QRadioButton:focus {{ border: 2px solid {theme.ACCENT_DARK}; }}
QFrame#scaleItem QRadioButton::indicator {{ width: {indicator}px; height: {indicator}px; }}
"""


def _set_point_size(widget: QWidget, points: int, bold: bool = False) -> None:
    font = widget.font()
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)


def option_columns(count: int, one_per_page: bool, large: bool) -> int:
    """Options side by side in this many columns: one under the other for one item at a
    time, two for the client's whole page, a row (up to five) for the counsellor's."""
    if one_per_page:
        return 1
    if large:
        return 2
    return count if count <= 5 else 3


class ItemBox(QFrame):
    """One item: its number and text, its options as radio buttons, an error line."""

    changed = Signal()
    chosen_by_digit = Signal()  # a number key chose an option (the form may move on)

    def __init__(
        self,
        index: int,
        count: int,
        item: Item,
        options: OptionSet,
        *,
        large: bool,
        columns: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.index = index
        self.item = item
        self.option_set = options
        self.setObjectName("scaleItem")
        self.setProperty("answered", False)
        self.setAccessibleName(
            self.tr("Item {0} of {1}: {2}").format(index + 1, count, item.text_zh)
        )
        layout = QVBoxLayout(self)
        margin = 24 if large else 12
        layout.setContentsMargins(margin, margin - 4, margin, margin - 4)
        layout.setSpacing(16 if large else 8)
        self.text_label = label(f"{index + 1}. {item.text_zh}")
        self.text_label.setObjectName("itemText")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        if large:
            _set_point_size(self.text_label, LARGE_ITEM_PT, bold=True)
        else:
            font = self.text_label.font()
            font.setBold(True)
            self.text_label.setFont(font)
        layout.addWidget(self.text_label)

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QRadioButton] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(12 if large else 8)
        grid.setVerticalSpacing(12 if large else 8)
        for position, option in enumerate(options.options):
            radio = QRadioButton(option.label_zh)
            radio.setObjectName(f"option{position + 1}")
            radio.setAccessibleName(option.label_zh)
            radio.setAccessibleDescription(self.tr("Item {0}: {1}").format(index + 1, item.text_zh))
            radio.setCursor(Qt.CursorShape.PointingHandCursor)
            if large:
                radio.setMinimumHeight(64)
            radio.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
            radio.installEventFilter(self)
            self.group.addButton(radio, position)
            self.buttons.append(radio)
            grid.addWidget(radio, position // columns, position % columns)
        for column in range(columns):  # big targets fill the width; a short row keeps left
            grid.setColumnStretch(column, 1 if large else 0)
        if not large:
            grid.setColumnStretch(columns, 1)
        layout.addLayout(grid)
        self.error = FieldError()
        self.error.setObjectName("itemError")
        if large:
            _set_point_size(self.error, LARGE_OPTION_PT - 2)
        layout.addWidget(self.error)
        self.group.buttonToggled.connect(self._toggled)
        self._sync_focus_chain()

    # -- value ------------------------------------------------------------------------
    def value(self) -> int | None:
        position = self.group.checkedId()
        return None if position < 0 else self.option_set.options[position].value

    def set_value(self, value: int | None) -> None:
        """Choose the option with this value (None, or a value it does not offer, clears)."""
        positions = [i for i, o in enumerate(self.option_set.options) if o.value == value]
        if positions:
            self.buttons[positions[0]].setChecked(True)
        else:
            self.clear()

    def clear(self) -> None:
        checked = self.group.checkedButton()
        if checked is None:
            return
        self.group.setExclusive(False)
        checked.setChecked(False)
        self.group.setExclusive(True)

    def choose_position(self, position: int) -> None:
        """Choose the option at ``position`` (0-based) and give it the focus."""
        if 0 <= position < len(self.buttons):
            self.buttons[position].setChecked(True)
            self.buttons[position].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- focus ----------------------------------------------------------------------------
    def focus_target(self) -> QRadioButton:
        """The option the keyboard lands on: the chosen one, else the first."""
        checked = self.group.checkedButton()
        return checked if isinstance(checked, QRadioButton) else self.buttons[0]

    def take_focus(self) -> None:
        self.focus_target().setFocus(Qt.FocusReason.TabFocusReason)

    def _sync_focus_chain(self) -> None:
        target = self.focus_target()
        for radio in self.buttons:
            radio.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if radio is target else Qt.FocusPolicy.ClickFocus
            )

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if not checked and self.group.checkedButton() is not None:
            return  # the other half of a change from one option to another
        self._sync_focus_chain()
        self.error.clear_message()
        answered = self.group.checkedButton() is not None
        if self.property("answered") != answered:
            self.setProperty("answered", answered)
            self.style().unpolish(self)
            self.style().polish(self)
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched not in self.buttons:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = Qt.Key(event.key())
        current = self.buttons.index(watched)
        arrows = (Qt.Key.Key_Up, Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Right)
        if key in arrows and self.group.checkedButton() is None:
            self.choose_position(current)  # the first arrow chooses the option in focus
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.choose_position(max(0, current - 1))
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.choose_position(min(len(self.buttons) - 1, current + 1))
            return True
        if key in _DIGITS:
            position = _DIGITS[key] - 1
            if position < len(self.buttons):
                self.choose_position(position)
                self.chosen_by_digit.emit()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
            self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False


class ScaleForm(QWidget):
    """A scale to answer; see the module's docstring for the layouts and the keys."""

    changed = Signal()
    page_changed = Signal(int)  # one item at a time: the index now shown
    advanced_past_end = Signal()  # one item at a time: 下一题 on the last item

    def __init__(
        self,
        definition: ScaleDefinition,
        *,
        one_per_page: bool = False,
        large: bool = False,
        show_instructions: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.definition = definition
        self.one_per_page = one_per_page
        self.large = large
        self._end_text = self.tr("Next")
        self.setObjectName("scaleForm")
        self.setStyleSheet(_style(large))
        self.setAccessibleName(definition.name_zh)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(SPACING + (8 if large else 0))

        self.instructions = label(definition.instructions_zh)
        self.instructions.setObjectName("instructions")
        self.instructions.setTextFormat(Qt.TextFormat.PlainText)
        if large:
            _set_point_size(self.instructions, LARGE_INSTRUCTIONS_PT)
        self.instructions.setVisible(show_instructions and bool(definition.instructions_zh))
        outer.addWidget(self.instructions)
        self.keys_hint = label(self._keys_hint(), "muted")
        self.keys_hint.setObjectName("keysHint")
        if large:
            _set_point_size(self.keys_hint, LARGE_OPTION_PT - 4)
        outer.addWidget(self.keys_hint)

        count = len(definition.items)
        self.items: list[ItemBox] = []
        for index, item in enumerate(definition.items):
            options = definition.option_set(item)
            box = ItemBox(
                index,
                count,
                item,
                options,
                large=large,
                columns=option_columns(len(options.options), one_per_page, large),
            )
            box.changed.connect(self._item_changed)
            box.chosen_by_digit.connect(lambda i=index: self._digit_chosen(i))
            self.items.append(box)

        self.scroll_area: QScrollArea | None = None
        self.pages: QStackedWidget | None = None
        self.previous_button: QPushButton | None = None
        self.next_button: QPushButton | None = None
        self.progress: QProgressBar | None = None
        self.position_label: QLabel | None = None
        if one_per_page:
            outer.addWidget(self._paged(), 1)
        else:
            body = QWidget()
            body.setObjectName("scaleBody")
            column = QVBoxLayout(body)
            column.setContentsMargins(0, 0, 8, 0)
            column.setSpacing(SPACING)
            for box in self.items:
                column.addWidget(box)
            column.addStretch(1)
            self.scroll_area = scrolled(body)
            self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.scroll_area.setStyleSheet(
                "QScrollArea, QWidget#scaleBody { background: transparent; }"
            )
            outer.addWidget(self.scroll_area, 1)

    def _keys_hint(self) -> str:
        if self.large:
            return self.tr("Click the answer that fits you best. The arrow keys also work.")
        if self.one_per_page:
            return self.tr(
                "Arrow keys or number keys choose an answer; Enter goes to the next item."
            )
        return self.tr(
            "Tab moves to the next item; arrow keys or number keys choose an answer "
            "(a number key also moves on); Delete clears an item."
        )

    def _paged(self) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING + (8 if self.large else 0))
        top = QHBoxLayout()
        self.position_label = label("", wrap=False)
        self.position_label.setObjectName("positionLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, len(self.items))
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(12 if self.large else 8)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setStyleSheet(
            f"QProgressBar {{ border: none; background: {theme.BORDER}; border-radius: 4px; }}"
            f"QProgressBar::chunk {{ background: {theme.ACCENT}; border-radius: 4px; }}"
        )
        if self.large:
            _set_point_size(self.position_label, LARGE_OPTION_PT - 2)
        top.addWidget(self.position_label)
        top.addSpacing(SPACING)
        top.addWidget(self.progress, 1)
        column.addLayout(top)
        self.pages = QStackedWidget()
        self.pages.setObjectName("itemPages")
        for box in self.items:
            self.pages.addWidget(box)
        column.addWidget(self.pages)
        column.addStretch(1)
        self.previous_button = button(self.tr("Previous"), name="previousItem")
        self.next_button = button(self.tr("Next"), primary=True, name="nextItem")
        self.next_button.setDefault(False)
        self.next_button.setAutoDefault(False)
        for nav in (self.previous_button, self.next_button):
            if self.large:
                _set_point_size(nav, LARGE_OPTION_PT)
                nav.setMinimumSize(200, 64)
        self.previous_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        nav_row = QHBoxLayout()
        nav_row.setSpacing(SPACING)
        nav_row.addWidget(self.previous_button)
        nav_row.addStretch(1)
        nav_row.addWidget(self.next_button)
        column.addLayout(nav_row)
        self._show_page(0)
        return holder

    # -- answers ----------------------------------------------------------------------------
    def answers(self) -> list[int | None]:
        """One value per item in form order (the option's value as printed), None if
        unanswered."""
        return [box.value() for box in self.items]

    def set_answers(self, answers: Sequence[int | None]) -> None:
        """Fill the form (extra values are ignored, missing ones leave items unanswered)."""
        for i, box in enumerate(self.items):
            box.set_value(answers[i] if i < len(answers) else None)

    def answered_count(self) -> int:
        return sum(1 for box in self.items if box.value() is not None)

    @property
    def item_count(self) -> int:
        return len(self.items)

    def unanswered(self) -> list[int]:
        """The 0-based indexes of the items without an answer."""
        return [box.index for box in self.items if box.value() is None]

    def focus_start(self) -> None:
        """The focus on the first unanswered item (the first item when all are answered)."""
        missing = self.unanswered()
        self.reveal(missing[0] if missing else 0)

    # -- messages at an item ------------------------------------------------------------------
    def show_item_error(self, item_id: str, text: str) -> bool:
        """Show ``text`` under the item with this id and bring it into view; False when
        the form has no such item."""
        for box in self.items:
            if box.item.id == item_id:
                box.error.show_message(text)
                self.reveal(box.index)
                return True
        return False

    def clear_errors(self) -> None:
        for box in self.items:
            box.error.clear_message()

    def reveal(self, index: int) -> None:
        """Show item ``index`` (its page, or scroll to it) with the focus on it."""
        if not 0 <= index < len(self.items):
            return
        if self.one_per_page:
            self.go_to(index)
        elif self.scroll_area is not None:
            self.scroll_area.ensureWidgetVisible(self.items[index], 0, 24)
        self.items[index].take_focus()

    # -- one item at a time ----------------------------------------------------------------
    @property
    def current_index(self) -> int:
        return self.pages.currentIndex() if self.pages is not None else 0

    def set_end_text(self, text: str) -> None:
        """What 下一题 says on the last item (e.g. 完成 or 下一份)."""
        self._end_text = text
        self._update_nav()

    def go_to(self, index: int) -> None:
        if self.pages is None or not 0 <= index < len(self.items):
            return
        self._show_page(index)
        self.items[index].take_focus()

    def go_next(self) -> None:
        if self.pages is None:
            return
        if self.current_index >= len(self.items) - 1:
            self.advanced_past_end.emit()
            return
        self.go_to(self.current_index + 1)

    def go_previous(self) -> None:
        if self.pages is not None and self.current_index > 0:
            self.go_to(self.current_index - 1)

    def _show_page(self, index: int) -> None:
        assert self.pages is not None
        self.pages.setCurrentIndex(index)
        self._update_nav()
        self.page_changed.emit(index)

    def _update_nav(self) -> None:
        if self.pages is None:
            return
        index, count = self.current_index, len(self.items)
        assert self.position_label is not None and self.progress is not None
        assert self.previous_button is not None and self.next_button is not None
        self.position_label.setText(self.tr("Item {0} of {1}").format(index + 1, count))
        self.progress.setValue(index + 1)
        self.progress.setAccessibleDescription(self.position_label.text())
        self.previous_button.setEnabled(index > 0)
        last = index >= count - 1
        self.next_button.setText(self._end_text if last else self.tr("Next"))
        self.next_button.setAccessibleName(self.next_button.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.pages is not None and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown):
                event.accept()
                self.go_next()
                return
            if key == Qt.Key.Key_PageUp:
                event.accept()
                self.go_previous()
                return
        super().keyPressEvent(event)

    # -- signals ------------------------------------------------------------------------------
    def _item_changed(self) -> None:
        self.changed.emit()

    def _digit_chosen(self, index: int) -> None:
        if not self.one_per_page and index + 1 < len(self.items):
            self.reveal(index + 1)
