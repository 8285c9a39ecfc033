"""Identifiers copied to the clipboard do not linger there."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QClipboard, QGuiApplication
from pytestqt.qtbot import QtBot

from station.ui import clipboard


@pytest.fixture
def board() -> Iterator[QClipboard]:
    cb = QGuiApplication.clipboard()
    cb.clear()
    yield cb
    clipboard.clear_if_ours()
    cb.clear()


def test_copied_identifier_is_cleared_after_the_time(qtbot: QtBot, board: QClipboard) -> None:
    clipboard.copy_identifier("CX-ZH01-0042", seconds=0.3)
    assert board.text() == "CX-ZH01-0042"
    qtbot.wait(100)
    assert board.text() == "CX-ZH01-0042"  # still there for pasting
    qtbot.waitUntil(lambda: board.text() == "", timeout=3000)


def test_something_copied_later_is_left_alone(qtbot: QtBot, board: QClipboard) -> None:
    clipboard.copy_identifier("CX-ZH01-0042", seconds=0.2)
    board.setText("the user's own text")
    qtbot.wait(600)
    assert board.text() == "the user's own text"
    assert clipboard.clear_if_ours() is False
    assert board.text() == "the user's own text"


def test_clear_if_ours_clears_only_our_text(board: QClipboard) -> None:
    assert clipboard.clear_if_ours() is False
    clipboard.copy_identifier("CX-ZH01-0043")
    assert clipboard.clear_if_ours() is True
    assert board.text() == ""
    assert clipboard.clear_if_ours() is False  # nothing of ours any more


def test_copying_again_gets_the_full_time_again(qtbot: QtBot, board: QClipboard) -> None:
    clipboard.copy_identifier("CX-ZH01-0042", seconds=0.3)
    qtbot.wait(200)
    clipboard.copy_identifier("CX-ZH01-0042", seconds=0.6)
    qtbot.wait(250)  # the first copy's time is over, the second's is not
    assert board.text() == "CX-ZH01-0042"
    qtbot.waitUntil(lambda: board.text() == "", timeout=3000)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows uses its own clipboard formats")
def test_copy_is_marked_for_clipboard_managers(board: QClipboard) -> None:
    clipboard.copy_identifier("CX-ZH01-0044")
    mime = board.mimeData()
    assert mime is not None and mime.text() == "CX-ZH01-0044"
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
