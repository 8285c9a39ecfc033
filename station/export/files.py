"""stats.xlsx and summary.pdf: the monthly statistics for people, made from stats.json alone.

Both files are pure functions of the statistics document (the parsed ``stats.json``):
they can show nothing that the document does not hold, and the same document always
gives the same bytes. Neither carries a date finer than the month:

- the workbook's ``docProps/core.xml`` is replaced by one without created/modified
  dates, and every zip entry gets the fixed timestamp 1980-01-01 00:00 (the zip
  format's earliest; it says nothing about the export);
- the PDF is built in ReportLab's invariant mode (fixed CreationDate/ModDate and ID).

Every suppressed cell is the text "*" in both files, explained by a footnote.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from station.models.enums import STATION_KIND_LABELS, StationKind
from station.reports.fonts import CjkFont, register_cjk_font

__all__ = [
    "SUPPRESSED",
    "ShareView",
    "TableView",
    "build_pdf",
    "build_xlsx",
    "footnote",
    "header_line",
    "shares",
    "tables",
]

SUPPRESSED = "*"
TOTAL = "_total"
TOTAL_LABEL = "合计"
SCOPE_LABELS = {"month": "本月", "ytd": "本年累计"}
ROW_HEADER = "类别"
SHEET_TITLE = "统计表"
# The fixed zip timestamp: the earliest the format can hold.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_MAX_CHARTS = 4
# Tables drawn as charts when the document has them (else the first tables that fit).
_CHART_PREFERENCE = ("services_by_kind", "people_by_rank", "concerns", "case_sources")
NOT_APPLICABLE = "—"  # a share whose denominator is 0 (null in stats.json)
_MAX_CHART_BARS = 16

Value = int | float | str


# -- reading the document -----------------------------------------------------------
@dataclass(frozen=True)
class TableView:
    """One table as shown: categories in document order, one grid per scope."""

    id: str
    title: str
    sensitive: bool
    rows: tuple[tuple[str, str], ...]  # (code, label)
    cols: tuple[tuple[str, str], ...]
    scopes: tuple[tuple[str, tuple[tuple[Value, ...], ...]], ...]  # (scope, grid)


@dataclass(frozen=True)
class ShareView:
    id: str
    label: str
    month: Value
    ytd: Value | None


def _label(item: Any) -> tuple[str, str]:
    if isinstance(item, Mapping):
        code = str(item.get("code", ""))
        label = str(item.get("label") or "")
    else:
        code, label = str(item), ""
    if not label:
        label = TOTAL_LABEL if code == TOTAL else code
    return code, label


def _cell(value: Any) -> Value:
    if isinstance(value, bool):  # not a count; show it as text rather than 0/1
        return str(value)
    if isinstance(value, int | float):
        return value
    if value is None:
        return ""
    return str(value)


def _grid(
    cells: Any, rows: Sequence[tuple[str, str]], cols: Sequence[tuple[str, str]]
) -> tuple[tuple[Value, ...], ...]:
    cells = cells if isinstance(cells, Mapping) else {}
    grid: list[tuple[Value, ...]] = []
    for row_code, _ in rows:
        row = cells.get(row_code)
        row = row if isinstance(row, Mapping) else {}
        grid.append(tuple(_cell(row.get(col_code)) for col_code, _ in cols))
    return tuple(grid)


def _table_order() -> dict[str, int]:
    """The catalogue's order of tables (stats.json sorts its keys alphabetically)."""
    from station.statistics.tables import SPECS

    return {spec.id: index for index, spec in enumerate(SPECS)}


def tables(document: Mapping[str, Any]) -> list[TableView]:
    """The document's tables, in the statistics catalogue's order (others after it,
    in document order)."""
    views: list[TableView] = []
    raw = document.get("tables")
    if not isinstance(raw, Mapping):
        return views
    order = _table_order()
    items = sorted(raw.items(), key=lambda item: order.get(str(item[0]), len(order)))
    for table_id, table in items:
        if not isinstance(table, Mapping):
            continue
        rows = tuple(_label(r) for r in table.get("rows", ()))
        cols = tuple(_label(c) for c in table.get("cols", ()))
        scopes = tuple(
            (scope, _grid(table[scope], rows, cols)) for scope in SCOPE_LABELS if scope in table
        )
        views.append(
            TableView(
                id=str(table_id),
                title=str(table.get("title") or table_id),
                sensitive=table.get("sensitivity") == "sensitive",
                rows=rows,
                cols=cols,
                scopes=scopes,
            )
        )
    return views


