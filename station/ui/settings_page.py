"""Settings (custodian): station profile, security (idle lock, binding, signing key,
recovery key), users."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import PermissionDenied, StationError
from station.models.enums import STATION_KIND_LABELS, StationKind
from station.models.station import SettingDefaults
from station.services import recovery_sheet, settings
from station.services.context import SignedIn
from station.ui import messages
from station.ui.clipboard import copy_identifier
from station.ui.forms import (
    BusyIndicator,
    FieldError,
    FormFields,
    button,
    button_row,
    choice_combo,
    form_layout,
    grouped,
    label,
    line_edit,
    open_dialog,
    scrolled,
    set_status,
    spaced,
    status_label,
)
from station.ui.recovery_key_panel import PrinterChooser, RecoveryKeyPanel
from station.ui.users_page import UsersPage


class NewRecoveryKeyDialog(QDialog):
    """The replaced recovery key, shown once, with its sheet to save or print.

    Done is offered once the key's last group is typed back and the check box is
    ticked. Closing it otherwise asks first: the old key no longer works, and this
    window holds the only copy of the new one."""

    def __init__(
        self,
        ctx: SignedIn,
        key: str,
        parent: QWidget | None = None,
        *,
        choose_printer: PrinterChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newRecoveryKeyDialog")
        self.setWindowTitle(self.tr("Psychological care station · New recovery key"))
        self.setMinimumWidth(640)
        layout = spaced(QVBoxLayout(self))
        layout.addWidget(label(self.tr("New recovery key"), "heading", wrap=False))
        layout.addWidget(
            label(
                self.tr(
                    "The old recovery key no longer opens the vault: destroy the old sheet. "
                    "Keep this new key safe: it is shown only now."
                )
            )
        )
        self.panel = RecoveryKeyPanel(choose_printer)
        self.panel.show_key(ctx, key)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        self.close_button = button(self.tr("Close"), name="cancel")
        self.done_button = button(self.tr("Done"), primary=True, name="ok")
        self.done_button.setEnabled(False)
        layout.addLayout(button_row(self.close_button, self.done_button, stretch_after=0))
        self.panel.changed.connect(lambda: self.done_button.setEnabled(self.panel.is_complete()))
        self.close_button.clicked.connect(self.close_asking)
        self.done_button.clicked.connect(self.finish)
        self.panel.save_button.setFocus()

    def finish(self) -> None:
        if self.panel.is_complete() and self.panel.confirm():
            self.accept()

    def close_asking(self) -> None:
        """Close at the user's request: first make sure the new key was kept."""
        if self.panel.busy.running:
            return
        if messages.ask(
            self,
            self.tr("Close without the new recovery key?"),
            self.tr(
                "The old recovery key no longer works. The new key is shown only in this "
                "window; the program keeps no copy. If you have not printed or saved the new "
                "recovery sheet, it is lost once you close, and forgotten passwords can then "
                "no longer be reset.\n\nClose anyway?"
            ),
        ):
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.close_asking()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():  # the window's close button: ask as Close does
            event.ignore()
            self.close_asking()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        # Without asking: the window is also closed this way when the app locks.
        if not self.panel.busy.running:
            super().reject()

    def done(self, result: int) -> None:
        self.panel.forget()
        super().done(result)


