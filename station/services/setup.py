"""Creating a vault: station profile, custodian account, recovery key, signing key."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from station.errors import StationError, VaultError
from station.models import Setting, StationProfile, User
from station.models.enums import Role, StationKind
from station.models.station import SettingDefaults
from station.services import audit, signing
from station.services.context import SignedIn
from station.services.signing import SigningKeyInfo
from station.services.validation import (
    check_login,
    check_new_password,
    check_station_code,
    check_text,
)
from station.vault import device_secret
from station.vault.crypto import Argon2Params, calibrate_argon2
from station.vault.recovery_key import new_recovery_key, parse_recovery_key
from station.vault.vault import Vault, VaultPaths


@dataclass(frozen=True)
class StationInput:
    name: str
    code: str
    kind: StationKind
    region: str = ""


@dataclass(frozen=True)
class CustodianInput:
    login: str
    display_name: str
    password: str


@dataclass(frozen=True)
class SetupResult:
    ctx: SignedIn
    recovery_key: str  # shown once; never written to disk by the program
    signing: SigningKeyInfo
    vault_id: str


def validate(station: StationInput, custodian: CustodianInput) -> tuple[StationInput, str, str]:
    """Check every field before anything is written; return cleaned values."""
    cleaned = StationInput(
        name=check_text(station.name, "station_name", "站点名称", 100),
        code=check_station_code(station.code),
        kind=StationKind(station.kind),
        region=check_text(station.region, "region", "所属地区", 100, required=False),
    )
    login = check_login(custodian.login)
    display = check_text(custodian.display_name, "display_name", "显示名", 30)
    check_new_password(custodian.password, login)
    return cleaned, login, display


def credential_store_ready() -> bool:
    return device_secret.describe_store().usable


def create_vault(
    root: Path,
    station: StationInput,
    custodian: CustodianInput,
    *,
    device_binding: bool,
    argon2: Argon2Params | None = None,
) -> SetupResult:
    cleaned, login, display = validate(station, custodian)
    if VaultPaths(root).header.exists() or VaultPaths(root).db.exists():
        raise VaultError("此文件夹中已有档案库。", "A vault already exists in this folder.")
    if device_binding and not credential_store_ready():
        raise VaultError(
            "本机没有可用的系统凭据存储，无法绑定设备。如确认不绑定设备，请明确选择“不绑定设备”。",
            "No usable credential store: choose explicitly to run without device binding.",
        )
    created_root = not root.exists()
    params = argon2 or calibrate_argon2()
    vault: Vault | None = None
    try:
        vault = Vault.create(root, device_binding=device_binding)
        recovery_key = new_recovery_key()
        vault.header.set_recovery_slot(parse_recovery_key(recovery_key), vault.data_key)
        vault.header.set_user_slot(
            login, custodian.password, vault.device_secret_for_slots(), vault.data_key, params
        )
        with vault.transaction() as s:
            s.add(
                StationProfile(
                    name=cleaned.name,
                    code=cleaned.code,
                    kind=cleaned.kind.value,
                    region=cleaned.region,
                    device_binding=device_binding,
                )
            )
            s.add(Setting(key="idle_lock_minutes", value=str(SettingDefaults.IDLE_LOCK_MINUTES)))
            user = User(login=login, display_name=display, role=Role.CUSTODIAN.value)
            s.add(user)
            s.flush()
            key_info = signing.create(s)
            ctx = SignedIn(vault, user.id, login, display, Role.CUSTODIAN)
            audit.record(s, ctx, "setup", "station", 1, "device binding" if device_binding else "")
            vault.save_header()
    except (StationError, OSError):
        _remove_partial(root, created_root, vault)
        raise
    return SetupResult(ctx, recovery_key, key_info, vault.header.vault_id)


def _remove_partial(root: Path, created_root: bool, vault: Vault | None) -> None:
    """A failed setup leaves nothing behind, so the user can simply try again."""
    if vault is not None:
        vault.close()
        if vault.header.device_binding:
            device_secret.delete(vault.header.vault_id)
    if created_root:
        shutil.rmtree(root, ignore_errors=True)
        return
    paths = VaultPaths(root)
    for path in (
        paths.db,
        paths.header,
        paths.anchor,
        paths.db.with_name("vault.db-wal"),
        paths.db.with_name("vault.db-shm"),
    ):
        path.unlink(missing_ok=True)