def _share_cell(value: Any) -> Value:
    return NOT_APPLICABLE if value is None else _cell(value)


def shares(document: Mapping[str, Any]) -> list[ShareView]:
    raw = document.get("shares")
    if not isinstance(raw, Mapping):
        return []
    views: list[ShareView] = []
    for share_id, share in raw.items():
        if not isinstance(share, Mapping):
            continue
        views.append(
            ShareView(
                id=str(share_id),
                label=str(share.get("label") or share_id),
                month=_share_cell(share.get("month")),
                ytd=_share_cell(share["ytd"]) if "ytd" in share else None,
            )
        )
    return views


def _station(document: Mapping[str, Any]) -> tuple[str, str]:
    station = document.get("station")
    station = station if isinstance(station, Mapping) else {}
    code = str(station.get("code", ""))
    kind = str(station.get("kind", ""))
    try:
        kind_label = STATION_KIND_LABELS[StationKind(kind)]
    except ValueError:
        kind_label = kind
    return code, kind_label


def header_line(document: Mapping[str, Any]) -> str:
    """The line repeated on every page: station code, kind and month."""
    code, kind_label = _station(document)
    period = str(document.get("period", ""))
    return f"站点 {code} · {kind_label} · {period} 月度统计（去标识化汇总）"


def _k(policy: Mapping[str, Any], key: str) -> int | None:
    value = policy.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def footnote(document: Mapping[str, Any]) -> str:
    """What "*" means, with the thresholds of the document's policy when it names them."""
    policy = document.get("policy")
    policy = policy if isinstance(policy, Mapping) else {}
    k_std, k_sens = _k(policy, "k_standard"), _k(policy, "k_sensitive")
    if k_std is not None and k_sens is not None:
        small = f"1 至 {k_std - 1} 之间（敏感类表格为 1 至 {k_sens - 1} 之间）"
    else:
        small = "1 至 k−1 之间（k 为统计规范规定的最小公布数）"
    return (
        f"注：“{SUPPRESSED}”表示该格数值已隐藏：数值在 {small}，或为防止由合计、"
        f"其他格推算出小数值而一并隐藏。“0”表示确无；比率中的“{NOT_APPLICABLE}”表示分母为 0。"
        "本表只含汇总数字，不含任何个人信息。"
    )


def _notes(document: Mapping[str, Any]) -> list[str]:
    notes = document.get("notes")
    if not isinstance(notes, Mapping):
        return []
    return [str(v) for v in notes.values() if isinstance(v, str) and v.strip()]


def _scope_label(document: Mapping[str, Any], scope: str) -> str:
    ytd_from = document.get("ytd_from")
    if scope == "ytd" and isinstance(ytd_from, str) and ytd_from:
        return f"{SCOPE_LABELS[scope]}（自 {ytd_from} 起）"
    return SCOPE_LABELS[scope]


def _table_heading(document: Mapping[str, Any], number: int, view: TableView, scope: str) -> str:
    sensitive = "（敏感类）" if view.sensitive else ""
    return f"表{number}  {view.title}{sensitive} · {_scope_label(document, scope)}"


# -- stats.xlsx ---------------------------------------------------------------------
_THIN = Side(style="thin", color="B0B7C0")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E8ECF1")
_TOTAL_FILL = PatternFill("solid", fgColor="F5F7FA")


