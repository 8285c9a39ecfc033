"""The recovery sheet: a one-page A4 PDF with the vault's recovery key, for the station safe.

All wording lives in ``resources/forms/recovery_sheet.toml`` so that a city office can
change it without a programmer. The PDF embeds a CJK TrueType font (see
:mod:`station.reports.fonts`); nothing is written anywhere but ``out``.

The recovery key is a secret: it is never logged and never put into an exception message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from station.reports.fonts import CjkFont, register_cjk_font
from station.reports.forms import (
    FRAME_W,
    INK,
    LABEL_W,
    MUTED,
    SHADE,
    DocInfo,
    Footer,
    FormTextError,
    FormTexts,
    Part,
    Styles,
    build_form,
    check_line,
    date_values,
    field_table,
    fill,
    load_form_texts,
    make_styles,
    markup,
    section,
    signature_lines,
    table_style,
)

__all__ = [
    "CROCKFORD_ALPHABET",
    "RecoverySheetInfo",
    "SheetTextError",
    "load_sheet_texts",
    "write_recovery_sheet",
]

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

_KEY_SIZE = 18.0
_CODE_SIZE = 10.0

# The wording file machinery is shared with the other forms (station.reports.forms).
SheetTextError = FormTextError
SheetTexts = FormTexts


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


def load_sheet_texts(path: Path | None = None) -> SheetTexts:
    """Read the sheet's wording (default: ``resources/forms/recovery_sheet.toml``)."""
    return load_form_texts("recovery_sheet", path)


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
                    canv.setFillColor(MUTED)
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
        text.setFillColor(INK)
        text.setTextOrigin(placed[0][1] - widths[0] / 2, baseline)
        for i, (char, centre) in enumerate(placed):
            start = centre - widths[i] / 2
            if i + 1 < len(placed):
                next_start = placed[i + 1][1] - widths[i + 1] / 2
                text.setCharSpace(next_start - (start + widths[i]))
            text.textOut(char)
        text.setCharSpace(0)
        self.canv.drawText(text)


