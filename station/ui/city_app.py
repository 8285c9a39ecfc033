"""Starting the city office's window: ``run_city(folder)`` (the command line's
``station city [--folder DIR]``). No vault is opened; the folder is the city office's
workspace (trusted station keys, accepted exports, the city office key)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from station.paths import APP


def default_city_folder() -> Path:
    """The city office's workspace when none is given: beside the vault, never roaming."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False, roaming=False)) / "city"


def run_city(folder: Path | None = None) -> int:
    """Show the city office's window on ``folder`` until it is closed; the exit code."""
    from station.ui.app import get_app, install_excepthook
    from station.ui.city_window import CityWindow

    app = get_app()
    install_excepthook()
    chosen = folder if folder is not None else default_city_folder()
    chosen.mkdir(parents=True, exist_ok=True)
    window = CityWindow(chosen)
    window.show()
    code = app.exec()
    window.deleteLater()
    return code
