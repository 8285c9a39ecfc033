"""The recovery sheet for a freshly created vault (the only place the key is written)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from station.models.enums import STATION_KIND_LABELS
from station.reports.recovery_sheet import RecoverySheetInfo, write_recovery_sheet
from station.services import settings
from station.services.setup import SetupResult


def sheet_info(result: SetupResult) -> RecoverySheetInfo:
    profile = settings.profile(result.ctx)
    return RecoverySheetInfo(
        station_name=profile.name,
        station_code=profile.code,
        station_kind_label=STATION_KIND_LABELS[profile.kind],
        region=profile.region,
        vault_id=result.vault_id,
        recovery_key=result.recovery_key,
        signing_key_id=result.signing.key_id,
        signing_public_key=result.signing.public_key_line,
        signing_fingerprint=result.signing.fingerprint,
        created_at=datetime.now(),
    )


def write(result: SetupResult, out: Path | BinaryIO) -> None:
    write_recovery_sheet(out, sheet_info(result))
