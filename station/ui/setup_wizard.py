"""First-run setup: station profile, custodian account, device binding, vault, recovery key.

``SetupWizard(vault_dir).exec()``; when it returns Accepted, ``result_ctx`` is the
custodian's open session. The recovery key lives only in this wizard's memory and in
the file or printout the user chooses; the wizard never writes it anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station.errors import ValidationError
from station.models.enums import STATION_KIND_LABELS, StationKind
from station.services import accounts, setup
from station.services.context import SignedIn
from station.services.validation import check_station_code, check_text
from station.ui import messages
from station.ui.forms import (
    BusyIndicator,
    FieldError,
    FormFields,
    choice_combo,
    form_layout,
    label,
    line_edit,
    password_edit,
    spaced,
)
from station.ui.recovery_key_panel import PrinterChooser, RecoveryKeyPanel
from station.vault import device_secret
from station.vault.crypto import Argon2Params

PAGE_WELCOME, PAGE_STATION, PAGE_CUSTODIAN, PAGE_DEVICE, PAGE_CREATE, PAGE_RECOVERY = range(6)


@dataclass
class _State:
    """What the pages share. The recovery key is dropped when the wizard closes."""

    vault_dir: Path
    argon2: Argon2Params | None
    station: setup.StationInput | None = None
    custodian: setup.CustodianInput | None = None
    device_binding: bool = True
    ctx: SignedIn | None = None
    recovery_key: str = ""


def _page_layout(page: QWizardPage) -> QVBoxLayout:
    return spaced(QVBoxLayout(page), 8)


# -- 1 welcome --------------------------------------------------------------------------
class WelcomePage(QWizardPage):
    def __init__(self, state: _State) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("This sets up the station's encrypted record vault on this PC."))
        layout = _page_layout(self)
        layout.addWidget(label(self.tr("These steps take a few minutes:")))
        steps = [
            self.tr("1. Enter the station's name, code, kind and region."),
            self.tr("2. Create the records custodian's account (the first user)."),
            self.tr("3. Bind the vault to this PC's credential store."),
            self.tr("4. Create the encrypted vault and the station's signing key."),
            self.tr("5. Print or save the recovery key sheet for the station safe."),
        ]
        for step in steps:
            layout.addWidget(label(step))
        layout.addSpacing(8)
        layout.addWidget(
            label(
                self.tr(
                    "All records are encrypted and stay on this PC. Nothing is sent anywhere; "
                    "only what you explicitly export ever leaves it."
                )
            )
        )
        where = self.tr("Vault folder: {path}").format(path=state.vault_dir)
        layout.addWidget(label(where, "muted", selectable=True))
        layout.addStretch(1)


# -- 2 station profile ------------------------------------------------------------------
class StationPage(QWizardPage):
    def __init__(self, state: _State) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Station profile"))
        self.setSubTitle(self.tr("How this station appears on reports and the recovery sheet."))
        layout = _page_layout(self)
        form = form_layout()
        self.fields = FormFields()
        self.name_edit = line_edit(100)
        self.code_edit = line_edit(20, placeholder="CX-ZH01")
        self.kind_combo = choice_combo(STATION_KIND_LABELS)
        self.region_edit = line_edit(100)
        self.fields.row(form, "station_name", self.tr("Station name"), self.name_edit)
        self.fields.row(
            form,
            "station_code",
            self.tr("Station code"),
            self.code_edit,
            self.tr("Letters, digits and hyphens, as assigned by the city office."),
        )
        self.fields.row(form, "station_kind", self.tr("Station kind"), self.kind_combo)
        self.fields.row(form, "region", self.tr("Region"), self.region_edit)
        layout.addLayout(form)
        layout.addWidget(self.fields.general)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        self.fields.clear()
        try:
            name = check_text(self.name_edit.text(), "station_name", "站点名称", 100)
            code = check_station_code(self.code_edit.text())
            region = check_text(self.region_edit.text(), "region", "所属地区", 100, required=False)
        except ValidationError as exc:
            self.fields.show_error(exc)
            return False
        kind = StationKind(self.kind_combo.currentData())
        self._state.station = setup.StationInput(name, code, kind, region)
        return True


# -- 3 custodian account ----------------------------------------------------------------
class CustodianPage(QWizardPage):
    def __init__(self, state: _State) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Records custodian"))
        self.setSubTitle(
            self.tr(
                "The custodian keeps the archives, manages users and exports. "
                "You can add counsellors later in Settings."
            )
        )
        layout = _page_layout(self)
        form = form_layout()
        self.fields = FormFields()
        self.login_edit = line_edit(32)
        self.display_edit = line_edit(30)
        self.password_edit = password_edit()
        self.confirm_edit = password_edit()
        self.fields.row(
            form,
            "login",
            self.tr("User name"),
            self.login_edit,
            self.tr("Lowercase letters and digits, e.g. admin."),
        )
        self.fields.row(form, "display_name", self.tr("Display name"), self.display_edit)
        self.fields.row(
            form,
            "password",
            self.tr("Password"),
            self.password_edit,
            self.tr("At least 8 characters, mixing letters, digits or symbols."),
        )
        self.fields.row(form, "password_confirm", self.tr("Confirm password"), self.confirm_edit)
        layout.addLayout(form)
        layout.addWidget(self.fields.general)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        self.fields.clear()
        station = self._state.station
        assert station is not None
        entered = setup.CustodianInput(
            self.login_edit.text(), self.display_edit.text(), self.password_edit.text()
        )
        try:
            cleaned, login, display = setup.validate(station, entered)
        except ValidationError as exc:
            self.fields.show_error(exc)
            return False
        differ = self.tr("The two passwords do not match.")
        if not self.fields.check_repeated("password", "password_confirm", differ):
            return False
        self._state.station = cleaned
        self._state.custodian = setup.CustodianInput(login, display, entered.password)
        return True


# -- 4 device binding -------------------------------------------------------------------
class DevicePage(QWizardPage):
    def __init__(self, state: _State) -> None:
        super().__init__()
        self._state = state
        self._ready = True
        self.setTitle(self.tr("Device binding"))
        self.setSubTitle(
            self.tr("The vault's keys are tied to a secret kept by this PC's credential store.")
        )
        layout = _page_layout(self)
        self.where_label = label("")
        self.explain_label = label(
            self.tr(
                "A copy of the vault taken off this PC cannot be opened with a password alone: "
                "it also needs this device secret. On a new PC, the recovery key re-enrols "
                "the machine."
            )
        )
        self.risk_label = label(
            self.tr(
                "No usable credential store was found on this PC, so the vault cannot be bound "
                "to it. Without device binding, anyone who copies the vault files can try "
                "passwords against them on another computer. Continue only if the Windows "
                "Credential Manager is truly unavailable; the choice is recorded and shown "
                "in Settings."
            ),
            "error",
        )
        self.accept_box = QCheckBox(self.tr("Create the vault without device binding"))
        self.accept_box.setAccessibleName(self.accept_box.text())
        self.accept_box.toggled.connect(self.completeChanged)
        for widget in (self.where_label, self.explain_label, self.risk_label, self.accept_box):
            layout.addWidget(widget)
        layout.addStretch(1)

    def initializePage(self) -> None:
        store = device_secret.describe_store()
        self._ready = setup.credential_store_ready()
        self._state.device_binding = self._ready
        self.where_label.setText(store.sentence())
        self.explain_label.setVisible(self._ready)
        self.risk_label.setVisible(not self._ready)
        self.accept_box.setVisible(not self._ready)
        self.accept_box.setChecked(False)

    def isComplete(self) -> bool:
        return self._ready or self.accept_box.isChecked()

    def validatePage(self) -> bool:
        self._state.device_binding = self._ready
        return self.isComplete()


# -- 5 creation -------------------------------------------------------------------------
class CreatePage(QWizardPage):
    def __init__(self, state: _State) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Create the vault"))
        self.setSubTitle(self.tr("Check the details, then create the encrypted vault."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create vault"))
        layout = _page_layout(self)
        self.summary = QFormLayout()
        self.summary.setHorizontalSpacing(16)
        self.summary.setVerticalSpacing(8)
        layout.addLayout(self.summary)
        layout.addSpacing(8)
        self.note = label(
            self.tr("Creating the vault takes a few seconds while the key strength is tuned."),
            "muted",
        )
        layout.addWidget(self.note)
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)
        self.error = FieldError()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        station, custodian = self._state.station, self._state.custodian
        assert station is not None and custodian is not None
        while self.summary.rowCount():
            self.summary.removeRow(0)
        yes, no = self.tr("Yes"), self.tr("No (chosen explicitly)")
        rows = [
            (self.tr("Station name"), station.name),
            (self.tr("Station code"), station.code),
            (self.tr("Station kind"), STATION_KIND_LABELS[station.kind]),
            (self.tr("Region"), station.region or "—"),
            (self.tr("Custodian"), f"{custodian.display_name}（{custodian.login}）"),
            (self.tr("Device binding"), yes if self._state.device_binding else no),
            (self.tr("Vault folder"), str(self._state.vault_dir)),
        ]
        for caption, value in rows:
            self.summary.addRow(label(caption, "muted", wrap=False), label(value, selectable=True))
        self.error.clear_message()

    def isComplete(self) -> bool:
        return not self.busy.running

    def validatePage(self) -> bool:
        if self._state.ctx is not None:
            return True
        if self.busy.running:
            return False
        station, custodian = self._state.station, self._state.custodian
        assert station is not None and custodian is not None
        state = self._state
        root, binding, argon2 = state.vault_dir, state.device_binding, state.argon2
        wizard = self.wizard()
        self.busy.controls = [
            wizard.button(QWizard.WizardButton.BackButton),
            wizard.button(QWizard.WizardButton.CancelButton),
        ]
        self.error.clear_message()
        self.busy.run(
            "",
            lambda: setup.create_vault(
                root, station, custodian, device_binding=binding, argon2=argon2
            ),
            self._created,
            lambda exc: self._failed(exc.zh),
            os_failed=lambda exc: self._failed(
                self.tr("The vault folder could not be written: {error}").format(
                    error=exc.strerror or type(exc).__name__
                )
            ),
            orphaned=lambda result: accounts.logout(result.ctx),
        )
        self.completeChanged.emit()
        return False

    def _created(self, result: setup.SetupResult) -> None:
        self._state.ctx = result.ctx
        self._state.recovery_key = result.recovery_key
        self.completeChanged.emit()
        QTimer.singleShot(0, self.wizard().next)

    def _failed(self, text: str) -> None:
        self.error.show_message(text)
        self.completeChanged.emit()


# -- 6 recovery key ---------------------------------------------------------------------
class RecoveryPage(QWizardPage):
    def __init__(self, state: _State, choose_printer: PrinterChooser | None) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Recovery key"))
        self.setSubTitle(self.tr("The vault is created. Keep this key safe: it is shown only now."))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        layout = _page_layout(self)
        self.panel = RecoveryKeyPanel(choose_printer)
        self.panel.changed.connect(self.completeChanged)
        layout.addWidget(self.panel)
        layout.addStretch(1)

    def initializePage(self) -> None:
        assert self._state.ctx is not None
        self.panel.show_key(self._state.ctx, self._state.recovery_key)

    def isComplete(self) -> bool:
        return self.panel.is_complete()

    def validatePage(self) -> bool:
        return self.panel.confirm()


# -- the wizard -------------------------------------------------------------------------
class SetupWizard(QWizard):
    """First-run setup. After ``exec()`` returns Accepted, ``result_ctx`` is the open
    custodian session; otherwise it is None (and any session made was closed)."""

    def __init__(
        self,
        vault_dir: Path,
        parent: QWidget | None = None,
        *,
        argon2: Argon2Params | None = None,
        choose_printer: PrinterChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self.result_ctx: SignedIn | None = None
        self._state = _State(vault_dir=vault_dir, argon2=argon2)
        self.setWindowTitle(self.tr("Psychological care station · First-run setup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(760, 660)

        self.welcome_page = WelcomePage(self._state)
        self.station_page = StationPage(self._state)
        self.custodian_page = CustodianPage(self._state)
        self.device_page = DevicePage(self._state)
        self.create_page = CreatePage(self._state)
        self.recovery_page = RecoveryPage(self._state, choose_printer)
        for page_id, page in (
            (PAGE_WELCOME, self.welcome_page),
            (PAGE_STATION, self.station_page),
            (PAGE_CUSTODIAN, self.custodian_page),
            (PAGE_DEVICE, self.device_page),
            (PAGE_CREATE, self.create_page),
            (PAGE_RECOVERY, self.recovery_page),
        ):
            self.setPage(page_id, page)

        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        for which in (
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton,
        ):
            primary = self.button(which)
            primary.setProperty("primary", True)
            primary.style().unpolish(primary)
            primary.style().polish(primary)
        spoken = {
            QWizard.WizardButton.NextButton: self.tr("Next"),
            QWizard.WizardButton.BackButton: self.tr("Back"),
            QWizard.WizardButton.CancelButton: self.tr("Cancel"),
            QWizard.WizardButton.CommitButton: self.tr("Create vault"),
            QWizard.WizardButton.FinishButton: self.tr("Finish"),
        }
        for which, name in spoken.items():
            self.button(which).setAccessibleName(name)

    @property
    def vault_created(self) -> bool:
        return self._state.ctx is not None

    def _busy(self) -> bool:
        return self.create_page.busy.running or self.recovery_page.panel.busy.running

    def reject(self) -> None:
        if self._busy():
            return
        ctx = self._state.ctx
        if ctx is not None:
            if not messages.ask(
                self,
                self.tr("Close without the recovery key?"),
                self.tr(
                    "The vault has been created. Its recovery key is shown only in this window; "
                    "the program keeps no copy. If you have not printed or saved the recovery "
                    "sheet, it is lost once you close, and forgotten passwords can then no "
                    "longer be reset.\n\nClose setup anyway?"
                ),
            ):
                return
            accounts.logout(ctx)
            self._state.ctx = None
        super().reject()

    def done(self, result: int) -> None:
        if result == QWizard.DialogCode.Accepted:
            if not self.validateCurrentPage():
                return
            self.result_ctx = self._state.ctx
            self._forget_key()
            QDialog.done(self, result)  # QWizard.done would validate again, without the key
            return
        self._forget_key()
        super().done(result)

    def _forget_key(self) -> None:
        """Drop the recovery key: it lives only as long as the wizard shows it."""
        self._state.recovery_key = ""
        self.recovery_page.panel.forget()
