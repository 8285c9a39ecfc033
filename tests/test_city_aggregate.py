"""City tables: exact sums, honest ranges, re-suppression, shares, trends, completeness,
and the workbook and PDF."""

from __future__ import annotations

import io
import itertools
import os
import random
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from station.city import aggregate, outputs, verify
from station.city.aggregate import Bounds, CityCell, CityTable
from station.city.verify import StationStats
from station.errors import StationError
from tests.city_exports import PEOPLE_COLS, PEOPLE_ROWS, T, sample_doc, table

PEOPLE = "people_by_gender_age"


def stats(doc: dict[str, Any]) -> StationStats:
    return verify.parse_stats(doc)


def people_doc(
    code: str, grid: list[list[int | str]], *, k: int = 5, period: str = "2026-09"
) -> StationStats:
    return stats(sample_doc(code, period, people_month=grid, k_standard=k))


def shown(city_table: CityTable, scope: str = "month") -> dict[tuple[str, str], str]:
    cells = city_table.scope("month" if scope == "month" else "ytd")
    assert cells is not None
    return {cell: value.text() for cell, value in cells.items()}


# -- a station's bounds from its own figures -------------------------------------------------
def test_bounds_from_row_and_column_totals() -> None:
    rows, cols = ["f", "m", T], ["a", "b", T]
    cells: dict[tuple[str, str], int | None] = {
        ("f", "a"): None, ("f", "b"): None, ("f", T): 22,
        ("m", "a"): None, ("m", "b"): None, ("m", T): 17,
        (T, "a"): 18, (T, "b"): 21, (T, T): 39,
    }  # fmt: skip
    bounds = aggregate.station_bounds(cells, rows, cols)
    # f,a = t; f,b = 22 − t; m,a = 18 − t; m,b = t − 1; each ≥ 1 → t ∈ [2, 17]
    assert bounds[("f", "a")] == Bounds(2, 17)
    assert bounds[("m", "b")] == Bounds(1, 16)
    assert bounds[("f", "b")] == Bounds(5, 20)


def test_bounds_without_margins_are_open() -> None:
    cells: dict[tuple[str, str], int | None] = {("stress", "n"): None, ("sleep", "n"): 12}
    assert aggregate.station_bounds(cells, ["stress", "sleep"], ["n"]) == {
        ("stress", "n"): Bounds(1, None)
    }


def test_suppressed_total_is_bounded_by_its_parts_only_from_below() -> None:
    cells: dict[tuple[str, str], int | None] = {("a", "n"): 7, ("b", "n"): None, (T, "n"): None}
    bounds = aggregate.station_bounds(cells, ["a", "b", T], ["n"])
    assert bounds == {("b", "n"): Bounds(1, None), (T, "n"): Bounds(8, None)}


# -- sums and ranges ---------------------------------------------------------------------
def test_exact_sum_when_every_station_published() -> None:
    month = aggregate.aggregate_month(
        "2026-09", [people_doc("CX-A1", [[10, 12, 22], [8, 9, 17], [18, 21, 39]]),
                    people_doc("CX-B1", [[5, 7, 12], [6, 0, 6], [11, 7, 18]])],
    )  # fmt: skip
    city = month.table(PEOPLE)
    assert city.cell("female", "a18_34") == CityCell.exact(15)
    assert city.cell(T, T).value == 57
    assert city.stations == ("CX-A1", "CX-B1")
    assert month.stations == ("CX-A1", "CX-B1")


def test_range_from_the_suppressing_stations_margins() -> None:
    month = aggregate.aggregate_month(
        "2026-09", [people_doc("CX-A1", [["*", "*", 22], ["*", "*", 17], [18, 21, 39]]),
                    people_doc("CX-B1", [[5, 7, 12], [6, 0, 6], [11, 7, 18]])],
    )  # fmt: skip
    city = month.table(PEOPLE)
    assert city.cell("female", "a18_34") == CityCell.range(5 + 2, 5 + 17)
    assert city.cell("female", "a18_34").text() == "7–22"
    assert city.cell("female", T) == CityCell.exact(34)


def test_open_range_where_no_total_bounds_a_suppressed_cell() -> None:
    a = stats(sample_doc("CX-A1", "2026-09", concerns_stress="*"))
    b = stats(sample_doc("CX-B1", "2026-09", concerns_stress=30))
    concerns = aggregate.aggregate_month("2026-09", [a, b]).table("concerns")
    assert concerns.cell("stress", "n") == CityCell.range(31, None)
    assert concerns.cell("stress", "n").text() == "≥31"


