"""The city office's window (干部心理健康服务办公室): no vault, one workspace folder.

Tabs, in the order the work goes:

- 站点与公钥: the registry of stations' public keys. Adding a key (a ``.pub`` file, or
  the ``station.pub`` in a station's export at first contact) shows the station code, the
  key id and the fingerprint in groups of four, to be compared with the station's
  recovery sheet before the key is trusted. Also the city office's own key (age), made
  once with a passphrase, whose public half goes to every station.
- 导入导出: exports from a USB stick or folder (every export in it) or one file; the
  passphrase is asked for when encrypted ones are among them. Each is verified by the
  service; the accepted ones and the rejected ones, each with its one reason, are listed.
- 全市汇总: the city tables of the chosen month (ranges shown "a–b").
- 趋势: a chart of a few key figures month by month, and their values.
- 报送情况: which station delivered which month.

The workbook and the PDF of the chosen month are written to a folder the user picks.
Long work runs in tasks; nothing here computes a figure.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.city.aggregate import CityReport, Completeness, TrendSeries
from station.city.outputs import ReportFiles
from station.errors import StationError
from station.services.city import (
    AddedKey,
    CityIdentity,
    CityWorkspace,
    ImportReport,
    KeyCandidate,
    StationEntry,
)
from station.ui import clipboard, messages, tasks, theme
from station.ui.forms import (
    SPACING,
    BusyIndicator,
    Field,
    FieldError,
    FormDialog,
    button,
    button_row,
    form_layout,
    group,
    grouped,
    is_alive,
    label,
    line_edit,
    open_dialog,
    password_edit,
    set_status,
    spaced,
    status_label,
)
from station.ui.headcount_grid import RecordTable
from station.ui.stats_tables_view import StatsTablesView, from_city

TOTAL = "_total"
KEY_TEXT_MAX = 4096
CODE_MAX = 20
KEY_FIGURES: tuple[tuple[str, str, str], ...] = (
    ("services_by_kind", TOTAL, "n"),
    ("people_by_gender_age", TOTAL, TOTAL),
    ("cases_active", "active", "n"),
    ("cases_flow", "new", "n"),
)
MAX_KEY_SERIES = 4
_MISSING_TINT = "#f6e3e3"
_MONO = ["DejaVu Sans Mono", "Consolas", "monospace"]


def export_paths(folder: Path) -> list[Path]:
    """The exports to import from a folder: the folder itself when it is one export,
    else every export in it (folders, .tar and .tar.age files named station-…)."""
    if (folder / "manifest.json").exists():
        return [folder]
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if name.startswith(".") or not name.startswith("station-"):
            continue
        if entry.is_dir() or name.endswith((".tar", ".tar.age")):
            found.append(entry)
    return found


def _mono(widget: QWidget) -> None:
    font = QFont(widget.font())
    font.setFamilies(_MONO)
    widget.setFont(font)


@dataclass(frozen=True)
class Snapshot:
    stations: tuple[StationEntry, ...]
    months: tuple[str, ...]
    has_identity: bool
    recipient: str | None
    completeness: Completeness


def load_snapshot(workspace: CityWorkspace) -> Snapshot:
    return Snapshot(
        stations=tuple(workspace.stations()),
        months=tuple(workspace.months()),
        has_identity=workspace.has_identity(),
        recipient=workspace.recipient(),
        completeness=workspace.completeness(),
    )


# -- dialogs ---------------------------------------------------------------------------------
class TrustKeyDialog(FormDialog):
    """Compare a station key's fingerprint with the recovery sheet, then trust it."""

    def __init__(
        self, workspace: CityWorkspace, candidate: KeyCandidate, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Trust a station's key"),
            self.tr("It matches: trust this key"),
            self.tr("Cancel"),
            parent,
            ok_name="trustKey",
            min_width=620,
        )
        self._workspace = workspace
        self.candidate = candidate
        self.added: AddedKey | None = None
        warning = label(
            self.tr(
                "Before you trust this key, compare its fingerprint with the one printed on "
                "the station's recovery sheet (read it out over the telephone, group by "
                "group). Trust it only if every group is the same: a key that does not "
                "match could be anyone's."
            )
        )
        warning.setObjectName("compareInstruction")
        self.content.addWidget(warning)
        form = form_layout()
        self.code_edit = line_edit(CODE_MAX, candidate.station_code or "", "CX-ZH01")
        self.code_field = Field(
            self.tr("Station code"),
            self.code_edit,
            "station_code",
            self.tr(
                "As on the recovery sheet. May stay empty: the first export signed with the "
                "key then names its station."
            ),
        )
        self.code_field.add_to(form)
        self.fields.add(self.code_field)
        self.fields.fallback = self.code_field
        self.key_id_label = label(candidate.key_id, selectable=True)
        self.key_id_label.setObjectName("keyId")
        self.key_id_label.setAccessibleName(self.tr("Key ID"))
        _mono(self.key_id_label)
        form.addRow(label(self.tr("Key ID"), wrap=False), self.key_id_label)
        self.fingerprint_label = label(candidate.fingerprint_grouped, selectable=True)
        self.fingerprint_label.setObjectName("fingerprint")
        self.fingerprint_label.setAccessibleName(self.tr("Fingerprint"))
        _mono(self.fingerprint_label)
        bigger = self.fingerprint_label.font()
        bigger.setPointSizeF(bigger.pointSizeF() * 1.15)
        bigger.setBold(True)
        self.fingerprint_label.setFont(bigger)
        form.addRow(label(self.tr("Fingerprint"), wrap=False), self.fingerprint_label)
        self.content.addLayout(form)
        self.tab_order([self.code_edit])

    def send(self) -> None:
        workspace, pub_text = self._workspace, self.candidate.pub_text
        code = self.code_edit.text().strip() or None
        self.run(self.tr("Saving…"), lambda: workspace.add_station_key(pub_text, code), self._added)

    def _added(self, added: AddedKey) -> None:
        self.added = added
        self.accept()


