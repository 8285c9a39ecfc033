"""The case list (filters, sort orders, paging, two-character names) and the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from station.errors import ValidationError
from station.models.vocab import CaseStatus, FollowUpMethod, Gender, RiskLevel
from station.services import accounts, cases, dashboard, followups, risk, search
from station.services.context import SignedIn
from station.services.search import CaseQuery, SortKey
from station.services.views import AgeBand, CaseRow
from tests.records_fixtures import insert_session, make_lead, new_client_case

TODAY = date.today()
MONTH_START = TODAY.replace(day=1)
LAST_MONTH = MONTH_START - timedelta(days=1)


@pytest.fixture
def caseload(lin: SignedIn, zhou: SignedIn) -> dict[str, int]:
    """Six cases of Lin's and one of Zhou's, varied in every listed column."""
    ids: dict[str, int] = {}
    specs: list[tuple[SignedIn, str, dict[str, Any]]] = [
        (lin, "zhang2", {"name": "张三", "gender": Gender.MALE, "birth_year": 1990}),
        (lin, "zhang3", {"name": "张三丰", "gender": Gender.MALE, "birth_year": 1962}),
        (lin, "li", {"name": "李四", "gender": Gender.FEMALE, "birth_year": 1975}),
        (lin, "anon", {"anonymous": True, "alias": "百分_之%", "birth_year": None, "gender": None}),
        (lin, "wang", {"name": "王五", "alias": "青松", "gender": Gender.FEMALE}),
        (lin, "old", {"name": "赵六", "birth_year": 1999, "opened_on": LAST_MONTH - timedelta(30)}),
        (zhou, "zhou", {"name": "张三", "gender": Gender.MALE, "birth_year": 1990}),
    ]
    for n, (ctx, key, fields) in enumerate(specs):
        opened = fields.pop("opened_on", TODAY - timedelta(days=n))
        ids[key] = new_client_case(ctx, opened_on=opened, **fields)[1]
    risk.set_risk(lin, ids["li"], RiskLevel.HIGH)
    risk.set_risk(lin, ids["wang"], RiskLevel.LOW)
    cases.close_case(lin, ids["old"], "结案")
    insert_session(lin, ids["zhang2"], TODAY - timedelta(days=3))
    insert_session(lin, ids["zhang2"], TODAY - timedelta(days=1))
    insert_session(lin, ids["li"], TODAY - timedelta(days=2))
    return ids


def ids_of(rows: tuple[CaseRow, ...]) -> list[int]:
    return [r.id for r in rows]


def found(ctx: SignedIn, **query: Any) -> set[int]:
    return set(ids_of(search.search_cases(ctx, CaseQuery(limit=500, **query)).items))


def test_text_matches_code_prefix_alias_and_two_character_names(
    lin: SignedIn, custodian: SignedIn, caseload: dict[str, int]
) -> None:
    assert found(lin, text="张三") == {caseload["zhang2"], caseload["zhang3"]}
    assert found(lin, text="张三丰") == {caseload["zhang3"]}
    assert found(lin, text="青松") == {caseload["wang"]}
    assert found(lin, text="_之%") == {caseload["anon"]}  # LIKE wildcards taken literally
    assert found(lin, text="%") == {caseload["anon"]}
    assert found(lin, text="_") == {caseload["anon"]}
    code = cases.case_view(lin, caseload["li"]).code
    assert found(lin, text=code) == {caseload["li"]}
    codes = {r.id: r.code for r in search.search_cases(lin, CaseQuery()).items}
    assert found(lin, text=code[:5]) == {i for i, c in codes.items() if c.startswith(code[:5])}
    assert found(lin, text=code[1:]) == set()  # a code matches from its start only
    assert found(custodian, text="张三") == {
        caseload["zhang2"],
        caseload["zhang3"],
        caseload["zhou"],
    }
    (row,) = search.search_cases(lin, CaseQuery(text="张三丰")).items
    assert row.client == "张三丰" and row.age_band is AgeBand.FROM_60
    (anon,) = search.search_cases(lin, CaseQuery(text="百分")).items
    assert anon.client == "百分_之%" and anon.gender is None and anon.age_band is None
    with pytest.raises(ValidationError) as exc:
        search.search_cases(lin, CaseQuery(text="张" * 41))
    assert exc.value.field == "text"


def test_filters(
    lin: SignedIn, zhou: SignedIn, custodian: SignedIn, caseload: dict[str, int]
) -> None:
    mine = set(caseload.values()) - {caseload["zhou"]}
    assert found(lin) == mine
    assert found(custodian, counsellor_id=zhou.user_id) == {caseload["zhou"]}
    assert found(lin, counsellor_id=zhou.user_id) == set()
    assert found(lin, status=CaseStatus.CLOSED) == {caseload["old"]}
    assert found(lin, status=CaseStatus.OPEN) == mine - {caseload["old"]}
    assert found(lin, risk_levels=(RiskLevel.HIGH,)) == {caseload["li"]}
    assert found(lin, risk_levels=(RiskLevel.HIGH, RiskLevel.LOW)) == {
        caseload["li"],
        caseload["wang"],
    }
    assert found(lin, opened_to=LAST_MONTH) == {caseload["old"]} | {
        c for c in mine if cases.case_view(lin, c).opened_on <= LAST_MONTH
    }
    day = TODAY - timedelta(days=2)
    assert found(lin, opened_from=day, opened_to=day) == {caseload["li"]}
    with pytest.raises(ValidationError) as exc:
        search.count_cases(lin, CaseQuery(opened_from=TODAY, opened_to=TODAY - timedelta(1)))
    assert exc.value.field == "opened_from"
    assert search.count_cases(lin, CaseQuery(text="张三")) == 2
    assert search.count_cases(lin, CaseQuery(status=CaseStatus.OPEN)) == len(mine) - 1


_BANDS = list(AgeBand)

SORT_KEYS: dict[SortKey, Callable[[CaseRow], Any]] = {
    SortKey.CODE: lambda r: r.code,
    SortKey.CLIENT: lambda r: r.client,
    SortKey.GENDER: lambda r: (r.gender is not None, r.gender or ""),
    SortKey.AGE_BAND: lambda r: _BANDS.index(r.age_band) if r.age_band else len(_BANDS),
    SortKey.COUNSELLOR: lambda r: r.counsellor,
    SortKey.STATUS: lambda r: r.status.value,
    SortKey.RISK: lambda r: r.risk_level.rank,
    SortKey.OPENED_ON: lambda r: r.opened_on,
    SortKey.LAST_SESSION: lambda r: (r.last_session_on is not None, r.last_session_on or TODAY),
}


def test_every_column_sorts_both_ways(custodian: SignedIn, caseload: dict[str, int]) -> None:
    for key in SortKey:
        for descending in (False, True):
            query = CaseQuery(sort=key, descending=descending)
            rows = search.search_cases(custodian, query).items
            assert len(rows) == len(caseload)
            expected = sorted(rows, key=lambda r: (SORT_KEYS[key](r), r.id), reverse=descending)
            assert ids_of(rows) == ids_of(tuple(expected)), query


def test_sort_orders_mean_what_they_say(lin: SignedIn, caseload: dict[str, int]) -> None:
    def first(key: SortKey, descending: bool = False) -> int:
        return search.search_cases(lin, CaseQuery(sort=key, descending=descending)).items[0].id

    assert first(SortKey.RISK, descending=True) == caseload["li"]
    assert first(SortKey.LAST_SESSION, descending=True) == caseload["zhang2"]
    assert first(SortKey.OPENED_ON) == caseload["old"]
    assert first(SortKey.AGE_BAND) == caseload["old"]  # born 1999: the youngest
    rows = search.search_cases(lin, CaseQuery(text="张三")).items
    assert {r.id: r.last_session_on for r in rows} == {
        caseload["zhang2"]: TODAY - timedelta(days=1),
        caseload["zhang3"]: None,
    }


def test_paging(lin: SignedIn, caseload: dict[str, int]) -> None:
    query = CaseQuery(sort=SortKey.CODE, descending=False, limit=4)
    first = search.search_cases(lin, query)
    second = search.search_cases(lin, CaseQuery(**{**query.__dict__, "offset": 4}))
    assert len(first.items) == 4 and first.has_more
    assert len(second.items) == 2 and not second.has_more
    whole = search.search_cases(lin, CaseQuery(sort=SortKey.CODE, descending=False))
    assert ids_of(first.items + second.items) == ids_of(whole.items)
    assert search.count_cases(lin, query) == 6
    for bad in (CaseQuery(limit=0), CaseQuery(limit=501), CaseQuery(offset=-1)):
        with pytest.raises(ValidationError):
            search.search_cases(lin, bad)


# -- dashboard -------------------------------------------------------------------
def test_dashboard_lists_for_counsellor_and_custodian(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn, caseload: dict[str, int]
) -> None:
    late = insert_session(lin, caseload["wang"], TODAY, start_time=time(15, 0))
    early = insert_session(lin, caseload["li"], TODAY, start_time=time(9, 30))
    theirs = insert_session(zhou, caseload["zhou"], TODAY)
    overdue = followups.plan_follow_up(
        lin, caseload["zhang3"], TODAY - timedelta(days=1), FollowUpMethod.PHONE
    )
    followups.plan_follow_up(lin, caseload["zhang3"], TODAY, FollowUpMethod.PHONE)  # due today
    done = followups.plan_follow_up(lin, caseload["li"], TODAY - timedelta(1), "visit")
    followups.complete_follow_up(lin, done, TODAY, "稳定")
    risk.set_risk(lin, caseload["zhang2"], RiskLevel.IMMINENT, "明确计划")

    board = dashboard.dashboard(lin, TODAY)
    assert [s.session_id for s in board.today_sessions] == [early, late]
    assert board.today_sessions[0].client == "李四"
    assert [f.id for f in board.overdue_follow_ups] == [overdue]
    assert [(p.case_id, p.risk_level) for p in board.pinned] == [
        (caseload["zhang2"], RiskLevel.IMMINENT),
        (caseload["li"], RiskLevel.HIGH),
    ]
    assert board.pinned[0].since is not None
    assert board.emergency_grants == ()
    all_of_them = dashboard.dashboard(custodian, TODAY)
    assert {s.session_id for s in all_of_them.today_sessions} == {early, late, theirs}
    assert [s.session_id for s in dashboard.dashboard(zhou, TODAY).today_sessions] == [theirs]
    assert dashboard.dashboard(zhou, TODAY).pinned == ()

    # pinned until lowered with a reason
    risk.set_risk(lin, caseload["li"], RiskLevel.MEDIUM, "复评后风险下降")
    assert [p.case_id for p in dashboard.dashboard(lin, TODAY).pinned] == [caseload["zhang2"]]


def test_month_counts_and_the_station_lead(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn, vault_dir: Path, caseload: dict[str, int]
) -> None:
    insert_session(lin, caseload["old"], LAST_MONTH)
    insert_session(zhou, caseload["zhou"], TODAY)
    fid = followups.plan_follow_up(lin, caseload["li"], TODAY, FollowUpMethod.PHONE)
    followups.complete_follow_up(lin, fid, TODAY, "稳定")
    this_month = [c for c, v in caseload.items() if v and c != "old"]
    opened_now = {
        key
        for key in this_month
        if (TODAY - timedelta(days=list(caseload).index(key))) >= MONTH_START
    }
    sessions_now = sum(1 for d in (3, 1, 2) if TODAY - timedelta(days=d) >= MONTH_START)

    counts = dashboard.dashboard(lin, TODAY).counts
    assert (counts.year, counts.month) == (TODAY.year, TODAY.month)
    assert counts.new_cases == len(opened_now - {"zhou"})
    assert counts.sessions == sessions_now
    assert counts.closed_cases == 1 and counts.follow_ups_done == 1

    lead = make_lead(custodian, vault_dir)
    try:
        board = dashboard.dashboard(lead, TODAY)
    finally:
        accounts.logout(lead)
    station = dashboard.dashboard(custodian, TODAY).counts
    assert board.counts == station
    assert station.new_cases == len(opened_now) and station.sessions == sessions_now + 1
    assert board.today_sessions == () and board.overdue_follow_ups == ()
    assert board.pinned == () and board.emergency_grants == ()
    code = cases.case_view(lin, caseload["li"]).code
    assert code not in repr(board) and code in repr(dashboard.dashboard(lin, TODAY))
