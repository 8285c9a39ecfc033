"""The one path for message boxes, questions and file choices, so tests can answer them.

Widgets call ``inform``, ``warn``, ``ask``, ``choose_save_path``, ``choose_open_path`` or
``choose_folder``; a test replaces ``responder``, ``save_path_chooser``,
``open_path_chooser`` or ``folder_chooser`` with a function that records the question and
returns the answer it wants.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

Responder = Callable[[QWidget | None, str, str, str], bool]
SavePathChooser = Callable[[QWidget | None, str, str, str], str]
OpenPathChooser = Callable[[QWidget | None, str, str], str]
FolderChooser = Callable[[QWidget | None, str], str]


def _qt_responder(parent: QWidget | None, kind: str, title: str, text: str) -> bool:
    icon = {
        "info": QMessageBox.Icon.Information,
        "warn": QMessageBox.Icon.Warning,
        "ask": QMessageBox.Icon.Question,
    }[kind]
    box = QMessageBox(icon, title, text, parent=parent)
    if kind == "ask":
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def _qt_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def _qt_open_path(parent: QWidget | None, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def _qt_folder(parent: QWidget | None, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title)


responder: Responder = _qt_responder
save_path_chooser: SavePathChooser = _qt_save_path
open_path_chooser: OpenPathChooser = _qt_open_path
folder_chooser: FolderChooser = _qt_folder


def inform(parent: QWidget | None, title: str, text: str) -> None:
    responder(parent, "info", title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    responder(parent, "warn", title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    return responder(parent, "ask", title, text)


def choose_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """Return the chosen path, or "" when the user cancelled."""
    return save_path_chooser(parent, title, suggested, filters)


def choose_open_path(parent: QWidget | None, title: str, filters: str) -> str:
    """Return the chosen file, or "" when the user cancelled."""
    return open_path_chooser(parent, title, filters)


def choose_folder(parent: QWidget | None, title: str) -> str:
    """Return the chosen folder, or "" when the user cancelled."""
    return folder_chooser(parent, title)