class PassphraseDialog(FormDialog):
    """The city office key's passphrase, to open encrypted exports."""

    def __init__(self, workspace: CityWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Open encrypted exports"),
            self.tr("Unlock"),
            self.tr("Cancel"),
            parent,
            ok_name="unlock",
        )
        self._workspace = workspace
        self.identity: CityIdentity | None = None
        self.content.addWidget(
            label(
                self.tr(
                    "Some exports are encrypted to the city office key. Enter its passphrase "
                    "to open them. It is kept only while this window is open."
                )
            )
        )
        self.edit = password_edit()
        self.field = Field(self.tr("Passphrase"), self.edit, "passphrase")
        self.field.add_to(self.content)
        self.fields.add(self.field)
        self.fields.fallback = self.field
        self.tab_order([self.edit])

    def send(self) -> None:
        workspace, passphrase = self._workspace, self.edit.text()
        self.run(
            self.tr("Unlocking…"), lambda: workspace.unlock_identity(passphrase), self._unlocked
        )

    def _unlocked(self, identity: CityIdentity) -> None:
        self.identity = identity
        self.edit.clear()
        self.accept()


class CreateIdentityDialog(FormDialog):
    """Make the city office key (once); its passphrase is typed twice."""

    def __init__(self, workspace: CityWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Create the city office key"),
            self.tr("Create key"),
            self.tr("Cancel"),
            parent,
            ok_name="createKey",
            min_width=520,
        )
        self._workspace = workspace
        self.recipient: str | None = None
        self.content.addWidget(
            label(
                self.tr(
                    "Stations encrypt their exports to this key, so only the city office can "
                    "open them. The key is kept in the workspace folder, locked with a "
                    "passphrase. Without the passphrase, encrypted exports cannot be opened: "
                    "keep it in the office safe."
                )
            )
        )
        form = form_layout()
        self.first = password_edit()
        self.second = password_edit()
        self.fields.row(form, "passphrase", self.tr("Passphrase"), self.first)
        self.fields.row(form, "repeat", self.tr("Passphrase again"), self.second)
        self.fields.fallback = self.fields["passphrase"]
        self.content.addLayout(form)
        self.tab_order([self.first, self.second])

    def send(self) -> None:
        if not self.fields.check_repeated(
            "passphrase", "repeat", self.tr("The two passphrases differ.")
        ):
            return
        workspace, passphrase = self._workspace, self.first.text()
        self.run(
            self.tr("Creating the key…"),
            lambda: workspace.create_identity(passphrase),
            self._created,
        )

    def _created(self, recipient: str) -> None:
        self.recipient = recipient
        self.first.clear()
        self.second.clear()
        self.accept()


