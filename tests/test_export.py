"""The monthly export service: files, manifest, sequence and chain, encryption, the export
log, audit, roles, and what a failed write leaves (no sequence used, no log row).

The statistics release is stood in for by ``tests.export_fixtures.fake_finalise`` (a
hand-made document of the stats.json shape), so these tests exercise the export alone;
tests/test_export_privacy.py runs the real statistics over a seeded vault.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pyrage
import pytest
from sqlalchemy import select

from station.errors import PermissionDenied, StationError, ValidationError
from station.export import files as export_files
from station.export import minisign_format, package, usb
from station.models import AuditEntry, ExportLog
from station.services import export, settings
from station.services.context import SignedIn
from tests.export_fixtures import document_bytes, sample_document, use_fake_finalise


@pytest.fixture(autouse=True)
def fake_statistics(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_finalise(monkeypatch)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def _read_folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.iterdir()}


def test_plain_export_files_and_manifest(custodian: SignedIn, stick: Path) -> None:
    result = export.export_month(custodian, 2026, 3, stick)
    assert result.path == stick / "station-CX-ZH01-2026-03-000001"
    assert result.sequence == 1 and result.period == "2026-03"
    assert not result.encrypted
    assert "没有加密" in result.not_encrypted_reason
    content = _read_folder(result.path)
    assert sorted(content) == sorted(package.ALL_FILES)
    assert [p.name for p in stick.iterdir()] == [result.path.name]  # no partial left

    manifest = json.loads(content["manifest.json"])
    key = settings.signing_key(custodian)
    assert manifest == {
        "format": "station-export/1",
        "station": "CX-ZH01",
        "key_id": key.key_id,
        "period": "2026-03",
        "sequence": 1,
        "schema": "station-stats/1",
        "files": {name: hashlib.sha256(content[name]).hexdigest() for name in package.DATA_FILES},
        "previous": None,
    }
    # deterministic bytes: sorted keys, no timestamp
    assert content["manifest.json"] == package.manifest_bytes(
        station="CX-ZH01",
        key_id=key.key_id,
        period="2026-03",
        sequence=1,
        schema="station-stats/1",
        files=manifest["files"],
        previous=None,
    )
    assert content["station.pub"].decode().splitlines() == [
        f"untrusted comment: minisign public key {key.key_id}",
        key.public_key_line,
    ]
    comment = minisign_format.verify(
        content["manifest.json"], content["manifest.json.minisig"], content["station.pub"]
    )
    assert comment == "station CX-ZH01 period 2026-03 sequence 1"
    assert b"timestamp" not in content["manifest.json.minisig"]
    assert content["stats.json"] == document_bytes(sample_document())
    assert result.files == {n: hashlib.sha256(b).hexdigest() for n, b in content.items()}
    assert result.manifest_sha256 == hashlib.sha256(content["manifest.json"]).hexdigest()
    package.verify_folder(content)


def test_sequence_grows_and_chains(custodian: SignedIn, stick: Path) -> None:
    first = export.export_month(custodian, 2026, 3, stick)
    again = export.export_month(custodian, 2026, 3, stick)  # re-export of a released month
    april = export.export_month(custodian, 2026, 4, stick)
    assert [first.sequence, again.sequence, april.sequence] == [1, 2, 3]
    assert again.path.name == "station-CX-ZH01-2026-03-000002"
    one, two, three = (_read_folder(r.path) for r in (first, again, april))
    assert one["stats.json"] == two["stats.json"]  # same figures, byte for byte
    assert one["manifest.json"] != two["manifest.json"]
    chain = [json.loads(m["manifest.json"]) for m in (one, two, three)]
    assert chain[0]["previous"] is None
    assert chain[1]["previous"] == hashlib.sha256(one["manifest.json"]).hexdigest()
    assert chain[2]["previous"] == hashlib.sha256(two["manifest.json"]).hexdigest()
    assert chain[2]["period"] == "2026-04"


def test_encrypted_export_decrypts_to_the_same_files(custodian: SignedIn, stick: Path) -> None:
    identity = pyrage.x25519.Identity.generate()
    export.set_city_recipient(custodian, f"  {identity.to_public()}\n")
    assert export.city_recipient(custodian) == str(identity.to_public())
    result = export.export_month(custodian, 2026, 3, stick)
    assert result.encrypted and result.not_encrypted_reason == ""
    assert result.path == stick / "station-CX-ZH01-2026-03-000001.tar.age"
    assert [p.name for p in stick.iterdir()] == [result.path.name]
    blob = result.path.read_bytes()
    assert blob.startswith(b"age-encryption.org/v1\n")
    assert result.files[result.path.name] == hashlib.sha256(blob).hexdigest()

    plain = pyrage.decrypt(blob, [identity])
    folder, content = package.read_tar(plain)
    assert folder == "station-CX-ZH01-2026-03-000001"
    assert sorted(content) == sorted(package.ALL_FILES)
    package.verify_folder(content)
    assert content["stats.json"] == document_bytes(sample_document())
    for name, data in content.items():
        assert result.files[name] == hashlib.sha256(data).hexdigest()
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == [folder] + [f"{folder}/{n}" for n in sorted(content)]
    assert {(m.mtime, m.uid, m.gid, m.uname, m.gname) for m in members} == {(0, 0, 0, "", "")}

    other = pyrage.x25519.Identity.generate()
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(blob, [other])


def test_the_tar_is_deterministic() -> None:
    files = {"b.txt": b"b", "a.txt": b"a"}
    assert package.tar_bytes("x", files) == package.tar_bytes("x", dict(reversed(files.items())))


def test_city_recipient_rules(custodian: SignedIn, lead: SignedIn, lin: SignedIn) -> None:
    assert export.city_recipient(custodian) is None
    with pytest.raises(ValidationError) as info:
        export.set_city_recipient(custodian, "age1notakey")
    assert info.value.field == "city_recipient"
    with pytest.raises(ValidationError):
        export.set_city_recipient(custodian, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA")
    with pytest.raises(PermissionDenied):
        export.set_city_recipient(lead, str(pyrage.x25519.Identity.generate().to_public()))
    with pytest.raises(PermissionDenied):
        export.city_recipient(lin)
    key = str(pyrage.x25519.Identity.generate().to_public())
    assert export.set_city_recipient(custodian, key) == key
    assert export.city_recipient(lead) == key
    assert export.set_city_recipient(custodian, "") is None
    assert export.city_recipient(custodian) is None
    with custodian.vault.transaction() as s:
        details = s.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "city_key_set")
        ).all()
    assert details == [key[:16] + "…", "cleared"]


def test_export_log_and_audit(custodian: SignedIn, lead: SignedIn, stick: Path) -> None:
    first = export.export_month(custodian, 2026, 3, stick)
    export.set_city_recipient(custodian, str(pyrage.x25519.Identity.generate().to_public()))
    second = export.export_month(lead, 2026, 4, stick)
    log = export.export_log(custodian)
    assert [(v.sequence, v.period, v.encrypted, v.user) for v in log] == [
        (2, "2026-04", True, "站长"),
        (1, "2026-03", False, "王管理"),
    ]
    assert log[1].files == first.files and log[0].files == second.files
    assert log[1].manifest_sha256 == first.manifest_sha256
    assert len(log[0].created_at) == len("2026-03-05 14:30")
    assert export.export_log(lead) == log
    with custodian.vault.transaction() as s:
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "stats_export").order_by(AuditEntry.seq)
        ).all()
        assert [(e.object_kind, e.object_id, e.detail) for e in entries] == [
            ("export", "1", "2026-03 signed, not encrypted"),
            ("export", "2", "2026-04 encrypted"),
        ]
        assert [e.user_id for e in entries] == [custodian.user_id, lead.user_id]


def test_a_counsellor_cannot_export(lin: SignedIn, custodian: SignedIn, stick: Path) -> None:
    with pytest.raises(PermissionDenied):
        export.export_month(lin, 2026, 3, stick)
    with pytest.raises(PermissionDenied):
        export.export_log(lin)
    assert list(stick.iterdir()) == []


def test_failed_write_uses_no_sequence(
    custodian: SignedIn, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> Path:
        raise usb.UsbFull

    monkeypatch.setattr(usb, "write_export", full)
    with pytest.raises(usb.UsbFull):
        export.export_month(custodian, 2026, 3, stick)
    with custodian.vault.transaction() as s:
        assert s.scalars(select(ExportLog)).all() == []
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "stats_export")).all() == []
    monkeypatch.undo()
    use_fake_finalise(monkeypatch)
    assert export.export_month(custodian, 2026, 3, stick).sequence == 1


def test_cancel_leaves_nothing(custodian: SignedIn, stick: Path) -> None:
    polls = {"n": 0}

    def cancelled() -> bool:
        polls["n"] += 1
        return polls["n"] > 5

    with pytest.raises(usb.ExportCancelled):
        export.export_month(custodian, 2026, 3, stick, cancelled=cancelled)
    assert list(stick.iterdir()) == []
    assert export.export_log(custodian) == []


def test_progress_reports(custodian: SignedIn, stick: Path) -> None:
    steps: list[tuple[int, int]] = []
    export.export_month(custodian, 2026, 3, stick, progress=lambda d, t: steps.append((d, t)))
    assert steps[0] == (0, 0)  # building: indeterminate
    total = steps[-1][1]
    assert total > 0 and steps[-1] == (total, total)
    dones = [d for d, t in steps[1:]]
    assert dones == sorted(dones)


def test_a_failed_log_write_takes_the_export_back(
    custodian: SignedIn, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise StationError("记录失败。", "log failed")

    monkeypatch.setattr(export, "_record", broken)
    with pytest.raises(StationError, match="log failed"):
        export.export_month(custodian, 2026, 3, stick)
    assert list(stick.iterdir()) == []


def test_concurrent_export_with_the_same_sequence(
    custodian: SignedIn, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another export recorded sequence 1 between our read and our write: ours is
    withdrawn, theirs stays."""
    real_write = usb.write_export
    other = stick / "other"
    other.mkdir()

    def racing(*args: object, **kwargs: object) -> Path:
        monkeypatch.setattr(usb, "write_export", real_write)
        export.export_month(custodian, 2026, 3, other)  # takes sequence 1
        return real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(usb, "write_export", racing)
    with pytest.raises(StationError, match="Another export"):
        export.export_month(custodian, 2026, 3, stick)
    assert [p.name for p in stick.iterdir()] == ["other"]
    assert [v.sequence for v in export.export_log(custodian)] == [1]


