"""转介去向目录 and the expert resource pool (专家资源库): where referrals can go.

Counsellors browse it (to choose where to refer, and to find a contact); the records
custodian keeps it: adds entries, corrects them, retires one that no longer takes
referrals and brings it back. A retired entry stays on the referrals that used it.

The table can be narrowed by kind and by a search over name, specialties, contact and
notes; the selected entry's full contact and notes show below it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from station.models.enums import Role
from station.models.vocab import DestinationKind, label
from station.services import destinations
from station.services.context import SignedIn
from station.services.destinations import (
    CONTACT_MAX,
    NAME_MAX,
    NOTES_MAX,
    SPECIALTIES_MAX,
    DestinationInput,
    DestinationView,
)
from station.ui import messages
from station.ui.case_forms import CaseFormDialog, text_edit, vocab_labels
from station.ui.forms import (
    SPACING,
    BusyIndicator,
    FieldError,
    button,
    button_row,
    choice_combo,
    form_layout,
    is_alive,
    line_edit,
    open_dialog,
    set_status,
    spaced,
)
from station.ui.forms import (
    label as text_label,
)
from station.ui.headcount_grid import RecordTable

ALL_KINDS = ""  # the kind filter's "all" entry


def matches(view: DestinationView, kind: str, text: str) -> bool:
    """Whether an entry passes the kind filter and contains every typed word."""
    if kind and view.kind.value != kind:
        return False
    haystack = " ".join(
        (view.name, label(view.kind), view.specialties, view.contact, view.notes)
    ).casefold()
    return all(word in haystack for word in text.casefold().split())


class DestinationDialog(CaseFormDialog):
    """新增去向 / 编辑去向 (records custodian)."""

    def __init__(
        self,
        ctx: SignedIn,
        view: DestinationView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = view is not None
        super().__init__(
            self.tr("Psychological care station · Edit destination")
            if editing
            else self.tr("Psychological care station · Add destination"),
            self.tr("Save") if editing else self.tr("Add to directory"),
            parent,
            min_width=600,
            ok_name="saveDestination",
        )
        self._ctx = ctx
        self.destination_id: int | None = view.id if view else None
        self.content.addWidget(
            text_label(view.name if view else self.tr("New destination"), "heading")
        )
        form = form_layout()
        self.name_edit = line_edit(NAME_MAX, view.name if view else "")
        self.kind_combo = choice_combo(vocab_labels(DestinationKind), view.kind if view else None)
        if view is None:
            self.kind_combo.setCurrentIndex(-1)
            self.kind_combo.setPlaceholderText(self.tr("Choose a kind"))
        self.specialties_edit = line_edit(SPECIALTIES_MAX, view.specialties if view else "")
        self.contact_edit = text_edit(view.contact if view else "", 3)
        self.notes_edit = text_edit(view.notes if view else "", 3)
        self.fields.row(
            form,
            "name",
            self.tr("Destination name"),
            self.name_edit,
            self.tr("A hospital department, a clinic, or an expert's name and title."),
        )
        self.fields.row(form, "kind", self.tr("Kind"), self.kind_combo)
        self.fields.row(
            form,
            "specialties",
            self.tr("Specialties"),
            self.specialties_edit,
            self.tr("e.g. depression, anxiety, sleep problems, crisis intervention"),
        )
        self.fields.row(
            form,
            "contact",
            self.tr("Contact"),
            self.contact_edit,
            self.tr("Phone, address, contact person, opening hours."),
        )
        self.fields.row(
            form,
            "notes",
            self.tr("Notes"),
            self.notes_edit,
            self.tr("How to refer there: appointments, what to bring, costs."),
        )
        self.content.addLayout(form)
        self.ready(
            [
                self.name_edit,
                self.kind_combo,
                self.specialties_edit,
                self.contact_edit,
                self.notes_edit,
            ]
        )

    def send(self) -> None:
        ctx, known = self._ctx, self.destination_id
        data = DestinationInput(
            name=self.name_edit.text(),
            kind=self.kind_combo.currentData(),
            contact=self.contact_edit.toPlainText()[: CONTACT_MAX + 1],
            specialties=self.specialties_edit.text(),
            notes=self.notes_edit.toPlainText()[: NOTES_MAX + 1],
        )
        if known is None:
            self.run(
                self.tr("Adding…"), lambda: destinations.add_destination(ctx, data), self._saved
            )
            return

        def update() -> int:
            destinations.update_destination(ctx, known, data)
            return known

        self.run(self.tr("Saving…"), update, self._saved)

    def _saved(self, destination_id: int) -> None:
        self.destination_id = destination_id
        self.finish()


class DestinationsPage(QWidget):
    """The directory: a filtered table, the selected entry's details, and (custodian)
    add, edit, retire and reactivate."""

    def __init__(self, ctx: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.editable = ctx.role is Role.CUSTODIAN
        self._views: list[DestinationView] = []
        self._shown: list[DestinationView] = []
        self._loaded = False
        self.dialog: QDialog | None = None  # the dialog last opened, while it is open
        self.setObjectName("destinationsPage")
        layout = spaced(QVBoxLayout(self))
        layout.addWidget(text_label(self.tr("Referral directory"), "title"))
        layout.addWidget(
            text_label(
                self.tr(
                    "Hospitals, clinics, experts and hotlines to refer to (the expert resource "
                    "pool). The records custodian keeps this directory."
                )
                if self.editable
                else self.tr(
                    "Hospitals, clinics, experts and hotlines to refer to (the expert resource "
                    "pool). Only the records custodian can change it: tell them about a new "
                    "contact or a change."
                ),
                "muted",
            )
        )

        filters = QHBoxLayout()
        filters.setSpacing(SPACING)
        kind_caption = QLabel(self.tr("Kind"))
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.setAccessibleName(self.tr("Filter by kind"))
        self.kind_filter.addItem(self.tr("All kinds"), ALL_KINDS)
        for kind, text in vocab_labels(DestinationKind).items():
            self.kind_filter.addItem(text, kind.value)
        kind_caption.setBuddy(self.kind_filter)
        search_caption = QLabel(self.tr("Search"))
        self.search_edit = line_edit(100, placeholder=self.tr("Name, specialty, contact or note"))
        self.search_edit.setObjectName("destinationSearch")
        self.search_edit.setAccessibleName(self.tr("Search the directory"))
        self.search_edit.setClearButtonEnabled(True)
        search_caption.setBuddy(self.search_edit)
        self.inactive_box = QCheckBox(self.tr("Show retired"))
        self.inactive_box.setObjectName("showRetired")
        self.inactive_box.setAccessibleName(self.tr("Show retired entries"))
        self.inactive_box.setVisible(self.editable)
        filters.addWidget(kind_caption)
        filters.addWidget(self.kind_filter)
        filters.addSpacing(SPACING)
        filters.addWidget(search_caption)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.inactive_box)
        layout.addLayout(filters)

        self.table = RecordTable(
            [
                self.tr("Destination name"),
                self.tr("Kind"),
                self.tr("Specialties"),
                self.tr("Contact"),
                self.tr("Referrals"),
                self.tr("Status"),
            ],
            self.tr("Referral destinations"),
        )
        self.table.setObjectName("destinations")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.opened.connect(lambda _id: self.edit_destination() if self.editable else None)
        layout.addWidget(self.table, 1)
        self.empty_label = text_label("", "muted")
        self.empty_label.setObjectName("emptyDirectory")
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        self.detail = QWidget()
        self.detail.setObjectName("destinationDetail")
        facts = QFormLayout(self.detail)
        facts.setContentsMargins(0, 0, 0, 0)
        facts.setHorizontalSpacing(24)
        facts.setVerticalSpacing(6)
        self.contact_value = text_label("", selectable=True)
        self.contact_value.setAccessibleName(self.tr("Contact"))
        self.notes_value = text_label("", selectable=True)
        self.notes_value.setAccessibleName(self.tr("Notes"))
        facts.addRow(self.tr("Contact"), self.contact_value)
        facts.addRow(self.tr("Notes"), self.notes_value)
        layout.addWidget(self.detail)

        self.add_button = button(self.tr("Add destination…"), primary=True, name="addDestination")
        self.add_button.setToolTip("Ctrl+N")
        self.edit_button = button(self.tr("Edit…"), name="editDestination")
        self.retire_button = button(self.tr("Retire"), name="retireDestination")
        self.retire_button.setToolTip(self.tr("No new referrals go there; past referrals keep it."))
        self.add_button.clicked.connect(lambda: self.add_destination())
        self.edit_button.clicked.connect(lambda: self.edit_destination())
        self.retire_button.clicked.connect(self.toggle_active)
        layout.addLayout(button_row(self.add_button, self.edit_button, self.retire_button))
        for widget in (self.add_button, self.edit_button, self.retire_button):
            widget.setVisible(self.editable)
        self.busy = BusyIndicator([self.add_button, self.edit_button, self.retire_button])
        layout.addWidget(self.busy)
        self.status = FieldError()
        self.status.setObjectName("directoryStatus")
        layout.addWidget(self.status)

        self.kind_filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.search_edit.textChanged.connect(lambda _t: self._fill())
        self.inactive_box.toggled.connect(lambda _on: self.refresh())
        if self.editable:
            shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda: self.add_destination())
        self._selection_changed()

    # -- loading and filtering ------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self._loaded = True
        ctx, inactive = self._ctx, self.inactive_box.isChecked()
        keep = select_id if select_id is not None else self.table.selected_id()
        self.status.clear_message()
        self.busy.run(
            self.tr("Reading the directory…"),
            lambda: destinations.list_destinations(ctx, include_inactive=inactive),
            lambda views: self._loaded_views(views, keep),
            lambda exc: set_status(self.status, exc.zh, "error"),
        )

    def _loaded_views(self, views: list[DestinationView], select_id: int | None) -> None:
        self._views = views
        self._fill(select_id)

    def _fill(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.table.selected_id()
        kind = str(self.kind_filter.currentData() or ALL_KINDS)
        text = self.search_edit.text()
        self._shown = [v for v in self._views if matches(v, kind, text)]
        active, retired = self.tr("In use"), self.tr("Retired")
        self.table.set_rows(
            [
                (
                    v.id,
                    [
                        v.name,
                        label(v.kind),
                        v.specialties or "—",
                        " ".join(v.contact.split()) or "—",
                        str(v.referral_count),
                        active if v.active else retired,
                    ],
                )
                for v in self._shown
            ],
            keep,
        )
        self.table.align_right(4)
        self.table.stretch(2)
        self.table.stretch(3)
        for r, v in enumerate(self._shown):
            if not v.active:
                for c in range(self.table.columnCount()):
                    item = self.table.item(r, c)
                    if item is not None:
                        item.setForeground(Qt.GlobalColor.gray)
        if not self._views:
            self.empty_label.setText(
                self.tr("The directory is empty. Start with “Add destination…”.")
                if self.editable
                else self.tr("The directory is empty. Ask the records custodian to fill it.")
            )
        else:
            self.empty_label.setText(
                self.tr("Nothing matches the filter.") if not self._shown else ""
            )
        self.empty_label.setVisible(bool(self.empty_label.text()))
        self._selection_changed()

    def selected(self) -> DestinationView | None:
        chosen = self.table.selected_id()
        return next((v for v in self._shown if v.id == chosen), None)

    def select_name(self, name: str) -> bool:
        view = next((v for v in self._shown if v.name == name), None)
        return view is not None and self.table.select_id(view.id)

    def _selection_changed(self) -> None:
        view = self.selected()
        self.detail.setVisible(view is not None)
        if view is not None:
            self.contact_value.setText(view.contact or "—")
            self.notes_value.setText(view.notes or "—")
        self.edit_button.setEnabled(view is not None)
        self.retire_button.setEnabled(view is not None)
        retire = view is None or view.active
        self.retire_button.setText(self.tr("Retire") if retire else self.tr("Reactivate"))
        self.retire_button.setAccessibleName(self.retire_button.text())

    # -- changes (custodian) --------------------------------------------------------------
    def _open(self, dialog: DestinationDialog, done: str) -> DestinationDialog:
        self.dialog = dialog

        def finished(accepted: bool) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if is_alive(self) and accepted:
                self.refresh(dialog.destination_id)
                set_status(self.status, done, "muted")

        return open_dialog(dialog, finished)

    def add_destination(self) -> DestinationDialog | None:
        if not self.editable or self.dialog is not None or self.busy.running:
            return None
        return self._open(DestinationDialog(self._ctx, None, self), self.tr("Destination added."))

    def edit_destination(self) -> DestinationDialog | None:
        view = self.selected()
        if not self.editable or view is None or self.dialog is not None or self.busy.running:
            return None
        return self._open(DestinationDialog(self._ctx, view, self), self.tr("Changes saved."))

    def toggle_active(self) -> None:
        view = self.selected()
        if not self.editable or view is None or self.busy.running:
            return
        if view.active and not messages.ask(
            self,
            self.tr("Retire destination"),
            self.tr(
                "Retire “{0}”? No new referral can go there; the {1} referrals that used it "
                "keep it. You can reactivate it later."
            ).format(view.name, view.referral_count),
        ):
            return
        ctx, activate = self._ctx, not view.active
        done = self.tr("Reactivated.") if activate else self.tr("Retired.")
        if not activate and not self.inactive_box.isChecked():
            done = self.tr("Retired. Tick “Show retired” to see it again.")

        def after(_: object) -> None:
            self.refresh(view.id)
            set_status(self.status, done, "muted")

        self.busy.run(
            self.tr("Saving…"),
            lambda: destinations.set_destination_active(ctx, view.id, activate),
            after,
            lambda exc: set_status(self.status, exc.zh, "error"),
        )
