"""Set up a fresh machine and run the app or the tests: the two commands of README.md.

    python3 tools/dev.py demo   # install what is missing, start the app on a demo vault
    python3 tools/dev.py test   # install what is missing, run lint, types and all tests

Works on Debian/Ubuntu (installs Qt's system libraries, a CJK font and poppler
through apt when run as root or with sudo) and on Windows (Python 3.11-3.13).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
DEBIAN_PACKAGES = [
    # Qt offscreen and X11 (xcb) platform plugins
    "libegl1",
    "libgl1",
    "libx11-6",
    "libx11-xcb1",
    "libdbus-1-3",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-randr0",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libnss3",
    "libasound2",
    # Chinese text in Qt and in PDFs; PDF rendering in tests; a virtual display
    "fonts-wqy-microhei",
    "poppler-utils",
    "xvfb",
    "xauth",
    # the city office's tools the tests check exports against: minisign -V, and
    # LibreOffice opening stats.xlsx headless
    "minisign",
    "libreoffice-calc-nogui",
]


def run(*cmd: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, env=env)


def debian_packages() -> None:
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    missing = [
        p
        for p in DEBIAN_PACKAGES
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
        ).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return
    sudo: list[str] = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(*sudo, "apt-get", "update", "-q", env=env)
    run(*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends", *missing, env=env)


def python_in_venv() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def virtualenv(extras: str) -> Path:
    python = python_in_venv()
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(python, "-m", "pip", "install", "-q", "--upgrade", "pip")
    run(python, "-m", "pip", "install", "-q", "-e", f".[{extras}]" if extras else ".")
    return python


def demo() -> int:
    debian_packages()
    python = virtualenv("")
    return subprocess.run(
        [str(python), "-m", "station", "--demo", *sys.argv[2:]], cwd=ROOT
    ).returncode


def test() -> int:
    debian_packages()
    python = virtualenv("test")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run(python, "-m", "ruff", "check", ".")
    run(python, "-m", "ruff", "format", "--check", ".")
    run(python, "-m", "mypy")
    run(python, "tools/i18n.py", "check")
    return subprocess.run(
        [str(python), "-m", "pytest", *sys.argv[2:]], cwd=ROOT, env=env
    ).returncode


if __name__ == "__main__":
    task = sys.argv[1] if len(sys.argv) > 1 else ""
    if task not in ("demo", "test"):
        raise SystemExit("usage: python3 tools/dev.py demo|test [args]")
    try:
        raise SystemExit(demo() if task == "demo" else test())
    except subprocess.CalledProcessError as exc:
        raise SystemExit(exc.returncode or 1) from None
