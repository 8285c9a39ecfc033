"""心理测评: batch screenings (团体测评 / 心理体检).

- The list of screenings: date, title, unit, scales, people, positive, open warnings.
  Counsellors and the custodian start a new one (Ctrl+N) and open one (Enter).
- A screening opens into three tabs:
  1. 名单与录入: the people and their results, and fast entry of paper forms: the code is
     filled in, each scale's answers are typed as a digit string (checked as typed, the
     wrong item named), Enter saves and starts the next person. 本人自填 lets the person
     fill the scales on this PC (the kiosk; the window locks afterwards).
  2. 跟进名单: the warnings, open first: respond, or open a case (then linked).
  3. 报告: aggregates only.
- The station lead sees the list and the reports only: no names, codes or warnings.

Saving a form updates the table from what the services return, so entering 200 forms
does not re-read (and re-audit) the whole list each time.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import Role
from station.models.vocab import LABELS, AssessmentMode, CaseSource, Gender, label
from station.scales.definition import ScaleDefinition, WarningLevel
from station.services import assessments, screenings
from station.services.assessment_views import Recorded
from station.services.context import SignedIn
from station.services.screenings import (
    CODE_MAX,
    NAME_MAX,
    ParticipantResult,
    ParticipantRow,
    ScreeningBrief,
    ScreeningReport,
    ScreeningView,
    next_code,
)
from station.services.views import WarningItem
from station.ui import messages, theme
from station.ui.assessment_dialogs import CrisisPromptDialog, WarningResponseDialog
from station.ui.forms import (
    MARGIN,
    SPACING,
    BusyIndicator,
    Field,
    FieldError,
    FormFields,
    button,
    button_row,
    is_alive,
    line_edit,
    open_dialog,
    scrolled,
    set_status,
    spaced,
    status_label,
)
from station.ui.forms import label as text_label
from station.ui.headcount_grid import RecordTable
from station.ui.kiosk import KioskHost
from station.ui.screening_dialogs import DigitEntry, NewScreeningDialog, ReportPanel, Typed
from station.ui.trend_chart import level_text

_ENTRY_STYLE = f"""
QLineEdit[invalid="true"] {{ border: 2px solid {theme.ERROR}; background: #fbf1f1; }}
QLabel#positiveMark {{ color: {theme.ERROR}; }}
"""


def _shortcut(host: QWidget, keys: str, slot: Callable[[], object]) -> None:
    shortcut = QShortcut(QKeySequence(keys), host)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)


def _number(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"


@dataclass(frozen=True)
class _Saved:
    """The outcome of one form: the person, the scales saved, and the one that failed."""

    participant_id: int
    code: str
    saved: tuple[tuple[str, Recorded], ...]
    failed: tuple[str, StationError] | None


@dataclass(frozen=True)
class _Opened:
    view: ScreeningView
    definitions: tuple[ScaleDefinition, ...]


# -- 名单与录入 ------------------------------------------------------------------------------
class PeoplePanel(QWidget):
    """The people of a screening with their results, and the entry of paper forms."""

    changed = Signal()  # a result or a person was saved

    def __init__(
        self,
        ctx: SignedIn,
        opened: _Opened,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screeningPeople")
        self.setStyleSheet(_ENTRY_STYLE)
        self._ctx = ctx
        self.brief = opened.view.brief
        self.definitions = opened.definitions
        self.rows: list[ParticipantRow] = list(opened.view.participants)
        self.entries: dict[str, DigitEntry] = {d.id: DigitEntry(d, self) for d in self.definitions}
        self.scale_edits: dict[str, QLineEdit] = {}
        self.scale_status: dict[str, QLabel] = {}
        self._indents: list[QHBoxLayout] = []
        self.fields = FormFields()
        self.crisis_prompt: CrisisPromptDialog | None = None  # the last one shown, for tests

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        body.setObjectName("peopleBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, SPACING, 10, 0)  # clear of a scroll bar
        layout.setSpacing(SPACING)
        # scrolls only when the window is too small for the form and a few rows of the
        # table (150 % scaling on a laptop); nothing is ever squeezed over something else
        area = scrolled(body)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setStyleSheet("QScrollArea, QWidget#peopleBody { background: transparent; }")
        outer.addWidget(area)
        self.area = area
        layout.addWidget(self._entry_box())
        count_row = QHBoxLayout()
        self.count_label = text_label("", "muted", wrap=False)
        self.count_label.setObjectName("peopleCount")
        count_row.addWidget(self.count_label)
        count_row.addStretch(1)
        layout.addLayout(count_row)
        headers = [self.tr("Code")]
        if self.brief.by_name:
            headers.append(self.tr("Name"))
        headers += [d.short_name for d in self.definitions]
        headers += [self.tr("Positive"), self.tr("Open warnings")]
        self.table = RecordTable(headers, self.tr("People screened"))
        self.table.setObjectName("participants")
        self.table.setMinimumHeight(self.fontMetrics().height() * 10)
        layout.addWidget(self.table, 1)
        self.show_rows()
        self.reset_entry()

    # -- building ------------------------------------------------------------------------
    def _entry_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Enter a paper form"))
        box.setObjectName("entryBox")
        column = QVBoxLayout(box)
        column.setSpacing(SPACING)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)

        self.code_edit = line_edit(CODE_MAX)
        self.code_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 16 + 24)
        code = Field(self.tr("Code"), self.code_edit, "code")
        self.code_note = text_label("", "muted")
        self.code_note.setObjectName("codeNote")
        self.code_note.hide()
        self.name_edit: QLineEdit | None = None
        self.gender_combo = QComboBox()
        self.gender_combo.addItem(self.tr("Not given"), None)
        for value, text in LABELS[Gender].items():
            self.gender_combo.addItem(text, value)
        gender = Field(self.tr("Gender"), self.gender_combo, "gender")
        heads: list[Field[Any]] = [code]
        if self.brief.by_name:
            self.name_edit = line_edit(NAME_MAX)
            heads.append(Field(self.tr("Name *"), self.name_edit, "name"))
        heads.append(gender)
        for c, field in enumerate(heads):
            grid.addWidget(field.caption, 0, c)
            grid.addWidget(field.edit, 1, c)
            grid.addWidget(field.error, 2, c)
            self.fields.add(field)
        grid.addWidget(self.code_note, 3, 0, 1, len(heads))
        grid.setColumnStretch(len(heads), 1)
        if self.name_edit is not None:
            grid.setColumnMinimumWidth(1, self.fontMetrics().horizontalAdvance("中") * 12)
        column.addLayout(grid)

        scales = QVBoxLayout()
        scales.setSpacing(4)
        captions: list[QLabel] = []
        mono = QFont(self.font())
        mono.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        mono.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 3)
        for definition in self.definitions:
            entry = self.entries[definition.id]
            edit = line_edit(entry.items * 5 + 10)
            edit.setFont(mono)
            room = QFontMetrics(mono).horizontalAdvance("0" * (entry.items + 4)) + 40
            edit.setMinimumWidth(max(room, self.fontMetrics().horizontalAdvance("0") * 24))
            field = Field(
                self.tr("{0} answers").format(definition.short_name),
                edit,
                f"scale_{definition.id}",
                entry.hint(),
            )
            self.fields.add(field)
            status = text_label("", "muted", wrap=False)
            status.setObjectName(f"status_{definition.id}")
            self.scale_edits[definition.id] = edit
            self.scale_status[definition.id] = status
            edit.textChanged.connect(lambda _text, sid=definition.id: self._check(sid))
            # Boxes rather than a form layout: the wrapped hint and error lines get their
            # height when they appear (a form layout keeps the old row height).
            typed = QHBoxLayout()
            typed.setSpacing(SPACING)
            typed.addWidget(field.caption)
            typed.addWidget(edit)
            typed.addWidget(status)
            typed.addStretch(1)
            scales.addLayout(typed)
            for line in (field.hint, field.error):
                if line is None:
                    continue
                indented = QHBoxLayout()
                indented.addWidget(line, 1)
                scales.addLayout(indented)
                self._indents.append(indented)
            captions.append(field.caption)
            scales.addSpacing(6)
        width = max((c.sizeHint().width() for c in captions), default=0)
        for caption in captions:
            caption.setFixedWidth(width)
        for indented in self._indents:  # hints and errors line up under the inputs
            indented.setContentsMargins(width + SPACING, 0, 0, 0)
        column.addLayout(scales)

        self.save_button = button(
            self.tr("Save and next (Enter)"), primary=True, name="saveParticipant"
        )
        self.save_button.setAccessibleName(self.tr("Save and enter the next person"))
        self.self_fill_button = button(self.tr("Self-fill on this PC…"), name="selfFill")
        self.self_fill_button.setToolTip(
            self.tr(
                "The person fills this screening's scales on this PC; the window locks when "
                "they finish."
            )
        )
        self.save_button.clicked.connect(self.save)
        self.self_fill_button.clicked.connect(self.self_fill)
        self.busy = BusyIndicator()
        self.status = status_label()
        self.status.setObjectName("entryStatus")
        column.addLayout(button_row(self.save_button, self.self_fill_button, self.busy))
        column.addWidget(self.status)
        column.addWidget(self.fields.general)
        self.code_edit.textChanged.connect(self._code_changed)

        for first, second in itertools.pairwise(self.inputs()):
            QWidget.setTabOrder(first, second)
        return box

    def inputs(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.code_edit]
        if self.name_edit is not None:
            widgets.append(self.name_edit)
        return [
            *widgets,
            self.gender_combo,
            *self.scale_edits.values(),
            self.save_button,
            self.self_fill_button,
        ]

    def first_input(self) -> QWidget:
        """Where a new form starts: the name, or the first scale (the code is filled in)."""
        if self.name_edit is not None:
            return self.name_edit
        return next(iter(self.scale_edits.values()), self.code_edit)

    # -- the table -----------------------------------------------------------------------
    def by_code(self) -> dict[str, ParticipantRow]:
        return {p.code: p for p in self.rows}

    def _result_text(self, result: ParticipantResult | None) -> str:
        if result is None:
            return ""
        if result.total is None:
            return self.tr("no total")
        return f"{_number(result.total)} · {result.band}" if result.band else _number(result.total)

    def show_rows(self, select_id: int | None = None) -> None:
        table_rows: list[tuple[int, Sequence[str]]] = []
        positive_people = 0
        for p in self.rows:
            cells = [p.code]
            if self.brief.by_name:
                cells.append(p.name)
            cells += [self._result_text(p.results.get(d.id)) for d in self.definitions]
            positive = any(r.positive for r in p.results.values())
            positive_people += positive
            cells.append(self.tr("Positive") if positive else "")
            cells.append(str(p.open_warnings) if p.open_warnings else "")
            table_rows.append((p.id, cells))
        self.table.set_rows(table_rows, select_id)
        last = self.table.columnCount() - 1
        for r in range(self.table.rowCount()):
            item = self.table.item(r, last - 1)
            if item is not None and item.text():
                item.setForeground(Qt.GlobalColor.darkRed)
        if select_id is not None:
            current = self.table.currentItem()
            if current is not None:
                self.table.scrollToItem(current)
        self.count_label.setText(
            self.tr("{0} people entered · {1} positive on at least one scale").format(
                len(self.rows), positive_people
            )
        )

    def warning_answered(self, participant_code: str | None) -> None:
        """A warning of this person got its response: one fewer open."""
        for i, p in enumerate(self.rows):
            if p.code == participant_code and p.open_warnings:
                self.rows[i] = replace(p, open_warnings=p.open_warnings - 1)
                self.show_rows(self.table.selected_id())
                return

    def case_linked(self, participant_id: int, case_id: int) -> None:
        for i, p in enumerate(self.rows):
            if p.id == participant_id:
                self.rows[i] = replace(p, case_id=case_id)

    # -- checking as typed -----------------------------------------------------------------
    def _check(self, scale_id: str) -> Typed:
        entry, edit = self.entries[scale_id], self.scale_edits[scale_id]
        typed = entry.read(edit.text())
        field = self.fields[f"scale_{scale_id}"]
        if typed.problem:
            field.show_error(typed.problem)
        else:
            field.clear_error()
        edit.setProperty("invalid", bool(typed.problem))
        edit.style().unpolish(edit)
        edit.style().polish(edit)
        edit.updateGeometry()  # the border changed: the layout makes room again
        self.scale_status[scale_id].setText(
            f"{typed.positions}/{entry.items}" if not typed.empty else ""
        )
        edit.setAccessibleDescription(typed.problem or entry.status(typed))
        return typed

    def _code_changed(self, text: str) -> None:
        person = self.by_code().get(text.strip())
        if person is None:
            self.code_note.hide()
            return
        done = "、".join(d.short_name for d in self.definitions if d.id in person.results)
        note = self.tr("Code {0} is already entered: the answers typed are added to that person.")
        if done:
            note += " " + self.tr("Already saved: {0}.").format(done)
        self.code_note.setText(note.format(person.code))
        self.code_note.show()

    # -- saving a form ---------------------------------------------------------------------
    def reset_entry(self, keep_status: bool = False) -> None:
        self.code_edit.setText(next_code([p.code for p in self.rows]))
        if self.name_edit is not None:
            self.name_edit.clear()
        self.gender_combo.setCurrentIndex(0)
        for edit in self.scale_edits.values():
            edit.clear()
        self.fields.clear()
        if not keep_status:
            set_status(self.status, "", "muted")

    def _typed(self) -> dict[str, Typed] | None:
        """What was typed per scale; None (with the messages shown) when it cannot be saved."""
        typed = {sid: self._check(sid) for sid in self.scale_edits}
        first: QWidget | None = None
        for sid, entry in self.entries.items():
            problem = entry.problem_on_save(typed[sid])
            if problem:
                self.fields[f"scale_{sid}"].show_error(problem)
                first = first or self.scale_edits[sid]
        if first is not None:
            first.setFocus()
            return None
        return typed

    def save(self) -> None:
        """Enter: add the person (or find them by code), then save each scale typed."""
        if self.busy.running:
            return
        self.fields.clear()
        set_status(self.status, "", "muted")
        typed = self._typed()
        if typed is None:
            return
        filled = [(sid, t.answers) for sid, t in typed.items() if not t.empty]
        code = self.code_edit.text().strip() or next_code([p.code for p in self.rows])
        person = self.by_code().get(code)
        if person is not None:
            for sid, _answers in filled:
                if sid in person.results:
                    short = next(d.short_name for d in self.definitions if d.id == sid)
                    self.fields.show_at(
                        f"scale_{sid}",
                        self.tr("Person {0} already has a {1} result.").format(code, short),
                    )
                    return
            if not filled:
                self.fields.show_at(
                    "code",
                    self.tr(
                        "Code {0} is already taken. Type another code for a new person."
                    ).format(code),
                )
                return
        elif not filled:  # an Enter too many must not register an empty form
            first = next(iter(self.scale_edits))
            self.fields.show_at(
                f"scale_{first}",
                self.tr(
                    "Type the answers of at least one scale, or let the person fill them in "
                    "with “Self-fill on this PC…”."
                ),
            )
            return
        ctx, screening_id = self._ctx, self.brief.id
        name = self.name_edit.text() if self.name_edit is not None else ""
        gender = self.gender_combo.currentData()
        known = person.id if person is not None else None

        def work() -> _Saved:
            pid = known
            if pid is None:
                pid = screenings.add_participant(ctx, screening_id, name, gender, code)
            saved: list[tuple[str, Recorded]] = []
            for scale_id, answers in filled:
                try:
                    saved.append((scale_id, screenings.record_result(ctx, pid, scale_id, answers)))
                except StationError as exc:
                    return _Saved(pid, code, tuple(saved), (scale_id, exc))
            return _Saved(pid, code, tuple(saved), None)

        self.busy.controls = self.inputs()
        self.busy.run(self.tr("Saving…"), work, self._saved, self.fields.show_error)

    def _saved(self, outcome: _Saved) -> None:
        self._apply(outcome)
        self.changed.emit()
        shown = [self._saved_text(sid, rec) for sid, rec in outcome.saved]
        if outcome.failed is not None:
            scale_id, exc = outcome.failed
            for sid, _rec in outcome.saved:
                self.scale_edits[sid].clear()
            self.code_edit.setText(outcome.code)  # Enter again adds the rest to this person
            self.fields.show_at(f"scale_{scale_id}", exc.zh)
            set_status(
                self.status,
                self.tr("Person {0} saved, but not every scale: see the message.").format(
                    outcome.code
                ),
                "error",
            )
            return
        self.reset_entry()
        warnings = sum(len(rec.warnings) for _sid, rec in outcome.saved)
        results = " · ".join(shown)
        text = (
            self.tr("Saved {0}: {1}. {2} warnings went onto the follow-up list.").format(
                outcome.code, results, warnings
            )
            if warnings
            else self.tr("Saved {0}: {1}.").format(outcome.code, results)
        )
        set_status(self.status, text, "muted")
        self.area.verticalScrollBar().setValue(0)  # the next form from its top
        self.first_input().setFocus()
        crisis = [
            w
            for _sid, rec in outcome.saved
            for w in rec.warnings
            if w.level is WarningLevel.CRITICAL
        ]
        if crisis:
            self.crisis_prompt = CrisisPromptDialog(crisis, self, actions=False)
            open_dialog(self.crisis_prompt, lambda _accepted: None)

    def _saved_text(self, scale_id: str, recorded: Recorded) -> str:
        short = next(d.short_name for d in self.definitions if d.id == scale_id)
        result = recorded.result
        if result.total is None:
            return f"{short} {self.tr('no total')}"
        band = f" {result.band.label_zh}" if result.band else ""
        return f"{short} {_number(result.total)}{band}"

    def _apply(self, outcome: _Saved) -> None:
        """Put what was saved into the table, without reading the whole list again."""
        rows = {p.id: p for p in self.rows}
        person = rows.get(outcome.participant_id)
        if person is None:
            name = self.name_edit.text().strip() if self.name_edit is not None else ""
            gender = self.gender_combo.currentData()
            person = ParticipantRow(
                id=outcome.participant_id,
                code=outcome.code,
                name=name,
                gender=Gender(gender) if gender else None,
                case_id=None,
                results={},
                open_warnings=0,
            )
        results = dict(person.results)
        opened = 0
        for sid, rec in outcome.saved:
            band = rec.result.band.label_zh if rec.result.band else None
            results[sid] = ParticipantResult(
                rec.assessment_id, rec.result.total, band, rec.result.positive
            )
            opened += len(rec.warnings)
        rows[person.id] = replace(
            person, results=results, open_warnings=person.open_warnings + opened
        )
        self.rows = sorted(rows.values(), key=lambda p: p.code)
        self.show_rows(outcome.participant_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in an input of the form saves it: line edits and combo boxes pass Enter
        on to here (the table and the buttons use it themselves)."""
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.focusWidget() is not self.self_fill_button
        ):
            event.accept()
            self.save()
            return
        super().keyPressEvent(event)

    # -- 本人自填 ------------------------------------------------------------------------------
    def self_fill(self) -> None:
        """The person fills the scales they have no result for, in the kiosk."""
        if self.busy.running:
            return
        self.fields.clear()
        set_status(self.status, "", "muted")
        if any(edit.text() for edit in self.scale_edits.values()):
            self.fields.show_at(
                "code",
                self.tr("Answers are typed in the form: save them with Enter or clear them first."),
            )
            return
        host = self.window()
        if not isinstance(host, KioskHost):
            set_status(self.status, self.tr("Self-fill is available in the main window."), "error")
            return
        code = self.code_edit.text().strip() or next_code([p.code for p in self.rows])
        person = self.by_code().get(code)
        remaining = [d.id for d in self.definitions if person is None or d.id not in person.results]
        if not remaining:
            self.fields.show_at(
                "code", self.tr("Person {0} already has a result for every scale.").format(code)
            )
            return
        if person is None and self.name_edit is not None and not self.name_edit.text().strip():
            self.fields.show_at("name", self.tr("Type the person's name first."))
            return
        if not messages.ask(
            self,
            self.tr("Self-fill on this PC"),
            self.tr(
                "Person {0} fills {1} on this PC, full screen. When they finish, the window "
                "locks: sign in again to go on.\n\nHand the PC over now?"
            ).format(code, "、".join(d.short_name for d in self.definitions if d.id in remaining)),
        ):
            return
        ctx, screening_id = self._ctx, self.brief.id
        name = self.name_edit.text() if self.name_edit is not None else ""
        gender = self.gender_combo.currentData()
        known = person.id if person is not None else None

        def work() -> tuple[int, list[ScaleDefinition]]:
            pid = known or screenings.add_participant(ctx, screening_id, name, gender, code)
            return pid, [assessments.scale_definition(ctx, sid) for sid in remaining]

        def start(found: tuple[int, list[ScaleDefinition]]) -> None:
            pid, definitions = found
            self._apply(_Saved(pid, code, (), None))
            self.reset_entry()

            def save(items: list[tuple[str, list[int | None]]]) -> list[Recorded]:
                return [
                    screenings.record_result(ctx, pid, sid, answers, AssessmentMode.SELF)
                    for sid, answers in items
                ]

            host.run_kiosk(definitions, True, save)

        self.busy.controls = self.inputs()
        self.busy.run(self.tr("Preparing…"), work, start, self.fields.show_error)


# -- 跟进名单 --------------------------------------------------------------------------------
class FollowUpPanel(QWidget):
    """The screening's warnings, open first: respond to one, or open a case for the person."""

    answered = Signal(object)  # the participant code of a warning that got its response
    linked = Signal(int, int)  # participant id, case id
    open_case = Signal(int)

    def __init__(
        self,
        ctx: SignedIn,
        brief: ScreeningBrief,
        people: Callable[[], dict[str, ParticipantRow]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followUpList")
        self._ctx = ctx
        self.brief = brief
        self._people = people
        self.items: list[WarningItem] = []
        self.dialog: QWidget | None = None  # the dialog last opened, for tests
        self.stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(SPACING)
        self.summary = text_label("", "muted")
        self.summary.setObjectName("followUpSummary")
        layout.addWidget(self.summary)
        self.table = RecordTable(
            [
                self.tr("Person"),
                self.tr("Scale"),
                self.tr("Level"),
                self.tr("Score"),
                self.tr("Reason"),
                self.tr("Response"),
            ],
            self.tr("Follow-up list"),
        )
        self.table.setObjectName("followUps")
        self.table.setWordWrap(True)
        self.table.opened.connect(lambda _id: self.respond())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.respond_button = button(self.tr("Respond…"), primary=True, name="respond")
        self.respond_button.setToolTip(self.tr("Enter"))
        self.case_button = button(self.tr("Open a case…"), name="openCase")
        self.respond_button.clicked.connect(self.respond)
        self.case_button.clicked.connect(self.case_action)
        self.busy = BusyIndicator()
        self.status = status_label()
        self.status.setObjectName("followUpStatus")
        layout.addLayout(button_row(self.respond_button, self.case_button, self.busy, self.status))
        self.case_button.setVisible(ctx.role is Role.COUNSELLOR)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        ctx, screening_id = self._ctx, self.brief.id
        self.stale = False
        self.busy.controls = [self.respond_button, self.case_button]
        self.busy.run(
            self.tr("Loading…"),
            lambda: screenings.follow_up_list(ctx, screening_id),
            lambda items: self._show(items, select_id),
            lambda exc: set_status(self.status, exc.zh, "error"),
        )

    def _person_text(self, item: WarningItem) -> str:
        code = item.participant_code or ""
        if item.subject and item.subject != code:
            return f"{code} · {item.subject}"
        return code

    def _show(self, items: list[WarningItem], select_id: int | None) -> None:
        self.items = items
        rows = []
        for w in items:
            response = label(w.response) if w.response is not None else self.tr("Awaiting response")
            if w.response is not None and w.responded_by:
                response += f"（{w.responded_by}）"
            rows.append(
                (
                    w.id,
                    [
                        self._person_text(w),
                        w.scale_short_name,
                        level_text(w.level),
                        _number(w.score),
                        w.reason,
                        response,
                    ],
                )
            )
        self.table.set_rows(rows, select_id)
        self.table.stretch(4)
        for r, w in enumerate(items):
            if w.open:
                for c in (2, 5):
                    cell = self.table.item(r, c)
                    if cell is not None:
                        font = cell.font()
                        font.setBold(True)
                        cell.setFont(font)
                        if w.level is WarningLevel.CRITICAL:
                            cell.setForeground(Qt.GlobalColor.darkRed)
        self.table.resizeRowsToContents()
        still_open = sum(1 for w in items if w.open)
        self.summary.setText(
            self.tr(
                "{0} warnings, {1} still open. Open ones come first, the most severe at the top."
            ).format(len(items), still_open)
            if items
            else self.tr("No warnings: nobody in this screening reached a warning rule.")
        )
        self._update_buttons()

    def selected(self) -> WarningItem | None:
        chosen = self.table.selected_id()
        return next((w for w in self.items if w.id == chosen), None)

    def _person(self, item: WarningItem | None) -> ParticipantRow | None:
        if item is None or item.participant_code is None:
            return None
        return self._people().get(item.participant_code)

    def _update_buttons(self) -> None:
        item = self.selected()
        self.respond_button.setEnabled(item is not None and item.open)
        person = self._person(item)
        linked = person is not None and person.case_id is not None
        self.case_button.setText(self.tr("Show case") if linked else self.tr("Open a case…"))
        self.case_button.setAccessibleName(
            self.tr("Show the linked case") if linked else self.tr("Open a case for this person")
        )
        self.case_button.setEnabled(person is not None)

    def respond(self) -> None:
        item = self.selected()
        if item is None or not item.open:
            return
        dialog = WarningResponseDialog(self._ctx, item, self)
        self.dialog = dialog

        def finished(accepted: bool) -> None:
            if not is_alive(self) or not accepted:
                return
            set_status(self.status, self.tr("Response recorded."), "muted")
            self.answered.emit(item.participant_code)
            self.refresh(item.id)

        open_dialog(dialog, finished)

    def case_action(self) -> None:
        item = self.selected()
        person = self._person(item)
        if person is None:
            return
        if person.case_id is not None:
            self.open_case.emit(person.case_id)
            return
        from station.ui.new_case_dialog import NewCaseDialog

        dialog = NewCaseDialog(self._ctx, self)
        source = dialog.source.edit
        source.setCurrentIndex(source.findData(CaseSource.SCREENING.value))
        if person.name:
            dialog.name.edit.setText(person.name)
        if person.gender is not None:
            gender = dialog.gender.edit
            gender.setCurrentIndex(gender.findData(person.gender.value))
        self.dialog = dialog
        participant_id, selected = person.id, item.id if item else None

        def finished(_accepted: bool) -> None:
            if is_alive(self) and dialog.case_id is not None:
                self._link(participant_id, dialog.case_id, selected)

        open_dialog(dialog, finished)

    def _link(self, participant_id: int, case_id: int, select_id: int | None) -> None:
        ctx = self._ctx

        def done(_none: None) -> None:
            self.linked.emit(participant_id, case_id)
            set_status(
                self.status,
                self.tr("The case was opened and linked to this person's screening results."),
                "muted",
            )
            self.refresh(select_id)

        self.busy.run(
            self.tr("Linking…"),
            lambda: screenings.link_case(ctx, participant_id, case_id),
            done,
            lambda exc: set_status(self.status, exc.zh, "error"),
        )


# -- 报告 ------------------------------------------------------------------------------------
class ReportTab(QWidget):
    """The report, read when shown (and again after new results)."""

    def __init__(self, ctx: SignedIn, screening_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._screening_id = screening_id
        self.stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.busy = BusyIndicator()
        self.error = FieldError()
        self.panel = ReportPanel()
        inner = QWidget()
        inner.setObjectName("reportBody")
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 10, 0)
        column.addWidget(self.busy)
        column.addWidget(self.error)
        column.addWidget(self.panel, 1)
        area = scrolled(inner)
        area.setStyleSheet("QScrollArea, QWidget#reportBody { background: transparent; }")
        layout.addWidget(area)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        ctx, screening_id = self._ctx, self._screening_id
        self.stale = False
        self.error.clear_message()
        self.busy.run(
            self.tr("Counting…"),
            lambda: screenings.screening_report(ctx, screening_id),
            self._show,
            lambda exc: self.error.show_message(exc.zh),
        )

    def _show(self, report: ScreeningReport) -> None:
        self.panel.show_report(report)


# -- one screening -----------------------------------------------------------------------------
class ScreeningDetail(QWidget):
    """A screening: header and its tabs (the station lead: the report only)."""

    back = Signal()
    open_case = Signal(int)

    def __init__(
        self,
        ctx: SignedIn,
        brief: ScreeningBrief,
        opened: _Opened | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screeningDetail")
        self.brief = brief
        layout = spaced(QVBoxLayout(self), 0)
        layout.setContentsMargins(0, SPACING, 0, 0)
        self.back_button = button(self.tr("‹ All screenings"), name="backToScreenings")
        self.back_button.setAccessibleName(self.tr("Back to all screenings"))
        self.back_button.setToolTip("Alt+Left")
        self.back_button.clicked.connect(self.back)
        self.title_label = text_label(brief.title, "heading")
        self.title_label.setObjectName("screeningTitle")
        head = QHBoxLayout()
        head.setSpacing(SPACING + 4)
        head.addWidget(self.back_button)
        head.addWidget(self.title_label, 1)
        layout.addLayout(head)
        facts = [brief.held_on.isoformat()]
        if brief.unit:
            facts.append(brief.unit)
        facts.append("、".join(brief.scale_names))
        facts.append(self.tr("by name") if brief.by_name else self.tr("by code"))
        if brief.counsellor:
            facts.append(self.tr("responsible: {0}").format(brief.counsellor))
        self.facts_label = text_label(" · ".join(facts), "muted")
        self.facts_label.setObjectName("screeningFacts")
        layout.addWidget(self.facts_label)
        self.report = ReportTab(ctx, brief.id)
        self.people: PeoplePanel | None = None
        self.follow_up: FollowUpPanel | None = None
        self.tabs: QTabWidget | None = None
        if opened is None:  # the station lead
            layout.addWidget(self.report, 1)
        else:
            people = PeoplePanel(ctx, opened)
            follow_up = FollowUpPanel(ctx, brief, people.by_code)
            people.changed.connect(self._results_changed)
            follow_up.answered.connect(people.warning_answered)
            follow_up.answered.connect(lambda _code: self._results_changed())
            follow_up.linked.connect(people.case_linked)
            follow_up.open_case.connect(self.open_case)
            self.people, self.follow_up = people, follow_up
            tabs = QTabWidget()
            tabs.setObjectName("screeningTabs")
            tabs.setDocumentMode(True)
            tabs.addTab(people, self.tr("People and entry"))
            tabs.addTab(follow_up, self.tr("Follow-up list"))
            tabs.addTab(self.report, self.tr("Report"))
            self.tabs = tabs
            layout.addWidget(tabs, 1)
        _shortcut(self, "Alt+Left", self.back.emit)

    def _results_changed(self) -> None:
        self.report.stale = True
        if self.follow_up is not None:
            self.follow_up.stale = True

    def focus_start(self) -> None:
        if self.people is not None:
            self.people.first_input().setFocus()
        else:
            self.back_button.setFocus()


# -- the page -----------------------------------------------------------------------------------
class ScreeningsPage(QWidget):
    """心理测评. ``open_case(case_id)`` when the user asks to see a linked case."""

    open_case = Signal(int)

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loaded = False
        self.briefs: list[ScreeningBrief] = []
        self.detail: ScreeningDetail | None = None
        self.dialog: NewScreeningDialog | None = None  # the dialog last opened, for tests
        self.sees_people = ctx.sees_person_records
        self.setObjectName("screeningsPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 8, MARGIN, MARGIN + 8, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(text_label(self.tr("Assessments"), "title", wrap=False))
        self.stack = QStackedWidget()
        self.list_view = self._build_list()
        self.stack.addWidget(self.list_view)
        layout.addWidget(self.stack, 1)

    def _build_list(self) -> QWidget:
        view = QWidget()
        layout = spaced(QVBoxLayout(view), 0)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            text_label(
                self.tr(
                    "Screening days (团体测评): many cadres fill the same scales, by code or by "
                    "name. Those who reach a warning rule go onto the follow-up list of the "
                    "responsible counsellor."
                )
                if self.sees_people
                else self.tr(
                    "Your role sees each screening's report in figures only, never who took "
                    "part or their results."
                ),
                "muted",
            )
        )
        self.table = RecordTable(
            [
                self.tr("Date"),
                self.tr("Screening"),
                self.tr("Unit"),
                self.tr("Scales"),
                self.tr("People"),
                self.tr("Positive people"),
                self.tr("Open warnings"),
            ],
            self.tr("Screenings"),
        )
        self.table.setObjectName("screenings")
        self.table.opened.connect(self.open_screening)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.empty_label = text_label(
            self.tr("No screening yet. Start with “New screening…”.")
            if self.sees_people
            else self.tr("No screening yet."),
            "muted",
        )
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.new_button = button(self.tr("New screening…"), primary=True, name="newScreening")
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_screening)
        self.new_button.setVisible(self.sees_people)
        self.open_button = button(
            self.tr("Open") if self.sees_people else self.tr("Show report"), name="openScreening"
        )
        self.open_button.clicked.connect(self._open_selected)
        self.busy = BusyIndicator()
        layout.addLayout(button_row(self.new_button, self.open_button, self.busy))
        self.list_status = FieldError()
        layout.addWidget(self.list_status)
        if self.sees_people:
            _shortcut(view, "Ctrl+N", self.new_screening)
        return view

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh_list()

    # -- the list --------------------------------------------------------------------------
    def refresh_list(self, select_id: int | None = None) -> None:
        self.list_status.clear_message()
        ctx = self._ctx
        self.busy.controls = [self.new_button, self.open_button]
        self.busy.run(
            self.tr("Loading…"),
            lambda: screenings.list_screenings(ctx),
            lambda briefs: self._show_list(briefs, select_id),
            lambda exc: self.list_status.show_message(exc.zh),
        )

    def _show_list(self, briefs: list[ScreeningBrief], select_id: int | None) -> None:
        self.briefs = briefs
        self.table.set_rows(
            [
                (
                    b.id,
                    [
                        b.held_on.isoformat(),
                        b.title,
                        b.unit or "—",
                        "、".join(b.scale_names),
                        str(b.participants),
                        str(b.positive_people),
                        str(b.open_warnings) if b.open_warnings else "—",
                    ],
                )
                for b in briefs
            ],
            select_id,
        )
        for column in (4, 5, 6):
            self.table.align_right(column)
        self.table.stretch(1)
        self.empty_label.setVisible(not briefs)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.table.selected_id() is not None)

    def _open_selected(self) -> None:
        chosen = self.table.selected_id()
        if chosen is not None:
            self.open_screening(chosen)

    def new_screening(self) -> NewScreeningDialog | None:
        if not self.sees_people or self.stack.currentWidget() is not self.list_view:
            return None
        dialog = NewScreeningDialog(self._ctx, self)
        self.dialog = dialog

        def finished(accepted: bool) -> None:
            if is_alive(self) and accepted and dialog.screening_id is not None:
                self.refresh_list(dialog.screening_id)
                self.open_screening(dialog.screening_id)

        open_dialog(dialog, finished)
        return dialog

    # -- one screening -----------------------------------------------------------------------
    def open_screening(self, screening_id: int) -> None:
        ctx = self._ctx
        self.list_status.clear_message()
        if not self.sees_people:
            brief = next((b for b in self.briefs if b.id == screening_id), None)
            if brief is not None:
                self._show_detail(brief, None)
            return

        def work() -> _Opened:
            view = screenings.screening_view(ctx, screening_id)
            found = tuple(assessments.scale_definition(ctx, s) for s in view.brief.scale_ids)
            return _Opened(view, found)

        self.busy.controls = [self.new_button, self.open_button, self.table]
        self.busy.run(
            self.tr("Opening…"),
            work,
            lambda opened: self._show_detail(opened.view.brief, opened),
            lambda exc: self.list_status.show_message(exc.zh),
        )

    def _show_detail(self, brief: ScreeningBrief, opened: _Opened | None) -> None:
        self._drop_detail()
        detail = ScreeningDetail(self._ctx, brief, opened)
        detail.back.connect(self.show_list)
        detail.open_case.connect(self.open_case)
        self.detail = detail
        self.stack.addWidget(detail)
        self.stack.setCurrentWidget(detail)
        detail.focus_start()

    def _drop_detail(self) -> None:
        detail, self.detail = self.detail, None
        if detail is None or not is_alive(detail):
            return
        self.stack.removeWidget(detail)
        detail.hide()
        detail.setParent(None)
        detail.deleteLater()

    def show_list(self) -> None:
        selected = self.detail.brief.id if self.detail is not None else None
        self._drop_detail()
        self.stack.setCurrentWidget(self.list_view)
        self.refresh_list(selected)
        self.table.setFocus()
