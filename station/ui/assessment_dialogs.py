"""Assessments (心理测评) in the case: the dialogs and the small pieces around them.

- :class:`AssessmentDialog` (录入测评): a counsellor types in a paper form: the scale, the
  date (not in the future), the items on one page with a live count; after saving, the
  result (total, band, subscales, warnings) in the same dialog.
- :class:`SelfAdministerDialog` (本人自填): the scale(s) and the layout for the client, a
  short explanation, and 开始 hands over to the main window's kiosk
  (:meth:`~station.ui.main_window.MainWindow.run_kiosk`).
- :class:`WarningResponseDialog` (预警响应): the response taken to a warning, with a note
  (the reason is required for “no action”). The screening page reuses it.
- :class:`CrisisPromptDialog`: the crisis steps, shown at once for a critical warning,
  with a way to record a crisis event or raise the risk level of the case.
- :class:`AssessmentDetailDialog`: one administration's answers, subscales and warnings;
  an entry made in error can be withdrawn with a reason.
- :class:`WarningRow` and :class:`CaseAssessmentsPane` (the case view's 测评 tab: the
  case's warnings and the trend chart).

Every rule (what may be saved, the scores, when a warning fires) is the services'; the
dialogs show what the services return and say.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.vocab import AssessmentMode, WarningResponse, label
from station.scales.definition import ScaleDefinition, WarningLevel
from station.scales.scoring import score
from station.services import assessments
from station.services.assessment_views import (
    AssessmentDetail,
    Recorded,
    ScaleInfo,
    ScaleTrend,
)
from station.services.context import SignedIn
from station.services.views import CaseView, WarningItem
from station.ui import messages, theme
from station.ui.case_forms import CaseFormDialog, date_edit, from_qdate, text_edit, to_qdate
from station.ui.forms import (
    SPACING,
    BusyIndicator,
    FieldError,
    button,
    button_row,
    fact_card,
    form_layout,
    group,
    scrolled,
    spaced,
    white_frame,
)
from station.ui.forms import label as text_label
from station.ui.kiosk import KioskHost, KioskWindow, Results
from station.ui.scale_form import ScaleForm
from station.ui.trend_chart import TrendChart, level_text, number

REASON_MAX = 2000
CRISIS_HOTLINE = "12356"


def local_time(moment: datetime) -> datetime:
    """A stored UTC time (naive) in the station's local time."""
    return moment.replace(tzinfo=UTC).astimezone()


def where_text(warning: WarningItem) -> str:
    """Where a warning belongs: the case code, or the screening participant's code."""
    if warning.case_code:
        return QCoreApplication.translate("Assessments", "Case {0}").format(warning.case_code)
    if warning.participant_code:
        return QCoreApplication.translate("Assessments", "Screening {0}").format(
            warning.participant_code
        )
    return "—"


def level_badge(level: WarningLevel, name: str = "levelBadge") -> QLabel:
    """关注 / 高 / 危急 as a small badge: critical is bold and in the error colour, high is
    outlined in it, watch is quiet."""
    badge = QLabel(level_text(level))
    badge.setObjectName(name)
    badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
    badge.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    strong = level is not WarningLevel.WARN
    colour = theme.ERROR if strong else theme.TEXT
    border = theme.ERROR if strong else theme.BORDER
    weight = "bold" if level is WarningLevel.CRITICAL else "normal"
    badge.setStyleSheet(
        f"QLabel#{name} {{ color: {colour}; border: 1px solid {border}; border-radius: 3px; "
        f"padding: 0px 6px; background: white; font-weight: {weight}; }}"
    )
    badge.setAccessibleName(
        QCoreApplication.translate("Assessments", "Level: {0}").format(level_text(level))
    )
    return badge


def scale_text(info: ScaleInfo) -> str:
    """PHQ-9 患者健康问卷抑郁量表（9 题）."""
    return QCoreApplication.translate("Assessments", "{0} {1} ({2} items)").format(
        info.short_name, info.name_zh, info.item_count
    )


def response_text(warning: WarningItem) -> str:
    """How a warning was answered, in one line ("" while it is open)."""
    if warning.response is None:
        return ""
    parts = [label(warning.response)]
    if warning.responded_by:
        parts.append(warning.responded_by)
    if warning.responded_at is not None:
        parts.append(f"{local_time(warning.responded_at):%Y-%m-%d %H:%M}")
    text = " · ".join(parts)
    if warning.response_note:
        text += "\n" + warning.response_note
    return text


