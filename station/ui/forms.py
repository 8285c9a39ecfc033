"""The form pieces every screen shares, in one version each.

- layout: :data:`MARGIN`, :data:`SPACING`, :func:`spaced`, :func:`form_layout`,
  :func:`button_row`, :func:`scrolled`, :func:`group`, :func:`fact_box`;
- widgets: :func:`label`, :func:`button`, :func:`line_edit`, :func:`password_edit`,
  :func:`choice_combo`, :func:`status_label`, :func:`set_status`, :func:`grouped`;
- input and errors: :class:`Field` (caption, input, hint, error line), :class:`FieldError`
  and :class:`FormFields`. A service raises :class:`~station.errors.StationError` with
  ``field`` naming the input it is about; ``FormFields.show_error`` shows ``exc.zh`` under
  that input and moves the focus there, without touching what the user typed;
- background work: :class:`BusyIndicator` runs one task at a time with its controls
  disabled, and drops the outcome if the widget went away meanwhile (:func:`is_alive`);
- :class:`Countdown`, the wait after repeated wrong passwords;
- :class:`FormDialog` (a form, Cancel and OK) and :func:`open_dialog`.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.ui import theme
from station.ui.tasks import run_task

MARGIN = 24
SPACING = 12
PASSWORD_MAX_LENGTH = 256

LayoutT = TypeVar("LayoutT", bound=QLayout)
WidgetT = TypeVar("WidgetT", bound=QWidget)
DialogT = TypeVar("DialogT", bound=QDialog)
ResultT = TypeVar("ResultT")
EnumT = TypeVar("EnumT", bound=Enum)


def is_alive(obj: QObject) -> bool:
    """False once the C++ object is gone (e.g. a page deleted by locking)."""
    return shiboken6.isValid(obj)


# -- layout -------------------------------------------------------------------------------
def spaced(layout: LayoutT, margin: int = MARGIN) -> LayoutT:
    """The app's calm spacing: generous margins, 12 px between items."""
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(SPACING)
    if isinstance(layout, QFormLayout):
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(SPACING)
    return layout


def form_layout() -> QFormLayout:
    """Captions on the left, inputs (with their hint and error lines) growing on the right."""
    form = QFormLayout()
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def button_row(*widgets: QWidget, stretch_after: int | None = None) -> QHBoxLayout:
    """Widgets side by side; the free space goes after the first ``stretch_after`` of them
    (0: the row is right-aligned), or after all of them when it is None."""
    row = QHBoxLayout()
    row.setSpacing(SPACING)
    split = len(widgets) if stretch_after is None else stretch_after
    for i, widget in enumerate(widgets):
        if i == split:
            row.addStretch(1)
        row.addWidget(widget)
    if split >= len(widgets):
        row.addStretch(1)
    return row


