"""紧急查阅 (break-the-glass): a counsellor opens a colleague's case in a crisis.

The counsellor types the full case code and a written reason, and confirms a plain
warning: the access is audited, lasts a limited time, and the case's counsellor and
the records custodian see it on their dashboard. Nothing about a case is shown here:
the lookup answers only whether the code exists.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QPlainTextEdit, QVBoxLayout, QWidget

from station.errors import ValidationError
from station.services import access, emergency
from station.services.context import SignedIn
from station.ui import theme
from station.ui.forms import SPACING, Field, FormDialog, label, line_edit

_WARNING_STYLE = (
    f"QFrame#emergencyWarning {{ border: 1px solid {theme.ERROR}; border-radius: 6px;"
    " background: white; }"
)


class EmergencyDialog(FormDialog):
    """Case code, reason, confirmation. ``case_opened(case_id)`` and :attr:`case_id`
    once access is granted (or the case turns out to be one the user already sees)."""

    case_opened = Signal(int)

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Emergency access"),
            self.tr("Open the case now"),
            self.tr("Cancel"),
            parent,
            ok_name="openEmergency",
            min_width=560,
        )
        self.ctx = ctx
        self.case_id: int | None = None
        self.setObjectName("emergencyDialog")
        self.content.addWidget(label(self.tr("Emergency access to a colleague's case"), "heading"))

        warning = QFrame()
        warning.setObjectName("emergencyWarning")
        warning.setStyleSheet(_WARNING_STYLE)
        box = QVBoxLayout(warning)
        box.setContentsMargins(16, 12, 16, 12)
        box.setSpacing(8)
        self.warning_text = label(
            self.tr(
                "Use this only in a crisis, when the case's counsellor cannot be reached. "
                "Your access is written to the audit log with your reason; the case's "
                "counsellor and the records custodian will see it on their dashboard. "
                "It ends by itself after {0} hours."
            ).format(access.EMERGENCY_ACCESS_HOURS)
        )
        self.warning_text.setObjectName("warningText")
        box.addWidget(self.warning_text)
        self.content.addWidget(warning)

        self.code = Field(
            self.tr("Case code"),
            line_edit(12, placeholder=self.tr("e.g. 2026-0042")),
            "code",
            self.tr("The full code, as the colleague or the paper file gives it."),
        )
        reason = QPlainTextEdit()
        reason.setTabChangesFocus(True)
        reason.setPlaceholderText(
            self.tr("What happened, and why the case cannot wait for its counsellor")
        )
        reason.setFixedHeight(reason.fontMetrics().lineSpacing() * 4 + 20)
        self.reason = Field(
            self.tr("Reason"),
            reason,
            "reason",
            self.tr("At least {0} characters.").format(emergency.MIN_REASON_CHARS),
        )
        self.confirm = QCheckBox(
            self.tr("I understand that this access is recorded and shown to others.")
        )
        self.confirm.setObjectName("confirmEmergency")
        self.confirm_field = Field(self.tr("Confirmation"), self.confirm, "confirm")
        self.confirm_field.caption.hide()
        for field in (self.code, self.reason, self.confirm_field):
            field.add_to(self.content)
        self.content.setSpacing(SPACING + 4)
        self.fields.add(self.code, self.reason, self.confirm_field)
        self.fields.fallback = self.code
        self.confirm.setAccessibleName(self.confirm.text())
        self.tab_order([self.code.edit, reason, self.confirm])

    def reason_text(self) -> str:
        edit = self.reason.edit
        assert isinstance(edit, QPlainTextEdit)
        return edit.toPlainText()

    def send(self) -> None:
        if not self.confirm.isChecked():
            self.fields.show_at("confirm", self.tr("Tick the box to confirm that you understand."))
            return
        ctx = self.ctx
        code = self.code.edit.text()
        reason = self.reason_text()
        not_found = self.tr("No case has this code. Check it and type it again.")

        def work() -> int:
            case_id = emergency.find_case_code(ctx, code)
            if case_id is None:
                raise ValidationError(not_found, "No case has this code.", field="code")
            try:
                emergency.open_in_emergency(ctx, case_id, reason)
            except ValidationError as exc:
                if exc.field != "case_id":
                    raise
                # the user already sees this case: no emergency access is needed
            return case_id

        self.run(self.tr("Checking the case code…"), work, self._granted)

    def _granted(self, case_id: int) -> None:
        self.case_id = case_id
        self.case_opened.emit(case_id)
        self.accept()