def test_a_station_missing_a_row_contributes_an_unknown() -> None:
    a_doc = sample_doc("CX-A1", "2026-09")
    a_doc["tables"]["concerns"] = table(
        "关注问题", [("stress", "工作压力")], [("n", "人数")], {"stress": {"n": 5}}, ytd_rule="none"
    )
    b = stats(sample_doc("CX-B1", "2026-09", concerns_stress=6))
    concerns = aggregate.aggregate_month("2026-09", [stats(a_doc), b]).table("concerns")
    assert concerns.cell("stress", "n") == CityCell.exact(11)
    assert concerns.cell("sleep", "n") == CityCell.range(0, None)


# -- re-suppression ------------------------------------------------------------------------
def brute_force_interval(
    cells: Mapping[tuple[str, str], CityCell], target: tuple[str, str], limit: int
) -> tuple[int, int]:
    """The attacker's integer interval for ``target``, by enumerating the 2×2 interior of
    the people table (every figure shown fixed, "*" ≥ 1, ranges within their range)."""
    rows, cols = ["female", "male"], ["a18_34", "a35_54"]

    def allowed(cell: tuple[str, str], value: int) -> bool:
        shown_cell = cells[cell]
        if shown_cell.kind == "suppressed":
            return value >= 1
        low = shown_cell.low or 0
        return value >= low and (shown_cell.high is None or value <= shown_cell.high)

    found: list[int] = []
    interior = [(r, c) for r in rows for c in cols]
    for values in itertools.product(range(limit + 1), repeat=4):
        grid = dict(zip(interior, values, strict=True))
        full = dict(grid)
        for r in rows:
            full[(r, T)] = sum(grid[(r, c)] for c in cols)
        for c in [*cols, T]:
            full[(T, c)] = sum(full[(r, c)] for r in rows)
        if all(allowed(cell, value) for cell, value in full.items()):
            found.append(full[target])
    return min(found), max(found)


def test_small_exact_city_count_is_re_suppressed_with_complements() -> None:
    # CX-A1 published under k = 3 (3 and 4 shown); CX-B1 under k = 5: the city uses 5
    lax = people_doc("CX-A1", [[3, 4, 7], [6, 9, 15], [9, 13, 22]], k=3)
    strict = people_doc("CX-B1", [[0, 0, 0], [0, 0, 0], [0, 0, 0]], k=5)
    city = aggregate.aggregate_month("2026-09", [lax, strict]).table(PEOPLE)
    assert city.k == 5
    cells = city.month
    assert cells[("female", "a18_34")].text() == "*"
    assert cells[("female", "a35_54")].text() == "*"
    for small in (("female", "a18_34"), ("female", "a35_54")):
        low, high = brute_force_interval(cells, small, 22)
        assert high - low >= city.k, (small, low, high)
    assert cells[(T, T)] == CityCell.exact(22)  # the grand total stays


def test_a_narrow_range_is_re_suppressed() -> None:
    doc = sample_doc("CX-A1", "2026-09", k_standard=3)
    doc["tables"]["services_by_kind"] = table(
        "服务人次",
        [("individual", "个体"), ("sandplay", "沙盘"), ("music", "音乐"), (T, "合计")],
        [("n", "人次")],
        {"individual": {"n": "*"}, "sandplay": {"n": "*"}, "music": {"n": 10}, T: {"n": 13}},
        ytd_rule="none",
    )
    doc["tables"]["services_by_kind"].pop("ytd", None)
    other = stats(sample_doc("CX-B1", "2026-09", services=0))
    other_tables = tuple(t for t in other.tables if t.id != "services_by_kind")
    other = StationStats(other.station, other.kind, other.period, 5, 10, other_tables, other.shares)
    services = aggregate.aggregate_month("2026-09", [stats(doc), other]).table("services_by_kind")
    # individual + sandplay = 3: each in [1, 2], narrower than k = 5 → hidden, and the
    # exact "music" is hidden too, or the two would still be pinned to [1, 2]
    assert services.k == 5
    assert shown(services) == {
        ("individual", "n"): "*",
        ("sandplay", "n"): "*",
        ("music", "n"): "*",
        (T, "n"): "13",
    }