def scrolled(inner: QWidget) -> QScrollArea:
    """``inner`` in a frameless scroll area, so nothing is cut off on small screens."""
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def group(title: str, text: str = "") -> tuple[QGroupBox, QVBoxLayout]:
    """A titled box, with a short explanation first when ``text`` is given."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setSpacing(SPACING)
    if text:
        layout.addWidget(label(text))
    return box, layout


def fact_box(title: str, rows: Iterable[tuple[str, str]]) -> QGroupBox:
    """A titled box of caption / value rows; the values can be selected and copied."""
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setHorizontalSpacing(24)
    form.setVerticalSpacing(8)
    for caption, value in rows:
        form.addRow(caption, label(value, selectable=True))
    return box


def white_frame(name: str) -> QFrame:
    """A white panel with a rounded border; the style is scoped to the object ``name``."""
    frame = QFrame()
    frame.setObjectName(name)
    frame.setStyleSheet(
        f"QFrame#{name} {{ background: white; border: 1px solid {theme.BORDER}; "
        "border-radius: 6px; }"
    )
    return frame


def fact_card(
    rows: Iterable[tuple[str, str]], name: str = "facts", *, plain: bool = False
) -> QFrame:
    """Caption / value rows on a white card; long values wrap, and can be selected and
    copied (``plain``: shown as plain text, never as markup)."""
    card = white_frame(name)
    form = QFormLayout(card)
    form.setContentsMargins(16, 12, 16, 12)
    form.setHorizontalSpacing(24)
    form.setVerticalSpacing(8)
    for caption, value in rows:
        shown = label(value, selectable=True)
        if plain:
            shown.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(label(caption, "muted", wrap=False), shown)
    return card


# -- widgets ------------------------------------------------------------------------------
def label(
    text: str, role: str | None = None, *, wrap: bool = True, selectable: bool = False
) -> QLabel:
    """A label with a style role (title / heading / muted / error)."""
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    if selectable:
        widget.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return widget


def button(
    text: str, *, primary: bool = False, name: str = "", accessible: str | None = None
) -> QPushButton:
    """A push button; the primary one is the default (Enter) of its dialog."""
    widget = QPushButton(text)
    if name:
        widget.setObjectName(name)
    widget.setAccessibleName(accessible or text.rstrip("…."))
    if primary:
        widget.setProperty("primary", True)
        widget.setDefault(True)
    else:
        widget.setAutoDefault(False)
    return widget


def line_edit(max_length: int, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(max_length)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PASSWORD_MAX_LENGTH)
    return edit


def choice_combo(labels: Mapping[EnumT, str], current: EnumT | None = None) -> QComboBox:
    """A combo box of enum members, shown by their label, holding ``member.value``."""
    combo = QComboBox()
    for member, text in labels.items():
        combo.addItem(text, member.value)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current.value))
    return combo


def status_label() -> QLabel:
    """A line beside an action saying how it went; hidden until :func:`set_status`."""
    widget = label("", "muted")
    widget.hide()
    return widget


def set_status(widget: QLabel, text: str, role: str) -> None:
    """Change a label's text and style role (error / muted / "") at run time."""
    widget.setText(text)
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.setVisible(bool(text))


def grouped(text: str, size: int = 4, sep: str = " ") -> str:
    """``"a1b2c3d4e5"`` -> ``"a1b2 c3d4 e5"``: long identifiers are read aloud in groups."""
    clean = "".join(text.split())
    return sep.join(clean[i : i + size] for i in range(0, len(clean), size))


