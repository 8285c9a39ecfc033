"""The shared machinery of every printed form (ReportLab, A4, embedded CJK TrueType font).

A form is one or more *parts* (a part is one copy, such as the receiver's copy and the
station's copy of a referral form); each part starts on a new page. Every page gets:

- a running header (station name, form title, a reference such as the referral number,
  and the part's copy mark such as “接收方留存”), drawn on the canvas so it repeats on
  every page however long the content is;
- a footer with a confidentiality mark, a centre text and “page x / y”, counted within
  the part (the receiver's pages read “第 1 / 2 页”, “第 2 / 2 页” on their own).

The body is built from the helpers below: a field table whose long values wrap, long
text blocks that split across pages, numbered items, tick boxes (drawn: the CJK fonts
lack ☐) and signature/date lines kept together on one page.

All wording comes from ``resources/forms/*.toml`` (see ``resources/forms/README.md``);
the font comes from :mod:`station.reports.fonts` and is embedded as TrueType, so the
Chinese text can be searched and copied. PDFs are built in memory: nothing is written
to disk here.
"""

from __future__ import annotations

import io
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from station.paths import resources_dir
from station.reports.fonts import CjkFont

__all__ = [
    "FRAME_W",
    "LABEL_W",
    "CheckBox",
    "DocInfo",
    "Footer",
    "FormTextError",
    "FormTexts",
    "Part",
    "RunningHeader",
    "StationInfo",
    "Styles",
    "build_form",
    "check_line",
    "date_values",
    "field_table",
    "fill",
    "format_date",
    "keep_together",
    "load_form_texts",
    "make_styles",
    "markup",
    "numbered",
    "section",
    "signature_lines",
    "table_style",
    "text_block",
]

INK = colors.HexColor("#1F2328")
MUTED_HEX = "#5B6470"
MUTED = colors.HexColor(MUTED_HEX)
ACCENT = colors.HexColor("#1D3557")
RULE = colors.HexColor("#C3C8CF")
SHADE = colors.HexColor("#F3F5F8")

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
LABEL_W = 30 * mm
_HEADER_GAP = 5 * mm  # between the running header's rule and the body
_MARK_W = 34 * mm  # the copy mark, top right
_REF_W = 70 * mm  # the reference (number, version), right of the title


# -- wording files ------------------------------------------------------------------
class FormTextError(ValueError):
    """A wording file is missing, malformed or lacks an entry."""


class FormTexts:
    """Typed access to one wording file, with clear errors for missing entries."""

    def __init__(self, data: Mapping[str, Any], source: str) -> None:
        self._data = data
        self._source = source

    @property
    def source(self) -> str:
        return self._source

    def _lookup(self, dotted: str) -> object:
        node: object = self._data
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise FormTextError(f"{self._source}: missing entry '{dotted}'")
            node = node[part]
        return node

    def has(self, dotted: str) -> bool:
        try:
            self._lookup(dotted)
        except FormTextError:
            return False
        return True

    def text(self, dotted: str) -> str:
        value = self._lookup(dotted)
        if not isinstance(value, str):
            raise FormTextError(f"{self._source}: '{dotted}' must be a string")
        return value

    def texts(self, dotted: str) -> list[str]:
        value = self._lookup(dotted)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise FormTextError(f"{self._source}: '{dotted}' must be a list of strings")
        return [str(v) for v in value]

    def tables(self, dotted: str) -> list[FormTexts]:
        """An array of tables (``[[section]]`` in TOML), each as its own ``FormTexts``."""
        value = self._lookup(dotted)
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise FormTextError(f"{self._source}: '{dotted}' must be a list of tables")
        return [FormTexts(v, f"{self._source} [{dotted} {i + 1}]") for i, v in enumerate(value)]


