"""Sandplay details and tray photos of one sandplay session.

Details: the miniatures used and the themes (as tags), the client's own story, the
counsellor's observations and the stage in a series. Photos: added from a file the
user chooses (its bytes are read and handed to ``sandplay.add_photo``; the file is
never copied), shown as thumbnails decoded in memory from ``sandplay.photo_bytes``,
opened larger in a :class:`~station.ui.photo_viewer.PhotoViewer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.services import photos as photo_rules
from station.services import sandplay
from station.services.context import SignedIn
from station.services.sandplay import MAX_PHOTOS, PhotoInfo, SandplayInput
from station.services.sessions import SandplayDetails
from station.ui import messages, theme
from station.ui.case_forms import ChangeGuard, text_edit
from station.ui.forms import (
    BusyIndicator,
    FieldError,
    FormFields,
    button,
    button_row,
    form_layout,
    group,
    label,
    line_edit,
    open_dialog,
)
from station.ui.photo_viewer import PhotoViewer, decode

THUMB = QSize(160, 120)
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TAGS_MAX_LENGTH = 2000
STAGE_MAX_LENGTH = 40


class TagEdit(QWidget):
    """Tags typed in one line, separated by 、 or commas, shown as chips below."""

    def __init__(self, tags: Iterable[str] = (), placeholder: str = "") -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.edit = line_edit(TAGS_MAX_LENGTH, "、".join(tags), placeholder)
        self.chips = QLabel()
        self.chips.setWordWrap(True)
        self.chips.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.edit)
        layout.addWidget(self.chips)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._show_chips)
        self._show_chips()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def text(self) -> str:
        return self.edit.text()

    def tags(self) -> tuple[str, ...]:
        """The tags as the service reads them; () while the text is not yet valid."""
        try:
            return sandplay.clean_tags((self.edit.text(),), "tags", "")
        except StationError:
            return ()

    def _show_chips(self) -> None:
        tags = self.tags()
        chip = (
            f'<span style="background-color:{theme.SURFACE}; color:{theme.TEXT};">'
            "&nbsp;{0}&nbsp;</span>"
        )
        self.chips.setText("&nbsp; ".join(chip.format(escape(t)) for t in tags))
        self.chips.setVisible(bool(tags))


class SandplayPanel(QWidget):
    """Details and photos of sandplay session ``session_id`` (None until the session is
    first saved: the details can be typed, photos wait). ``photos_changed(count)``
    after photos were added or removed."""

    photos_changed = Signal(int)

    def __init__(
        self,
        ctx: SignedIn,
        session_id: int | None,
        details: SandplayDetails | None = None,
        *,
        editable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._session_id = session_id
        self._editable = editable
        self._photos: list[PhotoInfo] = []
        self.viewer: PhotoViewer | None = None
        self.setObjectName("sandplayPanel")
        shown = details or SandplayDetails((), (), "", "", "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)

        # -- details
        box, inner = group(self.tr("Sandplay details"))
        self.fields = FormFields()
        form = form_layout()
        self.figures_edit = TagEdit(
            shown.figures, self.tr("Separate with 、, e.g. 房子、小桥、大树")
        )
        self.themes_edit = TagEdit(shown.themes, self.tr("Separate with 、, e.g. 保护、分离"))
        self.stage_edit = line_edit(
            STAGE_MAX_LENGTH, shown.series_stage, self.tr("e.g. 3rd of 8, early stage")
        )
        self.story_edit = text_edit(shown.story, lines=3)
        self.observations_edit = text_edit(shown.observations, lines=3)
        self.fields.row(form, "figures", self.tr("Miniatures used"), self.figures_edit)
        self.fields.row(form, "themes", self.tr("Themes"), self.themes_edit)
        self.fields.row(form, "series_stage", self.tr("Stage in the series"), self.stage_edit)
        self.fields.row(form, "story", self.tr("The client's story"), self.story_edit)
        self.fields.row(
            form, "observations", self.tr("Counsellor's observations"), self.observations_edit
        )
        inner.addLayout(form)
        inner.addWidget(self.fields.general)
        layout.addWidget(box)
        self._detail_inputs: list[QWidget] = [
            self.figures_edit.edit,
            self.themes_edit.edit,
            self.stage_edit,
            self.story_edit,
            self.observations_edit,
        ]
        for line in (self.figures_edit.edit, self.themes_edit.edit, self.stage_edit):
            line.setReadOnly(not editable)
        for box_edit in (self.story_edit, self.observations_edit):
            box_edit.setReadOnly(not editable)
        self.guard = ChangeGuard(self._detail_inputs)

        # -- photos
        photo_box, photo_layout = group(self.tr("Tray photos"))
        photo_layout.addWidget(
            label(
                self.tr(
                    "Photos are kept only inside the encrypted archive, never as separate "
                    "files. At most {0} photos per session."
                ).format(MAX_PHOTOS),
                "muted",
            )
        )
        self.add_button = button(self.tr("Add photo…"), name="addPhoto")
        self.add_button.clicked.connect(self.add_photo)
        self.add_button.setVisible(editable)
        self.count_label = label("", "muted", wrap=False)
        photo_layout.addLayout(button_row(self.add_button, self.count_label))
        self.photo_error = FieldError()
        self.photo_error.setObjectName("photoError")
        photo_layout.addWidget(self.photo_error)
        self.wait_note = label(
            self.tr("Save this session first; photos can then be added."), "muted"
        )
        photo_layout.addWidget(self.wait_note)
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("photoList")
        self.photo_list.setAccessibleName(self.tr("Tray photos"))
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(THUMB)
        self.photo_list.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 48))
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_list.setWrapping(True)
        self.photo_list.setWordWrap(True)
        self.photo_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.photo_list.setStyleSheet(
            f"QListWidget#photoList {{ background: white; border: 1px solid {theme.BORDER}; }}"
            f"QListWidget#photoList::item:selected {{ background: {theme.ACCENT}; "
            "color: white; }"
        )
        self.photo_list.itemActivated.connect(self._activated)
        photo_layout.addWidget(self.photo_list)
        self.open_hint = label(
            self.tr("Double-click a photo, or select it and press Enter, to see it larger."),
            "muted",
        )
        photo_layout.addWidget(self.open_hint)
        self.busy = BusyIndicator([self.add_button, self.photo_list])
        photo_layout.addWidget(self.busy)
        layout.addWidget(photo_box)
        self._show_photo_state()
        if session_id is not None:
            self.reload_photos()

    # -- details ----------------------------------------------------------------------------
    @property
    def session_id(self) -> int | None:
        return self._session_id

    def inputs(self) -> list[QWidget]:
        """The inputs in tab order."""
        return [*self._detail_inputs, self.add_button, self.photo_list]

    def details_input(self) -> SandplayInput:
        return SandplayInput(
            figures=(self.figures_edit.text(),),
            themes=(self.themes_edit.text(),),
            story=self.story_edit.toPlainText(),
            observations=self.observations_edit.toPlainText(),
            series_stage=self.stage_edit.text(),
        )

    def has_changes(self) -> bool:
        return self._editable and self.guard.dirty()

    def mark_clean(self) -> None:
        self.guard.mark_clean()

    def show_error(self, exc: StationError) -> None:
        self.fields.show_error(exc)

    def clear_errors(self) -> None:
        self.fields.clear()

    # -- photos -----------------------------------------------------------------------------
    def set_session(self, session_id: int) -> None:
        """The session was saved: photos can now be added."""
        if self._session_id == session_id:
            return
        self._session_id = session_id
        self._show_photo_state()
        self.reload_photos()

    def photos(self) -> list[PhotoInfo]:
        return list(self._photos)

    def _show_photo_state(self) -> None:
        saved = self._session_id is not None
        self.wait_note.setVisible(saved is False and self._editable)
        self.photo_list.setVisible(saved and bool(self._photos))
        self.open_hint.setVisible(saved and bool(self._photos))
        self.add_button.setEnabled(saved and len(self._photos) < MAX_PHOTOS)
        if not saved:
            self.count_label.setText("")
        elif self._photos:
            self.count_label.setText(
                self.tr("{0} of at most {1} photos").format(len(self._photos), MAX_PHOTOS)
            )
        else:
            self.count_label.setText(self.tr("No photos yet."))

    def reload_photos(self) -> None:
        session_id = self._session_id
        if session_id is None:
            return
        ctx = self._ctx

        def work() -> list[tuple[PhotoInfo, QImage]]:
            shown = []
            for info in sandplay.list_photos(ctx, session_id):
                thumb = decode(sandplay.photo_bytes(ctx, info.id), max(THUMB.width(), 320))
                if not thumb.isNull():
                    thumb = thumb.scaled(
                        THUMB,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                shown.append((info, thumb))
            return shown

        self.busy.run(self.tr("Loading photos…"), work, self._show_photos, self._photo_failed)

    def _show_photos(self, shown: list[tuple[PhotoInfo, QImage]]) -> None:
        self.photo_list.clear()
        before = len(self._photos)
        self._photos = [info for info, _ in shown]
        for number, (info, thumb) in enumerate(shown, start=1):
            caption = info.caption or self.tr("Photo {0}").format(number)
            item = QListWidgetItem(caption)
            if not thumb.isNull():
                pixmap = QPixmap.fromImage(thumb)
                icon = QIcon(pixmap)
                icon.addPixmap(pixmap, QIcon.Mode.Selected)  # no tint: the photo as it is
                item.setIcon(icon)
            item.setData(PHOTO_ID_ROLE, info.id)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("Photo {0}: {1}").format(number, caption),
            )
            item.setToolTip(caption)
            self.photo_list.addItem(item)
        if self._photos:
            self.photo_list.setCurrentRow(0)
        self._show_photo_state()
        self._fit_list()
        if len(self._photos) != before:
            self.photos_changed.emit(len(self._photos))

    def _fit_list(self) -> None:
        """As tall as the rows of thumbnails need, up to two rows (more scroll)."""
        grid = self.photo_list.gridSize()
        per_row = max(1, (self.photo_list.viewport().width() - 4) // grid.width())
        rows = max(1, min(2, -(-self.photo_list.count() // per_row)))
        self.photo_list.setFixedHeight(rows * grid.height() + 2 * self.photo_list.frameWidth() + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_list()

    def _photo_failed(self, exc: StationError) -> None:
        self.photo_error.show_message(exc.zh)
        self._show_photo_state()

    def add_photo(self) -> None:
        session_id = self._session_id
        if session_id is None or not self._editable or self.busy.running:
            return
        self.photo_error.clear_message()
        path = messages.choose_open_path(
            self,
            self.tr("Add a tray photo"),
            self.tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"),
        )
        if not path:
            return
        ctx = self._ctx

        def work() -> int:
            # read into memory (no more than the service accepts, plus one byte so it
            # can say the photo is too large); the file itself is left where it is
            with Path(path).open("rb") as handle:
                data = handle.read(photo_rules.MAX_PHOTO_BYTES + 1)
            return sandplay.add_photo(ctx, session_id, data)

        self.busy.run(
            self.tr("Adding the photo…"),
            work,
            self._added,
            self._photo_failed,
            os_failed=self._unreadable,
        )

    def _unreadable(self, _exc: OSError) -> None:
        self.photo_error.show_message(self.tr("The chosen file cannot be read."))

    def _added(self, _photo_id: int) -> None:
        self.reload_photos()
        self.add_button.setFocus()

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_photo(self.photo_list.row(item))

    def open_photo(self, row: int) -> PhotoViewer | None:
        if not 0 <= row < len(self._photos):
            return None
        viewer = PhotoViewer(self._ctx, self._photos, row, editable=self._editable, parent=self)
        viewer.changed.connect(self._viewer_changed)
        self.viewer = open_dialog(viewer, self._viewer_closed)
        return viewer

    def _viewer_changed(self) -> None:
        self.reload_photos()

    def _viewer_closed(self, _accepted: bool) -> None:
        self.viewer = None
        self.photo_list.setFocus()
