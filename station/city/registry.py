"""The city office's registry: the stations' trusted public keys and the exports accepted.

A registry is two things on disk:

* a keys folder with one minisign public key file per station, ``<STATIONCODE>.pub``
  (``station aggregate --keys DIR`` reads such a folder). A key added before its station
  code is known (first contact: the fingerprint was compared over the telephone with the
  station's recovery sheet, but the code was not typed in) is kept as
  ``pending-<KEYID>.pub`` and bound to the station code of the first export it verifies,
  provided that station has no other key;
* a small JSON state file with, per station, every accepted export: sequence number,
  period, SHA-256 of its ``manifest.json`` and of its ``stats.json``. It is what makes a
  replayed, skipped or altered re-export detectable on a later day.

The fingerprint is the SHA-256 of the raw 32-byte Ed25519 public key, as lower-case hex:
the same figure ``station.services.signing`` prints on the recovery sheet.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from station.errors import StationError

__all__ = [
    "PENDING_PREFIX",
    "STATE_FORMAT",
    "STATION_CODE_RE",
    "AcceptedExport",
    "PublicKey",
    "Registry",
    "TrustedKey",
    "atomic_write",
    "fingerprint",
    "format_fingerprint",
    "parse_public_key",
]

PUB_SUFFIX = ".pub"
PENDING_PREFIX = "pending-"
STATE_FORMAT = "station-city-state/1"
# Same rule as station.services.validation (kept here: the city side needs no vault code).
STATION_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{1,19}$")
KEY_ID_RE = re.compile(r"^[0-9A-F]{16}$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
PERIOD_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

_MAX_KEY_TEXT = 4096
_MAX_STATE_BYTES = 16 * 1024 * 1024
_UNTRUSTED_PREFIX = "untrusted comment: "
_KEY_ALGORITHM = b"Ed"  # minisign public keys always say "Ed"; signatures say "ED" or "Ed"


@dataclass(frozen=True)
class PublicKey:
    """A minisign Ed25519 public key."""

    key_id: str  # as minisign prints it: 16 upper-case hex digits (little-endian id)
    key_id_raw: bytes  # the 8 bytes as they appear in keys and signatures
    public_raw: bytes  # the 32-byte Ed25519 key

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.public_raw).hexdigest()

    def text(self) -> str:
        """The key in minisign's two-line format."""
        line = base64.b64encode(_KEY_ALGORITHM + self.key_id_raw + self.public_raw).decode("ascii")
        return f"{_UNTRUSTED_PREFIX}minisign public key {self.key_id}\n{line}\n"


@dataclass(frozen=True)
class TrustedKey:
    station_code: str | None  # None: added at first contact, bound by its first export
    key: PublicKey

    @property
    def key_id(self) -> str:
        return self.key.key_id

    @property
    def fingerprint(self) -> str:
        return self.key.fingerprint


@dataclass(frozen=True)
class AcceptedExport:
    station: str
    sequence: int
    period: str  # "YYYY-MM"
    manifest_sha256: str
    stats_sha256: str


def _bad_key(detail_zh: str, detail_en: str) -> StationError:
    return StationError(
        f"公钥格式不正确：{detail_zh}（应为 minisign 公钥文件的内容）。",
        f"Not a valid minisign public key: {detail_en}.",
    )


