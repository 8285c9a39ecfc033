"""报送市办公室: the monthly export of de-identified statistics (custodian or station lead).

Three steps, left to right:

1. choose a month: released months (a new export carries the same figures), the month
   that can be released now, and the months that cannot yet, each with the reason the
   statistics service gives;
2. preview (in a task): the tables exactly as they will leave the station, "*" for every
   figure not published, with the notes that go with them;
3. choose where to write (a removable drive, listed with its free space, or another
   folder), read whether the export will be encrypted to the city office's key or only
   signed, and confirm: ``export.export_month`` runs in a task with a progress bar and
   Cancel, then the result (where, sequence, encrypted) and the export log below.

Nothing here decides what may leave: the services check, release, sign, encrypt and
write. A failed write (stick full or pulled out) is shown as it is and leaves nothing
behind; the preview stays, so the user can try again at once.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import Role
from station.services import export, statistics
from station.services.context import SignedIn
from station.services.export import Drive, ExportLogView, ExportResult
from station.services.statistics import MonthState, MonthStatus, StatsPreview
from station.ui import messages, tasks
from station.ui.forms import (
    SPACING,
    BusyIndicator,
    Field,
    FieldError,
    FormDialog,
    button,
    button_row,
    group,
    is_alive,
    label,
    line_edit,
    open_dialog,
    scrolled,
    set_status,
    spaced,
    status_label,
)
from station.ui.headcount_grid import RecordTable
from station.ui.stats_tables_view import StatsTablesView, from_document

RECIPIENT_MAX = 200
_GB = 1024**3
_MB = 1024**2


def month_id(year: int, month: int) -> int:
    return year * 100 + month


def month_label(year: int, month: int) -> str:
    return f"{year}年{month}月"


def free_space(free_bytes: int) -> str:
    if free_bytes >= _GB:
        return f"{free_bytes / _GB:.1f} GB"
    return f"{max(free_bytes, 0) // _MB} MB"


@dataclass(frozen=True)
class MonthRow:
    year: int
    month: int
    state: MonthState
    reason: str = ""  # why not yet, in the statistics service's words

    @property
    def exportable(self) -> bool:
        return self.state is not MonthState.WAITING


@dataclass(frozen=True)
class Overview:
    months: tuple[MonthRow, ...]
    log: tuple[ExportLogView, ...]
    recipient: str | None
    drives: tuple[Drive, ...]


def _reason(ctx: SignedIn, year: int, month: int) -> str:
    """Why a month cannot be released yet, in the statistics service's own words."""
    try:
        statistics.preview(ctx, year, month)
    except StationError as exc:
        return exc.zh
    return ""


def load_overview(ctx: SignedIn, today: date | None = None) -> Overview:
    """Everything the page shows besides the preview (runs in a task). The current
    month is listed too, with the reason it cannot go yet."""
    day = today or date.today()
    found: list[MonthStatus] = statistics.months(ctx)
    if not any((m.year, m.month) == (day.year, day.month) for m in found):
        found = [MonthStatus(day.year, day.month, MonthState.WAITING), *found]
    rows = tuple(
        MonthRow(
            item.year,
            item.month,
            item.state,
            _reason(ctx, item.year, item.month) if item.state is MonthState.WAITING else "",
        )
        for item in found
    )
    return Overview(
        months=rows,
        log=tuple(export.export_log(ctx)),
        recipient=export.city_recipient(ctx),
        drives=tuple(export.removable_drives()),
    )


