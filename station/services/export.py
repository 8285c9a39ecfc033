"""The monthly export to the city office: build, sign, encrypt, write, record.

``export_month`` is the one use case (custodian or station lead):

1. ``statistics.finalise`` releases the month (or returns the release made before: a
   re-export carries the same stats.json bytes) and the document is checked again here
   (schema, and every published count outside 1..k−1: a last guard at the door);
2. stats.xlsx and summary.pdf are made from that document alone, in memory;
3. the manifest lists every file's SHA-256, the next sequence number and the SHA-256
   of the previous export's manifest, and is signed with the station key (minisign);
4. with the city office's age recipient set, the folder is packed into a deterministic
   tar and encrypted (sign first, encrypt second); without it the folder stays plain
   and the result says so;
5. ``usb.write_export`` writes it under a temporary name, reads it back, checks it
   (hashes, and for a folder the signature) and renames it;
6. only then, in one transaction, the ExportLog row and the "stats_export" audit entry.

So a failed or cancelled write consumes no sequence number and leaves no log row. If
that last transaction fails (for instance a second export took the same number at the
same moment), the written export is removed again before the error is raised.

Nothing here writes personal data anywhere: the export is made from the statistics
document only, in memory, and file names carry the station code, month and sequence.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from station.errors import StationError, ValidationError
from station.export import files as export_files
from station.export import package, usb
from station.models import ExportLog, Setting, StationKey, StationProfile, User
from station.models.enums import Role
from station.services import audit, signing
from station.services.context import SignedIn

__all__ = [
    "CITY_RECIPIENT_KEY",
    "Drive",
    "ExportCancelled",
    "ExportLogView",
    "ExportResult",
    "city_recipient",
    "export_log",
    "export_month",
    "removable_drives",
    "set_city_recipient",
]

CITY_RECIPIENT_KEY = "city_recipient"
SCHEMA = "station-stats/1"
_MIN_K = 3

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
# For the export screen: the drive list and the exception a cancel ends with.
Drive = usb.Drive
ExportCancelled = usb.ExportCancelled


@dataclass(frozen=True)
class ExportResult:
    path: Path  # the folder, or the .tar.age archive, on the target drive
    sequence: int
    encrypted: bool
    files: dict[str, str]  # name → SHA-256 (the folder's files; plus the archive's)
    period: str  # "YYYY-MM"
    manifest_sha256: str

    @property
    def not_encrypted_reason(self) -> str:
        """A sentence for the user when the export is not encrypted, else ""."""
        if self.encrypted:
            return ""
        return "尚未设置市办公室公钥：本次导出已签名，但没有加密。"


@dataclass(frozen=True)
class ExportLogView:
    sequence: int
    period: str  # "YYYY-MM"
    created_at: str  # local time, "YYYY-MM-DD HH:MM" (shown in the vault only)
    user: str  # the exporting user's display name
    encrypted: bool
    files: dict[str, str]
    manifest_sha256: str
    release_id: int


def removable_drives() -> list[usb.Drive]:
    """Removable drives to offer as targets (USB sticks, card readers with a card)."""
    return usb.removable_drives()


# -- the city office's key ------------------------------------------------------------
def city_recipient(ctx: SignedIn) -> str | None:
    """The city office's age recipient (``age1…``), or None when none is set."""
    ctx.require(Role.CUSTODIAN, Role.LEAD)
    with ctx.vault.transaction() as s:
        return _recipient(s)


def _recipient(session: Session) -> str | None:
    row = session.get(Setting, CITY_RECIPIENT_KEY)
    return row.value if row is not None and row.value else None


def set_city_recipient(ctx: SignedIn, text: str) -> str | None:
    """Set (or, with empty text, remove) the city office's age recipient; audited.

    Returns the stored recipient. ValidationError when the text is not an age X25519
    recipient.
    """
    ctx.require(Role.CUSTODIAN)
    value: str | None = None
    if text.strip():
        try:
            value = package.check_recipient(text)
        except package.PackageError as exc:
            raise ValidationError(exc.zh, exc.en, field="city_recipient") from exc
    with ctx.vault.transaction() as s:
        row = s.get(Setting, CITY_RECIPIENT_KEY)
        if value is None:
            if row is not None:
                s.delete(row)
            detail = "cleared"
        else:
            if row is None:
                s.add(Setting(key=CITY_RECIPIENT_KEY, value=value))
            else:
                row.value = value
            detail = value[:16] + "…"
        audit.record(s, ctx, "city_key_set", "setting", CITY_RECIPIENT_KEY, detail)
    return value