def load_form_texts(name: str, path: Path | None = None) -> FormTexts:
    """Read a form's wording: ``resources/forms/<name>.toml`` unless ``path`` is given."""
    path = path if path is not None else resources_dir() / "forms" / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise FormTextError(f"cannot read {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise FormTextError(f"{path}: invalid TOML: {exc}") from exc
    return FormTexts(data, str(path))


class _Defaults(dict[str, str]):
    """format_map() mapping that leaves unknown placeholders as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values: object) -> str:
    """Put values into ``{placeholders}``; unknown placeholders stay as written."""
    return template.format_map(_Defaults({k: str(v) for k, v in values.items()}))


def markup(text: str) -> str:
    """Escape wording for a Paragraph; ``**text**`` becomes bold, a newline a line break."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(text)).replace("\n", "<br/>")


def date_values(when: date | datetime) -> dict[str, str]:
    values = {"year": f"{when.year:04d}", "month": f"{when.month:02d}", "day": f"{when.day:02d}"}
    if isinstance(when, datetime):
        values |= {"hour": f"{when.hour:02d}", "minute": f"{when.minute:02d}"}
    return values


def format_date(template: str, when: date | datetime | None, empty: str = "") -> str:
    return empty if when is None else fill(template, **date_values(when))


# -- styles -------------------------------------------------------------------------
@dataclass(frozen=True)
class Styles:
    font: CjkFont
    title: ParagraphStyle
    subtitle: ParagraphStyle
    badge: ParagraphStyle
    lead: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    body: ParagraphStyle
    item: ParagraphStyle
    note: ParagraphStyle
    small_centre: ParagraphStyle
    entry: ParagraphStyle
    header_station: ParagraphStyle
    header_title: ParagraphStyle
    header_ref: ParagraphStyle
    mark: ParagraphStyle


def make_styles(font: CjkFont) -> Styles:
    base = ParagraphStyle(
        "form-base",
        fontName=font.regular,
        bulletFontName=font.regular,
        fontSize=9.5,
        leading=14,
        textColor=INK,
        wordWrap="CJK",
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        font=font,
        title=derive("form-title", fontName=font.bold, fontSize=20, leading=26, textColor=ACCENT),
        subtitle=derive("form-subtitle", fontSize=9, leading=12, textColor=MUTED),
        badge=derive("form-badge", fontName=font.bold, fontSize=9, leading=12, alignment=TA_CENTER),
        lead=derive("form-lead", fontSize=9.5, leading=14.5),
        heading=derive(
            "form-heading",
            fontName=font.bold,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=2,
        ),
        label=derive("form-label", fontSize=9, leading=13.5, textColor=MUTED),
        value=derive("form-value", fontSize=10, leading=14),
        body=derive("form-body", fontSize=9.5, leading=14, spaceAfter=2.5),
        item=derive("form-item", fontSize=9.5, leading=14, spaceAfter=2.5, leftIndent=6 * mm),
        note=derive("form-note", fontSize=8.5, leading=12.5, textColor=MUTED),
        small_centre=derive(
            "form-small", fontSize=8.5, leading=11, textColor=MUTED, alignment=TA_CENTER
        ),
        entry=derive(
            "form-entry",
            fontName=font.bold,
            fontSize=10,
            leading=14,
            spaceBefore=6,
            spaceAfter=0,
            textColor=ACCENT,
        ),
        header_station=derive("form-h-station", fontSize=9, leading=12, textColor=MUTED),
        header_title=derive(
            "form-h-title", fontName=font.bold, fontSize=15, leading=19, textColor=ACCENT
        ),
        header_ref=derive("form-h-ref", fontSize=9.5, leading=13, alignment=TA_RIGHT),
        mark=derive(
            "form-mark",
            fontName=font.bold,
            fontSize=9.5,
            leading=12,
            alignment=TA_CENTER,
            textColor=ACCENT,
        ),
    )


def table_style(st: Styles, commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    # Empty cells are drawn with the table's font too: keep Helvetica out of the PDF.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font.regular), *commands])


# -- body helpers -------------------------------------------------------------------
def _rule(st: Styles, width: float = FRAME_W) -> Table:
    rule = Table([[""]], colWidths=[width], rowHeights=[2])
    rule.setStyle(table_style(st, [("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE)]))
    return rule


def section(title: str, st: Styles, *body: Flowable, keep: bool = True) -> list[Flowable]:
    """A heading with a rule, then ``body``. With ``keep`` the whole section stays on one
    page when it can; otherwise only the heading is kept with the first body flowable
    (use this for long text that must be able to break across pages)."""
    head: list[Flowable] = [Paragraph(markup(title), st.heading), _rule(st)]
    if keep:
        return [KeepTogether(_flat([*head, *body]))]
    if not body:
        return head
    return [KeepTogether(_flat([*head, body[0]])), *body[1:]]


def _flat(flows: Sequence[Flowable]) -> list[Flowable]:
    """A KeepTogether inside another one forces a page break (its height reads as
    “huge”): unwrap inner ones, the outer keeps them together anyway."""
    out: list[Flowable] = []
    for f in flows:
        out += _flat(f._content) if isinstance(f, KeepTogether) else [f]
    return out


def keep_together(*flows: Flowable) -> KeepTogether:
    """``KeepTogether`` that unwraps nested ones (see :func:`section`)."""
    return KeepTogether(_flat(flows))


def _value_cell(value: str | Flowable, st: Styles) -> Flowable:
    if isinstance(value, str):
        return Paragraph(markup(value) if value else "&nbsp;", st.value)
    return value


def field_table(
    rows: Sequence[tuple[str | Flowable, str | Flowable]],
    st: Styles,
    *,
    label_width: float = LABEL_W,
    width: float = FRAME_W,
    lines: bool = False,
) -> Table:
    """Label / value rows; long values wrap. ``lines`` draws a fill-in line under each
    value (for forms completed by hand). A row must fit on one page: put long text in a
    :func:`text_block` instead."""
    data = [
        [
            Paragraph(markup(label), st.label) if isinstance(label, str) else label,
            _value_cell(value, st),
        ]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 4),
        # Room for the closing punctuation ReportLab lets hang past a CJK line.
        ("RIGHTPADDING", (1, 0), (1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if lines:
        commands += [
            ("LINEBELOW", (1, 0), (1, -1), 0.6, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
        ]
    table.setStyle(table_style(st, commands))
    return table


def text_block(
    text: str, st: Styles, style: ParagraphStyle | None = None, *, caption: str = ""
) -> list[Flowable]:
    """Free text as paragraphs (one per line) that break across pages as needed.
    The text is escaped: what a user typed is printed as typed, never as markup.
    ``caption`` (wording) is put in front of the first line, in the muted colour."""
    use = style or st.body
    out: list[Flowable] = []
    lead = f'<font color="{MUTED_HEX}">{markup(caption)}</font>' if caption else ""
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            out.append(Paragraph(("" if out else lead) + escape(line.strip()), use))
        elif out:
            out.append(Spacer(1, use.leading / 2))
    return out or [Paragraph(lead or "&nbsp;", use)]


def numbered(items: Sequence[str], st: Styles, *, start: int = 1) -> list[Flowable]:
    """Numbered paragraphs (wording with ``**bold**``); each may break across pages."""
    return [
        Paragraph(markup(item), st.item, bulletText=f"{n}.")
        for n, item in enumerate(items, start=start)
    ]


class CheckBox(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """An empty tick box drawn as a shape (the CJK fonts lack ☐)."""

    def __init__(self, size: float = 3.4 * mm) -> None:
        super().__init__()
        self._size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self._size, self._size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.8)
        # Raised a little so the box sits on the middle of the CJK text line.
        self.canv.rect(0, 0.8, self._size, self._size, stroke=1, fill=0)


def check_line(labels: Sequence[str], st: Styles, *, per_row: int = 2) -> Table:
    """Tick boxes with their labels, ``per_row`` to a row."""
    per_row = max(1, per_row)
    box_w = 7 * mm
    text_w = (FRAME_W - per_row * box_w) / per_row
    cells: list[Flowable | str] = []
    for text in labels:
        cells += [CheckBox(), Paragraph(markup(text), st.body)]
    cells += [""] * (-len(cells) % (2 * per_row))
    rows = [cells[i : i + 2 * per_row] for i in range(0, len(cells), 2 * per_row)]
    table = Table(rows, colWidths=[box_w, text_w] * per_row, hAlign="LEFT")
    table.setStyle(
        table_style(
            st,
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ],
        )
    )
    return table


def signature_lines(
    rows: Sequence[Sequence[str]], st: Styles, *, height: float = 12 * mm
) -> list[Flowable]:
    """Rows of signature (or date) lines with their captions underneath, e.g.
    ``[["来访者签字", "日期"], ["咨询师签字", "日期"]]``. Put them in a kept
    :func:`section` (or a ``KeepTogether``) so they stay on one page with what they
    sign: a ``KeepTogether`` inside another one would push the outer one to a new page."""
    gap = 8 * mm
    flows: list[Flowable] = []
    for captions in rows:
        n = max(1, len(captions))
        # A date line is narrower than a signature line.
        weights = [0.6 if ("日期" in c or "date" in c.lower()) else 1.0 for c in captions]
        unit = (FRAME_W - gap * (n - 1)) / sum(weights)
        widths: list[float] = []
        line_row: list[str] = []
        caption_row: list[Flowable | str] = []
        commands: list[tuple[Any, ...]] = [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 1), (-1, 1), 3),
            ("BOTTOMPADDING", (0, 1), (-1, 1), 2),
        ]
        for i, caption in enumerate(captions):
            if i:
                widths.append(gap)
                line_row.append("")
                caption_row.append("")
            col = len(widths)
            widths.append(unit * weights[i])
            line_row.append("")
            caption_row.append(Paragraph(markup(caption), st.small_centre))
            commands.append(("LINEBELOW", (col, 0), (col, 0), 0.8, INK))
        table = Table([line_row, caption_row], colWidths=widths, rowHeights=[height, None])
        table.setStyle(table_style(st, commands))
        flows.append(table)
    return flows


# -- the document -------------------------------------------------------------------
@dataclass(frozen=True)
class StationInfo:
    """The station as printed in a form's header and contact lines (no personal data)."""

    name: str
    code: str
    contact: str = ""


@dataclass(frozen=True)
class RunningHeader:
    """Drawn at the top of every page. ``reference`` is printed top right (e.g. the
    referral number); the copy mark comes from the page's :class:`Part`."""

    station: str
    title: str
    reference: str = ""


@dataclass(frozen=True)
class Footer:
    """``right`` may use ``{page}`` and ``{pages}`` (counted within the part)."""

    left: str = ""
    centre: str = ""
    right: str = "{page} / {pages}"


@dataclass(frozen=True)
class DocInfo:
    """PDF document properties: never personal data."""

    title: str
    subject: str = ""


@dataclass
class Part:
    """One copy or section of a form, starting on a new page, with its copy mark."""

    story: list[Flowable]
    mark: str = ""


@dataclass
class _Pages:
    """Per part: the first page and the number of pages (filled while building)."""

    first: dict[int, int] = field(default_factory=dict)
    count: dict[int, int] = field(default_factory=dict)


def _header_table(header: RunningHeader, mark: str, st: Styles) -> Table:
    left_w = FRAME_W - _MARK_W
    badge: Flowable | str = ""
    if mark:
        box = Table([[Paragraph(escape(mark), st.mark)]], colWidths=[_MARK_W])
        box.setStyle(
            table_style(
                st,
                [
                    ("BOX", (0, 0), (-1, -1), 1.0, ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ],
            )
        )
        badge = box
    station = Paragraph(escape(header.station), st.header_station)
    title = Paragraph(escape(header.title), st.header_title)
    ref = Paragraph(escape(header.reference) or "&nbsp;", st.header_ref)
    inner = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 4 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
    ]
    top = Table([[station, badge]], colWidths=[left_w, _MARK_W])
    top.setStyle(table_style(st, [*inner, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    bottom = Table([[title, ref]], colWidths=[FRAME_W - _REF_W, _REF_W])
    bottom.setStyle(table_style(st, [*inner, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    table = Table([[top], [bottom]], colWidths=[FRAME_W], hAlign="LEFT")
    table.setStyle(
        table_style(
            st,
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 1), (-1, 1), 1.0, ACCENT),
            ],
        )
    )
    return table


def _header_height(header: RunningHeader, marks: Sequence[str], st: Styles) -> float:
    heights = [_header_table(header, m, st).wrap(FRAME_W, PAGE_H)[1] for m in marks or [""]]
    return float(max(heights))


def _painter(
    index: int,
    mark: str,
    header: RunningHeader | None,
    footer: Footer,
    st: Styles,
    pages: _Pages,
    totals: Mapping[int, int] | None,
) -> Callable[[Any, Any], None]:
    def paint(canv: Any, doc: Any) -> None:
        number = canv.getPageNumber()
        first = pages.first.setdefault(index, number)
        pages.count[index] = number - first + 1
        canv.saveState()
        if header is not None:
            table = _header_table(header, mark, st)
            _, height = table.wrapOn(canv, FRAME_W, PAGE_H)
            table.drawOn(canv, MARGIN_X, PAGE_H - MARGIN_TOP - height)
        y = MARGIN_BOTTOM - 9 * mm
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, y + 11, PAGE_W - MARGIN_X, y + 11)
        canv.setFillColor(INK)
        canv.setFont(st.font.bold, 8.5)
        if footer.left:
            canv.drawString(MARGIN_X, y, footer.left)
        canv.setFillColor(MUTED)
        canv.setFont(st.font.regular, 8)
        if footer.centre:
            canv.drawCentredString(PAGE_W / 2, y, footer.centre)
        total = totals.get(index, pages.count[index]) if totals is not None else "?"
        right = fill(footer.right, page=pages.count[index], pages=total)
        if right:
            canv.drawRightString(PAGE_W - MARGIN_X, y, right)
        canv.restoreState()

    return paint


def _build_once(
    parts: Sequence[Part],
    header: RunningHeader | None,
    footer: Footer,
    info: DocInfo,
    st: Styles,
    totals: Mapping[int, int] | None,
) -> tuple[bytes, dict[int, int]]:
    header_h = _header_height(header, [p.mark for p in parts], st) if header else 0.0
    top = MARGIN_TOP + (header_h + _HEADER_GAP if header else 0.0)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=top,
        bottomMargin=MARGIN_BOTTOM,
        title=info.title,
        subject=info.subject,
        author="",
        creator="station",
        keywords=[],
        lang="zh-CN",
        initialFontName=st.font.regular,
    )
    pages = _Pages()
    templates = []
    story: list[Flowable] = []
    for i, part in enumerate(parts):
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            FRAME_W,
            PAGE_H - top - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=f"body{i}",
        )
        paint = _painter(i, part.mark, header, footer, st, pages, totals)
        templates.append(PageTemplate(id=f"part{i}", frames=[frame], onPage=paint))
        if i:
            story += [NextPageTemplate(f"part{i}"), PageBreak()]
        story += part.story
    doc.addPageTemplates(templates)
    doc.build(story)
    return buffer.getvalue(), dict(pages.count)


def build_form(
    make_parts: Callable[[], Sequence[Part]],
    *,
    header: RunningHeader | None,
    footer: Footer,
    info: DocInfo,
    styles: Styles,
) -> bytes:
    """Build the PDF in memory. ``make_parts`` is called twice (flowables are used up by
    a build): once to count each part's pages, once more to print “x / y”."""
    _, totals = _build_once(make_parts(), header, footer, info, styles, None)
    data, again = _build_once(make_parts(), header, footer, info, styles, totals)
    if again != totals:  # cannot happen: the footer is outside the frame
        data, _ = _build_once(make_parts(), header, footer, info, styles, again)
    return data


def build_texted_form(
    make_parts: Callable[[], Sequence[Part]],
    texts: FormTexts,
    styles: Styles,
    *,
    station: str,
    values: Mapping[str, object],
    reference_key: str = "header.reference",
) -> bytes:
    """:func:`build_form` with the header, footer and document properties every form's
    texts give: ``header.title``, ``reference_key`` and ``footer.centre`` filled with
    ``values``, ``footer.confidential``, ``footer.page``, ``document.title`` / ``subject``."""
    return build_form(
        make_parts,
        header=RunningHeader(
            station=station,
            title=texts.text("header.title"),
            reference=fill(texts.text(reference_key), **values),
        ),
        footer=Footer(
            left=texts.text("footer.confidential"),
            centre=fill(texts.text("footer.centre"), **values),
            right=texts.text("footer.page"),
        ),
        info=DocInfo(texts.text("document.title"), texts.text("document.subject")),
        styles=styles,
    )
