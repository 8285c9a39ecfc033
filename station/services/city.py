"""The city office's workspace: trusted station keys, imported exports, city reports.

No vault and no Qt: the city side works on one folder, laid out as

    <folder>/keys/<STATIONCODE>.pub      trusted station keys (minisign format)
    <folder>/keys/pending-<KEYID>.pub    keys added before their station code was known
    <folder>/state.json                  accepted exports per station (sequence, month,
                                         manifest and stats.json SHA-256)
    <folder>/exports/<CODE>/<seq>/       the accepted exports' manifest.json, signature,
                                         stats.json and station.pub (kept to rebuild
                                         reports and to check them again)
    <folder>/city-identity.age           the city's age identity, passphrase-encrypted
    <folder>/city-recipient.txt          its public recipient (age1…), for the stations

Long calls (``import_exports``, ``write_reports``) take a second or more: the GUI runs
them in a worker. ``import_exports`` takes ``progress(done, total)`` and ``cancelled()``
callbacks; a cancelled import records nothing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyrage

from station.city import aggregate, outputs, verify
from station.city.registry import (
    PERIOD_RE,
    AcceptedExport,
    Registry,
    atomic_write,
    format_fingerprint,
    parse_public_key,
)
from station.errors import StationError
from station.services.validation import check_new_password

__all__ = [
    "AddedKey",
    "CityIdentity",
    "CityWorkspace",
    "ImportReport",
    "ImportedExport",
    "KeyCandidate",
    "StationEntry",
]

KEYS_DIR = "keys"
STATE_FILE = "state.json"
EXPORTS_DIR = "exports"
IDENTITY_FILE = "city-identity.age"
RECIPIENT_FILE = "city-recipient.txt"
_KEPT_FILES = (verify.MANIFEST, verify.SIGNATURE, verify.STATS, verify.STATION_PUB)


@dataclass(frozen=True)
class AddedKey:
    station_code: str | None  # None until the key's first export names its station
    key_id: str
    fingerprint: str  # SHA-256 of the raw key, hex, as on the station's recovery sheet

    @property
    def fingerprint_grouped(self) -> str:
        return format_fingerprint(self.fingerprint)


@dataclass(frozen=True)
class KeyCandidate:
    """A key read from an export, to be compared with the recovery sheet before adding."""

    station_code: str | None  # as the (not yet verified) manifest says
    key_id: str
    fingerprint: str
    pub_text: str

    @property
    def fingerprint_grouped(self) -> str:
        return format_fingerprint(self.fingerprint)


@dataclass(frozen=True)
class StationEntry:
    code: str | None  # None: a key waiting for its first export
    key_id: str | None  # None: exports recorded but the key file was removed
    fingerprint: str | None
    months: tuple[str, ...]  # months delivered, oldest first
    last_sequence: int | None


@dataclass(frozen=True)
class ImportedExport:
    source: str  # file or folder name
    station: str
    period: str
    sequence: int


@dataclass(frozen=True)
class ImportReport:
    accepted: tuple[ImportedExport, ...]
    rejected: tuple[tuple[str, str], ...]  # (file or folder name, one Chinese reason)

    @property
    def ok(self) -> bool:
        return not self.rejected


class CityIdentity:
    """The unlocked age identity; its text never shows in a repr or a log."""

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def secret(self) -> str:
        return self._secret

    def __repr__(self) -> str:
        return "CityIdentity(<hidden>)"


def _identity_text(identity: CityIdentity | str | None) -> str | None:
    if identity is None:
        return None
    return identity.secret() if isinstance(identity, CityIdentity) else identity


def _check_period(period: str) -> str:
    if not PERIOD_RE.match(period):
        raise StationError("月份格式应为 YYYY-MM。", "A month is written YYYY-MM.")
    return period


class CityWorkspace:
    """One city office folder (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.registry = Registry(folder / KEYS_DIR, folder / STATE_FILE)

    # -- keys ---------------------------------------------------------------------------
    def key_info(self, pub_text: str) -> KeyCandidate:
        """Key id and fingerprint of a public key text, without adding it."""
        key = parse_public_key(pub_text)
        return KeyCandidate(None, key.key_id, key.fingerprint, key.text())

    def key_from_export(self, path: Path, identity: CityIdentity | str | None) -> KeyCandidate:
        """The station.pub inside an export (first contact), to compare and then add.

        Nothing in the export is trusted yet: the fingerprint must be compared with the
        station's recovery sheet before :meth:`add_station_key`.
        """
        code, pub_text = verify.peek_export(path, _identity_text(identity))
        key = parse_public_key(pub_text)
        return KeyCandidate(code, key.key_id, key.fingerprint, key.text())

    def add_station_key(self, pub_text: str, station_code: str | None = None) -> AddedKey:
        """Trust a station's key (its fingerprint has been compared with the recovery sheet)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        trusted = self.registry.add_key(pub_text, station_code)
        return AddedKey(trusted.station_code, trusted.key_id, trusted.fingerprint)

    def stations(self) -> list[StationEntry]:
        accepted = self.registry.accepted()
        entries: list[StationEntry] = []
        seen: set[str] = set()
        for key in self.registry.trusted_keys():
            history = accepted.get(key.station_code, []) if key.station_code else []
            if key.station_code:
                seen.add(key.station_code)
            entries.append(
                StationEntry(
                    key.station_code,
                    key.key_id,
                    key.fingerprint,
                    tuple(sorted({a.period for a in history})),
                    history[-1].sequence if history else None,
                )
            )
        for code in sorted(set(accepted) - seen):
            history = accepted[code]
            entries.append(
                StationEntry(
                    code,
                    None,
                    None,
                    tuple(sorted({a.period for a in history})),
                    history[-1].sequence if history else None,
                )
            )
        return entries

    # -- imports ------------------------------------------------------------------------
    def import_exports(
        self,
        paths: Sequence[Path],
        identity: CityIdentity | str | None,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Verify and accept exports; the good ones are kept even when others are rejected."""
        result = verify.verify_batch(
            paths,
            _identity_text(identity),
            self.registry,
            progress=progress,
            cancelled=cancelled,
        )
        if cancelled is not None and cancelled():
            raise StationError("已取消，没有导入任何导出。", "Cancelled; nothing was imported.")
        for export in result.accepted:
            self._store(export)
        verify.commit(self.registry, result.accepted)
        return ImportReport(
            accepted=tuple(
                ImportedExport(e.source, e.station, e.period, e.sequence) for e in result.accepted
            ),
            rejected=tuple((name, exc.zh) for name, exc in result.rejected),
        )

    def _export_dir(self, station: str, sequence: int) -> Path:
        return self.folder / EXPORTS_DIR / station / f"{sequence:06d}"

    def _store(self, export: verify.VerifiedExport) -> None:
        """Keep the signed core of an accepted export (written aside, then renamed)."""
        target = self._export_dir(export.station, export.sequence)
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=".import-", dir=target.parent))
        try:
            for name in _KEPT_FILES:
                (temp / name).write_bytes(export.files[name])
            if target.exists():  # left by an import that stopped before recording it
                shutil.rmtree(target)
            os.replace(temp, target)
        except OSError:
            shutil.rmtree(temp, ignore_errors=True)
            raise StationError(
                "无法保存导入的导出（磁盘已满或没有写权限）。",
                "The imported export cannot be stored (disk full or no permission).",
            ) from None

    # -- reports ------------------------------------------------------------------------
    def months(self) -> list[str]:
        """Months with at least one accepted export, oldest first."""
        return sorted({a.period for items in self.registry.accepted().values() for a in items})

    def _latest_by_period(self) -> dict[str, dict[str, AcceptedExport]]:
        """period -> station -> the export used (the latest sequence of that month)."""
        result: dict[str, dict[str, AcceptedExport]] = {}
        for station, items in self.registry.accepted().items():
            for item in items:
                current = result.setdefault(item.period, {}).get(station)
                if current is None or item.sequence > current.sequence:
                    result[item.period][station] = item
        return result

    def _load(self, item: AcceptedExport) -> verify.StationStats:
        path = self._export_dir(item.station, item.sequence) / verify.STATS
        try:
            data = path.read_bytes()
        except OSError:
            raise StationError(
                f"找不到已接收的 {item.station} {item.period} 的数据，请重新导入该导出。",
                f"The stored data of {item.station} {item.period} are missing.",
            ) from None
        if hashlib.sha256(data).hexdigest() != item.stats_sha256:
            raise StationError(
                f"本地保存的 {item.station} {item.period} 的数据被改动过，请重新导入。",
                f"The stored data of {item.station} {item.period} were changed.",
            )
        return verify.read_stats(data)

    def report(self, period: str) -> aggregate.CityReport:
        """The city report for ``period`` (tables, trends up to it, completeness)."""
        _check_period(period)
        latest = self._latest_by_period()
        if period not in latest:
            raise StationError(
                f"{period} 还没有任何站点的导出。", f"No station export for {period} yet."
            )
        by_period = {
            p: [self._load(item) for _, item in sorted(stations.items())]
            for p, stations in latest.items()
            if p <= period
        }
        delivered = [
            (station, p, item.sequence)
            for p, stations in latest.items()
            for station, item in stations.items()
        ]
        codes = [k.station_code for k in self.registry.trusted_keys() if k.station_code]
        return aggregate.build_report(period, by_period, delivered, codes)

    def city_tables(self, period: str) -> aggregate.CityMonth:
        """The city tables of one month."""
        return self.report(period).month

    def trends(self, period: str) -> tuple[aggregate.TrendSeries, ...]:
        return self.report(period).trends

    def completeness(self) -> aggregate.Completeness:
        latest = self._latest_by_period()
        codes = [k.station_code for k in self.registry.trusted_keys() if k.station_code]
        return aggregate.completeness(
            [
                (s, p, item.sequence)
                for p, stations in latest.items()
                for s, item in stations.items()
            ],
            codes,
        )

    def write_reports(self, period: str, out_dir: Path) -> outputs.ReportFiles:
        """Write ``city-<period>.xlsx`` and ``city-<period>.pdf`` into ``out_dir``."""
        return outputs.write_report(self.report(period), out_dir)

    # -- the city's age identity -----------------------------------------------------------
    def has_identity(self) -> bool:
        return (self.folder / IDENTITY_FILE).is_file()

    def create_identity(self, passphrase: str) -> str:
        """Make the city's age key pair; returns the recipient (age1…) for the stations.

        The identity is stored encrypted with ``passphrase`` (age scrypt). An existing
        identity is never replaced: exports already encrypted to it would become unreadable.
        """
        if self.has_identity():
            raise StationError(
                "本市办公室的身份密钥已经存在，不能覆盖。",
                "The city office's identity exists already; it is never replaced.",
            )
        check_new_password(passphrase, field="passphrase")
        identity = pyrage.x25519.Identity.generate()
        recipient = str(identity.to_public())
        sealed: bytes = pyrage.passphrase.encrypt(str(identity).encode("ascii"), passphrase)
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.folder / RECIPIENT_FILE, (recipient + "\n").encode("ascii"))
        atomic_write(self.folder / IDENTITY_FILE, sealed)
        return recipient

    def recipient(self) -> str | None:
        """The city's age recipient (age1…) to give to the stations, if created."""
        path = self.folder / RECIPIENT_FILE
        if not path.is_file():
            return None
        return path.read_text(encoding="ascii").strip() or None

    def unlock_identity(self, passphrase: str) -> CityIdentity:
        """The identity for :meth:`import_exports` of encrypted exports."""
        path = self.folder / IDENTITY_FILE
        if not path.is_file():
            raise StationError(
                "还没有创建本市办公室的身份密钥。", "The city office has no identity yet."
            )
        try:
            secret = pyrage.passphrase.decrypt(path.read_bytes(), passphrase).decode("ascii")
        except (pyrage.DecryptError, UnicodeDecodeError, OSError):
            raise StationError("口令不正确。", "Wrong passphrase.") from None
        return CityIdentity(secret.strip())