# -- exporting ----------------------------------------------------------------------
def _finalise(ctx: SignedIn, year: int, month: int, expected: bytes | None) -> tuple[int, bytes]:
    """(release id, exact stats.json bytes) of the month's release."""
    from station.services import statistics

    release = statistics.finalise(ctx, year, month, expected=expected)
    return release.release_id, release.data


def _validate(document: Any) -> None:
    from station.statistics.document import validate_document

    validate_document(document)


def _problem(en: str) -> StationError:
    return StationError(
        "统计文件未通过导出前检查，未导出。请联系技术支持。",
        f"The statistics document failed the export check; nothing was exported ({en}).",
    )


def _check_document(document: Any, code: str, period: str) -> dict[str, Any]:
    """The export's own last check on what leaves: the schema (no full dates, counts or
    "*"), the right station and month, and no published count from 1 to k−1 (whatever
    the statistics code did)."""
    _validate(document)  # StationError unless a well-formed stats.json document
    assert isinstance(document, dict)
    if document["station"]["code"] != code:
        raise _problem("station code differs from this vault's")
    if document["period"] != period or document["schema"] != SCHEMA:
        raise _problem("period or schema differs")
    policy = document["policy"]
    for table_id, table in document["tables"].items():
        k = max(
            _MIN_K, policy["k_sensitive" if table["sensitivity"] == "sensitive" else "k_standard"]
        )
        for scope in ("month", "ytd"):
            for row in table.get(scope, {}).values():
                for value in row.values():
                    if isinstance(value, int) and 1 <= value < k:
                        raise _problem(f"table {table_id}: an unsuppressed count below k")
    return document


@dataclass(frozen=True)
class _State:
    code: str
    key: package.SigningKey
    public_key_text: str
    sequence: int
    previous: str | None
    recipient: str | None


def _state(session: Session) -> _State:
    profile = session.scalars(select(StationProfile)).one()
    station_key = session.scalars(
        select(StationKey).where(StationKey.purpose == signing.PURPOSE)
    ).one()
    key = package.SigningKey(
        key_id=bytes.fromhex(station_key.key_id),
        private_raw=bytes(station_key.private_key),
        public_raw=bytes(station_key.public_key),
    )
    last = session.scalars(select(ExportLog).order_by(ExportLog.sequence.desc()).limit(1)).first()
    return _State(
        code=profile.code,
        key=key,
        public_key_text=key.public_key_text(),
        sequence=(last.sequence + 1) if last is not None else 1,
        previous=last.manifest_sha256 if last is not None else None,
        recipient=_recipient(session),
    )


def _check_period(year: int, month: int) -> str:
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise ValidationError(
            "统计月份不正确。", "The month to export is not valid.", field="month"
        )
    return f"{year:04d}-{month:02d}"


