"""The recovery sheet: a one-page A4 PDF with the vault's recovery key, for the station safe.

All wording lives in ``resources/forms/recovery_sheet.toml`` so that a city office can
change it without a programmer. The PDF embeds a CJK TrueType font (see
:mod:`station.reports.fonts`); nothing is written anywhere but ``out``.

The recovery key is a secret: it is never logged and never put into an exception message.
"""

from __future__ import annotations

import io
import math
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from station.reports.fonts import CjkFont, register_cjk_font

__all__ = [
    "CROCKFORD_ALPHABET",
    "RecoverySheetInfo",
    "SheetTextError",
    "load_sheet_texts",
    "resources_dir",
    "write_recovery_sheet",
]

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TEXTS_FILE = "forms/recovery_sheet.toml"

_INK = colors.HexColor("#1F2328")
_MUTED = colors.HexColor("#5B6470")
_ACCENT = colors.HexColor("#1D3557")
_RULE = colors.HexColor("#C3C8CF")
_KEY_BG = colors.HexColor("#F3F5F8")

_PAGE_W, _PAGE_H = A4
_MARGIN_X = 20 * mm
_MARGIN_TOP = 16 * mm
_MARGIN_BOTTOM = 20 * mm
_FRAME_W = _PAGE_W - 2 * _MARGIN_X
_LABEL_W = 30 * mm

_KEY_SIZE = 18.0
_CODE_SIZE = 10.0


@dataclass(frozen=True)
class RecoverySheetInfo:
    """Everything printed on the sheet. ``recovery_key`` is secret; the rest is not."""

    station_name: str
    station_code: str
    station_kind_label: str
    region: str
    vault_id: str
    recovery_key: str
    signing_key_id: str
    signing_public_key: str
    signing_fingerprint: str
    created_at: datetime


class SheetTextError(ValueError):
    """The wording file is missing, malformed or lacks an entry."""


def resources_dir() -> Path:
    """The repository's ``resources`` folder (forms, translations)."""
    return Path(__file__).resolve().parents[2] / "resources"


class SheetTexts:
    """Typed access to the wording file, with clear errors for missing entries."""

    def __init__(self, data: Mapping[str, Any], source: str) -> None:
        self._data = data
        self._source = source

    def _lookup(self, dotted: str) -> object:
        node: object = self._data
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise SheetTextError(f"{self._source}: missing entry '{dotted}'")
            node = node[part]
        return node

    def text(self, dotted: str) -> str:
        value = self._lookup(dotted)
        if not isinstance(value, str):
            raise SheetTextError(f"{self._source}: '{dotted}' must be a string")
        return value

    def texts(self, dotted: str) -> list[str]:
        value = self._lookup(dotted)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SheetTextError(f"{self._source}: '{dotted}' must be a list of strings")
        return [str(v) for v in value]


