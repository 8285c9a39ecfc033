"""Pieces of the 心理测评 page: the new-screening dialog, the compact typing of a paper
form's answers (:class:`DigitEntry`), and the batch report (:class:`ReportPanel`).

Typing a paper form: one character per item, in item order. When every answer value of
a scale is a single digit (PHQ-9 0–3, K10 1–5, WHO-5 0–5) the digit is the value printed
on the form; otherwise (CBI 100/75/50/25/0) it is the position of the ticked box, 1 for
the first printed answer. A space or "-" stands for an unanswered item. Values separated
by commas are read too, for a scale whose answers do not fit one digit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import Role
from station.scales.definition import OptionSet, ScaleDefinition
from station.services import assessments, cases, screenings
from station.services.assessment_views import ScaleInfo
from station.services.context import SignedIn
from station.services.screenings import (
    MAX_SCALES,
    TITLE_MAX,
    UNIT_MAX,
    ScaleSummary,
    ScreeningInput,
    ScreeningReport,
)
from station.ui import theme
from station.ui.forms import SPACING, form_layout, label, line_edit
from station.ui.headcount_grid import GuardedFormDialog, date_edit, picked_date, qdate

BLANKS = frozenset(" -")  # an unanswered item
COMMAS = (",", "，")  # a Chinese keyboard gives the full-width comma


def percent(rate: float | None) -> str:
    """阳性检出率 as the report shows it: one decimal, "—" when nobody took the scale."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


# -- typing a paper form ------------------------------------------------------------------
@dataclass(frozen=True)
class Typed:
    """What has been typed for one scale so far."""

    answers: tuple[int | None, ...]  # item order; as many as typed, up to a mistake
    items: int  # how many the scale has
    problem: str = ""  # the first mistake, "" when there is none
    problem_item: int | None = None  # 1-based item the mistake is at
    positions: int = 0  # how many items were typed, the wrong ones included

    @property
    def empty(self) -> bool:
        return not self.answers and not self.problem

    @property
    def complete(self) -> bool:
        return not self.problem and len(self.answers) == self.items

    @property
    def answered(self) -> int:
        return sum(1 for a in self.answers if a is not None)


