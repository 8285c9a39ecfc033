"""The vault: key slots, device binding, recovery, safety checks, migrations."""

from __future__ import annotations

import shutil
from pathlib import Path

import keyring
import pytest
import sqlcipher3
from sqlalchemy import inspect

from station.errors import DeviceSecretMissing, ValidationError, VaultError, WrongPassword
from station.models.enums import Role
from station.services import accounts, setup
from station.services.setup import SetupResult
from station.vault import database
from station.vault.crypto import Argon2Params
from station.vault.header import Header
from station.vault.recovery_key import new_recovery_key, parse_recovery_key
from station.vault.vault import StaleSlot, Vault, VaultPaths
from tests.conftest import CUSTODIAN, FAST, PASSWORD, STATION
from tests.memory_keyring import MemoryKeyring

COUNSELLOR_PW = "Counsel-2026"


def _with_counsellor(created: SetupResult) -> None:
    accounts.add_user(created.ctx, "lin", "林咨询", Role.COUNSELLOR, COUNSELLOR_PW)
    accounts.logout(created.ctx)


def test_every_slot_unlocks_and_wrong_password_does_not(
    created: SetupResult, vault_dir: Path
) -> None:
    _with_counsellor(created)
    for login, password, role in (
        ("admin", PASSWORD, Role.CUSTODIAN),
        ("lin", COUNSELLOR_PW, Role.COUNSELLOR),
    ):
        ctx = accounts.login(vault_dir, login, password)
        assert ctx.role is role
        accounts.logout(ctx)
        with pytest.raises(WrongPassword):
            accounts.login(vault_dir, login, password + "x")
    with pytest.raises(WrongPassword):
        accounts.login(vault_dir, "nobody", PASSWORD)
    vault = Vault.open_with_recovery(vault_dir, created.recovery_key)
    assert vault.is_open
    vault.close()


def test_login_names_are_case_insensitive(created: SetupResult, vault_dir: Path) -> None:
    accounts.logout(created.ctx)
    accounts.logout(accounts.login(vault_dir, " Admin ", PASSWORD))


def test_recovery_key_resets_a_forgotten_password(created: SetupResult, vault_dir: Path) -> None:
    _with_counsellor(created)
    ctx = accounts.reset_with_recovery(vault_dir, created.recovery_key, "lin", "Fresh-pass-1")
    assert ctx.login == "lin"
    accounts.logout(ctx)
    with pytest.raises(WrongPassword):
        accounts.login(vault_dir, "lin", COUNSELLOR_PW)
    accounts.logout(accounts.login(vault_dir, "lin", "Fresh-pass-1"))
    # The other user's slot is untouched.
    accounts.logout(accounts.login(vault_dir, "admin", PASSWORD))


def test_wrong_or_mistyped_recovery_key_is_refused(created: SetupResult, vault_dir: Path) -> None:
    accounts.logout(created.ctx)
    with pytest.raises(VaultError, match="Wrong recovery key"):
        accounts.reset_with_recovery(vault_dir, new_recovery_key(), "admin", "Fresh-pass-1")
    typo = created.recovery_key.replace(
        created.recovery_key[0], "Z" if created.recovery_key[0] != "Z" else "Y", 1
    )
    with pytest.raises(ValidationError) as info:
        parse_recovery_key(typo)
    assert info.value.field == "recovery_key"
    assert parse_recovery_key(created.recovery_key.lower().replace("-", " "))


def test_copy_without_device_secret_opens_only_with_recovery_key(
    created: SetupResult, vault_dir: Path, tmp_path: Path
) -> None:
    _with_counsellor(created)
    copy = tmp_path / "stolen"
    shutil.copytree(vault_dir, copy)
    # Another PC: an empty credential store.
    keyring.set_keyring(MemoryKeyring())
    with pytest.raises(DeviceSecretMissing):
        accounts.login(copy, "admin", PASSWORD)
    with pytest.raises(DeviceSecretMissing):
        Vault.open_with_password(copy, "lin", COUNSELLOR_PW)
    # The recovery key re-enrols this machine for the user who used it...
    ctx = accounts.reset_with_recovery(copy, created.recovery_key, "admin", "New-admin-pw1")
    assert any(r.action == "device_reenrol" for r in _audit_actions(ctx))
    accounts.logout(ctx)
    accounts.logout(accounts.login(copy, "admin", "New-admin-pw1"))
    # ...and the other users need a new password from the custodian.
    with pytest.raises(StaleSlot):
        accounts.login(copy, "lin", COUNSELLOR_PW)
    ctx = accounts.login(copy, "admin", "New-admin-pw1")
    lin = next(u for u in accounts.list_users(ctx) if u.login == "lin")
    accounts.set_temporary_password(ctx, lin.id, "Temp-pass-22")
    accounts.logout(ctx)
    again = accounts.login(copy, "lin", "Temp-pass-22")
    assert again.must_change_password
    accounts.logout(again)


