"""The audit log is append-only and any change, deletion or reordering is detected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from station.errors import PermissionDenied
from station.models.enums import Role
from station.services import accounts, audit
from station.services.context import SignedIn
from station.services.setup import SetupResult
from station.vault.vault import VaultPaths
from tests.conftest import PASSWORD

Tamper = Callable[[sqlcipher3.Connection], None]


def _raw(vault_dir: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(VaultPaths(vault_dir).db))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


@pytest.fixture
def with_history(created: SetupResult, vault_dir: Path) -> tuple[Path, bytes]:
    """A vault with a dozen entries, closed; returns its folder and data key."""
    key = created.ctx.vault.data_key
    for _ in range(3):
        accounts.lock(created.ctx)
        ctx = accounts.unlock(vault_dir, "admin", PASSWORD)
        created.ctx.vault = ctx.vault
    accounts.logout(created.ctx)
    return vault_dir, key


def _report(vault_dir: Path) -> audit.ChainReport:
    ctx = accounts.login(vault_dir, "admin", PASSWORD)
    try:
        return audit.verify(ctx)
    finally:
        accounts.logout(ctx)


def test_untouched_chain_verifies(with_history: tuple[Path, bytes]) -> None:
    report = _report(with_history[0])
    assert report.ok and report.entries >= 8


def test_database_refuses_update_and_delete(with_history: tuple[Path, bytes]) -> None:
    conn = _raw(*with_history)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET detail = 'x' WHERE seq = 2")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
    conn.close()


def _edit(conn: sqlcipher3.Connection) -> None:
    conn.execute("UPDATE audit_log SET action = 'logout' WHERE seq = 3")


def _delete_middle(conn: sqlcipher3.Connection) -> None:
    conn.execute("DELETE FROM audit_log WHERE seq = 4")


def _delete_and_renumber(conn: sqlcipher3.Connection) -> None:
    conn.execute("DELETE FROM audit_log WHERE seq = 4")
    conn.execute("UPDATE audit_log SET seq = seq - 1 WHERE seq > 4")


def _swap(conn: sqlcipher3.Connection) -> None:
    conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = 3")
    conn.execute("UPDATE audit_log SET seq = 3 WHERE seq = 4")
    conn.execute("UPDATE audit_log SET seq = 4 WHERE seq = -1")


def _truncate_tail(conn: sqlcipher3.Connection) -> None:
    last = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE seq >= ?", (last - 2,))


@pytest.mark.parametrize(
    ("tamper", "bad_seq"),
    [
        (_edit, 3),
        (_delete_middle, 4),
        (_delete_and_renumber, 4),
        (_swap, 3),
        (_truncate_tail, None),
    ],
    ids=["edit", "delete", "delete-renumber", "reorder", "truncate-tail"],
)
def test_tampering_is_detected(
    with_history: tuple[Path, bytes], tamper: Tamper, bad_seq: int | None
) -> None:
    vault_dir, key = with_history
    conn = _raw(vault_dir, key)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    tamper(conn)
    conn.commit()
    conn.close()
    report = _report(vault_dir)
    assert not report.ok
    assert report.problem
    if bad_seq is not None:
        assert report.first_bad_seq == bad_seq


def test_forged_anchor_is_detected(with_history: tuple[Path, bytes]) -> None:
    vault_dir, _ = with_history
    anchor = VaultPaths(vault_dir).anchor
    anchor.write_text(anchor.read_text().replace('"count": ', '"count": 1'), encoding="ascii")
    assert not _report(vault_dir).ok


def test_entries_hold_no_names(created: SetupResult, vault_dir: Path) -> None:
    lin = accounts.add_user(created.ctx, "lin", "林咨询", Role.COUNSELLOR, "Counsel-2026")
    rows = audit.browse(created.ctx, audit.AuditFilter())
    add = next(r for r in rows if r.action == "user_add")
    assert add.object_id == str(lin)
    assert all("林" not in f"{r.detail}{r.object_id}" for r in rows)


def test_events_of_the_foundation_are_logged(created: SetupResult, vault_dir: Path) -> None:
    ctx: SignedIn = created.ctx
    uid = accounts.add_user(ctx, "lin", "林咨询", Role.COUNSELLOR, "Counsel-2026")
    accounts.set_temporary_password(ctx, uid, "Temp-pass-22")
    accounts.deactivate_user(ctx, uid)
    accounts.lock(ctx)
    with pytest.raises(accounts.WrongPassword):
        accounts.unlock(vault_dir, "admin", "wrong-password-1")
    ctx = accounts.unlock(vault_dir, "admin", PASSWORD)
    accounts.change_password(ctx, PASSWORD, "Changed-pass-3")
    audit.browse(ctx, audit.AuditFilter())  # viewing the log is itself logged
    actions = [r.action for r in reversed(audit.browse(ctx, audit.AuditFilter()))]
    for expected in (
        "setup",
        "user_add",
        "password_reset",
        "user_deactivate",
        "lock",
        "login_failed",
        "unlock",
        "password_change",
        "audit_view",
    ):
        assert expected in actions, expected
    only_locks = audit.browse(ctx, audit.AuditFilter(action="lock"))
    assert only_locks and {r.action for r in only_locks} == {"lock"}
    accounts.logout(ctx)


def test_only_the_custodian_reads_the_log(created: SetupResult, vault_dir: Path) -> None:
    accounts.add_user(created.ctx, "lin", "林咨询", Role.COUNSELLOR, "Counsel-2026")
    accounts.add_user(created.ctx, "lead", "站长", Role.LEAD, "Lead-pass-2026")
    accounts.logout(created.ctx)
    for login, pw in (("lin", "Counsel-2026"), ("lead", "Lead-pass-2026")):
        ctx = accounts.login(vault_dir, login, pw)
        with pytest.raises(PermissionDenied):
            audit.browse(ctx, audit.AuditFilter())
        with pytest.raises(PermissionDenied):
            audit.verify(ctx)
        with pytest.raises(PermissionDenied):
            accounts.list_users(ctx)
        with pytest.raises(PermissionDenied):
            accounts.add_user(ctx, "x1", "某", Role.CUSTODIAN, "Another-pass-1")
        accounts.logout(ctx)
