"""`station self-test`: is this machine fit to hold a vault?"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from station.vault import database, device_secret
from station.vault.crypto import new_data_key


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    essential: bool = True

    def line(self) -> str:
        mark = "OK  " if self.ok else ("FAIL" if self.essential else "WARN")
        return f"[{mark}] {self.name}: {self.detail}"


def check_encryption() -> Check:
    """Write and reread a throwaway encrypted database (no personal data in it)."""
    marker = "self-test-marker"
    with tempfile.TemporaryDirectory(prefix="station-selftest-") as tmp:
        path = Path(tmp) / "probe.db"
        engine = database.make_engine(path, new_data_key())
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql("CREATE TABLE probe(x TEXT)")
                conn.exec_driver_sql("INSERT INTO probe VALUES (?)", (marker,))
            database.check_safety(engine, path)
            version = database.cipher_version(engine)
            database.checkpoint(engine)
        finally:
            engine.dispose()
        leaked = any(marker.encode() in p.read_bytes() for p in Path(tmp).iterdir())
    ok = bool(version) and not leaked
    return Check("加密库 / encryption", ok, f"SQLCipher {version}, sqlcipher3 {_module_version()}")


def _module_version() -> str:
    try:
        return metadata.version("sqlcipher3")
    except metadata.PackageNotFoundError:  # a frozen build carries no metadata
        return "?"


def check_credential_store() -> Check:
    store = device_secret.describe_store()
    return Check(
        "凭据存储 / credential store",
        store.usable and store.secure,
        f"{store.name} — {store.sentence()}",
        essential=False,
    )


def check_fonts() -> Check:
    from station.reports.fonts import find_cjk_font_path

    path = find_cjk_font_path()
    return Check("中文字体 / CJK font", path is not None, path or "未找到 / not found")


def check_write_access(folder: Path) -> Check:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".station-write-probe"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        return Check("写入权限 / write access", False, f"{folder}: {exc.strerror}")
    return Check("写入权限 / write access", os.access(folder, os.W_OK), str(folder))


def run(vault_dir: Path) -> list[Check]:
    return [
        check_encryption(),
        check_credential_store(),
        check_fonts(),
        check_write_access(vault_dir.parent if not vault_dir.exists() else vault_dir),
    ]
