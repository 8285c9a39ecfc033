"""The city report as a workbook (openpyxl) and a PDF with charts (ReportLab).

Both are deterministic: the same report gives the same bytes (fixed workbook
properties and zip entry times; ReportLab's invariant mode). The PDF embeds a CJK
TrueType font (:mod:`station.reports.fonts`). Files are written under temporary names
and renamed only when both are complete, so a failure never leaves a partial report.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from station.city.aggregate import (
    CityCell,
    CityReport,
    CityTable,
    Scope,
    TrendSeries,
)
from station.city.verify import TOTAL
from station.errors import StationError

__all__ = [
    "NOTES",
    "ReportFiles",
    "render_pdf",
    "render_xlsx",
    "report_names",
    "write_report",
    "write_reports",
]

NOTES: tuple[str, ...] = (
    "“*”：不公布的数字（站点或市级按小数字保护规则隐去），所有隐去的数字都用同一个记号。",
    "“a–b”：部分站点隐去了该数字，市级数字只能确定在 a 到 b 之间；“≥a”：只能确定不少于 a。",
    "区间只用各站点自己公布的数字（含其行、列合计）推出，不会比站点自己的报表透露更多。",
    "市级数字为 1 到 k−1、区间宽度小于 k、或等于所在行/列合计的非零格，按同样规则再隐去，"
    "并按线性规划审核补充隐去同行同列的格，直到每个隐去的格至少有 k 个可能的取值。",
    "占比仅在市级分子、分母都是确切数字时重新计算。",
    "柱状图中区间按下限画出、柱顶标注区间，“*”不画；趋势图只画确切数字。",
)
_SCOPE_TITLE: dict[Scope, str] = {"month": "本月", "ytd": "年度累计"}
_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_GRID_STYLE: list[tuple[object, ...]] = [
    ("FONTSIZE", (0, 0), (-1, -1), 7),
    ("LEADING", (0, 0), (-1, -1), 9),
    ("GRID", (0, 0), (-1, -1), 0.3, "#C3C8CF"),
    ("BACKGROUND", (0, 0), (-1, 0), "#F3F5F8"),
]


@dataclass(frozen=True)
class ReportFiles:
    xlsx: Path
    pdf: Path


def report_names(period: str) -> tuple[str, str]:
    return f"city-{period}.xlsx", f"city-{period}.pdf"


def _label(code: str, label: str) -> str:
    return "合计" if code == TOTAL and label in ("", TOTAL) else label


# -- workbook ----------------------------------------------------------------------------
def _xlsx_value(cell: CityCell) -> int | str:
    value = cell.value
    return value if value is not None else cell.text()


def _sheet_tables(sheet: object, tables: Sequence[CityTable], scope: Scope) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(sheet, Worksheet)
    bold = Font(bold=True)
    right = Alignment(horizontal="right")
    widest = 1
    for table in tables:
        cells = table.scope(scope)
        if cells is None:
            continue
        note = "（敏感表，仅站点合计）" if table.sensitivity == "sensitive" else ""
        sheet.append([f"{table.title}{note}", f"{len(table.stations)} 个站点"])
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.append(["", *(_label(c, label) for c, label in table.cols)])
        for col in range(2, len(table.cols) + 2):
            sheet.cell(sheet.max_row, col).font = bold
        widest = max(widest, len(table.cols) + 1)
        for row, row_label in table.rows:
            values = [_xlsx_value(cells[(row, col)]) for col, _ in table.cols]
            sheet.append([_label(row, row_label), *values])
            for index, value in enumerate(values, start=2):
                if isinstance(value, str):
                    sheet.cell(sheet.max_row, index).alignment = right
        sheet.append([])
    sheet.column_dimensions["A"].width = 28
    for index in range(2, widest + 1):
        sheet.column_dimensions[_column(index)].width = 12


def _column(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _deterministic_zip(data: bytes) -> bytes:
    """Same entries, same order, fixed times: byte-identical for identical content."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render_xlsx(report: CityReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    city = report.month
    workbook = Workbook()
    fixed = dt.datetime(int(city.period[:4]), int(city.period[5:]), 1)
    workbook.properties.creator = "station"
    workbook.properties.title = f"城市汇总统计 {city.period}"
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    notes = workbook.active
    assert notes is not None
    notes.title = "说明"
    notes.append([f"干部心理健康服务站 城市汇总统计 {city.period}"])
    notes.cell(1, 1).font = Font(bold=True, size=14)
    missing = report.completeness.missing(city.period)
    notes.append([f"报送站点：{len(city.stations)} 个（{'、'.join(city.stations)}）"])
    notes.append([f"未报送站点：{len(missing)} 个（{'、'.join(missing) or '无'}）"])
    notes.append([])
    for line in NOTES:
        notes.append([line])
    notes.column_dimensions["A"].width = 110

    for scope in ("month", "ytd"):
        tables = [t for t in city.tables if t.scope(scope) is not None]
        if tables:
            _sheet_tables(workbook.create_sheet(_SCOPE_TITLE[scope]), tables, scope)

    shares = workbook.create_sheet("占比")
    shares.append(["占比", "本月", "年度累计"])
    for share in city.shares:
        shares.append(
            [
                share.label,
                share.month if share.month is not None else "*",
                share.ytd if share.ytd is not None else "*",
            ]
        )
        for col in (2, 3):
            if isinstance(shares.cell(shares.max_row, col).value, float):
                shares.cell(shares.max_row, col).number_format = "0.0%"
    shares.column_dimensions["A"].width = 40

    trend = workbook.create_sheet("环比趋势")
    months = report.completeness.months
    trend.append(["统计表", "项目", "列", *months, "环比（本月）"])
    for series in report.trends:
        by_period = {p.period: p for p in series.points}
        values: list[int | str] = []
        for month in months:
            point = by_period.get(month)
            values.append(_xlsx_value(point.cell) if point and point.cell else "")
        latest = by_period.get(city.period)
        change: int | str = "" if latest is None or latest.change is None else latest.change
        trend.append(
            [
                series.table_title,
                _label(series.row, series.row_label),
                _label(series.col, series.col_label),
                *values,
                change,
            ]
        )
    trend.column_dimensions["A"].width = 28
    trend.column_dimensions["B"].width = 20

    done = workbook.create_sheet("报送情况")
    done.append(["站点", *months])
    for station in report.completeness.stations:
        row: list[str] = [station]
        for month in months:
            sequence = report.completeness.delivered.get((station, month))
            row.append("缺" if sequence is None else f"序号 {sequence}")
        done.append(row)
    done.append(
        [
            "已报送",
            *(
                str(len(report.completeness.stations) - len(report.completeness.missing(m)))
                for m in months
            ),
        ]
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # ExcelWriter directly: save_workbook() would stamp the current time.
        ExcelWriter(workbook, archive).write_data()
    return _deterministic_zip(buffer.getvalue())


# -- PDF --------------------------------------------------------------------------------
def _fonts() -> tuple[str, str]:
    from station.reports.fonts import FontNotFoundError, register_cjk_font

    try:
        font = register_cjk_font()
    except FontNotFoundError:
        raise StationError(
            "未找到可嵌入的中文字体，无法生成 PDF。", "No embeddable CJK font for the PDF."
        ) from None
    return font.regular, font.bold


def _bar_chart(table: CityTable, font: str) -> object | None:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    headline = [
        (label, table.month[(row, col)])
        for row, label in table.rows
        if row != TOTAL
        for col in ([TOTAL] if TOTAL in dict(table.cols) else [table.cols[0][0]])
    ]
    if len(headline) < 2 or len(headline) > 16:
        return None
    width, height = min(150 * mm, (40 + 14 * len(headline)) * mm), 40 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 12 * mm
    chart.width, chart.height = width - 20 * mm, height - 18 * mm
    chart.data = [[float(cell.low or 0) if cell.is_published else 0.0 for _, cell in headline]]
    chart.categoryAxis.categoryNames = [label[:8] for label, _ in headline]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#4C78A8")
    chart.barLabelFormat = "values"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 6
    chart.barLabelArray = [[cell.text() for _, cell in headline]]
    drawing.add(chart)
    result: object = drawing
    return result


def _trend_chart(series: TrendSeries, font: str) -> object | None:
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    points = series.points
    exact = [p.cell.value if p.cell is not None else None for p in points]
    if len(points) < 2 or sum(v is not None for v in exact) < 2 or not any(exact):
        return None
    width, height = 125 * mm, 36 * mm
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = width - 20 * mm, height - 14 * mm
    chart.data = [[float(v) if v is not None else None for v in exact]]
    chart.categoryAxis.categoryNames = [p.period for p in points]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.valueMin = 0
    chart.lines[0].strokeColor = colors.HexColor("#E45756")
    chart.lines[0].strokeWidth = 1.2
    drawing.add(chart)
    result: object = drawing
    return result


def _grid(table: CityTable, scope: Scope, font: str, bold: str) -> object:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    cells = table.scope(scope)
    assert cells is not None
    data: list[list[str]] = [["", *(_label(c, label) for c, label in table.cols)]]
    for row, row_label in table.rows:
        data.append([_label(row, row_label), *(cells[(row, c)].text() for c, _ in table.cols)])
    grid = Table(data, repeatRows=1, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTNAME", (0, 0), (-1, 0), bold),
                ("FONTSIZE", (0, 0), (-1, -1), 7),
                ("LEADING", (0, 0), (-1, -1), 9),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#C3C8CF")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F3F5F8")),
            ]
        )
    )
    return grid


