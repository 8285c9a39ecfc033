"""Genuine station exports for the city-side tests, built without a vault.

A :class:`FakeStation` signs with a fresh Ed25519 key in minisign's format (prehashed
"ED" signatures, trusted comment ``station <CODE> period <YYYY-MM> sequence <n>``),
exactly the export format the station writes, so the tests can change one byte of a
genuine export and watch it being rejected.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import io
import json
import secrets
import tarfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from station.export import package

T = "_total"


def dumps(doc: object) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def table(
    title: str,
    rows: list[tuple[str, str]],
    cols: list[tuple[str, str]],
    month: Mapping[str, Mapping[str, int | str]],
    ytd: Mapping[str, Mapping[str, int | str]] | None = None,
    sensitivity: str = "standard",
    ytd_rule: str = "sum",
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": title,
        "sensitivity": sensitivity,
        "ytd_rule": ytd_rule,
        "rows": [{"code": c, "label": label} for c, label in rows],
        "cols": [{"code": c, "label": label} for c, label in cols],
        "month": {r: dict(v) for r, v in month.items()},
    }
    if ytd is not None:
        body["ytd"] = {r: dict(v) for r, v in ytd.items()}
    return body


PEOPLE_ROWS = [("female", "女"), ("male", "男"), (T, "合计")]
PEOPLE_COLS = [("a18_34", "18-34岁"), ("a35_54", "35-54岁"), (T, "合计")]


def people(grid: list[list[int | str]]) -> dict[str, dict[str, int | str]]:
    """A 3×3 grid (female, male, total) × (18-34, 35-54, total) as month/ytd cells."""
    return {
        row: {col: grid[i][j] for j, (col, _) in enumerate(PEOPLE_COLS)}
        for i, (row, _) in enumerate(PEOPLE_ROWS)
    }


def sample_doc(
    code: str,
    period: str,
    *,
    people_month: list[list[int | str]] | None = None,
    people_ytd: list[list[int | str]] | None = None,
    services: int | str = 40,
    concerns_stress: int | str = 12,
    crisis: int | str = 0,
    phq9: tuple[int | str, int | str] = (20, 6),
    k_standard: int = 5,
) -> dict[str, Any]:
    """A statistics document in the station-stats/1 shape (it passes the real schema)."""
    grid = people_month or [[10, 12, 22], [8, 9, 17], [18, 21, 39]]
    administered, positive = phq9
    share: float | str = (
        round(positive / administered, 4)
        if isinstance(positive, int) and isinstance(administered, int) and administered
        else "*"
    )
    doc: dict[str, Any] = {
        "schema": "station-stats/1",
        "station": {"code": code, "kind": "township"},
        "period": period,
        "ytd_from": f"{period[:4]}-01",
        "policy": {"k_standard": k_standard, "k_sensitive": 10},
        "tables": {
            "people_by_gender_age": table(
                "服务人数（性别×年龄段）",
                PEOPLE_ROWS,
                PEOPLE_COLS,
                people(grid),
                ytd=people(people_ytd or grid),
                ytd_rule="distinct",
            ),
            "services_by_kind": table(
                "服务人次",
                [("individual", "个体咨询"), (T, "合计")],
                [("n", "人次")],
                {"individual": {"n": services}, T: {"n": services}},
                ytd={"individual": {"n": services}, T: {"n": services}},
                ytd_rule="sum",
            ),
            "concerns": table(
                "关注问题",
                [("stress", "工作压力"), ("sleep", "睡眠")],
                [("n", "人数")],
                {"stress": {"n": concerns_stress}, "sleep": {"n": 0}},
                ytd_rule="none",
            ),
            "crisis": table(
                "危机干预",
                [("events", "危机干预")],
                [("n", "次数")],
                {"events": {"n": crisis}},
                sensitivity="sensitive",
                ytd_rule="none",
            ),
            "assessments_by_scale": table(
                "测评",
                [("phq9", "PHQ-9")],
                [("administered", "施测"), ("positive", "阳性")],
                {"phq9": {"administered": administered, "positive": positive}},
                ytd_rule="none",
            ),
        },
        "shares": {
            "positive_rate_phq9": {
                "label": "PHQ-9 阳性检出率",
                "numerator": {"table": "assessments_by_scale", "row": "phq9", "col": "positive"},
                "denominator": {
                    "table": "assessments_by_scale",
                    "row": "phq9",
                    "col": "administered",
                },
                "month": share,
            }
        },
        "notes": {"suppressed": "*：不公布的小数字", "late_additions": "补录", "ytd": "年度累计"},
    }
    return doc


class FakeStation:
    """A station's signing key and its export chain."""

    def __init__(self, code: str = "CX-ZH01") -> None:
        self.code = code
        self.private = Ed25519PrivateKey.generate()
        self.public_raw = self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.key_id_raw = secrets.token_bytes(8)
        self.sequence = 0
        self.previous: str | None = None

    @property
    def key_id(self) -> str:
        return self.key_id_raw[::-1].hex().upper()

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.public_raw).hexdigest()

    def pub_text(self) -> str:
        line = base64.b64encode(b"Ed" + self.key_id_raw + self.public_raw).decode()
        return f"untrusted comment: minisign public key {self.key_id}\n{line}\n"

    def sign(self, data: bytes, comment: str) -> bytes:
        signature = self.private.sign(hashlib.blake2b(data).digest())
        global_sig = self.private.sign(signature + comment.encode())
        return (
            b"untrusted comment: signature from station export key\n"
            + base64.b64encode(b"ED" + self.key_id_raw + signature)
            + b"\ntrusted comment: "
            + comment.encode()
            + b"\n"
            + base64.b64encode(global_sig)
            + b"\n"
        )

    def export(
        self,
        out: Path,
        period: str,
        doc: dict[str, Any] | None = None,
        *,
        sequence: int | None = None,
        previous: str | bool | None = True,
        manifest_edit: dict[str, Any] | None = None,
        comment: str | None = None,
        advance: bool = True,
    ) -> Path:
        """Write the export folder ``station-<CODE>-<period>-<seq>`` under ``out``."""
        seq = self.sequence + 1 if sequence is None else sequence
        prev = self.previous if previous is True else (previous or None)
        document = doc if doc is not None else sample_doc(self.code, period)
        files = {
            "stats.json": dumps(document),
            "station.pub": self.pub_text().encode(),
            "stats.xlsx": b"PK\x03\x04 fake workbook " + period.encode(),
            "summary.pdf": b"%PDF-1.4 fake summary " + period.encode(),
        }
        if manifest_edit is None and comment is None:
            signed = package.sign_folder(
                {k: v for k, v in files.items() if k != "station.pub"},
                station=self.code,
                period=period,
                sequence=seq,
                schema="station-stats/1",
                previous=prev,
                key=package.SigningKey(
                    key_id=self.key_id_raw,
                    private_raw=self.private.private_bytes_raw(),
                    public_raw=self.public_raw,
                ),
            )
            files = dict(signed)
            manifest_bytes = files["manifest.json"]
        else:
            manifest: dict[str, Any] = {
                "format": "station-export/1",
                "station": self.code,
                "key_id": self.key_id,
                "period": period,
                "sequence": seq,
                "schema": "station-stats/1",
                "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
                "previous": prev,
            }
            manifest.update(copy.deepcopy(manifest_edit or {}))
            manifest_bytes = json.dumps(manifest, sort_keys=True, indent=1).encode()
            files["manifest.json"] = manifest_bytes
            files["manifest.json.minisig"] = self.sign(
                manifest_bytes,
                comment
                if comment is not None
                else f"station {self.code} period {period} sequence {seq}",
            )
        folder = out / f"station-{self.code}-{period}-{seq:06d}"
        folder.mkdir(parents=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        if advance:
            self.sequence = seq
            self.previous = hashlib.sha256(manifest_bytes).hexdigest()
        return folder


def tar_bytes(folder: Path) -> bytes:
    """The station's deterministic tar of an export folder."""
    return package.tar_bytes(folder.name, {p.name: p.read_bytes() for p in folder.iterdir()})


def pax_tar_bytes(folder: Path) -> bytes:
    """Another writer's tar (PAX headers, a directory entry): the city reads it too."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        info = tarfile.TarInfo(folder.name)
        info.type = tarfile.DIRTYPE
        info.mode = 0o755
        archive.addfile(info)
        for path in sorted(folder.iterdir()):
            data = path.read_bytes()
            info = tarfile.TarInfo(f"{folder.name}/{path.name}")
            info.size = len(data)
            info.mode = 0o644
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def tar_folder(folder: Path) -> Path:
    target = folder.with_name(folder.name + ".tar")
    target.write_bytes(tar_bytes(folder))
    return target


def encrypt_folder(folder: Path, recipient: str) -> Path:
    target = folder.with_name(folder.name + ".tar.age")
    target.write_bytes(package.encrypt(tar_bytes(folder), recipient))
    return target
