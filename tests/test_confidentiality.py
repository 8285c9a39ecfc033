"""No plaintext on disk, and the database is a standard SQLCipher 4 file."""

from __future__ import annotations

import logging
from pathlib import Path

import apsw
import pytest

from station import logs
from station.models.enums import Role, StationKind
from station.services import accounts, settings, setup
from station.vault.vault import VaultPaths
from tests.conftest import FAST

MARKERS = ["欧阳测试标记", "13912345678", "慕容秘密单位", "司马标记路88号"]


def _files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def _leaks(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        data = path.read_bytes()
        for marker in MARKERS:
            for encoding in ("utf-8", "utf-16-le", "gb18030"):
                if marker.encode(encoding) in data:
                    found.append(f"{path.name}: {marker} ({encoding})")
    return found


def test_markers_never_reach_disk_in_plaintext(vault_dir: Path, tmp_path: Path) -> None:
    handler = logs.configure()
    station = setup.StationInput(
        f"{MARKERS[2]}暖心港湾", "CX-ZH01", StationKind.TOWNSHIP, f"{MARKERS[3]}{MARKERS[1]}"
    )
    custodian = setup.CustodianInput("admin", MARKERS[0], "Custodian-2026")
    result = setup.create_vault(vault_dir, station, custodian, device_binding=True, argon2=FAST)
    ctx = result.ctx
    for i in range(30):  # enough writes to leave pages in the WAL
        accounts.add_user(ctx, f"user{i}", f"{MARKERS[0]}{i}", Role.COUNSELLOR, "Counsel-2026")
    settings.update_profile(ctx, f"{MARKERS[2]}分站", "CX-ZH02", StationKind.UNIT, MARKERS[3])
    wal = VaultPaths(vault_dir).db.with_name("vault.db-wal")
    assert wal.exists() and wal.stat().st_size > 0
    # While open: database, WAL and every other file are ciphertext.
    assert _leaks(_files_under(vault_dir)) == []
    accounts.logout(ctx)
    with pytest.raises(accounts.WrongPassword):
        accounts.login(vault_dir, "admin", "Wrong-pass-1")
    handler.flush()
    logging.getLogger().removeHandler(handler)
    handler.close()
    from station.paths import log_dir

    files = _files_under(vault_dir, log_dir(), tmp_path)
    log_text = (log_dir() / "station.log").read_text(encoding="utf-8")
    assert "login failed" in log_text
    assert _leaks(files) == []


def test_independent_sqlcipher4_implementation_reads_the_vault(
    created: setup.SetupResult, vault_dir: Path
) -> None:
    key = created.ctx.vault.data_key
    accounts.logout(created.ctx)
    conn = apsw.Connection(str(VaultPaths(vault_dir).db))
    conn.execute("PRAGMA cipher='sqlcipher'")
    conn.execute("PRAGMA legacy=4")
    conn.execute(f"PRAGMA key=\"x'{key.hex()}'\"")
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"users", "audit_log", "station_profile", "settings"} <= tables
    assert list(conn.execute("SELECT login FROM users")) == [("admin",)]
    conn.close()


def test_wrong_key_does_not_open_the_file(created: setup.SetupResult, vault_dir: Path) -> None:
    accounts.logout(created.ctx)
    conn = apsw.Connection(str(VaultPaths(vault_dir).db))
    conn.execute("PRAGMA cipher='sqlcipher'")
    conn.execute("PRAGMA legacy=4")
    conn.execute(f"PRAGMA key=\"x'{'00' * 32}'\"")
    with pytest.raises(apsw.NotADBError):
        list(conn.execute("SELECT name FROM sqlite_master"))
    conn.close()
