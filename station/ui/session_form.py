"""One form for every kind of service session (服务记录), new or existing.

Top to bottom, in tab order: kind, date, start time, duration, room, counsellor, the
structured notes (presenting situation, intervention, observation, plan), the risk
judgement, and the private process note (过程记录), marked as visible to its author
only. A sandplay session adds its :class:`SandplayPanel` (details and photos).

Ctrl+S saves; Esc closes, asking first when something typed is unsaved. A service
error appears at the field it names and nothing typed is lost. An existing session is
loaded through ``sessions.session_view`` (audited); its private note field exists only
when the service returned the note, i.e. for its author.
"""

from __future__ import annotations

import itertools
import re
from datetime import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models.enums import Role
from station.models.vocab import RiskLevel, ServiceKind, label
from station.services import sandplay, sessions
from station.services.context import SignedIn
from station.services.sessions import SessionInput, SessionView
from station.services.views import CaseView, UserRef
from station.ui import messages
from station.ui.case_forms import (
    ChangeGuard,
    date_edit,
    discard_question,
    from_qdate,
    text_edit,
    to_qdate,
    vocab_labels,
)
from station.ui.forms import (
    MARGIN,
    SPACING,
    BusyIndicator,
    Field,
    FormFields,
    button,
    button_row,
    choice_combo,
    is_alive,
    line_edit,
    scrolled,
    set_status,
    status_label,
)
from station.ui.forms import (
    label as text_label,
)
from station.ui.sandplay_panel import SandplayPanel

DEFAULT_DURATION = 50
ROOM_MAX_LENGTH = 40
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:：.]?\s*(\d{2})\s*$")


def parse_time(text: str) -> time | None:
    """``14:30``, ``14：30``, ``1430`` or ``9.05`` -> a time; "" -> None.
    Raises ValueError for anything else."""
    if not text.strip():
        return None
    found = _TIME.match(text)
    if found is None:
        raise ValueError(text)
    return time(int(found.group(1)), int(found.group(2)))


