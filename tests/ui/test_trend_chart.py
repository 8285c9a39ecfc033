"""The trend chart: the totals line equals the scores, the cut-off lines are there and
dashed, the bands are shaded, a scale chooser for several scales, the empty state; and
the same from the service's real trends."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import QAreaSeries, QLineSeries
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from station.models.vocab import AssessmentMode
from station.scales import library
from station.services import assessments
from station.services.assessment_views import ScaleTrend, TrendPoint
from station.services.context import SignedIn
from station.ui.trend_chart import TrendChart
from tests.records_fixtures import new_client_case
from tests.ui.conftest import SHOTS

TODAY = date.today()


def _trend(totals: list[float], scale_id: str = "phq9") -> ScaleTrend:
    return assessments.scale_trend(
        scale_id,
        library.shipped()[scale_id],
        (
            TrendPoint(
                TODAY - timedelta(days=30 * (len(totals) - i)), t, None, AssessmentMode.ENTERED
            )
            for i, t in enumerate(totals)
        ),
    )


def _ys(series: QLineSeries) -> list[float]:
    return [p.y() for p in series.points()]


def _day(msecs: float) -> date:
    moment = QDateTime.fromMSecsSinceEpoch(int(msecs))
    day = moment.date()
    return date(day.year(), day.month(), day.day())


def test_the_line_holds_the_totals_on_their_dates(qtbot: QtBot) -> None:
    trend = _trend([16, 12, 7])
    chart = TrendChart([trend])
    qtbot.addWidget(chart)
    series = chart.total_series["phq9"]
    assert _ys(series) == [16, 12, 7]
    assert [_day(p.x()) for p in series.points()] == [p.on for p in trend.points]
    assert series in chart.view.chart().series()
    assert not chart.is_empty and chart.empty_label.isHidden()
    summary = chart.summary.text()
    assert "7" in summary and "PHQ-9" in summary
    assert chart.view.accessibleDescription() == summary  # the chart is read out in words


def test_cutoff_lines_are_dashed_at_the_rule_values_and_bands_are_shaded(qtbot: QtBot) -> None:
    chart = TrendChart([_trend([9, 11])])
    qtbot.addWidget(chart)
    definition = library.shipped()["phq9"]
    rules = [r for r in definition.warnings if r.target == "total"]
    lines = chart.cutoff_series["phq9"]
    assert [line.points()[0].y() for line in lines] == [r.value for r in rules]
    for line in lines:
        assert line.pen().style() == Qt.PenStyle.DashLine
        assert {p.y() for p in line.points()} == {line.points()[0].y()}  # horizontal
        assert line.name().startswith("≥")  # labelled with the rule
    bands = chart.band_series["phq9"]
    assert len(bands) == len(definition.bands)
    assert all(isinstance(b, QAreaSeries) for b in bands)
    lower = bands[1].lowerSeries()
    assert lower is not None and lower.points()[0].y() == definition.bands[1].at_least
    # bands are explained in the summary rather than crowding the legend
    assert definition.bands[1].label_zh in chart.summary.text()


def test_several_scales_get_a_chooser_and_keep_the_choice(qtbot: QtBot) -> None:
    first, second = _trend([5, 6]), _trend([10, 3], scale_id="phq9")
    second = ScaleTrend(**{**second.__dict__, "scale_id": "other", "short_name": "OTHER"})
    chart = TrendChart([first, second])
    qtbot.addWidget(chart)
    chart.show()
    assert chart.chooser.isVisible()
    chart.select("other")
    assert chart.view.chart() is chart.charts["other"]
    assert _ys(chart.total_series["other"]) == [10, 3]
    assert "OTHER" in chart.summary.text()
    chart.set_trends([first, second])  # a reload keeps the scale shown
    assert chart.current_scale() == "other"


def test_empty_state_is_a_calm_sentence(qtbot: QtBot) -> None:
    chart = TrendChart([])
    qtbot.addWidget(chart)
    chart.show()
    assert chart.is_empty
    assert chart.empty_label.isVisible() and chart.empty_label.text()
    assert not chart.body.isVisible()
    assert not chart.chooser.isVisible()
    chart.set_trends([_trend([3])])  # and back
    assert chart.body.isVisible() and not chart.empty_label.isVisible()


def test_the_services_trends_are_drawn_as_recorded(qtbot: QtBot, lin: SignedIn) -> None:
    _client, case_id = new_client_case(lin, opened_on=TODAY - timedelta(days=90))
    first = [2, 2, 2, 2, 2, 1, 1, 1, 0]  # 13
    second = [1, 1, 1, 1, 1, 0, 0, 0, 0]  # 5
    assessments.record_assessment(lin, case_id, "phq9", first, TODAY - timedelta(days=60))
    assessments.record_assessment(lin, case_id, "phq9", second, TODAY - timedelta(days=5))
    chart = TrendChart(assessments.trends(lin, case_id))
    qtbot.addWidget(chart)
    chart.resize(820, 380)
    chart.show()
    qtbot.waitExposed(chart)
    assert _ys(chart.total_series["phq9"]) == [13, 5]
    assert chart.tr("Down {0} since the previous one").format("8") in chart.summary.text()
    assert chart.grab().save(str(SHOTS / "trend_chart.png"))
