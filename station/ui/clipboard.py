"""Copying an identifier (e.g. a case code) so it does not linger on the clipboard.

The text is cleared after a while if the clipboard still holds exactly it, and
at lock or log out. It is marked so that Windows clipboard history and cloud
sync (Win+V) and KDE's clipboard manager do not keep a copy.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray, QMimeData, QTimer
from PySide6.QtGui import QGuiApplication

DEFAULT_SECONDS = 30
_DWORD_ZERO = QByteArray(b"\x00\x00\x00\x00")
_WINDOWS_FORMATS = (
    ("CanIncludeInClipboardHistory", _DWORD_ZERO),
    ("CanUploadToCloudClipboard", _DWORD_ZERO),
    ("ExcludeClipboardContentFromMonitorProcessing", _DWORD_ZERO),
)

_ours: str | None = None
_copies = 0  # a newer copy gets its own full time


def _mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    if sys.platform == "win32":
        for name, value in _WINDOWS_FORMATS:
            mime.setData(f'application/x-qt-windows-mime;value="{name}"', value)
    else:
        mime.setData("x-kde-passwordManagerHint", QByteArray(b"secret"))
    return mime


def copy_identifier(text: str, seconds: float = DEFAULT_SECONDS) -> None:
    """Put ``text`` on the clipboard; clear it after ``seconds`` unless something else
    was copied meanwhile."""
    global _ours, _copies
    QGuiApplication.clipboard().setMimeData(_mime(text))
    _ours = text
    _copies += 1
    copy = _copies
    QTimer.singleShot(int(seconds * 1000), lambda: _clear_if_still(text, copy))


def _clear_if_still(text: str, copy: int) -> None:
    global _ours
    if QGuiApplication.instance() is None or copy != _copies:
        return
    clipboard = QGuiApplication.clipboard()
    if clipboard.text() == text:
        clipboard.clear()
    if _ours == text:
        _ours = None


def clear_if_ours() -> bool:
    """Clear the clipboard if it holds what we last put there; return whether it did."""
    global _ours
    if _ours is None:
        return False
    text, _ours = _ours, None
    clipboard = QGuiApplication.clipboard()
    if clipboard.text() == text:
        clipboard.clear()
        return True
    return False
