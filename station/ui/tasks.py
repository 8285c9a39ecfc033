"""One helper for background work: run a function on a pool, get the outcome on the UI thread.

``run_task`` never blocks the UI. Tests may call ``set_synchronous(True)`` so the
function runs at once on the calling thread, with the same callbacks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_synchronous = False


def set_synchronous(value: bool) -> None:
    global _synchronous
    _synchronous = value


class Cancelled(Exception):
    """Raised inside a task that noticed its cancel flag."""


class TaskHandle(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)  # done, total

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Call from inside the task: stop if the user pressed cancel."""
        if self._cancel.is_set():
            raise Cancelled


class _Runner(QRunnable):
    def __init__(self, handle: TaskHandle, fn: Callable[[TaskHandle], Any]) -> None:
        super().__init__()
        self._handle = handle
        self._fn = fn

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._handle)
        except BaseException as exc:
            self._handle.failed.emit(exc)
        else:
            self._handle.finished.emit(result)


_live: set[TaskHandle] = set()


def run_task(
    fn: Callable[[TaskHandle], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> TaskHandle:
    """Run ``fn(handle)`` off the UI thread; callbacks arrive on the UI thread."""
    handle = TaskHandle()
    _live.add(handle)

    def done(result: object) -> None:
        _live.discard(handle)
        on_done(result)

    def error(exc: object) -> None:
        _live.discard(handle)
        assert isinstance(exc, BaseException)
        on_error(exc)

    handle.finished.connect(done)
    handle.failed.connect(error)
    if on_progress is not None:
        handle.progress.connect(on_progress)
    if _synchronous:
        _Runner(handle, fn).run()
    else:
        QThreadPool.globalInstance().start(_Runner(handle, fn))
    return handle