def build_xlsx(document: Mapping[str, Any]) -> bytes:
    """One sheet with every table (month, then year to date), the shares and the footnote.

    Counts are numbers, "*" is text; shares are numbers formatted as percentages.
    """
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_TITLE
    note = footnote(document)
    bold = Font(bold=True)

    views = tables(document)
    widest = max([3, *(len(v.cols) + 1 for v in views)])

    def text_row(text: str, height: float) -> None:
        """A long line of text over the sheet's width, wrapped."""
        ws.append([text])
        line = ws.max_row
        ws.merge_cells(start_row=line, start_column=1, end_row=line, end_column=widest)
        ws.cell(row=line, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[line].height = height

    ws.append(["干部心理健康服务站月度统计"])
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.append([header_line(document)])
    text_row(note, 32)
    for number, view in enumerate(views, start=1):
        for scope, grid in view.scopes:
            ws.append([])
            ws.append([_table_heading(document, number, view, scope)])
            ws.cell(row=ws.max_row, column=1).font = bold
            ws.append([ROW_HEADER, *(label for _, label in view.cols)])
            head = ws.max_row
            for col in range(1, len(view.cols) + 2):
                cell = ws.cell(row=head, column=col)
                cell.font, cell.fill, cell.border = bold, _HEAD_FILL, _BORDER
                cell.alignment = Alignment(horizontal="center", wrap_text=True)
            for (row_code, row_label), values in zip(view.rows, grid, strict=True):
                ws.append([row_label, *values])
                line = ws.max_row
                for col in range(1, len(view.cols) + 2):
                    cell = ws.cell(row=line, column=col)
                    cell.border = _BORDER
                    if col > 1:
                        cell.alignment = Alignment(horizontal="right")
                        if cell.value == SUPPRESSED:
                            cell.data_type = "s"
                    if row_code == TOTAL or (col > 1 and view.cols[col - 2][0] == TOTAL):
                        cell.fill = _TOTAL_FILL
    share_views = shares(document)
    if share_views:
        ws.append([])
        ws.append(["比率"])
        ws.cell(row=ws.max_row, column=1).font = bold
        ws.append(["指标", SCOPE_LABELS["month"], _scope_label(document, "ytd")])
        head = ws.max_row
        for col in range(1, 4):
            cell = ws.cell(row=head, column=col)
            cell.font, cell.fill, cell.border = bold, _HEAD_FILL, _BORDER
        for share in share_views:
            ytd = NOT_APPLICABLE if share.ytd is None else share.ytd
            ws.append([share.label, share.month, ytd])
            line = ws.max_row
            for col in range(1, 4):
                cell = ws.cell(row=line, column=col)
                cell.border = _BORDER
                if col > 1:
                    cell.alignment = Alignment(horizontal="right")
                    if isinstance(cell.value, float | int):
                        cell.number_format = "0.0%"
    ws.append([])
    text_row(note, 32)
    for text in _notes(document):
        text_row(text, 46)
    ws.column_dimensions["A"].width = 34
    for col in range(2, widest + 1):
        ws.column_dimensions[get_column_letter(col)].width = 13
    # Printing: landscape, all columns on one page width.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    wb.properties.creator = "station"
    wb.properties.title = _doc_title(document)

    raw = io.BytesIO()
    wb.save(raw)
    return _deterministic_zip(raw.getvalue(), _core_xml(_doc_title(document)))


def _doc_title(document: Mapping[str, Any]) -> str:
    code, _ = _station(document)
    return f"{code} {document.get('period', '')} 月度统计"


def _core_xml(title: str) -> bytes:
    """Document properties without any date (openpyxl always writes created/modified)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>station</dc:creator>"
        "</cp:coreProperties>"
    ).encode()


def _deterministic_zip(data: bytes, core_xml: bytes) -> bytes:
    """The same archive with fixed entry times and attributes and our core.xml."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            content = core_xml if item.filename == "docProps/core.xml" else src.read(item)
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, content, compresslevel=6)
    return out.getvalue()


# -- summary.pdf --------------------------------------------------------------------
_INK = colors.HexColor("#1F2328")
_MUTED = colors.HexColor("#5B6470")
_RULE = colors.HexColor("#B0B7C0")
_HEAD = colors.HexColor("#E8ECF1")
_TOTAL_SHADE = colors.HexColor("#F5F7FA")
_BAR = colors.HexColor("#3A6EA5")
_PAGE = landscape(A4)
_MARGIN = 14 * mm
_FRAME_W = _PAGE[0] - 2 * _MARGIN
_CHART_GAP = 8 * mm
_CHART_W = (_FRAME_W - _CHART_GAP) / 2