def _side_by_side(parts: Sequence[list[object]], width: float) -> list[object]:
    """Blocks in one row when they fit the frame's width, else one below the other."""
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Table as PdfTable

    gap = 12.0
    widths: list[float] = []
    for part in parts:
        # a paragraph takes whatever width it is given: the grid or chart sets the width
        sized = [item for item in part if not isinstance(item, Paragraph)]
        widths.append(max(float(item.wrap(width, 10_000)[0]) for item in sized))  # type: ignore[attr-defined]
    if sum(widths) + gap * (len(parts) - 1) > width:
        return [item for part in parts for item in part]
    row = PdfTable(
        [parts],
        colWidths=[w + gap for w in widths[:-1]] + [widths[-1]],
        hAlign="LEFT",
        style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
    )
    result: list[object] = [row]
    return result


def render_pdf(report: CityReport) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable

    font, bold = _fonts()
    city = report.month
    title_style = ParagraphStyle("title", fontName=bold, fontSize=15, leading=20)
    head_style = ParagraphStyle("head", fontName=bold, fontSize=10.5, leading=14, spaceBefore=6)
    body_style = ParagraphStyle("body", fontName=font, fontSize=8, leading=11)
    story: list[object] = [
        Paragraph(escape(f"干部心理健康服务站 城市汇总统计 {city.period}"), title_style),
        Spacer(1, 3 * mm),
    ]
    missing = report.completeness.missing(city.period)
    story.append(
        Paragraph(
            escape(
                f"报送站点 {len(city.stations)} 个：{'、'.join(city.stations)}；"
                f"未报送 {len(missing)} 个：{'、'.join(missing) or '无'}。"
            ),
            body_style,
        )
    )
    for line in NOTES:
        story.append(Paragraph(escape(line), body_style))
    frame_width = landscape(A4)[0] - 30 * mm
    for table in city.tables:
        note = "（敏感表，仅站点合计）" if table.sensitivity == "sensitive" else ""
        parts: list[list[object]] = [
            [
                Paragraph(escape(_SCOPE_TITLE["month"]), body_style),
                _grid(table, "month", font, bold),
            ]
        ]
        if table.ytd is not None:
            parts.append(
                [
                    Paragraph(escape(_SCOPE_TITLE["ytd"]), body_style),
                    _grid(table, "ytd", font, bold),
                ]
            )
        chart = _bar_chart(table, font)
        if chart is not None:
            parts.append([Spacer(1, 11), chart])
        heading = Paragraph(
            escape(f"{table.title}{note} · {len(table.stations)} 个站点"), head_style
        )
        story.append(KeepTogether([heading, *_side_by_side(parts, frame_width)]))
    if city.shares:
        story.append(Paragraph("占比", head_style))
        rows = [["占比", "本月", "年度累计"]] + [
            [
                share.label,
                "*" if share.month is None else f"{share.month:.1%}",
                "*" if share.ytd is None else f"{share.ytd:.1%}",
            ]
            for share in city.shares
        ]
        shares_grid = PdfTable(rows, hAlign="LEFT")
        shares_grid.setStyle([*_GRID_STYLE, ("FONTNAME", (0, 0), (-1, -1), font)])
        story.append(shares_grid)
    story.append(PageBreak())
    story.append(Paragraph("环比趋势（各表合计，只画确切数字）", head_style))
    drawn = 0
    pending: list[list[object]] = []
    for series in report.trends:
        if series.row != TOTAL and any(
            s.table_id == series.table_id and s.row == TOTAL for s in report.trends
        ):
            continue
        chart = _trend_chart(series, font)
        if chart is None:
            continue
        label = f"{series.table_title} · {_label(series.row, series.row_label)}"
        if (
            series.col != TOTAL
            and len({s.col for s in report.trends if s.table_id == series.table_id}) > 1
        ):
            label += f" · {series.col_label}"
        pending.append([Paragraph(escape(label), body_style), chart])
        drawn += 1
        if len(pending) == 2:
            story += _side_by_side(pending, frame_width)
            pending = []
    if pending:
        story += _side_by_side(pending, frame_width)
    if drawn == 0:
        story.append(Paragraph("月份不足两个，暂无趋势图。", body_style))
    story.append(Paragraph("报送情况", head_style))
    months = list(report.completeness.months)
    done_rows = [["站点", *months]] + [
        [
            station,
            *(
                "缺"
                if (seq := report.completeness.delivered.get((station, m))) is None
                else f"#{seq}"
                for m in months
            ),
        ]
        for station in report.completeness.stations
    ]
    done_grid = PdfTable(done_rows, hAlign="LEFT")
    done_grid.setStyle([*_GRID_STYLE, ("FONTNAME", (0, 0), (-1, -1), font)])
    story.append(done_grid)

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"城市汇总统计 {city.period}",
        author="",
        creator="station",
        producer="station",
        subject="",
        invariant=1,
    )
    document.build(story)
    return buffer.getvalue()


