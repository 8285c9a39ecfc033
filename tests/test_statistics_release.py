"""Releasing a month's statistics: the preview writes nothing, the final release writes
the ledger in one go, a released month is final (same bytes, whatever is entered
later), months go out in order, only the custodian and the station lead release, and
what leaves validates against the schema, hides every small count and carries no
identifier and no date finer than the month."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from station.errors import PermissionDenied, StationError
from station.models import AuditEntry, Case, StatsCell, StatsInclusion, StatsRelease
from station.models.vocab import CaseSource, Concern, Gender, GroupTheme, RankLevel, ServiceKind
from station.services import accounts, cases, groups, lectures, screenings, statistics
from station.services.context import SignedIn
from station.services.groups import GroupSessionInput, HeadcountCell, ProgrammeInput
from station.services.lectures import LectureInput
from station.services.statistics import MonthState
from station.statistics import document, tables
from station.statistics.spec import Sensitivity
from station.statistics.suppression import complete_cells
from tests.conftest import STATION
from tests.records_fixtures import (
    insert_session,
    make_counsellor,
    make_lead,
    new_client,
    new_client_case,
)

TODAY = date(2026, 11, 23)  # "today" for the release rules
SEPT = (2026, 9)
# distinctive values that must never leave the station
NAME, ALIAS, UNIT, PHONE, BIRTH_YEAR = "欧阳锦绣", "青鸟代号", "星河市蓝鲸局", "13912345678", 1977
SECRETS = [
    NAME,
    ALIAS,
    UNIT,
    PHONE,
    str(BIRTH_YEAR),
    "欧阳父亲",
    "代号夜莺",
    "失眠三周",
    "蓝鲸减压团体",
    "蓝鲸讲座",
    "钱教授",
    STATION.name,
    STATION.region,
]
AGES = (1960, 1972, 1985, 1990, 1999)
GENDERS = (Gender.FEMALE, Gender.MALE)
RANKS = (RankLevel.GENERAL, RankLevel.MIDDLE, RankLevel.LEADING)


@dataclass
class Station:
    custodian: SignedIn
    lin: SignedIn
    lead: SignedIn
    case_ids: list[int]


def _busy_september(lin: SignedIn) -> list[int]:
    """Thirty people with sessions in September 2026, one of them with distinctive
    identity fields, one anonymous; group work, a lecture and a screening."""
    case_ids = []
    _client, case = new_client_case(
        lin,
        name=NAME,
        alias=ALIAS,
        unit=UNIT,
        phone=PHONE,
        emergency_contact="欧阳父亲",
        gender=Gender.FEMALE,
        birth_year=BIRTH_YEAR,
        rank_level=RankLevel.MIDDLE,
        opened_on=date(2026, 9, 2),
    )
    case_ids.append(case)
    anon = new_client(lin, anonymous=True, alias="代号夜莺", gender=None, birth_year=None)
    case_ids.append(
        cases.open_case(
            lin,
            cases.CaseInput(anon, CaseSource.UNIT, (Concern.SLEEP,), opened_on=date(2026, 9, 4)),
        )
    )
    for n in range(28):
        _client, case = new_client_case(
            lin,
            name=f"来访者{n}",
            gender=GENDERS[n % 2],
            birth_year=AGES[n % len(AGES)],
            rank_level=RANKS[n % 3],
            opened_on=date(2026, 9, 1 + n % 20),
            source=(CaseSource.SELF, CaseSource.UNIT)[n % 2],
            concerns=(Concern.WORKLOAD, (Concern.SLEEP, Concern.ANXIETY)[n % 2]),
        )
        case_ids.append(case)
    for i, case in enumerate(case_ids):
        first = date(2026, 9, 2 + i % 20)
        insert_session(lin, case, first, kind=ServiceKind.INTAKE, presenting="失眠三周")
        insert_session(lin, case, date(2026, 9, 25), kind=ServiceKind.INDIVIDUAL)
    programme = groups.add_programme(lin, ProgrammeInput("蓝鲸减压团体", GroupTheme.STRESS))
    gs = groups.add_group_session(lin, programme, GroupSessionInput(date(2026, 9, 16)))
    groups.set_headcount(lin, gs, [HeadcountCell(Gender.FEMALE, RankLevel.GENERAL, 12)])
    lectures.add_lecture(
        lin,
        LectureInput(
            date(2026, 9, 22),
            "蓝鲸讲座",
            "钱教授",
            (HeadcountCell(Gender.MALE, RankLevel.MIDDLE, 30),),
        ),
    )
    sid = screenings.create_screening(
        lin, screenings.ScreeningInput("体检", date(2026, 9, 15), ["phq9"], unit=UNIT)
    )
    for _ in range(3):
        pid = screenings.add_participant(lin, sid)
        screenings.record_result(lin, pid, "phq9", [0] * 9)
    return case_ids


@pytest.fixture
def station(custodian: SignedIn, vault_dir: Path) -> Iterator[Station]:
    lin = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    lead = make_lead(custodian, vault_dir)
    case_ids = _busy_september(lin)
    yield Station(custodian, lin, lead, case_ids)
    accounts.logout(lin)
    accounts.logout(lead)


def _refused(call: Callable[[], object], words: str) -> None:
    with pytest.raises(StationError) as caught:
        call()
    assert words in caught.value.zh, caught.value.zh


def _counts(ctx: SignedIn) -> dict[str, int]:
    with ctx.vault.transaction() as s:
        return {
            model.__name__: int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (StatsRelease, StatsCell, StatsInclusion, AuditEntry)
        }


def _published_counts(doc: dict[str, Any]) -> Iterator[tuple[str, str, int | str]]:
    for tid, table in doc["tables"].items():
        for scope in ("month", "ytd"):
            for line in table.get(scope, {}).values():
                for value in line.values():
                    yield tid, table["sensitivity"], value


# -- preview and release ------------------------------------------------------------
def test_preview_writes_nothing(station: Station) -> None:
    before = _counts(station.custodian)
    preview = statistics.preview(station.lead, *SEPT, today=TODAY)
    assert _counts(station.custodian) == before
    assert not preview.already_released
    assert preview.protected is not None
    assert preview.data == document.dumps(preview.document)
    assert preview.suppressed == sum(1 for c in preview.protected.cells if not c.published)
    # the same data gives the same bytes
    assert statistics.preview(station.custodian, *SEPT, today=TODAY).data == preview.data


def test_finalise_writes_the_ledger_in_one_release(station: Station) -> None:
    with station.custodian.vault.transaction() as s:
        raw, inclusions = tables.compute(s, SEPT, True)  # what the release must count
    expected = complete_cells(tables.SPECS, raw)
    preview = statistics.preview(station.custodian, *SEPT, today=TODAY)
    final = statistics.finalise(station.lead, *SEPT, expected=preview.data, today=TODAY)
    assert final.data == preview.data
    with station.custodian.vault.transaction() as s:
        release = s.scalars(select(StatsRelease)).one()
        assert (release.id, release.year, release.month) == (final.release_id, 2026, 9)
        assert release.stats_json.encode("utf-8") == final.data
        assert json.loads(release.policy)["k_standard"] == 5
        stored = {
            (c.scope, c.table_id, c.row, c.col): c
            for c in s.scalars(select(StatsCell).where(StatsCell.release_id == release.id))
        }
        # every cell, margins and year to date included, with its true value
        assert len(stored) == len(expected)
        for key, value in expected.items():
            cell = stored[(key.scope, key.cell.table, key.cell.row, key.cell.col)]
            assert cell.value == value
            table = preview.document["tables"][key.cell.table]
            assert table[key.scope][key.cell.row][key.cell.col] == (
                value if cell.published else "*"
            )
            assert not (cell.primary and cell.published)
        written = set(
            s.execute(
                select(StatsInclusion.kind, StatsInclusion.record_id).where(
                    StatsInclusion.release_id == release.id
                )
            ).tuples()
        )
        assert written == set(inclusions) and len(written) > 60
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "stats_release")).one()
        assert audit.object_id == str(release.id)
        assert audit.detail.startswith("period=2026-09 ")
        ledger = statistics.ledger_cells(s)
    assert len(ledger) == len(expected)
    assert all(c.key.period == SEPT for c in ledger)


def test_a_released_month_is_final(station: Station) -> None:
    first = statistics.finalise(station.custodian, *SEPT, today=TODAY)
    before = _counts(station.custodian)
    # a late September session, entered after the release
    insert_session(station.lin, station.case_ids[3], date(2026, 9, 30))
    again = statistics.finalise(station.lead, *SEPT, today=TODAY)
    assert again == first
    shown = statistics.preview(station.lead, *SEPT, today=TODAY)
    assert shown.already_released and shown.protected is None
    assert shown.data == first.data
    assert shown.document == json.loads(first.data)
    hidden = [v for _, _, v in _published_counts(shown.document) if v == "*"]
    assert shown.suppressed == len(hidden)
    after = _counts(station.custodian)
    assert after == before
    # the late session goes into October
    october = statistics.preview(station.custodian, 2026, 10, today=TODAY)
    assert october.protected is not None
    services = [c for c in october.protected.cells if c.key.cell.table == "services_by_kind"]
    month_total = next(c for c in services if c.key.scope == "month" and c.key.cell.row == "_total")
    assert month_total.value == 1


def test_the_preview_must_still_hold_when_released(station: Station) -> None:
    preview = statistics.preview(station.custodian, *SEPT, today=TODAY)
    insert_session(station.lin, station.case_ids[0], date(2026, 9, 29))
    before = _counts(station.custodian)
    _refused(
        lambda: statistics.finalise(station.custodian, *SEPT, expected=preview.data, today=TODAY),
        "重新预览",
    )
    assert _counts(station.custodian) == before


def test_months_are_released_in_order(station: Station) -> None:
    listed = statistics.months(station.lead, today=TODAY)
    assert [(m.year, m.month) for m in listed][:2] == [(2026, 10), (2026, 9)]
    assert len(listed) == 12 and {m.state for m in listed} == {MonthState.READY}
    assert listed[-1].label == "2025年11月"
    _refused(lambda: statistics.preview(station.custodian, 2026, 11, today=TODAY), "尚未结束")
    _refused(lambda: statistics.preview(station.custodian, 2025, 10, today=TODAY), "最近 12")

    statistics.finalise(station.custodian, 2026, 8, today=TODAY)
    listed = statistics.months(station.custodian, today=TODAY)
    assert [(m.year, m.month, m.state) for m in listed] == [
        (2026, 10, MonthState.WAITING),
        (2026, 9, MonthState.READY),
        (2026, 8, MonthState.RELEASED),
    ]
    _refused(lambda: statistics.finalise(station.custodian, 2026, 10, today=TODAY), "2026年9月")
    _refused(lambda: statistics.preview(station.custodian, 2026, 7, today=TODAY), "更早的月份")
    statistics.finalise(station.custodian, *SEPT, today=TODAY)
    statistics.finalise(station.custodian, 2026, 10, today=TODAY)
    _refused(lambda: statistics.finalise(station.custodian, 2026, 11, today=TODAY), "尚未结束")
    states = [m.state for m in statistics.months(station.custodian, today=date(2027, 2, 1))]
    assert states == [
        MonthState.WAITING,  # 2027-01
        MonthState.WAITING,  # 2026-12
        MonthState.READY,  # 2026-11
        MonthState.RELEASED,
        MonthState.RELEASED,
        MonthState.RELEASED,
    ]
    with pytest.raises(StationError):
        statistics.preview(station.custodian, 2026, 13, today=TODAY)


def test_only_the_custodian_and_the_lead_release(station: Station) -> None:
    for call in (
        lambda: statistics.months(station.lin, today=TODAY),
        lambda: statistics.preview(station.lin, *SEPT, today=TODAY),
        lambda: statistics.finalise(station.lin, *SEPT, today=TODAY),
        lambda: statistics.set_policy_file(station.lin, "k_standard = 6\nk_sensitive = 10\n"),
        lambda: statistics.set_policy_file(station.lead, "k_standard = 6\nk_sensitive = 10\n"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert statistics.current_policy(station.lead).policy.k_standard == 5


# -- what leaves -------------------------------------------------------------------
def test_the_document_validates_and_hides_every_small_count(station: Station) -> None:
    doc = json.loads(statistics.finalise(station.custodian, *SEPT, today=TODAY).data)
    document.validate_document(doc)
    assert doc["schema"] == "station-stats/1"
    assert doc["station"] == {"code": STATION.code, "kind": "township"}
    assert (doc["period"], doc["ytd_from"]) == ("2026-09", "2026-09")
    k = {Sensitivity.STANDARD.value: 5, Sensitivity.SENSITIVE.value: 10}
    values = list(_published_counts(doc))
    assert {tid for tid, _, _ in values} == {s.id for s in tables.SPECS}
    for tid, sensitivity, value in values:
        assert value == "*" or (
            isinstance(value, int) and (value == 0 or value >= k[sensitivity])
        ), (
            tid,
            value,
        )
    # something useful is published, and something is hidden
    assert doc["tables"]["services_by_kind"]["month"]["_total"]["n"] == 60
    assert any(v == "*" for _, _, v in values)
    # a share is a fraction, or "*" where its numerator or denominator is hidden
    phq9 = doc["tables"]["assessments_by_scale"]["month"]["phq9"]
    share = doc["shares"]["positive_rate_phq9"]["month"]
    if "*" in phq9.values():
        assert share == "*"
    else:
        assert share == (phq9["positive"] / phq9["administered"] if phq9["administered"] else None)
    assert doc["shares"]["positive_rate_phq9"]["numerator"] == {
        "table": "assessments_by_scale",
        "row": "phq9",
        "col": "positive",
    }
    for entry in doc["shares"].values():
        for scope in ("month", "ytd"):
            assert entry[scope] in ("*", None) or 0.0 <= entry[scope] <= 1.0
    # sensitive tables: station totals only
    for table in doc["tables"].values():
        if table["sensitivity"] == "sensitive":
            assert [c["code"] for c in table["cols"]] == ["n"]


def test_a_stricter_city_policy_applies(station: Station) -> None:
    policy = statistics.set_policy_file(
        station.custodian,
        "\ufeff# 市办 2026 年统计口径\nk_standard = 7\nk_sensitive = 12\n"
        'issued_by = "市干部心理健康服务办公室"\n',
    )
    assert (policy.policy.k_standard, policy.policy.k_sensitive) == (7, 12)
    _refused(
        lambda: statistics.set_policy_file(station.custodian, "k_standard = 2\nk_sensitive = 10\n"),
        "不得低于",
    )
    assert statistics.current_policy(station.lead).policy.k_standard == 7
    doc = statistics.preview(station.lead, *SEPT, today=TODAY).document
    assert doc["policy"] == {"k_standard": 7, "k_sensitive": 12}
    k = {"standard": 7, "sensitive": 12}
    for _tid, sensitivity, value in _published_counts(doc):
        assert value == "*" or value == 0 or int(value) >= k[sensitivity]
    with station.custodian.vault.transaction() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert actions.count("stats_policy") == 1
    statistics.set_policy_file(station.custodian, None)
    assert statistics.current_policy(station.lead).policy.k_standard == 5


def test_nothing_identifying_and_no_date_finer_than_the_month(station: Station) -> None:
    data = statistics.finalise(station.custodian, *SEPT, today=TODAY).data
    text = data.decode("utf-8")
    with station.custodian.vault.transaction() as s:
        codes = list(s.scalars(select(Case.code)))
    assert codes
    for secret in [*SECRETS, *codes]:
        assert secret not in text, secret
    assert not re.search(r"\d{4}-\d{1,2}-\d{1,2}", text)
    assert not re.search(r"\d{1,2}:\d{2}", text)  # no time of day either
    assert set(re.findall(r"\d{4}-\d{2}", text)) == {"2026-09"}
    assert not re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text)
    # every table is aggregate: no row or column is a person
    doc = json.loads(data)
    codes_used = {c["code"] for t in doc["tables"].values() for c in (*t["rows"], *t["cols"])}
    allowed = {c.code for s in tables.SPECS for c in (*s.rows, *s.cols)} | {"_total"}
    assert codes_used <= allowed


# -- the schema check (the city office runs the same) ------------------------------------
def _tampered(doc: dict[str, Any], change: str) -> dict[str, Any]:
    bad: dict[str, Any] = json.loads(json.dumps(doc))
    table = bad["tables"]["services_by_kind"]
    if change == "string count":
        table["month"]["intake"]["n"] = "3"
    elif change == "negative":
        table["month"]["intake"]["n"] = -1
    elif change == "other marker":
        table["month"]["intake"]["n"] = "x"
    elif change == "percentage":
        bad["shares"]["positive_rate_phq9"]["month"] = 25
    elif change == "extra field":
        bad["station"]["name"] = STATION.name
    elif change == "day":
        bad["period"] = "2026-09-30"
    elif change == "schema":
        bad["schema"] = "station-stats/2"
    elif change == "missing row":
        del table["month"]["intake"]
    elif change == "cross-tabulated":
        bad["tables"]["crisis"]["cols"].append({"code": "female", "label": "女"})
    elif change == "date in a label":
        table["rows"][0]["label"] = "2026-09-03 初访"
    elif change == "ytd of a snapshot":
        bad["tables"]["risk_levels"]["ytd"] = bad["tables"]["risk_levels"]["month"]
    elif change == "share of no cell":
        bad["shares"]["positive_rate_phq9"]["numerator"]["row"] = "scl90"
    return bad


CHANGES = (
    "string count",
    "negative",
    "other marker",
    "percentage",
    "extra field",
    "day",
    "schema",
    "missing row",
    "cross-tabulated",
    "date in a label",
    "ytd of a snapshot",
    "share of no cell",
)


def test_a_malformed_document_is_refused_with_a_reason(station: Station) -> None:
    doc = statistics.preview(station.custodian, *SEPT, today=TODAY).document
    document.validate_document(doc)
    for change in CHANGES:
        with pytest.raises(StationError) as caught:
            document.validate_document(_tampered(doc, change))
        assert caught.value.zh.startswith("统计文件（stats.json）不符合格式"), change
    with pytest.raises(StationError):
        document.validate_document([])


def test_the_schema_ships_and_is_draft_2020_12() -> None:
    schema = json.loads(document.schema_path().read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"] == {"const": "station-stats/1"}
    assert schema["$defs"]["count"] == {
        "oneOf": [{"type": "integer", "minimum": 0}, {"const": "*"}]
    }
