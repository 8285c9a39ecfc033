"""转介: the referrals of a case, their dialogs, and the printed forms around a case.

- :class:`ReferralDialog`: write a new referral or edit a draft: destination from the
  directory (a searchable list showing kind and specialties), reason, urgency, a
  minimum-necessary summary with a live count, the client's consent (a justification is
  required for an emergency without consent), and how the printed form names the
  person (case code only unless the counsellor chooses the full name). Saved as a draft.
- :class:`ReferralStepDialog`: one step of the status flow (发出, 已接收, 已拒收, 记录反馈,
  关闭), with its date (today unless changed) and its note or feedback.
- :class:`ReferralPanel`: the case's referrals (number, destination, urgency, status,
  date sent, days waiting) with only the actions the selected referral's status allows,
  its details, and 打印转介单 (preview, print, save).
- :func:`preview_consent_form`: the informed consent form,
  blank or with a case code, in the print preview; :class:`CaseSummaryDialog` /
  :func:`preview_case_summary`: the custodian's case summary, session notes only when
  ticked.

The rules (which step follows which, what needs a reason, consent) are the services';
the panel asks ``referrals.TRANSITIONS`` which steps to offer and shows what the
services say at the field it concerns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import Role
from station.models.vocab import (
    FormIdentity,
    ReferralConsent,
    ReferralReason,
    ReferralStatus,
    ReferralUrgency,
    label,
)
from station.services import destinations, forms, referrals, settings
from station.services.context import SignedIn
from station.services.destinations import DestinationView
from station.services.referrals import (
    CONSENT_NOTE_MAX,
    CONSENT_NOTE_MIN,
    FEEDBACK_MAX,
    NOTE_REQUIRED,
    STEP_NOTE_MAX,
    SUMMARY_MAX,
    TRANSITIONS,
    ReferralBrief,
    ReferralInput,
    ReferralView,
)
from station.ui import messages, theme
from station.ui.case_forms import (
    CaseFormDialog,
    date_edit,
    from_qdate,
    text_edit,
    to_qdate,
    vocab_labels,
)
from station.ui.forms import (
    SPACING,
    BusyIndicator,
    Field,
    FormDialog,
    button,
    button_row,
    choice_combo,
    fact_box,
    form_layout,
    is_alive,
    open_dialog,
    scrolled,
    set_status,
    status_label,
)
from station.ui.forms import (
    label as text_label,
)
from station.ui.headcount_grid import RecordTable
from station.ui.pdf_preview import PdfPreviewDialog
from station.ui.tasks import run_task

E = TypeVar("E", bound=StrEnum)
S = ReferralStatus
SUMMARY_LINES = 6


def _title(what: str) -> str:
    return QCoreApplication.translate("ReferralDialogs", "Psychological care station · {0}").format(
        what
    )


def _day(day: date | None) -> str:
    return day.isoformat() if day else "—"


def _destination_text(view: DestinationView) -> str:
    text = f"{view.name} · {label(view.kind)}"
    if not view.active:
        text += QCoreApplication.translate("ReferralDialogs", " · retired")
    return text


# -- small inputs -------------------------------------------------------------------------
class ChoiceRadios(QWidget, Generic[E]):
    """One choice of a vocabulary as a row of radio buttons (arrow keys move between
    them); nothing is chosen until the user picks, unless ``current`` is given."""

    changed = Signal()

    def __init__(
        self, labels: dict[E, str], current: E | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING + 4)
        self.group = QButtonGroup(self)
        self.buttons: dict[E, QRadioButton] = {}
        for member, text in labels.items():
            radio = QRadioButton(text)
            radio.setAccessibleName(text)
            radio.setObjectName(f"choice_{member.value}")
            radio.setChecked(member == current)
            self.group.addButton(radio)
            row.addWidget(radio)
            self.buttons[member] = radio
        row.addStretch(1)
        self.group.buttonToggled.connect(lambda _button, _on: self._toggled())
        self._toggled()

    def _toggled(self) -> None:
        chosen = self.group.checkedButton()
        self.setFocusProxy(chosen or next(iter(self.buttons.values())))
        self.changed.emit()

    def value(self) -> E | None:
        for member, radio in self.buttons.items():
            if radio.isChecked():
                return member
        return None

    def set_value(self, member: E) -> None:
        self.buttons[member].setChecked(True)

    def radios(self) -> list[QRadioButton]:
        return list(self.buttons.values())


class DestinationCombo(QComboBox):
    """The active destinations of the directory; type part of a name or kind to narrow
    the list. A line below shows the chosen one's kind, specialties and contact."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Type to search the directory, or open the list"))
        self._views: dict[int, DestinationView] = {}

    def set_destinations(self, views: list[DestinationView], current: int | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        self._views = {v.id: v for v in views}
        for view in views:
            self.addItem(_destination_text(view), view.id)
            tip = "\n".join(
                part for part in (label(view.kind), view.specialties, view.contact) if part
            )
            self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.setCurrentIndex(self.findData(current) if current is not None else -1)
        if current is None:
            self.setEditText("")
        self.blockSignals(False)
        self.currentIndexChanged.emit(self.currentIndex())

    def chosen_id(self) -> int | None:
        """The destination whose entry the box shows; None while the typed text names none."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex()
        if index < 0 or self.itemText(index) != text:
            index = self.findText(text)
        if index < 0:
            return None
        value = self.itemData(index)
        return int(value) if value is not None else None

    def chosen(self) -> DestinationView | None:
        chosen = self.chosen_id()
        return None if chosen is None else self._views.get(chosen)


# -- the referral form --------------------------------------------------------------------
class ReferralDialog(CaseFormDialog):
    """新建转介 / 编辑转介草稿 for case ``case_id``; saved as a draft. ``referral_id`` is
    the draft's id once saved."""

    def __init__(
        self,
        ctx: SignedIn,
        case_id: int,
        referral_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = referral_id is not None
        super().__init__(
            _title(self.tr("Edit referral draft") if editing else self.tr("New referral")),
            self.tr("Save draft"),
            parent,
            min_width=680,
            ok_name="saveDraft",
        )
        self._ctx = ctx
        self._case_id = case_id
        self.referral_id = referral_id
        self.view: ReferralView | None = None
        if referral_id is not None:
            try:
                self.view = referrals.referral_view(ctx, referral_id)
            except StationError as exc:
                self.fields.general.show_message(exc.zh)
        view = self.view
        heading = (
            self.tr("Referral {0} · draft").format(view.number)
            if view is not None
            else self.tr("New referral")
        )
        self.content.addWidget(text_label(heading, "heading"))
        self.content.addWidget(
            text_label(
                self.tr(
                    "Saved as a draft: nothing leaves the station until you print the form "
                    "and mark the referral as sent."
                ),
                "muted",
            )
        )
        form = form_layout()

        # destination ------------------------------------------------------------------
        self.destination_combo = DestinationCombo()
        self.destination_field = Field(
            self.tr("Destination"), self.destination_combo, "destination_id"
        )
        self.destination_detail = text_label("", "muted")
        self.destination_detail.setObjectName("destinationDetail")
        self._add(form, self.destination_field, [self.destination_detail])
        self.destination_combo.currentIndexChanged.connect(lambda _i: self._show_destination())
        self.destination_combo.editTextChanged.connect(lambda _t: self._show_destination())

        # reason and urgency --------------------------------------------------------------
        self.reason_combo = choice_combo(
            vocab_labels(ReferralReason), view.reason if view else None
        )
        if view is None:
            self.reason_combo.setCurrentIndex(-1)
            self.reason_combo.setPlaceholderText(self.tr("Choose a reason"))
        self.fields.row(form, "reason", self.tr("Referral reason"), self.reason_combo)
        self.urgency = ChoiceRadios(
            vocab_labels(ReferralUrgency), view.urgency if view else ReferralUrgency.ROUTINE
        )
        self.urgency.setObjectName("urgency")
        self._add(form, Field(self.tr("Urgency"), self.urgency, "urgency"), [])

        # summary ----------------------------------------------------------------------
        self.summary_edit = text_edit(view.summary if view else "", SUMMARY_LINES)
        self.summary_hint = text_label(
            self.tr("Write only the minimum the receiver needs to know"), "muted"
        )
        self.summary_count = text_label("", "muted", wrap=False)
        self.summary_count.setObjectName("summaryCount")
        self.summary_count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.summary_hint, 1)
        below.addWidget(self.summary_count)
        summary_field = Field(
            self.tr("Summary for the receiver"),
            self.summary_edit,
            "summary",
            self.tr("Write only the minimum the receiver needs to know"),
        )
        summary_field.hint = None  # shown beside the count instead
        self._add(form, summary_field, [below])
        self.summary_edit.textChanged.connect(self._count)

        # consent ------------------------------------------------------------------------
        self.consent = ChoiceRadios(vocab_labels(ReferralConsent), view.consent if view else None)
        self.consent.setObjectName("consent")
        self._add(
            form,
            Field(self.tr("Client's consent"), self.consent, "consent"),
            [],
        )
        self.note_edit = text_edit(view.consent_note if view else "", 3)
        self.note_field = Field(self.tr("Note on consent"), self.note_edit, "consent_note")
        self.note_hint = text_label("", "muted")
        self._add(form, self.note_field, [self.note_hint])
        self.consent.changed.connect(self._consent_changed)

        # identity on the form ----------------------------------------------------------
        self.identity = ChoiceRadios(
            {
                FormIdentity.CODE: label(FormIdentity.CODE),
                FormIdentity.NAME: label(FormIdentity.NAME),
            },
            view.identity_on_form if view else FormIdentity.CODE,
        )
        self.identity.setObjectName("identity_on_form")
        self._add(
            form,
            Field(
                self.tr("Identity on the form"),
                self.identity,
                "identity_on_form",
                self.tr(
                    "The case code keeps the name off paper. Print the full name only when "
                    "the receiver needs it."
                ),
            ),
            [],
        )
        self.form_area = self._scrolling(form)

        self._load_destinations()
        self._count()
        self._consent_changed()
        self.ready(
            [
                self.destination_combo,
                self.reason_combo,
                *self.urgency.radios(),
                self.summary_edit,
                *self.consent.radios(),
                self.note_edit,
                *self.identity.radios(),
            ]
        )
        if view is None and self.referral_id is not None:  # could not be read
            self.ok_button.setEnabled(False)
        self.destination_combo.setFocus()

    # -- building ---------------------------------------------------------------------
    def _scrolling(self, form: QFormLayout) -> QScrollArea:
        """The form in a scroll area that takes the dialog's height (150 % scaling on a
        laptop leaves less room than the form needs)."""
        self._form_body = QWidget()
        self._form_body.setObjectName("referralForm")
        column = QVBoxLayout(self._form_body)
        column.setContentsMargins(0, 0, 8, 0)
        column.addLayout(form)
        column.addStretch(1)
        area = scrolled(self._form_body)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setStyleSheet("QScrollArea, QWidget#referralForm { background: transparent; }")
        self.content.addWidget(area, 1)
        outer = self.layout()
        if isinstance(outer, QVBoxLayout):  # the form, not the space below it, grows
            for i in range(outer.count()):
                item = outer.itemAt(i)
                if item is not None and item.spacerItem() is not None:
                    outer.takeAt(i)
                    break
            outer.setStretchFactor(self.content, 1)
        self._sized = False
        return area

    def showEvent(self, event: QShowEvent) -> None:
        """Open tall enough for the whole form when the screen has room."""
        super().showEvent(event)
        if self._sized:
            return
        self._sized = True
        screen = self.screen()
        room = int(screen.availableGeometry().height() * 0.9) if screen is not None else 800
        missing = self._form_body.sizeHint().height() - self.form_area.viewport().height()
        if missing > 0:
            self.resize(self.width(), min(room, self.height() + missing))

    def _add(
        self, form: QFormLayout, field: Field[Any], extras: list[QWidget | QHBoxLayout]
    ) -> None:
        """A field with extra lines (a detail, a hint and a count) between input and error."""
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(field.edit)
        if field.hint is not None:
            column.addWidget(field.hint)
        for extra in extras:
            if isinstance(extra, QWidget):
                column.addWidget(extra)
            else:
                column.addLayout(extra)
        column.addWidget(field.error)
        holder = QWidget()
        holder.setLayout(column)
        form.addRow(field.caption, holder)
        self.fields.add(field)

    def _load_destinations(self) -> None:
        current = self.view.destination if self.view is not None else None
        try:
            views = destinations.list_destinations(self._ctx)
        except StationError as exc:
            views = []
            self.fields.show_at("destination_id", exc.zh)
        if current is not None and current.id not in {v.id for v in views}:
            views.append(current)  # retired since: kept on the draft until changed
        self.destination_combo.set_destinations(views, current.id if current else None)
        if not views:
            self.fields.show_at(
                "destination_id",
                self.tr(
                    "The directory has no destinations yet. Ask the records custodian to add "
                    "them on the Referral directory page."
                ),
            )

    def _show_destination(self) -> None:
        view = self.destination_combo.chosen()
        if view is None:
            self.destination_detail.setText(
                self.tr("Choose an entry from the list.")
                if self.destination_combo.currentText().strip()
                else ""
            )
            self.destination_detail.setVisible(bool(self.destination_detail.text()))
            return
        parts = []
        if view.specialties:
            parts.append(self.tr("Specialties: {0}").format(view.specialties))
        if view.contact:
            parts.append(self.tr("Contact: {0}").format(view.contact))
        if not view.active:
            parts.append(self.tr("Retired: choose another destination before sending."))
        self.destination_detail.setText("\n".join(parts))
        self.destination_detail.setVisible(True)

    def _count(self) -> None:
        length = len(self.summary_edit.toPlainText().strip())
        self.summary_count.setText(f"{length} / {SUMMARY_MAX}")
        self.summary_count.setAccessibleName(
            self.tr("{0} of {1} characters").format(length, SUMMARY_MAX)
        )
        set_status(
            self.summary_count,
            self.summary_count.text(),
            "error" if length > SUMMARY_MAX else "muted",
        )

    def _consent_changed(self) -> None:
        self.fields["consent"].clear_error()
        consent = self.consent.value()
        if consent is ReferralConsent.EMERGENCY:
            caption = self.tr("Justification (required)")
            hint = self.tr(
                "Only when the urgency is “{0}”: say why the client could not agree and what "
                "danger there is (at least {1} characters)."
            ).format(label(ReferralUrgency.EMERGENCY), CONSENT_NOTE_MIN)
        elif consent is ReferralConsent.REFUSED:
            caption = self.tr("Note on the refusal")
            hint = self.tr(
                "A refused referral can be kept as a draft to record it; it cannot be sent."
            )
        else:
            caption = self.tr("Note on consent")
            hint = self.tr("Optional.")
        self.note_field.caption.setText(caption)
        self.note_edit.setAccessibleName(caption)
        self.note_hint.setText(hint)

    # -- saving -----------------------------------------------------------------------
    def data(self) -> ReferralInput:
        return ReferralInput(
            destination_id=self.destination_combo.chosen_id(),
            reason=self.reason_combo.currentData(),
            urgency=self.urgency.value(),
            summary=self.summary_edit.toPlainText(),
            consent=self.consent.value(),
            consent_note=self.note_edit.toPlainText()[: CONSENT_NOTE_MAX + 1],
            identity_on_form=self.identity.value() or FormIdentity.CODE,
        )

    def send(self) -> None:
        if (
            self.destination_combo.currentText().strip()
            and self.destination_combo.chosen_id() is None
        ):
            self._show_at(
                "destination_id",
                self.tr("No directory entry has this name. Choose one from the list."),
            )
            return
        ctx, case_id, data = self._ctx, self._case_id, self.data()
        known = self.referral_id

        def save() -> int:
            if known is None:
                return referrals.create_referral(ctx, case_id, data)
            referrals.update_referral(ctx, known, data)
            return known

        self.busy.controls = [*self.fields.inputs(), self.ok_button, self.cancel_button]
        self.busy.run(
            self.tr("Saving the draft…"),
            save,
            self._saved,
            lambda exc: self._show_at(exc.field, exc.zh),
        )

    def _show_at(self, name: str | None, text: str) -> None:
        """The message under its field, scrolled into view (the form may be taller
        than the dialog)."""
        self.fields.show_at(name, text)
        try:
            error = self.fields.error_label(name or "")
        except KeyError:
            return
        area = self.form_area

        def reveal() -> None:
            if is_alive(area) and is_alive(error):
                area.ensureWidgetVisible(error)

        QTimer.singleShot(0, reveal)

    def _saved(self, referral_id: int) -> None:
        self.referral_id = referral_id
        self.finish()


# -- one step of the status flow -----------------------------------------------------------
class ReferralStepDialog(CaseFormDialog):
    """发出 / 已接收 / 已拒收 / 记录反馈 / 关闭 for one referral: the step's date (today
    unless changed) and its note or the receiver's feedback."""

    def __init__(
        self,
        ctx: SignedIn,
        brief: ReferralBrief,
        target: ReferralStatus,
        parent: QWidget | None = None,
    ) -> None:
        texts = {
            S.SENT: (self.tr("Send referral"), self.tr("Mark as sent")),
            S.ACCEPTED: (self.tr("Referral accepted"), self.tr("Record acceptance")),
            S.DECLINED: (self.tr("Referral declined"), self.tr("Record refusal")),
            S.FEEDBACK: (self.tr("Feedback received"), self.tr("Save feedback")),
            S.CLOSED: (self.tr("Close referral"), self.tr("Close referral")),
        }
        what, ok = texts[target]
        super().__init__(_title(what), ok, parent, min_width=560, ok_name="stepOk")
        self._ctx = ctx
        self.brief = brief
        self.target = target
        self.content.addWidget(text_label(f"{brief.number} · {brief.destination_name}", "heading"))
        explain = {
            S.SENT: self.tr(
                "The form went to the receiver on this date. Print it first if you have not: "
                "a sent referral can no longer be edited."
            ),
            S.ACCEPTED: self.tr("The receiver accepted the referral on this date."),
            S.DECLINED: self.tr("The receiver declined the referral on this date."),
            S.FEEDBACK: self.tr("What the receiver reported back, and when."),
            S.CLOSED: self.tr("The referral ends here; a closed referral cannot change."),
        }[target]
        self.content.addWidget(text_label(explain, "muted"))
        form = form_layout()
        self.date_edit = date_edit()
        self.date_edit.setMaximumDate(to_qdate(date.today()))
        self.fields.row(form, "on", self.tr("Date"), self.date_edit)
        inputs: list[QWidget] = [self.date_edit]
        self.note_edit: QPlainTextEdit | None = None
        self.feedback_edit: QPlainTextEdit | None = None
        if target is S.FEEDBACK:
            self.feedback_edit = text_edit("", 6)
            self.fields.row(
                form,
                "feedback",
                self.tr("Feedback"),
                self.feedback_edit,
                self.tr("Keep to what the station needs for the case."),
            )
            inputs.append(self.feedback_edit)
        elif target is not S.SENT:
            self.note_edit = text_edit("", 3)
            required = (brief.status, target) in NOTE_REQUIRED
            hint = (
                self.tr("Required: the referral ends without its outcome. Say why.")
                if required
                else self.tr("Optional.")
            )
            self.fields.row(
                form,
                "note",
                self.tr("Reason (required)") if required else self.tr("Note"),
                self.note_edit,
                hint,
            )
            inputs.append(self.note_edit)
        self.content.addLayout(form)
        self.ready(inputs)
        self.date_edit.setFocus()

    def send(self) -> None:
        ctx, rid, target = self._ctx, self.brief.id, self.target
        on = from_qdate(self.date_edit.date())
        note = self.note_edit.toPlainText()[: STEP_NOTE_MAX + 1] if self.note_edit else ""
        feedback = (
            self.feedback_edit.toPlainText()[: FEEDBACK_MAX + 1] if self.feedback_edit else ""
        )

        def work() -> None:
            if target is S.SENT:
                referrals.send(ctx, rid, on)
            elif target in (S.ACCEPTED, S.DECLINED):
                referrals.record_answer(ctx, rid, target is S.ACCEPTED, on, note)
            elif target is S.FEEDBACK:
                referrals.record_feedback(ctx, rid, feedback, on)
            else:
                referrals.close(ctx, rid, on, note)

        self.run(self.tr("Saving…"), work, self.finish)


# -- details ----------------------------------------------------------------------------
class ReferralDetailDialog(QDialog):
    """Everything about one referral and its steps (reading it is audited)."""

    def __init__(self, view: ReferralView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_title(self.tr("Referral {0}").format(view.number)))
        self.setObjectName("referralDetail")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(SPACING)
        layout.addWidget(
            text_label(f"{view.number} · {label(view.status)}", "heading", selectable=True)
        )
        consent = label(view.consent)
        if view.consent_note:
            consent += f"\n{view.consent_note}"
        rows = [
            (self.tr("Case"), view.case_code),
            (self.tr("Destination"), _destination_text(view.destination)),
            (self.tr("Contact"), view.destination.contact or "—"),
            (self.tr("Referral reason"), label(view.reason)),
            (self.tr("Urgency"), label(view.urgency)),
            (self.tr("Risk level on the form"), label(view.risk_level)),
            (self.tr("Client's consent"), consent),
            (self.tr("Identity on the form"), label(view.identity_on_form)),
            (self.tr("Summary for the receiver"), view.summary),
            (self.tr("Written by"), view.created_by.display_name or "—"),
        ]
        if view.feedback:
            rows.append((self.tr("Feedback"), view.feedback))
        layout.addWidget(fact_box(self.tr("Referral"), rows))
        if view.steps:
            steps = QTableWidget(len(view.steps), 4)
            steps.setObjectName("referralSteps")
            steps.setAccessibleName(self.tr("Steps of the referral"))
            steps.setHorizontalHeaderLabels(
                [self.tr("Date"), self.tr("Step"), self.tr("Note"), self.tr("By")]
            )
            steps.verticalHeader().hide()
            steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            steps.setTabKeyNavigation(False)
            for r, step in enumerate(view.steps):
                values = [
                    step.on.isoformat(),
                    f"{label(step.from_status)} → {label(step.to_status)}",
                    step.note,
                    step.by.display_name,
                ]
                for c, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value)
                    steps.setItem(r, c, item)
            header = steps.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            steps.resizeRowsToContents()
            height = (
                header.sizeHint().height()
                + steps.verticalHeader().length()
                + 2 * steps.frameWidth()
                + 2
            )
            steps.setFixedHeight(min(height, 320))
            layout.addWidget(steps)
        close = button(self.tr("Close"), primary=True, name="closeDetail")
        close.clicked.connect(self.accept)
        layout.addLayout(button_row(close, stretch_after=0))


