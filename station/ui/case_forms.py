"""The small forms of a case, each a dialog on :class:`~station.ui.forms.FormDialog`:
risk level, crisis event, follow-up (plan or reschedule, complete), closing and
reopening, informed consent, sharing, the case's classification, and (custodian)
reassignment.

Every dialog keeps what was typed: a service error appears at the field it names, and
Cancel, Esc or the window's close button ask first when something was changed. The
rules themselves (a reason when lowering a high risk, a closing summary …) are the
services'; the dialogs only show what the services say.

Also here, shared with the session form and the sandplay panel: :func:`date_edit`,
:func:`text_edit`, :class:`ChoiceGrid`, :func:`vocab_labels` and :class:`ChangeGuard`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from station.models.vocab import (
    LABELS,
    CaseSource,
    Concern,
    CrisisAction,
    FollowUpMethod,
    RiskLevel,
    TalkTrigger,
    label,
)
from station.services import cases, followups, forms, risk
from station.services.cases import CaseEdit
from station.services.context import SignedIn
from station.services.risk import CrisisInput
from station.services.views import CaseView, CrisisView, FollowUpView, UserRef
from station.ui import messages, theme
from station.ui.forms import FormDialog, choice_combo, form_layout, line_edit
from station.ui.forms import label as text_label

E = TypeVar("E", bound=StrEnum)
USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_LINES = 4  # a text box shows this many lines before it scrolls


# -- shared input helpers -----------------------------------------------------------------
def vocab_labels(kind: type[E]) -> dict[E, str]:
    """The canonical Chinese labels of a vocabulary, by member."""
    return {kind(value): text for value, text in LABELS[kind].items()}


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(day: date | None = None) -> QDateEdit:
    """A date typed as yyyy-MM-dd (with a calendar on Alt+Down)."""
    edit = QDateEdit(to_qdate(day or date.today()))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setMinimumWidth(150)
    return edit


def text_edit(text: str = "", lines: int = TEXT_LINES) -> QPlainTextEdit:
    """A multi-line text box; Tab moves on to the next input instead of typing a tab."""
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * lines + 18)  # longer text scrolls inside
    return edit


class ChoiceGrid(QWidget, Generic[E]):
    """Check boxes for a vocabulary (several may be chosen), in a few columns."""

    def __init__(
        self,
        labels: dict[E, str],
        chosen: Iterable[E] = (),
        columns: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        picked = set(chosen)
        self.boxes: dict[E, QCheckBox] = {}
        for i, (member, text) in enumerate(labels.items()):
            box = QCheckBox(text)
            box.setAccessibleName(text)
            box.setChecked(member in picked)
            grid.addWidget(box, i // columns, i % columns)
            self.boxes[member] = box
        if self.boxes:
            self.setFocusProxy(next(iter(self.boxes.values())))

    def values(self) -> tuple[E, ...]:
        return tuple(m for m, box in self.boxes.items() if box.isChecked())

    def set_values(self, chosen: Iterable[E]) -> None:
        picked = set(chosen)
        for member, box in self.boxes.items():
            box.setChecked(member in picked)

    def inputs(self) -> list[QWidget]:
        return list(self.boxes.values())

    def state(self) -> object:
        return self.values()


def input_state(widget: QWidget) -> object:
    """What a user can change in ``widget``, comparable with ``==``."""
    if isinstance(widget, ChoiceGrid):
        return widget.state()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QDateEdit):
        return widget.date().toJulianDay()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return tuple(
            widget.item(i).checkState() == Qt.CheckState.Checked for i in range(widget.count())
        )
    return None


class ChangeGuard:
    """Remembers the inputs' values; ``dirty()`` says whether any changed since."""

    def __init__(self, widgets: Iterable[QWidget] = ()) -> None:
        self._widgets: list[QWidget] = []
        self._clean: list[object] = []
        self.watch(*widgets)

    def watch(self, *widgets: QWidget) -> None:
        self._widgets.extend(widgets)
        self.mark_clean()

    def mark_clean(self) -> None:
        self._clean = [input_state(w) for w in self._widgets]

    def dirty(self) -> bool:
        return [input_state(w) for w in self._widgets] != self._clean


def discard_question(parent: QWidget) -> bool:
    """Ask whether to throw away what was typed; True means yes."""
    return messages.ask(
        parent,
        QCoreApplication.translate("CaseForms", "Discard your changes?"),
        QCoreApplication.translate(
            "CaseForms",
            "What you typed in this form has not been saved. Close it and lose the changes?",
        ),
    )