def test_unsuppressed_small_count_is_refused(
    custodian: SignedIn, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = sample_document()
    bad["tables"]["services_by_kind"]["month"]["sandplay"]["n"] = 3

    def leaky(ctx: SignedIn, year: int, month: int, expected: bytes | None) -> tuple[int, bytes]:
        from tests.export_fixtures import fake_finalise

        release_id, _ = fake_finalise(ctx, year, month)
        return release_id, document_bytes(bad)

    monkeypatch.setattr(export, "_finalise", leaky)
    with pytest.raises(StationError, match="export check"):
        export.export_month(custodian, 2026, 3, stick)
    assert list(stick.iterdir()) == []


def test_missing_target(custodian: SignedIn, tmp_path: Path) -> None:
    with pytest.raises(StationError) as info:
        export.export_month(custodian, 2026, 3, tmp_path / "nowhere")
    assert "U盘" in info.value.zh
    with pytest.raises(ValidationError):
        export.export_month(custodian, 2026, 13, tmp_path)


def test_tampered_folder_is_detected(custodian: SignedIn, stick: Path) -> None:
    result = export.export_month(custodian, 2026, 3, stick)
    content = _read_folder(result.path)
    changed = dict(content)
    changed["stats.xlsx"] = content["stats.xlsx"] + b"\0"
    with pytest.raises(package.PackageError, match=r"stats\.xlsx"):
        package.verify_folder(changed)
    changed = dict(content)
    changed["manifest.json"] = content["manifest.json"].replace(b'"sequence": 1', b'"sequence": 7')
    with pytest.raises(minisign_format.SignatureError):
        package.verify_folder(changed)
    other_key = minisign_format.public_key_text(b"\1" * 8, b"\2" * 32)
    with pytest.raises(minisign_format.SignatureError, match="another key"):
        package.verify_folder(content, other_key)


def test_xlsx_headers_and_markers(custodian: SignedIn, stick: Path) -> None:
    from openpyxl import load_workbook

    result = export.export_month(custodian, 2026, 3, stick)
    wb = load_workbook(result.path / "stats.xlsx")
    ws = wb[export_files.SHEET_TITLE]
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    flat = [v for row in values for v in row if v is not None]
    assert "类别" in flat and "个体咨询" in flat and "30-44岁" in flat and "合计" in flat
    assert any(isinstance(v, str) and v.startswith("注：“*”") for v in flat)
    stars = [c for row in ws.iter_rows() for c in row if c.value == "*"]
    assert stars and all(c.data_type == "s" for c in stars)
    with zipfile.ZipFile(result.path / "stats.xlsx") as z:
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())
        core = z.read("docProps/core.xml")
    assert b"created" not in core and b"modified" not in core
