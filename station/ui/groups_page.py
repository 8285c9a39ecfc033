"""团体辅导: group programmes, their sessions and attendance, and the monthly totals.

Counsellors and the custodian see the programme list; a programme opens into its
facilitators, description and sessions, and a session into its attendance (registered
clients the user may see, plus an anonymous headcount by gender × rank level). The
station lead sees only the monthly figures (``groups.group_totals``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import Role
from station.models.vocab import LABELS, GroupTheme
from station.services import groups
from station.services.context import SignedIn
from station.services.groups import (
    TITLE_MAX,
    AttendanceChoice,
    GroupSessionInput,
    GroupSessionView,
    GroupTotals,
    ProgrammeInput,
    ProgrammeView,
)
from station.services.search import TEXT_MAX
from station.services.sessions import MAX_DURATION, MIN_DURATION, ROOM_MAX
from station.services.views import UserRef
from station.ui import messages
from station.ui.forms import (
    MARGIN,
    SPACING,
    BusyIndicator,
    Field,
    FieldError,
    button,
    button_row,
    choice_combo,
    form_layout,
    group,
    is_alive,
    label,
    line_edit,
    open_dialog,
    scrolled,
    set_status,
    spaced,
)
from station.ui.headcount_grid import (
    ID_ROLE,
    GuardedFormDialog,
    HeadcountGrid,
    RecordTable,
    add_month_bar,
    date_edit,
    month_text,
    picked_date,
)

THEMES: dict[GroupTheme, str] = {GroupTheme(v): text for v, text in LABELS[GroupTheme].items()}
SEARCH_LIMIT = 50
LABEL_ROLE = ID_ROLE + 1  # an attendee's label, kept with a search result
DialogT = TypeVar("DialogT", bound=GuardedFormDialog)


def _names(refs: tuple[UserRef, ...]) -> str:
    return "、".join(r.display_name for r in refs)


def _plain_edit(max_height: int = 110) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(max_height)
    return edit


# -- dialogs ---------------------------------------------------------------------------------
class ProgrammeDialog(GuardedFormDialog):
    """新建团体 / 编辑团体: title, theme, facilitators and description."""

    def __init__(
        self, ctx: SignedIn, programme: ProgrammeView | None = None, parent: QWidget | None = None
    ) -> None:
        editing = programme is not None
        super().__init__(
            self.tr("Psychological care station · Edit group programme")
            if editing
            else self.tr("Psychological care station · New group programme"),
            self.tr("Save") if editing else self.tr("Create programme"),
            self.tr("Cancel"),
            parent,
            min_width=560,
        )
        self._ctx = ctx
        self._programme = programme
        self.programme_id: int | None = programme.id if programme else None
        form = form_layout()
        self.title_edit = line_edit(TITLE_MAX, programme.title if programme else "")
        self.theme_combo = choice_combo(THEMES, programme.theme if programme else GroupTheme.STRESS)
        self.facilitator_list = QListWidget()
        self.facilitator_list.setMaximumHeight(130)
        self.description_edit = _plain_edit()
        if programme:
            self.description_edit.setPlainText(programme.description)
        self.fields.row(form, "title", self.tr("Programme title"), self.title_edit)
        self.fields.row(form, "theme", self.tr("Theme"), self.theme_combo)
        self.fields.row(
            form,
            "facilitators",
            self.tr("Facilitators"),
            self.facilitator_list,
            self.tr("Tick everyone who leads the sessions (Space ticks the selected name)."),
        )
        self.fields.row(
            form, "description", self.tr("Programme description"), self.description_edit
        )
        self.content.addLayout(form)
        self._fill_facilitators()
        self.tab_order(
            [self.title_edit, self.theme_combo, self.facilitator_list, self.description_edit]
        )
        self.mark_clean()

    def _fill_facilitators(self) -> None:
        ctx, programme = self._ctx, self._programme
        chosen = {r.id for r in programme.facilitators} if programme else {ctx.user_id}
        try:
            choices = groups.facilitator_choices(ctx)
        except StationError as exc:
            choices = []
            self.fields.show_at("facilitators", exc.zh)
        known = {r.id for r in choices}
        if programme:  # keep the current ones even when this user cannot list them
            choices += [r for r in programme.facilitators if r.id not in known]
        if ctx.user_id not in {r.id for r in choices}:
            choices.insert(0, UserRef(ctx.user_id, ctx.display_name))
        for ref in choices:
            item = QListWidgetItem(ref.display_name)
            item.setData(ID_ROLE, ref.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if ref.id in chosen else Qt.CheckState.Unchecked
            )
            self.facilitator_list.addItem(item)
        if self.facilitator_list.count():
            self.facilitator_list.setCurrentRow(0)

    def facilitator_ids(self) -> tuple[int, ...]:
        ids = []
        for i in range(self.facilitator_list.count()):
            item = self.facilitator_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(ID_ROLE)))
        return tuple(ids)

    def set_facilitators(self, ids: set[int]) -> None:
        for i in range(self.facilitator_list.count()):
            item = self.facilitator_list.item(i)
            checked = int(item.data(ID_ROLE)) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def state(self) -> object:
        return (
            self.title_edit.text(),
            self.theme_combo.currentData(),
            self.facilitator_ids(),
            self.description_edit.toPlainText(),
        )

    def send(self) -> None:
        ctx = self._ctx
        data = ProgrammeInput(
            title=self.title_edit.text(),
            theme=GroupTheme(self.theme_combo.currentData()),
            facilitator_ids=self.facilitator_ids(),
            description=self.description_edit.toPlainText(),
        )
        if not data.facilitator_ids:
            self.fields.show_at("facilitators", self.tr("Tick at least one facilitator."))
            return
        self.save_record(
            self.programme_id,
            (self.tr("Creating the programme…"), self.tr("Saving…")),
            lambda: groups.add_programme(ctx, data),
            lambda programme_id: groups.update_programme(ctx, programme_id, data),
            self._saved,
        )

    def _saved(self, programme_id: int) -> None:
        self.programme_id = programme_id
        self.accept()


class GroupSessionDialog(GuardedFormDialog):
    """新增活动 / 编辑活动: date, duration, room and notes of one group session."""

    def __init__(
        self,
        ctx: SignedIn,
        programme_id: int,
        session: GroupSessionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = session is not None
        super().__init__(
            self.tr("Psychological care station · Edit group session")
            if editing
            else self.tr("Psychological care station · New group session"),
            self.tr("Save") if editing else self.tr("Add session"),
            self.tr("Cancel"),
            parent,
            min_width=520,
        )
        self._ctx = ctx
        self._programme_id = programme_id
        self.session_id: int | None = session.id if session else None
        form = form_layout()
        self.date_edit = date_edit(session.held_on if session else date.today())
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(MIN_DURATION, MAX_DURATION)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.duration_spin.setValue(session.duration_minutes if session else 90)
        self.room_edit = line_edit(ROOM_MAX, session.room if session else "")
        self.notes_edit = _plain_edit(140)
        if session:
            self.notes_edit.setPlainText(session.notes)
        self.fields.row(form, "held_on", self.tr("Date"), self.date_edit)
        self.fields.row(form, "duration_minutes", self.tr("Duration"), self.duration_spin)
        self.fields.row(form, "room", self.tr("Activity room"), self.room_edit)
        self.fields.row(
            form,
            "notes",
            self.tr("Activity notes"),
            self.notes_edit,
            self.tr("What the group did. Write no names: attendance is recorded separately."),
        )
        self.content.addLayout(form)
        self.tab_order([self.date_edit, self.duration_spin, self.room_edit, self.notes_edit])
        self.mark_clean()

    def state(self) -> object:
        return (
            picked_date(self.date_edit),
            self.duration_spin.value(),
            self.room_edit.text(),
            self.notes_edit.toPlainText(),
        )

    def send(self) -> None:
        ctx, programme_id, session_id = self._ctx, self._programme_id, self.session_id
        data = GroupSessionInput(
            held_on=picked_date(self.date_edit),
            duration_minutes=self.duration_spin.value(),
            room=self.room_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )
        self.save_record(
            session_id,
            (self.tr("Adding the session…"), self.tr("Saving…")),
            lambda: groups.add_group_session(ctx, programme_id, data),
            lambda known: groups.update_group_session(ctx, known, data),
            self._saved,
        )

    def _saved(self, session_id: int) -> None:
        self.session_id = session_id
        self.accept()


class AttendanceDialog(GuardedFormDialog):
    """出勤登记 of one group session: registered clients and the anonymous headcount."""

    def __init__(
        self, ctx: SignedIn, view: GroupSessionView, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Psychological care station · Group session attendance"),
            self.tr("Save attendance"),
            self.tr("Cancel"),
            parent,
            min_width=700,
        )
        self._ctx = ctx
        self.view = view
        self._initial_ids = tuple(a.client_id for a in view.attendees)
        self._initial_cells = view.headcount
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)  # room for a scroll bar on small screens
        body.setSpacing(SPACING)
        body.addWidget(label(f"{view.programme_title} · {view.held_on.isoformat()}", "heading"))
        where = [self.tr("{0} min").format(view.duration_minutes)]
        if view.room:
            where.insert(0, view.room)
        body.addWidget(label(" · ".join(where), "muted"))

        # registered clients -----------------------------------------------------------
        registered_box, registered = group(
            self.tr("Registered clients"),
            self.tr(
                "Clients with a record here who took part. You can add only clients whose "
                "cases you may see."
            ),
        )
        # captions on top; the attendee list stands as tall as the search beside it
        columns = QGridLayout()
        columns.setHorizontalSpacing(SPACING + 8)
        columns.setVerticalSpacing(8)
        attending = QLabel(self.tr("Attended"))
        self.attendee_list = QListWidget()
        self.attendee_list.setObjectName("attendees")
        self.attendee_list.setAccessibleName(self.tr("Registered clients who attended"))
        attending.setBuddy(self.attendee_list)
        for attendee in view.attendees:
            self._add_attendee(
                attendee.client_id, self._attendee_text(attendee.label, attendee.client_id)
            )
        self.remove_button = button(self.tr("Remove"), name="removeAttendee")
        self.remove_button.clicked.connect(self.remove_selected)

        self.search_pane = QWidget()
        right = QVBoxLayout(self.search_pane)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(8)
        self.search_edit = line_edit(TEXT_MAX, placeholder=self.tr("Case code, alias or name"))
        self.search_button = button(self.tr("Find"), name="findClients")
        self.search_field = Field(self.tr("Find a client"), self.search_edit, "text")
        self.fields.add(self.search_field)
        find_row = QHBoxLayout()
        find_row.setSpacing(8)
        find_row.addWidget(self.search_edit, 1)
        find_row.addWidget(self.search_button)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Clients found"))
        self.results.setFixedHeight(self.fontMetrics().height() * 6)
        self.add_button = button(self.tr("Add to attendance"), name="addAttendee")
        right.addLayout(find_row)
        right.addWidget(self.search_field.error)
        right.addWidget(self.results)

        columns.addWidget(attending, 0, 0)
        columns.addWidget(self.search_field.caption, 0, 1)
        columns.addWidget(self.attendee_list, 1, 0)
        columns.addWidget(self.search_pane, 1, 1)
        columns.addLayout(button_row(self.remove_button), 2, 0)
        columns.addLayout(button_row(self.add_button), 2, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        registered.addLayout(columns)
        if view.other_registered:
            registered.addWidget(
                label(
                    self.tr(
                        "{0} more registered clients, whose cases you may not see, are "
                        "counted in the total."
                    ).format(view.other_registered),
                    "muted",
                )
            )
        body.addWidget(registered_box)

        # anonymous headcount -----------------------------------------------------------
        headcount_box, headcount = group(
            self.tr("Anonymous headcount"),
            self.tr("Participants not registered here, counted by gender and rank level."),
        )
        self.grid = HeadcountGrid()
        self.grid.set_cells(view.headcount)
        self.grid_field = Field(self.tr("Anonymous headcount"), self.grid, "headcount")
        self.fields.add(self.grid_field)
        headcount.addWidget(self.grid)
        headcount.addWidget(self.grid_field.error)
        body.addWidget(headcount_box)

        body.addStretch(1)
        area = scrolled(inner)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setStyleSheet("QScrollArea { background: transparent; }")
        inner.setObjectName("attendanceBody")
        inner.setStyleSheet("QWidget#attendanceBody { background: transparent; }")
        self.content.addWidget(area, 1)
        outer = self.layout()
        if isinstance(outer, QVBoxLayout):  # the form, not the space below it, grows
            for i in range(outer.count()):
                item = outer.itemAt(i)
                mine = item is not None and item.layout() is self.content
                outer.setStretch(i, 1 if mine else 0)
        self.total_label = label("", "heading")
        self.total_label.setObjectName("attendanceTotal")
        self.content.addWidget(self.total_label)

        self.search_button.clicked.connect(self.find_clients)
        self.search_edit.returnPressed.connect(self.find_clients)
        self.add_button.clicked.connect(self.add_selected)
        self.results.itemActivated.connect(lambda _item: self.add_selected())
        self.grid.changed.connect(lambda _total: self._update_total())
        self.attendee_list.itemSelectionChanged.connect(self._update_buttons)
        self.results.itemSelectionChanged.connect(self._update_buttons)

        if not view.can_manage:
            self.search_pane.hide()
            self.search_field.caption.hide()
            self.add_button.hide()
            self.remove_button.hide()
            self.grid.set_editable(False)
            self.ok_button.hide()
            self.cancel_button.setText(self.tr("Close"))
            self.cancel_button.setAccessibleName(self.tr("Close"))
        self.tab_order(
            [
                self.search_edit,
                self.search_button,
                self.results,
                self.add_button,
                self.attendee_list,
                self.remove_button,
                *self.grid.inputs(),
            ]
        )
        self._update_total()
        self._update_buttons()
        self.mark_clean()

    def _attendee_text(self, label: str, client_id: int) -> str:
        return label or self.tr("Client No. {0} (no alias)").format(client_id)

    def _add_attendee(self, client_id: int, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, client_id)
        self.attendee_list.addItem(item)

    def attendee_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.attendee_list.item(i).data(ID_ROLE)) for i in range(self.attendee_list.count())
        )

    def registered(self) -> int:
        return len(self.attendee_ids()) + self.view.other_registered

    def total(self) -> int:
        return self.registered() + self.grid.total()

    def _update_total(self) -> None:
        self.total_label.setText(
            self.tr(
                "Total: {total} (registered clients {registered}, anonymous {anonymous})"
            ).format(total=self.total(), registered=self.registered(), anonymous=self.grid.total())
        )

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.attendee_list.selectedItems()))
        self.add_button.setEnabled(bool(self.results.selectedItems()))

    # -- finding and adding clients -------------------------------------------------------
    def find_clients(self) -> None:
        """Search the clients this user may see (``groups.attendance_choices``: no case
        is opened, so picking leaves no case or identity view in the log)."""
        ctx, text = self._ctx, self.search_edit.text()
        self.search_field.clear_error()
        self.busy.controls = [self.search_edit, self.search_button, self.add_button]
        self.busy.run(
            self.tr("Searching…"),
            lambda: groups.attendance_choices(ctx, text, SEARCH_LIMIT),
            self._found,
            self.fields.show_error,
        )

    def _found(self, choices: list[AttendanceChoice]) -> None:
        self.results.clear()
        for choice in choices:
            label = self._attendee_text(choice.label, choice.client_id)
            shown = label if choice.case_code in ("", label) else f"{choice.case_code} · {label}"
            item = QListWidgetItem(shown)
            item.setData(ID_ROLE, choice.client_id)
            item.setData(LABEL_ROLE, label)
            self.results.addItem(item)
        if choices:
            self.results.setCurrentRow(0)
            self.results.setFocus()
        else:
            self.search_field.show_error(self.tr("No client found."))
        self._update_buttons()

    def add_selected(self) -> None:
        items = self.results.selectedItems()
        if not items or self.busy.running:
            return
        client_id, label = int(items[0].data(ID_ROLE)), str(items[0].data(LABEL_ROLE))
        for i in range(self.attendee_list.count()):
            if int(self.attendee_list.item(i).data(ID_ROLE)) == client_id:
                self.attendee_list.setCurrentRow(i)
                return
        self._add_attendee(client_id, label)
        self.attendee_list.setCurrentRow(self.attendee_list.count() - 1)
        self._update_total()

    def remove_selected(self) -> None:
        for item in self.attendee_list.selectedItems():
            self.attendee_list.takeItem(self.attendee_list.row(item))
        self._update_total()
        self._update_buttons()

    # -- saving -----------------------------------------------------------------------------
    def state(self) -> object:
        return (tuple(sorted(self.attendee_ids())), self.grid.cells())

    def send(self) -> None:
        ctx, session_id = self._ctx, self.view.id
        ids, cells = self.attendee_ids(), self.grid.cells()
        if sorted(ids) == sorted(self._initial_ids) and cells == tuple(self._initial_cells):
            self.accept()  # nothing to save
            return
        self.run(
            self.tr("Saving attendance…"),
            lambda: groups.set_session_attendance(ctx, session_id, ids, cells),
            lambda _: self.accept(),
        )


# -- monthly totals ---------------------------------------------------------------------------
class GroupTotalsPanel(QWidget):
    """A month's group work in figures only (every role, the station lead included)."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.totals: GroupTotals | None = None
        self._pending = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        body.setObjectName("groupTotalsBody")
        scroll = scrolled(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet("QScrollArea, QWidget#groupTotalsBody { background: transparent; }")
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, SPACING, 10, 0)  # clear of a scroll bar
        layout.setSpacing(SPACING + 4)
        layout.addWidget(
            label(
                self.tr(
                    "Figures only: the group sessions held in the month and their attendance, "
                    "counted per session. Nothing here points to a person."
                ),
                "muted",
            )
        )
        self.picker, self.busy = add_month_bar(layout, lambda: self.refresh())
        self.error = FieldError()
        layout.addWidget(self.error)

        self.summary_box = QGroupBox()
        form = QFormLayout(self.summary_box)
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(8)
        self.figures: dict[str, QLabel] = {}
        for key, caption in (
            ("programmes", self.tr("Programmes with sessions")),
            ("sessions", self.tr("Sessions held")),
            ("registered", self.tr("Registered clients (attendances)")),
            ("anonymous", self.tr("Anonymous headcount (attendances)")),
            ("total", self.tr("Total attendance")),
        ):
            figure = label("—", selectable=True)
            figure.setObjectName(f"total_{key}")
            figure.setAccessibleName(caption)
            self.figures[key] = figure
            form.addRow(caption, figure)
        self.figures["total"].setStyleSheet("font-weight: bold;")

        theme_box = QGroupBox(self.tr("By theme"))
        themes = QGridLayout(theme_box)
        themes.setHorizontalSpacing(24)
        themes.setVerticalSpacing(8)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for c, caption in enumerate(
            (self.tr("Theme"), self.tr("Sessions held"), self.tr("Attendances"))
        ):
            themes.addWidget(label(caption, "muted", wrap=False), 0, c, *((right,) if c else ()))
        self.theme_figures: dict[GroupTheme, tuple[QLabel, QLabel]] = {}
        for r, theme in enumerate(GroupTheme, start=1):
            themes.addWidget(label(THEMES[theme], wrap=False), r, 0)
            sessions, attendance = label("0", wrap=False), label("0", wrap=False)
            sessions.setAccessibleName(f"{THEMES[theme]} · {self.tr('Sessions held')}")
            attendance.setAccessibleName(f"{THEMES[theme]} · {self.tr('Attendances')}")
            themes.addWidget(sessions, r, 1, right)
            themes.addWidget(attendance, r, 2, right)
            self.theme_figures[theme] = (sessions, attendance)
        themes.setColumnStretch(3, 1)

        boxes = QHBoxLayout()
        boxes.setSpacing(SPACING + 4)
        boxes.addWidget(self.summary_box, 1)
        boxes.addWidget(theme_box, 1)
        layout.addLayout(boxes)

        grid_box, grid_layout = group(
            self.tr("By gender and rank level"),
            self.tr("Anonymous headcounts plus registered clients with gender and rank on record."),
        )
        self.grid = HeadcountGrid(read_only=True)
        grid_layout.addWidget(self.grid)
        self.unclassified = label("", "muted")
        self.unclassified.hide()
        grid_layout.addWidget(self.unclassified)
        layout.addWidget(grid_box)
        layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        """The figures are counted each time the panel is shown (they change elsewhere)."""
        super().showEvent(event)
        self.refresh()

    def theme_rows(self) -> list[list[str]]:
        """The themes with sessions in the month: label, sessions, attendance."""
        return [
            [THEMES[theme], sessions.text(), attendance.text()]
            for theme, (sessions, attendance) in self.theme_figures.items()
            if sessions.text() != "0"
        ]

    def refresh(self) -> None:
        if self.busy.running:  # count again once the counting under way is shown
            self._pending = True
            return
        ctx, month = self._ctx, self.picker.month()
        self.error.clear_message()
        self.busy.run(
            self.tr("Counting…"),
            lambda: groups.group_totals(ctx, month),
            self._show,
            lambda exc: self.error.show_message(exc.zh),
        )

    def _show(self, totals: GroupTotals) -> None:
        if self._pending:
            self._pending = False
            self.refresh()
            return
        self.totals = totals
        self.summary_box.setTitle(month_text(date(totals.year, totals.month, 1)))
        for key in ("programmes", "sessions", "registered", "anonymous", "total"):
            self.figures[key].setText(str(getattr(totals, key)))
        by_theme = {t.theme: t for t in totals.by_theme}
        for theme, (sessions, attendance) in self.theme_figures.items():
            found = by_theme.get(theme)
            sessions.setText(str(found.sessions if found else 0))
            attendance.setText(str(found.attendance if found else 0))
        self.grid.set_cells(totals.by_gender_rank)
        if totals.unclassified:
            self.unclassified.setText(
                self.tr(
                    "{0} attendances of registered clients without gender or rank level on "
                    "record are counted in the total only."
                ).format(totals.unclassified)
            )
        self.unclassified.setVisible(bool(totals.unclassified))