# -- opening forms in the preview --------------------------------------------------------------
@dataclass(frozen=True)
class _Built:
    pdf: bytes
    file_name: str


def _open_preview(
    parent: QWidget,
    busy: BusyIndicator | None,
    build: Callable[[], _Built],
    title: str,
    on_output: Callable[[str], None],
    failed: Callable[[StationError], None],
    opened: Callable[[PdfPreviewDialog], None] | None = None,
) -> None:
    """Build a PDF in the background, then show it in the print preview."""

    def show(built: _Built) -> None:
        if not is_alive(parent):
            return
        dialog = PdfPreviewDialog(built.pdf, title, built.file_name, on_output, parent)
        open_dialog(dialog, lambda _accepted: None)
        if opened is not None:
            opened(dialog)

    text = QCoreApplication.translate("ReferralDialogs", "Preparing the form…")
    if busy is not None:
        busy.run(text, build, show, failed)
        return

    def error(exc: BaseException) -> None:
        if isinstance(exc, StationError):
            if is_alive(parent):
                failed(exc)
            return
        raise exc

    run_task(lambda _handle: build(), show, error)


def _warn_failed(parent: QWidget) -> Callable[[StationError], None]:
    def failed(exc: StationError) -> None:
        messages.warn(
            parent, QCoreApplication.translate("ReferralDialogs", "Form not prepared"), exc.zh
        )

    return failed


