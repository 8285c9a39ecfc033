"""The recovery sheet: the only place the recovery key is ever written."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from station.models.enums import STATION_KIND_LABELS, Role
from station.reports.recovery_sheet import RecoverySheetInfo, write_recovery_sheet
from station.services import audit, settings, signing
from station.services.context import SignedIn
from station.vault.recovery_key import new_recovery_key, parse_recovery_key


def sheet_info(ctx: SignedIn, recovery_key: str) -> RecoverySheetInfo:
    profile = settings.profile(ctx)
    with ctx.vault.transaction() as s:
        key = signing.info(s)
    return RecoverySheetInfo(
        station_name=profile.name,
        station_code=profile.code,
        station_kind_label=STATION_KIND_LABELS[profile.kind],
        region=profile.region,
        vault_id=profile.vault_id,
        recovery_key=recovery_key,
        signing_key_id=key.key_id,
        signing_public_key=key.public_key_line,
        signing_fingerprint=key.fingerprint,
        created_at=datetime.now(),
    )


def write(ctx: SignedIn, recovery_key: str, out: Path | BinaryIO) -> None:
    """Write the sheet (to a path the user chose, or to a buffer for printing)."""
    write_recovery_sheet(out, sheet_info(ctx, recovery_key))


def rotate(ctx: SignedIn) -> str:
    """Replace the recovery key (a sheet was lost); the old key stops working at once."""
    ctx.require(Role.CUSTODIAN)
    key = new_recovery_key()
    vault = ctx.vault
    with vault.transaction() as s:
        audit.record(s, ctx, "recovery_rotate")
        vault.header.set_recovery_slot(parse_recovery_key(key), vault.data_key)
        vault.save_header()
    return key
