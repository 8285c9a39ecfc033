"""The export package: manifest, signature, deterministic tar and age encryption.

An export is first a set of files in memory (the folder's content); the manifest lists
the SHA-256 of each and chains to the previous export's manifest; the manifest is signed
(minisign format); then, when the city office's age recipient is set, the whole folder is
packed into a deterministic tar and encrypted to that recipient (sign first, encrypt
second). Nothing here touches the disk or the vault.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
from collections.abc import Mapping
from dataclasses import dataclass

import pyrage

from station.errors import StationError
from station.export import minisign_format

__all__ = [
    "ALL_FILES",
    "DATA_FILES",
    "FORMAT",
    "MANIFEST",
    "SIGNATURE",
    "STATION_PUB",
    "STATS_JSON",
    "STATS_PDF",
    "STATS_XLSX",
    "PackageError",
    "SigningKey",
    "archive_name",
    "check_recipient",
    "encrypt",
    "folder_name",
    "manifest_bytes",
    "read_tar",
    "sha256",
    "sign_folder",
    "tar_bytes",
    "trusted_comment",
    "verify_folder",
]

FORMAT = "station-export/1"
STATS_JSON = "stats.json"
STATS_XLSX = "stats.xlsx"
STATS_PDF = "summary.pdf"
STATION_PUB = "station.pub"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
DATA_FILES = (STATS_JSON, STATION_PUB, STATS_XLSX, STATS_PDF)  # listed in the manifest
ALL_FILES = (*DATA_FILES, MANIFEST, SIGNATURE)
ARCHIVE_SUFFIX = ".tar.age"
_PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DIR_MODE = 0o755
_FILE_MODE = 0o644


class PackageError(StationError):
    """An export folder or archive is not what the format says."""


@dataclass(frozen=True)
class SigningKey:
    """The station's raw Ed25519 key (from the vault's StationKey)."""

    key_id: bytes  # 8 bytes, as minisign stores them
    private_raw: bytes
    public_raw: bytes

    @property
    def key_id_text(self) -> str:
        return minisign_format.key_id_text(self.key_id)

    def public_key_text(self) -> str:
        return minisign_format.public_key_text(self.key_id, self.public_raw)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check(code: str, period: str, sequence: int) -> None:
    if not _PERIOD_RE.match(period):
        raise ValueError("period must be YYYY-MM")
    if sequence < 1:
        raise ValueError("sequence starts at 1")
    if not code or not all(c.isascii() and (c.isalnum() or c == "-") for c in code):
        raise ValueError("a station code is ASCII letters, digits and hyphens")


def folder_name(code: str, period: str, sequence: int) -> str:
    """``station-<CODE>-<YYYY-MM>-<seq:06d>``."""
    _check(code, period, sequence)
    return f"station-{code}-{period}-{sequence:06d}"


def archive_name(code: str, period: str, sequence: int) -> str:
    return folder_name(code, period, sequence) + ARCHIVE_SUFFIX


def trusted_comment(code: str, period: str, sequence: int) -> str:
    _check(code, period, sequence)
    return f"station {code} period {period} sequence {sequence}"


def manifest_bytes(
    *,
    station: str,
    key_id: str,
    period: str,
    sequence: int,
    schema: str,
    files: Mapping[str, str],
    previous: str | None,
) -> bytes:
    """manifest.json: UTF-8, sorted keys, two-space indent, final newline; no timestamp."""
    _check(station, period, sequence)
    manifest = {
        "format": FORMAT,
        "station": station,
        "key_id": key_id,
        "period": period,
        "sequence": sequence,
        "schema": schema,
        "files": dict(sorted(files.items())),
        "previous": previous,
    }
    return (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def sign_folder(
    data_files: Mapping[str, bytes],
    *,
    station: str,
    period: str,
    sequence: int,
    schema: str,
    previous: str | None,
    key: SigningKey,
) -> dict[str, bytes]:
    """The whole folder's content: the data files, manifest.json and its signature.

    ``data_files`` holds stats.json, stats.xlsx and summary.pdf (station.pub is added
    here from ``key``). The result is in ``ALL_FILES`` order.
    """
    content = dict(data_files)
    content[STATION_PUB] = key.public_key_text().encode("ascii")
    missing = [name for name in DATA_FILES if name not in content]
    extra = [name for name in content if name not in DATA_FILES]
    if missing or extra:
        raise ValueError(f"export files: missing {missing}, unexpected {extra}")
    manifest = manifest_bytes(
        station=station,
        key_id=key.key_id_text,
        period=period,
        sequence=sequence,
        schema=schema,
        files={name: sha256(content[name]) for name in DATA_FILES},
        previous=previous,
    )
    signature = minisign_format.sign(
        manifest,
        key_id=key.key_id,
        private_raw=key.private_raw,
        public_raw=key.public_raw,
        trusted_comment=trusted_comment(station, period, sequence),
    )
    folder = {name: content[name] for name in DATA_FILES}
    folder[MANIFEST] = manifest
    folder[SIGNATURE] = signature.encode("ascii")
    return folder


def verify_folder(
    files: Mapping[str, bytes], public_key_text: str | bytes | None = None
) -> dict[str, object]:
    """Check a folder's content: the signature over manifest.json (with ``public_key_text``,
    by default the folder's own station.pub) and every file's SHA-256 against the manifest.

    Returns the parsed manifest. Raises SignatureError or PackageError with the reason.
    Whether station.pub is the key the city office registered is the caller's question.
    """
    for name in (MANIFEST, SIGNATURE, STATION_PUB):
        if name not in files:
            raise PackageError(f"导出缺少文件 {name}。", f"The export lacks {name}.")
    key_text = files[STATION_PUB] if public_key_text is None else public_key_text
    comment = minisign_format.verify(files[MANIFEST], files[SIGNATURE], key_text)
    try:
        manifest = json.loads(files[MANIFEST])
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError("manifest.json 无法解析。", "manifest.json is not JSON.") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise PackageError("manifest.json 格式不正确。", "manifest.json is malformed.")
    try:
        expected_comment = trusted_comment(
            str(manifest.get("station")), str(manifest.get("period")), int(manifest["sequence"])
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError("manifest.json 格式不正确。", "manifest.json is malformed.") from exc
    if comment != expected_comment:
        raise PackageError(
            "签名的可信注释与 manifest.json 不一致。",
            "The signature's trusted comment does not match manifest.json.",
        )
    listed: dict[str, object] = manifest["files"]
    for name, digest in listed.items():
        if name not in files:
            raise PackageError(f"导出缺少文件 {name}。", f"The export lacks {name}.")
        if sha256(files[name]) != digest:
            raise PackageError(
                f"文件 {name} 与签名清单不符（已被改动或损坏）。",
                f"{name} does not match the signed manifest (changed or damaged).",
            )
    return manifest


def tar_bytes(folder: str, files: Mapping[str, bytes]) -> bytes:
    """A deterministic ustar archive of ``folder/`` and its files: sorted names, mtime 0,
    uid/gid 0, no user or group names, fixed modes."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        tar.addfile(_tar_info(folder, tarfile.DIRTYPE, 0, _DIR_MODE))
        for name in sorted(files):
            data = files[name]
            tar.addfile(
                _tar_info(f"{folder}/{name}", tarfile.REGTYPE, len(data), _FILE_MODE),
                io.BytesIO(data),
            )
    return out.getvalue()


