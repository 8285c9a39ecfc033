"""A larger view of one sandplay tray photo: caption, previous / next, remove.

The photo's bytes come from ``sandplay.photo_bytes`` (an audited view) and are decoded
in memory with ``QImage.fromData``; nothing is written to disk.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from station.services import sandplay
from station.services.context import SignedIn
from station.services.sandplay import PhotoInfo
from station.ui import messages, theme
from station.ui.case_forms import discard_question
from station.ui.forms import (
    SPACING,
    BusyIndicator,
    Field,
    FormFields,
    button,
    button_row,
    label,
    line_edit,
    set_status,
    spaced,
    status_label,
)

VIEW_MAX_SIDE = 1600  # decoded size kept for the view (enough for a large screen)
CAPTION_MAX = 200


def decode(data: bytes, max_side: int) -> QImage:
    """The image in ``data``, scaled down to at most ``max_side`` pixels a side."""
    image = QImage.fromData(data)
    if image.isNull():
        return image
    if image.width() > max_side or image.height() > max_side:
        image = image.scaled(
            QSize(max_side, max_side),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


class PhotoViewer(QDialog):
    """One photo at a time out of ``photos``; ``changed`` after a caption was saved or a
    photo removed. Read-only unless ``editable``."""

    changed = Signal()

    def __init__(
        self,
        ctx: SignedIn,
        photos: Sequence[PhotoInfo],
        index: int = 0,
        *,
        editable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._photos = list(photos)
        self._index = max(0, min(index, len(self._photos) - 1))
        self._editable = editable
        self._image = QImage()
        self.setObjectName("photoViewer")
        self.setWindowTitle(self.tr("Psychological care station · Sandplay photo"))
        self.setMinimumSize(640, 520)
        self.resize(900, 720)
        layout = spaced(QVBoxLayout(self))

        self.position_label = label("", "heading", wrap=False)
        layout.addWidget(self.position_label)
        self.image_label = QLabel()
        self.image_label.setObjectName("photo")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setMinimumSize(480, 300)
        self.image_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image_label.setStyleSheet(
            f"QLabel#photo {{ background: white; border: 1px solid {theme.BORDER}; }}"
        )
        self.image_label.setAccessibleName(self.tr("Tray photo"))
        layout.addWidget(self.image_label, 1)

        self.fields = FormFields()
        self.caption_edit = line_edit(
            CAPTION_MAX, placeholder=self.tr("e.g. first tray, the bridge")
        )
        self.caption_edit.setReadOnly(not editable)
        caption = Field(self.tr("Caption"), self.caption_edit, "caption")
        self.fields.add(caption)
        self.save_caption_button = button(self.tr("Save caption"), name="saveCaption")
        self.save_caption_button.clicked.connect(self.save_caption)
        self.save_caption_button.setVisible(editable)
        self.caption_status = status_label()
        caption_row = QHBoxLayout()
        caption_row.setSpacing(SPACING)
        caption_row.addWidget(caption.caption)
        caption_row.addWidget(self.caption_edit, 1)
        caption_row.addWidget(self.save_caption_button)
        caption_row.addWidget(self.caption_status)
        layout.addLayout(caption_row)
        layout.addWidget(caption.error)
        layout.addWidget(self.fields.general)
        self.busy = BusyIndicator()
        layout.addWidget(self.busy)

        self.previous_button = button(self.tr("Previous"), name="previousPhoto")
        self.next_button = button(self.tr("Next"), name="nextPhoto")
        self.remove_button = button(self.tr("Remove photo…"), name="removePhoto")
        self.close_button = button(self.tr("Close"), primary=True, name="closeViewer")
        self.remove_button.setVisible(editable)
        layout.addLayout(
            button_row(
                self.previous_button,
                self.next_button,
                self.remove_button,
                self.close_button,
                stretch_after=2,
            )
        )
        self.previous_button.clicked.connect(lambda: self.show_photo(self._index - 1))
        self.next_button.clicked.connect(lambda: self.show_photo(self._index + 1))
        self.remove_button.clicked.connect(self.remove)
        self.close_button.clicked.connect(self.close_asking)
        self.busy.controls = [
            self.caption_edit,
            self.save_caption_button,
            self.previous_button,
            self.next_button,
            self.remove_button,
        ]
        self._saved_caption = ""
        self.show_photo(self._index)
        self.close_button.setFocus()

    # -- state ------------------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self._index

    @property
    def photos(self) -> list[PhotoInfo]:
        return list(self._photos)

    def current(self) -> PhotoInfo | None:
        return self._photos[self._index] if self._photos else None

    def has_changes(self) -> bool:
        return self._editable and self.caption_edit.text() != self._saved_caption

    def image(self) -> QImage:
        return self._image

    # -- showing ----------------------------------------------------------------------------
    def show_photo(self, index: int) -> None:
        if not self._photos or not 0 <= index < len(self._photos) or self.busy.running:
            return
        if index != self._index and self.has_changes() and not discard_question(self):
            return
        self._index = index
        photo = self._photos[index]
        self.fields.clear()
        set_status(self.caption_status, "", "muted")
        self.position_label.setText(
            self.tr("Photo {0} of {1}").format(index + 1, len(self._photos))
        )
        self.caption_edit.setText(photo.caption)
        self._saved_caption = photo.caption
        self._image = QImage()
        self.image_label.clear()
        self._update_buttons()
        ctx, photo_id = self._ctx, photo.id
        self.busy.run(
            self.tr("Opening the photo…"),
            lambda: decode(sandplay.photo_bytes(ctx, photo_id), VIEW_MAX_SIDE),
            self._decoded,
            self.fields.show_error,
        )

    def _decoded(self, image: QImage) -> None:
        self._update_buttons()
        if image.isNull():
            self.fields.show_at(None, self.tr("This photo cannot be shown."))
            return
        self._image = image
        self._fit()

    def _fit(self) -> None:
        if self._image.isNull():
            return
        room = self.image_label.size() - QSize(8, 8)
        scaled = self._image.scaled(
            room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.image_label.setPixmap(QPixmap.fromImage(scaled))

    def _update_buttons(self) -> None:
        self.previous_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index < len(self._photos) - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    # -- editing ----------------------------------------------------------------------------
    def save_caption(self) -> None:
        photo = self.current()
        if photo is None or not self._editable or self.busy.running:
            return
        self.fields.clear()
        ctx, text = self._ctx, self.caption_edit.text()
        index = self._index
        self.busy.run(
            self.tr("Saving…"),
            lambda: sandplay.set_photo_caption(ctx, photo.id, text),
            lambda _: self._caption_saved(index, text),
            self.fields.show_error,
        )

    def _caption_saved(self, index: int, text: str) -> None:
        self._photos[index] = dataclasses.replace(self._photos[index], caption=text.strip())
        self._saved_caption = text
        set_status(self.caption_status, self.tr("Caption saved."), "muted")
        self._update_buttons()
        self.caption_edit.setFocus()
        self.changed.emit()

    def remove(self) -> None:
        photo = self.current()
        if photo is None or not self._editable or self.busy.running:
            return
        if not messages.ask(
            self,
            self.tr("Remove this photo?"),
            self.tr(
                "The photo is deleted from the archive for good; it cannot be restored. Remove it?"
            ),
        ):
            return
        ctx = self._ctx
        self.busy.run(
            self.tr("Removing the photo…"),
            lambda: sandplay.remove_photo(ctx, photo.id),
            lambda _: self._removed(photo.id),
            self.fields.show_error,
        )

    def _removed(self, photo_id: int) -> None:
        was = self._index
        self._photos = [p for p in self._photos if p.id != photo_id]
        self._saved_caption = self.caption_edit.text()  # nothing left to ask about
        self.changed.emit()
        if not self._photos:
            self.accept()
            return
        self._index = -1
        self.show_photo(min(was, len(self._photos) - 1))

    # -- closing ----------------------------------------------------------------------------
    def close_asking(self) -> None:
        if self.busy.running:
            return
        if self.has_changes() and not discard_question(self):
            return
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is self.caption_edit:
            event.accept()  # Enter in the caption saves it, rather than closing
            self.save_caption()
            return
        if key == Qt.Key.Key_Escape:
            event.accept()
            self.close_asking()
            return
        if (
            key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left)
            and self.focusWidget() is not self.caption_edit
        ):
            self.show_photo(self._index - 1)
            return
        if (
            key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right)
            and self.focusWidget() is not self.caption_edit
        ):
            self.show_photo(self._index + 1)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():
            event.ignore()
            self.close_asking()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if not self.busy.running:
            super().reject()

    def done(self, result: int) -> None:
        self._image = QImage()  # drop the decoded photo at once
        self.image_label.clear()
        super().done(result)