class SessionForm(QWidget):
    """A new session of kind ``kind`` on ``case``, or the existing ``session_id``.

    Signals: ``saved(session_id)`` after each save; ``closed()`` when the user closed
    the form (nothing unsaved is left behind without their say)."""

    saved = Signal(int)
    closed = Signal()
    deleted = Signal(int)

    def __init__(
        self,
        ctx: SignedIn,
        case: CaseView,
        *,
        kind: ServiceKind = ServiceKind.INDIVIDUAL,
        session_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case = case
        self._session_id = session_id
        self._view: SessionView | None = None
        self._editable = session_id is None and case.can_work
        self._loaded = session_id is None
        self.sandplay_panel: SandplayPanel | None = None
        self._return_focus: QWidget | None = None
        self.setObjectName("sessionForm")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(SPACING)

        self.heading = text_label("", "heading")
        self.heading.setObjectName("sessionHeading")
        outer.addWidget(self.heading)

        body = QWidget()
        body.setObjectName("sessionBody")
        self._body_layout = layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, MARGIN // 2, 0)
        layout.setSpacing(16)
        area = scrolled(body)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setStyleSheet("QScrollArea, QWidget#sessionBody { background: transparent; }")
        self.scroll_area = area
        outer.addWidget(area, 1)

        self.fields = FormFields()
        # -- when, where, who: two pairs a row, to keep the notes in view
        self.kind_combo = choice_combo(vocab_labels(ServiceKind), kind)
        self.date_edit = date_edit()
        self.start_edit = line_edit(8, placeholder=self.tr("e.g. 14:30"))
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 999)
        self.duration_spin.setValue(DEFAULT_DURATION)
        self.room_edit = line_edit(ROOM_MAX_LENGTH, placeholder=self.tr("e.g. sandplay room"))
        self.counsellor_combo = QComboBox()
        basics = QGridLayout()
        basics.setHorizontalSpacing(12)
        basics.setVerticalSpacing(10)
        basics.setColumnStretch(1, 1)
        basics.setColumnStretch(3, 1)
        for i, (name, caption, edit) in enumerate(
            (
                ("kind", self.tr("Kind of service"), self.kind_combo),
                ("held_on", self.tr("Date"), self.date_edit),
                ("start_time", self.tr("Start time"), self.start_edit),
                ("duration_minutes", self.tr("Duration (minutes)"), self.duration_spin),
                ("room", self.tr("Room"), self.room_edit),
                ("counsellor_id", self.tr("Counsellor"), self.counsellor_combo),
            )
        ):
            self._grid_field(basics, i // 2, (i % 2) * 2, Field(caption, edit, name))
        basics_host = QWidget()
        basics_host.setLayout(basics)
        layout.addWidget(basics_host)

        # -- the structured notes, captions above so the text gets the whole width
        notes_host = QWidget()
        notes = QVBoxLayout(notes_host)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.setSpacing(10)
        self.presenting_edit = text_edit(lines=5)
        self.intervention_edit = text_edit(lines=5)
        self.observation_edit = text_edit(lines=5)
        self.plan_edit = text_edit(lines=3)
        self.risk_combo = choice_combo(vocab_labels(RiskLevel), case.risk_level)
        self.risk_combo.setMaximumWidth(220)
        for name, caption, edit, hint in (
            ("presenting", self.tr("Presenting situation"), self.presenting_edit, ""),
            ("intervention", self.tr("Intervention"), self.intervention_edit, ""),
            ("observation", self.tr("Observation and assessment"), self.observation_edit, ""),
            ("plan", self.tr("Plan"), self.plan_edit, ""),
            (
                "risk_level",
                self.tr("Risk judgement"),
                self.risk_combo,
                self.tr("Becomes the case's risk level when this is its latest session."),
            ),
        ):
            field: Field[QWidget] = Field(caption, edit, name, hint)
            field.add_to(notes)
            self.fields.add(field)
        layout.addWidget(notes_host)

        # -- the private process note (built when shown)
        self.private_box: QGroupBox | None = None
        self.private_edit: QPlainTextEdit | None = None

        self._sandplay_host = QVBoxLayout()
        self._sandplay_host.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._sandplay_host)
        layout.addStretch(1)

        # -- bottom: messages and buttons, outside the scroll area
        outer.addWidget(self.fields.general)
        self.busy = BusyIndicator()
        outer.addWidget(self.busy)
        self.status = status_label()
        self.status.setObjectName("sessionStatus")
        self.close_button = button(self.tr("Close"), name="closeSession")
        self.delete_button = button(self.tr("Delete session…"), name="deleteSession")
        self.delete_button.hide()
        self.delete_button.clicked.connect(self.delete)
        self.save_button = button(self.tr("Save (Ctrl+S)"), primary=True, name="saveSession")
        self.save_button.setAccessibleName(self.tr("Save"))
        outer.addLayout(
            button_row(
                self.delete_button,
                self.status,
                self.close_button,
                self.save_button,
                stretch_after=2,
            )
        )
        self.close_button.clicked.connect(self.close_asking)
        self.save_button.clicked.connect(self.save)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

        self._inputs: list[QWidget] = [
            self.kind_combo,
            self.date_edit,
            self.start_edit,
            self.duration_spin,
            self.room_edit,
            self.counsellor_combo,
            self.presenting_edit,
            self.intervention_edit,
            self.observation_edit,
            self.plan_edit,
            self.risk_combo,
        ]
        self.guard = ChangeGuard()
        if session_id is None:
            self._fill_counsellors(None)
            self._show_private_note("")
            self._kind_changed()
            self._set_heading()
            self._ready()
        else:
            self._set_heading()
            for widget in self._inputs:
                widget.setEnabled(False)
            self.save_button.setEnabled(False)
            self.load()

    # -- state ------------------------------------------------------------------------------
    @property
    def session_id(self) -> int | None:
        return self._session_id

    @property
    def view(self) -> SessionView | None:
        return self._view

    @property
    def editable(self) -> bool:
        return self._editable

    def kind(self) -> ServiceKind:
        return ServiceKind(self.kind_combo.currentData())

    def inputs(self) -> list[QWidget]:
        """Every input in tab order (top to bottom)."""
        chain = list(self._inputs)
        if self.private_edit is not None:
            chain.append(self.private_edit)
        if self.sandplay_panel is not None and self.sandplay_panel.isVisibleTo(self):
            chain.extend(self.sandplay_panel.inputs())
        return chain

    def has_unsaved_changes(self) -> bool:
        if not self._editable or not self._loaded:
            return False
        panel = self.sandplay_panel
        panel_dirty = panel is not None and panel.isVisibleTo(self) and panel.has_changes()
        return self.guard.dirty() or panel_dirty

    # -- building ---------------------------------------------------------------------------
    def _grid_field(self, grid: QGridLayout, row: int, column: int, field: Field[QWidget]) -> None:
        """A caption and its input (with the error line under it) in a grid cell pair."""
        holder = QWidget()
        column_layout = QVBoxLayout(holder)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(4)
        column_layout.addWidget(field.edit)
        column_layout.addWidget(field.error)
        grid.addWidget(field.caption, row, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(holder, row, column + 1, Qt.AlignmentFlag.AlignTop)
        field.caption.setContentsMargins(0, 6, 0, 0)
        self.fields.add(field)

    def _counsellor_choices(self, current: UserRef | None) -> list[UserRef]:
        case = self._case
        people = [case.counsellor, *case.shared_with]
        if current is not None and all(p.id != current.id for p in people):
            people.append(current)
        me = self._ctx
        if me.role is Role.COUNSELLOR and all(p.id != me.user_id for p in people):
            people.append(UserRef(me.user_id, me.display_name))
        return people

    def _fill_counsellors(self, current: UserRef | None) -> None:
        self.counsellor_combo.clear()
        for ref in self._counsellor_choices(current):
            self.counsellor_combo.addItem(ref.display_name or "—", ref.id)
        wanted = current.id if current is not None else self._ctx.user_id
        found = self.counsellor_combo.findData(wanted)
        self.counsellor_combo.setCurrentIndex(max(found, 0))

    def _show_private_note(self, text: str) -> None:
        box = QGroupBox(self.tr("Only you can see this (process note)"))
        box.setObjectName("privateNoteBox")
        inner = QVBoxLayout(box)
        inner.setSpacing(8)
        inner.addWidget(
            text_label(
                self.tr(
                    "Your own working notes on this session. Nobody else sees them — not "
                    "colleagues who share the case, not the custodian — and they are never "
                    "printed or exported."
                ),
                "muted",
            )
        )
        edit = text_edit(text)
        field = Field(self.tr("Private process note (only you can see it)"), edit, "private_note")
        inner.addWidget(edit)
        inner.addWidget(field.error)  # errors at "private_note" show under the note
        self.fields.add(field)
        self.private_box, self.private_edit = box, edit
        self._body_layout.insertWidget(2, box)

    def _kind_changed(self) -> None:
        sandplay_kind = self.kind() is ServiceKind.SANDPLAY
        panel = self.sandplay_panel
        if sandplay_kind and panel is None:
            view = self._view
            panel = SandplayPanel(
                self._ctx,
                self._session_id if view is None or view.kind is ServiceKind.SANDPLAY else None,
                view.sandplay if view is not None else None,
                editable=self._editable,
            )
            self.sandplay_panel = panel
            self._sandplay_host.addWidget(panel)
        if panel is not None:
            panel.setVisible(sandplay_kind)
            self._chain_tabs()
        self._set_heading()

    def _set_heading(self) -> None:
        view = self._view
        if view is None and self._session_id is None:
            text = self.tr("New session · {0}").format(label(self.kind()))
        elif view is None:
            text = self.tr("Session")
        else:
            text = self.tr("Session of {0} · {1}").format(
                f"{view.held_on:%Y-%m-%d}", label(view.kind)
            )
        self.heading.setText(text)

    def _chain_tabs(self) -> None:
        chain = [*self.inputs(), self.close_button, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _ready(self) -> None:
        widgets = list(self._inputs)
        if self.private_edit is not None:
            widgets.append(self.private_edit)
        self.guard = ChangeGuard(widgets)
        self._chain_tabs()

    # -- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        session_id = self._session_id
        if session_id is None:
            return
        ctx = self._ctx
        self.busy.run(
            self.tr("Opening the session…"),
            lambda: sessions.session_view(ctx, session_id),
            self._loaded_view,
            lambda exc: self.fields.show_at(None, exc.zh),
        )

    def _loaded_view(self, view: SessionView) -> None:
        self._view = view
        self._editable = view.can_edit and self._ctx.role is Role.COUNSELLOR
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(view.kind.value))
        self.kind_combo.blockSignals(False)
        self.date_edit.setDate(to_qdate(view.held_on))
        self.start_edit.setText(view.start_time.strftime("%H:%M") if view.start_time else "")
        self.duration_spin.setValue(view.duration_minutes)
        self.room_edit.setText(view.room)
        self._fill_counsellors(view.counsellor)
        self.presenting_edit.setPlainText(view.presenting)
        self.intervention_edit.setPlainText(view.intervention)
        self.observation_edit.setPlainText(view.observation)
        self.plan_edit.setPlainText(view.plan)
        self.risk_combo.setCurrentIndex(self.risk_combo.findData(view.risk_level.value))
        if view.private_note is not None:
            self._show_private_note(view.private_note)
        for widget in self._inputs:
            widget.setEnabled(True)
        self._set_read_only(not self._editable)
        self._loaded = True
        self._kind_changed()
        self._ready()
        if view.deleted:
            set_status(self.status, self.tr("This session was deleted."), "error")
        elif not self._editable:
            set_status(self.status, self.tr("Read only."), "muted")
        self.delete_button.setVisible(view.can_delete)

    def _set_read_only(self, read_only: bool) -> None:
        for edit in (self.start_edit, self.room_edit):
            edit.setReadOnly(read_only)
        for box in (
            self.presenting_edit,
            self.intervention_edit,
            self.observation_edit,
            self.plan_edit,
        ):
            box.setReadOnly(read_only)
        if self.private_edit is not None:
            self.private_edit.setReadOnly(read_only)
        for widget in (self.kind_combo, self.date_edit, self.duration_spin):
            widget.setEnabled(not read_only)
        self.counsellor_combo.setEnabled(not read_only)
        self.risk_combo.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self.save_button.setEnabled(not read_only)
        if read_only:
            self.close_button.setDefault(True)

    # -- saving -----------------------------------------------------------------------------
    def _input(self) -> SessionInput | None:
        try:
            start = parse_time(self.start_edit.text())
        except ValueError:
            self.fields.show_at(
                "start_time", self.tr("Enter the start time as hours and minutes, e.g. 14:30.")
            )
            self._reveal_focus()
            return None
        counsellor = self.counsellor_combo.currentData()
        return SessionInput(
            kind=self.kind(),
            held_on=from_qdate(self.date_edit.date()),
            start_time=start,
            duration_minutes=self.duration_spin.value(),
            room=self.room_edit.text(),
            counsellor_id=int(counsellor) if counsellor is not None else None,
            presenting=self.presenting_edit.toPlainText(),
            intervention=self.intervention_edit.toPlainText(),
            observation=self.observation_edit.toPlainText(),
            plan=self.plan_edit.toPlainText(),
            risk_level=RiskLevel(self.risk_combo.currentData()),
            private_note=self.private_edit.toPlainText() if self.private_edit else "",
        )

    def show_error(self, exc: StationError) -> None:
        """A service error at its field (kept input), scrolled into view."""
        self.fields.show_error(exc)
        self._reveal_focus()

    def _reveal_focus(self) -> None:
        body = self.scroll_area.widget()
        focus = QApplication.focusWidget()
        if body is None or focus is None or not body.isAncestorOf(focus):
            return
        layout = body.layout()
        if layout is not None:
            layout.activate()  # the error line just appeared: place it first
        self.scroll_area.ensureWidgetVisible(focus, 16, 48)

    def save(self) -> None:
        if self.busy.running or not self._editable or not self._loaded:
            return
        self.fields.clear()
        set_status(self.status, "", "muted")
        panel = self.sandplay_panel
        if panel is not None:
            panel.clear_errors()
        data = self._input()
        if data is None:
            return
        details = None
        if panel is not None and panel.isVisibleTo(self) and panel.has_changes():
            details = panel.details_input()
        ctx, case_id, session_id = self._ctx, self._case.id, self._session_id

        def work() -> tuple[int, StationError | None]:
            if session_id is None:
                sid = sessions.add_session(ctx, case_id, data)
            else:
                sessions.update_session(ctx, session_id, data)
                sid = session_id
            if details is None:
                return sid, None
            try:
                sandplay.set_sandplay_details(ctx, sid, details)
            except StationError as exc:  # the session is saved; the details wait
                return sid, exc
            return sid, None

        focus = QApplication.focusWidget()
        self._return_focus = focus if focus is not None and self.isAncestorOf(focus) else None
        self.busy.controls = [*self.inputs(), self.save_button, self.close_button]
        self.busy.run(self.tr("Saving…"), work, self._saved, self.show_error)

    def _saved(self, outcome: tuple[int, StationError | None]) -> None:
        sid, problem = outcome
        self._session_id = sid
        self.guard.mark_clean()
        panel = self.sandplay_panel
        if panel is not None and self.kind() is ServiceKind.SANDPLAY:
            if problem is None:
                panel.mark_clean()
            panel.set_session(sid)
        if problem is not None and panel is not None:
            panel.show_error(problem)
            self._reveal_focus()
            set_status(
                self.status, self.tr("Session saved; the sandplay details were not."), "error"
            )
        else:
            set_status(self.status, self.tr("Saved."), "muted")
        if self._view is None:
            self.heading.setText(
                self.tr("Session of {0} · {1}").format(
                    f"{from_qdate(self.date_edit.date()):%Y-%m-%d}", label(self.kind())
                )
            )
        back = self._return_focus
        self._return_focus = None
        if back is not None and is_alive(back) and back.isEnabled() and back.isVisible():
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        self.saved.emit(sid)

    # -- closing ----------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when there is nothing unsaved, or the user agreed to drop it."""
        return not self.has_unsaved_changes() or discard_question(self)

    def delete(self) -> None:
        """Soft delete (its author while the case is open, or the custodian), after asking."""
        view = self._view
        if view is None or not view.can_delete or self.busy.running:
            return
        if not messages.ask(
            self,
            self.tr("Delete this session?"),
            self.tr(
                "The session is marked as deleted: the counsellors no longer see it; the "
                "custodian still can. Delete it?"
            ),
        ):
            return
        ctx, session_id = self._ctx, view.id
        self.busy.controls = [*self.inputs(), self.save_button, self.close_button]
        self.busy.run(
            self.tr("Deleting…"),
            lambda: sessions.delete_session(ctx, session_id),
            lambda _: self._deleted(session_id),
            self.show_error,
        )

    def _deleted(self, session_id: int) -> None:
        self.guard.mark_clean()
        if self.sandplay_panel is not None:
            self.sandplay_panel.mark_clean()
        self.deleted.emit(session_id)

    def close_asking(self) -> None:
        if self.busy.running:
            return
        if self.confirm_discard():
            self.guard.mark_clean()
            if self.sandplay_panel is not None:
                self.sandplay_panel.mark_clean()
            self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Save):
            event.accept()
            self.save()
            return
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.close_asking()
            return
        super().keyPressEvent(event)
