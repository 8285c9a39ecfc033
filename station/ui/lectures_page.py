"""讲座与培训: lectures by month, each with its audience counted by gender × rank level.

Aggregate only: a lecture never records who attended, so no person's name appears
here. Counsellors and the custodian list, add and edit lectures; the station lead
sees only the month's totals (``lectures.lecture_totals``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from station.errors import StationError
from station.models.enums import Role
from station.services import lectures
from station.services.context import SignedIn
from station.services.lectures import (
    SPEAKER_MAX,
    TOPIC_MAX,
    LectureInput,
    LectureRow,
    LectureTotals,
    LectureView,
)
from station.ui import messages
from station.ui.forms import (
    MARGIN,
    SPACING,
    Field,
    FieldError,
    button,
    button_row,
    form_layout,
    group,
    is_alive,
    label,
    line_edit,
    open_dialog,
    set_status,
)
from station.ui.headcount_grid import (
    GuardedFormDialog,
    HeadcountGrid,
    RecordTable,
    add_month_bar,
    date_edit,
    first_of_month,
    month_text,
    picked_date,
)


class LectureDialog(GuardedFormDialog):
    """新增讲座 / 编辑讲座: date, topic, speaker and the audience headcount."""

    def __init__(
        self,
        ctx: SignedIn,
        view: LectureView | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = view is not None
        super().__init__(
            self.tr("Psychological care station · Edit lecture")
            if editing
            else self.tr("Psychological care station · New lecture"),
            self.tr("Save") if editing else self.tr("Add lecture"),
            self.tr("Cancel"),
            parent,
            min_width=620,
        )
        self._ctx = ctx
        self.lecture_id: int | None = view.id if view else None
        form = form_layout()
        self.date_edit = date_edit(view.held_on if view else (day or date.today()))
        self.topic_edit = line_edit(TOPIC_MAX, view.topic if view else "")
        self.speaker_edit = line_edit(SPEAKER_MAX, view.speaker if view else "")
        self.fields.row(form, "held_on", self.tr("Date"), self.date_edit)
        self.fields.row(form, "topic", self.tr("Topic"), self.topic_edit)
        self.fields.row(
            form,
            "speaker",
            self.tr("Speaker"),
            self.speaker_edit,
            self.tr("The lecturer or the organisation giving the lecture."),
        )
        self.content.addLayout(form)

        audience_box, audience = group(
            self.tr("Audience"),
            self.tr("Count the audience by gender and rank level. Nobody is named."),
        )
        self.grid = HeadcountGrid()
        if view:
            self.grid.set_cells(view.audience)
        self.grid_field = Field(self.tr("Audience"), self.grid, "audience")
        self.fields.add(self.grid_field)
        audience.addWidget(self.grid)
        audience.addWidget(self.grid_field.error)
        self.content.addWidget(audience_box)
        self.total_label = label("", "heading")
        self.total_label.setObjectName("audienceTotal")
        self.content.addWidget(self.total_label)
        self.grid.changed.connect(lambda _total: self._update_total())
        self._update_total()

        if view is not None and not view.can_edit:
            for edit in (self.topic_edit, self.speaker_edit):
                edit.setReadOnly(True)
            self.date_edit.setReadOnly(True)
            self.grid.set_editable(False)
            self.ok_button.hide()
            self.cancel_button.setText(self.tr("Close"))
            self.cancel_button.setAccessibleName(self.tr("Close"))
            self.content.insertWidget(
                0,
                label(
                    self.tr(
                        "Only {0}, who entered this lecture, or the custodian can change it."
                    ).format(view.created_by.display_name),
                    "muted",
                ),
            )
        self.tab_order([self.date_edit, self.topic_edit, self.speaker_edit, *self.grid.inputs()])
        self.mark_clean()

    def _update_total(self) -> None:
        self.total_label.setText(self.tr("Audience in total: {0}").format(self.grid.total()))

    def state(self) -> object:
        return (
            picked_date(self.date_edit),
            self.topic_edit.text(),
            self.speaker_edit.text(),
            self.grid.cells(),
        )

    def send(self) -> None:
        ctx, lecture_id = self._ctx, self.lecture_id
        data = LectureInput(
            held_on=picked_date(self.date_edit),
            topic=self.topic_edit.text(),
            speaker=self.speaker_edit.text(),
            audience=self.grid.cells(),
        )
        self.save_record(
            lecture_id,
            (self.tr("Adding the lecture…"), self.tr("Saving…")),
            lambda: lectures.add_lecture(ctx, data),
            lambda known: lectures.update_lecture(ctx, known, data),
            self._saved,
        )

    def _saved(self, lecture_id: int) -> None:
        self.lecture_id = lecture_id
        self.accept()


class LectureTotalsBox(QGroupBox):
    """The month's lectures and audience in figures (every role)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lectureTotals")
        layout = QHBoxLayout(self)
        layout.setSpacing(SPACING * 4)
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(6)
        self.lectures_value = label("—", selectable=True)
        self.lectures_value.setObjectName("totalLectures")
        self.lectures_value.setAccessibleName(self.tr("Lectures and trainings"))
        self.audience_value = label("—", selectable=True)
        self.audience_value.setObjectName("totalAudience")
        self.audience_value.setAccessibleName(self.tr("Audience in total"))
        self.audience_value.setStyleSheet("font-weight: bold;")
        form.addRow(self.tr("Lectures and trainings"), self.lectures_value)
        form.addRow(self.tr("Audience in total"), self.audience_value)
        layout.addLayout(form)
        self.grid = HeadcountGrid(read_only=True)
        layout.addWidget(self.grid, 1)

    def show_totals(self, totals: LectureTotals) -> None:
        self.setTitle(
            self.tr("Totals of {0}").format(month_text(date(totals.year, totals.month, 1)))
        )
        self.lectures_value.setText(str(totals.lectures))
        self.audience_value.setText(str(totals.audience))
        self.grid.set_cells(totals.by_gender_rank)


