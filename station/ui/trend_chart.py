"""A client's scores over time, one chart per scale (``assessments.trends``).

For the chosen scale: the totals as a line with points, the scale's severity bands as
pale tints of the accent behind it, and each warning rule on the total as a dashed line
labelled with the rule. Beside the chart, the same in words (latest score, band, change
since the previous administration, the bands), for a screen reader and for a quick read.
With no scored administration yet, a calm sentence instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCharts import (
    QAreaSeries,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from station.models.vocab import AssessmentMode
from station.scales.definition import WarningLevel
from station.services.assessment_views import Cutoff, ScaleTrend
from station.ui import theme
from station.ui.forms import SPACING, label

# Tints of the accent for the bands, lightest for the lowest band.
BAND_ALPHAS = (8, 20, 34, 50, 66, 82)
OP_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}
PAD_DAYS = 10


def number(value: float) -> str:
    """12 rather than 12.0; other values to at most 2 decimals."""
    return f"{value:g}" if float(value).is_integer() else f"{round(value, 2):g}"


def level_text(level: WarningLevel) -> str:
    """关注 / 高 / 危急."""
    return {
        WarningLevel.WARN: QCoreApplication.translate("TrendChart", "watch"),
        WarningLevel.HIGH: QCoreApplication.translate("TrendChart", "high"),
        WarningLevel.CRITICAL: QCoreApplication.translate("TrendChart", "critical"),
    }[level]


def cutoff_text(cutoff: Cutoff) -> str:
    """The rule as a short legend entry: "≥10 关注"."""
    return f"{OP_SIGNS.get(cutoff.op, cutoff.op)}{number(cutoff.value)} {level_text(cutoff.level)}"


def tick_step(span: float) -> float:
    """A round step that puts at most six ticks on the score axis."""
    for step in (0.5, 1, 2, 5, 10, 20, 25, 50, 100):
        if span / step <= 6:
            return step
    return span / 5


def _msecs(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


def _tint(alpha: int) -> QColor:
    colour = QColor(theme.ACCENT)
    colour.setAlpha(alpha)
    return colour


class TrendChart(QWidget):
    """The trends of one client: a scale chooser (when there are several), the chart,
    and its text summary; or the empty state."""

    def __init__(self, trends: Sequence[ScaleTrend] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.trends: list[ScaleTrend] = []
        self.charts: dict[str, QChart] = {}
        self.total_series: dict[str, QLineSeries] = {}
        self.cutoff_series: dict[str, list[QLineSeries]] = {}
        self.band_series: dict[str, list[QAreaSeries]] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(SPACING)
        top = QHBoxLayout()
        top.setSpacing(SPACING)
        self.chooser_label = label(self.tr("Scale"), wrap=False)
        self.chooser = QComboBox()
        self.chooser.setObjectName("scaleChooser")
        self.chooser.setAccessibleName(self.tr("Scale shown in the chart"))
        self.chooser.setMinimumWidth(220)
        self.chooser_label.setBuddy(self.chooser)
        self.chooser.currentIndexChanged.connect(self._chosen)
        top.addWidget(self.chooser_label)
        top.addWidget(self.chooser)
        top.addStretch(1)
        outer.addLayout(top)

        self.body = QWidget()
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(SPACING)
        self.view = QChartView()
        self.view.setObjectName("trendView")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(360, 260)
        self.view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        row.addWidget(self.view, 3)
        self.summary = label("", selectable=True)
        self.summary.setObjectName("trendSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setMinimumWidth(240)
        self.summary.setMaximumWidth(320)
        row.addWidget(self.summary, 1)
        outer.addWidget(self.body, 1)

        self.empty_label = label(
            self.tr(
                "No scored assessment yet. Scores appear here over time once assessments "
                "are recorded."
            ),
            "muted",
        )
        self.empty_label.setObjectName("trendEmpty")
        outer.addWidget(self.empty_label)
        self.set_trends(trends)

    # -- public -------------------------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        return not self.trends

    def current_scale(self) -> str | None:
        data = self.chooser.currentData()
        return data if isinstance(data, str) else None

    def select(self, scale_id: str) -> None:
        index = self.chooser.findData(scale_id)
        if index >= 0:
            self.chooser.setCurrentIndex(index)

    def set_trends(self, trends: Sequence[ScaleTrend]) -> None:
        """Show these trends (as ``assessments.trends`` returns them); keeps the chosen
        scale when it is still there."""
        keep = self.current_scale()
        self.trends = [t for t in trends if t.points]
        old = list(self.charts.values())
        self.charts, self.total_series, self.cutoff_series, self.band_series = {}, {}, {}, {}
        for trend in self.trends:
            self.charts[trend.scale_id] = self._chart(trend)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for trend in self.trends:
            self.chooser.addItem(f"{trend.short_name} {trend.name_zh}", trend.scale_id)
        self.chooser.blockSignals(False)
        several = len(self.trends) > 1
        self.chooser.setVisible(several)
        self.chooser_label.setVisible(several)
        self.body.setVisible(bool(self.trends))
        self.empty_label.setVisible(not self.trends)
        if self.trends:
            index = self.chooser.findData(keep) if keep else -1
            self.chooser.setCurrentIndex(max(index, 0))
            self._chosen()
        else:
            self.view.setChart(QChart())
            self.summary.setText("")
        for chart in old:
            chart.deleteLater()

    # -- building ----------------------------------------------------------------------------
    def _chosen(self) -> None:
        scale_id = self.current_scale()
        if scale_id is None or scale_id not in self.charts:
            return
        trend = next(t for t in self.trends if t.scale_id == scale_id)
        # setChart hands the old chart back to us; it stays in self.charts
        self.view.setChart(self.charts[scale_id])
        text = self.summary_text(trend)
        self.summary.setText(text)
        self.view.setAccessibleName(self.tr("{0} scores over time").format(trend.short_name))
        self.view.setAccessibleDescription(text)

    def _chart(self, trend: ScaleTrend) -> QChart:
        chart = QChart()
        chart.setParent(self)
        chart.setBackgroundRoundness(6)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(self.font())
        first, last = trend.points[0].on, trend.points[-1].on
        start = _msecs(first - timedelta(days=PAD_DAYS))
        end = _msecs(last + timedelta(days=PAD_DAYS))

        x_axis = QDateTimeAxis()
        x_axis.setFormat("yyyy-MM-dd")
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(start)), QDateTime.fromMSecsSinceEpoch(int(end))
        )
        x_axis.setTickCount(min(6, max(2, len(trend.points) + 1)))
        x_axis.setLabelsFont(self.font())
        y_axis = QValueAxis()
        y_axis.setRange(trend.low, trend.high)
        y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        y_axis.setTickAnchor(trend.low)
        y_axis.setTickInterval(tick_step(trend.high - trend.low))
        y_axis.setLabelFormat("%g")
        y_axis.setLabelsFont(self.font())
        y_axis.setTitleText(self.tr("Score"))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)

        bands: list[QAreaSeries] = []
        for i, band in enumerate(trend.bands):
            top = trend.bands[i + 1].at_least if i + 1 < len(trend.bands) else trend.high
            lower, upper = QLineSeries(), QLineSeries()
            for x in (start, end):
                lower.append(x, band.at_least)
                upper.append(x, top)
            area = QAreaSeries(upper, lower)
            lower.setParent(area)
            upper.setParent(area)
            area.setName(band.label_zh)
            area.setBrush(QBrush(_tint(BAND_ALPHAS[min(i, len(BAND_ALPHAS) - 1)])))
            area.setPen(QPen(Qt.PenStyle.NoPen))
            chart.addSeries(area)
            area.attachAxis(x_axis)
            area.attachAxis(y_axis)
            bands.append(area)

        cutoffs: list[QLineSeries] = []
        for cutoff in trend.cutoffs:
            line = QLineSeries()
            line.setName(cutoff_text(cutoff))
            line.append(start, cutoff.value)
            line.append(end, cutoff.value)
            colour = QColor(theme.ERROR if cutoff.level is not WarningLevel.WARN else theme.MUTED)
            pen = QPen(colour)
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidthF(1.5)
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)
            cutoffs.append(line)

        totals = QLineSeries()
        totals.setName(self.tr("Total"))
        for point in trend.points:
            totals.append(_msecs(point.on), point.total)
        pen = QPen(QColor(theme.ACCENT_DARK))
        pen.setWidthF(2.5)
        totals.setPen(pen)
        totals.setPointsVisible(True)
        totals.setMarkerSize(9)
        chart.addSeries(totals)
        totals.attachAxis(x_axis)
        totals.attachAxis(y_axis)

        for area in bands:  # the bands are named in the summary, not in the legend
            for marker in chart.legend().markers(area):
                marker.setVisible(False)
        self.total_series[trend.scale_id] = totals
        self.cutoff_series[trend.scale_id] = cutoffs
        self.band_series[trend.scale_id] = bands
        return chart

    # -- words --------------------------------------------------------------------------------
    def summary_text(self, trend: ScaleTrend) -> str:
        latest = trend.points[-1]
        lines = [f"{trend.short_name} {trend.name_zh}"]
        score = self.tr("{0} points").format(number(latest.total))
        if latest.band:
            score += f"（{latest.band}）"
        lines.append(self.tr("Latest: {0}").format(f"{latest.on:%Y-%m-%d}"))
        lines.append(score)
        if latest.mode is AssessmentMode.SELF:
            lines.append(self.tr("filled in by the client"))
        if len(trend.points) > 1:
            change = latest.total - trend.points[-2].total
            if change > 0:
                lines.append(self.tr("Up {0} since the previous one").format(number(change)))
            elif change < 0:
                lines.append(self.tr("Down {0} since the previous one").format(number(-change)))
            else:
                lines.append(self.tr("Unchanged since the previous one"))
        lines.append(self.tr("{0} administrations").format(len(trend.points)))
        if trend.bands:
            lines.append("")
            lines.append(self.tr("Bands:"))
            for band in trend.bands:
                lines.append(self.tr("from {0}: {1}").format(number(band.at_least), band.label_zh))
        if trend.cutoffs:
            lines.append("")
            lines.append(self.tr("Dashed lines: warning rules"))
            for cutoff in trend.cutoffs:
                lines.append(cutoff_text(cutoff))
        return "\n".join(lines)