class CityKeyDialog(FormDialog):
    """设置市办公室公钥 (custodian): paste the city office's age recipient or load it from
    the file the city office gave (city-recipient.txt); empty removes it."""

    def __init__(self, ctx: SignedIn, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("City office key"),
            self.tr("Save key"),
            self.tr("Cancel"),
            parent,
            ok_name="saveCityKey",
            min_width=560,
        )
        self._ctx = ctx
        self.saved: str | None = current
        self.content.addWidget(
            label(
                self.tr(
                    "Exports are encrypted to the city office's public key (it starts with "
                    "age1), so only the city office can open them. The city office gives it "
                    "to you as a short text or as the file city-recipient.txt. Leave the "
                    "field empty to remove the key: exports are then signed but not "
                    "encrypted."
                )
            )
        )
        self.edit = line_edit(RECIPIENT_MAX, current or "", "age1…")
        self.field = Field(
            self.tr("City office public key"),
            self.edit,
            "city_recipient",
            self.tr("Paste the text, or load it from the file."),
        )
        self.field.add_to(self.content)
        self.fields.add(self.field)
        self.fields.fallback = self.field
        self.load_button = button(self.tr("Load from file…"), name="loadCityKey")
        self.load_button.clicked.connect(self.load_file)
        self.content.addLayout(button_row(self.load_button))
        self.tab_order([self.edit, self.load_button])

    def load_file(self) -> None:
        chosen = messages.choose_open_path(
            self, self.tr("City office key file"), self.tr("Key file (*.txt);;All files (*)")
        )
        if not chosen:
            return
        try:
            text = Path(chosen).read_text(encoding="utf-8-sig")[:4096]
        except (OSError, UnicodeDecodeError):
            self.field.show_error(self.tr("The file cannot be read as text."))
            return
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        keys = [line for line in lines if line.startswith("age1")]
        self.edit.setText(keys[0] if keys else (lines[0] if lines else ""))
        self.field.clear_error()

    def send(self) -> None:
        ctx, text = self._ctx, self.edit.text()
        self.run(self.tr("Saving…"), lambda: export.set_city_recipient(ctx, text), self._saved)

    def _saved(self, value: str | None) -> None:
        self.saved = value
        self.accept()