def preview_consent_form(
    ctx: SignedIn,
    parent: QWidget,
    case_id: int | None = None,
    *,
    busy: BusyIndicator | None = None,
    opened: Callable[[PdfPreviewDialog], None] | None = None,
) -> None:
    """知情同意书 in the print preview: blank (for paper intake) or with ``case_id``'s
    code and counsellor. Printing and saving are audited."""

    def build() -> _Built:
        if case_id is None:
            pdf = forms.consent_form_pdf(ctx, blank=True)
        else:
            pdf = forms.consent_form_pdf(ctx, blank=False, case_id=case_id)
        return _Built(pdf, forms.suggested_file_name(ctx, "consent", case_id))

    _open_preview(
        parent,
        busy,
        build,
        QCoreApplication.translate("ReferralDialogs", "Informed consent form"),
        lambda how: forms.record_output(ctx, "consent", case_id, _how(how)),
        _warn_failed(parent),
        opened,
    )


def _how(how: str) -> forms.OutputHow:
    if how == "print":
        return "print"
    if how == "save":
        return "save"
    raise ValueError(how)


class CaseSummaryDialog(FormDialog):
    """个案摘要 (records custodian): the case timeline for a request, without session
    notes unless ticked; private process notes never. ``pdf`` holds the built summary."""

    def __init__(self, ctx: SignedIn, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            _title(self.tr("Case summary")),
            self.tr("Preview…"),
            self.tr("Cancel"),
            parent,
            ok_name="previewSummary",
            min_width=560,
        )
        self._ctx = ctx
        self._case_id = case_id
        self.pdf: bytes | None = None
        self.file_name = ""
        self.content.addWidget(text_label(self.tr("Case summary"), "heading"))
        self.content.addWidget(
            text_label(
                self.tr(
                    "The case's timeline for an authorised request: dates, kinds of service, "
                    "risk levels, referrals and follow-ups. Building it is written to the "
                    "audit log."
                ),
                "muted",
            )
        )
        self.notes_box = QCheckBox(self.tr("Include session notes"))
        self.notes_box.setObjectName("includeNotes")
        self.notes_box.setAccessibleName(self.tr("Include session notes"))
        self.notes_box.setChecked(False)
        self.content.addWidget(self.notes_box)
        self.content.addWidget(
            text_label(
                self.tr(
                    "Only when the request needs the contents of the sessions. Counsellors' "
                    "private process notes are never included."
                ),
                "muted",
            )
        )
        self.fields.add(Field(self.tr("Include session notes"), self.notes_box, "include_notes"))
        self.tab_order([self.notes_box])

    def send(self) -> None:
        ctx, case_id, notes = self._ctx, self._case_id, self.notes_box.isChecked()

        def build() -> _Built:
            pdf = forms.case_summary_pdf(ctx, case_id, include_notes=notes)
            return _Built(pdf, forms.suggested_file_name(ctx, "case_summary", case_id))

        self.run(self.tr("Preparing the summary…"), build, self._built)

    def _built(self, built: _Built) -> None:
        self.pdf, self.file_name = built.pdf, built.file_name
        self.accept()


