"""The recovery key, shown once: save or print its sheet, then confirm it was kept.

Used by the first-run wizard and by Settings when the custodian replaces the key.
The key lives only in this panel while it is shown, and in the file or printout the
user chooses; :meth:`RecoveryKeyPanel.forget` drops it.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QCheckBox, QFrame, QVBoxLayout, QWidget

from station.services import forms, recovery_sheet, settings
from station.services.context import SignedIn
from station.ui import messages
from station.ui.forms import (
    SPACING,
    BusyIndicator,
    FormFields,
    button,
    button_row,
    form_layout,
    label,
    line_edit,
    set_status,
    status_label,
)
from station.ui.pdf_preview import PrinterChooser as PrinterChooser
from station.ui.pdf_preview import ask_printer as choose_printer
from station.ui.pdf_preview import paint_pdf


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
    return choose_printer(
        parent,
        QCoreApplication.translate(
            "RecoveryKeyPanel", "Psychological care station · Print recovery sheet"
        ),
    )


def print_sheet(printer: QPrinter, ctx: SignedIn, key: str) -> None:
    """Build the sheet in memory and paint its pages into ``printer`` (no file written)."""
    buffer = io.BytesIO()
    recovery_sheet.write(ctx, key, buffer)
    paint_pdf(printer, buffer.getvalue())


class RecoveryKeyPanel(QWidget):
    """The key in large type, a warning, save / print, and the confirmation: the key's
    last group typed back and a check box. ``changed`` says :meth:`is_complete` may
    have changed."""

    changed = Signal()

    def __init__(
        self, choose_printer: PrinterChooser | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choose_printer = choose_printer or ask_printer
        self._ctx: SignedIn | None = None
        self._key = ""
        self._code = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)

        self.key_label = label("", wrap=False, selectable=True)
        self.key_label.setFont(_key_font())
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        layout.addLayout(button_row(self.save_button, self.print_button))
        self.busy = BusyIndicator([self.save_button, self.print_button])
        layout.addWidget(self.busy)
        self.status = status_label()
        layout.addWidget(self.status)

        form = form_layout()
        self.fields = FormFields()
        self.last_group_edit = line_edit(8)
        self.last_group_edit.setMaximumWidth(180)
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
        layout.addWidget(self.kept_box)

        self.last_group_edit.textChanged.connect(self.changed)
        self.kept_box.toggled.connect(self.changed)
        self.save_button.clicked.connect(self.save_sheet)
        self.print_button.clicked.connect(self.print_sheet)

    def show_key(self, ctx: SignedIn, key: str) -> None:
        """Show ``key``, the recovery key of the vault ``ctx`` has open."""
        self._ctx, self._key = ctx, key
        self._code = settings.profile(ctx).code
        self.key_label.setText(_key_display(key))

    def forget(self) -> None:
        """Drop the key: it lives only as long as it is shown."""
        self._key = ""
        self._ctx = None
        self.key_label.clear()
        self.last_group_edit.clear()

    def is_complete(self) -> bool:
        return (
            self.kept_box.isChecked()
            and bool(self.last_group_edit.text().strip())
            and not self.busy.running
        )

    def confirm(self) -> bool:
        """True when the typed group is the key's last one; else say so at the field."""
        self.fields.clear()
        last = self._key.rsplit("-", 1)[-1]
        if self.last_group_edit.text().strip().upper() != last:
            self.fields.show_at(
                "last_group",
                self.tr("This is not the key's last group. Compare it character by character."),
            )
            return False
        return True

    # -- saving and printing ------------------------------------------------------------
    def _run(self, work: Callable[[], object], done: str, failed: str) -> None:
        """Run ``work`` in the background; ``done`` or ``failed`` + the reason is shown."""
        set_status(self.status, "", "muted")

        def finish(text: str, role: str) -> None:
            set_status(self.status, text, role)
            self.changed.emit()

        self.busy.run(
            "",
            work,
            lambda _: finish(done, "muted"),
            lambda exc: finish(exc.zh, "error"),
            os_failed=lambda exc: finish(f"{failed}{exc.strerror or ''}", "error"),
        )
        self.changed.emit()

    def save_sheet(self) -> None:
        ctx, key = self._ctx, self._key
        assert ctx is not None and key
        chosen = messages.choose_save_path(
            self,
            self.tr("Save recovery sheet"),
            self.tr("Recovery sheet {code}.pdf").format(code=self._code),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if is_risky_location(path, ctx.vault.paths.root) and not messages.ask(
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

        def save() -> None:
            forms.record_output(ctx, "recovery_sheet", None, "save")  # audited first
            recovery_sheet.write(ctx, key, path)

        self._run(
            save,
            self.tr("Recovery sheet saved: {path}").format(path=path),
            self.tr("The recovery sheet could not be saved: "),
        )

    def print_sheet(self) -> None:
        ctx, key = self._ctx, self._key
        assert ctx is not None and key
        printer = self._choose_printer(self)
        if printer is None:
            return

        def send() -> None:
            forms.record_output(ctx, "recovery_sheet", None, "print")  # audited first
            print_sheet(printer, ctx, key)

        self._run(
            send,
            self.tr("The recovery sheet was sent to the printer."),
            self.tr("The recovery sheet could not be printed: "),
        )
