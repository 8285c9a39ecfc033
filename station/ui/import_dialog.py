"""导入台账: a station's Excel/CSV register checked row by row, then imported in one go.

1. The user chooses a file (.xlsx or .csv); it is read and every row checked in a
   background task (``legacy_import.parse_file`` + ``validate``) that can be cancelled.
2. A summary shows what would be imported, and every bad row with its line number (as
   Excel shows it) and the reason. 导入 stays off while any row is bad;
   仅导入无误的行 imports the good rows after a confirmation.
3. ``legacy_import.run_import`` writes everything in one transaction (all or nothing);
   the result is shown. The import template can be saved from here too.

The file is read in memory; nothing of it is copied or written anywhere.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.services import legacy_import
from station.services.context import SignedIn
from station.services.import_vocab import import_resources_dir
from station.services.legacy_import import ImportPlan, ImportResult, ParsedFile
from station.ui import messages
from station.ui.forms import (
    SPACING,
    Field,
    FieldError,
    button,
    button_row,
    is_alive,
    label,
    set_status,
    spaced,
)
from station.ui.tasks import Cancelled, TaskHandle, run_task

TEMPLATE = import_resources_dir() / "template.xlsx"


@dataclass(frozen=True)
class Checked:
    """A file read and checked: what the summary and the import work from."""

    path: Path
    parsed: ParsedFile
    plan: ImportPlan


def check_file(ctx: SignedIn, path: Path, handle: TaskHandle) -> Checked:
    """Read and check ``path`` (in a background task; stops between steps on cancel)."""
    handle.progress.emit(0, 2)
    parsed = legacy_import.parse_file(path)
    handle.check()
    handle.progress.emit(1, 2)
    plan = legacy_import.validate(ctx, parsed)
    handle.check()
    handle.progress.emit(2, 2)
    return Checked(path, parsed, plan)


class ImportDialog(QDialog):
    """导入台账. ``imported`` holds the result once an import succeeded."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._handle: TaskHandle | None = None
        self._importing = False
        self.checked: Checked | None = None
        self.imported: ImportResult | None = None
        self.setWindowTitle(self.tr("Psychological care station · Import register"))
        self.setMinimumWidth(720)
        layout = spaced(QVBoxLayout(self))
        layout.addWidget(label(self.tr("Import a register"), "title", wrap=False))
        layout.addWidget(
            label(
                self.tr(
                    "Bring in a station's Excel or CSV register, one service contact per row. "
                    "Every row is checked first; nothing is imported until the file is clean "
                    "or you choose to import only the rows without errors."
                ),
                "muted",
            )
        )

        # the file ------------------------------------------------------------------------
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.file_field = Field(self.tr("Register file"), self.path_edit, "file")
        self.choose_button = button(self.tr("Choose file…"), primary=True, name="chooseFile")
        self.choose_button.setShortcut("Ctrl+O")
        self.choose_button.setToolTip("Ctrl+O")
        self.template_button = button(self.tr("Save the import template…"), name="saveTemplate")
        file_row = QHBoxLayout()
        file_row.setSpacing(SPACING)
        file_row.addWidget(self.file_field.caption)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        layout.addLayout(file_row)
        layout.addWidget(self.file_field.error)
        template_row = QHBoxLayout()
        template_row.setSpacing(SPACING)
        template_row.addWidget(
            label(
                self.tr("Start from the template: it has the 15 columns and the allowed values."),
                "muted",
            ),
            1,
        )
        template_row.addWidget(self.template_button)
        layout.addLayout(template_row)
        self.template_status = label("", "muted")
        self.template_status.setObjectName("templateStatus")
        self.template_status.hide()
        layout.addWidget(self.template_status)

        # progress ------------------------------------------------------------------------
        self.progress_row = QWidget()
        progress = QHBoxLayout(self.progress_row)
        progress.setContentsMargins(0, 0, 0, 0)
        progress.setSpacing(SPACING)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(8)
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.progress_text = label("", "muted", wrap=False)
        self.cancel_check_button = button(self.tr("Cancel check"), name="cancelCheck")
        self.cancel_check_button.clicked.connect(self.cancel_check)
        progress.addWidget(self.progress_text)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.cancel_check_button)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)

        # summary --------------------------------------------------------------------------
        self.summary_box = QGroupBox(self.tr("What the file holds"))
        summary = QVBoxLayout(self.summary_box)
        summary.setSpacing(SPACING)
        self.figures: dict[str, QLabel] = {}
        columns = QHBoxLayout()
        columns.setSpacing(SPACING * 4)
        for part in (
            (
                ("rows", self.tr("Rows")),
                ("good", self.tr("Rows without errors")),
                ("bad", self.tr("Rows with errors")),
            ),
            (
                ("new_clients", self.tr("New clients")),
                ("matched_clients", self.tr("Clients already on record")),
                ("sessions", self.tr("Service sessions")),
            ),
            (
                ("cases", self.tr("New cases")),
                ("continued", self.tr("Open cases continued")),
            ),
        ):
            form = QFormLayout()
            form.setHorizontalSpacing(16)
            form.setVerticalSpacing(6)
            for key, caption in part:
                figure = label("", selectable=True, wrap=False)
                figure.setObjectName(f"summary_{key}")
                figure.setAccessibleName(caption)
                self.figures[key] = figure
                form.addRow(caption, figure)
            columns.addLayout(form)
        columns.addStretch(1)
        summary.addLayout(columns)
        self.bad_caption = label(
            self.tr("Rows with errors: correct them in the file and choose it again."), "error"
        )
        summary.addWidget(self.bad_caption)
        self.bad_table = QTableWidget(0, 2)
        self.bad_table.setObjectName("badRows")
        self.bad_table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Reason")])
        self.bad_table.setAccessibleName(self.tr("Rows with errors"))
        self.bad_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bad_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bad_table.setTabKeyNavigation(False)
        self.bad_table.setWordWrap(True)
        self.bad_table.verticalHeader().hide()
        self.bad_table.setStyleSheet("QTableView::item { padding: 2px 10px; }")
        self.bad_table.setMinimumHeight(160)
        header = self.bad_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        summary.addWidget(self.bad_table, 1)
        self.summary_box.hide()
        layout.addWidget(self.summary_box, 1)

        # the result -----------------------------------------------------------------------
        self.result_label = label("")
        self.result_label.setObjectName("importResult")
        self.result_label.hide()
        layout.addWidget(self.result_label)
        self.general = FieldError()
        layout.addWidget(self.general)
        layout.addStretch(1)  # takes the free space while there is no summary
        self._spacer_index = layout.count() - 1
        self._layout = layout

        # buttons --------------------------------------------------------------------------
        self.import_button = button(self.tr("Import"), name="importAll")
        self.good_rows_button = button(
            self.tr("Import only the rows without errors…"), name="importGood"
        )
        self.close_button = button(self.tr("Close"), name="close")
        self.import_button.clicked.connect(lambda: self.start_import(only_good_rows=False))
        self.good_rows_button.clicked.connect(self.import_good_rows)
        self.close_button.clicked.connect(self.reject)
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(self.save_template)
        layout.addLayout(
            button_row(
                self.close_button, self.good_rows_button, self.import_button, stretch_after=1
            )
        )
        for first, second in (
            (self.choose_button, self.template_button),
            (self.template_button, self.bad_table),
            (self.bad_table, self.import_button),
            (self.import_button, self.good_rows_button),
            (self.good_rows_button, self.close_button),
        ):
            QWidget.setTabOrder(first, second)
        self._update_buttons()
        self.choose_button.setFocus()

    # -- state ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._handle is not None or self._importing

    def _update_buttons(self) -> None:
        plan = self.checked.plan if self.checked else None
        idle = not self.busy
        self.choose_button.setEnabled(idle)
        self.template_button.setEnabled(idle)
        self.close_button.setEnabled(not self._importing)
        can_import = plan is not None and plan.ok and plan.good_rows > 0
        self.import_button.setEnabled(idle and can_import)
        mixed = plan is not None and bool(plan.bad_rows) and plan.good_rows > 0
        self.good_rows_button.setVisible(mixed)
        self.good_rows_button.setEnabled(idle and mixed)
        primary = self.import_button if can_import else self.choose_button
        for widget in (self.import_button, self.choose_button):
            self._set_primary(widget, widget is primary)

    @staticmethod
    def _set_primary(widget: QPushButton, primary: bool) -> None:
        if bool(widget.property("primary")) == primary:
            return
        widget.setProperty("primary", primary)
        widget.setDefault(primary)
        widget.setAutoDefault(primary)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _show_summary(self, shown: bool) -> None:
        """The summary takes the free height while it is shown, else a blank does."""
        self.summary_box.setVisible(shown)
        self._layout.setStretch(self._spacer_index, 0 if shown else 1)

    def _show_progress(self, text: str, cancellable: bool) -> None:
        self.progress_text.setText(text)
        self.cancel_check_button.setVisible(cancellable)
        self.progress_row.show()

    def _hide_progress(self) -> None:
        self.progress_row.hide()

    # -- choosing and checking a file -------------------------------------------------------
    def choose_file(self) -> None:
        if self.busy:
            return
        chosen = messages.choose_open_path(
            self,
            self.tr("Choose the register to import"),
            self.tr("Registers (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)"),
        )
        if chosen:
            self.check(Path(chosen))

    def check(self, path: Path) -> None:
        """Read and check ``path`` in the background; the summary follows."""
        if self.busy:
            return
        self.checked = None
        self.imported = None
        self.path_edit.setText(str(path))
        self.file_field.clear_error()
        self.general.clear_message()
        self.result_label.hide()
        self._show_summary(False)
        self._show_progress(self.tr("Reading the file…"), cancellable=True)
        ctx = self._ctx
        handle: TaskHandle | None = None

        def done(result: object) -> None:
            if not is_alive(self) or handle is not self._handle:
                return  # cancelled, or the dialog is gone
            self._handle = None
            self._hide_progress()
            assert isinstance(result, Checked)
            self._show_plan(result)

        def failed(exc: BaseException) -> None:
            if not is_alive(self) or handle is not self._handle:
                if isinstance(exc, StationError | OSError | Cancelled):
                    return
                raise exc
            self._handle = None
            self._hide_progress()
            self._update_buttons()
            if isinstance(exc, Cancelled):
                return
            if isinstance(exc, StationError):
                self.file_field.show_error(exc.zh)
            elif isinstance(exc, OSError):
                self.file_field.show_error(
                    self.tr("The file could not be read: {0}").format(exc.strerror or "")
                )
            else:
                raise exc

        def progress(step: int, _steps: int) -> None:
            if is_alive(self) and handle is self._handle and step == 1:
                self.progress_text.setText(self.tr("Checking every row…"))

        # known before the task reports back (in tests it runs at once, inside run_task)
        self._handle = handle = TaskHandle()
        self._update_buttons()
        real = run_task(lambda h: check_file(ctx, path, h), done, failed, progress)
        if self._handle is handle:  # still running: cancelling must reach the real task
            self._handle = handle = real

    def cancel_check(self) -> None:
        """Stop checking: the result, when it comes, is dropped."""
        handle = self._handle
        if handle is None or self._importing:
            return
        handle.cancel()
        self._handle = None
        self._hide_progress()
        self.path_edit.clear()
        set_status(self.result_label, self.tr("The check was cancelled."), "muted")
        self._update_buttons()
        self.choose_button.setFocus()

    def _show_plan(self, checked: Checked) -> None:
        self.checked = checked
        plan = checked.plan
        new_cases = len(plan.clients) - plan.continued_cases
        values = {
            "rows": plan.total_rows,
            "good": plan.good_rows,
            "bad": len(plan.bad_rows),
            "new_clients": plan.new_clients,
            "matched_clients": plan.matched_clients,
            "cases": new_cases,
            "continued": plan.continued_cases,
            "sessions": plan.good_rows,
        }
        for key, value in values.items():
            self.figures[key].setText(str(value))
        self.bad_table.setRowCount(len(plan.bad_rows))
        for r, bad in enumerate(plan.bad_rows):
            line = QTableWidgetItem(str(bad.line))
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            reason = QTableWidgetItem(bad.reason)
            reason.setToolTip(bad.message())
            self.bad_table.setItem(r, 0, line)
            self.bad_table.setItem(r, 1, reason)
        self.bad_table.resizeRowsToContents()
        self.bad_caption.setVisible(bool(plan.bad_rows))
        self.bad_table.setVisible(bool(plan.bad_rows))
        self._show_summary(True)
        if plan.ok and plan.good_rows:
            text = self.tr("Every row is correct. Import puts them all in at once.")
            set_status(self.result_label, text, "muted")
        elif not plan.good_rows:
            set_status(self.result_label, self.tr("No row can be imported."), "error")
        else:
            set_status(self.result_label, "", "muted")
        self._update_buttons()
        if self.import_button.isEnabled():
            self.import_button.setFocus()
        elif plan.bad_rows:
            self.bad_table.setFocus()

    # -- importing ----------------------------------------------------------------------------
    def import_good_rows(self) -> None:
        plan = self.checked.plan if self.checked else None
        if plan is None or self.busy:
            return
        if not messages.ask(
            self,
            self.tr("Import only the rows without errors"),
            self.tr(
                "{good} rows will be imported; the {bad} rows with errors will be left out "
                "and must be entered by hand or imported later. Import now?"
            ).format(good=plan.good_rows, bad=len(plan.bad_rows)),
        ):
            return
        self.start_import(only_good_rows=True)

    def start_import(self, *, only_good_rows: bool) -> None:
        checked = self.checked
        if checked is None or self.busy:
            return
        ctx, plan = self._ctx, checked.plan
        self._importing = True
        self.general.clear_message()
        self.file_field.clear_error()
        self._show_progress(
            self.tr("Importing in one step; this cannot be interrupted…"), cancellable=False
        )
        self._update_buttons()

        def done(result: object) -> None:
            if not is_alive(self):
                return
            assert isinstance(result, ImportResult)
            self._finished()
            self._imported(result)

        def failed(exc: BaseException) -> None:
            if not is_alive(self):
                if isinstance(exc, StationError | OSError):
                    return
                raise exc
            self._finished()
            if isinstance(exc, StationError):
                target = self.file_field if exc.field == "file" else None
                if target is not None:
                    target.show_error(exc.zh)
                else:
                    self.general.show_message(exc.zh)
            else:
                raise exc

        run_task(
            lambda _h: legacy_import.run_import(ctx, plan, only_good_rows=only_good_rows),
            done,
            failed,
        )

    def _finished(self) -> None:
        self._importing = False
        self._hide_progress()
        self._update_buttons()

    def _imported(self, result: ImportResult) -> None:
        self.imported = result
        self.checked = None  # a plan is imported once
        self._show_summary(False)
        lines = [
            self.tr("Imported {rows} rows in one step.").format(rows=result.rows),
            self.tr(
                "Clients: {created} new, {matched} already on record. Cases: {cases} opened, "
                "{continued} continued. Service sessions: {sessions}."
            ).format(
                created=result.clients_created,
                matched=result.clients_matched,
                cases=result.cases,
                continued=result.cases_continued,
                sessions=result.sessions,
            ),
        ]
        if result.skipped_rows:
            lines.append(self.tr("{0} rows with errors were left out.").format(result.skipped_rows))
        lines.append(
            self.tr(
                "The register holds personal data: delete the original file or keep it "
                "encrypted, as the station's rules say."
            )
        )
        set_status(self.result_label, "\n".join(lines), "")
        self.path_edit.clear()
        self._update_buttons()
        self.close_button.setFocus()

    # -- the template -----------------------------------------------------------------------
    def save_template(self) -> None:
        if self.busy:
            return
        chosen = messages.choose_save_path(
            self,
            self.tr("Save the import template"),
            self.tr("Register import template.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        self.template_button.setEnabled(False)

        def done(_result: object) -> None:
            if is_alive(self):
                self.template_button.setEnabled(not self.busy)
                set_status(
                    self.template_status,
                    self.tr("Template saved: {0}").format(target),
                    "muted",
                )

        def failed(exc: BaseException) -> None:
            if not is_alive(self):
                return
            self.template_button.setEnabled(not self.busy)
            if not isinstance(exc, OSError):
                raise exc
            set_status(
                self.template_status,
                self.tr("The template could not be saved: {0}").format(exc.strerror or ""),
                "error",
            )

        run_task(lambda _h: shutil.copyfile(TEMPLATE, target), done, failed)

    # -- closing ------------------------------------------------------------------------------
    def reject(self) -> None:
        """Close; a check under way is dropped, an import under way is waited for."""
        if self._importing:
            return
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._handle is not None:
            self.cancel_check()  # Esc first stops the check, then closes
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._importing:
            event.ignore()
            return
        super().closeEvent(event)