@dataclass(frozen=True)
class _PdfStyles:
    font: CjkFont
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    note: ParagraphStyle


def _pdf_styles(font: CjkFont) -> _PdfStyles:
    base = ParagraphStyle(
        "export-base", fontName=font.regular, fontSize=9, leading=12, textColor=_INK
    )
    base.wordWrap = "CJK"
    return _PdfStyles(
        font=font,
        title=ParagraphStyle("export-title", parent=base, fontName=font.bold, fontSize=16,
                             leading=22, spaceAfter=4),
        heading=ParagraphStyle("export-heading", parent=base, fontName=font.bold,
                               fontSize=10.5, leading=15, spaceBefore=8, spaceAfter=3),
        body=base,
        cell=ParagraphStyle("export-cell", parent=base, fontSize=8, leading=10),
        note=ParagraphStyle("export-note", parent=base, fontSize=8, leading=11,
                            textColor=_MUTED),
    )  # fmt: skip


def _fmt(value: Value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _pct(value: Value | None) -> str:
    if value is None:
        return NOT_APPLICABLE
    if isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    return str(value)


def _grid_style(st: _PdfStyles) -> list[Any]:
    """A figures table: bold shaded header row, grid, numbers right-aligned."""
    return [
        ("FONT", (0, 0), (-1, -1), st.font.regular, 8),
        ("FONT", (0, 0), (-1, 0), st.font.bold, 8),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD),
        ("GRID", (0, 0), (-1, -1), 0.4, _RULE),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]


