"""Lock the vault when the Windows session locks (Win+L, screen saver, switching user).

On Windows the main window registers for WTS session notifications and a native
event filter watches for ``WM_WTSSESSION_CHANGE`` with ``WTS_SESSION_LOCK``. On
other systems the watcher exists with the same signal and never emits it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0


def is_session_lock(message: int, wparam: int) -> bool:
    """Whether a window message says the user's Windows session has just been locked."""
    return message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK


class _WindowsFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: SessionLockWatcher) -> None:
        super().__init__()
        self._watcher = on_lock

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        if sys.platform == "win32" and bytes(event_type) == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            if is_session_lock(int(msg.message), int(msg.wParam or 0)):
                self._watcher.session_locked.emit()
        return False, 0


class SessionLockWatcher(QObject):
    """Emits ``session_locked`` when the operating system's session locks (Windows only)."""

    session_locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter: _WindowsFilter | None = None
        self._hwnd: int | None = None

    @property
    def supported(self) -> bool:
        return sys.platform == "win32"

    def attach(self, window: QWidget) -> None:
        """Register ``window`` for session notifications (no-op off Windows)."""
        if sys.platform != "win32" or self._hwnd is not None:
            return
        import ctypes
        from ctypes import wintypes

        wtsapi32 = ctypes.windll.wtsapi32
        wtsapi32.WTSRegisterSessionNotification.argtypes = [wintypes.HWND, wintypes.DWORD]
        wtsapi32.WTSRegisterSessionNotification.restype = wintypes.BOOL
        wtsapi32.WTSUnRegisterSessionNotification.argtypes = [wintypes.HWND]
        wtsapi32.WTSUnRegisterSessionNotification.restype = wintypes.BOOL
        hwnd = int(window.winId())
        if not wtsapi32.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION):
            return  # no notifications (e.g. a service session): idle lock still applies
        self._hwnd = hwnd
        self._filter = _WindowsFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._filter)

    def detach(self) -> None:
        if sys.platform != "win32":
            return
        import ctypes

        app = QCoreApplication.instance()
        if self._filter is not None and app is not None:
            app.removeNativeEventFilter(self._filter)
        self._filter = None
        if self._hwnd is not None:
            ctypes.windll.wtsapi32.WTSUnRegisterSessionNotification(self._hwnd)
            self._hwnd = None
