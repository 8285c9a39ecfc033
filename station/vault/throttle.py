"""Growing delay after failed logins, kept beside the vault across restarts.

The file holds only salted slot labels, counts and times (no names). Failures
are written into the audit log at the next successful login, since the log
cannot be opened without a key.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` consecutive failures: 0, 0, 0, 2, 4, 8 … 300."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(MAX_DELAY_SECONDS, 2 ** (failures - FREE_ATTEMPTS + 1)))


class LoginThrottle:
    def __init__(self, path: Path, clock: Any = time.time) -> None:
        self._path = path
        self._clock = clock

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self._path.read_text(encoding="ascii"))
            return data if isinstance(data, dict) else {}
        except (FileNotFoundError, ValueError):
            return {}

    def _write(self, data: dict[str, Any]) -> None:
        tmp = self._path.with_name(self._path.name + ".tmp")
        tmp.write_text(json.dumps(data), encoding="ascii")
        os.replace(tmp, self._path)

    def wait_seconds(self, label: str) -> int:
        entry = self._read().get(label)
        if not entry:
            return 0
        ready_at = float(entry["last"]) + delay_after(int(entry["count"]))
        return max(0, int(ready_at - self._clock() + 0.999))

    def record_failure(self, label: str) -> int:
        data = self._read()
        entry = data.get(label) or {"count": 0, "times": []}
        entry["count"] = int(entry["count"]) + 1
        entry["last"] = self._clock()
        entry["times"] = [*entry.get("times", []), entry["last"]][-50:]
        data[label] = entry
        self._write(data)
        return delay_after(entry["count"])

    def clear(self, label: str) -> None:
        data = self._read()
        if data.pop(label, None) is not None:
            self._write(data)

    def take_all(self) -> dict[str, list[float]]:
        """Return and forget the failure times per label (for the audit log)."""
        data = self._read()
        pending = {label: list(e.get("times", [])) for label, e in data.items()}
        for entry in data.values():
            entry["times"] = []
        if data:
            self._write(data)
        return pending