def _audit_actions(ctx: accounts.SignedIn) -> list[accounts.audit.AuditRow]:
    from station.services import audit

    return audit.browse(ctx, audit.AuditFilter())


def test_password_change_rewraps_only_that_slot(created: SetupResult, vault_dir: Path) -> None:
    _with_counsellor(created)
    header_before = Header.load(VaultPaths(vault_dir).header)
    ctx = accounts.login(vault_dir, "lin", COUNSELLOR_PW)
    with pytest.raises(ValidationError) as wrong:
        accounts.change_password(ctx, "not-it-123", "Another-pw-9")
    assert wrong.value.field == "old_password"
    with pytest.raises(ValidationError) as weak:
        accounts.change_password(ctx, COUNSELLOR_PW, "short")
    assert weak.value.field == "new_password"
    accounts.change_password(ctx, COUNSELLOR_PW, "Another-pw-9")
    accounts.logout(ctx)
    header_after = Header.load(VaultPaths(vault_dir).header)
    changed = {s.label for s in header_after.slots} ^ set()
    before = {s.label: s.wrapped for s in header_before.slots}
    after = {s.label: s.wrapped for s in header_after.slots}
    assert set(before) == set(after) == changed
    lin_label = header_after.user_label("lin")
    assert [label for label in after if before[label] != after[label]] == [lin_label]
    with pytest.raises(WrongPassword):
        accounts.login(vault_dir, "lin", COUNSELLOR_PW)
    accounts.logout(accounts.login(vault_dir, "lin", "Another-pw-9"))


def test_slots_cannot_be_swapped_between_users(created: SetupResult, vault_dir: Path) -> None:
    _with_counsellor(created)
    path = VaultPaths(vault_dir).header
    header = Header.load(path)
    admin, lin = header.user_slot("admin"), header.user_slot("lin")
    assert admin is not None and lin is not None
    admin.label, lin.label = lin.label, admin.label
    header.save(path)
    with pytest.raises(WrongPassword):
        accounts.login(vault_dir, "lin", PASSWORD)


def test_header_records_argon2_parameters_per_slot(created: SetupResult, vault_dir: Path) -> None:
    header = Header.load(VaultPaths(vault_dir).header)
    slot = header.user_slot("admin")
    assert slot is not None and slot.argon2 is not None
    assert slot.argon2.memory_kib >= 64 * 1024 and slot.argon2.time_cost >= 3
    with pytest.raises(ValueError):
        Argon2Params(memory_kib=1024, time_cost=1).check()


def test_deactivated_user_cannot_log_in_and_last_custodian_stays(
    created: SetupResult, vault_dir: Path
) -> None:
    lin = accounts.add_user(created.ctx, "lin", "林咨询", Role.COUNSELLOR, COUNSELLOR_PW)
    with pytest.raises(ValidationError):
        accounts.deactivate_user(created.ctx, created.ctx.user_id)
    accounts.deactivate_user(created.ctx, lin)
    accounts.logout(created.ctx)
    with pytest.raises(WrongPassword):
        accounts.login(vault_dir, "lin", COUNSELLOR_PW)


