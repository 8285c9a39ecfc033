"""Build the one-folder app with PyInstaller and smoke-test the frozen build.

    .venv/bin/python -m pip install "pyinstaller>=6.10"
    .venv/bin/python installer/build.py            # dist/station/
    makensis installer/station.nsi                  # Windows installer (on Windows or Debian)

The smoke test runs the frozen `station-cli self-test` and creates a demo vault
with it, so a missing data file or hidden import fails the build.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build"),
            str(ROOT / "installer" / "station.spec"),
        ],
        check=True,
    )
    suffix = ".exe" if os.name == "nt" else ""
    cli = ROOT / "dist" / "station" / f"station-cli{suffix}"
    subprocess.run([str(cli), "self-test"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(cli), "demo", "--vault", str(Path(tmp) / "v")], check=True)
        env = {**os.environ, "STATION_PASSWORD": "demo-2026"}
        subprocess.run(
            [str(cli), "verify", "--vault", str(Path(tmp) / "v"), "--user", "admin"],
            check=True,
            env=env,
        )
    print(f"built and smoke-tested: {cli.parent}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