def parse_public_key(text: str | bytes) -> PublicKey:
    """Read a minisign public key: the two-line file, or only its base64 line."""
    if isinstance(text, bytes):
        if len(text) > _MAX_KEY_TEXT:
            raise _bad_key("内容过长", "too long")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise _bad_key("不是文本", "not text") from None
    if len(text) > _MAX_KEY_TEXT:
        raise _bad_key("内容过长", "too long")
    lines = [line.strip() for line in text.lstrip("\ufeff").strip().splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 2 and lines[0].startswith(_UNTRUSTED_PREFIX.strip()):
        lines = lines[1:]
    if len(lines) != 1:
        raise _bad_key("应为两行", "expected two lines")
    try:
        raw = base64.b64decode(lines[0], validate=True)
    except (binascii.Error, ValueError):
        raise _bad_key("base64 编码错误", "bad base64") from None
    if base64.b64encode(raw).decode("ascii") != lines[0]:
        raise _bad_key("base64 编码不规范", "non-canonical base64")
    if len(raw) != 42 or raw[:2] != _KEY_ALGORITHM:
        raise _bad_key("长度或算法不对", "wrong length or algorithm")
    key_id_raw = raw[2:10]
    return PublicKey(
        key_id=key_id_raw[::-1].hex().upper(), key_id_raw=key_id_raw, public_raw=raw[10:]
    )


def fingerprint(pub_text: str | bytes) -> str:
    """SHA-256 of the raw public key, lower-case hex: as on the station's recovery sheet."""
    return parse_public_key(pub_text).fingerprint


def format_fingerprint(value: str, group: int = 4) -> str:
    """The fingerprint in groups of four, as read out over the telephone."""
    return " ".join(value[i : i + group] for i in range(0, len(value), group))


def check_station_code(code: str) -> str:
    value = code.strip()
    if not STATION_CODE_RE.match(value):
        raise StationError(
            "站点编码须为 2-20 位字母、数字或连字符，例如 CX-ZH01。",
            "A station code is 2-20 letters, digits or hyphens.",
        )
    return value


def atomic_write(path: Path, data: bytes) -> None:
    """Write beside the target and rename: a crash leaves the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _state_error() -> StationError:
    return StationError(
        "已接收导出的记录文件已损坏，请从备份恢复。",
        "The record of accepted exports is damaged; restore it from a backup.",
    )


class Registry:
    """Trusted keys in ``keys_dir`` and the accepted exports in ``state_path``."""

    def __init__(self, keys_dir: Path, state_path: Path) -> None:
        self.keys_dir = keys_dir
        self.state_path = state_path

    # -- keys -------------------------------------------------------------------
    def trusted_keys(self) -> list[TrustedKey]:
        """Every key in the folder, stations first (by code), then pending keys."""
        if not self.keys_dir.is_dir():
            return []
        keys: list[TrustedKey] = []
        for path in sorted(self.keys_dir.iterdir()):
            if path.suffix != PUB_SUFFIX or not path.is_file() or path.name.startswith("."):
                continue
            stem = path.stem
            if stem.startswith(PENDING_PREFIX):
                code: str | None = None
            elif STATION_CODE_RE.match(stem):
                code = stem
            else:
                continue  # not a station's key file: not trusted for anything
            try:
                key = parse_public_key(path.read_bytes()[: _MAX_KEY_TEXT + 1])
            except StationError as exc:
                raise StationError(
                    f"公钥文件 {path.name} 无法读取：{exc.zh}",
                    f"Key file {path.name} cannot be read: {exc.en}",
                ) from None
            keys.append(TrustedKey(code, key))
        keys.sort(key=lambda k: (k.station_code is None, k.station_code or "", k.key_id))
        return keys

    def key_by_id(self, key_id: str) -> TrustedKey | None:
        for key in self.trusted_keys():
            if key.key_id == key_id:
                return key
        return None

    def key_for_station(self, code: str) -> TrustedKey | None:
        for key in self.trusted_keys():
            if key.station_code == code:
                return key
        return None

    def add_key(
        self, pub_text: str, station_code: str | None = None, *, replace: bool = False
    ) -> TrustedKey:
        """Trust a station's key (after its fingerprint was compared with the recovery sheet).

        Adding the same key again is harmless. A station that already has another key
        keeps it unless ``replace`` (a new station PC, a lost vault).
        """
        key = parse_public_key(pub_text)
        code = check_station_code(station_code) if station_code else None
        existing = self.key_by_id(key.key_id)
        if existing is not None:
            if existing.key.public_raw != key.public_raw:
                raise StationError(
                    f"已登记了另一把编号相同（{key.key_id}）的公钥。",
                    f"Another key with the id {key.key_id} is registered.",
                )
            if code is None or existing.station_code == code:
                return existing
            if existing.station_code is not None:
                raise StationError(
                    f"这把公钥已登记给站点 {existing.station_code}。",
                    f"This key is registered to station {existing.station_code}.",
                )
            return self.bind(key.key_id, code)
        if code is not None:
            current = self.key_for_station(code)
            if current is not None and not replace:
                raise StationError(
                    f"站点 {code} 已登记了另一把公钥（{current.key_id}）；确认换了密钥再替换。",
                    f"Station {code} already has another key ({current.key_id}).",
                )
        name = f"{code}{PUB_SUFFIX}" if code else f"{PENDING_PREFIX}{key.key_id}{PUB_SUFFIX}"
        atomic_write(self.keys_dir / name, key.text().encode("ascii"))
        return TrustedKey(code, key)

    def bind(self, key_id: str, station_code: str) -> TrustedKey:
        """Give a pending key its station code (the first export it verified)."""
        code = check_station_code(station_code)
        pending = self.keys_dir / f"{PENDING_PREFIX}{key_id}{PUB_SUFFIX}"
        key = self.key_by_id(key_id)
        if key is None or key.station_code is not None or not pending.is_file():
            raise StationError("没有待确认的这把公钥。", "No pending key with this id.")
        current = self.key_for_station(code)
        if current is not None:
            raise StationError(
                f"站点 {code} 已登记了另一把公钥。", f"Station {code} already has another key."
            )
        atomic_write(self.keys_dir / f"{code}{PUB_SUFFIX}", key.key.text().encode("ascii"))
        pending.unlink()
        return TrustedKey(code, key.key)

    # -- accepted exports ------------------------------------------------------
    def accepted(self) -> dict[str, list[AcceptedExport]]:
        """Accepted exports per station code, in sequence order."""
        if not self.state_path.exists():
            return {}
        try:
            size = self.state_path.stat().st_size
            if size > _MAX_STATE_BYTES:
                raise _state_error()
            data = json.loads(self.state_path.read_bytes())
        except (OSError, ValueError, RecursionError):
            raise _state_error() from None
        return _parse_state(data)

    def history(self, station: str) -> list[AcceptedExport]:
        return self.accepted().get(station, [])

    def record(self, exports: Iterable[AcceptedExport]) -> None:
        """Add accepted exports to the state file (one atomic write)."""
        state = self.accepted()
        for item in exports:
            state.setdefault(item.station, []).append(item)
        atomic_write(self.state_path, _dump_state(state))


def _parse_state(data: object) -> dict[str, list[AcceptedExport]]:
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        raise _state_error()
    stations = data.get("stations")
    if not isinstance(stations, dict):
        raise _state_error()
    result: dict[str, list[AcceptedExport]] = {}
    for code, items in stations.items():
        if not isinstance(code, str) or not STATION_CODE_RE.match(code):
            raise _state_error()
        if not isinstance(items, list):
            raise _state_error()
        parsed: list[AcceptedExport] = []
        for item in items:
            if not isinstance(item, dict):
                raise _state_error()
            sequence = item.get("sequence")
            period = item.get("period")
            manifest = item.get("manifest_sha256")
            stats = item.get("stats_sha256")
            if (
                not isinstance(sequence, int)
                or isinstance(sequence, bool)
                or not isinstance(period, str)
                or not PERIOD_RE.match(period)
                or not isinstance(manifest, str)
                or not SHA256_RE.match(manifest)
                or not isinstance(stats, str)
                or not SHA256_RE.match(stats)
            ):
                raise _state_error()
            parsed.append(AcceptedExport(code, sequence, period, manifest, stats))
        parsed.sort(key=lambda a: a.sequence)
        result[code] = parsed
    return result


def _dump_state(state: dict[str, list[AcceptedExport]]) -> bytes:
    stations: dict[str, list[dict[str, object]]] = {}
    for code in sorted(state):
        items: Sequence[AcceptedExport] = sorted(state[code], key=lambda a: a.sequence)
        stations[code] = [
            {
                "sequence": a.sequence,
                "period": a.period,
                "manifest_sha256": a.manifest_sha256,
                "stats_sha256": a.stats_sha256,
            }
            for a in items
        ]
    text = json.dumps(
        {"format": STATE_FORMAT, "stations": stations}, ensure_ascii=False, indent=1, sort_keys=True
    )
    return (text + "\n").encode("utf-8")