def card(title: str, rows: Sequence[tuple[str, str]]) -> QWidget:
    """A titled white card of caption / value rows; long values wrap (a QGroupBox would
    cut them off), and can be selected and copied."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(6)
    column.addWidget(text_label(title, wrap=False))
    column.addWidget(fact_card(rows, "factCard", plain=True))
    return holder


ERROR_ROOM = 48  # px kept free for a message line that may appear under a field


def fit_height(dialog: QDialog, room: int = ERROR_ROOM) -> None:
    """Make ``dialog`` tall enough for its wrapped lines at its width, with ``room`` to
    spare (a window's size ignores height-for-width, so long Chinese lines would be cut)."""
    layout = dialog.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(dialog.width()) + room
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


# -- a warning in a list ----------------------------------------------------------------------
class WarningRow(QFrame):
    """One warning: level, scale and score, reason, where, when; 处理… while it is open
    (``respond``), 打开个案 when ``with_open`` and it belongs to a case (``open_case``)."""

    respond = Signal(object)  # the WarningItem
    open_case = Signal(int)

    def __init__(
        self,
        warning: WarningItem,
        *,
        with_open: bool = False,
        may_respond: bool = True,
        show_where: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.warning = warning
        self.setObjectName("warningRow")
        self.setStyleSheet(
            f"QFrame#warningRow {{ border: none; border-bottom: 1px solid {theme.BORDER}; }}"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 8, 6, 8)
        row.setSpacing(10)
        self.badge = level_badge(warning.level)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(2)
        raised = f"{local_time(warning.raised_at):%Y-%m-%d %H:%M}"
        main = "  ".join(
            p
            for p in (
                warning.scale_short_name,
                QCoreApplication.translate("Assessments", "{0} points").format(
                    number(warning.score)
                ),
                where_text(warning) if show_where else "",
                warning.subject if with_open else "",
            )
            if p
        )
        self.main_label = text_label(main)
        self.main_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label = text_label(warning.reason, "muted")
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        status = (
            QCoreApplication.translate("Assessments", "Raised {0} · open").format(raised)
            if warning.open
            else QCoreApplication.translate("Assessments", "Raised {0} · answered: {1}").format(
                raised, response_text(warning)
            )
        )
        self.status_label = text_label(status, "muted")
        self.status_label.setObjectName("warningStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        for shown in (self.main_label, self.reason_label, self.status_label):
            column.addWidget(shown)
        row.addLayout(column, 1)
        self.respond_button: QPushButton | None = None
        self.open_button: QPushButton | None = None
        if warning.open and may_respond:
            self.respond_button = button(
                QCoreApplication.translate("Assessments", "Respond…"), name="respondButton"
            )
            self.respond_button.setAccessibleName(
                QCoreApplication.translate("Assessments", "Respond to the warning: {0}").format(
                    warning.scale_short_name
                )
            )
            self.respond_button.clicked.connect(lambda: self.respond.emit(self.warning))
            row.addWidget(self.respond_button, 0, Qt.AlignmentFlag.AlignTop)
        if with_open and warning.case_id is not None:
            self.open_button = button(
                QCoreApplication.translate("Assessments", "Open case"), name="openCaseButton"
            )
            case_id = warning.case_id
            self.open_button.clicked.connect(lambda: self.open_case.emit(case_id))
            row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(" ".join((level_text(warning.level), main, warning.reason, status)))


# -- responding to a warning ------------------------------------------------------------------
class WarningResponseDialog(CaseFormDialog):
    """预警响应: the response taken (contacted, session booked, referral, crisis
    intervention, no action with its reason) and a note."""

    def __init__(self, ctx: SignedIn, warning: WarningItem, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Psychological care station · Respond to a warning"),
            self.tr("Save response"),
            parent,
            min_width=600,
        )
        self._ctx = ctx
        self.warning = warning
        heading = QHBoxLayout()
        heading.setSpacing(SPACING)
        heading.addWidget(level_badge(warning.level))
        heading.addWidget(
            text_label(
                self.tr("{0} warning · {1}").format(warning.scale_short_name, where_text(warning)),
                "heading",
            ),
            1,
        )
        self.content.addLayout(heading)
        self.facts = card(
            self.tr("The warning"),
            [
                (self.tr("Level"), level_text(warning.level)),
                (self.tr("Scale"), warning.scale_short_name),
                (self.tr("Score"), number(warning.score)),
                (self.tr("Reason"), warning.reason),
                (self.tr("Belongs to"), where_text(warning)),
                (self.tr("Raised"), f"{local_time(warning.raised_at):%Y-%m-%d %H:%M}"),
            ],
        )
        self.facts.setObjectName("warningFacts")
        self.content.addWidget(self.facts)
        form = form_layout()
        self.response_combo = QComboBox()
        self.response_combo.addItem(self.tr("Choose the response taken…"), None)
        for member in WarningResponse:
            self.response_combo.addItem(label(member), member.value)
        self.note_edit = text_edit()
        self.fields.row(form, "response", self.tr("Response taken"), self.response_combo)
        self.fields.row(
            form,
            "response_note",
            self.tr("Note"),
            self.note_edit,
            self.tr("What was done, with whom, when. Required for “no action”: the reason."),
        )
        self.content.addLayout(form)
        self.response_combo.currentIndexChanged.connect(self._response_changed)
        self.ready([self.response_combo, self.note_edit])
        self.response_combo.setFocus()

    def chosen(self) -> WarningResponse | None:
        value = self.response_combo.currentData()
        return WarningResponse(value) if value else None

    def _response_changed(self) -> None:
        field = self.fields["response_note"]
        no_action = self.chosen() is WarningResponse.NO_ACTION
        field.caption.setText(self.tr("Reason (required)") if no_action else self.tr("Note"))
        field.edit.setAccessibleName(field.caption.text())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)

    def send(self) -> None:
        ctx, warning_id = self._ctx, self.warning.id
        response, note = self.chosen(), self.note_edit.toPlainText()
        self.run(
            self.tr("Saving…"),
            lambda: assessments.respond_to_warning(ctx, warning_id, response, note),
            self.finish,
        )


# -- the crisis prompt -----------------------------------------------------------------------
def crisis_steps() -> list[str]:
    return [
        QCoreApplication.translate("Assessments", "Stay with the person. Keep calm and caring."),
        QCoreApplication.translate(
            "Assessments",
            "Ask directly about thoughts of suicide or self-harm, and about plans and "
            "preparations. Asking does not raise the risk.",
        ),
        QCoreApplication.translate(
            "Assessments", "Remove or keep away anything that could be used for self-harm."
        ),
        QCoreApplication.translate(
            "Assessments", "Do not leave the person alone; if you must step out, a colleague stays."
        ),
        QCoreApplication.translate(
            "Assessments",
            "Contact the emergency contact and the unit lead as the station's crisis "
            "protocol says.",
        ),
        QCoreApplication.translate(
            "Assessments",
            "When there is immediate danger, call 120 (ambulance) or 110 (police) at once.",
        ),
        QCoreApplication.translate(
            "Assessments", "The psychological-aid hotline {0} is available around the clock."
        ).format(CRISIS_HOTLINE),
        QCoreApplication.translate(
            "Assessments", "Record a crisis event for the case and raise its risk level."
        ),
    ]


class CrisisPromptDialog(QDialog):
    """A critical warning (e.g. PHQ-9 item 9 above 0): the crisis steps, at once.

    For each case among the warnings, 记录危机事件… (``record_crisis(case_id)``) and
    调整风险等级… (``raise_risk(case_id)``); the host opens the case's forms. The prompt
    stays open behind them, so the steps stay in view."""

    record_crisis = Signal(int)
    raise_risk = Signal(int)

    def __init__(
        self,
        warnings: Sequence[WarningItem],
        parent: QWidget | None = None,
        *,
        actions: bool = True,
    ) -> None:
        super().__init__(parent)
        self.warnings = list(warnings)
        self.setObjectName("crisisPrompt")
        self.setWindowTitle(self.tr("Psychological care station · Critical warning"))
        self.setMinimumWidth(640)
        layout = spaced(QVBoxLayout(self))
        title = text_label(self.tr("Critical warning: follow the crisis steps now"), "title")
        title.setObjectName("crisisTitle")
        layout.addWidget(title)
        for warning in self.warnings:
            line = QHBoxLayout()
            line.setSpacing(SPACING)
            line.addWidget(level_badge(warning.level), 0, Qt.AlignmentFlag.AlignTop)
            text = text_label(
                f"{warning.scale_short_name} · {where_text(warning)}\n{warning.reason}"
            )
            text.setTextFormat(Qt.TextFormat.PlainText)
            line.addWidget(text, 1)
            layout.addLayout(line)

        layout.addWidget(text_label(self.tr("Crisis steps"), "heading"))
        steps_box = white_frame("crisisSteps")
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.setContentsMargins(16, 12, 16, 12)
        steps_layout.setSpacing(8)
        self.steps: list[QLabel] = []
        for n, step in enumerate(crisis_steps(), start=1):
            shown = text_label(f"{n}. {step}")
            shown.setTextFormat(Qt.TextFormat.PlainText)
            steps_layout.addWidget(shown)
            self.steps.append(shown)
        layout.addWidget(steps_box)

        self.crisis_buttons: dict[int, QPushButton] = {}
        self.risk_buttons: dict[int, QPushButton] = {}
        buttons: list[QWidget] = []
        if actions:
            case_ids = list(dict.fromkeys(w.case_id for w in self.warnings if w.case_id))
            several = len(case_ids) > 1
            codes = {w.case_id: w.case_code or "" for w in self.warnings}
            for case_id in case_ids:
                suffix = f"（{codes[case_id]}）" if several else ""
                crisis = button(self.tr("Record a crisis event…") + suffix, name="recordCrisis")
                crisis.clicked.connect(lambda _=False, c=case_id: self.record_crisis.emit(c))
                risk = button(self.tr("Raise the risk level…") + suffix, name="raiseRisk")
                risk.clicked.connect(lambda _=False, c=case_id: self.raise_risk.emit(c))
                self.crisis_buttons[case_id] = crisis
                self.risk_buttons[case_id] = risk
                buttons += [crisis, risk]
        layout.addWidget(
            text_label(
                self.tr("The warning stays on the dashboard until its response is recorded."),
                "muted",
            )
        )
        self.close_button = button(self.tr("I have read the steps"), primary=True, name="close")
        self.close_button.clicked.connect(self.accept)
        layout.addLayout(button_row(*buttons, self.close_button, stretch_after=len(buttons)))
        (buttons[0] if buttons else self.close_button).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self, 0)

    def text(self) -> str:
        """Everything the prompt says (for tests and screen readers)."""
        return "\n".join(w.text() for w in self.findChildren(QLabel))


# -- typing in a paper form -------------------------------------------------------------------
class AssessmentDialog(CaseFormDialog):
    """录入测评: a paper form typed in. ``saved(Recorded)`` after the service stored it;
    the dialog then shows the result, and 完成 closes it."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: SignedIn,
        case: CaseView,
        parent: QWidget | None = None,
        *,
        scale_id: str | None = None,
    ) -> None:
        super().__init__(
            self.tr("Psychological care station · Enter an assessment"),
            self.tr("Save assessment"),
            parent,
            min_width=780,
        )
        self._ctx = ctx
        self._case_id = case.id
        self._wanted = scale_id
        self._definitions: dict[str, ScaleDefinition] = {}
        self._current_scale: str | None = None
        self.form: ScaleForm | None = None
        self.recorded: Recorded | None = None
        self.resize(820, 760)
        self.heading = text_label(
            self.tr("Case {0} · enter a paper form").format(case.code), "heading"
        )
        self.content.addWidget(self.heading)

        self.entry = QWidget()
        entry = QVBoxLayout(self.entry)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.setSpacing(SPACING)
        form = form_layout()
        self.scale_combo = QComboBox()
        self.scale_combo.setMinimumWidth(320)
        self.date_edit = date_edit()
        self.date_edit.setMaximumDate(to_qdate(date.today()))
        self.fields.row(form, "scale_id", self.tr("Scale"), self.scale_combo)
        self.fields.row(
            form,
            "administered_on",
            self.tr("Date filled in"),
            self.date_edit,
            self.tr("The date on the paper form; not in the future."),
        )
        entry.addLayout(form)
        count_row = QHBoxLayout()
        self.count_label = text_label("", wrap=False)
        self.count_label.setObjectName("answeredCount")
        count_row.addWidget(self.count_label)
        count_row.addStretch(1)
        entry.addLayout(count_row)
        self.answers_error = FieldError()
        self.answers_error.setObjectName("answersError")
        entry.addWidget(self.answers_error)
        self.form_host = QVBoxLayout()
        self.form_host.setContentsMargins(0, 0, 0, 0)
        entry.addLayout(self.form_host, 1)
        self.content.addWidget(self.entry, 1)

        self.result_box = QWidget()
        self.result_box.setObjectName("resultBox")
        self.result_layout = QVBoxLayout(self.result_box)
        self.result_layout.setContentsMargins(0, 0, 0, 0)
        self.result_layout.setSpacing(SPACING)
        self.result_box.hide()
        self.content.addWidget(self.result_box)

        self.scale_combo.currentIndexChanged.connect(self._scale_chosen)
        self.ready([self.scale_combo, self.date_edit])
        ctx_ = ctx
        self.busy.controls = [self.scale_combo, self.date_edit, self.ok_button]
        self.busy.run(
            self.tr("Loading the scales…"),
            lambda: assessments.scales(ctx_),
            self._scales_loaded,
            self.fields.show_error,
        )

    # -- the scale ---------------------------------------------------------------------
    def _scales_loaded(self, found: list[ScaleInfo]) -> None:
        self.scale_combo.blockSignals(True)
        self.scale_combo.clear()
        for info in found:
            self.scale_combo.addItem(scale_text(info), info.id)
        index = self.scale_combo.findData(self._wanted) if self._wanted else 0
        self.scale_combo.setCurrentIndex(max(index, 0))
        self.scale_combo.blockSignals(False)
        self._current_scale = self.scale_combo.currentData()
        self.guard.mark_clean()
        self._load_definition()
        self.scale_combo.setFocus()

    def _scale_chosen(self) -> None:
        wanted = self.scale_combo.currentData()
        if wanted == self._current_scale:
            return
        if (
            self.form is not None
            and self.form.answered_count()
            and not messages.ask(
                self,
                self.tr("Change the scale?"),
                self.tr("The answers typed for this scale are cleared. Change the scale?"),
            )
        ):
            self.scale_combo.blockSignals(True)
            self.scale_combo.setCurrentIndex(self.scale_combo.findData(self._current_scale))
            self.scale_combo.blockSignals(False)
            return
        self._current_scale = wanted
        self._load_definition()

    def _load_definition(self) -> None:
        scale_id = self.scale_combo.currentData()
        if not isinstance(scale_id, str):
            return
        if scale_id in self._definitions:
            self._show_form(self._definitions[scale_id])
            return
        ctx = self._ctx
        self.busy.run(
            self.tr("Opening the scale…"),
            lambda: assessments.scale_definition(ctx, scale_id),
            self._show_form,
            self.fields.show_error,
        )

    def _show_form(self, definition: ScaleDefinition) -> None:
        self._definitions[definition.id] = definition
        old = self.form
        if old is not None:
            self.form_host.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.answers_error.clear_message()
        self.form = ScaleForm(definition, one_per_page=False, large=False)
        self.form.setObjectName("scaleForm")
        self.form.changed.connect(self._update_count)
        self.form_host.addWidget(self.form, 1)
        # Tab: scale, date, each item (its chosen or first option), then Save and Cancel
        chain: list[QWidget] = [self.scale_combo, self.date_edit]
        for item in self.form.items:
            chain.extend(item.buttons)
        chain += [self.ok_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._update_count()

    def _update_count(self) -> None:
        form = self.form
        if form is None:
            return
        self.count_label.setText(
            self.tr("Answered {0} of {1} items").format(form.answered_count(), form.item_count)
        )
        self.count_label.setAccessibleName(self.count_label.text())

    def has_changes(self) -> bool:
        if self.recorded is not None:
            return False
        return super().has_changes() or (self.form is not None and self.form.answered_count() > 0)

    # -- saving --------------------------------------------------------------------------
    def submit(self) -> None:
        if self.recorded is not None:  # the result is shown: 完成
            self.accept()
            return
        super().submit()

    def send(self) -> None:
        form = self.form
        if form is None:
            return
        form.clear_errors()
        self.answers_error.clear_message()
        answers = form.answers()
        missing = form.unanswered()
        if missing and any(a is not None for a in answers):
            preview = score(form.definition, answers)
            for index in missing:
                form.items[index].error.show_message(self.tr("Not answered"))
            if preview.total is None and not messages.ask(
                self,
                self.tr("Save without a total?"),
                self.tr(
                    "{0} items are not answered. By this scale's rule no total can be "
                    "given with that many missing. Save the answers anyway?"
                ).format(len(missing)),
            ):
                form.reveal(missing[0])
                return
        ctx, case_id = self._ctx, self._case_id
        scale_id = form.definition.id
        on = from_qdate(self.date_edit.date())
        self.busy.controls = [self.scale_combo, self.date_edit, form, self.ok_button]
        self.busy.run(
            self.tr("Saving…"),
            lambda: assessments.record_assessment(
                ctx, case_id, scale_id, answers, on, AssessmentMode.ENTERED
            ),
            self._saved,
            self.show_error,
        )

    def show_error(self, exc: StationError) -> None:
        """A message about an item goes under that item; about the answers as a whole,
        above the form; anything else at its field."""
        form = self.form
        where = exc.field or ""
        if (
            where.startswith("item:")
            and form is not None
            and form.show_item_error(where.removeprefix("item:"), exc.zh)
        ):
            return
        if where == "answers":
            self.answers_error.show_message(exc.zh)
            if form is not None:
                form.focus_start()
            return
        self.fields.show_error(exc)

    def _saved(self, recorded: Recorded) -> None:
        self.recorded = recorded
        self.guard.mark_clean()
        self._show_result(recorded)
        self.saved.emit(recorded)

    def _show_result(self, recorded: Recorded) -> None:
        form = self.form
        assert form is not None
        definition = form.definition
        result = recorded.result
        self.entry.hide()
        self.heading.setText(self.tr("Saved: {0}").format(definition.name_zh))
        total = (
            number(result.total)
            if result.total is not None
            else self.tr("no total (too many items unanswered)")
        )
        rows = [
            (self.tr("Total"), total),
            (self.tr("Band"), result.band.label_zh if result.band else "—"),
            (
                self.tr("Answered"),
                self.tr("{0} of {1} items").format(form.answered_count(), len(definition.items)),
            ),
        ]
        names = {s.id: s.name_zh for s in definition.subscales}
        for key, value in result.subscales.items():
            rows.append((names.get(key, key), "—" if value is None else number(value)))
        facts = card(self.tr("Result"), rows)
        facts.setObjectName("resultFacts")
        self.result_layout.addWidget(facts)
        if recorded.warnings:
            box, layout = group(self.tr("Warnings raised"))
            box.setObjectName("resultWarnings")
            layout.setSpacing(0)
            for warning in recorded.warnings:
                layout.addWidget(WarningRow(warning, may_respond=False, show_where=False))
            layout.addWidget(
                text_label(
                    self.tr(
                        "Each warning stays open on the dashboard and in the case until its "
                        "response is recorded."
                    ),
                    "muted",
                )
            )
            self.result_layout.addWidget(box)
        else:
            self.result_layout.addWidget(text_label(self.tr("No warning rule fired."), "muted"))
        self.result_layout.addStretch(1)
        self.result_box.show()
        self.cancel_button.hide()
        self.ok_button.setText(self.tr("Done"))
        self.ok_button.setAccessibleName(self.tr("Done"))
        self.ok_button.setFocus()


# -- the client fills it in -------------------------------------------------------------------
class PartialSave(StationError):
    """Some of the kiosk's scales could not be saved; ``recorded`` holds the others."""

    def __init__(self, first: StationError, recorded: list[Recorded]) -> None:
        super().__init__(first.zh, first.en, field=first.field)
        self.recorded = recorded


def kiosk_saver(ctx: SignedIn, case_id: int) -> Callable[[Results], list[Recorded]]:
    """What the main window calls with the kiosk's answers: each scale with at least one
    answer is recorded as self-administered today; a failure does not stop the others."""

    def save(results: Results) -> list[Recorded]:
        recorded: list[Recorded] = []
        problems: list[StationError] = []
        for scale_id, answers in results:
            if not any(a is not None for a in answers):
                continue
            try:
                recorded.append(
                    assessments.record_assessment(
                        ctx, case_id, scale_id, answers, date.today(), AssessmentMode.SELF
                    )
                )
            except StationError as exc:
                problems.append(exc)
        if problems:
            raise PartialSave(problems[0], recorded)
        return recorded

    return save


def kiosk_host(widget: QWidget | None) -> KioskHost | None:
    """The main window above ``widget``, if it can run the kiosk."""
    while widget is not None:
        top = widget.window()
        if isinstance(top, KioskHost):
            return top
        widget = top.parentWidget()
    return None


class SelfAdministerDialog(CaseFormDialog):
    """本人自填: choose the scale(s) and the layout; 开始 shows the client's full-screen form
    (the records are hidden and locked meanwhile)."""

    def __init__(self, ctx: SignedIn, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Psychological care station · Client fills in a scale"),
            self.tr("Start the client's form"),
            parent,
            min_width=620,
            ok_name="startKiosk",
        )
        self._ctx = ctx
        self._case_id = case.id
        self.kiosk: KioskWindow | None = None
        self.definitions: list[ScaleDefinition] = []
        self.content.addWidget(
            text_label(
                self.tr("Case {0} · the client fills in a scale").format(case.code), "heading"
            )
        )
        explanation = text_label(
            self.tr(
                "Start shows the questions full-screen for the client: large type, nothing "
                "else of the records. When the client finishes, or after three minutes "
                "without input, the answers are saved and the program locks. Unlock with "
                "your password to see the result; a critical answer is shown to you at once "
                "then, never to the client."
            )
        )
        explanation.setObjectName("kioskExplanation")
        self.content.addWidget(explanation)

        self.scales_box = QWidget()
        self.scales_box.setObjectName("scaleChoices")
        self._scales_layout = QVBoxLayout(self.scales_box)
        self._scales_layout.setContentsMargins(0, 0, 0, 0)
        self._scales_layout.setSpacing(4)
        self.scale_boxes: dict[str, QCheckBox] = {}
        self.layout_box = QWidget()
        layout_row = QVBoxLayout(self.layout_box)
        layout_row.setContentsMargins(0, 0, 0, 0)
        layout_row.setSpacing(4)
        self.one_per_page_radio = QRadioButton(self.tr("One question per screen (recommended)"))
        self.one_per_page_radio.setObjectName("onePerPage")
        self.one_page_radio = QRadioButton(self.tr("All questions on one page"))
        self.one_page_radio.setObjectName("onePage")
        self.one_per_page_radio.setChecked(True)
        self._layout_group = QButtonGroup(self)
        for radio in (self.one_per_page_radio, self.one_page_radio):
            radio.setAccessibleName(radio.text())
            self._layout_group.addButton(radio)
            layout_row.addWidget(radio)
        form = form_layout()
        self.fields.row(form, "scales", self.tr("Scales"), self.scales_box)
        self.fields.row(form, "layout", self.tr("Layout"), self.layout_box)
        self.content.addLayout(form)
        self.content.addWidget(
            text_label(
                self.tr(
                    "Before you start, save or close anything you are editing: locking closes it."
                ),
                "muted",
            )
        )
        self.busy.controls = [self.ok_button]
        self.busy.run(
            self.tr("Loading the scales…"),
            lambda: assessments.scales(ctx),
            self._scales_loaded,
            self.fields.show_error,
        )

    def _scales_loaded(self, found: list[ScaleInfo]) -> None:
        for info in found:
            box = QCheckBox(scale_text(info))
            box.setObjectName(f"scale_{info.id}")
            box.setAccessibleName(box.text())
            self._scales_layout.addWidget(box)
            self.scale_boxes[info.id] = box
        inputs: list[QWidget] = [*self.scale_boxes.values()]
        inputs += [self.one_per_page_radio, self.one_page_radio]
        self.ready(inputs)
        if self.scale_boxes:
            next(iter(self.scale_boxes.values())).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)

    def chosen(self) -> list[str]:
        return [sid for sid, box in self.scale_boxes.items() if box.isChecked()]

    @property
    def one_per_page(self) -> bool:
        return self.one_per_page_radio.isChecked()

    def send(self) -> None:
        ids = self.chosen()
        if not ids:
            self.fields.show_at("scales", self.tr("Choose at least one scale."))
            return
        ctx = self._ctx
        self.run(
            self.tr("Preparing…"),
            lambda: [assessments.scale_definition(ctx, sid) for sid in ids],
            self._start,
        )

    def _start(self, definitions: list[ScaleDefinition]) -> None:
        self.definitions = definitions
        host = kiosk_host(self.parentWidget())
        self.finish()
        if host is None:
            return
        self.kiosk = host.run_kiosk(
            definitions, self.one_per_page, kiosk_saver(self._ctx, self._case_id)
        )


