"""Open and verify one station export, and check a batch of them against the registry.

An export arrives as a folder, a ``.tar`` or an age-encrypted ``.tar.age`` (decrypted
with the city office's identity). Everything is read into memory with hard caps (sizes,
number of files, JSON depth and number sizes) and nothing is written: a tar is never
extracted to disk, links, devices and paths outside the export are refused.

The checks run in a fixed order and the first failure is the one reason given
(:class:`ExportRejected`, with a :class:`Reason` code for programs and one Chinese
sentence for people):

1. the file or folder can be read (not truncated, decryptable, a safe archive);
2. ``manifest.json`` and its signature ``manifest.json.minisig`` are there ("未签名");
3. the manifest is well-formed JSON of the known format and schema version;
4. its station and key id are registered ("未登记的站点");
5. the signature verifies with that key ("签名无效（文件被改动）");
6. the signature's trusted comment agrees with the manifest;
7. every file has the SHA-256 the manifest lists ("文件被改动：stats.json"), none is
   missing, none is extra, and ``station.pub`` is the registered key;
8. ``stats.json`` is a valid statistics document of the same station and month
   ("月份不符"), and the month has ended;
9. against the registry and the rest of the batch (:func:`check_chain`): not a
   duplicate, not a replay, no skipped sequence number, and a re-export of a month
   carries the same ``stats.json`` as before (a released month is final).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import importlib
import io
import json
import logging
import math
import os
import re
import stat
import tarfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from station.city.registry import (
    KEY_ID_RE,
    PERIOD_RE,
    SHA256_RE,
    STATION_CODE_RE,
    AcceptedExport,
    PublicKey,
    Registry,
    TrustedKey,
    parse_public_key,
)
from station.errors import StationError

__all__ = [
    "EXPORT_FORMAT",
    "STATS_SCHEMA",
    "BatchResult",
    "ExportRejected",
    "Reason",
    "ShareEntry",
    "StationStats",
    "StatsTable",
    "VerifiedExport",
    "check_chain",
    "commit",
    "display_name",
    "load_json",
    "open_export",
    "parse_identity",
    "parse_stats",
    "peek_export",
    "read_identity_file",
    "sum_lines",
    "verify_batch",
]

log = logging.getLogger(__name__)

EXPORT_FORMAT = "station-export/1"
STATS_SCHEMA = "station-stats/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
STATS = "stats.json"
STATION_PUB = "station.pub"
TOTAL = "_total"

# Caps: far above a real export (a few hundred kB), far below what could hurt.
MAX_ARCHIVE_BYTES = 256 * 1024 * 1024
MAX_FILE_BYTES = 128 * 1024 * 1024
MAX_FILES = 32
MAX_MANIFEST_BYTES = 64 * 1024
MAX_SIGNATURE_BYTES = 16 * 1024
MAX_STATS_BYTES = 4 * 1024 * 1024
MAX_JSON_DEPTH = 16
MAX_INT_DIGITS = 15  # 10**15 > any count; rejects huge integers before int() runs
MAX_COUNT = 10**9
MAX_TABLES = 200
MAX_CATEGORIES = 200
MAX_TEXT = 500
MAX_SEQUENCE = 10**9

# What the station writes as the signature's untrusted comment (station.export).
SIGNATURE_UNTRUSTED_COMMENT = "signature from station export key"
_AGE_MAGIC = b"age-encryption.org/v1\n"
_AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
_TAR_BLOCK = 512
_FILE_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_EXPORT_NAME_RE = re.compile(
    r"^station-(?P<station>[A-Za-z0-9][A-Za-z0-9-]{1,19})-(?P<period>\d{4}-\d{2})-"
    r"(?P<sequence>\d{6})(?:\.tar(?:\.age)?)?$"
)
_ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
# Files an operating system drops into a folder on a USB stick by itself.
_FOLDER_JUNK = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


class Reason(StrEnum):
    UNREADABLE = "unreadable"
    ENCRYPTED = "encrypted"
    UNSAFE = "unsafe"
    UNSIGNED = "unsigned"
    MALFORMED = "malformed"
    SCHEMA_VERSION = "schema_version"
    UNKNOWN_STATION = "unknown_station"
    BAD_SIGNATURE = "bad_signature"
    COMMENT_MISMATCH = "comment_mismatch"
    FILE_MISSING = "file_missing"
    FILE_CHANGED = "file_changed"
    EXTRA_FILE = "extra_file"
    KEY_MISMATCH = "key_mismatch"
    INVALID_STATS = "invalid_stats"
    WRONG_MONTH = "wrong_month"
    DUPLICATE = "duplicate"
    REPLAYED = "replayed"
    SKIPPED = "skipped"
    RELEASE_CHANGED = "release_changed"


class ExportRejected(StationError):
    """One export cannot be accepted; ``zh`` is the one reason shown to the user."""

    def __init__(self, reason: Reason, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.reason = reason


# -- the statistics document as the city reads it --------------------------------
Cell = tuple[str, str]
Count = int | None  # None: the station published "*"


@dataclass(frozen=True)
class StatsTable:
    id: str
    title: str
    sensitivity: Literal["standard", "sensitive"]
    rows: tuple[tuple[str, str], ...]  # (code, label), margins as TOTAL
    cols: tuple[tuple[str, str], ...]
    month: Mapping[Cell, Count]
    ytd: Mapping[Cell, Count] | None

    def scope(self, name: Literal["month", "ytd"]) -> Mapping[Cell, Count] | None:
        return self.month if name == "month" else self.ytd


@dataclass(frozen=True)
class ShareEntry:
    label: str
    month: float | None  # None: "*"
    ytd: float | None
    numerator: tuple[str, str, str] | None = None  # (table, row, col) when the document says
    denominator: tuple[str, str, str] | None = None


@dataclass(frozen=True)
class StationStats:
    station: str
    kind: str
    period: str
    k_standard: int
    k_sensitive: int
    tables: tuple[StatsTable, ...]
    shares: Mapping[str, ShareEntry]

    def table(self, table_id: str) -> StatsTable | None:
        for table in self.tables:
            if table.id == table_id:
                return table
        return None


@dataclass(frozen=True)
class VerifiedExport:
    source: str  # the file or folder name it came from (no path)
    station: str
    key_id: str
    period: str
    sequence: int
    previous: str | None
    manifest_sha256: str
    stats_sha256: str
    stats: StationStats
    files: Mapping[str, bytes] = field(repr=False)  # every file of the export, by name
    pending_key: bool = False  # signed by a key not yet bound to a station code

    def accepted(self) -> AcceptedExport:
        return AcceptedExport(
            self.station, self.sequence, self.period, self.manifest_sha256, self.stats_sha256
        )


@dataclass(frozen=True)
class BatchResult:
    accepted: tuple[VerifiedExport, ...]  # in chain order (station, sequence)
    rejected: tuple[tuple[str, ExportRejected], ...]  # (source name, reason), input order


# -- helpers ---------------------------------------------------------------------
def _reject(reason: Reason, zh: str, en: str) -> ExportRejected:
    return ExportRejected(reason, zh, en)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _malformed(name: str, zh: str, en: str) -> ExportRejected:
    return _reject(Reason.MALFORMED, f"{name} 格式错误：{zh}。", f"{name} is malformed: {en}.")


class _JsonLimit(ValueError):
    """A JSON number or constant outside what an export may hold."""


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _JsonLimit("integer too large")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > 64:
        raise _JsonLimit("number too long")
    value = float(text)
    if not math.isfinite(value):
        raise _JsonLimit("number out of range")
    return value


def _parse_constant(text: str) -> float:
    raise _JsonLimit(f"{text} is not allowed")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # Two values for one key: readers could disagree about which one counts.
            raise _JsonLimit("duplicate key")
        result[key] = value
    return result


_JSON_SPECIAL = re.compile(rb'[\[\]{}"\\]')


def _json_depth_ok(data: bytes, max_depth: int) -> bool:
    """Nesting depth at most ``max_depth``, checked before json.loads can recurse."""
    depth = 0
    in_string = False
    skip_to = -1
    for match in _JSON_SPECIAL.finditer(data):
        pos = match.start()
        if pos < skip_to:
            continue  # the character after a backslash
        char = data[pos]
        if in_string:
            if char == 0x5C:  # backslash
                skip_to = pos + 2
            elif char == 0x22:
                in_string = False
        elif char == 0x22:
            in_string = True
        elif char in (0x5B, 0x7B):
            depth += 1
            if depth > max_depth:
                return False
        elif char in (0x5D, 0x7D):
            depth -= 1
    return True


def load_json(data: bytes, name: str, *, max_bytes: int, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse untrusted JSON with caps on size, depth, numbers and duplicate keys.

    Raises :class:`ExportRejected` (MALFORMED) with a short reason; never anything else.
    """
    if len(data) > max_bytes:
        raise _malformed(name, "文件过大", "too large")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _malformed(name, "不是 UTF-8 文本", "not UTF-8 text") from None
    if not _json_depth_ok(data, max_depth):
        raise _malformed(name, "嵌套层数过多", "nested too deeply")
    try:
        return json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
            object_pairs_hook=_no_duplicates,
        )
    except _JsonLimit as exc:
        raise _malformed(name, f"含有不允许的值（{exc}）", str(exc)) from None
    except (ValueError, RecursionError):
        raise _malformed(name, "不是有效的 JSON", "not valid JSON") from None