def test_a_dominant_cell_is_re_suppressed() -> None:
    # everyone in the female row is 35-54: a station that did not apply dominance
    careless = people_doc("CX-A1", [[0, 12, 12], [8, 9, 17], [8, 21, 29]])
    city = aggregate.aggregate_month("2026-09", [careless]).table(PEOPLE)
    assert city.cell("female", "a35_54").text() == "*"
    low, high = brute_force_interval(city.month, ("female", "a35_54"), 29)
    assert high - low >= 5
    assert city.cell("female", "a18_34") == CityCell.exact(0)  # zeros are never hidden


def test_nothing_is_re_suppressed_for_well_protected_stations() -> None:
    a = people_doc("CX-A1", [["*", "*", 22], ["*", "*", 17], [18, 21, 39]])
    b = people_doc("CX-B1", [[10, 12, 22], [8, 9, 17], [18, 21, 39]])
    city = aggregate.aggregate_month("2026-09", [a, b]).table(PEOPLE)
    assert all(cell.is_published for cell in city.month.values())


# -- shares --------------------------------------------------------------------------------
def test_shares_from_exact_city_sums_only() -> None:
    a = stats(sample_doc("CX-A1", "2026-09", phq9=(20, 6)))
    b = stats(sample_doc("CX-B1", "2026-09", phq9=(30, 9)))
    hidden = stats(sample_doc("CX-C1", "2026-09", phq9=(25, "*")))
    both = aggregate.aggregate_month("2026-09", [a, b])
    assert both.shares[0].id == "positive_rate_phq9"
    assert both.shares[0].month == pytest.approx(15 / 50)
    assert aggregate.aggregate_month("2026-09", [a, b, hidden]).shares[0].month is None


# -- trends and completeness ------------------------------------------------------------------
def test_trends_and_completeness() -> None:
    full: list[list[int | str]] = [[10, 12, 22], [8, 9, 17], [18, 21, 39]]
    hidden: list[list[int | str]] = [["*", "*", 22], ["*", "*", 17], [18, 21, 39]]
    docs = {
        "2026-07": [people_doc("CX-A1", full, period="2026-07")],
        "2026-08": [
            people_doc("CX-A1", full, period="2026-08"),
            people_doc("CX-B1", [[5, 5, 10], [5, 5, 10], [10, 10, 20]], period="2026-08"),
        ],
        "2026-10": [people_doc("CX-A1", hidden, period="2026-10")],
    }
    delivered = [("CX-A1", "2026-07", 1), ("CX-A1", "2026-08", 2), ("CX-B1", "2026-08", 1)]
    delivered.append(("CX-A1", "2026-10", 3))
    report = aggregate.build_report("2026-10", docs, delivered, ["CX-A1", "CX-B1", "CX-C1"])
    total = next(s for s in report.trends if s.table_id == PEOPLE and s.row == T)
    assert [p.period for p in total.points] == ["2026-07", "2026-08", "2026-10"]
    assert [p.cell.value if p.cell else None for p in total.points] == [39, 59, 39]
    assert [p.change for p in total.points] == [None, 20, None]  # September is missing
    female = next(s for s in report.trends if s.table_id == PEOPLE and s.row == "female")
    assert female.points[-1].cell == CityCell.exact(22)
    done = report.completeness
    assert done.months == ("2026-07", "2026-08", "2026-10")
    assert done.missing("2026-08") == ("CX-C1",)
    assert done.missing("2026-10") == ("CX-B1", "CX-C1")
    assert done.delivered[("CX-A1", "2026-10")] == 3


def test_batch_reports_use_the_latest_export_of_a_month() -> None:
    doc = people_doc("CX-A1", [[10, 12, 22], [8, 9, 17], [18, 21, 39]])
    reports = aggregate.batch_reports([(doc, 1), (doc, 2)], ["CX-A1"])
    assert len(reports) == 1
    assert reports[0].completeness.delivered[("CX-A1", "2026-09")] == 2
    assert reports[0].month.table(PEOPLE).cell(T, T).value == 39


