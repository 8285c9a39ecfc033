from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from station.ui import app as station_app
from station.ui import messages, tasks

# Screenshots the tests take, to be looked at (synthetic data only); git ignores the folder.
SHOTS = Path(os.environ.get("STATION_SHOTS", Path(__file__).resolve().parents[2] / "shots"))
SHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(scope="session", autouse=True)
def configured_app(qapp: QApplication) -> QApplication:
    """The same translations, font and style the user gets."""
    station_app.configure(qapp)
    return qapp


@pytest.fixture(autouse=True)
def synchronous_tasks() -> Iterator[None]:
    tasks.set_synchronous(True)
    yield
    tasks.set_synchronous(False)


@dataclass
class Answers:
    """Records every message box and answers questions with ``reply``."""

    reply: bool = True
    save_path: str = ""
    open_path: str = ""
    folder_path: str = ""
    seen: list[tuple[str, str, str]] = field(default_factory=list)

    def texts(self) -> str:
        return "\n".join(f"{title}: {text}" for _, title, text in self.seen)


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    record = Answers()

    def respond(parent: QWidget | None, kind: str, title: str, text: str) -> bool:
        record.seen.append((kind, title, text))
        return record.reply

    def choose(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        record.seen.append(("save", title, suggested))
        return record.save_path

    def choose_open(parent: QWidget | None, title: str, filters: str) -> str:
        record.seen.append(("open", title, filters))
        return record.open_path

    monkeypatch.setattr(messages, "responder", respond)
    monkeypatch.setattr(messages, "open_path_chooser", choose_open)
    monkeypatch.setattr(messages, "save_path_chooser", choose)

    def choose_folder(parent: QWidget | None, title: str) -> str:
        record.seen.append(("folder", title, ""))
        return record.folder_path

    monkeypatch.setattr(messages, "folder_chooser", choose_folder)
    return record


@pytest.fixture(autouse=True)
def clipboard_left_clean() -> Iterator[None]:
    """Like quitting the app: our copied identifiers leave the clipboard (Qt's offscreen
    clipboard also crashes at exit while it still holds our custom MIME data)."""
    yield
    from station.ui import clipboard

    clipboard.clear_if_ours()
