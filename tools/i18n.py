"""Keep the Chinese catalogue in step with the UI sources.

    python tools/i18n.py update   # lupdate the .ts, apply pending *.json maps, lrelease the .qm
    python tools/i18n.py check    # exit 1 if any UI string lacks a Chinese translation

The .ts file (Qt Linguist format) is the catalogue translators edit. A JSON map
``{"English source": "中文"}`` dropped beside it fills entries lupdate marked unfinished.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "station_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def _sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "station" / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *_sources(),
            "-ts",
            str(ts),
        ],
        check=True,
    )
    tree = ET.parse(ts)
    tree.getroot().set("language", "zh_CN")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def unfinished(ts: Path) -> list[str]:
    out = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") == "unfinished" or not translation.text:
            out.append(source)
    return out


def apply_maps(ts: Path) -> None:
    mapping: dict[str, str] = {}
    for path in sorted(ts.parent.glob("*.json")):
        mapping.update(json.loads(path.read_text(encoding="utf-8")))
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or source not in mapping:
            continue
        if translation.get("type") == "unfinished" or not translation.text:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def update() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    # One update at a time (several people may edit the UI at once); the .qm is
    # replaced by rename, because a running app maps the old file into memory.
    with (TS.parent / ".update.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lupdate(TS)
        apply_maps(TS)
        fresh = QM.with_suffix(".qm.new")
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)], check=True
        )
        fresh.replace(QM)
    missing = unfinished(TS)
    for source in missing:
        print(f"untranslated: {source}")
    return 0


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / TS.name
        shutil.copy(TS, probe)
        lupdate(probe)
        missing = unfinished(probe)
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    raise SystemExit({"update": update, "check": check}[command]())