# -- the truth always lies in what the city shows -----------------------------------------------
def _truth_doc(
    code: str, truth: list[list[int]], hide: list[list[bool]]
) -> tuple[StationStats, dict[tuple[str, str], int]]:
    full = [[*row, sum(row)] for row in truth]
    full.append([sum(col) for col in zip(*full, strict=True)])
    grid: list[list[int | str]] = [
        ["*" if hide[i][j] and full[i][j] > 0 else full[i][j] for j in range(3)] for i in range(3)
    ]
    values = {
        (r, c): full[i][j]
        for i, (r, _) in enumerate(PEOPLE_ROWS)
        for j, (c, _) in enumerate(PEOPLE_COLS)
    }
    return people_doc(code, grid), values


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    stations=st.lists(
        st.tuples(
            st.lists(st.lists(st.integers(0, 15), min_size=2, max_size=2), min_size=2, max_size=2),
            st.lists(st.lists(st.booleans(), min_size=3, max_size=3), min_size=3, max_size=3),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_every_city_figure_contains_the_truth(
    stations: list[tuple[list[list[int]], list[list[bool]]]],
) -> None:
    docs: list[StationStats] = []
    truth: dict[tuple[str, str], int] = {}
    for index, (values, hide) in enumerate(stations):
        doc, true_cells = _truth_doc(f"CX-S{index}", values, hide)
        docs.append(doc)
        for cell, value in true_cells.items():
            truth[cell] = truth.get(cell, 0) + value
    city = aggregate.aggregate_month("2026-09", docs).table(PEOPLE)
    for cell, figure in city.month.items():
        if figure.kind == "exact":
            assert figure.low == truth[cell]
        elif figure.kind == "range":
            assert figure.low is not None and figure.low <= truth[cell]
            assert figure.high is None or truth[cell] <= figure.high
        if figure.kind == "exact" and figure.low:
            assert figure.low >= city.k  # no small count is shown


def _raw_release(rng: random.Random, period: tuple[int, int], before: Any) -> Any:
    """A consistent month of true counts for the real catalogue (ytd = running sum)."""
    from station.statistics import suppression, tables
    from station.statistics.spec import YearToDate

    month: dict[str, dict[tuple[str, str], int]] = {}
    for spec in tables.SPECS:
        month[spec.id] = {
            (r.code, c.code): rng.choice([0, 0, 1, 2, 3, 4, 6, 9, 14])
            for r in spec.rows
            for c in spec.cols
        }
    month["cases_flow"][("new", "n")] = sum(month["case_sources"].values())
    active = max(sum(month["risk_levels"].values()), max(month["concerns"].values()), 1)
    month["cases_active"][("active", "n")] = active + rng.randint(0, 3)
    ranks = [r.code for r in tables.SPEC_BY_ID["people_by_rank"].rows]
    split = dict.fromkeys(ranks, 0)
    for _ in range(sum(month["people_by_gender_age"].values())):
        split[rng.choice(ranks)] += 1
    month["people_by_rank"] = {(r, "n"): v for r, v in split.items()}
    scales = month["assessments_by_scale"]
    for (row, col), value in list(scales.items()):
        if col == "positive":
            scales[(row, col)] = min(value, scales[(row, "administered")])
    ytd: dict[str, dict[tuple[str, str], int]] = {}
    for spec in tables.SPECS:
        if spec.ytd is YearToDate.NONE:
            continue
        ytd[spec.id] = {
            cell: value + (before.ytd[spec.id][cell] if before else 0)
            for cell, value in month[spec.id].items()
        }
    return suppression.RawRelease(period, month, ytd)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), n_stations=st.integers(1, 3))