def _tar_info(name: str, kind: bytes, size: int, mode: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = size
    info.mode = mode
    info.mtime = 0
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def read_tar(data: bytes, max_bytes: int = 200 * 1024 * 1024) -> tuple[str, dict[str, bytes]]:
    """The folder name and files of an export tar (only plain files in one folder)."""
    files: dict[str, bytes] = {}
    folder = ""
    total = 0
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
            for member in tar:
                if member.isdir() and "/" not in member.name.strip("/"):
                    folder = folder or member.name.strip("/")
                    continue
                parts = member.name.split("/")
                if not member.isfile() or len(parts) != 2 or parts[1] in ("", ".", ".."):
                    raise PackageError(
                        "导出包中含有不应有的内容。", "The export archive holds unexpected entries."
                    )
                folder = folder or parts[0]
                total += member.size
                if parts[0] != folder or total > max_bytes or parts[1] in files:
                    raise PackageError(
                        "导出包中含有不应有的内容。", "The export archive holds unexpected entries."
                    )
                handle = tar.extractfile(member)
                assert handle is not None
                files[parts[1]] = handle.read()
    except tarfile.TarError as exc:
        raise PackageError("导出包已损坏。", "The export archive is damaged.") from exc
    return folder, files


def check_recipient(text: str) -> str:
    """The recipient (``age1…``) stripped; PackageError if it is not a valid X25519 one."""
    value = text.strip()
    try:
        pyrage.x25519.Recipient.from_str(value)
    except Exception as exc:  # pyrage.RecipientError; anything else is as bad
        raise PackageError(
            "市办公室公钥格式不正确（应为 age1 开头的 age 公钥）。",
            "The city office key is not a valid age recipient (age1…).",
            field="city_recipient",
        ) from exc
    return value


def encrypt(data: bytes, recipient: str) -> bytes:
    """age-encrypt ``data`` to one X25519 recipient (binary age format)."""
    try:
        target = pyrage.x25519.Recipient.from_str(recipient.strip())
        result: bytes = pyrage.encrypt(data, [target])
    except Exception as exc:  # pyrage.RecipientError / EncryptError
        raise PackageError("导出加密失败。", "Encrypting the export failed.") from exc
    return result