def load_sheet_texts(path: Path | None = None) -> SheetTexts:
    """Read the sheet's wording (default: ``resources/forms/recovery_sheet.toml``)."""
    path = path if path is not None else resources_dir() / TEXTS_FILE
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise SheetTextError(f"cannot read {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SheetTextError(f"{path}: invalid TOML: {exc}") from exc
    return SheetTexts(data, str(path))


class _Defaults(dict[str, str]):
    """format_map() mapping that leaves unknown placeholders as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, **values: object) -> str:
    return template.format_map(_Defaults({k: str(v) for k, v in values.items()}))


def _markup(text: str) -> str:
    """Escape wording for a Paragraph; ``**text**`` becomes bold."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(text))


def _date_values(when: datetime) -> dict[str, str]:
    return {
        "year": f"{when.year:04d}",
        "month": f"{when.month:02d}",
        "day": f"{when.day:02d}",
        "hour": f"{when.hour:02d}",
        "minute": f"{when.minute:02d}",
    }


def _key_groups(recovery_key: str) -> list[str]:
    """Split the recovery key into its groups; refuse characters it cannot contain."""
    groups = [g for g in re.split(r"[\s\-]+", recovery_key.strip().upper()) if g]
    if len(groups) == 1 and len(groups[0]) > 5:
        groups = [groups[0][i : i + 5] for i in range(0, len(groups[0]), 5)]
    if not groups:
        raise ValueError("recovery key is empty")
    if any(c not in CROCKFORD_ALPHABET for g in groups for c in g):
        raise ValueError(
            "recovery key has characters outside Crockford base32 (0-9, A-Z without I L O U)"
        )
    return groups


def _chunks(seq: Sequence[str], size: int) -> list[list[str]]:
    return [list(seq[i : i + size]) for i in range(0, len(seq), size)]


def _split(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _balanced_rows(groups: Sequence[str], max_per_row: int) -> list[list[str]]:
    rows = math.ceil(len(groups) / max(1, max_per_row))
    return _chunks(groups, math.ceil(len(groups) / rows))


class _FixedPitch(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Rows of character groups, every character centred in a cell of the same width.

    The CJK fonts have proportional Latin letters; fixed cells make keys easy to read and
    to compare column by column. Each row is one PDF text object (characters placed with
    character spacing), so the text stays extractable and searchable.
    """

    def __init__(
        self,
        rows: Sequence[Sequence[str]],
        *,
        font: str,
        size: float,
        separator: str = "",
        gap_cells: float = 1.0,
        labels: Sequence[Sequence[str]] | None = None,
        label_font: str = "",
        label_size: float = 7.0,
        leading: float | None = None,
        centre: bool = False,
    ) -> None:
        super().__init__()
        self._rows = [list(r) for r in rows]
        self._font = font
        self._size = size
        self._separator = separator
        self._labels = [list(r) for r in labels] if labels is not None else None
        self._label_font = label_font or font
        self._label_size = label_size
        self._leading = leading if leading is not None else size * 1.45
        self._centre = centre
        chars = {c for row in self._rows for g in row for c in g}
        widest = max((stringWidth(c, font, size) for c in chars), default=size)
        self._cell = widest * 1.08
        self._gap = self._cell * gap_cells
        self._label_h = label_size * 1.6 if self._labels is not None else 0.0
        self._avail = 0.0

    def _row_width(self, row: Sequence[str]) -> float:
        return sum(len(g) for g in row) * self._cell + max(0, len(row) - 1) * self._gap

    def content_width(self) -> float:
        return max((self._row_width(r) for r in self._rows), default=0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._avail = availWidth
        height = len(self._rows) * (self._leading + self._label_h)
        return (availWidth if self._centre else self.content_width()), height

    def draw(self) -> None:
        canv = self.canv
        y_top = len(self._rows) * (self._leading + self._label_h)
        for r, row in enumerate(self._rows):
            x = (self._avail - self._row_width(row)) / 2 if self._centre else 0.0
            row_top = y_top - r * (self._leading + self._label_h)
            baseline = row_top - self._label_h - self._size * 0.95
            # (character, centre x) in reading order, separators between groups.
            placed: list[tuple[str, float]] = []
            for g, group in enumerate(row):
                if self._labels is not None and g < len(self._labels[r]):
                    canv.setFont(self._label_font, self._label_size)
                    canv.setFillColor(_MUTED)
                    canv.drawCentredString(
                        x + len(group) * self._cell / 2,
                        row_top - self._label_size,
                        self._labels[r][g],
                    )
                for c in group:
                    placed.append((c, x + self._cell / 2))
                    x += self._cell
                if g < len(row) - 1:
                    if self._separator:
                        placed.append((self._separator, x + self._gap / 2))
                    x += self._gap
            self._draw_placed(placed, baseline)

    def _draw_placed(self, placed: Sequence[tuple[str, float]], baseline: float) -> None:
        if not placed:
            return
        widths = [stringWidth(c, self._font, self._size) for c, _ in placed]
        text = self.canv.beginText()
        text.setFont(self._font, self._size)
        text.setFillColor(_INK)
        text.setTextOrigin(placed[0][1] - widths[0] / 2, baseline)
        for i, (char, centre) in enumerate(placed):
            start = centre - widths[i] / 2
            if i + 1 < len(placed):
                next_start = placed[i + 1][1] - widths[i + 1] / 2
                text.setCharSpace(next_start - (start + widths[i]))
            text.textOut(char)
        text.setCharSpace(0)
        self.canv.drawText(text)


class _CheckBox(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """An empty tick box drawn as a shape (the CJK fonts lack ☐)."""

    def __init__(self, size: float = 3.4 * mm) -> None:
        super().__init__()
        self._size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self._size, self._size

    def draw(self) -> None:
        self.canv.setStrokeColor(_INK)
        self.canv.setLineWidth(0.8)
        # Raised a little so the box sits on the middle of the CJK text line.
        self.canv.rect(0, 0.8, self._size, self._size, stroke=1, fill=0)


@dataclass(frozen=True)
class _Styles:
    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    badge: ParagraphStyle
    lead: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    small_centre: ParagraphStyle


def _styles(font: CjkFont) -> _Styles:
    base = ParagraphStyle(
        "sheet-base",
        fontName=font.regular,
        fontSize=9.5,
        leading=14,
        textColor=_INK,
        wordWrap="CJK",
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return _Styles(
        font=font.regular,
        title=derive("sheet-title", fontName=font.bold, fontSize=20, leading=26, textColor=_ACCENT),
        subtitle=derive("sheet-subtitle", fontSize=9, leading=12, textColor=_MUTED),
        badge=derive(
            "sheet-badge", fontName=font.bold, fontSize=9, leading=12, alignment=TA_CENTER
        ),
        lead=derive("sheet-lead", fontSize=9.5, leading=14.5),
        heading=derive(
            "sheet-heading",
            fontName=font.bold,
            fontSize=11.5,
            leading=15,
            textColor=_ACCENT,
            spaceBefore=8,
            spaceAfter=2,
        ),
        label=derive("sheet-label", fontSize=9, leading=13.5, textColor=_MUTED),
        value=derive("sheet-value", fontSize=10, leading=14),
        body=derive("sheet-body", fontSize=9.5, leading=14, spaceAfter=2.5),
        note=derive("sheet-note", fontSize=8.5, leading=12.5, textColor=_MUTED),
        small_centre=derive(
            "sheet-small", fontSize=8.5, leading=11, textColor=_MUTED, alignment=TA_CENTER
        ),
    )


def _table_style(st: _Styles, commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    # Empty cells are drawn with the table's font too: keep Helvetica out of the PDF.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), *commands])


def _section(title: str, st: _Styles, *body: Flowable) -> KeepTogether:
    rule = Table([[""]], colWidths=[_FRAME_W], rowHeights=[2])
    rule.setStyle(_table_style(st, [("LINEABOVE", (0, 0), (-1, 0), 0.6, _RULE)]))
    return KeepTogether([Paragraph(_markup(title), st.heading), rule, *body])


def _label_table(rows: Sequence[tuple[str | Flowable, Flowable]], st: _Styles) -> Table:
    data = [
        [Paragraph(_markup(label), st.label) if isinstance(label, str) else label, value]
        for label, value in rows
    ]
    table = Table(data, colWidths=[_LABEL_W, _FRAME_W - _LABEL_W], hAlign="LEFT")
    table.setStyle(
        _table_style(
            st,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 4),
                # Room for the closing punctuation ReportLab lets hang past a CJK line.
                ("RIGHTPADDING", (1, 0), (1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ],
        )
    )
    return table


def _header(t: SheetTexts, st: _Styles) -> list[Flowable]:
    title = Paragraph(
        f"{escape(t.text('header.title'))}"
        f'<font size="13" color="#5B6470"> / {escape(t.text("header.title_en"))}</font>',
        st.title,
    )
    badge = Table([[Paragraph(escape(t.text("header.badge")), st.badge)]], colWidths=[42 * mm])
    badge.setStyle(
        _table_style(
            st,
            [
                ("BOX", (0, 0), (-1, -1), 1.2, _INK),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
        )
    )
    top = Table(
        [[title, badge], [Paragraph(escape(t.text("header.system_name")), st.subtitle), ""]],
        colWidths=[_FRAME_W - 44 * mm, 44 * mm],
    )
    top.setStyle(
        _table_style(
            st,
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("SPAN", (1, 0), (1, 1)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ],
        )
    )
    return [top, Spacer(1, 6), Paragraph(_markup(t.text("header.lead")), st.lead)]


def _station_block(info: RecoverySheetInfo, t: SheetTexts, st: _Styles) -> KeepTogether:
    created = _fill(t.text("station.created_at_format"), **_date_values(info.created_at))
    rows = [
        (t.text("station.name"), info.station_name),
        (t.text("station.code"), info.station_code),
        (t.text("station.kind"), info.station_kind_label),
        (t.text("station.region"), info.region),
        (t.text("station.vault_id"), info.vault_id),
        (t.text("station.created_at"), created),
    ]
    table = _label_table([(label, Paragraph(escape(v), st.value)) for label, v in rows], st)
    return _section(t.text("station.heading"), st, table)


def _key_block(info: RecoverySheetInfo, t: SheetTexts, st: _Styles, font: CjkFont) -> KeepTogether:
    groups = _key_groups(info.recovery_key)
    probe = _FixedPitch([groups], font=font.regular, size=_KEY_SIZE, separator="-")
    per_group = probe.content_width() / len(groups)
    rows = _balanced_rows(groups, int((_FRAME_W - 16 * mm) // per_group))
    numbers = iter(range(1, len(groups) + 1))
    labels = [[_fill(t.text("key.group_label"), n=next(numbers)) for _ in row] for row in rows]
    key = _FixedPitch(
        rows,
        font=font.regular,
        size=_KEY_SIZE,
        separator="-",
        gap_cells=1.6,
        labels=labels,
        label_size=7,
        leading=_KEY_SIZE * 1.6,
        centre=True,
    )
    box = Table([[key]], colWidths=[_FRAME_W])
    box.setStyle(
        _table_style(
            st,
            [
                ("BOX", (0, 0), (-1, -1), 1.5, _INK),
                ("BACKGROUND", (0, 0), (-1, -1), _KEY_BG),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ],
        )
    )
    group_size = max(len(g) for g in groups)
    note = _fill(t.text("key.note"), groups=len(groups), group_size=group_size)
    return _section(t.text("key.heading"), st, box, Spacer(1, 4), Paragraph(_markup(note), st.note))


def _instructions_block(t: SheetTexts, st: _Styles) -> KeepTogether:
    items = [Paragraph(_markup(item), st.body) for item in t.texts("instructions.items")]
    bullets = Table(
        [[Paragraph(f"{i}.", st.body), p] for i, p in enumerate(items, start=1)],
        colWidths=[6 * mm, _FRAME_W - 6 * mm],
    )
    bullets.setStyle(
        _table_style(
            st,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
        )
    )
    return _section(t.text("instructions.heading"), st, bullets)


def _code(rows: Sequence[Sequence[str]], font: CjkFont, separator: str = "") -> _FixedPitch:
    return _FixedPitch(rows, font=font.regular, size=_CODE_SIZE, separator=separator, gap_cells=0.8)


def _signing_block(
    info: RecoverySheetInfo, t: SheetTexts, st: _Styles, font: CjkFont
) -> KeepTogether:
    value_w = _FRAME_W - _LABEL_W - 12
    fingerprint = re.sub(r"[\s:]+", "", info.signing_fingerprint)
    fp_groups = _split(fingerprint, 4)
    fp_probe = _code([[fingerprint]], font)
    per_char = fp_probe.content_width() / max(1, len(fingerprint))
    fp_per_row = max(1, int(value_w // (per_char * 4.8)))
    public_key = re.sub(r"\s+", "", info.signing_public_key)
    pk_probe = _code([[public_key]], font)
    pk_per_row = max(1, int(value_w // (pk_probe.content_width() / max(1, len(public_key)))))
    fp_label = (
        f"{_markup(t.text('signing.fingerprint'))}<br/>"
        f'<font size="7.5">{escape(t.text("signing.fingerprint_note"))}</font>'
    )
    fp_rows = _balanced_rows(fp_groups, fp_per_row)
    pk_lines = math.ceil(len(public_key) / pk_per_row)
    pk_rows = [[line] for line in _split(public_key, math.ceil(len(public_key) / pk_lines))]
    table = _label_table(
        [
            (t.text("signing.key_id"), _code([[info.signing_key_id.strip()]], font)),
            (Paragraph(fp_label, st.label), _code(fp_rows, font, separator=" ")),
            (t.text("signing.public_key"), _code(pk_rows, font)),
        ],
        st,
    )
    explanation = Paragraph(_markup(t.text("signing.explanation")), st.body)
    return _section(t.text("signing.heading"), st, explanation, Spacer(1, 2), table)


def _custody_block(t: SheetTexts, st: _Styles) -> KeepTogether:
    half = (_FRAME_W - 2 * 7 * mm) / 2
    cells: list[Flowable] = []
    for check in t.texts("custody.checks"):
        cells += [_CheckBox(), Paragraph(_markup(check), st.body)]
    cells += [""] * (-len(cells) % 4)
    checks = Table(
        [cells[i : i + 4] for i in range(0, len(cells), 4)],
        colWidths=[7 * mm, half, 7 * mm, half],
    )
    checks.setStyle(
        _table_style(
            st,
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ],
        )
    )
    gap = 8 * mm
    col = (_FRAME_W - 2 * gap) / 3
    names = [t.text("custody.custodian"), t.text("custody.witness"), t.text("custody.date")]
    signatures = Table(
        [
            ["", "", "", "", ""],
            [
                Paragraph(escape(names[0]), st.small_centre),
                "",
                Paragraph(escape(names[1]), st.small_centre),
                "",
                Paragraph(escape(names[2]), st.small_centre),
            ],
        ],
        colWidths=[col, gap, col, gap, col],
        rowHeights=[13 * mm, None],
    )
    signatures.setStyle(
        _table_style(
            st,
            [
                ("LINEBELOW", (0, 0), (0, 0), 0.8, _INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.8, _INK),
                ("LINEBELOW", (4, 0), (4, 0), 0.8, _INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 3),
            ],
        )
    )
    return _section(t.text("custody.heading"), st, checks, Spacer(1, 2), signatures)


def _footer_painter(
    info: RecoverySheetInfo, t: SheetTexts, font: CjkFont, pages: int
) -> Callable[[Any, Any], None]:
    date = _fill(t.text("footer.date_format"), **_date_values(info.created_at))
    confidential = t.text("footer.confidential")
    vault = _fill(t.text("footer.vault"), vault_id=info.vault_id)
    created = _fill(t.text("footer.created"), date=date)
    page_tpl = t.text("footer.page")

    def paint(canv: Any, doc: Any) -> None:
        canv.saveState()
        y = _MARGIN_BOTTOM - 9 * mm
        canv.setStrokeColor(_RULE)
        canv.setLineWidth(0.6)
        canv.line(_MARGIN_X, y + 11, _PAGE_W - _MARGIN_X, y + 11)
        canv.setFillColor(_INK)
        canv.setFont(font.bold, 8.5)
        canv.drawString(_MARGIN_X, y, confidential)
        canv.setFillColor(_MUTED)
        canv.setFont(font.regular, 8)
        canv.drawCentredString(_PAGE_W / 2, y, vault)
        page = _fill(page_tpl, page=canv.getPageNumber(), pages=pages)
        canv.drawRightString(_PAGE_W - _MARGIN_X, y, f"{created}    {page}")
        canv.restoreState()

    return paint


def _build_pdf(
    info: RecoverySheetInfo, t: SheetTexts, font: CjkFont, pages: int
) -> tuple[bytes, int]:
    """Build the PDF in memory; return it with its number of pages."""
    st = _styles(font)
    story: list[Flowable] = [
        *_header(t, st),
        _station_block(info, t, st),
        _key_block(info, t, st, font),
        _instructions_block(t, st),
        _signing_block(info, t, st, font),
        _custody_block(t, st),
    ]
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN_X,
        rightMargin=_MARGIN_X,
        topMargin=_MARGIN_TOP,
        bottomMargin=_MARGIN_BOTTOM,
        title=t.text("document.title"),
        subject=t.text("document.subject"),
        author="",
        creator="station",
        keywords=[],
        lang="zh-CN",
        initialFontName=font.regular,
    )
    frame = Frame(
        _MARGIN_X,
        _MARGIN_BOTTOM,
        _FRAME_W,
        _PAGE_H - _MARGIN_TOP - _MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="sheet",
    )
    painter = _footer_painter(info, t, font, pages)
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame], onPage=painter)])
    doc.build(story)
    return buffer.getvalue(), int(doc.page)


def write_recovery_sheet(out: Path | BinaryIO, info: RecoverySheetInfo) -> None:
    """Write the recovery sheet PDF to ``out`` (a path or a binary stream).

    The PDF is built in memory and written in one go; nothing else touches the disk.
    Raises :class:`~station.reports.fonts.FontNotFoundError` without a CJK font,
    :class:`SheetTextError` for a broken wording file and ``ValueError`` for a malformed
    recovery key (the message never contains the key).
    """
    font = register_cjk_font()
    t = load_sheet_texts()
    data, pages = _build_pdf(info, t, font, pages=1)
    if pages != 1:  # very long names or wording: rebuild so the footer says "x / n"
        data, _ = _build_pdf(info, t, font, pages=pages)
    if isinstance(out, Path):
        out.write_bytes(data)
    else:
        out.write(data)
