"""The city office verifies every export: one test per reason an export is turned away."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from datetime import date
from pathlib import Path

import pyrage
import pytest

from station.city import verify
from station.city.registry import Registry, fingerprint, format_fingerprint
from station.city.verify import ExportRejected, Reason
from station.errors import StationError
from tests.city_exports import (
    FakeStation,
    dumps,
    encrypt_folder,
    pax_tar_bytes,
    sample_doc,
    tar_folder,
)

TODAY = date(2026, 11, 23)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    return Registry(tmp_path / "keys", tmp_path / "keys" / "accepted.json")


@pytest.fixture
def station(registry: Registry) -> FakeStation:
    fake = FakeStation("CX-ZH01")
    registry.add_key(fake.pub_text(), fake.code)
    return fake


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def open_(path: Path, registry: Registry, identity: str | None = None) -> verify.VerifiedExport:
    return verify.open_export(path, identity, registry, today=TODAY)


def rejected(path: Path, registry: Registry, identity: str | None = None) -> ExportRejected:
    with pytest.raises(ExportRejected) as caught:
        open_(path, registry, identity)
    return caught.value


def batch(paths: list[Path], registry: Registry) -> verify.BatchResult:
    return verify.verify_batch(paths, None, registry, today=TODAY)


def rewrite_signed(station: FakeStation, folder: Path, **changes: bytes) -> None:
    """Replace files and re-sign a manifest that lists their new hashes (a station's bug,
    not tampering: the signature is valid)."""
    import hashlib

    for name, data in changes.items():
        (folder / name).write_bytes(data)
    manifest = json.loads((folder / "manifest.json").read_bytes())
    for name in manifest["files"]:
        manifest["files"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    data = json.dumps(manifest, sort_keys=True, indent=2).encode()
    (folder / "manifest.json").write_bytes(data)
    comment = f"station {manifest['station']} period {manifest['period']} sequence " + str(
        manifest["sequence"]
    )
    (folder / "manifest.json.minisig").write_bytes(station.sign(data, comment))


# -- genuine exports ----------------------------------------------------------------------
def test_fingerprint_is_the_recovery_sheets(station: FakeStation) -> None:
    assert fingerprint(station.pub_text()) == station.fingerprint
    assert format_fingerprint(station.fingerprint).split()[0] == station.fingerprint[:4]


def test_genuine_folder_tar_and_encrypted_archive_are_accepted(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    identity = pyrage.x25519.Identity.generate()
    folder = station.export(out, "2026-09")
    expected = {p.name: p.read_bytes() for p in folder.iterdir()}
    pax = out / "other.tar"
    pax.write_bytes(pax_tar_bytes(folder))
    for path, key in (
        (folder, None),
        (tar_folder(folder), None),
        (pax, None),
        (encrypt_folder(folder, str(identity.to_public())), str(identity)),
    ):
        export = open_(path, registry, key)
        assert (export.station, export.period, export.sequence) == ("CX-ZH01", "2026-09", 1)
        assert dict(export.files) == expected
        assert export.stats.table("people_by_gender_age") is not None


@pytest.mark.skipif(shutil.which("minisign") is None, reason="Debian's minisign is not installed")
def test_test_exports_verify_with_the_minisign_tool(station: FakeStation, out: Path) -> None:
    """The helper's own signer (used for crafted manifests) is real minisign too."""
    genuine = station.export(out, "2026-09")
    crafted = station.export(out, "2026-10", manifest_edit={})
    for folder in (genuine, crafted):
        (folder / "k.pub").write_text(station.pub_text())
        done = subprocess.run(
            ["minisign", "-Vm", "manifest.json", "-p", "k.pub"],
            cwd=folder,
            capture_output=True,
            timeout=30,
        )
        assert done.returncode == 0, done.stderr


def test_the_untrusted_comment_matches_what_the_station_writes() -> None:
    from station.export import minisign_format

    assert verify.SIGNATURE_UNTRUSTED_COMMENT == minisign_format.SIGNATURE_UNTRUSTED_COMMENT