# -- the page -----------------------------------------------------------------------------------
class GroupsPage(QWidget):
    """团体辅导. For the station lead (``totals_only``) just the monthly figures."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loaded = False
        self.programme: ProgrammeView | None = None
        self.dialog: GuardedFormDialog | None = None  # the dialog last opened, for tests
        self.totals_only = ctx.role not in (Role.COUNSELLOR, Role.CUSTODIAN)
        self.setObjectName("groupsPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 8, MARGIN, MARGIN + 8, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(label(self.tr("Group work"), "title", wrap=False))
        self.totals_panel = GroupTotalsPanel(ctx)
        self.tabs: QTabWidget | None = None
        if self.totals_only:
            layout.addWidget(
                label(
                    self.tr(
                        "Your role sees the monthly figures of group work only, never a "
                        "programme's sessions or who attended."
                    ),
                    "muted",
                )
            )
            layout.addWidget(self.totals_panel, 1)
            return
        self.stack = QStackedWidget()
        self.list_view = self._build_list()
        self.detail_view = self._build_detail()
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.detail_view)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.stack, self.tr("Programmes"))
        self.tabs.addTab(self.totals_panel, self.tr("Monthly totals"))
        layout.addWidget(self.tabs, 1)

    # -- building ---------------------------------------------------------------------------
    def _build_list(self) -> QWidget:
        view = QWidget()
        layout = spaced(QVBoxLayout(view), 0)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.addWidget(
            label(
                self.tr(
                    "Group counselling programmes (stress management, music relaxation, "
                    "salons, team building). Open one to record its sessions and attendance."
                ),
                "muted",
            )
        )
        self.programme_table = RecordTable(
            [
                self.tr("Programme"),
                self.tr("Theme"),
                self.tr("Facilitators"),
                self.tr("Group sessions"),
                self.tr("Latest group session"),
            ],
            self.tr("Group programmes"),
        )
        self.programme_table.setObjectName("programmes")
        self.programme_table.opened.connect(self.open_programme)
        self.programme_table.itemSelectionChanged.connect(self._update_list_buttons)
        layout.addWidget(self.programme_table, 1)
        self.empty_label = label(
            self.tr("No group programme yet. Start with “New programme…”."), "muted"
        )
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.new_programme_button = button(
            self.tr("New programme…"), primary=True, name="newProgramme"
        )
        self.new_programme_button.setToolTip("Ctrl+N")
        self.open_button = button(self.tr("Open"), name="openProgramme")
        self.new_programme_button.clicked.connect(self.new_programme)
        self.open_button.clicked.connect(lambda: self._open_selected())
        layout.addLayout(button_row(self.new_programme_button, self.open_button))
        self.list_status = FieldError()
        layout.addWidget(self.list_status)
        self._shortcut(view, "Ctrl+N", self.new_programme)
        return view

    def _build_detail(self) -> QWidget:
        view = QWidget()
        layout = spaced(QVBoxLayout(view), 0)
        layout.setContentsMargins(0, SPACING, 0, 0)
        self.back_button = button(self.tr("‹ All programmes"), name="backToProgrammes")
        self.back_button.setAccessibleName(self.tr("Back to all programmes"))
        self.back_button.setToolTip("Alt+Left")
        self.back_button.clicked.connect(self.show_list)
        self.edit_programme_button = button(self.tr("Edit programme…"), name="editProgramme")
        self.edit_programme_button.clicked.connect(self.edit_programme)
        self.delete_programme_button = button(self.tr("Delete programme"), name="deleteProgramme")
        self.delete_programme_button.clicked.connect(self.delete_programme)
        layout.addLayout(
            button_row(
                self.back_button,
                self.edit_programme_button,
                self.delete_programme_button,
                stretch_after=1,
            )
        )
        self.programme_title = label("", "heading")
        self.programme_title.setObjectName("programmeTitle")
        layout.addWidget(self.programme_title)
        facts = QFormLayout()
        facts.setHorizontalSpacing(24)
        facts.setVerticalSpacing(6)
        self.theme_value = label("", selectable=True)
        self.facilitators_value = label("", selectable=True)
        self.facilitators_value.setObjectName("facilitators")
        self.created_value = label("", selectable=True)
        self.description_value = label("", selectable=True)
        self.description_value.setObjectName("description")
        facts.addRow(self.tr("Theme"), self.theme_value)
        facts.addRow(self.tr("Facilitators"), self.facilitators_value)
        facts.addRow(self.tr("Created by"), self.created_value)
        facts.addRow(self.tr("Programme description"), self.description_value)
        layout.addLayout(facts)

        layout.addSpacing(4)
        layout.addWidget(label(self.tr("Group sessions"), "heading"))
        self.session_table = RecordTable(
            [
                self.tr("Date"),
                self.tr("Duration"),
                self.tr("Activity room"),
                self.tr("Attendances"),
            ],
            self.tr("Sessions of the programme"),
        )
        self.session_table.setObjectName("groupSessions")
        self.session_table.opened.connect(self.open_attendance)
        self.session_table.itemSelectionChanged.connect(self._update_detail_buttons)
        layout.addWidget(self.session_table, 1)
        self.new_session_button = button(self.tr("New session…"), primary=True, name="newSession")
        self.new_session_button.setToolTip("Ctrl+N")
        self.attendance_button = button(self.tr("Attendance…"), name="attendance")
        self.attendance_button.setToolTip(self.tr("Enter"))
        self.edit_session_button = button(self.tr("Edit session…"), name="editSession")
        self.delete_session_button = button(self.tr("Delete session"), name="deleteSession")
        self.new_session_button.clicked.connect(self.new_session)
        self.attendance_button.clicked.connect(lambda: self._attendance_selected())
        self.edit_session_button.clicked.connect(self.edit_session)
        self.delete_session_button.clicked.connect(self.delete_session)
        layout.addLayout(
            button_row(
                self.new_session_button,
                self.attendance_button,
                self.edit_session_button,
                self.delete_session_button,
            )
        )
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)
        self.detail_status = FieldError()
        layout.addWidget(self.detail_status)
        self._shortcut(view, "Ctrl+N", self.new_session)
        self._shortcut(view, "Alt+Left", self.show_list)
        return view

    @staticmethod
    def _shortcut(host: QWidget, keys: str, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(QKeySequence(keys), host)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded and not self.totals_only:
            self._loaded = True
            self.refresh_list()

    # -- the list -------------------------------------------------------------------------
    def refresh_list(self, select_id: int | None = None) -> None:
        self.list_status.clear_message()
        try:
            rows = groups.list_programmes(self._ctx)
        except StationError as exc:
            self.list_status.show_message(exc.zh)
            return
        self.programme_table.set_rows(
            [
                (
                    p.id,
                    [
                        p.title,
                        THEMES[p.theme],
                        _names(p.facilitators),
                        str(p.sessions),
                        p.last_held_on.isoformat() if p.last_held_on else "—",
                    ],
                )
                for p in rows
            ],
            select_id,
        )
        self.programme_table.align_right(3)
        self.programme_table.stretch(0)
        self.empty_label.setVisible(not rows)
        self._update_list_buttons()

    def _update_list_buttons(self) -> None:
        self.open_button.setEnabled(self.programme_table.selected_id() is not None)

    def _open_selected(self) -> None:
        programme_id = self.programme_table.selected_id()
        if programme_id is not None:
            self.open_programme(programme_id)

    def show_list(self) -> None:
        selected = self.programme.id if self.programme else None
        self.programme = None
        self.refresh_list(selected)
        self.stack.setCurrentWidget(self.list_view)
        self.programme_table.setFocus()

    def new_programme(self) -> ProgrammeDialog:
        dialog = ProgrammeDialog(self._ctx, None, self)

        def finished(accepted: bool) -> None:
            if accepted and dialog.programme_id is not None:
                self.open_programme(dialog.programme_id)

        return self._open(dialog, finished)

    # -- one programme ----------------------------------------------------------------------
    def open_programme(self, programme_id: int, select_session: int | None = None) -> None:
        try:
            programme = groups.programme_view(self._ctx, programme_id)
        except StationError as exc:
            self.list_status.show_message(exc.zh)
            self.refresh_list()
            return
        self.programme = programme
        self.detail_status.clear_message()
        self.programme_title.setText(programme.title)
        self.theme_value.setText(THEMES[programme.theme])
        self.facilitators_value.setText(_names(programme.facilitators) or "—")
        self.created_value.setText(programme.created_by.display_name or "—")
        self.description_value.setText(programme.description or "—")
        self.session_table.set_rows(
            [
                (
                    s.id,
                    [
                        s.held_on.isoformat(),
                        self.tr("{0} min").format(s.duration_minutes),
                        s.room or "—",
                        str(s.attendance.total),
                    ],
                )
                for s in reversed(programme.sessions)  # newest first
            ],
            select_session,
        )
        for r, s in enumerate(reversed(programme.sessions)):
            item = self.session_table.item(r, 3)
            if item is not None:
                item.setToolTip(
                    self.tr("Registered clients {0} · anonymous {1}").format(
                        s.attendance.registered, s.attendance.anonymous
                    )
                )
        self.session_table.align_right(3)
        self.session_table.stretch(2)
        manage = programme.can_manage
        for widget in (
            self.edit_programme_button,
            self.delete_programme_button,
            self.new_session_button,
        ):
            widget.setVisible(manage)
        self._update_detail_buttons()
        self.stack.setCurrentWidget(self.detail_view)
        if programme.sessions:
            self.session_table.setFocus()
        elif manage:
            self.new_session_button.setFocus()

    def _update_detail_buttons(self) -> None:
        chosen = self.session_table.selected_id() is not None
        manage = self.programme is not None and self.programme.can_manage
        self.attendance_button.setEnabled(chosen)
        self.edit_session_button.setVisible(manage)
        self.delete_session_button.setVisible(manage)
        self.edit_session_button.setEnabled(chosen)
        self.delete_session_button.setEnabled(chosen)

    def edit_programme(self) -> ProgrammeDialog | None:
        if self.programme is None:
            return None
        dialog = ProgrammeDialog(self._ctx, self.programme, self)
        return self._open(dialog, lambda accepted: self._reopen(accepted))

    def delete_programme(self) -> None:
        programme = self.programme
        if programme is None or not messages.ask(
            self,
            self.tr("Delete programme"),
            self.tr(
                "Delete the programme “{0}” with its {1} sessions and their attendance? "
                "The records custodian can still see deleted records."
            ).format(programme.title, len(programme.sessions)),
        ):
            return
        ctx = self._ctx
        self.busy.run(
            self.tr("Deleting…"),
            lambda: groups.delete_programme(ctx, programme.id),
            lambda _: self._after_programme_deleted(),
            lambda exc: self.detail_status.show_message(exc.zh),
        )

    def _after_programme_deleted(self) -> None:
        self.programme = None
        self.show_list()
        set_status(self.list_status, self.tr("Programme deleted."), "muted")

    def _reopen(self, accepted: bool, select_session: int | None = None) -> None:
        if accepted and self.programme is not None:
            self.open_programme(
                self.programme.id, select_session or self.session_table.selected_id()
            )

    # -- sessions and attendance -----------------------------------------------------------
    def new_session(self) -> GroupSessionDialog | None:
        if self.programme is None or not self.programme.can_manage:
            return None
        dialog = GroupSessionDialog(self._ctx, self.programme.id, None, self)
        return self._open(dialog, lambda accepted: self._reopen(accepted, dialog.session_id))

    def _session_view(self, session_id: int) -> GroupSessionView | None:
        try:
            return groups.group_session_view(self._ctx, session_id)
        except StationError as exc:
            self.detail_status.show_message(exc.zh)
            return None

    def edit_session(self) -> GroupSessionDialog | None:
        session_id = self.session_table.selected_id()
        if self.programme is None or session_id is None:
            return None
        view = self._session_view(session_id)
        if view is None:
            return None
        dialog = GroupSessionDialog(self._ctx, self.programme.id, view, self)
        return self._open(dialog, lambda accepted: self._reopen(accepted, session_id))

    def delete_session(self) -> None:
        session_id = self.session_table.selected_id()
        if session_id is None or not messages.ask(
            self,
            self.tr("Delete session"),
            self.tr("Delete this session and its attendance?"),
        ):
            return
        ctx = self._ctx
        self.busy.run(
            self.tr("Deleting…"),
            lambda: groups.delete_group_session(ctx, session_id),
            lambda _: self._reopen(True),
            lambda exc: self.detail_status.show_message(exc.zh),
        )

    def _attendance_selected(self) -> AttendanceDialog | None:
        session_id = self.session_table.selected_id()
        return None if session_id is None else self.open_attendance(session_id)

    def open_attendance(self, session_id: int) -> AttendanceDialog | None:
        view = self._session_view(session_id)
        if view is None:
            return None
        dialog = AttendanceDialog(self._ctx, view, self)
        return self._open(dialog, lambda accepted: self._reopen(accepted, session_id))

    # -- dialogs ------------------------------------------------------------------------------
    def _open(self, dialog: DialogT, finished: Callable[[bool], None]) -> DialogT:
        self.dialog = dialog

        def done(accepted: bool) -> None:
            if is_alive(self):
                finished(accepted)

        return open_dialog(dialog, done)