def export_month(
    ctx: SignedIn,
    year: int,
    month: int,
    out_dir: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    expected: bytes | None = None,
) -> ExportResult:
    """Export one month's statistics into ``out_dir`` (a USB drive or any folder).

    ``progress(done, total)``: first (0, 0) while the files are built (show a busy
    bar), then bytes written and read back, ending with done == total. ``cancelled()``
    is polled between steps and chunks; when true, :class:`usb.ExportCancelled` is
    raised and nothing is left in ``out_dir`` (the month may have been released by
    then: a later export of it carries the same figures).

    ``expected``: the stats.json bytes the user saw in ``statistics.preview``; an
    unreleased month is then released only if its figures are still exactly those.
    """
    ctx.require(Role.CUSTODIAN, Role.LEAD)
    period = _check_period(year, month)
    is_cancelled: Cancelled = cancelled if cancelled is not None else (lambda: False)
    if progress is not None:
        progress(0, 0)
    if not out_dir.is_dir():
        raise StationError(
            "导出位置不存在或不是文件夹（U盘是否已插好？）。",
            "The export location does not exist or is not a folder.",
        )
    if is_cancelled():
        raise usb.ExportCancelled
    release_id, stats_json = _finalise(ctx, year, month, expected)
    with ctx.vault.transaction() as s:
        state = _state(s)
    try:
        document = json.loads(stats_json)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _problem("stats.json is not JSON") from exc
    _check_document(document, state.code, period)

    if is_cancelled():
        raise usb.ExportCancelled
    data_files = {
        package.STATS_JSON: stats_json,
        package.STATS_XLSX: export_files.build_xlsx(document),
    }
    if is_cancelled():
        raise usb.ExportCancelled
    data_files[package.STATS_PDF] = export_files.build_pdf(document)
    folder = package.sign_folder(
        data_files,
        station=state.code,
        period=period,
        sequence=state.sequence,
        schema=SCHEMA,
        previous=state.previous,
        key=state.key,
    )
    package.verify_folder(folder, state.public_key_text)  # never write a bad signature
    hashes = {name: package.sha256(content) for name, content in folder.items()}
    manifest_sha256 = hashes[package.MANIFEST]
    name = package.folder_name(state.code, period, state.sequence)

    to_write: Mapping[str, bytes]
    if state.recipient is not None:
        archive = package.encrypt(package.tar_bytes(name, folder), state.recipient)
        name = package.archive_name(state.code, period, state.sequence)
        hashes[name] = package.sha256(archive)
        to_write = {name: archive}

        def check(read: Mapping[str, bytes]) -> None:
            # write_export compared every byte read back with the archive; the
            # signature inside was checked before encryption.
            return None

    else:
        to_write = folder

        def check(read: Mapping[str, bytes]) -> None:
            package.verify_folder(read, state.public_key_text)

    if is_cancelled():
        raise usb.ExportCancelled
    path = usb.write_export(to_write, out_dir, name, check, progress, is_cancelled)
    try:
        _record(ctx, state, release_id, year, month, hashes, manifest_sha256)
    except BaseException:
        usb.remove_written(path)
        raise
    return ExportResult(
        path=path,
        sequence=state.sequence,
        encrypted=state.recipient is not None,
        files=hashes,
        period=period,
        manifest_sha256=manifest_sha256,
    )


def _record(
    ctx: SignedIn,
    state: _State,
    release_id: int,
    year: int,
    month: int,
    hashes: dict[str, str],
    manifest_sha256: str,
) -> None:
    """The log row and the audit entry, in one transaction, after the write verified."""
    busy = StationError(
        "另一次导出同时进行，本次导出已撤回，请重新导出。",
        "Another export took the same sequence number; this one was withdrawn. Export again.",
    )
    try:
        with ctx.vault.transaction() as s:
            last = s.scalar(select(func.max(ExportLog.sequence)))
            if (last or 0) + 1 != state.sequence:
                raise busy
            row = ExportLog(
                sequence=state.sequence,
                release_id=release_id,
                year=year,
                month=month,
                files=json.dumps(hashes, sort_keys=True),
                manifest_sha256=manifest_sha256,
                encrypted=state.recipient is not None,
                created_by=ctx.user_id,
            )
            s.add(row)
            s.flush()
            detail = f"{year:04d}-{month:02d} " + (
                "encrypted" if state.recipient is not None else "signed, not encrypted"
            )
            audit.record(s, ctx, "stats_export", "export", state.sequence, detail)
    except IntegrityError as exc:
        raise busy from exc


# -- the log --------------------------------------------------------------------------
def export_log(ctx: SignedIn) -> list[ExportLogView]:
    """Every export written, newest first."""
    ctx.require(Role.CUSTODIAN, Role.LEAD)
    with ctx.vault.transaction() as s:
        rows = s.execute(
            select(ExportLog, User.display_name)
            .outerjoin(User, User.id == ExportLog.created_by)
            .order_by(ExportLog.sequence.desc())
        ).all()
        return [
            ExportLogView(
                sequence=row.sequence,
                period=f"{row.year:04d}-{row.month:02d}",
                created_at=row.created_at.replace(tzinfo=UTC)
                .astimezone()
                .strftime("%Y-%m-%d %H:%M"),
                user=display_name or "",
                encrypted=row.encrypted,
                files=dict(json.loads(row.files)),
                manifest_sha256=row.manifest_sha256,
                release_id=row.release_id,
            )
            for row, display_name in rows
        ]