# -- 1. reading ---------------------------------------------------------------------------
def test_truncated_tar_is_unreadable(station: FakeStation, registry: Registry, out: Path) -> None:
    archive = tar_folder(station.export(out, "2026-09"))
    data = archive.read_bytes()
    with tarfile.open(fileobj=io.BytesIO(data)) as complete:
        members = complete.getmembers()
        end = complete.offset  # where the end-of-archive blocks start
    last = members[-1]
    for cut in (100, 700, len(data) // 2, last.offset_data + last.size // 2, end, end + 512):
        archive.write_bytes(data[:cut])
        assert rejected(archive, registry).reason is Reason.UNREADABLE, cut
    archive.write_bytes(data[: end + 1024])  # the record padding after the end is not content
    assert open_(archive, registry).sequence == 1
    archive.write_bytes(b"")
    assert rejected(archive, registry).reason is Reason.UNREADABLE


def test_truncated_or_foreign_encrypted_archive(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    city = pyrage.x25519.Identity.generate()
    other = pyrage.x25519.Identity.generate()
    archive = encrypt_folder(station.export(out, "2026-09"), str(city.to_public()))
    assert rejected(archive, registry).reason is Reason.ENCRYPTED  # no identity given
    wrong = rejected(archive, registry, str(other))
    assert wrong.reason is Reason.ENCRYPTED and "不是加密给本市办公室" in wrong.zh
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) - 20])
    assert rejected(archive, registry, str(city)).reason is Reason.UNREADABLE