# -- the dialog base -------------------------------------------------------------------
class CaseFormDialog(FormDialog):
    """A FormDialog that asks before Cancel, Esc or the close button throw away input.

    ``reject()`` itself closes without asking: locking the app closes dialogs that way.
    Subclasses build their fields and then call :meth:`ready` with the inputs in tab
    order."""

    def __init__(
        self,
        title: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        min_width: int = 560,
        ok_name: str = "ok",
    ) -> None:
        super().__init__(
            title,
            ok_text,
            QCoreApplication.translate("CaseForms", "Cancel"),
            parent,
            ok_name=ok_name,
            min_width=min_width,
        )
        self.setObjectName(type(self).__name__)
        self.guard = ChangeGuard()
        self.cancel_button.clicked.disconnect(self.reject)
        self.cancel_button.clicked.connect(self.close_asking)

    def ready(self, inputs: Sequence[QWidget]) -> None:
        """Tab through ``inputs`` (then OK, Cancel) and remember their values."""
        chain: list[QWidget] = []
        for widget in inputs:
            chain.extend(widget.inputs() if isinstance(widget, ChoiceGrid) else [widget])
        self.tab_order(chain)
        self.guard.watch(*inputs)

    def has_changes(self) -> bool:
        return self.guard.dirty()

    def close_asking(self) -> None:
        if self.busy.running:
            return
        if self.has_changes() and not discard_question(self):
            return
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.close_asking()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():  # the window's close button: ask as Cancel does
            event.ignore()
            self.close_asking()
            return
        super().closeEvent(event)

    def finish(self, _result: object = None) -> None:
        """After a successful save: nothing is left to lose."""
        self.guard.mark_clean()
        self.accept()


def _title(what: str) -> str:
    return QCoreApplication.translate("CaseForms", "Psychological care station · {0}").format(what)