def test_real_engine_releases_add_up_to_honest_city_figures(seed: int, n_stations: int) -> None:
    """Stations protected by the real engine (two months each), through stats.json."""
    from station.statistics import document, suppression, tables
    from station.statistics.spec import Policy

    rng = random.Random(seed)
    by_period: dict[str, list[StationStats]] = {"2026-01": [], "2026-02": []}
    truth: dict[tuple[str, str, str, str, str], int] = {}
    for index in range(n_stations):

        class Profile:
            code = f"CX-R{index}"
            kind = "township"

        ledger: list[Any] = []
        before = None
        for month in (1, 2):
            raw = _raw_release(rng, (2026, month), before)
            protected = suppression.protect(
                tables.SPECS, tables.RELATIONS, tables.SHARES, raw, ledger, Policy()
            )
            ledger += protected.cells
            before = raw
            doc = document.build_document(
                Profile(), protected, tables.SPECS, tables.SHARES, Policy()
            )
            document.validate_document(doc)
            period = f"2026-{month:02d}"
            by_period[period].append(verify.read_stats(document.dumps(doc)))
            for cell in protected.cells:
                key = (period, cell.key.scope, cell.key.cell.table, cell.key.cell.row)
                full = (*key, cell.key.cell.col)
                truth[full] = truth.get(full, 0) + cell.value
    for period, docs in by_period.items():
        city = aggregate.aggregate_month(period, docs)
        assert [t.id for t in city.tables] == [s.id for s in tables.SPECS]
        for city_table in city.tables:
            for scope in aggregate.SCOPES:
                cells = city_table.scope(scope)
                if cells is None:
                    continue
                for (row, col), value in cells.items():
                    true = truth[(period, scope, city_table.id, row, col)]
                    if value.kind == "exact":
                        assert value.low == true
                    elif value.kind == "range":
                        assert value.low is not None and value.low <= true
                        assert value.high is None or true <= value.high
        for share in city.shares:
            if share.month is not None:
                assert 0 <= share.month <= 1


# -- the workbook and the PDF ------------------------------------------------------------------
def _report() -> aggregate.CityReport:
    docs = {
        "2026-08": [
            people_doc("CX-A1", [[10, 12, 22], [8, 9, 17], [18, 21, 39]], period="2026-08"),
            people_doc("CX-B1", [[5, 7, 12], [6, 0, 6], [11, 7, 18]], period="2026-08"),
        ],
        "2026-09": [
            people_doc("CX-A1", [["*", "*", 22], ["*", "*", 17], [18, 21, 39]]),
            stats(sample_doc("CX-B1", "2026-09", concerns_stress="*", phq9=(30, 9))),
        ],
    }
    delivered = [
        ("CX-A1", "2026-08", 1),
        ("CX-B1", "2026-08", 1),
        ("CX-A1", "2026-09", 2),
        ("CX-B1", "2026-09", 2),
    ]
    return aggregate.build_report("2026-09", docs, delivered, ["CX-A1", "CX-B1", "CX-C1"])


def test_workbook_is_readable_and_deterministic() -> None:
    report = _report()
    data = outputs.render_xlsx(report)
    assert data == outputs.render_xlsx(report)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["说明", "本月", "年度累计", "占比", "环比趋势", "报送情况"]
    values = [[c.value for c in row] for row in book["本月"].iter_rows()]
    title_row = next(i for i, row in enumerate(values) if row[0] == "服务人数（性别×年龄段）")
    assert values[title_row + 1][:4] == [None, "18-34岁", "35-54岁", "合计"]
    assert values[title_row + 2][:4] == ["女", "12–27", "17–32", 44]
    concerns = next(i for i, row in enumerate(values) if row[0] == "关注问题")
    assert values[concerns + 2][:2] == ["工作压力", "≥13"]
    done = [[c.value for c in row] for row in book["报送情况"].iter_rows()]
    assert done[0] == ["站点", "2026-08", "2026-09"]
    assert ["CX-C1", "缺", "缺"] in done
    shares = [[c.value for c in row] for row in book["占比"].iter_rows()]
    assert shares[1][0] == "PHQ-9 阳性检出率"
    assert shares[1][1] == pytest.approx(15 / 50)
    notes = "\n".join(str(row[0].value) for row in book["说明"].iter_rows())
    assert "未报送站点：1 个（CX-C1）" in notes
    assert "“*”" in notes
    for info in zipfile.ZipFile(io.BytesIO(data)).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_pdf_embeds_its_font_shows_the_tables_and_is_deterministic() -> None:
    report = _report()
    data = outputs.render_pdf(report)
    assert data == outputs.render_pdf(report)
    assert b"/FontFile2" in data  # the CJK TrueType font is embedded
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "城市汇总统计 2026-09" in text
    assert "CX-C1" in text
    assert "12–27" in text
    assert "环比趋势" in text


def test_write_report_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = _report()
    files = outputs.write_report(report, tmp_path / "out")
    assert files.xlsx.name == "city-2026-09.xlsx" and files.pdf.name == "city-2026-09.pdf"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "city-2026-09.pdf",
        "city-2026-09.xlsx",
    ]
    target = tmp_path / "full"

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StationError) as caught:
        outputs.write_report(report, target)
    assert "无法写入汇总报表" in caught.value.zh
    assert list(target.iterdir()) == []