def test_a_bad_identity_is_the_callers_error(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    folder = station.export(out, "2026-09")
    with pytest.raises(StationError) as caught:
        verify.verify_batch([folder], "AGE-SECRET-KEY-1NOPE", registry)
    assert "身份密钥无效" in caught.value.zh
    assert not isinstance(caught.value, ExportRejected)


def test_not_an_export_and_missing(registry: Registry, tmp_path: Path) -> None:
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff" + bytes(2000))
    assert rejected(junk, registry).reason is Reason.UNREADABLE
    assert rejected(tmp_path / "nothing.tar", registry).reason is Reason.UNREADABLE


def _tar_with(members: list[tuple[tarfile.TarInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for info, data in members:
            info.size = len(data) if info.isreg() else 0
            archive.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["symlink", "hardlink", "parent", "absolute", "device", "deep"])
def test_unsafe_archives_are_refused(registry: Registry, tmp_path: Path, kind: str) -> None:
    good = tarfile.TarInfo("station-X/manifest.json")
    evil = tarfile.TarInfo("station-X/stats.json")
    if kind == "symlink":
        evil.type, evil.linkname = tarfile.SYMTYPE, "/etc/passwd"
    elif kind == "hardlink":
        evil.type, evil.linkname = tarfile.LNKTYPE, "station-X/manifest.json"
    elif kind == "parent":
        evil.name = "station-X/../../evil"
    elif kind == "absolute":
        evil.name = "/tmp/evil"
    elif kind == "device":
        evil.type = tarfile.CHRTYPE
    else:
        evil.name = "station-X/sub/stats.json"
    path = tmp_path / "evil.tar"
    path.write_bytes(_tar_with([(good, b"{}"), (evil, b"x")]))
    assert rejected(path, registry).reason is Reason.UNSAFE
    assert not (tmp_path / "evil").exists()


def test_folder_with_a_subfolder_or_link_is_refused(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    folder = station.export(out, "2026-09")
    (folder / "sub").mkdir()
    assert rejected(folder, registry).reason is Reason.UNSAFE
    (folder / "sub").rmdir()
    (folder / "link").symlink_to(folder / "stats.json")
    assert rejected(folder, registry).reason is Reason.UNSAFE
    (folder / "link").unlink()
    (folder / "Thumbs.db").write_bytes(b"junk a PC leaves behind")
    assert open_(folder, registry).sequence == 1


# -- 2. signed at all ------------------------------------------------------------------------
def test_missing_signature_is_unsigned(station: FakeStation, registry: Registry, out: Path) -> None:
    folder = station.export(out, "2026-09")
    (folder / "manifest.json.minisig").unlink()
    error = rejected(folder, registry)
    assert error.reason is Reason.UNSIGNED and error.zh.startswith("未签名")
    (folder / "manifest.json").unlink()
    assert rejected(folder, registry).reason is Reason.UNSIGNED


# -- 3. the manifest ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"\xff\xfe\x00",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"sequence": 1' + b"9" * 5000 + b"}",
        b'{"sequence": 1e999}',
        b'{"sequence": NaN}',
        b'{"a": 1, "a": 2}',
        b"[1, 2, 3]",
        b" " * (70 * 1024),
    ],
    ids=[
        "broken",
        "empty",
        "binary",
        "deep",
        "huge-int",
        "huge-float",
        "nan",
        "dup-key",
        "array",
        "too-big",
    ],
)
def test_malformed_manifest(
    station: FakeStation, registry: Registry, out: Path, content: bytes
) -> None:
    folder = station.export(out, "2026-09")
    (folder / "manifest.json").write_bytes(content)
    error = rejected(folder, registry)
    assert error.reason is Reason.MALFORMED
    assert error.zh.startswith("manifest.json 格式错误")


@pytest.mark.parametrize(
    "edit",
    [
        {"sequence": "1"},
        {"sequence": True},
        {"sequence": 0},
        {"sequence": 2},  # second export without a previous hash
        {"period": "2026-13"},
        {"period": 202609},
        {"station": "../../etc"},
        {"key_id": "zz"},
        {"files": {"stats.json": "00"}},
        {"files": {"../stats.json": "0" * 64}},
        {"files": {"summary.pdf": "0" * 64}},
        {"previous": 5},
        {"extra": 1},
    ],
)
def test_manifest_with_wrong_types_or_values(
    station: FakeStation, registry: Registry, out: Path, edit: dict[str, object]
) -> None:
    folder = station.export(out, "2026-09", manifest_edit=edit)
    assert rejected(folder, registry).reason is Reason.MALFORMED


def test_wrong_schema_version(station: FakeStation, registry: Registry, out: Path) -> None:
    folder = station.export(out, "2026-09", manifest_edit={"schema": "station-stats/2"})
    error = rejected(folder, registry)
    assert error.reason is Reason.SCHEMA_VERSION and "station-stats/2" in error.zh
    folder = station.export(out, "2026-10", manifest_edit={"format": "station-export/9"})
    assert rejected(folder, registry).reason is Reason.SCHEMA_VERSION
    doc = sample_doc(station.code, "2026-08")
    doc["schema"] = "station-stats/2"
    folder = station.export(out, "2026-08", doc)  # genuinely signed, newer document
    assert rejected(folder, registry).reason is Reason.SCHEMA_VERSION


# -- 4. registered --------------------------------------------------------------------------
def test_unknown_key_is_an_unknown_station(registry: Registry, out: Path) -> None:
    stranger = FakeStation("CX-ZH09")
    error = rejected(stranger.export(out, "2026-09"), registry)
    assert error.reason is Reason.UNKNOWN_STATION and error.zh.startswith("未登记的站点")


def test_a_key_signs_only_for_its_own_station(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    impostor = FakeStation("CX-ZH02")
    impostor.private, impostor.public_raw = station.private, station.public_raw
    impostor.key_id_raw = station.key_id_raw
    error = rejected(impostor.export(out, "2026-09"), registry)
    assert error.reason is Reason.UNKNOWN_STATION and "CX-ZH01" in error.zh


# -- 5. the signature ----------------------------------------------------------------------
def test_changed_manifest_byte_breaks_the_signature(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    folder = station.export(out, "2026-09")
    manifest = (folder / "manifest.json").read_bytes()
    digest = json.loads(manifest)["files"]["summary.pdf"]
    changed = digest[:10] + ("0" if digest[10] != "0" else "1") + digest[11:]
    (folder / "manifest.json").write_bytes(manifest.replace(digest.encode(), changed.encode()))
    error = rejected(folder, registry)
    assert error.reason is Reason.BAD_SIGNATURE
    assert error.zh.startswith("签名无效（文件被改动）")


def test_every_changed_byte_of_manifest_and_signature_is_rejected(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    folder = station.export(out, "2026-09")
    for name in ("manifest.json", "manifest.json.minisig", "station.pub"):
        original = (folder / name).read_bytes()
        for index in range(len(original)):
            changed = bytearray(original)
            changed[index] ^= 0x01
            (folder / name).write_bytes(bytes(changed))
            with pytest.raises(ExportRejected):
                open_(folder, registry)
        (folder / name).write_bytes(original)
    assert open_(folder, registry).sequence == 1


def test_signature_by_another_key_with_the_same_id(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    forger = FakeStation(station.code)
    forger.key_id_raw = station.key_id_raw  # claims the registered key id
    assert rejected(forger.export(out, "2026-09"), registry).reason is Reason.BAD_SIGNATURE


# -- 6. the trusted comment ---------------------------------------------------------------------
def test_trusted_comment_must_agree(station: FakeStation, registry: Registry, out: Path) -> None:
    folder = station.export(out, "2026-09", comment="station CX-ZH01 period 2026-08 sequence 1")
    assert rejected(folder, registry).reason is Reason.COMMENT_MISMATCH
    folder = station.export(out, "2026-10", comment="timestamp:1790000000")
    assert rejected(folder, registry).reason is Reason.COMMENT_MISMATCH


# -- 7. the files ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["stats.json", "stats.xlsx", "summary.pdf", "station.pub"])
def test_changed_byte_in_any_file(
    station: FakeStation, registry: Registry, out: Path, name: str
) -> None:
    folder = station.export(out, "2026-09")
    data = bytearray((folder / name).read_bytes())
    data[len(data) // 2] ^= 0x20
    (folder / name).write_bytes(bytes(data))
    error = rejected(folder, registry)
    assert error.reason is Reason.FILE_CHANGED
    assert error.zh == f"文件被改动：{name}。"


def test_missing_and_extra_files(station: FakeStation, registry: Registry, out: Path) -> None:
    folder = station.export(out, "2026-09")
    (folder / "notes.txt").write_text("hello")
    assert rejected(folder, registry).reason is Reason.EXTRA_FILE
    (folder / "notes.txt").unlink()
    (folder / "summary.pdf").unlink()
    error = rejected(folder, registry)
    assert error.reason is Reason.FILE_MISSING and "summary.pdf" in error.zh


def test_station_pub_must_be_the_registered_key(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    folder = station.export(out, "2026-09")
    rewrite_signed(station, folder, **{"station.pub": FakeStation().pub_text().encode()})
    assert rejected(folder, registry).reason is Reason.KEY_MISMATCH


# -- 8. stats.json ----------------------------------------------------------------------------
def test_stats_json_failing_the_schema(station: FakeStation, registry: Registry, out: Path) -> None:
    doc = sample_doc(station.code, "2026-09")
    del doc["notes"]
    error = rejected(station.export(out, "2026-09", doc), registry)
    assert error.reason is Reason.INVALID_STATS and "stats.json" in error.zh


@pytest.mark.parametrize(
    "breakage",
    ["negative", "text", "float", "missing-cell", "margins", "huge", "deep", "nested-huge"],
)
def test_stats_json_malformed_values(
    station: FakeStation, registry: Registry, out: Path, breakage: str
) -> None:
    doc = sample_doc(station.code, "2026-09")
    people = doc["tables"]["people_by_gender_age"]["month"]
    raw: bytes | None = None
    if breakage == "negative":
        people["female"]["a18_34"] = -1
    elif breakage == "text":
        people["female"]["a18_34"] = "ten"
    elif breakage == "float":
        people["female"]["a18_34"] = 10.5
    elif breakage == "missing-cell":
        del people["female"]["a18_34"]
    elif breakage == "margins":
        people["female"]["a18_34"] = 11  # the row no longer adds up to its total
    elif breakage == "huge":
        raw = dumps(doc).replace(b'"a18_34":10', b'"a18_34":1' + b"0" * 400, 1)
    elif breakage == "deep":
        raw = dumps(doc)[:-1] + b',"x":' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    else:
        people["female"]["a18_34"] = 10**12
    folder = station.export(out, "2026-09", doc)
    if raw is not None:
        rewrite_signed(station, folder, **{"stats.json": raw})
    error = rejected(folder, registry)
    assert error.reason in (Reason.INVALID_STATS, Reason.MALFORMED)
    assert "stats.json" in error.zh


def test_stats_json_of_another_month_or_station(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    folder = station.export(out, "2026-09", sample_doc(station.code, "2026-08"))
    error = rejected(folder, registry)
    assert error.reason is Reason.WRONG_MONTH and error.zh.startswith("月份不符")
    folder = station.export(out, "2026-10", sample_doc("CX-ZH02", "2026-10"))
    assert rejected(folder, registry).reason is Reason.WRONG_MONTH


def test_a_month_that_has_not_ended(station: FakeStation, registry: Registry, out: Path) -> None:
    folder = station.export(out, "2026-11")
    error = rejected(folder, registry)
    assert error.reason is Reason.WRONG_MONTH and "没有结束" in error.zh


def test_file_name_disagreeing_with_the_manifest(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    archive = tar_folder(station.export(out, "2026-09"))
    renamed = archive.with_name("station-CX-ZH01-2026-10-000001.tar")
    archive.rename(renamed)
    assert rejected(renamed, registry).reason is Reason.WRONG_MONTH


# -- 9. the chain ------------------------------------------------------------------------------
def test_chain_accepts_in_sequence_order_whatever_the_argument_order(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    first = station.export(out, "2026-08")
    second = station.export(out, "2026-09")
    result = batch([second, first], registry)
    assert not result.rejected
    assert [e.sequence for e in result.accepted] == [1, 2]


def test_duplicate_in_batch_and_later(station: FakeStation, registry: Registry, out: Path) -> None:
    folder = station.export(out, "2026-09")
    copy = tar_folder(folder)
    result = batch([folder, copy], registry)
    assert [e.source for e in result.accepted] == [folder.name]
    assert [(n, e.reason) for n, e in result.rejected] == [(copy.name, Reason.DUPLICATE)]
    verify.commit(registry, result.accepted)
    again = batch([folder], registry)
    assert again.rejected[0][1].reason is Reason.DUPLICATE
    assert again.rejected[0][1].zh.startswith("重复的导出")


def test_replayed_sequence(station: FakeStation, registry: Registry, out: Path) -> None:
    old = station.export(out, "2026-08")
    new = station.export(out, "2026-09")
    verify.commit(registry, batch([old, new], registry).accepted)
    forked = station.export(out, "2026-07", sequence=1, previous=None, advance=False)
    result = batch([forked], registry)
    assert result.rejected[0][1].reason is Reason.REPLAYED
    assert result.rejected[0][1].zh.startswith("序号重放")


def test_skipped_sequence(station: FakeStation, registry: Registry, out: Path) -> None:
    verify.commit(registry, batch([station.export(out, "2026-07")], registry).accepted)
    station.export(out / "lost", "2026-08")  # never reaches the city
    third = station.export(out, "2026-09")
    result = batch([third], registry)
    assert result.rejected[0][1].reason is Reason.SKIPPED
    assert result.rejected[0][1].zh.startswith("序号跳号")


def test_broken_previous_hash_is_a_skip(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    verify.commit(registry, batch([station.export(out, "2026-08")], registry).accepted)
    folder = station.export(out, "2026-09", previous="0" * 64)
    assert batch([folder], registry).rejected[0][1].reason is Reason.SKIPPED


def test_first_contact_may_start_after_sequence_one(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    station.export(out / "before", "2026-07")
    assert not batch([station.export(out, "2026-08")], registry).rejected


def test_re_export_of_a_month_must_carry_the_same_figures(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    verify.commit(registry, batch([station.export(out, "2026-09")], registry).accepted)
    same = station.export(out, "2026-09")
    assert not batch([same], registry).rejected
    changed = station.export(out, "2026-09", sample_doc(station.code, "2026-09", services=41))
    result = batch([changed], registry)
    # the second re-export follows the accepted first one only if "same" was recorded
    assert result.rejected[0][1].reason in (Reason.SKIPPED, Reason.RELEASE_CHANGED)
    verify.commit(registry, batch([same], registry).accepted)
    result = batch([changed], registry)
    assert result.rejected[0][1].reason is Reason.RELEASE_CHANGED


def test_a_pending_key_is_bound_by_its_first_export(registry: Registry, out: Path) -> None:
    fake = FakeStation("CX-ZH03")
    added = registry.add_key(fake.pub_text())
    assert added.station_code is None
    other = FakeStation("CX-ZH04")
    other.private, other.public_raw, other.key_id_raw = (
        fake.private,
        fake.public_raw,
        fake.key_id_raw,
    )
    first = fake.export(out, "2026-09")
    claim = other.export(out, "2026-09")
    result = batch([first, claim], registry)
    assert [e.station for e in result.accepted] == ["CX-ZH03"]
    assert result.rejected[0][1].reason is Reason.UNKNOWN_STATION
    verify.commit(registry, result.accepted)
    bound = registry.key_for_station("CX-ZH03")
    assert bound is not None and bound.key_id == fake.key_id
    assert (registry.keys_dir / "CX-ZH03.pub").is_file()
    assert not list(registry.keys_dir.glob("pending-*"))


def test_registry_refuses_a_second_key_for_a_station(
    station: FakeStation, registry: Registry
) -> None:
    with pytest.raises(StationError) as second:
        registry.add_key(FakeStation().pub_text(), station.code)
    assert "另一把公钥" in second.value.zh
    assert registry.add_key(station.pub_text(), station.code).key_id == station.key_id
    with pytest.raises(StationError) as bad:
        registry.add_key("untrusted comment: x\nnot base64!!\n")
    assert bad.value.zh.startswith("公钥格式不正确")


def test_a_tar_made_with_tar_c_dot_is_read(
    station: FakeStation, registry: Registry, out: Path
) -> None:
    folder = station.export(out, "2026-09")
    archive = out / "by-hand.tar"
    done = subprocess.run(
        ["tar", "-cf", str(archive), "-C", str(folder), "."], capture_output=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert open_(archive, registry).station == "CX-ZH01"