# -- fields and their errors --------------------------------------------------------------
class FieldError(QLabel):
    """A red message under one input (or a form); hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        self.setAccessibleDescription(text)

    def clear_message(self) -> None:
        self.show_message("")


class Field(Generic[WidgetT]):
    """A caption (the input's buddy), the input, an optional hint, and an error line."""

    def __init__(self, caption: str, edit: WidgetT, name: str, hint: str = "") -> None:
        self.name = name
        self.edit = edit
        edit.setObjectName(name)
        edit.setAccessibleName(caption)
        if hint:
            edit.setAccessibleDescription(hint)
        self.caption = QLabel(caption)
        self.caption.setBuddy(edit)
        self.hint = label(hint, "muted") if hint else None
        self.error = FieldError()
        self.error.setObjectName(name + "Error")

    def add_to(self, layout: QVBoxLayout | QFormLayout) -> None:
        """Caption above the input in a column, or beside it in a form."""
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        if isinstance(layout, QVBoxLayout):
            column.addWidget(self.caption)
        column.addWidget(self.edit)
        if self.hint is not None:
            column.addWidget(self.hint)
        column.addWidget(self.error)
        if isinstance(layout, QVBoxLayout):
            layout.addLayout(column)
        else:
            holder = QWidget()
            holder.setLayout(column)
            layout.addRow(self.caption, holder)

    def show_error(self, text: str) -> None:
        self.error.show_message(text)

    def clear_error(self) -> None:
        self.error.clear_message()

    def focus(self, select: bool = True) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if select and isinstance(self.edit, QLineEdit):
            self.edit.selectAll()


class FormFields:
    """A form's fields by name. A message about no field of the form goes under the
    ``fallback`` field when there is one, else to ``general`` (a line the form places)."""

    def __init__(self, *fields: Field[Any], fallback: Field[Any] | None = None) -> None:
        self.general = FieldError()
        self.fallback = fallback
        self._fields: dict[str, Field[Any]] = {}
        self.add(*fields)

    def add(self, *fields: Field[Any]) -> None:
        for field in fields:
            self._fields[field.name] = field

    def row(
        self, form: QFormLayout, name: str, text: str, widget: QWidget, hint: str = ""
    ) -> FieldError:
        """Add ``text`` (a buddy label) and ``widget`` with its hint and error to ``form``."""
        field = Field(text, widget, name, hint)
        field.add_to(form)
        self.add(field)
        return field.error

    def __getitem__(self, name: str) -> Field[Any]:
        return self._fields[name]

    def error_label(self, name: str) -> FieldError:
        return self._fields[name].error

    def widget(self, name: str) -> QWidget:
        widget: QWidget = self._fields[name].edit
        return widget

    def inputs(self) -> list[QWidget]:
        return [field.edit for field in self._fields.values()]

    def show_at(self, name: str | None, text: str) -> None:
        """Show ``text`` under field ``name`` (or form-wide) and focus that field."""
        target = self._fields.get(name or "", self.fallback)
        if target is None:
            self.general.show_message(text)
            return
        target.show_error(text)
        target.focus()

    def show_error(self, exc: StationError) -> None:
        self.show_at(exc.field, exc.zh)

    def check_repeated(self, first: str, repeat: str, message: str) -> bool:
        """True when input ``repeat`` holds what ``first`` does (a password typed twice);
        else ``message`` is shown at ``repeat``."""
        typed, again = self.widget(first), self.widget(repeat)
        assert isinstance(typed, QLineEdit) and isinstance(again, QLineEdit)
        if typed.text() == again.text():
            return True
        self.show_at(repeat, message)
        return False

    def clear(self) -> None:
        self.general.clear_message()
        for field in self._fields.values():
            field.clear_error()

    def messages(self) -> dict[str, str]:
        """The messages now shown, by field ("" for form-wide): for tests and logs."""
        shown = {name: f.error.text() for name, f in self._fields.items() if f.error.text()}
        if self.general.text():
            shown[""] = self.general.text()
        return shown


# -- background work ----------------------------------------------------------------------
class BusyIndicator(QWidget):
    """An indeterminate bar and a short sentence while one task runs. The ``controls``
    are disabled meanwhile and get their own state back afterwards."""

    def __init__(self, controls: Iterable[QWidget] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busy")
        self.controls: list[QWidget] = list(controls)
        self._saved: list[bool] = []
        self._running = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self._bar = QProgressBar()
        self._bar.setRange(0, 0)
        self._bar.setTextVisible(False)
        self._bar.setFixedHeight(6)
        self._bar.setMaximumWidth(120)
        self._bar.setAccessibleName(self.tr("Working"))
        self._text = label("", "muted", wrap=False)
        layout.addWidget(self._bar)
        layout.addWidget(self._text, 1)
        self.hide()

    @property
    def running(self) -> bool:
        return self._running

    def start(self, text: str = "") -> None:
        if self._running:
            return
        self._running = True
        self._saved = [w.isEnabled() for w in self.controls]
        for w in self.controls:
            w.setEnabled(False)
        self._text.setText(text)
        self.show()

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        for w, enabled in zip(self.controls, self._saved, strict=True):
            if is_alive(w):
                w.setEnabled(enabled)
        self.hide()

    def run(
        self,
        text: str,
        work: Callable[[], ResultT],
        done: Callable[[ResultT], None],
        failed: Callable[[StationError], None],
        *,
        os_failed: Callable[[OSError], None] | None = None,
        orphaned: Callable[[ResultT], None] | None = None,
    ) -> None:
        """Run ``work`` off the UI thread while busy; ``done`` or ``failed`` get the outcome.

        Nothing is delivered once this widget is gone (its page was deleted): a result
        then goes to ``orphaned`` (e.g. to log a new session out). A ``StationError``
        (and an ``OSError`` when ``os_failed`` is given) is the user's to see; anything
        else is a bug and is raised again."""
        if self._running:
            return

        def finished(result: ResultT) -> None:
            if not is_alive(self):
                if orphaned is not None:
                    orphaned(result)
                return
            self.stop()
            done(result)

        def error(exc: BaseException) -> None:
            alive = is_alive(self)
            if alive:
                self.stop()
            if isinstance(exc, StationError):
                if alive:
                    failed(exc)
            elif isinstance(exc, OSError) and os_failed is not None:
                if alive:
                    os_failed(exc)
            else:
                raise exc

        self.start(text)
        run_task(lambda _handle: work(), finished, error)


class Countdown(QObject):
    """The wait after repeated wrong passwords: ``button`` stays off and the seconds left
    show under the password ``field``, after the error that caused the wait.

    It ends at a deadline on the monotonic clock, never early, so the service accepts
    the next attempt when the button comes back."""

    def __init__(
        self,
        field: Field[QLineEdit],
        button: QPushButton,
        busy: BusyIndicator,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._field = field
        self._button = button
        self._busy = busy
        self._error = ""
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._deadline = 0.0
        self.remaining = 0

    @property
    def active(self) -> bool:
        return self.remaining > 0

    def show_error(self, text: str) -> None:
        """Show ``text`` under the field; the countdown, if any, follows it."""
        self._error = text
        self._field.show_error(text)

    def clear(self) -> None:
        self._error = ""
        self._field.clear_error()

    def start(self, seconds: int) -> None:
        """Turn the button off for ``seconds`` (nothing happens for 0)."""
        seconds = int(seconds)
        if seconds <= 0:
            return
        self._button.setEnabled(False)
        self._deadline = time.monotonic() + seconds
        self.remaining = seconds
        self._schedule()
        self._show()

    def stop(self) -> None:
        self._timer.stop()
        self.remaining = 0

    def _schedule(self) -> None:
        left = self._deadline - time.monotonic()
        # wake at the next whole second before the deadline (or at the deadline)
        self._timer.start(max(1, int((left - (self.remaining - 1)) * 1000) + 1))

    def _tick(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            self.stop()
            self._field.show_error(self._error)
            self._button.setEnabled(not self._busy.running)
            return
        self.remaining = max(1, math.ceil(left))
        self._show()
        self._schedule()

    def _show(self) -> None:
        wait = self.tr("Too many wrong passwords. Try again in {0} s.").format(self.remaining)
        self._field.show_error(f"{self._error}\n{wait}" if self._error else wait)


# -- dialogs ------------------------------------------------------------------------------
class FormDialog(QDialog):
    """A dialog around one form: ``content`` (filled by the subclass), a line for
    form-wide errors, a busy indicator, and Cancel / OK at the bottom right.

    OK calls :meth:`submit`, which clears the old messages and calls :meth:`send`. While
    the service call runs (:meth:`run`), nothing can be edited and the dialog does not
    close; errors appear at the field they name."""

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
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        layout = spaced(QVBoxLayout(self))
        self.content = QVBoxLayout()
        self.content.setSpacing(SPACING)
        layout.addLayout(self.content)
        self.fields = FormFields()
        layout.addWidget(self.fields.general)
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)
        layout.addStretch(1)
        self.cancel_button = button(cancel_text, name="cancel")
        self.ok_button = button(ok_text, primary=True, name=ok_name)
        layout.addLayout(button_row(self.cancel_button, self.ok_button, stretch_after=0))
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.submit)

    def submit(self) -> None:
        if self.busy.running:
            return
        self.fields.clear()
        self.send()

    def send(self) -> None:
        """Check what was typed and :meth:`run` the service call; subclasses say how."""
        raise NotImplementedError

    def tab_order(self, widgets: Sequence[QWidget]) -> None:
        """Tab through ``widgets``, then OK, then Cancel; the first one has the focus."""
        chain = [*widgets, self.ok_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        chain[0].setFocus()

    def run(
        self,
        text: str,
        work: Callable[[], ResultT],
        done: Callable[[ResultT], None],
        *,
        orphaned: Callable[[ResultT], None] | None = None,
    ) -> None:
        """Run ``work`` in the background with the form disabled; a ``StationError``
        is shown at the field it names."""
        self.busy.controls = [*self.fields.inputs(), self.ok_button, self.cancel_button]
        self.busy.run(text, work, done, self.fields.show_error, orphaned=orphaned)

    def reject(self) -> None:
        if self.busy.running:  # wait for the outcome of the service call
            return
        super().reject()


def open_dialog(dialog: DialogT, finished: Callable[[bool], None]) -> DialogT:
    """Open ``dialog`` window-modal; ``finished(accepted)`` runs when it closes, and the
    dialog is freed afterwards."""

    def end(code: int) -> None:
        dialog.deleteLater()
        finished(code == QDialog.DialogCode.Accepted)

    dialog.finished.connect(end)
    dialog.open()
    return dialog