class LecturesPage(QWidget):
    """讲座与培训 by month. For the station lead (``totals_only``) just the month's totals."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.rows: list[LectureRow] = []
        self.totals: LectureTotals | None = None
        self._pending = False
        self._pending_select: int | None = None
        self.dialog: LectureDialog | None = None  # the dialog last opened, for tests
        self.totals_only = ctx.role not in (Role.COUNSELLOR, Role.CUSTODIAN)
        self.setObjectName("lecturesPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 8, MARGIN, MARGIN + 8, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(label(self.tr("Lectures and training"), "title", wrap=False))
        layout.addWidget(
            label(
                self.tr("Your role sees the monthly figures only.")
                if self.totals_only
                else self.tr(
                    "Lectures and trainings for cadres, with the audience counted by gender "
                    "and rank level. No one in the audience is named."
                ),
                "muted",
            )
        )
        self.picker, self.busy = add_month_bar(layout, lambda: self.refresh())
        self.status = FieldError()

        if not self.totals_only:
            self.table = RecordTable(
                [self.tr("Date"), self.tr("Topic"), self.tr("Speaker"), self.tr("Audience")],
                self.tr("Lectures of the month"),
            )
            self.table.setObjectName("lectures")
            self.table.setMinimumHeight(150)
            self.table.opened.connect(self.open_lecture)
            self.table.itemSelectionChanged.connect(self._update_buttons)
            layout.addWidget(self.table, 1)
            self.empty_label = label(self.tr("No lecture in this month."), "muted")
            self.empty_label.hide()
            layout.addWidget(self.empty_label)
            self.new_button = button(self.tr("New lecture…"), primary=True, name="newLecture")
            self.new_button.setToolTip("Ctrl+N")
            self.edit_button = button(self.tr("Open…"), name="openLecture")
            self.edit_button.setToolTip(self.tr("Enter"))
            self.delete_button = button(self.tr("Delete"), name="deleteLecture")
            self.new_button.clicked.connect(self.new_lecture)
            self.edit_button.clicked.connect(lambda: self._open_selected())
            self.delete_button.clicked.connect(self.delete_lecture)
            layout.addLayout(button_row(self.new_button, self.edit_button, self.delete_button))
            shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.new_lecture)
        layout.addWidget(self.status)
        self.totals_box = LectureTotalsBox()
        layout.addWidget(self.totals_box)
        if self.totals_only:
            layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        """Counted again each time the page is shown (others add lectures meanwhile)."""
        super().showEvent(event)
        self.refresh()

    # -- reading --------------------------------------------------------------------------
    def month(self) -> date:
        return self.picker.month()

    def refresh(self, select_id: int | None = None) -> None:
        if self.busy.running:  # read again once the reading under way is shown
            self._pending = True
            self._pending_select = select_id
            return
        ctx, month, totals_only = self._ctx, self.picker.month(), self.totals_only
        self.status.clear_message()

        def load() -> tuple[list[LectureRow], LectureTotals]:
            rows = [] if totals_only else lectures.list_lectures(ctx, month)
            return rows, lectures.lecture_totals(ctx, month)

        self.busy.run(
            self.tr("Loading…"),
            load,
            lambda result: self._show(*result, select_id=select_id),
            lambda exc: self.status.show_message(exc.zh),
        )

    def _show(
        self, rows: list[LectureRow], totals: LectureTotals, *, select_id: int | None
    ) -> None:
        if self._pending:
            self._pending = False
            self.refresh(self._pending_select)
            return
        self.rows, self.totals = rows, totals
        self.totals_box.show_totals(totals)
        if self.totals_only:
            return
        selected = select_id if select_id is not None else self.table.selected_id()
        self.table.set_rows(
            [
                (r.id, [r.held_on.isoformat(), r.topic, r.speaker or "—", str(r.audience)])
                for r in rows
            ],
            selected,
        )
        self.table.align_right(3)
        self.table.stretch(1)
        self.empty_label.setVisible(not rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.table.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # -- actions ----------------------------------------------------------------------------
    def new_lecture(self) -> LectureDialog | None:
        if self.totals_only:
            return None
        today = date.today()
        month = self.picker.month()
        day = today if first_of_month(today) == month else month
        dialog = LectureDialog(self._ctx, None, day, self)
        return self._open(dialog)

    def _open_selected(self) -> LectureDialog | None:
        lecture_id = self.table.selected_id()
        return None if lecture_id is None else self.open_lecture(lecture_id)

    def open_lecture(self, lecture_id: int) -> LectureDialog | None:
        try:
            view = lectures.lecture_view(self._ctx, lecture_id)
        except StationError as exc:
            self.status.show_message(exc.zh)
            return None
        return self._open(LectureDialog(self._ctx, view, None, self))

    def delete_lecture(self) -> None:
        lecture_id = self.table.selected_id()
        if lecture_id is None or not messages.ask(
            self, self.tr("Delete lecture"), self.tr("Delete this lecture and its audience counts?")
        ):
            return
        ctx = self._ctx
        self.busy.run(
            self.tr("Deleting…"),
            lambda: lectures.delete_lecture(ctx, lecture_id),
            lambda _: self._deleted(),
            lambda exc: self.status.show_message(exc.zh),
        )

    def _deleted(self) -> None:
        self.refresh()
        set_status(self.status, self.tr("Lecture deleted."), "muted")

    def _open(self, dialog: LectureDialog) -> LectureDialog:
        self.dialog = dialog

        def finished(accepted: bool) -> None:
            if not accepted or not is_alive(self) or dialog.lecture_id is None:
                return
            held_on = picked_date(dialog.date_edit)
            if first_of_month(held_on) != self.picker.month():
                self.picker.set_month(held_on, notify=False)  # show the lecture's month
            self.refresh(select_id=dialog.lecture_id)

        return open_dialog(dialog, finished)