# -- one administration ------------------------------------------------------------------------
class AssessmentDetailDialog(QDialog):
    """测评详情: the answers, subscales and warnings of one administration; 撤回 withdraws
    an entry made in error (with a reason). ``withdrawn`` is True afterwards."""

    def __init__(
        self,
        ctx: SignedIn,
        assessment_id: int,
        parent: QWidget | None = None,
        *,
        can_withdraw: bool = False,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._assessment_id = assessment_id
        self._can_withdraw = can_withdraw
        self.detail: AssessmentDetail | None = None
        self.withdrawn = False
        self.setObjectName("assessmentDetail")
        self.setWindowTitle(self.tr("Psychological care station · Assessment"))
        self.setMinimumWidth(720)
        self.resize(780, 720)
        layout = spaced(QVBoxLayout(self))
        self.heading = text_label("", "heading")
        layout.addWidget(self.heading)
        self.error = FieldError()
        self.error.setObjectName("detailError")
        layout.addWidget(self.error)
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)
        self.body = QWidget()
        self.body.setObjectName("detailBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 8, 0)
        self.body_layout.setSpacing(SPACING)
        area = scrolled(self.body)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(area, 1)

        self.withdraw_box = QWidget()
        self.withdraw_box.setObjectName("withdrawBox")
        withdraw = QVBoxLayout(self.withdraw_box)
        withdraw.setContentsMargins(0, 0, 0, 0)
        withdraw.setSpacing(4)
        self.reason_caption = text_label(
            self.tr("Why is this entry withdrawn? (e.g. typed in for the wrong case)")
        )
        self.reason_edit = text_edit(lines=2)
        self.reason_edit.setObjectName("withdrawReason")
        self.reason_edit.setAccessibleName(self.tr("Reason for withdrawing"))
        self.reason_caption.setBuddy(self.reason_edit)
        self.reason_error = FieldError()
        self.reason_error.setObjectName("withdrawReasonError")
        self.confirm_button = button(self.tr("Withdraw the entry"), name="confirmWithdraw")
        self.confirm_button.clicked.connect(self.withdraw)
        for widget in (self.reason_caption, self.reason_edit, self.reason_error):
            withdraw.addWidget(widget)
        withdraw.addLayout(button_row(self.confirm_button))
        self.withdraw_box.hide()
        layout.addWidget(self.withdraw_box)

        self.withdraw_button = button(self.tr("Withdraw (entered in error)…"), name="withdraw")
        self.withdraw_button.clicked.connect(self.show_withdraw)
        self.withdraw_button.setVisible(can_withdraw)
        self.close_button = button(self.tr("Close"), primary=True, name="close")
        self.close_button.clicked.connect(self.reject)
        layout.addLayout(button_row(self.withdraw_button, self.close_button, stretch_after=1))
        self.busy.controls = [self.withdraw_button, self.confirm_button]
        ctx_ = ctx
        self.busy.run(
            self.tr("Opening…"),
            lambda: assessments.assessment_detail(ctx_, assessment_id),
            self._show,
            lambda exc: self.error.show_message(exc.zh),
        )
        self.close_button.setFocus()

    def _show(self, detail: AssessmentDetail) -> None:
        self.detail = detail
        brief = detail.brief
        self.heading.setText(f"{brief.short_name} {detail.scale_name}")
        total = number(brief.total) if brief.total is not None else self.tr("no total")
        facts = card(
            self.tr("Result"),
            [
                (self.tr("Date"), f"{brief.administered_on:%Y-%m-%d}"),
                (self.tr("How"), label(brief.mode)),
                (self.tr("Total"), total),
                (self.tr("Band"), brief.band or "—"),
                (
                    self.tr("Answers"),
                    self.tr("complete") if brief.complete else self.tr("some unanswered"),
                ),
                (self.tr("Recorded by"), brief.by.display_name or "—"),
            ],
        )
        facts.setObjectName("detailFacts")
        self.body_layout.addWidget(facts)
        if detail.subscales:
            self.body_layout.addWidget(
                card(
                    self.tr("Subscales"),
                    [(n, "—" if v is None else number(v)) for n, v in detail.subscales],
                )
            )
        if detail.warnings:
            box, layout = group(self.tr("Warnings"))
            box.setObjectName("detailWarnings")
            layout.setSpacing(0)
            for warning in detail.warnings:
                layout.addWidget(WarningRow(warning, may_respond=False, show_where=False))
            self.body_layout.addWidget(box)
        table = QTableWidget(len(detail.answers), 3)
        table.setObjectName("answersTable")
        table.setAccessibleName(self.tr("Answers"))
        table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Item"), self.tr("Answer")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        for row, line in enumerate(detail.answers):
            for column, text in enumerate(
                (line.item_id, line.text, line.answer or self.tr("(not answered)"))
            ):
                item = QTableWidgetItem(text)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + 4
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setMinimumHeight(min(height, 520))
        self.answers_table = table
        self.body_layout.addWidget(table)
        self.body_layout.addStretch(1)

    def show_withdraw(self) -> None:
        self.withdraw_box.show()
        self.withdraw_button.hide()
        self.reason_edit.setFocus()

    def withdraw(self) -> None:
        if self.busy.running or not self._can_withdraw:
            return
        self.reason_error.clear_message()
        ctx, assessment_id = self._ctx, self._assessment_id
        reason = self.reason_edit.toPlainText()
        self.busy.run(
            self.tr("Withdrawing…"),
            lambda: assessments.delete_assessment(ctx, assessment_id, reason),
            self._withdrawn,
            self._withdraw_failed,
        )

    def _withdraw_failed(self, exc: StationError) -> None:
        self.reason_error.show_message(exc.zh)
        self.reason_edit.setFocus()

    def _withdrawn(self, _result: object) -> None:
        self.withdrawn = True
        self.accept()

    def reject(self) -> None:
        if self.busy.running:
            return
        super().reject()


# -- the case view's 测评 tab ------------------------------------------------------------------
class CaseAssessmentsPane(QWidget):
    """The case's warnings (open first, with 处理… for those the user may answer) and the
    client's score trends. ``respond(WarningItem)`` when 处理… is pressed."""

    respond = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseAssessments")
        self.may_respond = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        body.setObjectName("assessmentsBody")
        area = scrolled(body)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setStyleSheet("QScrollArea, QWidget#assessmentsBody { background: transparent; }")
        outer.addWidget(area)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 4, 8, 0)
        layout.setSpacing(SPACING)
        self.warnings_box, warnings_layout = group(self.tr("Warnings"))
        self.warnings_box.setObjectName("caseWarnings")
        warnings_layout.setSpacing(0)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(0)
        warnings_layout.addLayout(self._rows_layout)
        self.no_warnings = text_label(self.tr("No warning on this case."), "muted")
        self.no_warnings.setObjectName("noWarnings")
        warnings_layout.addWidget(self.no_warnings)
        layout.addWidget(self.warnings_box)
        self.trends_box, trends_layout = group(self.tr("Scores over time"))
        self.trends_box.setObjectName("caseTrends")
        self.chart = TrendChart()
        self.chart.setMinimumHeight(340)
        trends_layout.addWidget(self.chart)
        layout.addWidget(self.trends_box, 1)
        self.rows: list[WarningRow] = []

    def set_warnings(self, warnings: Sequence[WarningItem], may_respond: bool) -> None:
        self.may_respond = may_respond
        for old in self.rows:
            self._rows_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
        ordered = sorted(warnings, key=lambda w: (not w.open, -w.level.rank))
        self.rows = [WarningRow(w, may_respond=may_respond, show_where=False) for w in ordered]
        for row in self.rows:
            row.respond.connect(self.respond)
            self._rows_layout.addWidget(row)
        self.no_warnings.setVisible(not self.rows)

    def set_trends(self, trends: Sequence[ScaleTrend]) -> None:
        self.chart.set_trends(trends)


def open_count_text(count: int) -> str:
    """The 测评 tab's title."""
    if count:
        return QCoreApplication.translate("Assessments", "Assessments ({0} open warnings)").format(
            count
        )
    return QCoreApplication.translate("Assessments", "Assessment")