class DigitEntry(QObject):
    """How one scale's answers are typed from a paper form, and the check of what was
    typed (item by item, so the message names the wrong item)."""

    def __init__(self, definition: ScaleDefinition, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.definition = definition
        sets = [definition.option_set(i) for i in definition.items]
        self.by_value = all(0 <= v <= 9 for s in sets for v in s.values)
        self.by_position = not self.by_value and all(len(s.options) <= 9 for s in sets)

    @property
    def items(self) -> int:
        return len(self.definition.items)

    def _allowed(self, options: OptionSet) -> str:
        """The keys that answer an item, for messages: "0–3" or "1–5"."""
        if self.by_value:
            values = sorted(options.values)
            if values == list(range(values[0], values[-1] + 1)):
                return f"{values[0]}–{values[-1]}"
            return "、".join(str(v) for v in values)
        if self.by_position:
            return f"1–{len(options.options)}"
        return "、".join(str(v) for v in options.values)

    def hint(self) -> str:
        """One line under the input: what to type."""
        first = self.definition.option_set(self.definition.items[0])
        if self.by_value:
            return self.tr(
                "{0} items: one digit each, the value ticked ({1}). "
                "A space or - for an unanswered item."
            ).format(self.items, self._allowed(first))
        if self.by_position:
            return self.tr(
                "{0} items: one digit each, the position of the ticked box: 1 = “{1}” … "
                "{2} = “{3}”. A space or - for an unanswered item."
            ).format(
                self.items,
                first.options[0].label_zh,
                len(first.options),
                first.options[-1].label_zh,
            )
        return self.tr(
            "{0} items: the values ticked, separated by commas; leave an unanswered item empty."
        ).format(self.items)

    def read(self, text: str) -> Typed:
        """Check ``text`` as typed so far; the first mistake is reported with its item."""
        if any(c in text for c in COMMAS):
            return self._read_commas(text)
        if not text.strip(" "):
            # nothing but blanks: nothing typed yet (a run of spaces is no answer)
            return Typed((), self.items) if not text else self._blanks_only(text)
        answers: list[int | None] = []
        for position, char in enumerate(text, start=1):
            if position > self.items:
                return self._too_many(answers, len(text))
            item = self.definition.items[position - 1]
            options = self.definition.option_set(item)
            if char in BLANKS:
                answers.append(None)
                continue
            value = self._value(char, options)
            if value is None:
                return Typed(
                    tuple(answers),
                    self.items,
                    self.tr("Item {0}: “{1}” is not an answer; type {2}.").format(
                        position, char, self._allowed(options)
                    ),
                    position,
                    len(text),
                )
            answers.append(value)
        return Typed(tuple(answers), self.items, positions=len(answers))

    def _blanks_only(self, text: str) -> Typed:
        if len(text) > self.items:
            return self._too_many([None] * self.items, len(text))
        return Typed((None,) * len(text), self.items, positions=len(text))

    def _too_many(self, answers: list[int | None], typed: int) -> Typed:
        return Typed(
            tuple(answers[: self.items]),
            self.items,
            self.tr("Too many answers: {0} typed, the scale has {1} items.").format(
                typed, self.items
            ),
            self.items,
            typed,
        )

    def _value(self, char: str, options: OptionSet) -> int | None:
        if not ("0" <= char <= "9"):
            return None
        digit = int(char)
        if self.by_value:
            return digit if digit in options.values else None
        if self.by_position and 1 <= digit <= len(options.options):
            return options.options[digit - 1].value
        return None

    def _read_commas(self, text: str) -> Typed:
        parts = text.replace("，", ",").split(",")
        answers: list[int | None] = []
        for position, part in enumerate(parts, start=1):
            if position > self.items:
                return self._too_many(answers, len(parts))
            options = self.definition.option_set(self.definition.items[position - 1])
            token = part.strip()
            if not token:
                answers.append(None)
                continue
            value = int(token) if token.isascii() and token.isdigit() else None
            if value is None or value not in options.values:
                return Typed(
                    tuple(answers),
                    self.items,
                    self.tr("Item {0}: “{1}” is not an answer; type {2}.").format(
                        position, token[:10], "、".join(str(v) for v in options.values)
                    ),
                    position,
                    len(parts),
                )
            answers.append(value)
        return Typed(tuple(answers), self.items, positions=len(answers))

    def status(self, typed: Typed) -> str:
        """A quiet line while typing: how far it got."""
        if typed.empty:
            return self.tr("Leave empty if the person did not fill this scale.")
        if typed.complete:
            return self.tr("All {0} items typed ({1} answered).").format(self.items, typed.answered)
        return self.tr("{0} of {1} items typed.").format(len(typed.answers), self.items)

    def problem_on_save(self, typed: Typed) -> str:
        """Why ``typed`` cannot be saved yet ("" when it can, or when it is empty)."""
        if typed.problem:
            return typed.problem
        if typed.empty:
            return ""
        if len(typed.answers) < self.items:
            return self.tr(
                "Only {0} of {1} items typed. Type a space or - for an unanswered item."
            ).format(len(typed.answers), self.items)
        if not typed.answered:
            return self.tr("No item is answered: leave the field empty instead.")
        return ""


# -- the new screening ----------------------------------------------------------------------
class NewScreeningDialog(GuardedFormDialog):
    """新建测评: title, unit, date, the scales, by code or by name, and (for the custodian)
    the counsellor responsible for the follow-up list."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Psychological care station · New screening"),
            self.tr("Create screening"),
            self.tr("Cancel"),
            parent,
            min_width=600,
        )
        self.setMinimumWidth(max(640, self.fontMetrics().height() * 38))  # grows with the font
        self.setObjectName("newScreeningDialog")
        self._ctx = ctx
        self.screening_id: int | None = None
        form = form_layout()
        self.title_edit = line_edit(TITLE_MAX, placeholder=self.tr("e.g. 2026 annual check-up"))
        self.unit_edit = line_edit(UNIT_MAX)
        self.date_edit = date_edit(date.today())
        self.date_edit.setMaximumDate(qdate(date.today()))
        self.date_edit.setMaximumWidth(180)
        self.fields.row(form, "title", self.tr("Screening title *"), self.title_edit)
        self.fields.row(form, "unit", self.tr("Unit screened"), self.unit_edit)
        self.fields.row(form, "held_on", self.tr("Date"), self.date_edit)

        self.scale_boxes: list[QCheckBox] = []
        self._order: list[str] = []  # the scales ticked, in the order they were ticked
        scales_widget = QWidget()
        scales_widget.setObjectName("scaleChoices")
        grid = QGridLayout(scales_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING * 2)
        grid.setVerticalSpacing(6)
        try:
            available = assessments.scales(ctx)
        except StationError as exc:
            available = []
            self.fields.general.show_message(exc.zh)
        for i, info in enumerate(available):
            box = QCheckBox(self._scale_text(info))
            box.setObjectName("scale_" + info.id)
            box.setProperty("scale_id", info.id)
            box.setAccessibleName(f"{info.short_name} {info.name_zh}")
            box.toggled.connect(lambda on, sid=info.id: self._ticked(sid, on))
            grid.addWidget(box, i, 0)
            self.scale_boxes.append(box)
        self._short_names = {info.id: info.short_name for info in available}
        self.order_label = label("", "muted")
        self.order_label.setObjectName("scaleOrder")
        grid.addWidget(self.order_label, len(available), 0)
        if self.scale_boxes:
            scales_widget.setFocusProxy(self.scale_boxes[0])
        self.fields.row(
            form,
            "scale_ids",
            self.tr("Scales *"),
            scales_widget,
            self.tr(
                "Up to {0} scales, in the order of the paper forms: tick them in that order."
            ).format(MAX_SCALES),
        )

        mode = QWidget()
        mode.setObjectName("identityMode")
        column = QVBoxLayout(mode)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.code_radio = QRadioButton(self.tr("By screening code: no names are kept"))
        self.code_radio.setObjectName("byCode")
        self.name_radio = QRadioButton(self.tr("By real name"))
        self.name_radio.setObjectName("byName")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.code_radio)
        self.mode_group.addButton(self.name_radio)
        self.code_radio.setChecked(True)
        column.addWidget(self.code_radio)
        column.addWidget(self.name_radio)
        mode.setFocusProxy(self.code_radio)
        self.fields.row(
            form,
            "by_name",
            self.tr("People are entered"),
            mode,
            self.tr(
                "By code, the list of who had which code stays on paper with the unit. "
                "Choose names only when the cadres agreed to a named screening."
            ),
        )

        self.counsellor_combo: QComboBox | None = None
        if ctx.role is Role.CUSTODIAN:
            combo = QComboBox()
            combo.addItem(self.tr("Choose…"), None)
            try:
                for ref in cases.counsellor_choices(ctx):
                    combo.addItem(ref.display_name, ref.id)
            except StationError as exc:
                self.fields.general.show_message(exc.zh)
            self.counsellor_combo = combo
            self.fields.row(
                form,
                "counsellor_id",
                self.tr("Responsible counsellor *"),
                combo,
                self.tr("Sees the people and receives the follow-up list."),
            )
        self.content.addLayout(form)
        order: list[QWidget] = [self.title_edit, self.unit_edit, self.date_edit]
        order += [*self.scale_boxes, self.code_radio, self.name_radio]
        if self.counsellor_combo is not None:
            order.append(self.counsellor_combo)
        self.tab_order(order)
        self.title_edit.setFocus()
        self.mark_clean()

    def _scale_text(self, info: ScaleInfo) -> str:
        text = self.tr("{0} {1} ({2} items)").format(info.short_name, info.name_zh, info.item_count)
        return text + (self.tr(" · imported") if info.imported else "")

    def _ticked(self, scale_id: str, on: bool) -> None:
        if scale_id in self._order:
            self._order.remove(scale_id)
        if on:
            self._order.append(scale_id)
        self.fields["scale_ids"].clear_error()
        self.order_label.setText(
            self.tr("Order of entry: {0}").format(
                " → ".join(self._short_names[s] for s in self._order)
            )
            if self._order
            else ""
        )

    def scale_ids(self) -> tuple[str, ...]:
        """The scales ticked, in the order they were ticked (the order of entry)."""
        return tuple(self._order)

    def set_scales(self, *scale_ids: str) -> None:
        """Tick exactly these, in this order."""
        for box in self.scale_boxes:
            box.setChecked(False)
        boxes = {str(box.property("scale_id")): box for box in self.scale_boxes}
        for scale_id in scale_ids:
            boxes[scale_id].setChecked(True)

    def state(self) -> object:
        return (
            self.title_edit.text(),
            self.unit_edit.text(),
            picked_date(self.date_edit),
            self.scale_ids(),
            self.name_radio.isChecked(),
            self.counsellor_combo.currentData() if self.counsellor_combo else None,
        )

    def send(self) -> None:
        ctx = self._ctx
        data = ScreeningInput(
            title=self.title_edit.text(),
            held_on=picked_date(self.date_edit),
            scale_ids=self.scale_ids(),
            by_name=self.name_radio.isChecked(),
            unit=self.unit_edit.text(),
            counsellor_id=self.counsellor_combo.currentData() if self.counsellor_combo else None,
        )
        self.run(
            self.tr("Creating the screening…"),
            lambda: screenings.create_screening(ctx, data),
            self._created,
        )

    def _created(self, screening_id: int) -> None:
        self.screening_id = screening_id
        self.accept()


# -- the report -------------------------------------------------------------------------------
_BAR_STYLE = f"""
QProgressBar {{ border: 1px solid {theme.BORDER}; border-radius: 3px; background: white;
    text-align: right; padding-right: 6px; min-height: 1.2em; }}
QProgressBar::chunk {{ background: #9cc3c5; }}
"""


class ReportPanel(QWidget):
    """报告: aggregates only. People screened, and per scale how many took it, how many
    screened positive (阳性检出率) and how the totals fall into the scale's bands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screeningReport")
        self.report: ScreeningReport | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, SPACING, 0, 0)
        self._layout.setSpacing(SPACING + 4)
        self._layout.addWidget(
            label(
                self.tr(
                    "Figures only: nothing here names or numbers a person. A person counts as "
                    "positive on a scale when at least one of its warning rules fired."
                ),
                "muted",
            )
        )
        self.people_label = label("", "heading")
        self.people_label.setObjectName("reportPeople")
        self._layout.addWidget(self.people_label)
        self.summary = QGridLayout()
        self.summary.setHorizontalSpacing(28)
        self.summary.setVerticalSpacing(8)
        self._layout.addLayout(self.summary)
        self.bands_box = QWidget()
        self.bands_layout = QGridLayout(self.bands_box)
        self.bands_layout.setContentsMargins(0, 0, 0, 0)
        self.bands_layout.setSpacing(SPACING + 4)
        self.bands_layout.setColumnStretch(0, 1)
        self.bands_layout.setColumnStretch(1, 1)
        self._layout.addWidget(self.bands_box)
        self._layout.addStretch(1)
        self.cells: dict[tuple[str, str], QLabel] = {}  # (scale id, column) → figure

    def _clear(self) -> None:
        for layout in (self.summary, self.bands_layout):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self.cells.clear()

    def show_report(self, report: ScreeningReport) -> None:
        self._clear()
        self.report = report
        self.people_label.setText(self.tr("People screened: {0}").format(report.people))
        self.people_label.setAccessibleName(self.people_label.text())
        headers = (
            self.tr("Scale"),
            self.tr("Administered"),
            self.tr("With a total"),
            self.tr("Positive people"),
            self.tr("Positive rate"),
        )
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for c, text in enumerate(headers):
            caption = label(text, "muted", wrap=False)
            self.summary.addWidget(caption, 0, c, *((right,) if c else ()))
        for r, scale in enumerate(report.scales, start=1):
            self.summary.addWidget(label(scale.short_name, wrap=False), r, 0)
            values = (
                ("administered", str(scale.administered)),
                ("scored", str(scale.scored)),
                ("positive", str(scale.positive)),
                ("rate", percent(scale.positive_rate)),
            )
            for c, (key, text) in enumerate(values, start=1):
                figure = label(text, wrap=False, selectable=True)
                figure.setObjectName(f"report_{scale.scale_id}_{key}")
                figure.setAccessibleName(f"{scale.short_name} · {headers[c]}")
                if key == "rate":
                    figure.setStyleSheet("font-weight: bold;")
                self.cells[(scale.scale_id, key)] = figure
                self.summary.addWidget(figure, r, c, right)
        self.summary.setColumnStretch(len(headers), 1)
        for i, scale in enumerate(report.scales):  # two side by side, in rows
            self.bands_layout.addWidget(
                self._band_box(scale), i // 2, i % 2, Qt.AlignmentFlag.AlignTop
            )

    def _band_box(self, scale: ScaleSummary) -> QGroupBox:
        box = QGroupBox(self.tr("{0} · distribution of totals").format(scale.short_name))
        box.setObjectName(f"bands_{scale.scale_id}")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, (band, count) in enumerate(scale.bands):
            grid.addWidget(label(band, wrap=False), r, 0)
            figure = label(str(count), wrap=False, selectable=True)
            figure.setAccessibleName(f"{scale.short_name} · {band}")
            figure.setObjectName(f"band_{scale.scale_id}_{r}")
            grid.addWidget(figure, r, 1, right)
            bar = QProgressBar()
            bar.setRange(0, max(scale.scored, 1))
            bar.setValue(count)
            bar.setFormat(percent(count / scale.scored if scale.scored else None))
            bar.setAccessibleName(f"{scale.short_name} · {band} · {bar.format()}")
            bar.setStyleSheet(_BAR_STYLE)
            bar.setMinimumWidth(120)
            grid.addWidget(bar, r, 2)
        unscored = scale.administered - scale.scored
        if unscored:
            note = label(
                self.tr("{0} without a total (too many unanswered items).").format(unscored),
                "muted",
            )
            grid.addWidget(note, len(scale.bands), 0, 1, 3)
        if not scale.bands:
            grid.addWidget(label(self.tr("This scale has no bands."), "muted"), 0, 0)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(scale.bands) + 1, 1)
        return box

    def figures(self) -> dict[str, dict[str, str]]:
        """The summary as shown, by scale id (for tests and a read-aloud check)."""
        out: dict[str, dict[str, str]] = {}
        for (scale_id, key), widget in self.cells.items():
            out.setdefault(scale_id, {})[key] = widget.text()
        return out