def _header(t: SheetTexts, st: Styles) -> list[Flowable]:
    title = Paragraph(
        f"{escape(t.text('header.title'))}"
        f'<font size="13" color="#5B6470"> / {escape(t.text("header.title_en"))}</font>',
        st.title,
    )
    badge = Table([[Paragraph(escape(t.text("header.badge")), st.badge)]], colWidths=[42 * mm])
    badge.setStyle(
        table_style(
            st,
            [
                ("BOX", (0, 0), (-1, -1), 1.2, INK),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ],
        )
    )
    top = Table(
        [[title, badge], [Paragraph(escape(t.text("header.system_name")), st.subtitle), ""]],
        colWidths=[FRAME_W - 44 * mm, 44 * mm],
    )
    top.setStyle(
        table_style(
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
    return [top, Spacer(1, 6), Paragraph(markup(t.text("header.lead")), st.lead)]


def _station_block(info: RecoverySheetInfo, t: SheetTexts, st: Styles) -> list[Flowable]:
    created = fill(t.text("station.created_at_format"), **date_values(info.created_at))
    rows = [
        (t.text("station.name"), info.station_name),
        (t.text("station.code"), info.station_code),
        (t.text("station.kind"), info.station_kind_label),
        (t.text("station.region"), info.region),
        (t.text("station.vault_id"), info.vault_id),
        (t.text("station.created_at"), created),
    ]
    table = field_table([(label, Paragraph(escape(v), st.value)) for label, v in rows], st)
    return section(t.text("station.heading"), st, table)


def _key_block(info: RecoverySheetInfo, t: SheetTexts, st: Styles, font: CjkFont) -> list[Flowable]:
    groups = _key_groups(info.recovery_key)
    probe = _FixedPitch([groups], font=font.regular, size=_KEY_SIZE, separator="-")
    per_group = probe.content_width() / len(groups)
    rows = _balanced_rows(groups, int((FRAME_W - 16 * mm) // per_group))
    numbers = iter(range(1, len(groups) + 1))
    labels = [[fill(t.text("key.group_label"), n=next(numbers)) for _ in row] for row in rows]
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
    box = Table([[key]], colWidths=[FRAME_W])
    box.setStyle(
        table_style(
            st,
            [
                ("BOX", (0, 0), (-1, -1), 1.5, INK),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ],
        )
    )
    group_size = max(len(g) for g in groups)
    note = fill(t.text("key.note"), groups=len(groups), group_size=group_size)
    return section(t.text("key.heading"), st, box, Spacer(1, 4), Paragraph(markup(note), st.note))


def _instructions_block(t: SheetTexts, st: Styles) -> list[Flowable]:
    items = [Paragraph(markup(item), st.body) for item in t.texts("instructions.items")]
    bullets = Table(
        [[Paragraph(f"{i}.", st.body), p] for i, p in enumerate(items, start=1)],
        colWidths=[6 * mm, FRAME_W - 6 * mm],
    )
    bullets.setStyle(
        table_style(
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
    return section(t.text("instructions.heading"), st, bullets)


def _code(rows: Sequence[Sequence[str]], font: CjkFont, separator: str = "") -> _FixedPitch:
    return _FixedPitch(rows, font=font.regular, size=_CODE_SIZE, separator=separator, gap_cells=0.8)


def _signing_block(
    info: RecoverySheetInfo, t: SheetTexts, st: Styles, font: CjkFont
) -> list[Flowable]:
    value_w = FRAME_W - LABEL_W - 12
    fingerprint = re.sub(r"[\s:]+", "", info.signing_fingerprint)
    fp_groups = _split(fingerprint, 4)
    fp_probe = _code([[fingerprint]], font)
    per_char = fp_probe.content_width() / max(1, len(fingerprint))
    fp_per_row = max(1, int(value_w // (per_char * 4.8)))
    public_key = re.sub(r"\s+", "", info.signing_public_key)
    pk_probe = _code([[public_key]], font)
    pk_per_row = max(1, int(value_w // (pk_probe.content_width() / max(1, len(public_key)))))
    fp_label = (
        f"{markup(t.text('signing.fingerprint'))}<br/>"
        f'<font size="7.5">{escape(t.text("signing.fingerprint_note"))}</font>'
    )
    fp_rows = _balanced_rows(fp_groups, fp_per_row)
    pk_lines = math.ceil(len(public_key) / pk_per_row)
    pk_rows = [[line] for line in _split(public_key, math.ceil(len(public_key) / pk_lines))]
    table = field_table(
        [
            (t.text("signing.key_id"), _code([[info.signing_key_id.strip()]], font)),
            (Paragraph(fp_label, st.label), _code(fp_rows, font, separator=" ")),
            (t.text("signing.public_key"), _code(pk_rows, font)),
        ],
        st,
    )
    explanation = Paragraph(markup(t.text("signing.explanation")), st.body)
    return section(t.text("signing.heading"), st, explanation, Spacer(1, 2), table)


def _custody_block(t: SheetTexts, st: Styles) -> list[Flowable]:
    checks = check_line(t.texts("custody.checks"), st, per_row=2)
    names = [t.text("custody.custodian"), t.text("custody.witness"), t.text("custody.date")]
    signatures = signature_lines([names], st, height=13 * mm)
    return section(t.text("custody.heading"), st, checks, Spacer(1, 2), *signatures)


def _parts(info: RecoverySheetInfo, t: SheetTexts, st: Styles) -> list[Part]:
    story: list[Flowable] = [
        *_header(t, st),
        *_station_block(info, t, st),
        *_key_block(info, t, st, st.font),
        *_instructions_block(t, st),
        *_signing_block(info, t, st, st.font),
        *_custody_block(t, st),
    ]
    return [Part(story)]


def _footer(info: RecoverySheetInfo, t: SheetTexts) -> Footer:
    day = fill(t.text("footer.date_format"), **date_values(info.created_at))
    created = fill(t.text("footer.created"), date=day)
    return Footer(
        left=t.text("footer.confidential"),
        centre=fill(t.text("footer.vault"), vault_id=info.vault_id),
        right=f"{created}    {t.text('footer.page')}",
    )


def write_recovery_sheet(out: Path | BinaryIO, info: RecoverySheetInfo) -> None:
    """Write the recovery sheet PDF to ``out`` (a path or a binary stream).

    The PDF is built in memory and written in one go; nothing else touches the disk.
    Raises :class:`~station.reports.fonts.FontNotFoundError` without a CJK font,
    :class:`SheetTextError` for a broken wording file and ``ValueError`` for a malformed
    recovery key (the message never contains the key).
    """
    font = register_cjk_font()
    t = load_sheet_texts()
    st = make_styles(font)
    _key_groups(info.recovery_key)  # refuse a malformed key before building anything
    data = build_form(
        lambda: _parts(info, t, st),
        header=None,
        footer=_footer(info, t),
        info=DocInfo(t.text("document.title"), t.text("document.subject")),
        styles=st,
    )
    if isinstance(out, Path):
        out.write_bytes(data)
    else:
        out.write(data)
