"""Standard folders (platformdirs): the vault under the user's local app data."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "station"


def default_vault_dir() -> Path:
    # roaming=False: on Windows %LOCALAPPDATA%, so records never roam with a domain profile.
    return Path(platformdirs.user_data_dir(APP, appauthor=False, roaming=False)) / "vault"


def resources_dir() -> Path:
    """The repository's ``resources`` folder (scales, forms, translations, import)."""
    return Path(__file__).resolve().parents[1] / "resources"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))
