"""Settings › 转介与上报: the contact line printed on forms, when an unanswered referral
counts as overdue, and the city office's statistics policy file. (The city office's
public key is set on the export page, where its effect is shown.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QScrollArea, QSpinBox, QVBoxLayout, QWidget

from station.errors import StationError
from station.services import settings, statistics
from station.services.context import SignedIn
from station.services.settings import MAX_REFERRAL_FEEDBACK_DAYS, MIN_REFERRAL_FEEDBACK_DAYS
from station.statistics.policy import PolicyFile
from station.ui import messages
from station.ui.forms import (
    FormFields,
    button,
    button_row,
    form_layout,
    label,
    line_edit,
    scrolled,
    set_status,
    spaced,
    status_label,
)

POLICY_MAX_BYTES = 16 * 1024


class ExchangeSettings(QWidget):
    """The custodian's settings for forms, referrals and the monthly export."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.fields = FormFields()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body: QScrollArea = scrolled(self._build())
        outer.addWidget(self.body)
        self.load()

    def _build(self) -> QWidget:
        tab = QWidget()
        layout = spaced(QVBoxLayout(tab))

        layout.addWidget(label(self.tr("Forms and referrals"), "heading"))
        form = form_layout()
        self.contact_edit = line_edit(settings.STATION_CONTACT_MAX)
        self.contact_edit.setPlaceholderText(self.tr("e.g. phone 0000-0000000, Room 201"))
        self.fields.row(
            form,
            "station_contact",
            self.tr("Station contact"),
            self.contact_edit,
            self.tr("Printed on referral and consent forms."),
        )
        self.days_spin = QSpinBox()
        self.days_spin.setRange(MIN_REFERRAL_FEEDBACK_DAYS, MAX_REFERRAL_FEEDBACK_DAYS)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setMaximumWidth(140)
        self.fields.row(
            form,
            "referral_feedback_days",
            self.tr("Referral feedback due after"),
            self.days_spin,
            self.tr("A sent referral with no feedback after this many days shows on Home."),
        )
        layout.addLayout(form)
        self.forms_button = button(self.tr("Save"), primary=True, name="saveExchange")
        self.forms_button.setAccessibleName(self.tr("Save forms and referral settings"))
        self.forms_button.clicked.connect(self.save_forms)
        self.contact_edit.returnPressed.connect(self.save_forms)
        self.forms_status = status_label()
        layout.addLayout(button_row(self.forms_button, self.forms_status))

        layout.addSpacing(12)
        layout.addWidget(label(self.tr("Statistics policy"), "heading"))
        layout.addWidget(
            label(
                self.tr(
                    "Counts below the threshold are hidden as \u201c*\u201d in every export. "
                    "The city office may send a policy file with other thresholds (never "
                    "below 3)."
                ),
                "muted",
            )
        )
        self.policy_label = label("")
        self.policy_label.setObjectName("policyLabel")
        layout.addWidget(self.policy_label)
        self.policy_button = button(self.tr("Load policy file…"), name="loadPolicy")
        self.policy_button.clicked.connect(self.load_policy_file)
        self.default_button = button(self.tr("Use the defaults"), name="defaultPolicy")
        self.default_button.clicked.connect(self.use_default_policy)
        self.policy_status = status_label()
        self.policy_status.setObjectName("policyStatus")
        layout.addLayout(button_row(self.policy_button, self.default_button))
        layout.addWidget(self.policy_status)
        layout.addStretch(1)
        return tab

    # -- loading -------------------------------------------------------------------------
    def load(self) -> None:
        ctx = self._ctx
        self.contact_edit.setText(settings.station_contact(ctx))
        self.days_spin.setValue(settings.referral_feedback_days(ctx))
        self._show_policy(statistics.current_policy(ctx))

    def _show_policy(self, policy: PolicyFile) -> None:
        text = self.tr(
            "Thresholds: services and attendance {standard}; sensitive tables {sensitive}."
        ).format(standard=policy.policy.k_standard, sensitive=policy.policy.k_sensitive)
        if policy.issued_by:
            text += " " + self.tr("Issued by {who}").format(who=policy.issued_by)
            if policy.issued_on:
                text += f" ({policy.issued_on:%Y-%m-%d})"
        self.policy_label.setText(text)

    # -- actions -------------------------------------------------------------------------
    def save_forms(self) -> None:
        self.fields.clear()
        set_status(self.forms_status, "", "muted")
        self.days_spin.interpretText()
        try:
            settings.set_station_contact(self._ctx, self.contact_edit.text())
            settings.set_referral_feedback_days(self._ctx, self.days_spin.value())
        except StationError as exc:
            self.fields.show_error(exc)
            return
        set_status(self.forms_status, self.tr("Saved."), "muted")

    def load_policy_file(self) -> None:
        chosen = messages.choose_open_path(
            self, self.tr("Load policy file"), self.tr("Policy files (*.toml);;All files (*)")
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            if path.stat().st_size > POLICY_MAX_BYTES:
                raise OSError("too large")
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            set_status(
                self.policy_status,
                self.tr("The file could not be read as a UTF-8 text file."),
                "error",
            )
            return
        self._apply_policy(text)

    def use_default_policy(self) -> None:
        self._apply_policy(None)

    def _apply_policy(self, text: str | None) -> None:
        try:
            chosen = statistics.set_policy_file(self._ctx, text)
        except StationError as exc:
            set_status(self.policy_status, exc.zh, "error")
            return
        self._show_policy(chosen)
        set_status(self.policy_status, self.tr("Policy applied to the next export."), "muted")