class ExportPage(QWidget):
    """The export screen; ``exported(ExportResult)`` after each export written."""

    exported = Signal(object)

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("exportPage")
        self.overview: Overview | None = None
        self.preview: StatsPreview | None = None
        self.result: ExportResult | None = None
        self.destination: Path | None = None
        self._exporting = False
        self._cancel = threading.Event()
        self.key_dialog: CityKeyDialog | None = None
        self._other_folders: list[Path] = []
        self._rows: dict[int, MonthRow] = {}

        outer = spaced(QVBoxLayout(self))
        outer.addWidget(label(self.tr("Monthly export to the city office"), "title"))
        outer.addWidget(
            label(
                self.tr(
                    "Only the de-identified monthly figures leave the station. Choose a "
                    "month, check exactly what will leave, then write it to a USB stick."
                ),
                "muted",
            )
        )
        body = QHBoxLayout()
        body.setSpacing(SPACING * 2)
        outer.addLayout(body, 1)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 8, 0)
        left_column.setSpacing(SPACING + 4)
        left_area = self.left_area = scrolled(left)
        left_area.setMinimumWidth(440)
        left_area.setMaximumWidth(560)
        body.addWidget(left_area, 2)

        # 1. the month
        month_box, month_layout = group(self.tr("1. Choose a month"))
        self.months_table = RecordTable([self.tr("Month"), self.tr("Status")], self.tr("Months"))
        self.months_table.setObjectName("months")
        self.months_table.stretch(1)
        self.months_table.setMinimumHeight(180)
        self.months_table.itemSelectionChanged.connect(self._month_changed)
        self.months_table.opened.connect(lambda _id: self.show_preview())
        month_layout.addWidget(self.months_table)
        self.month_note = label("", "muted")
        self.month_note.setObjectName("monthNote")
        month_layout.addWidget(self.month_note)
        self.preview_button = button(self.tr("Preview"), primary=True, name="preview")
        self.preview_button.setAccessibleName(self.tr("Preview what will leave"))
        self.preview_button.clicked.connect(self.show_preview)
        self.refresh_button = button(self.tr("Refresh"), name="refreshExport")
        self.refresh_button.clicked.connect(self.refresh)
        self.busy = BusyIndicator([self.preview_button, self.refresh_button])
        month_layout.addLayout(button_row(self.preview_button, self.refresh_button, self.busy))
        self.month_error = FieldError()
        self.month_error.setObjectName("monthError")
        month_layout.addWidget(self.month_error)
        left_column.addWidget(month_box)

        # 3. where and how
        write_box, write_layout = group(self.tr("3. Write to a USB stick"))
        self.drive_combo = QComboBox()
        self.drive_combo.setObjectName("destination")
        self.drive_combo.setAccessibleName(self.tr("Where to write the export"))
        self.drive_combo.currentIndexChanged.connect(self._destination_changed)
        drive_caption = label(self.tr("Write to"), wrap=False)
        drive_caption.setBuddy(self.drive_combo)
        write_layout.addWidget(drive_caption)
        write_layout.addWidget(self.drive_combo)
        self.drives_button = button(self.tr("Look for drives again"), name="refreshDrives")
        self.drives_button.clicked.connect(self.refresh_drives)
        self.folder_button = button(self.tr("Another folder…"), name="chooseFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        write_layout.addLayout(button_row(self.drives_button, self.folder_button))
        self.drives_note = label("", "muted")
        self.drives_note.setObjectName("drivesNote")
        write_layout.addWidget(self.drives_note)

        self.encryption_label = label("")
        self.encryption_label.setObjectName("encryption")
        write_layout.addWidget(self.encryption_label)
        self.key_button = button(self.tr("City office key…"), name="cityKey")
        self.key_button.clicked.connect(self.edit_city_key)
        self.key_button.setVisible(ctx.role is Role.CUSTODIAN)
        write_layout.addLayout(button_row(self.key_button))

        self.write_button = button(self.tr("Write the export"), primary=True, name="writeExport")
        self.write_button.clicked.connect(self.write_export)
        self.cancel_button = button(self.tr("Cancel"), name="cancelExport")
        self.cancel_button.setAccessibleName(self.tr("Cancel the export"))
        self.cancel_button.clicked.connect(self.cancel_export)
        self.cancel_button.hide()
        write_layout.addLayout(button_row(self.write_button, self.cancel_button))
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        write_layout.addWidget(self.progress)
        self.write_hint = label("", "muted")
        self.write_hint.setObjectName("writeHint")
        write_layout.addWidget(self.write_hint)
        self.write_error = FieldError()
        self.write_error.setObjectName("writeError")
        write_layout.addWidget(self.write_error)
        self.result_label = status_label()
        self.result_label.setObjectName("exportResult")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        write_layout.addWidget(self.result_label)
        left_column.addWidget(write_box)

        # the log
        log_box, log_layout = group(self.tr("Exports written"))
        self.log_table = RecordTable(
            [
                self.tr("No."),
                self.tr("Month"),
                self.tr("Written"),
                self.tr("By"),
                self.tr("Encrypted"),
            ],
            self.tr("Export log"),
        )
        self.log_table.setObjectName("exportLog")
        self.log_table.setMinimumHeight(160)
        log_layout.addWidget(self.log_table)
        self.log_empty = label(self.tr("Nothing has been exported yet."), "muted")
        log_layout.addWidget(self.log_empty)
        left_column.addWidget(log_box)
        left_column.addStretch(1)

        # 2. what will leave
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(SPACING)
        right_column.addWidget(label(self.tr("2. Check what will leave"), "heading"))
        self.preview_label = label("")
        self.preview_label.setObjectName("previewLabel")
        right_column.addWidget(self.preview_label)
        self.tables = StatsTablesView()
        self.tables.set_empty(
            self.tr("Choose a month and press Preview: the tables that will leave show here.")
        )
        right_column.addWidget(self.tables, 1)
        body.addWidget(right, 3)

        self.controls: list[QWidget] = [
            self.months_table,
            self.preview_button,
            self.refresh_button,
            self.drive_combo,
            self.drives_button,
            self.folder_button,
            self.key_button,
            self.write_button,
        ]
        for first, second in zip(self.controls, self.controls[1:], strict=False):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.write_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.log_table)
        self._update_state()

    # -- loading ------------------------------------------------------------------------
    @property
    def exporting(self) -> bool:
        return self._exporting

    def showEvent(self, event: QShowEvent) -> None:
        """Fresh months, log and drives each time the page comes into view."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self.busy.running or self.exporting:
            return
        ctx = self._ctx
        self.month_error.clear_message()
        self.busy.run(self.tr("Loading…"), lambda: load_overview(ctx), self._loaded, self._failed)

    def _failed(self, exc: StationError) -> None:
        self.month_error.show_message(exc.zh)

    def _loaded(self, overview: Overview) -> None:
        self.overview = overview
        keep = self.selected_month()
        self._rows = {month_id(r.year, r.month): r for r in overview.months}
        self.months_table.blockSignals(True)
        self.months_table.set_rows(
            [
                (month_id(r.year, r.month), [month_label(r.year, r.month), self.status_text(r)])
                for r in overview.months
            ],
            select_id=month_id(*keep) if keep else self._first_exportable(overview.months),
        )
        self.months_table.blockSignals(False)
        self._show_log(overview.log)
        self._show_drives(overview.drives)
        self._show_encryption(overview.recipient)
        self._month_changed()

    def status_text(self, row: MonthRow) -> str:
        if row.state is MonthState.RELEASED:
            return self.tr("Released")
        if row.state is MonthState.READY:
            return self.tr("Can be released")
        return self.tr("Not yet")

    def note_text(self, row: MonthRow) -> str:
        if row.state is MonthState.RELEASED:
            return self.tr("Exporting again sends the same figures, with a new sequence number.")
        if row.state is MonthState.READY:
            return self.tr("Exporting releases the month: its figures are then final.")
        return row.reason

    @staticmethod
    def _first_exportable(rows: Sequence[MonthRow]) -> int | None:
        for row in rows:
            if row.state is MonthState.READY:
                return month_id(row.year, row.month)
        for row in rows:
            if row.exportable:
                return month_id(row.year, row.month)
        return None

    def _show_log(self, log: Sequence[ExportLogView]) -> None:
        yes, no = self.tr("Yes"), self.tr("No: signed only")
        self.log_table.set_rows(
            [
                (
                    entry.sequence,
                    [
                        str(entry.sequence),
                        entry.period,
                        entry.created_at,
                        entry.user,
                        yes if entry.encrypted else no,
                    ],
                )
                for entry in log
            ]
        )
        self.log_table.setVisible(bool(log))
        self.log_empty.setVisible(not log)

    def _show_encryption(self, recipient: str | None) -> None:
        if recipient:
            text = self.tr(
                "Encrypted to the city office key ({0}): only the city office can open it."
            )
            set_status(self.encryption_label, text.format(recipient[:12] + "…"), "")
        else:
            text = self.tr(
                "No city office key is set yet: this export is signed but NOT encrypted."
            )
            if self._ctx.role is not Role.CUSTODIAN:
                text += "\n" + self.tr("The records custodian can set the key.")
            set_status(self.encryption_label, text, "error")
        self.key_button.setText(
            self.tr("Change the city office key…")
            if recipient
            else self.tr("Set the city office key…")
        )

    # -- the month and its preview --------------------------------------------------------
    def selected_month(self) -> tuple[int, int] | None:
        chosen = self.months_table.selected_id()
        if chosen is None:
            return None
        return divmod(chosen, 100)

    def select_month(self, year: int, month: int) -> bool:
        return self.months_table.select_id(month_id(year, month))

    def _month_changed(self) -> None:
        chosen = self.selected_month()
        if self.preview is not None and (self.preview.year, self.preview.month) != chosen:
            self.preview = None
            self.preview_label.setText("")
            self.tables.set_empty(
                self.tr("Press Preview to see the tables that will leave for this month.")
            )
        self.month_error.clear_message()
        row = self._rows.get(month_id(*chosen)) if chosen else None
        self.month_note.setText("")
        if row is not None and not row.exportable:
            self.month_error.show_message(row.reason)
        elif row is not None:
            self.month_note.setText(self.note_text(row))
        self.month_note.setVisible(bool(self.month_note.text()))
        self._update_state()

    def show_preview(self) -> None:
        chosen = self.selected_month()
        if chosen is None or self.busy.running or self.exporting:
            return
        row = self._rows.get(month_id(*chosen))
        if row is not None and not row.exportable:
            self.month_error.show_message(row.reason)
            return
        ctx = self._ctx
        year, month = chosen
        self.month_error.clear_message()
        self.busy.run(
            self.tr("Counting and protecting the figures…"),
            lambda: statistics.preview(ctx, year, month),
            self._previewed,
            self._failed,
        )

    def _previewed(self, preview: StatsPreview) -> None:
        if (preview.year, preview.month) != self.selected_month():
            return  # the user chose another month meanwhile
        self.preview = preview
        self.tables.set_content(from_document(preview.document))
        self._show_preview_label(preview)
        self._update_state()

    def _show_preview_label(self, preview: StatsPreview) -> None:
        lines = [self.tr("This is exactly what will leave the station.")]
        if preview.already_released:
            lines.append(self.tr("The month was released before: these figures are final."))
        else:
            lines.append(self.tr("Writing the export releases the month with these figures."))
        lines.append(
            self.tr("{0} figures are not published and show as *.").format(preview.suppressed)
        )
        self.preview_label.setText("\n".join(lines))

    # -- where to write --------------------------------------------------------------------
    def _show_drives(self, drives: Sequence[Drive]) -> None:
        keep = self.destination
        self.drive_combo.blockSignals(True)
        self.drive_combo.clear()
        for drive in drives:
            name = drive.label if drive.label and drive.label != drive.path.name else ""
            text = self.tr("{0} {1} — {2} free").format(
                str(drive.path), f"（{name}）" if name else "", free_space(drive.free_bytes)
            )
            self.drive_combo.addItem(" ".join(text.split()), str(drive.path))
        for folder in self._other_folders:
            self.drive_combo.addItem(self.tr("Folder: {0}").format(str(folder)), str(folder))
        if not drives:
            self.drives_note.setText(
                self.tr(
                    "No USB stick found. Insert one and press “Look for drives again”, "
                    "or choose another folder."
                )
            )
        else:
            self.drives_note.setText(self.tr("{0} removable drive(s) found.").format(len(drives)))
        index = self.drive_combo.findData(str(keep)) if keep is not None else -1
        if index < 0 and self.drive_combo.count():
            index = 0
        self.drive_combo.setCurrentIndex(index)
        self.drive_combo.blockSignals(False)
        self._destination_changed()

    def _destination_changed(self) -> None:
        data = self.drive_combo.currentData()
        self.destination = Path(data) if isinstance(data, str) and data else None
        self._update_state()

    def refresh_drives(self) -> None:
        if self.busy.running or self.exporting:
            return
        self.busy.run(
            self.tr("Looking for drives…"),
            lambda: tuple(export.removable_drives()),
            self._show_drives,
            self._failed,
        )

    def choose_folder(self) -> None:
        chosen = messages.choose_folder(self, self.tr("Write the export into this folder"))
        if not chosen:
            return
        folder = Path(chosen)
        if folder not in self._other_folders:
            self._other_folders.append(folder)
        self.drive_combo.blockSignals(True)
        index = self.drive_combo.findData(str(folder))
        if index < 0:
            self.drive_combo.addItem(self.tr("Folder: {0}").format(str(folder)), str(folder))
            index = self.drive_combo.count() - 1
        self.drive_combo.setCurrentIndex(index)
        self.drive_combo.blockSignals(False)
        self._destination_changed()

    def edit_city_key(self) -> None:
        if self._ctx.role is not Role.CUSTODIAN:
            return
        current = self.overview.recipient if self.overview is not None else None
        dialog = CityKeyDialog(self._ctx, current, parent=self)
        self.key_dialog = open_dialog(dialog, lambda ok: self._key_closed(dialog, ok))

    def _key_closed(self, dialog: CityKeyDialog, accepted: bool) -> None:
        self.key_dialog = None
        if accepted and self.overview is not None:
            self.overview = Overview(
                self.overview.months, self.overview.log, dialog.saved, self.overview.drives
            )
            self._show_encryption(dialog.saved)

    # -- writing ----------------------------------------------------------------------------
    def _update_state(self) -> None:
        chosen = self.selected_month()
        previewed = self.preview is not None and (self.preview.year, self.preview.month) == chosen
        ready = previewed and self.destination is not None and not self.exporting
        self.write_button.setEnabled(ready)
        if self.exporting:
            hint = ""
        elif chosen is None:
            hint = self.tr("Choose a month first.")
        elif not previewed:
            hint = self.tr("Preview the month first: you confirm what you have seen.")
        elif self.destination is None:
            hint = self.tr("Insert a USB stick, or choose another folder.")
        else:
            hint = ""
        self.write_hint.setText(hint)
        self.write_hint.setVisible(bool(hint))

    def write_export(self) -> None:
        preview, target = self.preview, self.destination
        if preview is None or target is None or self.exporting or self.busy.running:
            return
        encrypted = bool(self.overview and self.overview.recipient)
        how = (
            self.tr("It will be encrypted to the city office key.")
            if encrypted
            else self.tr("No city office key is set: it will be signed but NOT encrypted.")
        )
        final = (
            ""
            if preview.already_released
            else " " + self.tr("The month is then released and its figures are final.")
        )
        question = self.tr("Write the statistics for {0} to {1}?").format(
            month_label(preview.year, preview.month), str(target)
        )
        if not messages.ask(self, self.tr("Write the export"), f"{question}\n\n{how}{final}"):
            return
        self.write_error.clear_message()
        set_status(self.result_label, "", "muted")
        self._set_exporting(True)
        ctx, expected = self._ctx, preview.data
        year, month = preview.year, preview.month
        cancel = self._cancel = threading.Event()

        def work(handle: tasks.TaskHandle) -> ExportResult:
            return export.export_month(
                ctx,
                year,
                month,
                target,
                lambda done, total: handle.progress.emit(done, total),
                cancel.is_set,
                expected=expected,
            )

        tasks.run_task(work, self._written, self._write_failed, self._progressed)

    def cancel_export(self) -> None:
        """Stop the export running; nothing is left on the drive."""
        if self._exporting and not self._cancel.is_set():
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Cancelling…"))

    def _set_exporting(self, running: bool) -> None:
        self._exporting = running
        for widget in self.controls:
            widget.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Preparing the files…"))
        else:
            self._update_state()

    def _progressed(self, done: int, total: int) -> None:
        if not is_alive(self) or not self._exporting:
            return
        if total <= 0:
            self.progress.setRange(0, 0)
            return
        if self._cancel.is_set():
            return  # cancelling: keep saying so
        # bytes may exceed an int's range in Qt; show per mille
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * done / total))
        self.progress.setFormat(self.tr("Writing and checking… %p%"))

    def _written(self, result: ExportResult) -> None:
        if not is_alive(self):
            return
        self._set_exporting(False)
        self.result = result
        how = (
            self.tr("encrypted to the city office key")
            if result.encrypted
            else self.tr("signed, not encrypted")
        )
        set_status(
            self.result_label,
            self.tr("Written: {0} · sequence {1} · {2}. Take the stick to the city office.").format(
                str(result.path), result.sequence, how
            ),
            "",
        )
        if self.preview is not None and not self.preview.already_released:
            self.preview = replace(self.preview, already_released=True)
            self._show_preview_label(self.preview)
        # once laid out, scroll the result into view
        QTimer.singleShot(0, self._show_result)
        self.exported.emit(result)
        self.refresh()

    def _show_result(self) -> None:
        if is_alive(self):
            self.left_area.ensureWidgetVisible(self.result_label)

    def _write_failed(self, exc: BaseException) -> None:
        if not is_alive(self):
            return
        self._set_exporting(False)
        if isinstance(exc, export.ExportCancelled):
            set_status(self.result_label, exc.zh, "muted")
            return
        if not isinstance(exc, StationError):
            raise exc
        self.write_error.show_message(exc.zh)
        messages.warn(self, self.tr("The export was not written"), exc.zh)
        self.refresh()

    # -- for tests and screen readers --------------------------------------------------------
    def month_rows(self) -> list[MonthRow]:
        return list(self._rows.values())

    def buttons(self) -> list[QPushButton]:
        return [w for w in self.controls if isinstance(w, QPushButton)]