class SettingsPage(QWidget):
    """Tabs 站点信息, 安全 and 用户. ``idle_lock_changed`` carries the new minutes."""

    idle_lock_changed = Signal(int)

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.key_dialog: NewRecoveryKeyDialog | None = None  # the one last opened, for tests
        layout = spaced(QVBoxLayout(self))
        layout.addWidget(label(self.tr("Settings"), "title"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings"))
        layout.addWidget(self.tabs, 1)
        self.profile_tab = self._build_profile_tab()
        self.security_tab = self._build_security_tab()
        self.users_page = UsersPage(ctx)
        self.tabs.addTab(self.profile_tab, self.tr("Station profile"))
        self.tabs.addTab(self.security_tab, self.tr("Security"))
        self.tabs.addTab(self.users_page, self.tr("Users"))
        self.load()

    # -- 站点信息 -------------------------------------------------------------------------
    def _build_profile_tab(self) -> QScrollArea:
        tab = QWidget()
        layout = spaced(QVBoxLayout(tab))
        layout.addWidget(
            label(
                self.tr("How this station appears on reports and exports to the city office."),
                "muted",
            )
        )
        form = form_layout()
        self.profile_fields = FormFields()
        self.name_edit = line_edit(100)
        self.code_edit = line_edit(20)
        self.kind_combo = choice_combo(STATION_KIND_LABELS)
        self.region_edit = line_edit(100)
        self.vault_id_label = label("", selectable=True)
        self.profile_fields.row(form, "station_name", self.tr("Station name"), self.name_edit)
        self.profile_fields.row(form, "station_code", self.tr("Station code"), self.code_edit)
        self.profile_fields.row(form, "station_kind", self.tr("Station kind"), self.kind_combo)
        self.profile_fields.row(form, "region", self.tr("Region"), self.region_edit)
        vault_caption = label(self.tr("Vault ID"), wrap=False)
        form.addRow(vault_caption, self.vault_id_label)
        layout.addLayout(form)
        layout.addWidget(self.profile_fields.general)
        self.save_button = button(self.tr("Save"), primary=True)
        self.save_button.clicked.connect(self.save_profile)
        self.profile_status = status_label()
        layout.addLayout(button_row(self.save_button, self.profile_status))
        layout.addStretch(1)
        for edit in (self.name_edit, self.code_edit, self.region_edit):
            edit.returnPressed.connect(self.save_profile)
        return scrolled(tab)

    # -- 安全 -----------------------------------------------------------------------------
    def _build_security_tab(self) -> QScrollArea:
        tab = QWidget()
        layout = spaced(QVBoxLayout(tab))
        layout.addWidget(label(self.tr("Automatic lock"), "heading"))
        form = form_layout()
        self.security_fields = FormFields()
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(
            SettingDefaults.MIN_IDLE_LOCK_MINUTES, SettingDefaults.MAX_IDLE_LOCK_MINUTES
        )
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setMaximumWidth(140)
        self.idle_error = self.security_fields.row(
            form,
            "idle_lock_minutes",
            self.tr("Lock after no input for"),
            self.idle_spin,
            self.tr("1 to 60 minutes. The window hides every record until a password is given."),
        )
        layout.addLayout(form)
        self.idle_button = button(self.tr("Apply"), primary=True)
        self.idle_button.setAccessibleName(self.tr("Apply idle lock time"))
        self.idle_button.clicked.connect(self.save_idle_lock)
        self.idle_spin.lineEdit().returnPressed.connect(self.save_idle_lock)
        self.idle_status = status_label()
        layout.addLayout(button_row(self.idle_button, self.idle_status))

        layout.addSpacing(12)
        layout.addWidget(label(self.tr("Device binding"), "heading"))
        self.binding_label = label("")
        self.store_label = label("", "muted")
        layout.addWidget(self.binding_label)
        layout.addWidget(self.store_label)

        layout.addSpacing(12)
        layout.addWidget(label(self.tr("Station signing key"), "heading"))
        layout.addWidget(
            label(
                self.tr(
                    "Monthly exports are signed with this key. The city office registers its "
                    "fingerprint; read it out in groups of four when they call to check."
                ),
                "muted",
            )
        )
        key_form = form_layout()
        self.key_id_label = label("", selectable=True)
        self.fingerprint_label = label("", selectable=True)
        font = self.fingerprint_label.font()
        font.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        self.fingerprint_label.setFont(font)
        self.key_id_label.setFont(font)
        self.key_id_label.setAccessibleName(self.tr("Key ID"))
        self.fingerprint_label.setAccessibleName(self.tr("Fingerprint"))
        key_form.addRow(label(self.tr("Key ID"), wrap=False), self.key_id_label)
        key_form.addRow(label(self.tr("Fingerprint"), wrap=False), self.fingerprint_label)
        layout.addLayout(key_form)
        self.copy_button = button(self.tr("Copy fingerprint"))
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.key_error = FieldError()
        layout.addLayout(button_row(self.copy_button, self.key_error))
        self._fingerprint = ""

        layout.addSpacing(12)
        layout.addWidget(label(self.tr("Recovery key"), "heading"))
        layout.addWidget(
            label(
                self.tr(
                    "The recovery key on the sheet in the station safe opens the vault when "
                    "passwords are forgotten. If the sheet is lost, or someone may have seen "
                    "it, replace the key: the old sheet stops working at once."
                ),
                "muted",
            )
        )
        self.rotate_button = button(self.tr("Replace recovery key…"))
        self.rotate_button.clicked.connect(self.rotate_recovery_key)
        self.rotate_busy = BusyIndicator([self.rotate_button])
        self.rotate_status = status_label()
        layout.addLayout(button_row(self.rotate_button, self.rotate_busy, self.rotate_status))
        layout.addStretch(1)
        return scrolled(tab)

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        ctx = self._ctx
        view = settings.profile(ctx)
        self.name_edit.setText(view.name)
        self.code_edit.setText(view.code)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(view.kind.value))
        self.region_edit.setText(view.region)
        self.vault_id_label.setText(view.vault_id)
        self.idle_spin.setValue(settings.idle_lock_minutes(ctx))
        self.binding_label.setText(
            self.tr("Device binding is on: the vault opens only on this PC.")
            if view.device_binding
            else self.tr(
                "Device binding is off: it was declined explicitly when the vault was created."
            )
        )
        self.store_label.setText(settings.credential_store_sentence(ctx))
        try:
            key = settings.signing_key(ctx)
        except PermissionDenied as exc:
            self.key_id_label.setText("—")
            self.fingerprint_label.setText("—")
            self.copy_button.setEnabled(False)
            self.key_error.show_message(exc.zh)
            return
        self._fingerprint = key.fingerprint
        self.key_id_label.setText(grouped(key.key_id, 4))
        groups = grouped(key.fingerprint, 4).split()
        half = (len(groups) + 1) // 2
        self.fingerprint_label.setText(" ".join(groups[:half]) + "\n" + " ".join(groups[half:]))

    # -- actions ------------------------------------------------------------------------
    def save_profile(self) -> None:
        self.profile_fields.clear()
        set_status(self.profile_status, "", "muted")
        try:
            settings.update_profile(
                self._ctx,
                self.name_edit.text(),
                self.code_edit.text(),
                StationKind(self.kind_combo.currentData()),
                self.region_edit.text(),
            )
        except StationError as exc:
            self.profile_fields.show_error(exc)
            return
        set_status(self.profile_status, self.tr("Station profile saved."), "muted")

    def save_idle_lock(self) -> None:
        self.security_fields.clear()
        set_status(self.idle_status, "", "muted")
        self.idle_spin.interpretText()
        minutes = self.idle_spin.value()
        try:
            settings.set_idle_lock_minutes(self._ctx, minutes)
        except StationError as exc:
            self.security_fields.show_error(exc)
            return
        set_status(
            self.idle_status,
            self.tr("Saved: the window locks after {minutes} min without input.").format(
                minutes=minutes
            ),
            "muted",
        )
        self.idle_lock_changed.emit(minutes)

    def copy_fingerprint(self) -> None:
        if self._fingerprint:
            copy_identifier(grouped(self._fingerprint, 4))

    def rotate_recovery_key(self) -> None:
        """Replace the recovery key (after asking), then show the new one once."""
        set_status(self.rotate_status, "", "muted")
        if not messages.ask(
            self,
            self.tr("Replace the recovery key?"),
            self.tr(
                "A new recovery key is made and the old one stops working at once: the "
                "recovery sheet in the station safe can then no longer open the vault. "
                "Print or save the new sheet in the next window, and destroy the old one."
                "\n\nReplace the recovery key now?"
            ),
        ):
            return
        ctx = self._ctx
        self.rotate_busy.run(
            self.tr("Replacing the recovery key…"),
            lambda: recovery_sheet.rotate(ctx),
            self._rotated,
            lambda exc: set_status(self.rotate_status, exc.zh, "error"),
        )

    def _rotated(self, key: str) -> None:
        self.key_dialog = open_dialog(
            NewRecoveryKeyDialog(self._ctx, key, self), self._key_dialog_closed
        )

    def _key_dialog_closed(self, accepted: bool) -> None:
        if accepted:
            set_status(
                self.rotate_status,
                self.tr("The recovery key was replaced. Destroy the old recovery sheet."),
                "muted",
            )
        else:
            set_status(
                self.rotate_status,
                self.tr(
                    "The recovery key was replaced, but keeping the new sheet was not "
                    "confirmed. If it was not saved or printed, replace the key again."
                ),
                "error",
            )
