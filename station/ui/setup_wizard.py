"""First-run setup: station profile, custodian account, device binding, vault, recovery key.

``SetupWizard(vault_dir).exec()``; when it returns Accepted, ``result_ctx`` is the
custodian's open session. The recovery key lives only in this wizard's memory and in
the file or printout the user chooses; the wizard never writes it anywhere else.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QFontDatabase, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station.errors import StationError, ValidationError
from station.models.enums import STATION_KIND_LABELS, StationKind
from station.reports.recovery_sheet import RecoverySheetInfo, write_recovery_sheet
from station.services import accounts, setup
from station.services.context import SignedIn
from station.services.signing import SigningKeyInfo
from station.services.validation import check_station_code, check_text
from station.ui import messages
from station.ui.forms import Busy, FieldError, FormFields, busy_bar, button, label, set_status
from station.ui.tasks import TaskHandle, run_task
from station.vault import device_secret
from station.vault.crypto import Argon2Params

PrinterChooser = Callable[[QWidget], QPrinter | None]

PAGE_WELCOME, PAGE_STATION, PAGE_CUSTODIAN, PAGE_DEVICE, PAGE_CREATE, PAGE_RECOVERY = range(6)
PRINT_DPI = 300  # the sheet is rendered at this resolution for the printer


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
    signing: SigningKeyInfo | None = None
    vault_id: str = ""
    created_at: datetime | None = None

    def sheet_info(self) -> RecoverySheetInfo:
        assert self.station is not None and self.signing is not None
        assert self.created_at is not None and self.recovery_key
        return RecoverySheetInfo(
            station_name=self.station.name,
            station_code=self.station.code,
            station_kind_label=STATION_KIND_LABELS[self.station.kind],
            region=self.station.region,
            vault_id=self.vault_id,
            recovery_key=self.recovery_key,
            signing_key_id=self.signing.key_id,
            signing_public_key=self.signing.public_key_line,
            signing_fingerprint=self.signing.fingerprint,
            created_at=self.created_at,
        )


def _page_layout(page: QWizardPage) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.setSpacing(12)
    return layout


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


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
        where = label(self.tr("Vault folder: {path}").format(path=state.vault_dir), "muted")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        layout.addStretch(1)


# -- 2 station profile ------------------------------------------------------------------
class StationPage(QWizardPage):
    def __init__(self, state: _State) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Station profile"))
        self.setSubTitle(self.tr("How this station appears on reports and the recovery sheet."))
        layout = _page_layout(self)
        form = _form()
        self.fields = FormFields()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.code_edit.setPlaceholderText("CX-ZH01")
        self.kind_combo = QComboBox()
        for kind, text in STATION_KIND_LABELS.items():
            self.kind_combo.addItem(text, kind.value)
        self.region_edit = QLineEdit()
        self.region_edit.setMaxLength(100)
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
        form = _form()
        self.fields = FormFields()
        self.login_edit = QLineEdit()
        self.login_edit.setMaxLength(32)
        self.display_edit = QLineEdit()
        self.display_edit.setMaxLength(30)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
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
        if self.confirm_edit.text() != self.password_edit.text():
            self.fields.show_at("password_confirm", self.tr("The two passwords do not match."))
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
        self.bar = busy_bar()
        layout.addWidget(self.bar)
        self.error = FieldError()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.busy = False

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
            shown = label(value, wrap=True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary.addRow(label(caption, "muted", wrap=False), shown)
        self.error.clear_message()

    def isComplete(self) -> bool:
        return not self.busy

    def validatePage(self) -> bool:
        if self._state.ctx is not None:
            return True
        if self.busy:
            return False
        station, custodian = self._state.station, self._state.custodian
        assert station is not None and custodian is not None
        state = self._state
        root, binding, argon2 = state.vault_dir, state.device_binding, state.argon2

        def work(_: TaskHandle) -> setup.SetupResult:
            return setup.create_vault(
                root, station, custodian, device_binding=binding, argon2=argon2
            )

        self._set_busy(True)
        self.error.clear_message()
        run_task(work, self._created, self._failed)
        return False

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.bar.setVisible(busy)
        self.completeChanged.emit()
        wizard = self.wizard()
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            wizard.button(which).setEnabled(not busy)

    def _created(self, result: object) -> None:
        assert isinstance(result, setup.SetupResult)
        state = self._state
        state.ctx = result.ctx
        state.recovery_key = result.recovery_key
        state.signing = result.signing
        state.vault_id = result.vault_id
        state.created_at = datetime.now()
        self._set_busy(False)
        QTimer.singleShot(0, self.wizard().next)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, StationError):
            self.error.show_message(exc.zh)
        elif isinstance(exc, OSError):
            self.error.show_message(
                self.tr("The vault folder could not be written: {error}").format(
                    error=exc.strerror or type(exc).__name__
                )
            )
        else:
            raise exc


# -- 6 recovery key ---------------------------------------------------------------------
def _key_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(20)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
    return font


def _key_display(key: str) -> str:
    groups = key.split("-")
    half = (len(groups) + 1) // 2
    return "   ".join(groups[:half]) + "\n" + "   ".join(groups[half:])


def _existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def is_risky_location(target: Path, vault_dir: Path) -> bool:
    """True when ``target`` is on this PC's own disk as the vault, or in the user's home:
    a copy of the recovery key there defeats its purpose."""
    folder = _existing(target.expanduser().resolve().parent)
    vault = _existing(vault_dir.resolve())
    home = Path.home().resolve()
    if folder.is_relative_to(vault) or folder.is_relative_to(home):
        return True
    if sys.platform == "win32":
        return folder.drive.casefold() == vault.drive.casefold()
    return folder.stat().st_dev == vault.stat().st_dev


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The system print dialog; None when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    dialog.setWindowTitle(
        QCoreApplication.translate(
            "SetupWizard", "Psychological care station · Print recovery sheet"
        )
    )
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def print_sheet(printer: QPrinter, info: RecoverySheetInfo) -> None:
    """Build the sheet in memory and paint its pages into ``printer`` (no file written)."""
    buffer = io.BytesIO()
    write_recovery_sheet(buffer, info)
    data = QByteArray(buffer.getvalue())
    device = QBuffer(data)
    device.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(device)
        if document.status() != QPdfDocument.Status.Ready:
            raise OSError("the recovery sheet could not be rendered")
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        try:
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)
            dpi = min(printer.resolution(), PRINT_DPI)
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                points = document.pagePointSize(page)
                image = document.render(
                    page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                )
                scale = min(target.width() / image.width(), target.height() / image.height())
                w, h = image.width() * scale, image.height() * scale
                painter.drawImage(QRectF(target.x(), target.y(), w, h), image)
        finally:
            painter.end()
    finally:
        document.close()
        device.close()


class RecoveryPage(QWizardPage):
    def __init__(self, state: _State, choose_printer: PrinterChooser) -> None:
        super().__init__()
        self._state = state
        self._choose_printer = choose_printer
        self.setTitle(self.tr("Recovery key"))
        self.setSubTitle(self.tr("The vault is created. Keep this key safe: it is shown only now."))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        layout = _page_layout(self)

        self.key_label = QLabel()
        self.key_label.setFont(_key_font())
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        frame = QFrame()
        frame.setObjectName("recoveryKeyFrame")
        frame.setStyleSheet(
            "#recoveryKeyFrame { background: white; border: 2px solid #2f6f73;"
            " border-radius: 6px; }"
        )
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.addWidget(self.key_label)
        layout.addWidget(frame)

        self.warning = label(
            self.tr(
                "This key opens every record in the vault. Print the recovery sheet, or save it "
                "only to a removable drive that goes into the station safe. A copy left on this "
                "PC defeats its purpose. The program keeps no copy: once this window closes, the "
                "key cannot be shown again."
            ),
            "error",
        )
        layout.addWidget(self.warning)

        self.save_button = button(self.tr("Save recovery sheet (PDF)…"))
        self.print_button = button(self.tr("Print…"))
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.bar = busy_bar()
        layout.addWidget(self.bar)
        self.status = label("", "muted")
        self.status.hide()
        layout.addWidget(self.status)
        self.busy = Busy(self.bar, [self.save_button, self.print_button])

        form = _form()
        self.fields = FormFields()
        self.last_group_edit = QLineEdit()
        self.last_group_edit.setMaxLength(8)
        self.last_group_edit.setMaximumWidth(180)
        self.last_group_edit.textChanged.connect(self.completeChanged)
        self.fields.row(
            form,
            "last_group",
            self.tr("Last group of the key"),
            self.last_group_edit,
            self.tr("Type the key's last group from your printout or saved sheet, to confirm."),
        )
        layout.addLayout(form)
        self.kept_box = QCheckBox(
            self.tr("I have printed or saved the recovery sheet and will keep it safe")
        )
        self.kept_box.setAccessibleName(self.kept_box.text())
        self.kept_box.toggled.connect(self.completeChanged)
        layout.addWidget(self.kept_box)
        layout.addStretch(1)

        self.save_button.clicked.connect(self.save_sheet)
        self.print_button.clicked.connect(self.print_sheet)

    def initializePage(self) -> None:
        self.key_label.setText(_key_display(self._state.recovery_key))

    def forget(self) -> None:
        self.key_label.clear()
        self.last_group_edit.clear()

    def isComplete(self) -> bool:
        return (
            self.kept_box.isChecked()
            and bool(self.last_group_edit.text().strip())
            and not self.busy.active
        )

    def validatePage(self) -> bool:
        self.fields.clear()
        last = self._state.recovery_key.rsplit("-", 1)[-1]
        typed = self.last_group_edit.text().strip().upper()
        if typed != last:
            self.fields.show_at(
                "last_group",
                self.tr("This is not the key's last group. Compare it character by character."),
            )
            return False
        return True

    # -- saving and printing ------------------------------------------------------------
    def _start(self) -> None:
        self.busy.start()
        set_status(self.status, "", "muted")
        self.completeChanged.emit()

    def _finish(self, text: str, role: str) -> None:
        self.busy.stop()
        set_status(self.status, text, role)
        self.completeChanged.emit()

    def _fail(self, exc: BaseException, what: str) -> None:
        if isinstance(exc, StationError):
            self._finish(exc.zh, "error")
        elif isinstance(exc, OSError):
            self._finish(f"{what}{exc.strerror or ''}", "error")
        else:
            self.busy.stop()
            self.completeChanged.emit()
            raise exc

    def save_sheet(self) -> None:
        station = self._state.station
        assert station is not None
        chosen = messages.choose_save_path(
            self,
            self.tr("Save recovery sheet"),
            self.tr("Recovery sheet {code}.pdf").format(code=station.code),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if is_risky_location(path, self._state.vault_dir) and not messages.ask(
            self,
            self.tr("Save on this PC?"),
            self.tr(
                "The chosen folder is on this PC's own disk:\n{path}\n\n"
                "Anyone who can use this PC could then open every record with the key. "
                "Save the sheet to a removable drive (USB stick) for the station safe, "
                "or print it instead.\n\nSave here anyway?"
            ).format(path=path.parent),
        ):
            return
        info = self._state.sheet_info()
        self._start()

        def work(_: TaskHandle) -> Path:
            write_recovery_sheet(path, info)
            return path

        run_task(
            work,
            lambda saved: self._finish(
                self.tr("Recovery sheet saved: {path}").format(path=saved), "muted"
            ),
            lambda exc: self._fail(exc, self.tr("The recovery sheet could not be saved: ")),
        )

    def print_sheet(self) -> None:
        printer = self._choose_printer(self)
        if printer is None:
            return
        info = self._state.sheet_info()
        self._start()

        def work(_: TaskHandle) -> None:
            print_sheet(printer, info)

        run_task(
            work,
            lambda _: self._finish(self.tr("The recovery sheet was sent to the printer."), "muted"),
            lambda exc: self._fail(exc, self.tr("The recovery sheet could not be printed: ")),
        )


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
        self.recovery_page = RecoveryPage(self._state, choose_printer or ask_printer)
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
        return self.create_page.busy or self.recovery_page.busy.active

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
        self.recovery_page.forget()
