"""The client's own screen for filling in scales (本人自填) on the station PC.

A frameless, full-screen window that knows only the scale definitions it was given: no
name, case code, counsellor or station appears, and nothing of the vault is behind it
(the main window hides itself and locks when the kiosk is done). It walks through the
scales in turn, each as a large :class:`~station.ui.scale_form.ScaleForm`, and ends with
a calm thank-you that asks the client to tell the counsellor; it never shows a score
or the crisis steps.

``finished(list[tuple[str, list[int | None]]])`` is emitted exactly once, with
``(scale_id, answers)`` for every scale: on completion, after ``idle_seconds`` without
input (what was answered is handed over, nothing typed is lost), or when the window is
closed some other way (Alt+F4, the host locking). Esc does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.scales.definition import ScaleDefinition
from station.services.assessment_views import Recorded
from station.ui import theme
from station.ui.forms import SPACING, button, label
from station.ui.idle import IdleWatcher
from station.ui.scale_form import LARGE_INSTRUCTIONS_PT, LARGE_OPTION_PT, ScaleForm

IDLE_SECONDS = 180
THANKS_SECONDS = 20  # the thank-you stays this long (or until 好的), then the window closes
COLUMN_WIDTH = 960  # the readable width of the questions on a wide screen
TITLE_PT = 26

Results = list[tuple[str, list[int | None]]]
Saver = Callable[[Results], list[Recorded]]

_STYLE = f"""
QWidget#kiosk {{ background: {theme.SURFACE}; }}
QFrame#kioskColumn {{ background: transparent; }}
QPushButton {{ padding: 12px 28px; border-radius: 8px; }}
"""


@runtime_checkable
class KioskHost(Protocol):
    """The main window: it hides, runs the kiosk and locks when the kiosk is done."""

    def run_kiosk(
        self, definitions: Sequence[ScaleDefinition], one_per_page: bool, save: Saver
    ) -> KioskWindow: ...


def _sized(widget: QWidget, points: int, bold: bool = False) -> None:
    font = widget.font()
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)


def _big_button(text: str, name: str, primary: bool = True) -> QPushButton:
    made = button(text, primary=primary, name=name)
    made.setDefault(False)
    made.setAutoDefault(False)
    _sized(made, LARGE_OPTION_PT)
    made.setMinimumSize(220, 68)
    made.setCursor(Qt.CursorShape.PointingHandCursor)
    return made


class KioskWindow(QWidget):
    """See the module's docstring. ``forms`` holds one ScaleForm per definition."""

    finished = Signal(list)

    def __init__(
        self,
        definitions: Sequence[ScaleDefinition],
        *,
        one_per_page: bool = True,
        idle_seconds: float = IDLE_SECONDS,
        thanks_seconds: float = THANKS_SECONDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert definitions, "the kiosk needs at least one scale"
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("Questionnaire"))
        self.setStyleSheet(_STYLE)
        self.definitions = list(definitions)
        self.one_per_page = one_per_page
        self._done = False
        self._unanswered_seen: set[int] = set()

        self.idle = IdleWatcher(parent=self)
        self.idle.set_interval_ms(int(idle_seconds * 1000))
        self.idle.idle.connect(self.hand_over)
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(int(thanks_seconds * 1000))
        self._thanks_timer.timeout.connect(self.close)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addStretch(1)
        column = QFrame()
        column.setObjectName("kioskColumn")
        column.setMaximumWidth(COLUMN_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(column, 8)
        outer.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.setObjectName("kioskPages")
        column_layout.addWidget(self.pages)
        self.welcome = self._welcome_page()
        self.pages.addWidget(self.welcome)
        self.forms: list[ScaleForm] = []
        self.notes: list[QLabel] = []
        self.back_buttons: list[QPushButton] = []
        self.done_buttons: list[QPushButton] = []
        for index, definition in enumerate(self.definitions):
            self.pages.addWidget(self._scale_page(index, definition))
        self.thanks = self._thanks_page()
        self.pages.addWidget(self.thanks)
        self.pages.setCurrentWidget(self.welcome)

    # -- pages ----------------------------------------------------------------------------
    @staticmethod
    def _message_page(name: str, title_text: str, text: QLabel, action: QPushButton) -> QWidget:
        """A page of a large title, ``text`` and one large button, a little above centre."""
        page = QWidget()
        page.setObjectName(name)
        layout = QVBoxLayout(page)
        layout.setSpacing(SPACING * 2)
        layout.addStretch(2)
        title = label(title_text, wrap=False)
        _sized(title, TITLE_PT, bold=True)
        layout.addWidget(title)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addWidget(action)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)
        return page

    def _welcome_page(self) -> QWidget:
        count = len(self.definitions)
        text = self.tr(
            "Please answer each question as it fits how you have felt recently. "
            "There are no right or wrong answers."
        )
        if count > 1:
            text += "\n" + self.tr("There are {0} short questionnaires, one after another.").format(
                count
            )
        text += "\n" + self.tr("When you are done, please tell the counsellor.")
        intro = label(text)
        intro.setObjectName("welcomeText")
        _sized(intro, LARGE_INSTRUCTIONS_PT)
        self.start_button = _big_button(self.tr("Start"), "startButton")
        self.start_button.clicked.connect(self.start)
        return self._message_page("welcomePage", self.tr("Questionnaire"), intro, self.start_button)

    def _scale_page(self, index: int, definition: ScaleDefinition) -> QWidget:
        page = QWidget()
        page.setObjectName(f"scalePage{index + 1}")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING + 6)
        title = label(definition.name_zh)
        title.setObjectName("scaleTitle")
        _sized(title, TITLE_PT - 4, bold=True)
        layout.addWidget(title)
        if len(self.definitions) > 1:
            part = label(
                self.tr("Questionnaire {0} of {1}").format(index + 1, len(self.definitions)),
                "muted",
                wrap=False,
            )
            _sized(part, LARGE_OPTION_PT - 4)
            layout.addWidget(part)
        form = ScaleForm(definition, one_per_page=self.one_per_page, large=True)
        last = index == len(self.definitions) - 1
        end_text = self.tr("Finish") if last else self.tr("Next questionnaire")
        form.set_end_text(end_text)
        form.advanced_past_end.connect(lambda i=index: self._scale_done(i))
        layout.addWidget(form, 1)
        self.forms.append(form)

        note = label("")
        note.setObjectName("unansweredNote")
        _sized(note, LARGE_OPTION_PT - 2)
        note.hide()
        back = _big_button(self.tr("Back to the first unanswered"), "backToUnanswered", False)
        back.hide()
        back.clicked.connect(lambda _=False, i=index: self._back_to_unanswered(i))
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(back)
        row.addStretch(1)
        done: QPushButton | None = None
        if not self.one_per_page:
            done = _big_button(end_text, "scaleDone")
            done.clicked.connect(lambda _=False, i=index: self._scale_done(i))
            row.addWidget(done)
        layout.addWidget(note)
        layout.addLayout(row)
        self.notes.append(note)
        self.back_buttons.append(back)
        if done is not None:
            self.done_buttons.append(done)
        return page

    def _thanks_page(self) -> QWidget:
        text = label(self.tr("You have finished. Please tell the counsellor that you are done."))
        text.setObjectName("thanksText")
        _sized(text, LARGE_INSTRUCTIONS_PT + 2)
        self.ok_button = _big_button(self.tr("OK"), "thanksOk")
        self.ok_button.clicked.connect(self.close)
        return self._message_page("thanksPage", self.tr("Thank you."), text, self.ok_button)

    # -- state ------------------------------------------------------------------------------
    @property
    def is_finished(self) -> bool:
        return self._done

    def current_form(self) -> ScaleForm | None:
        page = self.pages.currentIndex() - 1
        return self.forms[page] if 0 <= page < len(self.forms) else None

    def results(self) -> Results:
        """``(scale_id, answers)`` for every scale, answered or not."""
        return [(form.definition.id, form.answers()) for form in self.forms]

    # -- flow -------------------------------------------------------------------------------
    def start(self) -> None:
        self._show_scale(0)

    def _show_scale(self, index: int) -> None:
        self.pages.setCurrentIndex(index + 1)
        form = self.forms[index]
        if form.one_per_page:
            form.go_to(0)
        else:
            form.focus_start()

    def _scale_done(self, index: int) -> None:
        form = self.forms[index]
        missing = form.unanswered()
        if missing and index not in self._unanswered_seen:
            self._unanswered_seen.add(index)
            numbers = "、".join(str(i + 1) for i in missing)
            self.notes[index].setText(
                self.tr(
                    "{0} questions are not answered yet (number {1}). You may go back to "
                    "them, or press “{2}” again to go on."
                ).format(len(missing), numbers, self._end_text(index))
            )
            self.notes[index].show()
            self.back_buttons[index].show()
            self.back_buttons[index].setFocus()
            return
        self.notes[index].hide()
        self.back_buttons[index].hide()
        if index + 1 < len(self.forms):
            self._show_scale(index + 1)
        else:
            self.complete()

    def _end_text(self, index: int) -> str:
        if index == len(self.forms) - 1:
            return self.tr("Finish")
        return self.tr("Next questionnaire")

    def _back_to_unanswered(self, index: int) -> None:
        missing = self.forms[index].unanswered()
        self.notes[index].hide()
        self.back_buttons[index].hide()
        if missing:
            self.forms[index].reveal(missing[0])

    def complete(self) -> None:
        """The last scale is done: hand the answers over and thank the client."""
        if self._done:
            return
        self.pages.setCurrentWidget(self.thanks)
        self.ok_button.setFocus()
        self._emit()
        self._thanks_timer.start()

    def hand_over(self) -> None:
        """Idle, or the host is locking: hand over what was answered and close."""
        self._emit()
        self.close()

    def _emit(self) -> None:
        if self._done:
            return
        self._done = True
        self.idle.stop()
        self.finished.emit(self.results())

    # -- events -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._done:
            self.idle.start()
            self.start_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # the client cannot step out to the vault
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing (Alt+F4 included) counts as finishing with what was answered."""
        self._thanks_timer.stop()
        self._emit()
        super().closeEvent(event)