def test_setup_refuses_device_binding_without_a_credential_store(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    with pytest.raises(VaultError, match="without device binding"):
        setup.create_vault(vault_dir, STATION, CUSTODIAN, device_binding=True, argon2=FAST)
    assert not vault_dir.exists()
    result = setup.create_vault(vault_dir, STATION, CUSTODIAN, device_binding=False, argon2=FAST)
    accounts.logout(result.ctx)
    accounts.logout(accounts.login(vault_dir, "admin", PASSWORD))


def test_setup_validates_every_field_before_writing(vault_dir: Path) -> None:
    bad = setup.StationInput("", STATION.code, STATION.kind)
    with pytest.raises(ValidationError) as info:
        setup.create_vault(vault_dir, bad, CUSTODIAN, device_binding=True, argon2=FAST)
    assert info.value.field == "station_name"
    weak = setup.CustodianInput("admin", "王管理", "12345678")
    with pytest.raises(ValidationError) as info:
        setup.create_vault(vault_dir, STATION, weak, device_binding=True, argon2=FAST)
    assert info.value.field == "password"
    assert not vault_dir.exists()


def test_database_settings_are_safe(custodian: accounts.SignedIn) -> None:
    engine = custodian.vault.engine
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


def test_vault_with_unsafe_settings_is_refused(
    created: SetupResult, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.logout(created.ctx)
    original = database._pragmas

    def unsafe(key_hex: str) -> list[str]:
        return [p.replace("synchronous = FULL", "synchronous = OFF") for p in original(key_hex)]

    monkeypatch.setattr(database, "_pragmas", unsafe)
    with pytest.raises(VaultError, match="unsafe"):
        accounts.login(vault_dir, "admin", PASSWORD)


def test_plain_sqlite_file_is_refused(created: SetupResult, vault_dir: Path) -> None:
    accounts.logout(created.ctx)
    db = VaultPaths(vault_dir).db
    db.unlink()
    plain = sqlcipher3.connect(str(db))  # no key: a plaintext SQLite file
    plain.execute("CREATE TABLE t(x)")
    plain.commit()
    plain.close()
    with pytest.raises(VaultError):
        accounts.login(vault_dir, "admin", PASSWORD)


def test_vault_from_newer_program_is_refused(created: SetupResult, vault_dir: Path) -> None:
    key = created.ctx.vault.data_key
    accounts.logout(created.ctx)
    raw = sqlcipher3.connect(str(VaultPaths(vault_dir).db))
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()
    with pytest.raises(VaultError, match="newer version"):
        accounts.login(vault_dir, "admin", PASSWORD)


def test_vault_made_by_the_oldest_schema_is_upgraded(vault_dir: Path) -> None:
    """Build a vault at revision 0001 by hand, then open it with today's program."""
    vault_dir.mkdir()
    paths = VaultPaths(vault_dir)
    header = Header.new(device_binding=False)
    data_key = bytes(range(32))
    header.set_user_slot("old", PASSWORD, b"", data_key, FAST)
    header.save(paths.header)
    engine = database.make_engine(paths.db, data_key)
    database.upgrade(engine, paths.db, paths.backups, target="0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO station_profile (id, name, code, kind, region, device_binding,"
            " created_at) VALUES (1, '老站点', 'OLD-01', 'township', '', 0, '2025-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO users (id, login, display_name, role, active, created_at)"
            " VALUES (1, 'old', '老管理员', 'custodian', 1, '2025-01-01')"
        )
    engine.dispose()

    ctx = accounts.login(vault_dir, "old", PASSWORD)
    try:
        assert database.current_revision(ctx.vault.engine) == database.head_revision()
        columns = {c["name"] for c in inspect(ctx.vault.engine).get_columns("users")}
        assert "must_change_password" in columns
        assert ctx.display_name == "老管理员" and not ctx.must_change_password
        from station.services import settings

        assert settings.profile(ctx).name == "老站点"
        assert settings.idle_lock_minutes(ctx) == 5
    finally:
        accounts.logout(ctx)
    backups = list(paths.backups.glob("*.db"))
    assert len(backups) == 1
    assert not backups[0].read_bytes().startswith(database.PLAINTEXT_MAGIC)


def test_closing_drops_the_key(custodian: accounts.SignedIn) -> None:
    vault = custodian.vault
    accounts.lock(custodian)
    assert not vault.is_open
    with pytest.raises(VaultError):
        _ = vault.data_key
    with pytest.raises(VaultError):
        _ = vault.engine


def test_rotating_the_recovery_key_retires_the_old_one(
    created: SetupResult, vault_dir: Path
) -> None:
    from station.services import recovery_sheet

    new_key = recovery_sheet.rotate(created.ctx)
    accounts.logout(created.ctx)
    with pytest.raises(VaultError, match="Wrong recovery key"):
        Vault.open_with_recovery(vault_dir, created.recovery_key)
    Vault.open_with_recovery(vault_dir, new_key).close()


def test_migrations_build_exactly_the_models(custodian: accounts.SignedIn) -> None:
    """A model changed without a migration would be caught here."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from station.models import Base

    with custodian.vault.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