def preview_case_summary(
    ctx: SignedIn,
    case_id: int,
    parent: QWidget,
    opened: Callable[[PdfPreviewDialog], None] | None = None,
) -> CaseSummaryDialog:
    """Ask whether to include session notes, then show the summary in the print preview."""
    dialog = CaseSummaryDialog(ctx, case_id, parent)

    def finished(accepted: bool) -> None:
        pdf = dialog.pdf
        if not accepted or pdf is None or not is_alive(parent):
            return
        preview = PdfPreviewDialog(
            pdf,
            QCoreApplication.translate("ReferralDialogs", "Case summary"),
            dialog.file_name,
            lambda how: forms.record_output(ctx, "case_summary", case_id, _how(how)),
            parent,
        )
        open_dialog(preview, lambda _accepted: None)
        if opened is not None:
            opened(preview)

    return open_dialog(dialog, finished)


# -- the case's referrals ----------------------------------------------------------------------
@dataclass(frozen=True)
class _Listed:
    briefs: list[ReferralBrief]
    feedback_days: int


class ReferralPanel(QWidget):
    """The referrals of one case and what can be done with the selected one.

    Shown in the case view (a 转介 tab). ``changed()`` fires after every change the user
    made here. :meth:`set_case_state` says whether this user works on the case and
    whether it is open (a new referral needs an open case)."""

    changed = Signal()

    COLUMNS = 6

    def __init__(self, ctx: SignedIn, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case_id = case_id
        self._can_work = ctx.role is Role.COUNSELLOR
        self._is_open = True
        self._loaded = False
        self._briefs: dict[int, ReferralBrief] = {}
        self._feedback_days = 0
        self.dialog: QDialog | None = None  # the dialog last opened, while it is open
        self.setObjectName("referralPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(SPACING)
        self.intro = text_label(
            self.tr(
                "Referrals to hospitals, clinics and experts from the directory. Print the form "
                "for the receiver, then record each step as it happens."
            ),
            "muted",
        )
        layout.addWidget(self.intro)
        self.table = RecordTable(
            [
                self.tr("Number"),
                self.tr("Destination"),
                self.tr("Urgency"),
                self.tr("Status"),
                self.tr("Sent"),
                self.tr("Days waiting"),
            ],
            self.tr("Referrals of the case"),
        )
        self.table.setObjectName("referrals")
        self.table.itemSelectionChanged.connect(self._update_actions)
        self.table.opened.connect(lambda _rid: self.open_selected())
        layout.addWidget(self.table, 1)
        self.empty_label = text_label(self.tr("No referrals for this case."), "muted")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.selected_label = text_label("", "muted", selectable=True)
        self.selected_label.setObjectName("selectedReferral")
        layout.addWidget(self.selected_label)

        self.new_button = button(self.tr("New referral…"), primary=True, name="newReferral")
        self.new_button.setDefault(False)
        self.details_button = button(self.tr("Details…"), name="referralDetails")
        self.edit_button = button(self.tr("Edit…"), name="editReferral")
        self.send_button = button(self.tr("Mark as sent…"), name="sendReferral")
        self.accept_button = button(self.tr("Accepted…"), name="acceptedReferral")
        self.decline_button = button(self.tr("Declined…"), name="declinedReferral")
        self.feedback_button = button(self.tr("Record feedback…"), name="feedbackReferral")
        self.close_button = button(self.tr("Close referral…"), name="closeReferral")
        self.delete_button = button(self.tr("Delete draft"), name="deleteDraft")
        self.print_button = button(self.tr("Print form…"), name="printReferral")
        self.step_buttons = {
            S.SENT: self.send_button,
            S.ACCEPTED: self.accept_button,
            S.DECLINED: self.decline_button,
            S.FEEDBACK: self.feedback_button,
            S.CLOSED: self.close_button,
        }
        self.new_button.clicked.connect(lambda: self.new_referral())
        self.details_button.clicked.connect(lambda: self.details())
        self.edit_button.clicked.connect(lambda: self.edit_referral())
        for target, widget in self.step_buttons.items():
            widget.clicked.connect(lambda _=False, t=target: self.step(t))
        self.delete_button.clicked.connect(self.delete_draft)
        self.print_button.clicked.connect(lambda: self.print_form())
        self.action_buttons = [
            self.details_button,
            self.edit_button,
            *self.step_buttons.values(),
            self.delete_button,
            self.print_button,
        ]
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.new_button)
        row.addSpacing(SPACING)
        for widget in self.action_buttons:
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.busy = BusyIndicator([self.new_button, *self.action_buttons])
        layout.addWidget(self.busy)
        self.status = status_label()
        self.status.setObjectName("referralStatus")
        layout.addWidget(self.status)
        self._update_actions()

    # -- state ----------------------------------------------------------------------------
    def set_case_state(self, can_work: bool, is_open: bool) -> None:
        """Whether this user may write on the case, and whether it is open."""
        self._can_work = can_work and self._ctx.role is Role.COUNSELLOR
        self._is_open = is_open
        self._update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def selected(self) -> ReferralBrief | None:
        rid = self.table.selected_id()
        return None if rid is None else self._briefs.get(rid)

    def select(self, referral_id: int) -> bool:
        return self.table.select_id(referral_id)

    def offered(self) -> list[str]:
        """The object names of the actions offered now (for tests and screen readers)."""
        return [w.objectName() for w in [self.new_button, *self.action_buttons] if not w.isHidden()]

    # -- the list -------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        ctx, case_id = self._ctx, self._case_id
        self._loaded = True
        keep = select_id if select_id is not None else self.table.selected_id()

        def work() -> _Listed:
            return _Listed(
                referrals.case_referrals(ctx, case_id), settings.referral_feedback_days(ctx)
            )

        self.busy.run(
            self.tr("Reading referrals…"),
            work,
            lambda listed: self._show(listed, keep),
            lambda exc: set_status(self.status, exc.zh, "error"),
        )

    def _show(self, listed: _Listed, select_id: int | None) -> None:
        self._briefs = {b.id: b for b in listed.briefs}
        self._feedback_days = listed.feedback_days
        today = date.today()
        newest_first = list(reversed(listed.briefs))
        rows = []
        for b in newest_first:
            waiting = b.days_waiting(today)
            rows.append(
                (
                    b.id,
                    [
                        b.number,
                        b.destination_name,
                        label(b.urgency),
                        label(b.status),
                        _day(b.sent_on),
                        self.tr("{0} d").format(waiting) if waiting is not None else "—",
                    ],
                )
            )
        self.table.set_rows(rows, select_id)
        self.table.align_right(5)
        self.table.stretch(1)
        for r, b in enumerate(newest_first):
            waiting = b.days_waiting(today)
            if waiting is not None and waiting > self._feedback_days:
                item = self.table.item(r, 5)
                if item is not None:
                    item.setForeground(QColor(theme.ERROR))
                    item.setToolTip(
                        self.tr("No feedback after {0} days: ask the receiver how it went.").format(
                            waiting
                        )
                    )
            if b.urgency in (ReferralUrgency.URGENT, ReferralUrgency.EMERGENCY):
                item = self.table.item(r, 2)
                if item is not None:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        self.empty_label.setVisible(not rows)
        self._update_actions()

    def _update_actions(self) -> None:
        brief = self.selected()
        works = self._can_work
        self.new_button.setVisible(works)
        self.new_button.setEnabled(self._is_open)
        self.new_button.setToolTip(
            "" if self._is_open else self.tr("The case is closed: reopen it to refer.")
        )
        status = brief.status if brief else None
        allowed = TRANSITIONS[status] if status is not None else frozenset()
        draft = status is S.DRAFT
        self.details_button.setVisible(brief is not None)
        self.edit_button.setVisible(works and draft)
        self.delete_button.setVisible(works and draft)
        for target, widget in self.step_buttons.items():
            widget.setVisible(works and target in allowed)
        self.print_button.setVisible(
            brief is not None and brief.consent is not ReferralConsent.REFUSED
        )
        self.selected_label.setText(self._describe(brief) if brief else "")
        self.selected_label.setVisible(brief is not None)

    def _describe(self, b: ReferralBrief) -> str:
        parts = [
            label(b.reason),
            label(b.consent),
            self.tr("written {0} by {1}").format(
                b.created_on.isoformat(), b.created_by.display_name or "—"
            ),
        ]
        for text, day in (
            (self.tr("sent {0}"), b.sent_on),
            (self.tr("answered {0}"), b.answered_on),
            (self.tr("feedback {0}"), b.feedback_on),
            (self.tr("closed {0}"), b.closed_on),
        ):
            if day is not None:
                parts.append(text.format(day.isoformat()))
        return f"{b.number}：" + " · ".join(parts)

    # -- actions ---------------------------------------------------------------------------
    def _open(self, dialog: QDialog, done: Callable[[], None] | None = None) -> None:
        self.dialog = dialog

        def finished(accepted: bool) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if is_alive(self) and accepted and done is not None:
                done()

        open_dialog(dialog, finished)

    def _busy(self) -> bool:
        return self.busy.running or self.dialog is not None

    def new_referral(self) -> ReferralDialog | None:
        if self._busy() or not self._can_work:
            return None
        dialog = ReferralDialog(self._ctx, self._case_id, None, self)

        def done() -> None:
            self._after(
                dialog.referral_id, self.tr("Draft saved. Print the form, then mark it as sent.")
            )

        self._open(dialog, done)
        return dialog

    def edit_referral(self) -> ReferralDialog | None:
        brief = self.selected()
        if brief is None or self._busy() or brief.status is not S.DRAFT:
            return None
        dialog = ReferralDialog(self._ctx, self._case_id, brief.id, self)
        self._open(dialog, lambda: self._after(brief.id, self.tr("Draft saved.")))
        return dialog

    def step(self, target: ReferralStatus) -> ReferralStepDialog | None:
        brief = self.selected()
        if brief is None or self._busy() or target not in TRANSITIONS[brief.status]:
            return None
        dialog = ReferralStepDialog(self._ctx, brief, target, self)
        done = {
            S.SENT: self.tr("Referral {0} marked as sent."),
            S.ACCEPTED: self.tr("Referral {0}: accepted by the receiver."),
            S.DECLINED: self.tr("Referral {0}: declined by the receiver."),
            S.FEEDBACK: self.tr("Referral {0}: feedback recorded."),
            S.CLOSED: self.tr("Referral {0} closed."),
        }[target].format(brief.number)
        self._open(dialog, lambda: self._after(brief.id, done))
        return dialog

    def _after(self, referral_id: int | None, text: str) -> None:
        self.refresh(referral_id)
        set_status(self.status, text, "muted")
        self.changed.emit()

    def delete_draft(self) -> None:
        brief = self.selected()
        if brief is None or self._busy() or brief.status is not S.DRAFT:
            return
        if not messages.ask(
            self,
            self.tr("Delete draft"),
            self.tr("Delete the draft referral {0}? Its number is not used again.").format(
                brief.number
            ),
        ):
            return
        ctx = self._ctx
        self.busy.run(
            self.tr("Deleting…"),
            lambda: referrals.delete_draft(ctx, brief.id),
            lambda _: self._after(None, self.tr("Draft {0} deleted.").format(brief.number)),
            lambda exc: set_status(self.status, exc.zh, "error"),
        )

    def open_selected(self) -> QDialog | None:
        """Enter or a double click: a draft opens for editing, anything else its details."""
        brief = self.selected()
        if brief is not None and brief.status is S.DRAFT and self._can_work:
            return self.edit_referral()
        return self.details()

    def details(self) -> ReferralDetailDialog | None:
        brief = self.selected()
        if brief is None or self._busy():
            return None
        try:
            view = referrals.referral_view(self._ctx, brief.id)
        except StationError as exc:
            set_status(self.status, exc.zh, "error")
            return None
        dialog = ReferralDetailDialog(view, self)
        self._open(dialog)
        return dialog

    def print_form(self) -> None:
        brief = self.selected()
        if brief is None or self._busy():
            return
        ctx, rid = self._ctx, brief.id
        set_status(self.status, "", "muted")

        def build() -> _Built:
            return _Built(
                forms.referral_form_pdf(ctx, rid), forms.suggested_file_name(ctx, "referral", rid)
            )

        _open_preview(
            self,
            self.busy,
            build,
            self.tr("Referral form {0}").format(brief.number),
            lambda how: forms.record_output(ctx, "referral", rid, _how(how)),
            lambda exc: set_status(self.status, exc.zh, "error"),
            self._preview_opened,
        )

    def _preview_opened(self, dialog: PdfPreviewDialog) -> None:
        self.dialog = dialog

        def closed() -> None:
            if is_alive(self) and self.dialog is dialog:
                self.dialog = None

        dialog.finished.connect(lambda _code: closed())