# -- risk -------------------------------------------------------------------------------
class RiskDialog(CaseFormDialog):
    """风险等级: set the case's current risk level, with a reason."""

    def __init__(self, ctx: SignedIn, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(_title(self.tr("Risk level")), self.tr("Save risk level"), parent)
        self._ctx = ctx
        self._case_id = case.id
        self.content.addWidget(
            text_label(
                self.tr("Case {0} · current risk level: {1}").format(
                    case.code, label(case.risk_level)
                ),
                "heading",
            )
        )
        form = form_layout()
        self.level_combo = choice_combo(vocab_labels(RiskLevel), case.risk_level)
        self.reason_edit = text_edit()
        self.fields.row(form, "risk_level", self.tr("New risk level"), self.level_combo)
        self.fields.row(
            form,
            "reason",
            self.tr("Reason"),
            self.reason_edit,
            self.tr("What the judgement rests on. Needed when a high or imminent risk is lowered."),
        )
        self.content.addLayout(form)
        self.ready([self.level_combo, self.reason_edit])
        self.level_combo.setFocus()

    def send(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        level = RiskLevel(self.level_combo.currentData())
        reason = self.reason_edit.toPlainText()
        self.run(
            self.tr("Saving…"),
            lambda: risk.set_risk(ctx, case_id, level, reason),
            self.finish,
        )


# -- crisis -----------------------------------------------------------------------------
class CrisisDialog(CaseFormDialog):
    """危机事件: record a crisis event (or correct one), the actions taken and the safety
    plan. A new event also sets the risk level (at least high unless chosen)."""

    def __init__(
        self,
        ctx: SignedIn,
        case: CaseView,
        existing: CrisisView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _title(self.tr("Crisis event")),
            self.tr("Save crisis event"),
            parent,
            min_width=620,
        )
        self._ctx = ctx
        self._case_id = case.id
        self._existing = existing
        self.content.addWidget(
            text_label(
                self.tr("Case {0} · correct a crisis event").format(case.code)
                if existing
                else self.tr("Case {0} · record a crisis event").format(case.code),
                "heading",
            )
        )
        form = form_layout()
        self.date_edit = date_edit(existing.occurred_on if existing else None)
        self.description_edit = text_edit(existing.description if existing else "")
        self.actions_grid: ChoiceGrid[CrisisAction] = ChoiceGrid(
            vocab_labels(CrisisAction), existing.actions if existing else ()
        )
        self.actions_grid.setAccessibleName(self.tr("Actions taken"))
        self.plan_edit = text_edit(existing.safety_plan if existing else "")
        self.fields.row(form, "occurred_on", self.tr("Date"), self.date_edit)
        self.fields.row(form, "description", self.tr("What happened"), self.description_edit)
        self.fields.row(form, "actions", self.tr("Actions taken"), self.actions_grid)
        self.fields.row(form, "safety_plan", self.tr("Safety plan"), self.plan_edit)
        inputs: list[QWidget] = [
            self.date_edit,
            self.description_edit,
            self.actions_grid,
            self.plan_edit,
        ]
        self.level_combo: QComboBox | None = None
        self.reason_edit: QLineEdit | None = None
        if existing is None:
            self.level_combo = QComboBox()
            self.level_combo.addItem(self.tr("At least high (default)"), None)
            for member, text in vocab_labels(RiskLevel).items():
                self.level_combo.addItem(text, member.value)
            self.reason_edit = line_edit(500)
            self.fields.row(
                form,
                "risk_level",
                self.tr("Risk level after the event"),
                self.level_combo,
                self.tr("Now: {0}").format(label(case.risk_level)),
            )
            self.fields.row(form, "risk_reason", self.tr("Reason for the level"), self.reason_edit)
            inputs += [self.level_combo, self.reason_edit]
        else:
            self.content.addWidget(
                text_label(
                    self.tr("The risk level is not changed here: use “Risk level…”."), "muted"
                )
            )
        self.content.addLayout(form)
        self.ready(inputs)

    def send(self) -> None:
        ctx = self._ctx
        level: RiskLevel | None = None
        reason = ""
        if self.level_combo is not None and self.reason_edit is not None:
            value = self.level_combo.currentData()
            level = RiskLevel(value) if value else None
            reason = self.reason_edit.text()
        data = CrisisInput(
            occurred_on=from_qdate(self.date_edit.date()),
            description=self.description_edit.toPlainText(),
            actions=self.actions_grid.values(),
            safety_plan=self.plan_edit.toPlainText(),
            risk_level=level,
            risk_reason=reason,
        )
        existing, case_id = self._existing, self._case_id

        def work() -> object:
            if existing is None:
                return risk.record_crisis(ctx, case_id, data)
            return risk.update_crisis(ctx, existing.id, data)

        self.run(self.tr("Saving…"), work, self.finish)


# -- follow-ups -------------------------------------------------------------------------
DEFAULT_FOLLOW_UP_DAYS = 14


class FollowUpPlanDialog(CaseFormDialog):
    """计划回访 (or 改期 for a planned one): due date and method."""

    def __init__(
        self,
        ctx: SignedIn,
        case: CaseView,
        existing: FollowUpView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _title(self.tr("Follow-up")),
            self.tr("Save follow-up") if existing is None else self.tr("Save new date"),
            parent,
        )
        self._ctx = ctx
        self._case_id = case.id
        self._existing = existing
        self.content.addWidget(
            text_label(
                self.tr("Case {0} · plan a follow-up").format(case.code)
                if existing is None
                else self.tr("Case {0} · reschedule the follow-up").format(case.code),
                "heading",
            )
        )
        form = form_layout()
        due = (
            existing.due_on
            if existing is not None
            else date.today() + timedelta(days=DEFAULT_FOLLOW_UP_DAYS)
        )
        self.due_edit = date_edit(due)
        self.method_combo = choice_combo(
            vocab_labels(FollowUpMethod),
            existing.method if existing is not None else FollowUpMethod.PHONE,
        )
        self.fields.row(form, "due_on", self.tr("Due date"), self.due_edit)
        self.fields.row(form, "method", self.tr("Method"), self.method_combo)
        self.content.addLayout(form)
        self.ready([self.due_edit, self.method_combo])

    def send(self) -> None:
        ctx, case_id, existing = self._ctx, self._case_id, self._existing
        due = from_qdate(self.due_edit.date())
        method = FollowUpMethod(self.method_combo.currentData())
        if existing is None:
            self.run(
                self.tr("Saving…"),
                lambda: followups.plan_follow_up(ctx, case_id, due, method),
                self.finish,
            )
        else:
            fid = existing.id
            self.run(
                self.tr("Saving…"),
                lambda: followups.reschedule_follow_up(ctx, fid, due, method),
                self.finish,
            )


class FollowUpCompleteDialog(CaseFormDialog):
    """完成回访: the day it was done, the outcome, and optionally the next due date."""

    def __init__(
        self, ctx: SignedIn, case: CaseView, view: FollowUpView, parent: QWidget | None = None
    ) -> None:
        super().__init__(_title(self.tr("Follow-up done")), self.tr("Save outcome"), parent)
        self._ctx = ctx
        self._id = view.id
        self.content.addWidget(
            text_label(
                self.tr("Case {0} · follow-up due {1} by {2}").format(
                    case.code, f"{view.due_on:%Y-%m-%d}", label(view.method)
                ),
                "heading",
            )
        )
        form = form_layout()
        self.done_edit = date_edit()
        self.outcome_edit = text_edit()
        self.next_box = QCheckBox(self.tr("Plan the next follow-up"))
        self.next_box.setAccessibleName(self.tr("Plan the next follow-up"))
        self.next_edit = date_edit(date.today() + timedelta(days=DEFAULT_FOLLOW_UP_DAYS))
        self.next_edit.setEnabled(False)
        self.next_box.toggled.connect(self.next_edit.setEnabled)
        self.fields.row(form, "done_on", self.tr("Done on"), self.done_edit)
        self.fields.row(form, "outcome", self.tr("Outcome"), self.outcome_edit)
        form.addRow("", self.next_box)
        self.fields.row(
            form,
            "next_due_on",
            self.tr("Next due date"),
            self.next_edit,
            self.tr("The next follow-up keeps the same method."),
        )
        self.content.addLayout(form)
        self.ready([self.done_edit, self.outcome_edit, self.next_box, self.next_edit])
        self.outcome_edit.setFocus()

    def send(self) -> None:
        ctx, fid = self._ctx, self._id
        done = from_qdate(self.done_edit.date())
        outcome = self.outcome_edit.toPlainText()
        following = from_qdate(self.next_edit.date()) if self.next_box.isChecked() else None
        self.run(
            self.tr("Saving…"),
            lambda: followups.complete_follow_up(ctx, fid, done, outcome, following),
            self.finish,
        )


# -- closing and reopening ------------------------------------------------------------
class CloseCaseDialog(CaseFormDialog):
    """结案: the closing summary and the day."""

    def __init__(self, ctx: SignedIn, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(_title(self.tr("Close case")), self.tr("Close case"), parent)
        self._ctx = ctx
        self._case_id = case.id
        self.content.addWidget(
            text_label(self.tr("Case {0} · close the case").format(case.code), "heading")
        )
        self.content.addWidget(
            text_label(
                self.tr(
                    "The record stays in the archive. Follow-ups can still be planned; a "
                    "closed case can be reopened with a reason."
                ),
                "muted",
            )
        )
        form = form_layout()
        self.date_edit = date_edit()
        self.summary_edit = text_edit(lines=6)
        self.fields.row(form, "closed_on", self.tr("Closed on"), self.date_edit)
        self.fields.row(form, "summary", self.tr("Closing summary"), self.summary_edit)
        self.content.addLayout(form)
        self.ready([self.date_edit, self.summary_edit])
        self.summary_edit.setFocus()

    def send(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        summary = self.summary_edit.toPlainText()
        day = from_qdate(self.date_edit.date())
        self.run(
            self.tr("Closing the case…"),
            lambda: cases.close_case(ctx, case_id, summary, day),
            self.finish,
        )


class ReopenCaseDialog(CaseFormDialog):
    """重新开案: the reason is kept after the closing summary."""

    def __init__(self, ctx: SignedIn, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(_title(self.tr("Reopen case")), self.tr("Reopen case"), parent)
        self._ctx = ctx
        self._case_id = case.id
        self.content.addWidget(
            text_label(self.tr("Case {0} · reopen the case").format(case.code), "heading")
        )
        form = form_layout()
        self.reason_edit = text_edit()
        self.fields.row(form, "reason", self.tr("Reason for reopening"), self.reason_edit)
        self.content.addLayout(form)
        self.ready([self.reason_edit])

    def send(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        reason = self.reason_edit.toPlainText()
        self.run(
            self.tr("Reopening the case…"),
            lambda: cases.reopen_case(ctx, case_id, reason),
            self.finish,
        )


# -- consent ----------------------------------------------------------------------------
class ConsentDialog(CaseFormDialog):
    """知情同意: form version, date signed, limits of confidentiality explained."""

    def __init__(self, ctx: SignedIn, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(_title(self.tr("Informed consent")), self.tr("Save consent"), parent)
        self._ctx = ctx
        self._case_id = case.id
        consent = case.consent
        self.content.addWidget(
            text_label(self.tr("Case {0} · informed consent").format(case.code), "heading")
        )
        form = form_layout()
        # the printed form's own version when none is recorded yet
        version = consent.form_version or forms.consent_form_version()
        self.version_edit = line_edit(20, version, self.tr("e.g. 2026版"))
        self.signed_edit = date_edit(consent.signed_on)
        self.limits_box = QCheckBox(
            self.tr("The limits of confidentiality were explained to the client")
        )
        self.limits_box.setAccessibleName(self.tr("Limits of confidentiality explained"))
        self.limits_box.setChecked(consent.limits_explained)
        self.fields.row(form, "form_version", self.tr("Form version"), self.version_edit)
        self.fields.row(form, "signed_on", self.tr("Date signed"), self.signed_edit)
        form.addRow("", self.limits_box)
        self.content.addLayout(form)
        self.ready([self.version_edit, self.signed_edit, self.limits_box])

    def send(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        version = self.version_edit.text()
        signed = from_qdate(self.signed_edit.date())
        limits = self.limits_box.isChecked()
        self.run(
            self.tr("Saving…"),
            lambda: cases.record_consent(ctx, case_id, version, signed, limits),
            self.finish,
        )


# -- sharing ----------------------------------------------------------------------------
class SharingDialog(CaseFormDialog):
    """共享: tick the active colleagues who work on the case with its counsellor."""

    def __init__(self, ctx: SignedIn, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(_title(self.tr("Sharing")), self.tr("Save sharing"), parent)
        self._ctx = ctx
        self._case_id = case.id
        self._counsellor_id = case.counsellor.id
        self._shared = {ref.id for ref in case.shared_with}
        self.content.addWidget(
            text_label(self.tr("Case {0} · share with colleagues").format(case.code), "heading")
        )
        self.content.addWidget(
            text_label(
                self.tr(
                    "Colleagues you tick see this case and its client's identity and can add "
                    "records to it. Private process notes stay with their author."
                ),
                "muted",
            )
        )
        self.people = QListWidget()
        self.people.setObjectName("people")
        self.people.setAccessibleName(self.tr("Colleagues"))
        self.people.setMinimumHeight(140)
        self.people.setStyleSheet(
            f"QListWidget {{ background: white; border: 1px solid {theme.BORDER}; "
            "border-radius: 4px; }"
            "QListWidget::item { padding: 6px 4px; }"
            f"QListWidget::item:selected {{ background: {theme.SURFACE}; "
            f"color: {theme.TEXT}; border-left: 3px solid {theme.ACCENT}; }}"
        )
        holder = form_layout()
        self.fields.row(holder, "user_id", self.tr("Colleagues"), self.people)
        self.content.addLayout(holder)
        self.empty_note = text_label(self.tr("There is no other active counsellor."), "muted")
        self.empty_note.hide()
        self.content.addWidget(self.empty_note)
        self.busy.controls = [self.people, self.ok_button]
        self.busy.run(
            self.tr("Loading colleagues…"),
            lambda: cases.counsellor_choices(ctx),
            self._fill,
            self.fields.show_error,
        )

    def _fill(self, people: list[UserRef]) -> None:
        self.people.clear()
        for ref in people:
            if ref.id == self._counsellor_id:
                continue
            item = QListWidgetItem(ref.display_name)
            item.setData(USER_ID_ROLE, ref.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = ref.id in self._shared
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.empty_note.setVisible(self.people.count() == 0)
        if self.people.count():
            self.people.setCurrentRow(0)
        self.ready([self.people])

    def chosen(self) -> set[int]:
        return {
            int(self.people.item(i).data(USER_ID_ROLE))
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        }

    def send(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        chosen = self.chosen()
        # colleagues no longer listed (deactivated) are left as they are
        listed = {int(self.people.item(i).data(USER_ID_ROLE)) for i in range(self.people.count())}
        add = sorted(chosen - self._shared)
        remove = sorted((self._shared & listed) - chosen)

        def work() -> None:
            for uid in add:
                cases.share_case(ctx, case_id, uid)
                self._shared.add(uid)
            for uid in remove:
                cases.unshare_case(ctx, case_id, uid)
                self._shared.discard(uid)

        self.run(self.tr("Saving…"), work, self.finish)


# -- classification ------------------------------------------------------------------
class CaseEditDialog(CaseFormDialog):
    """编辑个案: source (with the 七必谈 trigger for a heart-to-heart talk) and concerns."""

    def __init__(self, ctx: SignedIn, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(_title(self.tr("Edit case")), self.tr("Save case"), parent, min_width=640)
        self._ctx = ctx
        self._case_id = case.id
        self.content.addWidget(
            text_label(self.tr("Case {0} · source and concerns").format(case.code), "heading")
        )
        form = form_layout()
        self.source_combo = choice_combo(vocab_labels(CaseSource), case.source)
        self.trigger_combo = QComboBox()
        self.trigger_combo.addItem("—", None)
        for member, text in vocab_labels(TalkTrigger).items():
            self.trigger_combo.addItem(text, member.value)
        if case.talk_trigger is not None:
            self.trigger_combo.setCurrentIndex(self.trigger_combo.findData(case.talk_trigger.value))
        self.concerns_grid: ChoiceGrid[Concern] = ChoiceGrid(
            vocab_labels(Concern), case.concerns, columns=4
        )
        self.concerns_grid.setAccessibleName(self.tr("Concerns"))
        self.fields.row(form, "source", self.tr("Source"), self.source_combo)
        self.fields.row(form, "talk_trigger", self.tr("Talk trigger (七必谈)"), self.trigger_combo)
        self.fields.row(form, "concerns", self.tr("Concerns"), self.concerns_grid)
        self._form = form
        self.content.addLayout(form)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self._source_changed()
        self.ready([self.source_combo, self.trigger_combo, self.concerns_grid])

    def _source_changed(self) -> None:
        talk = self.source_combo.currentData() == CaseSource.TALK.value
        holder = self.trigger_combo.parentWidget()
        if holder is not None:
            self._form.setRowVisible(holder, talk)

    def send(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        source = CaseSource(self.source_combo.currentData())
        value = self.trigger_combo.currentData()
        trigger = TalkTrigger(value) if value and source is CaseSource.TALK else None
        data = CaseEdit(source=source, concerns=self.concerns_grid.values(), talk_trigger=trigger)
        self.run(self.tr("Saving…"), lambda: cases.update_case(ctx, case_id, data), self.finish)


# -- reassignment (custodian) -----------------------------------------------------------
class ReassignDialog(CaseFormDialog):
    """改派 (custodian): hand the case to another active counsellor."""

    def __init__(self, ctx: SignedIn, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(_title(self.tr("Reassign case")), self.tr("Reassign"), parent)
        self._ctx = ctx
        self._case_id = case.id
        self._current = case.counsellor.id
        self.content.addWidget(
            text_label(
                self.tr("Case {0} · now with {1}").format(case.code, case.counsellor.display_name),
                "heading",
            )
        )
        form = form_layout()
        self.counsellor_combo = QComboBox()
        self.keep_box = QCheckBox(
            self.tr("Keep the previous counsellor as a colleague on the case")
        )
        self.keep_box.setAccessibleName(self.tr("Keep the previous counsellor"))
        self.fields.row(form, "counsellor_id", self.tr("New counsellor"), self.counsellor_combo)
        form.addRow("", self.keep_box)
        self.content.addLayout(form)
        self.busy.controls = [self.counsellor_combo, self.ok_button]
        self.busy.run(
            self.tr("Loading counsellors…"),
            lambda: cases.counsellor_choices(ctx),
            self._fill,
            self.fields.show_error,
        )

    def _fill(self, people: list[UserRef]) -> None:
        for ref in people:
            if ref.id != self._current:
                self.counsellor_combo.addItem(ref.display_name, ref.id)
        self.ready([self.counsellor_combo, self.keep_box])

    def send(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        value = self.counsellor_combo.currentData()
        keep = self.keep_box.isChecked()
        if value is None:
            self.fields.show_at("counsellor_id", self.tr("There is no other active counsellor."))
            return
        uid = int(value)
        self.run(
            self.tr("Reassigning…"),
            lambda: cases.reassign_case(ctx, case_id, uid, keep_previous_as_share=keep),
            self.finish,
        )
