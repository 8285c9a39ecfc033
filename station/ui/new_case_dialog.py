"""新建来访者/个案: one calm form that registers a client (by real name or anonymously)
and opens a case for them, with the informed-consent record when it is at hand.

One service call, ``cases.open_case_for_new_client``, writes the client, the case and
the consent record in one transaction: either all of it is saved or nothing is. When
it fails, the message appears at its field and everything typed stays in the form.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station.models.enums import Role
from station.models.vocab import (
    LABELS,
    CaseSource,
    Concern,
    Gender,
    PostType,
    RankDetail,
    RankLevel,
    RiskLevel,
    TalkTrigger,
    UnitType,
)
from station.services import cases, clients, forms
from station.services.context import SignedIn
from station.ui import messages
from station.ui.forms import (
    SPACING,
    Field,
    FormDialog,
    form_layout,
    label,
    line_edit,
    scrolled,
)

E = TypeVar("E", bound=StrEnum)
_CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class NewCaseDialog(FormDialog):
    """Register a client and open their case. ``case_opened(case_id)`` is emitted and
    :attr:`case_id` set when the case exists; the dialog then closes."""

    case_opened = Signal(int)

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("New client and case"),
            self.tr("Register and open the case"),
            self.tr("Cancel"),
            parent,
            ok_name="registerButton",
            min_width=640,
        )
        self.ctx = ctx
        self.setObjectName("newCaseDialog")
        self.setMinimumWidth(max(640, self.fontMetrics().height() * 30))  # grows with the font
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.cancel)
        self.client_id: int | None = None
        self.case_id: int | None = None
        self._leaving = False
        self._field_names: list[str] = []

        inner = QWidget()
        inner.setObjectName("newCaseForm")
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(SPACING + 6)
        column.addWidget(label(self.tr("New client and case"), "heading", wrap=False))
        column.addWidget(
            label(
                self.tr(
                    "Fields marked * are needed. Everything else can be added later in the case."
                ),
                "muted",
            )
        )
        column.addWidget(self._client_box())
        column.addWidget(self._statistics_box())
        column.addWidget(self._case_box())
        self.consent_box: QGroupBox | None = None
        if ctx.role is Role.COUNSELLOR:
            self.consent_box = self._consent_box()
            column.addWidget(self.consent_box)
        column.addStretch(1)
        area = scrolled(inner)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setStyleSheet("QScrollArea, QWidget#newCaseForm { background: transparent; }")
        self.content.addWidget(area, 1)
        self.form_area = area
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        for i in range(outer.count()):
            item = outer.itemAt(i)
            if item is not None and item.spacerItem() is not None:
                outer.takeAt(i)  # the form, not empty space, takes the height
                break
        outer.setStretchFactor(self.content, 1)
        captions = [f.caption for f in self._all_fields()]
        width = max(c.sizeHint().width() for c in captions)
        for caption in captions:
            caption.setMinimumWidth(width)  # the inputs line up across the boxes

        self._set_anonymous(False)
        self._source_changed()
        self._risk_changed()
        self._consent_toggled(False)
        order: list[QWidget] = [
            self.real_radio,
            self.anonymous_radio,
            self.name.edit,
            self.alias.edit,
            self.unit.edit,
            self.phone.edit,
            self.emergency_contact.edit,
            self.gender.edit,
            self.birth_year.edit,
            self.rank_level.edit,
            self.rank_detail.edit,
            self.post_type.edit,
            self.unit_type.edit,
            self.source.edit,
            self.talk_trigger.edit,
            *self.concern_boxes,
            self.opened_on.edit,
            self.risk_level.edit,
            self.risk_reason.edit,
        ]
        if self.counsellor is not None:
            order.append(self.counsellor.edit)
        if self.consent_box is not None:
            order += [
                self.consent_given,
                self.form_version.edit,
                self.signed_on.edit,
                self.limits_explained,
            ]
        self.tab_order(order)
        self.name.edit.setFocus()  # most clients come by real name; Shift+Tab: the mode
        self._initial = self._snapshot()
        self._fit_to_screen()

    # -- building -------------------------------------------------------------------------
    def _all_fields(self) -> list[Field[Any]]:
        return [self.fields[name] for name in self._field_names]

    def _add(self, form: QFormLayout, field: Field[Any]) -> Field[Any]:
        field.add_to(form)
        self.fields.add(field)
        self._field_names.append(field.name)
        return field

    def _combo(self, kind: type[E], placeholder: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(placeholder, None)
        for value, text in LABELS[kind].items():
            combo.addItem(text, value)
        return combo

    def _client_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Client"))
        layout = QVBoxLayout(box)
        layout.setSpacing(SPACING)
        mode = QWidget()
        mode.setObjectName("anonymous")
        row = QHBoxLayout(mode)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING * 2)
        self.real_radio = QRadioButton(self.tr("By real name"))
        self.real_radio.setObjectName("realName")
        self.anonymous_radio = QRadioButton(self.tr("Anonymously (alias only)"))
        self.anonymous_radio.setObjectName("anonymousMode")
        self.real_radio.setAccessibleName(self.tr("Register by real name"))
        self.anonymous_radio.setAccessibleName(self.tr("Register anonymously"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.real_radio)
        self.mode_group.addButton(self.anonymous_radio)
        self.real_radio.setChecked(True)
        row.addWidget(self.real_radio)
        row.addWidget(self.anonymous_radio)
        row.addStretch(1)
        self.anonymous_radio.toggled.connect(self._set_anonymous)
        layout.addWidget(mode)
        self.mode_hint = label("", "muted")
        self.mode_hint.setObjectName("modeHint")
        layout.addWidget(self.mode_hint)

        form = form_layout()
        self.client_form = form
        self.name = self._add(form, Field(self.tr("Name *"), line_edit(40), "name"))
        self.alias = self._add(
            form,
            Field(
                self.tr("Alias *"),
                line_edit(40),
                "alias",
                self.tr("A code name the client agrees to, e.g. 青松. No real name."),
            ),
        )
        self.unit = self._add(form, Field(self.tr("Unit"), line_edit(100), "unit"))
        self.phone = self._add(form, Field(self.tr("Phone"), line_edit(30), "phone"))
        self.emergency_contact = self._add(
            form,
            Field(
                self.tr("Emergency contact"),
                line_edit(100),
                "emergency_contact",
                self.tr("Name and phone of a person to call in a crisis."),
            ),
        )
        layout.addLayout(form)
        return box

    def _statistics_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("For the statistics"))
        layout = QVBoxLayout(box)
        layout.setSpacing(SPACING)
        layout.addWidget(
            label(
                self.tr(
                    "Counted in the monthly figures without any name. Leave a field open "
                    "when the client prefers not to say."
                ),
                "muted",
            )
        )
        form = form_layout()
        not_given = self.tr("Not given")
        self.gender = self._add(
            form, Field(self.tr("Gender"), self._combo(Gender, not_given), "gender")
        )
        year = QSpinBox()
        last = date.today().year - clients.MIN_AGE
        year.setRange(clients.FIRST_BIRTH_YEAR - 1, last)
        year.setSpecialValueText(not_given)
        year.setValue(year.minimum())
        year.setGroupSeparatorShown(False)
        year.setMaximumWidth(160)
        self.birth_year = self._add(
            form,
            Field(self.tr("Birth year"), year, "birth_year", self.tr("Shown only as an age band.")),
        )
        self.rank_level = self._add(
            form, Field(self.tr("Rank level"), self._combo(RankLevel, not_given), "rank_level")
        )
        self.rank_detail = self._add(
            form,
            Field(
                self.tr("Finer rank (optional)"),
                self._combo(RankDetail, not_given),
                "rank_detail",
            ),
        )
        self.post_type = self._add(
            form, Field(self.tr("Post type"), self._combo(PostType, not_given), "post_type")
        )
        self.unit_type = self._add(
            form, Field(self.tr("Unit type"), self._combo(UnitType, not_given), "unit_type")
        )
        self.rank_level.edit.currentIndexChanged.connect(self._rank_changed)
        self._rank_changed()
        layout.addLayout(form)
        return box

    def _case_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Case"))
        layout = QVBoxLayout(box)
        layout.setSpacing(SPACING)
        form = form_layout()
        self.case_form = form
        choose = self.tr("Choose…")
        self.source = self._add(
            form, Field(self.tr("Source *"), self._combo(CaseSource, choose), "source")
        )
        self.talk_trigger = self._add(
            form,
            Field(
                self.tr("Seven must-talks *"),
                self._combo(TalkTrigger, choose),
                "talk_trigger",
                self.tr("Which of the seven must-talks led to the heart-to-heart talk."),
            ),
        )
        self.source.edit.currentIndexChanged.connect(self._source_changed)

        concerns = QWidget()
        grid = QGridLayout(concerns)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING * 2)
        grid.setVerticalSpacing(6)
        self.concern_boxes: list[QCheckBox] = []
        for i, (value, text) in enumerate(LABELS[Concern].items()):
            check = QCheckBox(text)
            check.setObjectName("concern_" + value)
            check.setProperty("value", value)
            check.setAccessibleName(text)
            grid.addWidget(check, i // 3, i % 3)
            self.concern_boxes.append(check)
        concerns.setFocusProxy(self.concern_boxes[0])
        self.concerns = self._add(
            form,
            Field(
                self.tr("Concerns *"),
                concerns,
                "concerns",
                self.tr("Tick every concern the client brings; at least one."),
            ),
        )
        opened = QDateEdit(QDate.currentDate())
        opened.setCalendarPopup(True)
        opened.setDisplayFormat("yyyy-MM-dd")
        opened.setLocale(_CHINESE)
        opened.setMinimumDate(_qdate(cases.EARLIEST_OPENING))
        opened.setMaximumDate(QDate.currentDate())
        opened.setMaximumWidth(180)
        self.opened_on = self._add(form, Field(self.tr("Opened on"), opened, "opened_on"))
        risk = QComboBox()
        for value, text in LABELS[RiskLevel].items():
            risk.addItem(text, value)
        self.risk_level = self._add(
            form,
            Field(
                self.tr("First risk judgement"),
                risk,
                "risk_level",
                self.tr("High and imminent cases stay on the dashboard until lowered."),
            ),
        )
        self.risk_reason = self._add(
            form, Field(self.tr("Basis of the judgement"), line_edit(500), "risk_reason")
        )
        risk.currentIndexChanged.connect(self._risk_changed)
        self.counsellor: Field[QComboBox] | None = None
        if self.ctx.role is Role.CUSTODIAN:
            combo = QComboBox()
            combo.addItem(choose, None)
            for ref in cases.counsellor_choices(self.ctx):
                combo.addItem(ref.display_name, ref.id)
            self.counsellor = self._add(
                form, Field(self.tr("Counsellor *"), combo, "counsellor_id")
            )
        layout.addLayout(form)
        return box

    def _consent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Informed consent"))
        layout = QVBoxLayout(box)
        layout.setSpacing(SPACING)
        self.consent_given = QCheckBox(self.tr("The client has signed the consent form"))
        self.consent_given.setObjectName("consentGiven")
        self.consent_given.setAccessibleName(self.tr("Consent form signed"))
        self.consent_given.toggled.connect(self._consent_toggled)
        layout.addWidget(self.consent_given)
        self.consent_hint = label(self.tr("It can also be recorded later in the case."), "muted")
        layout.addWidget(self.consent_hint)
        form = form_layout()
        self.consent_form = form
        self.form_version = self._add(
            form,
            Field(
                self.tr("Form version *"),
                line_edit(
                    cases.FORM_VERSION_MAX,
                    forms.consent_form_version(),
                    placeholder=self.tr("e.g. 2026版"),
                ),
                "form_version",
            ),
        )
        signed = QDateEdit(QDate.currentDate())
        signed.setCalendarPopup(True)
        signed.setDisplayFormat("yyyy-MM-dd")
        signed.setLocale(_CHINESE)
        signed.setMaximumDate(QDate.currentDate())
        signed.setMaximumWidth(180)
        self.signed_on = self._add(form, Field(self.tr("Signed on *"), signed, "signed_on"))
        layout.addLayout(form)
        self.limits_explained = QCheckBox(
            self.tr("The limits of confidentiality were explained to the client")
        )
        self.limits_explained.setObjectName("limitsExplained")
        self.limits_explained.setAccessibleName(self.tr("Limits of confidentiality explained"))
        layout.addWidget(self.limits_explained)
        return box

    def _fit_to_screen(self) -> None:
        wanted = self.sizeHint()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        inner = self.form_area.widget()
        height = wanted.height() + (inner.sizeHint().height() if inner is not None else 0)
        if screen is not None:
            height = min(height, int(screen.height() * 0.9))
        self.resize(max(wanted.width(), self.minimumWidth()), max(height, 480))

    # -- showing what applies ---------------------------------------------------------------
    def _row(self, form: QFormLayout, field: Field[Any], shown: bool) -> None:
        form.setRowVisible(field.caption, shown)
        if not shown:
            field.clear_error()

    @property
    def anonymous(self) -> bool:
        return self.anonymous_radio.isChecked()

    def _set_anonymous(self, anonymous: bool) -> None:
        """Anonymous: the identity fields go (and are emptied), an alias is asked for."""
        for field in (self.name, self.unit, self.phone, self.emergency_contact):
            if anonymous:
                field.edit.clear()
            self._row(self.client_form, field, not anonymous)
        if not anonymous:
            self.alias.edit.clear()
        self._row(self.client_form, self.alias, anonymous)
        self.mode_hint.setText(
            self.tr("Only an alias is kept: no name, unit or phone number is recorded.")
            if anonymous
            else self.tr(
                "Name, unit and phone are seen only by the client's counsellors and the "
                "records custodian."
            )
        )
        if anonymous and self.isVisible():
            self.alias.edit.setFocus()

    def _source_changed(self) -> None:
        talk = self.source.edit.currentData() == CaseSource.TALK.value
        if not talk:
            self.talk_trigger.edit.setCurrentIndex(0)
        self._row(self.case_form, self.talk_trigger, talk)

    def _risk_changed(self) -> None:
        judged = self.risk_level.edit.currentData() != RiskLevel.NONE.value
        self._row(self.case_form, self.risk_reason, judged)

    def _rank_changed(self) -> None:
        chosen = self.rank_level.edit.currentData() is not None
        if not chosen:
            self.rank_detail.edit.setCurrentIndex(0)
        self.rank_detail.edit.setEnabled(chosen)

    def _consent_toggled(self, on: bool) -> None:
        if self.consent_box is None:
            return
        for field in (self.form_version, self.signed_on):
            self._row(self.consent_form, field, on)
        self.limits_explained.setVisible(on)
        self.consent_hint.setVisible(not on)

    # -- reading the form ---------------------------------------------------------------
    @staticmethod
    def _choice(kind: type[E], combo: QComboBox) -> E | None:
        value = combo.currentData()
        return kind(value) if value else None

    def client_input(self) -> clients.ClientInput:
        year = self.birth_year.edit
        birth = None if year.value() == year.minimum() else year.value()
        anonymous = self.anonymous
        return clients.ClientInput(
            anonymous=anonymous,
            alias=self.alias.edit.text() if anonymous else "",
            name="" if anonymous else self.name.edit.text(),
            unit="" if anonymous else self.unit.edit.text(),
            phone="" if anonymous else self.phone.edit.text(),
            emergency_contact="" if anonymous else self.emergency_contact.edit.text(),
            gender=self._choice(Gender, self.gender.edit),
            birth_year=birth,
            rank_level=self._choice(RankLevel, self.rank_level.edit),
            rank_detail=self._choice(RankDetail, self.rank_detail.edit),
            post_type=self._choice(PostType, self.post_type.edit),
            unit_type=self._choice(UnitType, self.unit_type.edit),
        )

    def case_input(self) -> cases.CaseInput:
        """The case fields; ``client_id`` is 0 (the new client's id is not known yet)."""
        level = self._choice(RiskLevel, self.risk_level.edit) or RiskLevel.NONE
        return cases.CaseInput(
            client_id=0,
            source=self._choice(CaseSource, self.source.edit),
            talk_trigger=self._choice(TalkTrigger, self.talk_trigger.edit),
            concerns=tuple(
                Concern(str(box.property("value"))) for box in self.concern_boxes if box.isChecked()
            ),
            counsellor_id=self.counsellor.edit.currentData() if self.counsellor else None,
            opened_on=_pydate(self.opened_on.edit.date()),
            risk_level=level,
            risk_reason=self.risk_reason.edit.text() if level is not RiskLevel.NONE else "",
        )

    def _consent(self) -> tuple[str, date, bool] | None:
        if self.consent_box is None or not self.consent_given.isChecked():
            return None
        return (
            self.form_version.edit.text(),
            _pydate(self.signed_on.edit.date()),
            self.limits_explained.isChecked(),
        )

    def _snapshot(self) -> tuple[Any, ...]:
        values: list[Any] = [self.anonymous]
        for widget in self.fields.inputs():
            if isinstance(widget, QLineEdit):
                values.append(widget.text())
            elif isinstance(widget, QComboBox):
                values.append(widget.currentIndex())
            elif isinstance(widget, QSpinBox):
                values.append(widget.value())
            elif isinstance(widget, QDateEdit):
                values.append(widget.date())
        values += [box.isChecked() for box in self.concern_boxes]
        if self.consent_box is not None:
            values += [self.consent_given.isChecked(), self.limits_explained.isChecked()]
        return tuple(values)

    def has_changes(self) -> bool:
        """Whether anything was typed or chosen that is not saved yet."""
        return self._snapshot() != self._initial

    # -- sending ------------------------------------------------------------------------
    def send(self) -> None:
        ctx = self.ctx
        client, case, consent = self.client_input(), self.case_input(), self._consent()
        self.run(
            self.tr("Registering the client and opening the case…"),
            lambda: cases.open_case_for_new_client(ctx, client, case, consent),
            self._done,
        )

    def _done(self, ids: tuple[int, int]) -> None:
        self.client_id, self.case_id = ids
        self._leaving = True
        self.case_opened.emit(self.case_id)
        self.accept()

    # -- leaving ------------------------------------------------------------------------
    def cancel(self) -> None:
        """Cancel, Esc or the window's close button: never loses anything unasked."""
        if self.busy.running:
            return
        if self.has_changes() and not messages.ask(
            self,
            self.tr("Discard the form?"),
            self.tr("What you entered has not been saved. Close the form and discard it?"),
        ):
            return
        self._leaving = True
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._leaving or not self.isVisible():
            super().closeEvent(event)
            return
        event.ignore()
        self.cancel()