def _pdf_table(view: TableView, grid: tuple[tuple[Value, ...], ...], st: _PdfStyles) -> Table:
    head = [Paragraph(escape(ROW_HEADER), st.cell)] + [
        Paragraph(escape(label), st.cell) for _, label in view.cols
    ]
    body: list[list[Any]] = [
        [Paragraph(escape(label), st.cell), *(_fmt(v) for v in values)]
        for (_, label), values in zip(view.rows, grid, strict=True)
    ]
    n_cols = len(view.cols)
    first = 62 * mm
    other = min(24 * mm, (_FRAME_W - first) / max(n_cols, 1))
    table = Table([head, *body], colWidths=[first] + [other] * n_cols, repeatRows=1, hAlign="LEFT")
    style = [
        *_grid_style(st),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, (code, _) in enumerate(view.rows, start=1):
        if code == TOTAL:
            style.append(("BACKGROUND", (0, r), (-1, r), _TOTAL_SHADE))
    for c, (code, _) in enumerate(view.cols, start=1):
        if code == TOTAL:
            style.append(("BACKGROUND", (c, 1), (c, -1), _TOTAL_SHADE))
    table.setStyle(TableStyle(style))
    return table


def _chart_series(view: TableView) -> list[tuple[str, Value]] | None:
    """(category label, month value) for a chart, or None if the table does not fit one."""
    month = dict(view.scopes).get("month")
    if month is None:
        return None
    col_codes = [code for code, _ in view.cols]
    if TOTAL in col_codes:
        col = col_codes.index(TOTAL)
    elif len(col_codes) == 1:
        col = 0
    else:
        return None
    series = [
        (label, values[col])
        for (code, label), values in zip(view.rows, month, strict=True)
        if code != TOTAL
    ]
    if not 2 <= len(series) <= _MAX_CHART_BARS:
        return None
    return series


def _short(label: str, limit: int = 8) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _bar_chart(view: TableView, series: list[tuple[str, Value]], st: _PdfStyles) -> Drawing:
    width, height = _CHART_W, 58 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = width - 18 * mm, height - 24 * mm
    numbers = [v if isinstance(v, int | float) else 0 for _, v in series]
    chart.data = [numbers]
    chart.bars[0].fillColor = _BAR
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    top = max([*numbers, 1])
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.labels.fontName = st.font.regular
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [_short(label) for label, _ in series]
    chart.categoryAxis.labels.fontName = st.font.regular
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 20 if len(series) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(series) > 8 else "n"
    chart.barLabelFormat = lambda v: ""  # labels are drawn below, "*" included
    drawing.add(chart)
    step = chart.width / len(series)
    for i, (_, value) in enumerate(series):
        number = numbers[i]
        y = chart.y + chart.height * (number / (top * 1.15)) + 2
        drawing.add(
            String(
                chart.x + step * (i + 0.5),
                y,
                _fmt(value),
                fontName=st.font.regular,
                fontSize=7,
                textAnchor="middle",
                fillColor=_INK,
            )
        )
    drawing.add(String(0, height - 6, f"{view.title} · 本月", fontName=st.font.bold, fontSize=9))
    return drawing


def build_pdf(document: Mapping[str, Any]) -> bytes:
    """summary.pdf: bar charts for a few key tables, then every table, shares, footnote.

    Landscape A4, the station line repeated at the top of every page, the footnote on
    every page, an embedded CJK TrueType font, ReportLab's invariant mode.
    """
    st = _pdf_styles(register_cjk_font())
    head = header_line(document)
    note = footnote(document)
    views = tables(document)
    story: list[Flowable] = [
        Paragraph("干部心理健康服务站月度统计", st.title),
        Paragraph(escape(head), st.body),
        Spacer(0, 2 * mm),
        Paragraph(escape(note), st.note),
    ]
    fitting = [(v, s) for v in views if (s := _chart_series(v)) is not None]
    rank = {table_id: i for i, table_id in enumerate(_CHART_PREFERENCE)}
    fitting.sort(key=lambda item: rank.get(item[0].id, len(rank)))
    charts = fitting[:_MAX_CHARTS]
    if charts:
        story.append(Paragraph("主要指标图示（本月）", st.heading))
        drawings = [_bar_chart(view, series, st) for view, series in charts]
        pairs = [drawings[i : i + 2] for i in range(0, len(drawings), 2)]
        grid = Table(
            [pair + [""] * (2 - len(pair)) for pair in pairs],
            colWidths=[_CHART_W + _CHART_GAP, _CHART_W],
            hAlign="LEFT",
        )
        grid.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story.append(grid)
        story.append(
            Paragraph(f"图中“{SUPPRESSED}”为已隐藏的数值，柱高按 0 绘制，并不表示确无。", st.note)
        )
    for number, view in enumerate(views, start=1):
        for scope, grid in view.scopes:
            story.append(CondPageBreak(30 * mm))
            story.append(
                Paragraph(escape(_table_heading(document, number, view, scope)), st.heading)
            )
            story.append(_pdf_table(view, grid, st))
    share_views = shares(document)
    if share_views:
        story.append(CondPageBreak(30 * mm))
        story.append(Paragraph("比率", st.heading))
        titles = ["指标", SCOPE_LABELS["month"], _scope_label(document, "ytd")]
        rows: list[list[Any]] = [[Paragraph(escape(t), st.cell) for t in titles]]
        rows += [
            [Paragraph(escape(s.label), st.cell), _pct(s.month), _pct(s.ytd)] for s in share_views
        ]
        table = Table(rows, colWidths=[100 * mm, 36 * mm, 36 * mm], repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(_grid_style(st)))
        story.append(table)
    story.append(Spacer(0, 4 * mm))
    story.append(Paragraph(escape(note), st.note))
    for text in _notes(document):
        story.append(Paragraph(escape(text), st.note))

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(st.font.regular, 8)
        canvas.setFillColor(_MUTED)
        top = _PAGE[1] - 8 * mm
        canvas.drawString(_MARGIN, top, head)
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.5)
        canvas.line(_MARGIN, top - 2 * mm, _PAGE[0] - _MARGIN, top - 2 * mm)
        canvas.drawString(_MARGIN, 7 * mm, f"“{SUPPRESSED}”：已隐藏的小数值，见说明")
        canvas.drawRightString(_PAGE[0] - _MARGIN, 7 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    out = io.BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=_PAGE,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN + 4 * mm,
        bottomMargin=_MARGIN,
        title=_doc_title(document),
        author="station",
        creator="station",
        subject="干部心理健康服务站月度统计（去标识化汇总）",
        invariant=1,
    )
    template.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()
