"""Sandplay details and tray photos: kept only inside the encrypted vault, checked by
type, size and count, metadata stripped, every view audited."""

from __future__ import annotations

import io
import os
import random
import struct
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from station.errors import PermissionDenied, ValidationError
from station.models import AuditEntry, SandplayPhoto
from station.models.vocab import ServiceKind
from station.services import access, accounts, cases, photos, sandplay, sessions
from station.services.context import SignedIn
from station.services.sandplay import SandplayInput
from station.services.sessions import SessionInput
from tests.records_fixtures import make_counsellor, make_lead, new_client_case

# -- real images, made here --------------------------------------------------------------


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def make_png(width: int = 48, height: int = 32, extra: bytes = b"") -> bytes:
    """An 8-bit RGB PNG of random pixels (unique per call); ``extra`` chunks go
    before the image data."""
    rows = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
    return (
        photos.PNG_SIGNATURE
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + extra
        + _png_chunk(b"IDAT", zlib.compress(rows))
        + _png_chunk(b"IEND", b"")
    )


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def make_jpeg(width: int = 64, height: int = 48, extra: bytes = b"") -> bytes:
    """A baseline greyscale JPEG of random 8×8 blocks (unique per call). Each block has
    a random DC value and no AC energy, coded with two tiny Huffman tables; ``extra``
    segments follow the JFIF header."""
    rng = random.Random(os.urandom(16))
    bits = []
    dc = 0
    for _ in range(((width + 7) // 8) * ((height + 7) // 8)):
        new = rng.randint(-100, 100)
        diff, dc = new - dc, new
        size = abs(diff).bit_length()
        bits.append(format(size, "04b"))  # DC table: categories 0-8 as 4-bit codes
        if size:
            bits.append(format(diff if diff > 0 else diff + (1 << size) - 1, f"0{size}b"))
        bits.append("0")  # AC table: end of block
    stream = "".join(bits)
    stream += "1" * (-len(stream) % 8)
    scan = bytes(int(stream[i : i + 8], 2) for i in range(0, len(stream), 8))
    scan = scan.replace(b"\xff", b"\xff\x00")
    dc_table = b"\x00" + bytes([0, 0, 0, 9] + [0] * 12) + bytes(range(9))
    ac_table = b"\x10" + bytes([1] + [0] * 15) + b"\x00"
    return (
        b"\xff\xd8"
        + _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + extra
        + _segment(0xDB, b"\x00" + bytes([8] * 64))
        + _segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
        + _segment(0xC4, dc_table)
        + _segment(0xC4, ac_table)
        + _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + scan
        + b"\xff\xd9"
    )


def exif_segment(orientation: int, secret: bytes) -> bytes:
    """APP1 EXIF with an orientation tag and an ASCII camera-make tag holding ``secret``."""
    entries = 2
    data_at = 8 + 2 + 12 * entries + 4
    ifd = struct.pack("<H", entries)
    ifd += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)
    ifd += struct.pack("<HHII", 0x010F, 2, len(secret) + 1, data_at)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + secret + b"\x00"
    return _segment(0xE1, b"Exif\x00\x00" + tiff)


def _decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_the_test_images_are_real_images() -> None:
    assert _decoded(make_png(48, 32)).size == (48, 32)
    jpeg = _decoded(make_jpeg(64, 48))
    assert (jpeg.format, jpeg.size) == ("JPEG", (64, 48))


# -- fixtures ----------------------------------------------------------------------------


@dataclass
class Team:
    custodian: SignedIn
    lin: SignedIn
    chen: SignedIn
    zhao: SignedIn
    lead: SignedIn
    case_id: int
    session_id: int


def _sandplay_session(ctx: SignedIn, case_id: int, kind: ServiceKind = ServiceKind.SANDPLAY) -> int:
    return sessions.add_session(
        ctx, case_id, SessionInput(kind=kind, held_on=date.today(), room="沙盘室")
    )


@pytest.fixture
def team(custodian: SignedIn, vault_dir: Path) -> Iterator[Team]:
    lin = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    chen = make_counsellor(custodian, vault_dir, "chen", "陈咨询")
    zhao = make_counsellor(custodian, vault_dir, "zhao", "赵咨询")
    lead = make_lead(custodian, vault_dir)
    _client_id, case_id = new_client_case(lin, opened_on=date.today() - timedelta(days=30))
    cases.share_case(lin, case_id, chen.user_id)
    session_id = _sandplay_session(lin, case_id)
    yield Team(custodian, lin, chen, zhao, lead, case_id, session_id)
    for ctx in (lin, chen, zhao, lead):
        if ctx.vault.is_open:
            accounts.logout(ctx)


def _audit(ctx: SignedIn, action: str) -> list[tuple[str, str]]:
    with ctx.vault.transaction() as s:
        rows = s.execute(
            select(AuditEntry.object_id, AuditEntry.detail)
            .where(AuditEntry.action == action)
            .order_by(AuditEntry.seq)
        ).all()
    return [(o, d) for o, d in rows]


# -- details -----------------------------------------------------------------------------


def test_details_are_set_and_shown_with_the_session(team: Team) -> None:
    sandplay.set_sandplay_details(
        team.lin,
        team.session_id,
        SandplayInput(
            figures=("房子、桥", "士兵", "桥", " "),
            themes=("分隔，连接",),
            story="一座桥把两个村子连起来。",
            observations="左侧空白较多。",
            series_stage="第2次（共6次）",
        ),
    )
    details = sessions.session_view(team.chen, team.session_id).sandplay
    assert details == sandplay.SandplayDetails(
        figures=("房子", "桥", "士兵"),
        themes=("分隔", "连接"),
        story="一座桥把两个村子连起来。",
        observations="左侧空白较多。",
        series_stage="第2次（共6次）",
    )
    assert _audit(team.custodian, "sandplay_edit")[0][0] == str(team.session_id)


def test_details_validation_names_the_field(team: Team) -> None:
    cases = [
        (SandplayInput(figures=("很" * 21,)), "figures"),
        (SandplayInput(themes=tuple(f"主题{i}" for i in range(61))), "themes"),
        (SandplayInput(series_stage="阶" * 41), "series_stage"),
        (SandplayInput(story="述" * 20_001), "story"),
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as err:
            sandplay.set_sandplay_details(team.lin, team.session_id, data)
        assert err.value.field == field
    assert sessions.session_view(team.lin, team.session_id).sandplay == sandplay.SandplayDetails(
        (), (), "", "", ""
    )


def test_only_sandplay_sessions_take_details_and_photos(team: Team) -> None:
    other = _sandplay_session(team.lin, team.case_id, ServiceKind.MUSIC)
    with pytest.raises(ValidationError) as err:
        sandplay.set_sandplay_details(team.lin, other, SandplayInput(figures=("树",)))
    assert err.value.field == "kind"
    with pytest.raises(ValidationError) as err:
        sandplay.add_photo(team.lin, other, make_png())
    assert err.value.field == "kind"


# -- photos ------------------------------------------------------------------------------


def test_photos_are_added_listed_viewed_and_removed(team: Team) -> None:
    png, jpeg = make_png(48, 32), make_jpeg(64, 48)
    first = sandplay.add_photo(team.lin, team.session_id, png, "初始沙盘")
    second = sandplay.add_photo(team.chen, team.session_id, jpeg)
    listed = sandplay.list_photos(team.lin, team.session_id)
    assert [(p.id, p.position, p.mime, p.width, p.height) for p in listed] == [
        (first, 1, "image/png", 48, 32),
        (second, 2, "image/jpeg", 64, 48),
    ]
    assert listed[0].caption == "初始沙盘" and listed[0].size_bytes == len(png)
    assert sessions.session_view(team.lin, team.session_id).photo_count == 2
    assert sandplay.photo_bytes(team.lin, first) == png  # nothing to strip in it
    assert _decoded(sandplay.photo_bytes(team.custodian, second)).size == (64, 48)
    views = _audit(team.custodian, "photo_view")
    where = f"session={team.session_id}"
    assert views == [(str(first), where), (str(second), where)]

    sandplay.set_photo_caption(team.lin, first, "结束时的沙盘")
    assert sandplay.list_photos(team.lin, team.session_id)[0].caption == "结束时的沙盘"
    sandplay.remove_photo(team.lin, first)
    assert [p.id for p in sandplay.list_photos(team.lin, team.session_id)] == [second]
    with pytest.raises(access.NotFound):
        sandplay.photo_bytes(team.lin, first)
    assert [o for o, _ in _audit(team.custodian, "photo_remove")] == [str(first)]
    with team.custodian.vault.transaction() as s:
        assert s.get(SandplayPhoto, first) is None


NOT_PHOTOS = [
    b"",
    b"GIF89a" + b"\x00" * 100,
    b"BM" + b"\x00" * 100,  # BMP
    "沙盘照片".encode(),
    b"%PDF-1.7\n" + b"\x00" * 100,
    b"\xff\xd8\xff\xe0\x00",  # JPEG magic, nothing after
    b"RIFF\x00\x00\x00\x00WEBPVP8 ",
]


def test_only_jpeg_and_png_are_accepted(team: Team) -> None:
    for data in NOT_PHOTOS:
        with pytest.raises(ValidationError) as err:
            sandplay.add_photo(team.lin, team.session_id, data)
        assert err.value.field == "photo", data
    assert sandplay.list_photos(team.lin, team.session_id) == []


def test_damaged_images_are_refused() -> None:
    png = make_png()
    broken_crc = png[:29] + bytes([png[29] ^ 1]) + png[30:]  # one bit of IHDR's CRC
    jpeg = make_jpeg()
    for data in (
        png[:-12],  # no IEND
        broken_crc,
        png[:8] + png[33:],  # no IHDR
        jpeg[:-2],  # no end-of-image marker
        jpeg[:200],
        jpeg.replace(b"\xff\xc0", b"\xff\xc3", 1),  # lossless JPEG: not decodable here
    ):
        with pytest.raises(ValidationError) as err:
            photos.clean(data)
        assert err.value.field == "photo"


def test_size_limit(team: Team) -> None:
    too_big = make_png() + b"\x00" * (photos.MAX_PHOTO_BYTES)
    with pytest.raises(ValidationError) as err:
        sandplay.add_photo(team.lin, team.session_id, too_big)
    assert err.value.field == "photo" and "15 MB" in err.value.zh
    # within the limit, a large photo is fine (trailing bytes are dropped)
    padded = make_png() + b"\x00" * (photos.MAX_PHOTO_BYTES - 10_000)
    pid = sandplay.add_photo(team.lin, team.session_id, padded)
    assert sandplay.photo_bytes(team.lin, pid) == padded[: padded.index(b"IEND") + 8]


def test_at_most_twelve_photos_per_session(team: Team) -> None:
    for _ in range(sandplay.MAX_PHOTOS):
        sandplay.add_photo(team.lin, team.session_id, make_png(8, 8))
    with pytest.raises(ValidationError) as err:
        sandplay.add_photo(team.lin, team.session_id, make_png(8, 8))
    assert err.value.field == "photo" and "12" in err.value.zh
    listed = sandplay.list_photos(team.lin, team.session_id)
    assert [p.position for p in listed] == list(range(1, 13))
    sandplay.remove_photo(team.lin, listed[0].id)
    sandplay.add_photo(team.lin, team.session_id, make_png(8, 8))  # room again
    assert len(sandplay.list_photos(team.lin, team.session_id)) == 12


def test_metadata_is_stripped_but_the_picture_kept(team: Team) -> None:
    secret = b"GPS 30.17N 121.26E SERIAL-XY"
    jpeg = make_jpeg(64, 48, exif_segment(6, secret) + _segment(0xFE, b"comment " + secret))
    text = b"Author\x00" + secret
    png = make_png(40, 24, _png_chunk(b"tEXt", text) + _png_chunk(b"eXIf", secret))
    jid = sandplay.add_photo(team.lin, team.session_id, jpeg)
    pid = sandplay.add_photo(team.lin, team.session_id, png)
    stored_jpeg = sandplay.photo_bytes(team.lin, jid)
    stored_png = sandplay.photo_bytes(team.lin, pid)
    for stored in (stored_jpeg, stored_png):
        assert secret not in stored and b"SERIAL" not in stored
    # the pictures are untouched: same pixels, same size
    assert _decoded(stored_jpeg).tobytes() == _decoded(jpeg).tobytes()
    assert _decoded(stored_png).tobytes() == _decoded(png).tobytes()
    # the orientation survives alone, so a portrait photo is not shown sideways
    assert dict(_decoded(stored_jpeg).getexif()) == {0x0112: 6}
    # and nothing about the metadata reached the database's other columns or the log
    with team.custodian.vault.transaction() as s:
        captions = list(s.scalars(select(SandplayPhoto.caption)))
        details = list(s.scalars(select(AuditEntry.detail)))
    assert captions == ["", ""]
    assert not any("GPS" in d or "SERIAL" in d for d in details)


def test_photo_access_follows_the_case(team: Team) -> None:
    pid = sandplay.add_photo(team.lin, team.session_id, make_png())
    for call in (
        lambda: sandplay.photo_bytes(team.zhao, pid),
        lambda: sandplay.list_photos(team.zhao, team.session_id),
        lambda: sandplay.add_photo(team.zhao, team.session_id, make_png()),
        lambda: sandplay.remove_photo(team.zhao, pid),
    ):
        with pytest.raises(access.NotFound):
            call()
    for call in (
        lambda: sandplay.photo_bytes(team.lead, pid),
        lambda: sandplay.list_photos(team.lead, team.session_id),
        lambda: sandplay.add_photo(team.lead, team.session_id, make_png()),
        lambda: sandplay.remove_photo(team.lead, pid),
        lambda: sandplay.set_sandplay_details(team.lead, team.session_id, SandplayInput()),
        lambda: sandplay.add_photo(team.custodian, team.session_id, make_png()),
        lambda: sandplay.remove_photo(team.custodian, pid),
    ):
        with pytest.raises(PermissionDenied):
            call()
    # a deleted session's photos: gone for counsellors, kept for the custodian
    sessions.delete_session(team.lin, team.session_id)
    with pytest.raises(access.NotFound):
        sandplay.photo_bytes(team.lin, pid)
    assert len(sandplay.photo_bytes(team.custodian, pid)) > 0


def test_closed_case_keeps_photos_but_takes_no_new_ones(team: Team) -> None:
    pid = sandplay.add_photo(team.lin, team.session_id, make_png())
    cases.close_case(team.lin, team.case_id, "结案。")
    with pytest.raises(sessions.CaseClosed):
        sandplay.add_photo(team.lin, team.session_id, make_png())
    with pytest.raises(sessions.CaseClosed):
        sandplay.remove_photo(team.lin, pid)
    assert sandplay.photo_bytes(team.lin, pid)


# -- the plaintext rule ------------------------------------------------------------------

RUN = 64


def _snapshot(folder: Path) -> dict[Path, tuple[int, int]]:
    found: dict[Path, tuple[int, int]] = {}
    for root, _dirs, files in os.walk(folder, onerror=lambda _e: None):
        for name in files:
            path = Path(root) / name
            try:
                st = path.lstat()
            except OSError:
                continue
            if path.is_file() and not path.is_symlink():
                found[path] = (st.st_size, st.st_mtime_ns)
    return found


def _shares_a_run(photo: bytes, data: bytes) -> bool:
    """Whether ``data`` holds any RUN consecutive bytes of ``photo``.

    Any such run contains one of the photo's aligned RUN/2-byte pieces; each place a
    piece occurs is then widened to see whether the match reaches RUN bytes."""
    half = RUN // 2
    for start in range(0, len(photo) - half + 1, half):
        piece = photo[start : start + half]
        at = data.find(piece)
        while at >= 0:
            left = 0
            while left < start and left < at and photo[start - left - 1] == data[at - left - 1]:
                left += 1
            right = half
            while (
                start + right < len(photo)
                and at + right < len(data)
                and photo[start + right] == data[at + right]
            ):
                right += 1
            if left + right >= RUN:
                return True
            at = data.find(piece, at + 1)
    return False


def _leaks(images: list[bytes], files: list[Path]) -> list[str]:
    found = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for i, image in enumerate(images):
            if _shares_a_run(image, data):
                found.append(f"{path}: image {i}")
    return found


def test_the_leak_check_finds_a_run() -> None:
    image = make_jpeg(320, 240)
    assert len(image) > 1000
    assert _shares_a_run(image, b"x" * 999 + image[300 : 300 + RUN] + b"y")
    assert not _shares_a_run(image, b"x" * 999 + image[300 : 300 + RUN - 1] + b"y")


def test_photos_never_reach_disk_unencrypted(
    custodian: SignedIn, vault_dir: Path, tmp_path: Path
) -> None:
    temp = Path(tempfile.gettempdir())
    before = _snapshot(temp)
    lin = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    _client_id, case_id = new_client_case(lin)
    sid = _sandplay_session(lin, case_id)
    png, jpeg = make_png(160, 120), make_jpeg(320, 240)
    ids = [sandplay.add_photo(lin, sid, png), sandplay.add_photo(lin, sid, jpeg)]
    stored = [sandplay.photo_bytes(lin, pid) for pid in ids]
    assert [len(s) for s in stored] == [len(png), len(jpeg)]
    sandplay.list_photos(lin, sid)
    images = [png, jpeg, *stored]
    # while the vault is open: the database, its WAL and every other file
    wal = vault_dir / "vault.db-wal"
    assert wal.exists() and wal.stat().st_size > len(png) + len(jpeg)
    assert _leaks(images, list(_snapshot(vault_dir))) == []
    accounts.logout(lin)
    accounts.logout(custodian)
    assert not custodian.vault.is_open
    after = _snapshot(temp)
    changed = [p for p, stamp in after.items() if before.get(p) != stamp]
    vault_files = list(_snapshot(vault_dir))
    assert vault_files and vault_dir / "vault.db" in vault_files
    assert _leaks(images, sorted(set(vault_files) | set(changed))) == []