# -- writing -----------------------------------------------------------------------------
def write_report(report: CityReport, out_dir: Path) -> ReportFiles:
    """Render both files of one report, then put them in place (see :func:`write_reports`)."""
    return write_reports([report], out_dir)[0]


def write_reports(reports: Sequence[CityReport], out_dir: Path) -> list[ReportFiles]:
    """Render every file first, then write them under temporary names and rename them:
    a failure leaves none of them behind, never a partial file."""
    rendered: list[tuple[str, bytes]] = []
    for report in reports:
        xlsx_name, pdf_name = report_names(report.month.period)
        rendered.append((xlsx_name, render_xlsx(report)))
        rendered.append((pdf_name, render_pdf(report)))
    temps: list[tuple[Path, Path]] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, data in rendered:
            fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".partial", dir=out_dir)
            temps.append((Path(temp), out_dir / name))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for temp_path, target in temps:
            os.replace(temp_path, target)
    except OSError:
        for temp_path, _ in temps:
            temp_path.unlink(missing_ok=True)
        raise StationError(
            "无法写入汇总报表（磁盘已满或没有写权限）。",
            "The city report cannot be written (disk full or no permission).",
        ) from None
    return [
        ReportFiles(
            out_dir / report_names(r.month.period)[0], out_dir / report_names(r.month.period)[1]
        )
        for r in reports
    ]
