"""Small shared form helpers: errors shown at their field, busy state, page spacing.

A service raises :class:`~station.errors.StationError` with ``field`` naming the
input it is about; :class:`FormFields` shows ``exc.zh`` in a red label under that
input and moves the focus there, without touching what the user typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError

MARGIN = 24
SPACING = 12


def spaced(layout: QLayout, margin: int = MARGIN) -> QLayout:
    """The app's calm spacing: generous margins, 12 px between items."""
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(SPACING)
    if isinstance(layout, QFormLayout):
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(SPACING)
    return layout


def label(text: str, role: str | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


def button(text: str, *, primary: bool = False, accessible: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(accessible or text.rstrip("…."))
    if primary:
        widget.setProperty("primary", True)
        widget.setDefault(True)
    else:
        widget.setAutoDefault(False)
    return widget


def set_status(widget: QLabel, text: str, role: str) -> None:
    """Change a label's text and style role (error / muted / ok) at run time."""
    widget.setText(text)
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.setVisible(bool(text))


class FieldError(QLabel):
    """A red message under one input; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class FormFields:
    """Field name -> (input, its error label), plus one label for form-wide errors."""

    def __init__(self, general: FieldError | None = None) -> None:
        self.general = general or FieldError()
        self._fields: dict[str, tuple[QWidget, FieldError]] = {}

    def add(self, name: str, widget: QWidget, error: FieldError) -> None:
        self._fields[name] = (widget, error)

    def row(
        self, form: QFormLayout, name: str, text: str, widget: QWidget, hint: str = ""
    ) -> FieldError:
        """Add ``text`` (a buddy label) and ``widget`` with its error label to ``form``."""
        caption = QLabel(text)
        caption.setBuddy(widget)
        widget.setAccessibleName(text)
        if hint:
            widget.setAccessibleDescription(hint)
        error = FieldError()
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(widget)
        if hint:
            box.addWidget(label(hint, "muted"))
        box.addWidget(error)
        form.addRow(caption, holder)
        self.add(name, widget, error)
        return error

    def error_label(self, name: str) -> FieldError:
        return self._fields[name][1]

    def widget(self, name: str) -> QWidget:
        return self._fields[name][0]

    def show_at(self, name: str | None, text: str) -> None:
        """Show ``text`` under field ``name`` (or form-wide) and focus that field."""
        if name is not None and name in self._fields:
            widget, error = self._fields[name]
            error.show_message(text)
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        else:
            self.general.show_message(text)

    def show_error(self, exc: StationError) -> None:
        self.show_at(exc.field, exc.zh)

    def clear(self) -> None:
        self.general.clear_message()
        for _, error in self._fields.values():
            error.clear_message()

    def messages(self) -> dict[str, str]:
        """The messages now shown, by field ("" for form-wide): for tests and logs."""
        shown = {name: err.text() for name, (_, err) in self._fields.items() if err.text()}
        if self.general.text():
            shown[""] = self.general.text()
        return shown


def busy_bar() -> QProgressBar:
    """An indeterminate bar shown while a task runs."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.setAccessibleName(QCoreApplication.translate("forms", "Working"))
    bar.hide()
    return bar


class Busy:
    """Disable a set of controls and show a busy bar while one task runs."""

    def __init__(self, bar: QProgressBar, controls: Iterable[QWidget]) -> None:
        self.bar = bar
        self.controls = list(controls)
        self._saved: list[bool] = []
        self.active = False

    def start(self) -> None:
        if self.active:
            return
        self.active = True
        self._saved = [w.isEnabled() for w in self.controls]
        for w in self.controls:
            w.setEnabled(False)
        self.bar.show()

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        for w, enabled in zip(self.controls, self._saved, strict=True):
            w.setEnabled(enabled)
        self.bar.hide()


def grouped(text: str, size: int = 4, sep: str = " ") -> str:
    """``"a1b2c3d4e5"`` -> ``"a1b2 c3d4 e5"``: long identifiers are read aloud in groups."""
    clean = "".join(text.split())
    return sep.join(clean[i : i + size] for i in range(0, len(clean), size))
