"""Find and register an embeddable CJK TrueType font with ReportLab.

ReportLab embeds only TrueType-outline fonts; CFF-based OpenType fonts (for example
Noto Sans CJK) are rejected and skipped here. The built-in ``STSong-Light`` CID font is
never used: it is not embedded and prints as empty boxes on readers without Adobe's
language pack.

Search order:

1. ``STATION_CJK_FONT`` (path to a .ttf/.ttc; optional ``STATION_CJK_FONT_BOLD`` for a
   matching bold face),
2. on Windows: ``%WINDIR%\\Fonts\\msyh.ttc`` (bold ``msyhbd.ttc``), ``simhei.ttf``,
   ``simsun.ttc``,
3. elsewhere: WenQuanYi Micro Hei / Zen Hei, then whatever ``fc-list :lang=zh`` reports.

Every candidate must load in ReportLab and contain Chinese glyphs. When there is no bold
face, the bold name is registered on the regular face (ReportLab then shares one
embedded subset for both names).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = [
    "ENV_FONT",
    "ENV_FONT_BOLD",
    "CjkFont",
    "FontCandidate",
    "FontNotFoundError",
    "clear_font_cache",
    "default_candidates",
    "find_cjk_font_path",
    "register_cjk_font",
]

log = logging.getLogger(__name__)

ENV_FONT = "STATION_CJK_FONT"
ENV_FONT_BOLD = "STATION_CJK_FONT_BOLD"

_FAMILY_PREFIX = "StationCJK"
# Characters every accepted font must have (simplified Chinese, as printed on our forms).
_REQUIRED_CHARS = "中文密钥签字"
_FC_LIST_TIMEOUT_S = 10.0
_LINUX_WQY_DIR = Path("/usr/share/fonts/truetype/wqy")


@dataclass(frozen=True)
class CjkFont:
    """Names under which a CJK font is registered with ReportLab, and its file."""

    regular: str
    bold: str
    path: str


@dataclass(frozen=True)
class FontCandidate:
    """A font file to try, with an optional separate bold face."""

    regular: Path
    bold: Path | None = None
    subfont_index: int = 0
    origin: str = ""

    def describe(self) -> str:
        text = str(self.regular)
        if self.bold is not None:
            text += f" (bold: {self.bold})"
        return f"{text} [{self.origin}]" if self.origin else text


class FontNotFoundError(RuntimeError):
    """No embeddable CJK TrueType font could be found or loaded."""

    def __init__(self, attempts: Sequence[str]) -> None:
        self.attempts: tuple[str, ...] = tuple(attempts)
        lines = [
            "未找到可嵌入的中文字体 / no embeddable CJK TrueType font found.",
            f"可设置环境变量 {ENV_FONT} 指向 .ttf/.ttc 字体文件"
            f" / set {ENV_FONT} to a .ttf/.ttc font file.",
            "已查找 / searched:",
        ]
        lines += [f"  - {a}" for a in self.attempts] or ["  (no candidates)"]
        super().__init__("\n".join(lines))


_lock = threading.Lock()
_cache: dict[tuple[object, ...], CjkFont] = {}
# Font file (resolved path, subfont index) -> ReportLab font name registered for it.
_registered: dict[tuple[str, int], str] = {}


def clear_font_cache() -> None:
    """Forget earlier results of :func:`register_cjk_font` (ReportLab keeps its fonts)."""
    with _lock:
        _cache.clear()


def _windows_candidates() -> list[FontCandidate]:
    fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [
        FontCandidate(fonts / "msyh.ttc", fonts / "msyhbd.ttc", origin="Windows"),
        FontCandidate(fonts / "simhei.ttf", origin="Windows"),
        FontCandidate(fonts / "simsun.ttc", origin="Windows"),
    ]


def _fc_list_candidates() -> Iterator[FontCandidate]:
    exe = shutil.which("fc-list")
    if exe is None:
        return
    try:
        proc = subprocess.run(
            [exe, "--format", "%{file}\\t%{index}\\t%{style}\\n", ":lang=zh:outline=true"],
            capture_output=True,
            text=True,
            timeout=_FC_LIST_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("fc-list failed: %s", exc)
        return
    seen: set[tuple[str, int]] = set()
    for line in sorted(proc.stdout.splitlines()):
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].lower().endswith((".ttf", ".ttc")):
            continue
        style = parts[2].lower() if len(parts) > 2 else ""
        if "bold" in style or "italic" in style or "oblique" in style:
            continue
        try:
            index = int(parts[1] or "0")
        except ValueError:
            index = 0
        key = (parts[0], index)
        if key not in seen:
            seen.add(key)
            yield FontCandidate(Path(parts[0]), subfont_index=index, origin="fc-list")


def default_candidates(*, system: bool = True) -> Iterator[FontCandidate]:
    """Candidates in search order; with ``system=False`` only the environment variables.

    Lazy: ``fc-list`` runs only if no earlier candidate was accepted.
    """
    env_path = os.environ.get(ENV_FONT, "").strip()
    if env_path:
        env_bold = os.environ.get(ENV_FONT_BOLD, "").strip()
        yield FontCandidate(Path(env_path), Path(env_bold) if env_bold else None, origin=ENV_FONT)
    if not system:
        return
    if sys.platform == "win32":
        yield from _windows_candidates()
        return
    yield FontCandidate(_LINUX_WQY_DIR / "wqy-microhei.ttc", origin="WenQuanYi")
    yield FontCandidate(_LINUX_WQY_DIR / "wqy-zenhei.ttc", origin="WenQuanYi")
    yield from _fc_list_candidates()


def _font_name(path: Path, index: int, bold: bool) -> str:
    stem = "".join(c if c.isascii() and c.isalnum() else "-" for c in path.stem)
    name = f"{_FAMILY_PREFIX}-{stem}" + (f"-{index}" if index else "")
    return f"{name}-Bold" if bold else name


def _load(path: Path, index: int, name: str) -> TTFont:
    """Load one face; raise ValueError with a short reason if it is unusable."""
    if not path.is_file():
        raise ValueError("not found")
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except Exception as exc:  # ReportLab raises many kinds on bad or CFF files.
        raise ValueError(f"rejected by ReportLab: {exc}") from exc
    char_to_glyph: dict[int, int] = font.face.charToGlyph
    missing = [c for c in _REQUIRED_CHARS if ord(c) not in char_to_glyph]
    if missing:
        raise ValueError("no Chinese glyphs")
    return font


def _register_face(path: Path, index: int, bold: bool) -> str:
    """Register one face (once per file and index) and return its ReportLab name."""
    key = (str(path.resolve()), index)
    name = _registered.get(key)
    if name is None:
        name = _font_name(path, index, bold)
        pdfmetrics.registerFont(_load(path, index, name))
        _registered[key] = name
    return name


def _try(candidate: FontCandidate) -> CjkFont:
    regular = _register_face(candidate.regular, candidate.subfont_index, bold=False)
    bold = ""
    if candidate.bold is not None:
        try:
            bold = _register_face(candidate.bold, 0, bold=True)
        except ValueError as exc:
            log.info("bold face %s unusable (%s); using the regular face", candidate.bold, exc)
        if bold == regular:  # the "bold" file is the regular one
            bold = ""
    if not bold:
        # Same face under a second name: ReportLab shares the embedded subset.
        bold = f"{regular}-Bold"
        if bold not in pdfmetrics.getRegisteredFontNames():
            face = pdfmetrics.getFont(regular)
            pdfmetrics.registerFont(
                TTFont(bold, face.face.filename, subfontIndex=candidate.subfont_index)
            )
    pdfmetrics.registerFontFamily(
        regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
    )
    return CjkFont(regular=regular, bold=bold, path=str(candidate.regular))


def _as_candidate(item: FontCandidate | str | os.PathLike[str]) -> FontCandidate:
    if isinstance(item, FontCandidate):
        return item
    return FontCandidate(Path(item), origin="given")


def register_cjk_font(
    search: Iterable[FontCandidate | str | os.PathLike[str]] | None = None,
) -> CjkFont:
    """Register the first usable CJK font and return its ReportLab names.

    ``search`` replaces the default search order (see :func:`default_candidates`);
    results are cached per search list (and, for the default, per environment).
    Raises :class:`FontNotFoundError` listing every place looked at.
    """
    with _lock:
        if search is None:
            key: tuple[object, ...] = (
                "default",
                os.environ.get(ENV_FONT, ""),
                os.environ.get(ENV_FONT_BOLD, ""),
            )
            candidates: Iterable[FontCandidate] = default_candidates()
        else:
            given = [_as_candidate(item) for item in search]
            key = ("given", *given)
            candidates = given
        cached = _cache.get(key)
        if cached is not None:
            return cached
        attempts: list[str] = []
        tried: set[tuple[Path, int]] = set()
        for candidate in candidates:
            ident = (candidate.regular, candidate.subfont_index)
            if ident in tried:
                continue
            tried.add(ident)
            try:
                font = _try(candidate)
            except ValueError as exc:
                attempts.append(f"{candidate.describe()}: {exc}")
                if candidate.origin == ENV_FONT:
                    log.warning("%s=%s is not usable: %s", ENV_FONT, candidate.regular, exc)
                continue
            _cache[key] = font
            log.debug("CJK font: %s (%s)", font.path, font.regular)
            return font
        raise FontNotFoundError(attempts)


def find_cjk_font_path() -> str | None:
    """Path of the CJK font the reports will embed, or None if there is none."""
    try:
        return register_cjk_font().path
    except FontNotFoundError:
        return None
