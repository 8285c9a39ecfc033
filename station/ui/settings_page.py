"""Settings (custodian): station profile, security (idle lock, binding, signing key), users."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import PermissionDenied, StationError
from station.models.enums import STATION_KIND_LABELS, StationKind
from station.models.station import SettingDefaults
from station.services import settings
from station.services.context import SignedIn
from station.ui.clipboard import copy_identifier
from station.ui.forms import FieldError, FormFields, button, grouped, label
from station.ui.forms import set_status as _set_status
from station.ui.users_page import UsersPage


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _scrolled(inner: QWidget) -> QScrollArea:
    """A tab's content in a frameless scroll area, so nothing is cut off on small screens."""
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def _tab_layout(tab: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(24, 24, 24, 24)
    layout.setSpacing(12)
    return layout


def _selectable(text: str = "") -> QLabel:
    shown = label(text)
    shown.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return shown


class SettingsPage(QWidget):
    """Tabs 站点信息, 安全 and 用户. ``idle_lock_changed`` carries the new minutes."""

    idle_lock_changed = Signal(int)

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
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
        layout = _tab_layout(tab)
        layout.addWidget(
            label(
                self.tr("How this station appears on reports and exports to the city office."),
                "muted",
            )
        )
        form = _form()
        self.profile_fields = FormFields()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.kind_combo = QComboBox()
        for kind, text in STATION_KIND_LABELS.items():
            self.kind_combo.addItem(text, kind.value)
        self.region_edit = QLineEdit()
        self.region_edit.setMaxLength(100)
        self.vault_id_label = _selectable()
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
        self.profile_status = label("", "muted")
        self.profile_status.hide()
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.save_button)
        row.addWidget(self.profile_status)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        for edit in (self.name_edit, self.code_edit, self.region_edit):
            edit.returnPressed.connect(self.save_profile)
        return _scrolled(tab)

    # -- 安全 -----------------------------------------------------------------------------
    def _build_security_tab(self) -> QScrollArea:
        tab = QWidget()
        layout = _tab_layout(tab)
        layout.addWidget(label(self.tr("Automatic lock"), "heading"))
        form = _form()
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
        self.idle_status = label("", "muted")
        self.idle_status.hide()
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.idle_button)
        row.addWidget(self.idle_status)
        row.addStretch(1)
        layout.addLayout(row)

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
        key_form = _form()
        self.key_id_label = _selectable()
        self.fingerprint_label = _selectable()
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
        copy_row = QHBoxLayout()
        copy_row.setSpacing(12)
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.key_error)
        copy_row.addStretch(1)
        layout.addLayout(copy_row)
        layout.addStretch(1)
        self._fingerprint = ""
        return _scrolled(tab)

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
        _set_status(self.profile_status, "", "muted")
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
        _set_status(self.profile_status, self.tr("Station profile saved."), "muted")

    def save_idle_lock(self) -> None:
        self.security_fields.clear()
        _set_status(self.idle_status, "", "muted")
        self.idle_spin.interpretText()
        minutes = self.idle_spin.value()
        try:
            settings.set_idle_lock_minutes(self._ctx, minutes)
        except StationError as exc:
            self.security_fields.show_error(exc)
            return
        _set_status(
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