# -- the window ------------------------------------------------------------------------------
class CityWindow(QMainWindow):
    """The city office's window over one workspace folder."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = CityWorkspace(folder)
        self.identity: CityIdentity | None = None
        self.snapshot: Snapshot | None = None
        self.report: CityReport | None = None
        self.last_import: ImportReport | None = None
        self.written: ReportFiles | None = None
        self.dialog: FormDialog | None = None
        self._importing = False
        self._cancel = threading.Event()
        self.setObjectName("cityWindow")
        self.setWindowTitle(self.tr("City office — station statistics"))
        self.resize(1280, 860)

        root = QWidget()
        self.setCentralWidget(root)
        outer = spaced(QVBoxLayout(root))
        outer.addWidget(label(self.tr("City office: monthly station statistics"), "title"))
        self.folder_label = label(
            self.tr("Workspace folder: {0}").format(str(folder)), "muted", selectable=True
        )
        outer.addWidget(self.folder_label)

        top = QHBoxLayout()
        top.setSpacing(SPACING)
        self.month_combo = QComboBox()
        self.month_combo.setObjectName("cityMonth")
        self.month_combo.setAccessibleName(self.tr("Month shown"))
        self.month_combo.setMinimumWidth(140)
        self.month_combo.currentIndexChanged.connect(self._month_chosen)
        month_caption = label(self.tr("Month"), wrap=False)
        month_caption.setBuddy(self.month_combo)
        self.reports_button = button(self.tr("Write reports (xlsx + PDF)…"), name="writeReports")
        self.reports_button.clicked.connect(self.write_reports)
        self.busy = BusyIndicator([self.month_combo, self.reports_button])
        top.addWidget(month_caption)
        top.addWidget(self.month_combo)
        top.addWidget(self.reports_button)
        top.addWidget(self.busy)
        top.addStretch(1)
        outer.addLayout(top)
        self.error = FieldError()
        self.error.setObjectName("cityError")
        outer.addWidget(self.error)
        self.reports_status = status_label()
        self.reports_status.setObjectName("reportsStatus")
        self.reports_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.reports_status)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("cityTabs")
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)
        self.tabs.addTab(self._stations_tab(), self.tr("Stations and keys"))
        self.tabs.addTab(self._import_tab(), self.tr("Import exports"))
        self.tables = StatsTablesView()
        self.tables.set_empty(self.tr("No export has been imported yet."))
        tables_tab = QWidget()
        tables_layout = spaced(QVBoxLayout(tables_tab), 12)
        tables_layout.addWidget(self.tables)
        self.tabs.addTab(tables_tab, self.tr("City tables"))
        self.tabs.addTab(self._trends_tab(), self.tr("Trends"))
        self.tabs.addTab(self._completeness_tab(), self.tr("Completeness"))
        self._update_state()

    # -- tabs -----------------------------------------------------------------------------
    def _stations_tab(self) -> QWidget:
        tab = QWidget()
        layout = spaced(QVBoxLayout(tab), 12)
        layout.addWidget(
            label(
                self.tr(
                    "Exports are accepted only from stations whose key is registered here. "
                    "Register a key once, at first contact, after comparing its fingerprint "
                    "with the station's recovery sheet."
                ),
                "muted",
            )
        )
        self.stations_table = RecordTable(
            [
                self.tr("Station"),
                self.tr("Key ID"),
                self.tr("Fingerprint"),
                self.tr("Months delivered"),
                self.tr("Last No."),
            ],
            self.tr("Registered stations"),
        )
        self.stations_table.setObjectName("stations")
        self.stations_table.stretch(2)
        layout.addWidget(self.stations_table, 1)
        self.stations_empty = label(
            self.tr("No station key is registered yet: add the first one below."), "muted"
        )
        self.stations_empty.setObjectName("stationsEmpty")
        layout.addWidget(self.stations_empty)
        self.add_key_button = button(self.tr("Add a station key…"), primary=True, name="addKey")
        self.add_key_button.setToolTip(
            self.tr("A station's .pub file, or an export (its station.pub) at first contact")
        )
        self.add_key_button.clicked.connect(self.add_station_key)
        self.key_busy = BusyIndicator([self.add_key_button])
        layout.addLayout(button_row(self.add_key_button, self.key_busy))
        self.key_error = FieldError()
        self.key_error.setObjectName("keyError")
        layout.addWidget(self.key_error)

        box, box_layout = group(self.tr("The city office key"))
        self.identity_text = label("")
        self.identity_text.setObjectName("identityText")
        box_layout.addWidget(self.identity_text)
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setObjectName("recipient")
        self.recipient_edit.setReadOnly(True)
        self.recipient_edit.setAccessibleName(self.tr("City office public key for the stations"))
        _mono(self.recipient_edit)
        box_layout.addWidget(self.recipient_edit)
        self.copy_button = button(self.tr("Copy"), name="copyRecipient")
        self.copy_button.clicked.connect(self.copy_recipient)
        self.create_button = button(self.tr("Create the city office key…"), name="createKey")
        self.create_button.clicked.connect(self.create_identity)
        box_layout.addLayout(button_row(self.copy_button, self.create_button))
        layout.addWidget(box)
        return tab

    def _import_tab(self) -> QWidget:
        tab = QWidget()
        layout = spaced(QVBoxLayout(tab), 12)
        layout.addWidget(
            label(
                self.tr(
                    "Choose the USB stick (or a folder) with the stations' exports: every "
                    "export in it is checked (signature, registered station, sequence, month) "
                    "and the good ones are kept even when others are refused."
                ),
                "muted",
            )
        )
        self.import_folder_button = button(
            self.tr("Import from a folder…"), primary=True, name="importFolder"
        )
        self.import_folder_button.clicked.connect(self.import_folder)
        self.import_file_button = button(self.tr("Import one file…"), name="importFile")
        self.import_file_button.clicked.connect(self.import_file)
        self.import_cancel = button(self.tr("Cancel"), name="cancelImport")
        self.import_cancel.setAccessibleName(self.tr("Cancel the import"))
        self.import_cancel.clicked.connect(self.cancel_import)
        self.import_cancel.hide()
        layout.addLayout(
            button_row(self.import_folder_button, self.import_file_button, self.import_cancel)
        )
        self.import_progress = QProgressBar()
        self.import_progress.setObjectName("importProgress")
        self.import_progress.setAccessibleName(self.tr("Import progress"))
        self.import_progress.hide()
        layout.addWidget(self.import_progress)
        self.import_status = status_label()
        self.import_status.setObjectName("importStatus")
        layout.addWidget(self.import_status)
        self.import_error = FieldError()
        self.import_error.setObjectName("importError")
        layout.addWidget(self.import_error)

        self.accepted_caption = label(self.tr("Accepted"), "heading")
        layout.addWidget(self.accepted_caption)
        self.accepted_table = RecordTable(
            [self.tr("Export"), self.tr("Station"), self.tr("Month"), self.tr("No.")],
            self.tr("Accepted exports"),
        )
        self.accepted_table.setObjectName("accepted")
        self.accepted_table.stretch(0)
        layout.addWidget(self.accepted_table, 1)
        self.rejected_caption = label(self.tr("Refused"), "heading")
        layout.addWidget(self.rejected_caption)
        self.rejected_table = RecordTable(
            [self.tr("Export"), self.tr("Reason")], self.tr("Refused exports")
        )
        self.rejected_table.setObjectName("rejected")
        self.rejected_table.setWordWrap(True)
        self.rejected_table.stretch(1)
        layout.addWidget(self.rejected_table, 1)
        for widget in (
            self.accepted_caption,
            self.accepted_table,
            self.rejected_caption,
            self.rejected_table,
        ):
            widget.hide()
        layout.addStretch(0)
        return tab

    def _trends_tab(self) -> QWidget:
        tab = QWidget()
        layout = spaced(QVBoxLayout(tab), 12)
        row = QHBoxLayout()
        self.series_combo = QComboBox()
        self.series_combo.setObjectName("trendFigure")
        self.series_combo.setAccessibleName(self.tr("Figure shown in the chart"))
        self.series_combo.setMinimumWidth(320)
        self.series_combo.currentIndexChanged.connect(self._show_trend)
        caption = label(self.tr("Figure"), wrap=False)
        caption.setBuddy(self.series_combo)
        row.addWidget(caption)
        row.addWidget(self.series_combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.chart_view = QChartView()
        self.chart_view.setObjectName("trendChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(300)
        self.chart_view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout.addWidget(self.chart_view, 3)
        layout.addWidget(
            label(
                self.tr(
                    "The chart draws exact city figures only; ranges and “*” are listed in "
                    "the table below. Change: against the previous month, when both are exact."
                ),
                "muted",
            )
        )
        self.trend_table = QTableWidget()
        self.trend_table.setObjectName("trendValues")
        self.trend_table.setAccessibleName(self.tr("Key figures by month"))
        self.trend_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trend_table.setTabKeyNavigation(False)
        self.trend_table.verticalHeader().hide()
        self.trend_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        layout.addWidget(self.trend_table, 2)
        self.trend_series: dict[str, list[TrendSeries]] = {}
        return tab

    def _completeness_tab(self) -> QWidget:
        tab = QWidget()
        layout = spaced(QVBoxLayout(tab), 12)
        self.completeness_summary = label("")
        self.completeness_summary.setObjectName("completenessSummary")
        layout.addWidget(self.completeness_summary)
        self.completeness_table = QTableWidget()
        self.completeness_table.setObjectName("completeness")
        self.completeness_table.setAccessibleName(self.tr("Exports delivered by station and month"))
        self.completeness_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.completeness_table.setTabKeyNavigation(False)
        self.completeness_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.completeness_table.setSizeAdjustPolicy(
            QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents
        )
        self.completeness_table.setSizePolicy(
            QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum
        )
        layout.addWidget(self.completeness_table)
        layout.addWidget(
            label(
                self.tr("No. n: the export used (its sequence number). Missing: nothing received."),
                "muted",
            )
        )
        layout.addStretch(1)
        return tab

    # -- loading ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.snapshot is None:
            self.reload()

    def reload(self) -> None:
        if self.busy.running:
            return
        workspace = self.workspace
        self.error.clear_message()
        self.busy.run(
            self.tr("Reading the workspace…"),
            lambda: load_snapshot(workspace),
            self._loaded,
            self._failed,
        )

    def _failed(self, exc: StationError) -> None:
        self.error.show_message(exc.zh)

    def _loaded(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._show_stations(snapshot.stations)
        self._show_identity(snapshot.has_identity, snapshot.recipient)
        self._show_completeness(snapshot.completeness)
        keep = self.current_month()
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        for period in reversed(snapshot.months):
            self.month_combo.addItem(period, period)
        index = self.month_combo.findData(keep) if keep else -1
        self.month_combo.setCurrentIndex(max(index, 0) if snapshot.months else -1)
        self.month_combo.blockSignals(False)
        self._update_state()
        self._month_chosen()

    def current_month(self) -> str | None:
        data = self.month_combo.currentData()
        return data if isinstance(data, str) else None

    def select_month(self, period: str) -> None:
        index = self.month_combo.findData(period)
        if index >= 0:
            self.month_combo.setCurrentIndex(index)

    def _month_chosen(self) -> None:
        period = self.current_month()
        if period is None:
            self.report = None
            self.tables.set_empty(self.tr("No export has been imported yet."))
            self._show_trends(())
            return
        if self.busy.running:
            return
        workspace = self.workspace
        self.busy.run(
            self.tr("Adding up the stations' figures…"),
            lambda: workspace.report(period),
            self._reported,
            self._failed,
        )

    def _reported(self, report: CityReport) -> None:
        if report.month.period != self.current_month():
            self._month_chosen()  # the month changed meanwhile
            return
        self.report = report
        self.tables.set_content(from_city(report.month))
        self._show_trends(report.trends)
        if self.snapshot is not None:
            self._show_completeness(self.snapshot.completeness)

    def _update_state(self) -> None:
        has_months = bool(self.snapshot and self.snapshot.months)
        self.reports_button.setEnabled(has_months and not self.busy.running)

    # -- stations and keys --------------------------------------------------------------------
    def _show_stations(self, stations: Sequence[StationEntry]) -> None:
        waiting = self.tr("(waiting for its first export)")
        self.stations_table.set_rows(
            [
                (
                    i,
                    [
                        entry.code or waiting,
                        entry.key_id or self.tr("(key removed)"),
                        grouped(entry.fingerprint or ""),
                        "、".join(entry.months) or "—",
                        str(entry.last_sequence) if entry.last_sequence is not None else "—",
                    ],
                )
                for i, entry in enumerate(stations)
            ]
        )
        self.stations_table.clearSelection()
        self.stations_empty.setVisible(not stations)

    def add_station_key(self) -> None:
        chosen = messages.choose_open_path(
            self,
            self.tr("A station's key, or an export"),
            self.tr("Station key or export (*.pub *.age *.tar);;All files (*)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        self.key_error.clear_message()
        if path.name.endswith(".age"):
            self._with_identity([path], lambda: self._read_key(path))
            return
        self._read_key(path)

    def _read_key(self, path: Path) -> None:
        workspace, identity = self.workspace, self.identity

        def work() -> KeyCandidate:
            parent = path.parent
            if path.suffix == ".pub" and not (parent / "manifest.json").exists():
                try:
                    text = path.read_bytes()[:KEY_TEXT_MAX].decode("utf-8", "replace")
                except OSError:
                    raise StationError(
                        "无法读取该公钥文件。", "The key file cannot be read."
                    ) from None
                return workspace.key_info(text)
            # an export, or the station.pub inside one: the manifest names the station
            return workspace.key_from_export(parent if path.suffix == ".pub" else path, identity)

        self.key_busy.run(self.tr("Reading the key…"), work, self._compare_key, self._key_failed)

    def _key_failed(self, exc: StationError) -> None:
        self.key_error.show_message(exc.zh)

    def _compare_key(self, candidate: KeyCandidate) -> None:
        dialog = TrustKeyDialog(self.workspace, candidate, parent=self)
        self.dialog = open_dialog(dialog, lambda ok: self._key_closed(dialog, ok))

    def _key_closed(self, dialog: TrustKeyDialog, accepted: bool) -> None:
        self.dialog = None
        if accepted:
            self.reload()

    def _show_identity(self, has_identity: bool, recipient: str | None) -> None:
        if has_identity and recipient:
            self.identity_text.setText(
                self.tr(
                    "Give this public key to every station's records custodian (export page, "
                    "“Set the city office key”). It is also in the file city-recipient.txt "
                    "in the workspace folder."
                )
            )
            self.recipient_edit.setText(recipient)
        else:
            self.identity_text.setText(
                self.tr(
                    "There is no city office key yet: stations can only send signed, "
                    "unencrypted exports. Create the key, then give its public half to the "
                    "stations."
                )
            )
            self.recipient_edit.clear()
        self.recipient_edit.setVisible(bool(has_identity and recipient))
        self.copy_button.setVisible(bool(has_identity and recipient))
        self.create_button.setVisible(not has_identity)

    def copy_recipient(self) -> None:
        if self.recipient_edit.text():
            clipboard.copy_identifier(self.recipient_edit.text())

    def create_identity(self) -> None:
        dialog = CreateIdentityDialog(self.workspace, parent=self)
        self.dialog = open_dialog(dialog, lambda ok: self._identity_closed(dialog, ok))

    def _identity_closed(self, dialog: CreateIdentityDialog, accepted: bool) -> None:
        self.dialog = None
        if accepted and dialog.recipient:
            messages.inform(
                self,
                self.tr("City office key created"),
                self.tr(
                    "Give this public key to every station:\n{0}\n\nKeep the passphrase "
                    "safe: without it, encrypted exports cannot be opened."
                ).format(dialog.recipient),
            )
            self.reload()

    def _with_identity(self, paths: Sequence[Path], then: Callable[[], None]) -> None:
        """Run ``then`` once the identity is unlocked (asked for when encrypted files are
        among ``paths`` and a key exists); without a key, ``then`` runs at once."""
        encrypted = any(p.name.endswith(".age") for p in paths)
        if not encrypted or self.identity is not None or not self.workspace.has_identity():
            then()
            return
        dialog = PassphraseDialog(self.workspace, parent=self)

        def closed(accepted: bool) -> None:
            self.dialog = None
            if accepted and dialog.identity is not None:
                self.identity = dialog.identity
                then()

        self.dialog = open_dialog(dialog, closed)

    # -- importing --------------------------------------------------------------------------
    def import_folder(self) -> None:
        chosen = messages.choose_folder(self, self.tr("The USB stick or folder with the exports"))
        if not chosen:
            return
        paths = export_paths(Path(chosen))
        if not paths:
            set_status(
                self.import_status,
                self.tr("No station export found in this folder (names start with station-)."),
                "error",
            )
            return
        self.start_import(paths)

    def import_file(self) -> None:
        chosen = messages.choose_open_path(
            self,
            self.tr("One export"),
            self.tr("Station export (*.tar.age *.tar);;All files (*)"),
        )
        if chosen:
            self.start_import([Path(chosen)])

    def start_import(self, paths: Sequence[Path]) -> None:
        if self._importing:
            return
        self.import_error.clear_message()
        set_status(self.import_status, "", "muted")
        self._with_identity(paths, lambda: self._run_import(list(paths)))

    def _run_import(self, paths: list[Path]) -> None:
        self._set_importing(True)
        workspace, identity = self.workspace, self.identity
        cancel = self._cancel = threading.Event()

        def work(handle: tasks.TaskHandle) -> ImportReport:
            return workspace.import_exports(
                paths,
                identity,
                progress=lambda done, total: handle.progress.emit(done, total),
                cancelled=cancel.is_set,
            )

        tasks.run_task(work, self._imported, self._import_failed, self._import_progress)

    def cancel_import(self) -> None:
        """Stop the import running: nothing of it is recorded."""
        self._cancel.set()
        self.import_cancel.setEnabled(False)

    def _set_importing(self, running: bool) -> None:
        self._importing = running
        for widget in (self.import_folder_button, self.import_file_button, self.add_key_button):
            widget.setEnabled(not running)
        self.import_cancel.setVisible(running)
        self.import_cancel.setEnabled(running)
        self.import_progress.setVisible(running)
        if running:
            self.import_progress.setRange(0, 0)

    def _import_progress(self, done: int, total: int) -> None:
        if not is_alive(self) or total <= 0:
            return
        self.import_progress.setRange(0, total)
        self.import_progress.setValue(done)

    def _imported(self, report: ImportReport) -> None:
        if not is_alive(self):
            return
        self._set_importing(False)
        self.last_import = report
        self.accepted_table.set_rows(
            [
                (i, [e.source, e.station, e.period, str(e.sequence)])
                for i, e in enumerate(report.accepted)
            ]
        )
        self.rejected_table.set_rows(
            [(i, [name, reason]) for i, (name, reason) in enumerate(report.rejected)]
        )
        self.rejected_table.resizeRowsToContents()
        self.accepted_table.clearSelection()
        self.rejected_table.clearSelection()
        self.accepted_caption.setText(self.tr("Accepted ({0})").format(len(report.accepted)))
        self.rejected_caption.setText(self.tr("Refused ({0})").format(len(report.rejected)))
        self.accepted_caption.setVisible(True)
        self.accepted_table.setVisible(bool(report.accepted))
        self.rejected_caption.setVisible(bool(report.rejected))
        self.rejected_table.setVisible(bool(report.rejected))
        text = self.tr("{0} accepted, {1} refused.").format(
            len(report.accepted), len(report.rejected)
        )
        if report.rejected:
            text += "\n" + self.tr(
                "Ask the station concerned to export again; each refusal gives its reason."
            )
        set_status(self.import_status, text, "" if report.ok else "error")
        self.reload()

    def _import_failed(self, exc: BaseException) -> None:
        if not is_alive(self):
            return
        self._set_importing(False)
        if not isinstance(exc, StationError):
            raise exc
        self.import_error.show_message(exc.zh)

    # -- trends and completeness -------------------------------------------------------------
    def _series_name(self, series: TrendSeries) -> str:
        row = self.tr("Total") if series.row == TOTAL else series.row_label
        return f"{series.table_title} · {row}"

    def _show_trends(self, trends: Sequence[TrendSeries]) -> None:
        by_key = {(s.table_id, s.row, s.col): s for s in trends}
        key = [by_key[k] for k in KEY_FIGURES if k in by_key][:MAX_KEY_SERIES]
        if not key:
            key = list(trends[:MAX_KEY_SERIES])
        self.trend_series = {"key": key}
        keep = self.series_combo.currentData()
        self.series_combo.blockSignals(True)
        self.series_combo.clear()
        if trends:
            self.series_combo.addItem(self.tr("Key figures"), "key")
            for i, series in enumerate(trends):
                self.series_combo.addItem(self._series_name(series), str(i))
                self.trend_series[str(i)] = [series]
        index = self.series_combo.findData(keep) if keep else -1
        self.series_combo.setCurrentIndex(max(index, 0) if trends else -1)
        self.series_combo.blockSignals(False)
        self._show_trend()

    def _show_trend(self) -> None:
        chosen = self.series_combo.currentData()
        shown = self.trend_series.get(chosen, []) if isinstance(chosen, str) else []
        months = sorted({p.period for s in shown for p in s.points})
        chart = QChart()
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(self.font())
        axis_x = QBarCategoryAxis()
        axis_x.append(months)
        axis_x.setLabelsFont(self.font())
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setLabelsFont(self.font())
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        top = 0
        colours = [theme.ACCENT, "#b5651d", "#5b6770", "#7a4fa0"]
        for n, series in enumerate(shown):
            line = QLineSeries()
            line.setName(self._series_name(series))
            for point in series.points:
                value = point.cell.value if point.cell is not None else None
                if value is not None:
                    line.append(months.index(point.period), value)
                    top = max(top, value)
            pen = QPen(QColor(colours[n % len(colours)]))
            pen.setWidthF(2.5)
            line.setPen(pen)
            line.setPointsVisible(True)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        axis_y.setRange(0, max(5, int(top * 1.15) + 1))
        axis_y.applyNiceNumbers()
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        self.chart_view.setAccessibleDescription(
            "; ".join(
                f"{self._series_name(s)}: "
                + ", ".join(
                    f"{p.period} {p.cell.text() if p.cell is not None else '—'}" for p in s.points
                )
                for s in shown
            )
        )
        self._fill_trend_table(shown, months)

    def _fill_trend_table(self, shown: Sequence[TrendSeries], months: Sequence[str]) -> None:
        table = self.trend_table
        table.clear()
        delivered = self.report.completeness if self.report is not None and shown else None
        table.setRowCount(len(shown) + (1 if delivered is not None else 0))
        table.setColumnCount(2 + len(months))
        table.setHorizontalHeaderLabels([self.tr("Figure"), *months, self.tr("Change")])
        for r, series in enumerate(shown):
            table.setItem(r, 0, QTableWidgetItem(self._series_name(series)))
            by_period = {p.period: p for p in series.points}
            for c, period in enumerate(months, start=1):
                point = by_period.get(period)
                text = "—" if point is None or point.cell is None else point.cell.text()
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
            last = series.points[-1] if series.points else None
            change = "" if last is None or last.change is None else f"{last.change:+d}"
            item = QTableWidgetItem(change)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, 1 + len(months), item)
        if delivered is not None:
            # a figure falls when a station has not delivered: say how many did
            row = len(shown)
            caption = QTableWidgetItem(self.tr("Stations delivered"))
            caption.setForeground(QBrush(QColor(theme.MUTED)))
            table.setItem(row, 0, caption)
            for c, period in enumerate(months, start=1):
                count = len(delivered.stations) - len(delivered.missing(period))
                item = QTableWidgetItem(f"{count}/{len(delivered.stations)}")
                item.setForeground(QBrush(QColor(theme.MUTED)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, c, item)

    def _show_completeness(self, completeness: Completeness) -> None:
        table = self.completeness_table
        months = list(completeness.months)
        stations = list(completeness.stations)
        table.clear()
        table.setRowCount(len(stations))
        table.setColumnCount(len(months))
        table.setHorizontalHeaderLabels(months)
        table.setVerticalHeaderLabels(stations)
        missing_text = self.tr("Missing")
        for r, station in enumerate(stations):
            for c, month in enumerate(months):
                sequence = completeness.delivered.get((station, month))
                if sequence is None:
                    item = QTableWidgetItem(missing_text)
                    item.setBackground(QBrush(QColor(_MISSING_TINT)))
                else:
                    item = QTableWidgetItem(self.tr("No. {0}").format(sequence))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(r, c, item)
        period = self.current_month() or (months[-1] if months else None)
        if period is None:
            self.completeness_summary.setText(self.tr("No export has been imported yet."))
            return
        missing = completeness.missing(period)
        delivered = len(stations) - len(missing)
        text = self.tr("{0}: {1} of {2} stations delivered.").format(
            period, delivered, len(stations)
        )
        if missing:
            text += "\n" + self.tr("Missing: {0}.").format("、".join(missing))
        self.completeness_summary.setText(text)

    def completeness_text(self, station: str, period: str) -> str:
        """The grid's text for one station and month (for tests and screen readers)."""
        if self.snapshot is None:
            return ""
        stations = list(self.snapshot.completeness.stations)
        months = list(self.snapshot.completeness.months)
        item = self.completeness_table.item(stations.index(station), months.index(period))
        return item.text() if item is not None else ""

    # -- reports ------------------------------------------------------------------------------
    def write_reports(self) -> None:
        period = self.current_month()
        if period is None or self.busy.running:
            return
        chosen = messages.choose_folder(self, self.tr("Write the city reports into this folder"))
        if not chosen:
            return
        workspace, out_dir = self.workspace, Path(chosen)
        set_status(self.reports_status, "", "muted")
        self.busy.run(
            self.tr("Writing the workbook and the PDF…"),
            lambda: workspace.write_reports(period, out_dir),
            self._reports_written,
            self._reports_failed,
        )

    def _reports_written(self, files: ReportFiles) -> None:
        self.written = files
        set_status(
            self.reports_status,
            self.tr("Written: {0} and {1}").format(str(files.xlsx), str(files.pdf)),
            "",
        )

    def _reports_failed(self, exc: StationError) -> None:
        set_status(self.reports_status, exc.zh, "error")

    # -- for tests --------------------------------------------------------------------------
    def buttons(self) -> list[QPushButton]:
        return self.findChildren(QPushButton)