# -- reading the package ------------------------------------------------------------
def parse_identity(identity: str) -> object:
    """The city's age identity (``AGE-SECRET-KEY-1…``); comment lines are ignored."""
    lines = [
        line.strip()
        for line in identity.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    try:
        if len(lines) != 1:
            raise ValueError("expected one key")
        return pyrage.x25519.Identity.from_str(lines[0])
    except (pyrage.IdentityError, ValueError):
        raise StationError(
            "市办公室的身份密钥无效（应为 AGE-SECRET-KEY-1 开头的一行）。",
            "The city office's identity is not a valid age identity.",
        ) from None


def read_identity_file(data: bytes, passphrase: Callable[[], str]) -> str:
    """The identity text of an identity file: plain (``age-keygen`` output) or
    passphrase-encrypted (as the city workspace keeps it; ``passphrase`` is asked then)."""
    if len(data) > 64 * 1024:
        raise StationError("身份密钥文件不对。", "Not an identity file.")
    if data.startswith(_AGE_MAGIC) or data.startswith(_AGE_ARMOR):
        try:
            data = pyrage.passphrase.decrypt(data, passphrase())
        except pyrage.DecryptError:
            raise StationError("口令不正确。", "Wrong passphrase.") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise StationError("身份密钥文件不对。", "Not an identity file.") from None
    parse_identity(text)
    return text


def display_name(path: Path) -> str:
    """The file or folder name, printable (undecodable bytes replaced)."""
    name = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(c if c.isprintable() else "?" for c in name)


def _unreadable(zh: str, en: str) -> ExportRejected:
    return _reject(Reason.UNREADABLE, zh, en)


def _unsafe(zh: str, en: str) -> ExportRejected:
    return _reject(Reason.UNSAFE, f"不安全的导出包：{zh}。", f"Unsafe export archive: {en}.")


def _read_folder(path: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError:
        raise _unreadable("无法读取导出文件夹。", "The export folder cannot be read.") from None
    for entry in entries:
        if entry.name in _FOLDER_JUNK or entry.name.startswith("._"):
            continue
        try:
            if entry.is_symlink():
                raise _unsafe("含有链接", "it contains a link")
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISDIR(info.st_mode):
                raise _unsafe("含有子文件夹", "it contains a sub-folder")
            if not stat.S_ISREG(info.st_mode):
                raise _unsafe("含有特殊文件", "it contains a special file")
            if len(files) >= MAX_FILES:
                raise _unsafe("文件过多", "too many files")
            if info.st_size > MAX_FILE_BYTES or total + info.st_size > MAX_ARCHIVE_BYTES:
                raise _unsafe("文件过大", "a file is too large")
            with open(entry.path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError:
            raise _unreadable("无法读取导出文件夹。", "The export folder cannot be read.") from None
        if len(data) > MAX_FILE_BYTES:
            raise _unsafe("文件过大", "a file is too large")
        total += len(data)
        files[entry.name] = data
    return files


def _member_parts(name: str) -> list[str]:
    if "\\" in name or "\x00" in name or ":" in name or name.startswith("/"):
        raise _unsafe("含有不安全的路径", "a path is unsafe")
    parts = name.rstrip("/").split("/")
    if parts and parts[0] == ".":
        parts = parts[1:]
    if not parts or any(part in ("", ".", "..") for part in parts):
        raise _unsafe("含有不安全的路径", "a path is unsafe")
    return parts


def _read_tar(data: bytes) -> dict[str, bytes]:
    truncated = _unreadable(
        "文件不完整或已损坏（可能没有拷完），请让站点重新拷贝。",
        "The archive is truncated or damaged.",
    )
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
            members: list[tarfile.TarInfo] = []
            for member in archive:
                members.append(member)
                if len(members) > MAX_FILES + 1:
                    raise _unsafe("文件过多", "too many files")
            end = archive.offset
    except ExportRejected:
        raise
    except (tarfile.TarError, EOFError, OSError, ValueError, UnicodeError, OverflowError):
        raise truncated from None
    # A complete tar ends with two zero blocks; tarfile stops quietly at a cut header.
    tail = data[end : end + 2 * _TAR_BLOCK]
    if len(tail) < 2 * _TAR_BLOCK or any(tail):
        raise truncated
    top: str | None = None
    files: dict[str, bytes] = {}
    for member in members:
        if member.isdir() and member.name.rstrip("/") in (".", ""):
            continue  # "./": made by `tar -C folder .`
        parts = _member_parts(member.name)
        if member.isdir():
            if len(parts) != 1 or (top is not None and parts[0] != top):
                raise _unsafe("含有子文件夹", "it contains a sub-folder")
            top = parts[0]
            continue
        if not member.isreg() or member.issparse():
            raise _unsafe("含有链接或特殊文件", "it contains a link or a special file")
        if len(parts) == 2:
            if top is not None and parts[0] != top:
                raise _unsafe("含有多个文件夹", "it contains several folders")
            top = parts[0]
        elif len(parts) != 1 or top is not None:
            raise _unsafe("文件夹结构不对", "unexpected folder layout")
        name = parts[-1]
        if name in files:
            raise _unsafe("含有重名文件", "a file appears twice")
        if member.size > MAX_FILE_BYTES:
            raise _unsafe("文件过大", "a file is too large")
        content = data[member.offset_data : member.offset_data + member.size]
        if len(content) != member.size:
            raise truncated
        files[name] = content
    if len(files) > MAX_FILES:
        raise _unsafe("文件过多", "too many files")
    return files


def _decrypt(data: bytes, identity: str | None) -> bytes:
    if identity is None:
        raise _reject(
            Reason.ENCRYPTED,
            "这是加密的导出，需要市办公室的身份密钥才能打开。",
            "This export is encrypted; the city office's identity is needed.",
        )
    key = parse_identity(identity)
    try:
        plain: bytes = pyrage.decrypt(data, [key])
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise _reject(
                Reason.ENCRYPTED,
                "无法解密：这个导出不是加密给本市办公室的（或身份密钥不对）。",
                "Cannot decrypt: not encrypted to this city office's key.",
            ) from None
        raise _unreadable(
            "文件不完整或已损坏（无法解密），请让站点重新拷贝。",
            "The encrypted file is truncated or damaged.",
        ) from None
    except Exception:  # a damaged header can surface as other errors from the Rust side
        raise _unreadable(
            "文件不完整或已损坏（无法解密），请让站点重新拷贝。",
            "The encrypted file is truncated or damaged.",
        ) from None
    return plain


def _read_package(path: Path, identity: str | None) -> dict[str, bytes]:
    try:
        info = path.lstat()
    except (OSError, ValueError):  # ValueError: a NUL in the name
        raise _unreadable("找不到导出文件。", "The export file does not exist.") from None
    if stat.S_ISLNK(info.st_mode):
        raise _unsafe("导出本身是一个链接", "the export is a link")
    if stat.S_ISDIR(info.st_mode):
        return _read_folder(path)
    if not stat.S_ISREG(info.st_mode):
        raise _unreadable("无法识别的导出文件。", "Not an export file.")
    if info.st_size > MAX_ARCHIVE_BYTES:
        raise _unsafe("文件过大", "the file is too large")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_ARCHIVE_BYTES + 1)
    except OSError:
        raise _unreadable("无法读取导出文件。", "The export file cannot be read.") from None
    if len(data) > MAX_ARCHIVE_BYTES:
        raise _unsafe("文件过大", "the file is too large")
    if data.startswith(_AGE_MAGIC) or data.startswith(_AGE_ARMOR):
        data = _decrypt(data, identity)
    elif path.name.endswith(".age"):
        raise _unreadable(
            "文件不完整或已损坏（不是有效的加密文件）。", "Not a valid age-encrypted file."
        )
    if len(data) >= _TAR_BLOCK and (data[257:262] == b"ustar" or path.name.endswith(".tar")):
        return _read_tar(data)
    if path.name.endswith((".tar", ".tar.age")):
        raise _unreadable(
            "文件不完整或已损坏（可能没有拷完），请让站点重新拷贝。",
            "The archive is truncated or damaged.",
        )
    raise _unreadable(
        "无法识别的文件（应为导出文件夹、.tar 或 .tar.age）。",
        "Not an export (a folder, .tar or .tar.age).",
    )


# -- manifest and signature -------------------------------------------------------------
@dataclass(frozen=True)
class _Manifest:
    station: str
    key_id: str
    period: str
    sequence: int
    files: Mapping[str, str]
    previous: str | None


_MANIFEST_KEYS = frozenset(
    {"format", "station", "key_id", "period", "sequence", "schema", "files", "previous"}
)


def _parse_manifest(data: bytes) -> _Manifest:
    doc = load_json(data, MANIFEST, max_bytes=MAX_MANIFEST_BYTES, max_depth=4)
    if not isinstance(doc, dict):
        raise _malformed(MANIFEST, "应为 JSON 对象", "not a JSON object")
    fmt = doc.get("format")
    if fmt != EXPORT_FORMAT:
        raise _reject(
            Reason.SCHEMA_VERSION,
            f"不支持的导出格式版本（{_short(fmt)}），本程序读取 {EXPORT_FORMAT}。",
            f"Unsupported export format {_short(fmt)}; expected {EXPORT_FORMAT}.",
        )
    if "schema" in doc and doc["schema"] != STATS_SCHEMA:
        raise _reject(
            Reason.SCHEMA_VERSION,
            f"不支持的统计数据版本（{_short(doc['schema'])}），本程序读取 {STATS_SCHEMA}。",
            f"Unsupported statistics schema {_short(doc['schema'])}.",
        )
    missing = sorted(_MANIFEST_KEYS - doc.keys())
    extra = sorted(doc.keys() - _MANIFEST_KEYS)
    if missing:
        raise _malformed(MANIFEST, f"缺少字段 {missing[0]}", f"missing field {missing[0]}")
    if extra:
        raise _malformed(MANIFEST, f"含有未知字段 {_short(extra[0])}", "unknown field")
    station = doc["station"]
    key_id = doc["key_id"]
    period = doc["period"]
    sequence = doc["sequence"]
    files = doc["files"]
    previous = doc["previous"]
    if not isinstance(station, str) or not STATION_CODE_RE.match(station):
        raise _malformed(MANIFEST, "站点编码不对", "bad station code")
    if not isinstance(key_id, str) or not KEY_ID_RE.match(key_id):
        raise _malformed(MANIFEST, "密钥编号不对", "bad key id")
    if not isinstance(period, str) or not _valid_period(period):
        raise _malformed(MANIFEST, "月份不对", "bad period")
    if (
        not isinstance(sequence, int)
        or isinstance(sequence, bool)
        or not 1 <= sequence <= MAX_SEQUENCE
    ):
        raise _malformed(MANIFEST, "序号不对", "bad sequence number")
    if previous is not None and (not isinstance(previous, str) or not SHA256_RE.match(previous)):
        raise _malformed(MANIFEST, "前一导出的哈希不对", "bad previous hash")
    if (sequence == 1) != (previous is None):
        raise _malformed(MANIFEST, "序号与前一导出的哈希不一致", "sequence and previous disagree")
    if not isinstance(files, dict) or not files:
        raise _malformed(MANIFEST, "文件清单不对", "bad file list")
    for name, digest in files.items():
        if not _FILE_NAME_RE.match(name) or name in (MANIFEST, SIGNATURE):
            raise _malformed(MANIFEST, "文件清单中有不允许的文件名", "bad file name")
        if not isinstance(digest, str) or not SHA256_RE.match(digest):
            raise _malformed(MANIFEST, f"{name} 的哈希不对", f"bad hash for {name}")
    for needed in (STATS, STATION_PUB):
        if needed not in files:
            raise _malformed(MANIFEST, f"文件清单中没有 {needed}", f"{needed} not listed")
    return _Manifest(station, key_id, period, sequence, dict(files), previous)


def _short(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value)[:40]
    text = "".join(c for c in text if c.isprintable())
    return text[:40]


def _valid_period(text: str) -> bool:
    match = PERIOD_RE.match(text)
    return match is not None and 2000 <= int(match.group(1)) <= 2200


@dataclass(frozen=True)
class _Signature:
    prehashed: bool
    key_id: str
    signature: bytes
    trusted_comment: bytes
    global_signature: bytes


def _bad_signature(detail_zh: str = "", detail_en: str = "") -> ExportRejected:
    suffix_zh = f"：{detail_zh}" if detail_zh else ""
    suffix_en = f": {detail_en}" if detail_en else ""
    return _reject(
        Reason.BAD_SIGNATURE,
        f"签名无效（文件被改动）{suffix_zh}。",
        f"Bad signature (the files were changed){suffix_en}.",
    )


def _parse_signature(data: bytes) -> _Signature:
    """minisign's signature file: untrusted comment, signature, trusted comment, global sig.

    Only the canonical form the station writes is accepted, byte for byte: minisign does
    not sign the untrusted comment, and base64 tolerates changed padding bits, so a
    lenient reader would accept a signature file with a changed byte.
    """
    malformed = _bad_signature("签名文件格式不对", "malformed signature file")
    if len(data) > MAX_SIGNATURE_BYTES:
        raise malformed
    lines = data.split(b"\n")
    if len(lines) != 5 or lines[4] != b"":
        raise malformed
    untrusted, first_line, trusted, glob_line = lines[:4]
    if untrusted != b"untrusted comment: " + SIGNATURE_UNTRUSTED_COMMENT.encode(
        "ascii"
    ) or not trusted.startswith(b"trusted comment: "):
        raise malformed
    try:
        first = base64.b64decode(first_line, validate=True)
        glob = base64.b64decode(glob_line, validate=True)
    except (binascii.Error, ValueError):
        raise malformed from None
    if base64.b64encode(first) != first_line or base64.b64encode(glob) != glob_line:
        raise malformed
    if len(first) != 74 or first[:2] not in (b"ED", b"Ed") or len(glob) != 64:
        raise malformed
    return _Signature(
        prehashed=first[:2] == b"ED",
        key_id=first[2:10][::-1].hex().upper(),
        signature=first[10:],
        trusted_comment=trusted[len(b"trusted comment: ") :],
        global_signature=glob,
    )


def _verify_signature(key: PublicKey, message: bytes, sig: _Signature) -> None:
    public = Ed25519PublicKey.from_public_bytes(key.public_raw)
    signed = hashlib.blake2b(message).digest() if sig.prehashed else message
    try:
        public.verify(sig.signature, signed)
        public.verify(sig.global_signature, sig.signature + sig.trusted_comment)
    except InvalidSignature:
        raise _bad_signature() from None


def trusted_comment(station: str, period: str, sequence: int) -> str:
    return f"station {station} period {period} sequence {sequence}"


def _find_key(registry: Registry, manifest: _Manifest) -> TrustedKey:
    key = registry.key_by_id(manifest.key_id)
    unknown_zh = f"未登记的站点：{manifest.station}（密钥 {manifest.key_id} 未登记）。"
    unknown_en = f"Unknown station {manifest.station} (key {manifest.key_id} not registered)."
    if key is None:
        raise _reject(Reason.UNKNOWN_STATION, unknown_zh, unknown_en)
    if key.station_code is not None and key.station_code != manifest.station:
        raise _reject(
            Reason.UNKNOWN_STATION,
            f"未登记的站点：{manifest.station}（这把密钥登记给了 {key.station_code}）。",
            f"Unknown station {manifest.station} (the key belongs to {key.station_code}).",
        )
    if key.station_code is None and registry.key_for_station(manifest.station) is not None:
        raise _reject(
            Reason.UNKNOWN_STATION,
            f"未登记的站点：{manifest.station} 登记的是另一把密钥。",
            f"Unknown station key: {manifest.station} has another key registered.",
        )
    return key


# -- the statistics document ------------------------------------------------------------
def _invalid(zh: str, en: str) -> ExportRejected:
    return _reject(
        Reason.INVALID_STATS,
        f"stats.json 不符合统计数据格式：{zh}。",
        f"stats.json is not a valid statistics document: {en}.",
    )


def _schema_validator() -> Callable[[dict[str, Any]], None] | None:
    """station.statistics.document.validate_document, when that module is installed."""
    try:
        module = importlib.import_module("station.statistics.document")
    except ImportError:
        return None
    validator = getattr(module, "validate_document", None)
    return validator if callable(validator) else None


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise _invalid(f"{what}应为文字", f"{what} is not text")
    return value


def _count(value: object) -> Count:
    if value == "*" and isinstance(value, str):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise _invalid("数字应为 0 到 10 亿之间的整数或 *", "a count is out of range")
    return value


def _categories(value: object, what: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not value or len(value) > MAX_CATEGORIES:
        raise _invalid(f"{what}应为非空列表", f"{what} is not a list")
    result: list[tuple[str, str]] = []
    for item in value:
        if not isinstance(item, dict):
            raise _invalid(f"{what}的项目应为对象", f"{what} item is not an object")
        code = item.get("code")
        if not isinstance(code, str) or not _ID_RE.match(code):
            raise _invalid(f"{what}的代码不对", f"bad {what} code")
        result.append((code, _text(item.get("label", code), "标签")))
    codes = [code for code, _ in result]
    if len(set(codes)) != len(codes):
        raise _invalid(f"{what}的代码重复", f"duplicate {what} code")
    return tuple(result)


def _cells(
    value: object, rows: Sequence[tuple[str, str]], cols: Sequence[tuple[str, str]]
) -> dict[Cell, Count]:
    if not isinstance(value, dict):
        raise _invalid("表格数据应为对象", "table body is not an object")
    row_codes = [code for code, _ in rows]
    col_codes = [code for code, _ in cols]
    if sorted(value) != sorted(row_codes):
        raise _invalid("表格的行与行目录不一致", "rows disagree with the row list")
    cells: dict[Cell, Count] = {}
    for row in row_codes:
        line = value[row]
        if not isinstance(line, dict) or sorted(line) != sorted(col_codes):
            raise _invalid("表格的列与列目录不一致", "columns disagree with the column list")
        for col in col_codes:
            cells[(row, col)] = _count(line[col])
    return cells


def sum_lines(rows: Sequence[str], cols: Sequence[str]) -> list[tuple[list[Cell], Cell]]:
    """(parts, total) for every published sum: row totals, column totals, grand total."""
    interior_rows = [r for r in rows if r != TOTAL]
    interior_cols = [c for c in cols if c != TOTAL]
    lines: list[tuple[list[Cell], Cell]] = []
    if TOTAL in cols and interior_cols:
        lines += [([(r, c) for c in interior_cols], (r, TOTAL)) for r in rows]
    if TOTAL in rows and interior_rows:
        lines += [([(r, c) for r in interior_rows], (TOTAL, c)) for c in cols]
    return lines


def _check_margins(
    table_id: str, cells: Mapping[Cell, Count], rows: list[str], cols: list[str]
) -> None:
    """Where a line and its total are all published, they must add up."""
    for parts, total in sum_lines(rows, cols):
        values = [cells[p] for p in parts]
        known_total = cells[total]
        if known_total is None:
            continue
        known = sum(v for v in values if v is not None)
        unknown = sum(1 for v in values if v is None)
        if (unknown == 0 and known != known_total) or known + unknown > known_total:
            raise _invalid(f"表 {table_id} 的合计对不上", f"table {table_id} does not add up")


def _share_ref(value: object) -> tuple[str, str, str] | None:
    if not isinstance(value, dict):
        return None
    parts = (value.get("table"), value.get("row"), value.get("col"))
    if all(isinstance(p, str) and _ID_RE.match(p) for p in parts):
        return (str(parts[0]), str(parts[1]), str(parts[2]))
    return None


def _share_value(value: object) -> float | None:
    if value is None or (value == "*" and isinstance(value, str)):  # null: denominator 0
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise _invalid("占比应为 0 到 1 之间的小数或 *", "a share is not a fraction")
    return float(value)


def parse_stats(doc: object) -> StationStats:
    """Read a statistics document into the city's typed form (structure checks only)."""
    if not isinstance(doc, dict):
        raise _invalid("应为 JSON 对象", "not a JSON object")
    if doc.get("schema") != STATS_SCHEMA:
        raise _reject(
            Reason.SCHEMA_VERSION,
            f"不支持的统计数据版本（{_short(doc.get('schema'))}），本程序读取 {STATS_SCHEMA}。",
            f"Unsupported statistics schema {_short(doc.get('schema'))}.",
        )
    station = doc.get("station")
    if not isinstance(station, dict):
        raise _invalid("缺少站点信息", "no station")
    code = station.get("code")
    if not isinstance(code, str) or not STATION_CODE_RE.match(code):
        raise _invalid("站点编码不对", "bad station code")
    kind = _text(station.get("kind", ""), "站点类型")
    period = doc.get("period")
    if not isinstance(period, str) or not _valid_period(period):
        raise _invalid("月份不对", "bad period")
    k_standard, k_sensitive = 5, 10
    policy = doc.get("policy")
    if policy is not None:
        if not isinstance(policy, dict):
            raise _invalid("发布规则不对", "bad policy")
        values = [policy.get("k_standard", 5), policy.get("k_sensitive", 10)]
        if any(isinstance(v, bool) or not isinstance(v, int) or not 3 <= v <= 1000 for v in values):
            raise _invalid("发布规则的阈值不对", "bad policy thresholds")
        k_standard, k_sensitive = int(values[0]), int(values[1])
    tables_doc = doc.get("tables")
    if not isinstance(tables_doc, dict) or len(tables_doc) > MAX_TABLES:
        raise _invalid("缺少统计表", "no tables")
    tables: list[StatsTable] = []
    for table_id in sorted(tables_doc):
        body = tables_doc[table_id]
        if not _ID_RE.match(table_id) or not isinstance(body, dict):
            raise _invalid("统计表编号不对", "bad table id")
        sensitivity = body.get("sensitivity", "standard")
        if sensitivity not in ("standard", "sensitive"):
            raise _invalid("敏感级别不对", "bad sensitivity")
        rows = _categories(body.get("rows"), "行")
        cols = _categories(body.get("cols"), "列")
        month = _cells(body.get("month"), rows, cols)
        ytd = _cells(body["ytd"], rows, cols) if body.get("ytd") is not None else None
        row_codes = [r for r, _ in rows]
        col_codes = [c for c, _ in cols]
        _check_margins(table_id, month, row_codes, col_codes)
        if ytd is not None:
            _check_margins(table_id, ytd, row_codes, col_codes)
        tables.append(
            StatsTable(
                id=table_id,
                title=_text(body.get("title", table_id), "标题"),
                sensitivity="sensitive" if sensitivity == "sensitive" else "standard",
                rows=rows,
                cols=cols,
                month=month,
                ytd=ytd,
            )
        )
    shares_doc = doc.get("shares", {})
    if not isinstance(shares_doc, dict) or len(shares_doc) > MAX_TABLES:
        raise _invalid("占比不对", "bad shares")
    shares: dict[str, ShareEntry] = {}
    for share_id in sorted(shares_doc):
        body = shares_doc[share_id]
        if not _ID_RE.match(share_id) or not isinstance(body, dict):
            raise _invalid("占比编号不对", "bad share id")
        shares[share_id] = ShareEntry(
            label=_text(body.get("label", share_id), "标签"),
            month=_share_value(body.get("month", "*")),
            ytd=_share_value(body["ytd"]) if body.get("ytd") is not None else None,
            numerator=_share_ref(body.get("numerator")),
            denominator=_share_ref(body.get("denominator")),
        )
    return StationStats(
        station=code,
        kind=kind,
        period=period,
        k_standard=k_standard,
        k_sensitive=k_sensitive,
        tables=tuple(tables),
        shares=shares,
    )


def read_stats(data: bytes) -> StationStats:
    """Parse and check stats.json bytes (schema validator first, when installed)."""
    doc = load_json(data, STATS, max_bytes=MAX_STATS_BYTES)
    if not isinstance(doc, dict):
        raise _invalid("应为 JSON 对象", "not a JSON object")
    if doc.get("schema") != STATS_SCHEMA:
        return parse_stats(doc)  # raises the schema-version reason
    validator = _schema_validator()
    if validator is not None:
        try:
            validator(doc)
        except StationError as exc:
            raise _invalid(exc.zh.rstrip("。"), exc.en.rstrip(".")) from None
        except Exception as exc:  # a validator bug must not crash the import of a batch
            log.info("statistics validator failed: %s", type(exc).__name__)
            raise _invalid("无法校验", "cannot be validated") from None
    return parse_stats(doc)


# -- one export -------------------------------------------------------------------------
def open_export(
    path: Path,
    identity: str | None,
    registry: Registry,
    *,
    today: date | None = None,
) -> VerifiedExport:
    """Read and verify one export (checks 1-8 of the module docstring).

    ``identity`` is the city's age identity (needed for ``.tar.age`` only). Raises
    :class:`ExportRejected` with one reason, or StationError for a bad identity.
    """
    source = display_name(path)
    files = _read_package(path, identity)
    if MANIFEST not in files:
        raise _reject(
            Reason.UNSIGNED, "未签名：缺少 manifest.json。", "Unsigned: manifest.json is missing."
        )
    if SIGNATURE not in files:
        raise _reject(
            Reason.UNSIGNED,
            "未签名：缺少签名文件 manifest.json.minisig。",
            "Unsigned: manifest.json.minisig is missing.",
        )
    manifest_bytes = files[MANIFEST]
    manifest = _parse_manifest(manifest_bytes)
    trusted = _find_key(registry, manifest)
    signature = _parse_signature(files[SIGNATURE])
    if signature.key_id != manifest.key_id:
        raise _bad_signature("签名所用的密钥与清单不符", "signed with another key")
    _verify_signature(trusted.key, manifest_bytes, signature)
    expected_comment = trusted_comment(manifest.station, manifest.period, manifest.sequence)
    if signature.trusted_comment != expected_comment.encode("ascii"):
        raise _reject(
            Reason.COMMENT_MISMATCH,
            "签名的可信注释与清单不符。",
            "The signature's trusted comment disagrees with the manifest.",
        )
    for name in sorted(manifest.files, key=lambda n: (n != STATS, n)):
        if name not in files:
            raise _reject(Reason.FILE_MISSING, f"文件缺失：{name}。", f"File missing: {name}.")
        if _sha256(files[name]) != manifest.files[name]:
            raise _reject(Reason.FILE_CHANGED, f"文件被改动：{name}。", f"File changed: {name}.")
    for name in sorted(files):
        if name not in manifest.files and name not in (MANIFEST, SIGNATURE):
            raise _reject(
                Reason.EXTRA_FILE,
                f"含有清单之外的文件：{_short(name)}。",
                f"A file not in the manifest: {_short(name)}.",
            )
    try:
        shipped = parse_public_key(files[STATION_PUB])
    except StationError:
        shipped = None
    if shipped is None or shipped.public_raw != trusted.key.public_raw:
        raise _reject(
            Reason.KEY_MISMATCH,
            "导出中的 station.pub 与登记的公钥不符。",
            "station.pub in the export is not the registered key.",
        )
    stats = read_stats(files[STATS])
    if stats.station != manifest.station:
        raise _reject(
            Reason.WRONG_MONTH,
            f"站点不符：stats.json 属于 {stats.station}，清单写的是 {manifest.station}。",
            "stats.json belongs to another station than the manifest.",
        )
    if stats.period != manifest.period:
        raise _reject(
            Reason.WRONG_MONTH,
            f"月份不符：stats.json 是 {stats.period}，清单写的是 {manifest.period}。",
            f"Wrong month: stats.json is {stats.period}, the manifest says {manifest.period}.",
        )
    now = today or date.today()
    if manifest.period >= f"{now.year:04d}-{now.month:02d}":
        raise _reject(
            Reason.WRONG_MONTH,
            f"月份不符：{manifest.period} 还没有结束（请检查本机日期）。",
            f"Wrong month: {manifest.period} has not ended yet.",
        )
    named = _EXPORT_NAME_RE.match(source)
    if named is not None and (
        named["station"] != manifest.station
        or named["period"] != manifest.period
        or int(named["sequence"]) != manifest.sequence
    ):
        raise _reject(
            Reason.WRONG_MONTH,
            "月份不符：文件名中的站点、月份或序号与签名的清单不一致。",
            "The file name disagrees with the signed manifest.",
        )
    return VerifiedExport(
        source=source,
        station=manifest.station,
        key_id=manifest.key_id,
        period=manifest.period,
        sequence=manifest.sequence,
        previous=manifest.previous,
        manifest_sha256=_sha256(manifest_bytes),
        stats_sha256=_sha256(files[STATS]),
        stats=stats,
        files={name: files[name] for name in sorted(files)},
        pending_key=trusted.station_code is None,
    )


def peek_export(path: Path, identity: str | None) -> tuple[str | None, str]:
    """The station code the manifest claims and the station.pub text, unverified.

    For first contact only: the key must be compared with the station's recovery sheet
    before it is trusted.
    """
    files = _read_package(path, identity)
    if STATION_PUB not in files:
        raise _reject(Reason.FILE_MISSING, "文件缺失：station.pub。", "File missing: station.pub.")
    try:
        pub_text = files[STATION_PUB][:4096].decode("utf-8")
    except UnicodeDecodeError:
        raise _reject(
            Reason.KEY_MISMATCH, "station.pub 不是有效的公钥。", "station.pub is not a key."
        ) from None
    code: str | None = None
    if MANIFEST in files:
        try:
            manifest = load_json(files[MANIFEST], MANIFEST, max_bytes=MAX_MANIFEST_BYTES)
        except ExportRejected:
            manifest = None
        station = manifest.get("station") if isinstance(manifest, dict) else None
        if isinstance(station, str) and STATION_CODE_RE.match(station):
            code = station
    return code, pub_text


# -- the chain of exports ---------------------------------------------------------------
def check_chain(export: VerifiedExport, history: Sequence[AcceptedExport]) -> None:
    """Check one verified export against its station's accepted exports (sequence order).

    The first export ever accepted from a station may carry any sequence number: the
    registry starts at first contact, which need not be the station's first export.
    """
    for item in history:
        if item.sequence == export.sequence and item.period == export.period:
            raise _reject(
                Reason.DUPLICATE,
                f"重复的导出：{export.station} {export.period} 序号 {export.sequence} 已经接收过。",
                f"Duplicate: {export.station} {export.period} #{export.sequence} "
                "was already accepted.",
            )
    if not history:
        return
    last = history[-1]
    if export.sequence <= last.sequence:
        raise _reject(
            Reason.REPLAYED,
            f"序号重放：序号 {export.sequence} 不大于已接收的 {last.sequence}"
            "（旧的或伪造的导出）。",
            f"Replayed: sequence {export.sequence} is not after {last.sequence}.",
        )
    if export.sequence != last.sequence + 1:
        raise _reject(
            Reason.SKIPPED,
            f"序号跳号：应为 {last.sequence + 1}，收到 {export.sequence}"
            "（中间的导出缺失，请先导入）。",
            f"Skipped: expected sequence {last.sequence + 1}, got {export.sequence}.",
        )
    if export.previous != last.manifest_sha256:
        raise _reject(
            Reason.SKIPPED,
            "序号跳号：前一导出的哈希与已接收的不符（导出链断开）。",
            "Skipped: the previous-export hash does not match the last accepted export.",
        )
    for item in history:
        if item.period == export.period and item.stats_sha256 != export.stats_sha256:
            raise _reject(
                Reason.RELEASE_CHANGED,
                f"{export.period} 的数据与已接收的不同：已报送的月份不能更改。",
                f"The data for {export.period} differ from what was accepted before.",
            )


def verify_batch(
    paths: Iterable[Path],
    identity: str | None,
    registry: Registry,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchResult:
    """Verify several exports together: each alone, then as chains in sequence order.

    Nothing is recorded; the caller records ``accepted`` once its outputs are safe.
    """
    path_list = list(paths)
    if identity is not None:
        parse_identity(identity)  # a bad identity is the caller's error, not the exports'
    opened: list[tuple[int, VerifiedExport]] = []
    rejected: list[tuple[int, str, ExportRejected]] = []
    for index, path in enumerate(path_list):
        if cancelled is not None and cancelled():
            raise StationError("已取消。", "Cancelled.")
        try:
            opened.append((index, open_export(path, identity, registry, today=today)))
        except ExportRejected as exc:
            log.info("export rejected: %s", exc.reason.value)
            rejected.append((index, display_name(path), exc))
        if progress is not None:
            progress(index + 1, len(path_list))
    state = registry.accepted()
    bound: dict[str, str] = {}  # pending key id -> station code claimed in this batch
    accepted: list[VerifiedExport] = []
    for index, export in sorted(opened, key=lambda p: (p[1].station, p[1].sequence, p[0])):
        history = state.setdefault(export.station, [])
        try:
            if export.pending_key:
                claimed = bound.setdefault(export.key_id, export.station)
                if claimed != export.station:
                    raise _reject(
                        Reason.UNKNOWN_STATION,
                        f"未登记的站点：{export.station}（这把密钥已用于 {claimed}）。",
                        f"Unknown station {export.station} (the key signed for {claimed}).",
                    )
            check_chain(export, history)
        except ExportRejected as exc:
            log.info("export rejected: %s", exc.reason.value)
            rejected.append((index, export.source, exc))
            continue
        history.append(export.accepted())
        accepted.append(export)
    rejected.sort(key=lambda r: r[0])
    return BatchResult(
        accepted=tuple(accepted), rejected=tuple((name, exc) for _, name, exc in rejected)
    )


def commit(registry: Registry, accepted: Sequence[VerifiedExport]) -> None:
    """Record accepted exports in the registry (and bind keys seen for the first time)."""
    for export in accepted:
        if export.pending_key:
            key = registry.key_by_id(export.key_id)
            if key is not None and key.station_code is None:
                registry.bind(export.key_id, export.station)
    registry.record(export.accepted() for export in accepted)
