"""The recovery sheet PDF: extractable text, embedded CJK font, renders, clear font errors."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from station.reports.fonts import (
    ENV_FONT,
    FontNotFoundError,
    default_candidates,
    find_cjk_font_path,
    register_cjk_font,
)
from station.reports.recovery_sheet import (
    RecoverySheetInfo,
    load_sheet_texts,
    write_recovery_sheet,
)
from station.vault.recovery_key import new_recovery_key

LONG_NAME = (
    "浙江省杭州市西湖区灵隐街道党群服务中心暖心港湾干部心理健康服务站"
    "（第二分站·试点）暨西湖区机关事务管理局干部职工心理关爱联合服务点"
)
FINGERPRINT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def _info(recovery_key: str | None = None) -> RecoverySheetInfo:
    return RecoverySheetInfo(
        station_name=LONG_NAME,
        station_code="ZJ-HZ-XH-0231",
        station_kind_label="暖心港湾（乡镇街道）",
        region="浙江省杭州市西湖区",
        vault_id="7f3c2a91-5e0b-4d8e-9a61-2c4f8b0e13d7",
        recovery_key=recovery_key or new_recovery_key(),
        signing_key_id="6F2A1C9E04B7D385",
        signing_public_key="RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3",
        signing_fingerprint=FINGERPRINT,
        created_at=datetime(2026, 11, 20, 14, 35),
    )


@pytest.fixture
def sheet(tmp_path: Path) -> tuple[Path, RecoverySheetInfo]:
    info = _info()
    out = tmp_path / "recovery-sheet.pdf"
    write_recovery_sheet(out, info)
    return out, info


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_text_is_extractable(sheet: tuple[Path, RecoverySheetInfo]) -> None:
    path, info = sheet
    reader = PdfReader(path)
    assert len(reader.pages) == 1, "a two-line station name must still fit on one page"
    text = "\n".join(page.extract_text() for page in reader.pages)
    compact = _compact(text)

    groups = info.recovery_key.split("-")
    assert len(groups) == 8
    for group in groups:
        assert group in compact
    # Each printed row of the key reads back in order, with its hyphens.
    assert "-".join(groups[:4]) in text
    assert "-".join(groups[4:]) in text

    assert LONG_NAME not in text, "the long station name should have been wrapped"
    assert LONG_NAME in compact
    assert info.signing_key_id in text
    assert " ".join(re.findall("....", FINGERPRINT[:32])) in text
    assert info.signing_public_key in compact
    assert info.vault_id in text

    t = load_sheet_texts()
    for entry in (
        "header.title",
        "station.heading",
        "key.heading",
        "instructions.heading",
        "signing.heading",
        "custody.heading",
        "custody.custodian",
        "custody.witness",
        "custody.date",
        "footer.confidential",
    ):
        assert _compact(t.text(entry)) in compact, entry
    for heading in (
        "恢复密钥单",
        "恢复密钥",
        "站点信息",
        "站点签名密钥",
        "保管人签字",
        "见证人签字",
    ):
        assert heading in compact
    assert "使用恢复密钥" in compact
    assert "机密/CONFIDENTIAL" in compact


def test_metadata_has_title_and_no_author(sheet: tuple[Path, RecoverySheetInfo]) -> None:
    path, info = sheet
    meta = PdfReader(path).metadata
    assert meta is not None
    assert meta.title == "恢复密钥单 / Recovery sheet"
    assert not meta.author
    for value in meta.values():
        assert info.recovery_key not in str(value)


def _fonts(reader: PdfReader) -> list[DictionaryObject]:
    found: list[DictionaryObject] = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            found.append(ref.get_object())
    return found


def test_cjk_font_is_embedded(sheet: tuple[Path, RecoverySheetInfo]) -> None:
    path, _ = sheet
    fonts = _fonts(PdfReader(path))
    assert fonts
    for font in fonts:
        base = str(font["/BaseFont"])
        assert "STSong" not in base
        assert str(font["/Subtype"]) == "/TrueType", base
        descriptor: Any = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{base} is not embedded"
        assert len(descriptor["/FontFile2"].get_object().get_data()) > 1000
    assert b"STSong" not in path.read_bytes()


def test_first_page_renders(sheet: tuple[Path, RecoverySheetInfo], tmp_path: Path) -> None:
    path, _ = sheet
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.fail("pdftoppm not found: install poppler-utils (CI does) to render the PDF")
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == 1
    assert pngs[0].stat().st_size > 10_000
    with Image.open(pngs[0]) as image:
        assert image.size == pytest.approx((496, 702), abs=2)  # A4 at 60 dpi
        grey = image.convert("L")
        dark = sum(grey.histogram()[:128])
    assert dark > 2_000, "page 1 looks blank"


def test_stream_output_writes_nothing_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    buffer = io.BytesIO()
    write_recovery_sheet(buffer, _info())
    assert buffer.getvalue().startswith(b"%PDF-")
    assert list(work.iterdir()) == []


def test_malformed_recovery_key_is_refused_without_echoing_it(tmp_path: Path) -> None:
    bad = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z0123-45678-9ABCD"  # I, L, O, U are not Crockford
    with pytest.raises(ValueError, match="Crockford") as excinfo:
        write_recovery_sheet(tmp_path / "x.pdf", _info(bad))
    assert bad not in str(excinfo.value)
    assert not (tmp_path / "x.pdf").exists()


def test_font_found_here() -> None:
    font = register_cjk_font()
    assert font.regular != font.bold
    assert Path(font.path).is_file()
    assert find_cjk_font_path() == font.path
    assert register_cjk_font() is font  # cached


def test_non_font_in_env_var_gives_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    fake = tmp_path / "not-a-font.ttf"
    fake.write_text("this is not a font", encoding="utf-8")
    monkeypatch.setenv(ENV_FONT, str(fake))
    with pytest.raises(FontNotFoundError) as excinfo:
        register_cjk_font(search=default_candidates(system=False))
    message = str(excinfo.value)
    assert "未找到可嵌入的中文字体" in message
    assert "no embeddable CJK TrueType font found" in message
    assert str(fake) in message
    assert ENV_FONT in message
    # A misconfigured variable is also logged, since the search would otherwise go on.
    assert any(ENV_FONT in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
    caplog.clear()  # the expected warning, checked above


def test_font_without_chinese_glyphs_is_skipped(tmp_path: Path) -> None:
    missing = tmp_path / "missing.ttc"
    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    search = [missing, latin] if latin.is_file() else [missing]
    with pytest.raises(FontNotFoundError) as excinfo:
        register_cjk_font(search=search)
    message = str(excinfo.value)
    assert f"{missing} [given]: not found" in message
    if latin.is_file():
        assert "no Chinese glyphs" in message
