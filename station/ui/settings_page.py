"""Settings (custodian): station profile, security (idle lock, binding, signing key,
recovery key), users, and the scales (shipped and imported licensed ones)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import PermissionDenied, StationError
from station.models.enums import STATION_KIND_LABELS, StationKind
from station.models.station import SettingDefaults
from station.scales.library import DefinitionError
from station.services import assessments, recovery_sheet, settings
from station.services.assessment_views import ScaleInfo
from station.services.context import SignedIn
from station.ui import messages
from station.ui.clipboard import copy_identifier
from station.ui.exchange_settings import ExchangeSettings
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
from station.ui.headcount_grid import RecordTable
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
    """Tabs 站点信息, 安全, 用户 and 量表. ``idle_lock_changed`` carries the new minutes."""

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
        self.scales_tab = self._build_scales_tab()
        self.tabs.addTab(self.scales_tab, self.tr("Scales"))
        self.exchange_tab = ExchangeSettings(ctx)
        self.tabs.addTab(self.exchange_tab, self.tr("Referrals and exports"))
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

    # -- 量表 -----------------------------------------------------------------------------
    def _build_scales_tab(self) -> QScrollArea:
        tab = QWidget()
        layout = spaced(QVBoxLayout(tab))
        layout.addWidget(
            label(
                self.tr(
                    "The scales this station can administer. Shipped scales come with the "
                    "program. A licensed scale is added by importing its definition file "
                    "(UTF-8 TOML, format in resources/scales/README.md); importing a new "
                    "version replaces the old one, and earlier results keep their scores."
                ),
                "muted",
            )
        )
        self.scale_table = RecordTable(
            [
                self.tr("Scale"),
                self.tr("Scale name"),
                self.tr("Version"),
                self.tr("Items"),
                self.tr("Origin"),
            ],
            self.tr("Available scales"),
        )
        self.scale_table.setObjectName("scaleTable")
        self.scale_table.setMinimumHeight(self.fontMetrics().height() * 9)
        layout.addWidget(self.scale_table, 1)
        self.scale_infos: list[ScaleInfo] = []
        self.import_button = button(self.tr("Import scale definition…"), name="importScale")
        self.import_button.clicked.connect(self.import_scale)
        self.import_busy = BusyIndicator([self.import_button])
        self.import_status = status_label()
        self.import_status.setObjectName("importStatus")
        layout.addLayout(button_row(self.import_button, self.import_busy))
        layout.addWidget(self.import_status)
        self.problems_box = QWidget()
        self.problems_box.setObjectName("importProblems")
        problems = QVBoxLayout(self.problems_box)
        problems.setContentsMargins(0, 0, 0, 0)
        problems.setSpacing(6)
        self.problems_heading = label("", "error")
        problems.addWidget(self.problems_heading)
        self.problem_labels: list[QLabel] = []
        self.problems_list = QVBoxLayout()
        self.problems_list.setSpacing(4)
        problems.addLayout(self.problems_list)
        self.problems_box.hide()
        layout.addWidget(self.problems_box)
        return scrolled(tab)

    def load_scales(self, select: str | None = None) -> None:
        try:
            infos = assessments.scales(self._ctx)
        except StationError as exc:
            set_status(self.import_status, exc.zh, "error")
            return
        self.scale_infos = infos
        chosen = next((i for i, s in enumerate(infos) if s.id == select), None)
        self.scale_table.set_rows(
            [
                (
                    i,
                    [
                        s.short_name,
                        s.name_zh,
                        s.version,
                        str(s.item_count),
                        self.tr("Imported") if s.imported else self.tr("Shipped"),
                    ],
                )
                for i, s in enumerate(infos)
            ],
            chosen,
        )
        self.scale_table.align_right(3)
        self.scale_table.stretch(1)

    def import_scale(self) -> None:
        """导入量表定义…: choose a file, check it in the background, list what is wrong."""
        path = messages.choose_open_path(
            self,
            self.tr("Import scale definition"),
            self.tr("Scale definition files (*.toml);;All files (*)"),
        )
        if not path:
            return
        set_status(self.import_status, "", "muted")
        self._show_problems([])
        ctx = self._ctx

        def work() -> str:
            with Path(path).open("rb") as handle:  # no more than the service accepts, plus one
                data = handle.read(assessments.IMPORT_MAX_BYTES + 1)
            return assessments.import_scale(ctx, data)

        self.import_busy.run(
            self.tr("Checking the definition file…"),
            work,
            self._scale_imported,
            self._import_refused,
            os_failed=lambda _exc: set_status(
                self.import_status,
                self.tr(
                    "The file could not be read. Check that it exists and is not open "
                    "in another program."
                ),
                "error",
            ),
        )

    def _scale_imported(self, scale_id: str) -> None:
        self.load_scales(scale_id)
        info = next((s for s in self.scale_infos if s.id == scale_id), None)
        shown = f"{info.short_name} {info.name_zh}（{info.version}）" if info else scale_id
        set_status(self.import_status, self.tr("Imported: {0}.").format(shown), "muted")

    def _import_refused(self, exc: StationError) -> None:
        if isinstance(exc, DefinitionError) and exc.reasons:
            set_status(self.import_status, self.tr("The file was not imported."), "error")
            self._show_problems(exc.reasons)
            return
        set_status(self.import_status, exc.zh, "error")

    def _show_problems(self, reasons: list[str]) -> None:
        for old in self.problem_labels:
            old.hide()
            old.deleteLater()
        self.problem_labels = []
        self.problems_box.setVisible(bool(reasons))
        if not reasons:
            return
        self.problems_heading.setText(
            self.tr(
                "The definition file has {0} problems. Fix each one in the file and import "
                "it again:"
            ).format(len(reasons))
        )
        for n, reason in enumerate(reasons, start=1):
            line = label(f"{n}. {reason}", selectable=True)
            line.setObjectName("importProblem")
            line.setContentsMargins(12, 0, 0, 0)
            self.problems_list.addWidget(line)
            self.problem_labels.append(line)

    def problems(self) -> list[str]:
        """The rejection reasons shown (for tests)."""
        return [line.text().split(". ", 1)[1] for line in self.problem_labels]

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
        self.load_scales()
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
