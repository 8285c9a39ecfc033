"""Logging to a rotating file. Messages carry codes, ids and counts, never personal data."""

from __future__ import annotations

import logging
import logging.handlers

from station.paths import log_dir


def configure() -> logging.Handler:
    """Attach the file handler once; return it (tests detach it again)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "station", False):
            return handler
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "station.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.station = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler
