"""The monthly statistics tables counted from a small vault: every table of one month
and of the next (with its year to date) against figures counted by hand, late entries
carried into the next month exactly once, deleted records left out, anonymous clients
counted, and a person kept in the cells of the year in which they were first counted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from station.models import (
    AssessmentWarning,
    Destination,
    Referral,
    ReferralStep,
    RiskChange,
    ServiceSession,
    StatsInclusion,
    StatsRelease,
)
from station.models.vocab import (
    CaseSource,
    Concern,
    DestinationKind,
    FollowUpMethod,
    Gender,
    GroupTheme,
    RankLevel,
    RiskLevel,
    ServiceKind,
    TalkTrigger,
    WarningResponse,
)
from station.services import (
    accounts,
    assessments,
    cases,
    clients,
    followups,
    groups,
    lectures,
    risk,
    screenings,
    statistics,
)
from station.services.context import SignedIn
from station.services.groups import GroupSessionInput, HeadcountCell, ProgrammeInput
from station.services.lectures import LectureInput
from station.statistics import tables
from station.statistics.spec import TOTAL, YearToDate
from station.statistics.suppression import RawRelease, complete_cells, validate_specs
from tests.records_fixtures import insert_session, make_counsellor, new_client, new_client_case

SEPT, OCT, NOV = (2026, 9), (2026, 10), (2026, 11)
RELEASE_DAY = date(2026, 11, 23)  # "today" for the release rules, so the test never ages
PHQ9_POSITIVE = [2, 2, 1, 1, 1, 1, 1, 1, 0]  # total 10: one warning
PHQ9_NEGATIVE = [0] * 9
F, M = Gender.FEMALE, Gender.MALE


def _noon(day: date) -> datetime:
    """A stored UTC time that is on ``day`` in any station time zone from UTC−11 to +11."""
    return datetime(day.year, day.month, day.day, 12, 0)


def _nonzero(raw: RawRelease, table: str, scope: str = "month") -> dict[tuple[str, str], int]:
    data = raw.month if scope == "month" else raw.ytd
    return {cell: n for cell, n in data[table].items() if n}


@dataclass
class Vault:
    custodian: SignedIn
    lin: SignedIn
    c1: int
    c3: int
    case1: int
    case2: int
    case3: int
    warning1: int
    referral: int


def _set_time(ctx: SignedIn, model: type, column: str, row_id: int, day: date) -> None:
    with ctx.vault.transaction() as s:
        s.execute(update(model).where(model.id == row_id).values({column: _noon(day)}))  # type: ignore[attr-defined]


def _referral(ctx: SignedIn, case_id: int) -> int:
    with ctx.vault.transaction() as s:
        dest = Destination(name="市第七人民医院", kind=DestinationKind.HOSPITAL.value, created_by=1)
        s.add(dest)
        s.flush()
        ref = Referral(
            number="ZJ2026-0001",
            case_id=case_id,
            destination_id=dest.id,
            reason="diagnosis",
            urgency="soon",
            summary="需精神科评估。",
            risk_level="high",
            consent="given",
            status="accepted",
            sent_on=date(2026, 9, 15),
            answered_on=date(2026, 9, 18),
            created_by=ctx.user_id,
        )
        s.add(ref)
        s.flush()
        s.add_all(
            [
                ReferralStep(
                    referral_id=ref.id,
                    from_status="draft",
                    to_status="sent",
                    on=date(2026, 9, 15),
                    by=ctx.user_id,
                ),
                ReferralStep(
                    referral_id=ref.id,
                    from_status="sent",
                    to_status="accepted",
                    on=date(2026, 9, 18),
                    by=ctx.user_id,
                ),
            ]
        )
        return ref.id


@pytest.fixture
def september(custodian: SignedIn, vault_dir: Path) -> Iterator[Vault]:
    """September 2026, counted by hand in ``test_september``."""
    lin = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    # c1: woman born 1985 (40-49), general cadre; self-referred; workload and sleep
    c1, case1 = new_client_case(
        lin,
        gender=F,
        birth_year=1985,
        rank_level=RankLevel.GENERAL,
        opened_on=date(2026, 9, 3),
        concerns=(Concern.WORKLOAD, Concern.SLEEP),
    )
    # c2: man born 1995 (30-39), middle level; from a heart-to-heart talk; closed 25 Sept
    _c2, case2 = new_client_case(
        lin,
        gender=M,
        birth_year=1995,
        rank_level=RankLevel.MIDDLE,
        opened_on=date(2026, 9, 10),
        source=CaseSource.TALK,
        talk_trigger=TalkTrigger.POST_CHANGE,
        concerns=(Concern.ANXIETY,),
    )
    # c3: anonymous, nothing but an alias; opened in August (before the first release)
    c3 = new_client(lin, anonymous=True, alias="匿名-7", gender=None, birth_year=None)
    case3 = cases.open_case(
        lin,
        cases.CaseInput(c3, CaseSource.SCREENING, (Concern.LOW_MOOD,), opened_on=date(2026, 8, 20)),
    )
    # c4: a case deleted by the custodian: none of it counts
    _c4, case4 = new_client_case(lin, opened_on=date(2026, 9, 1))
    # c5: attends a group session only: woman born 1960 (60+), leading cadre
    c5 = new_client(lin, gender=F, birth_year=1960, rank_level=RankLevel.LEADING)

    insert_session(lin, case1, date(2026, 9, 3), kind=ServiceKind.INTAKE)
    insert_session(lin, case1, date(2026, 9, 10))
    insert_session(lin, case1, date(2026, 9, 17))
    withdrawn = insert_session(lin, case1, date(2026, 9, 24))
    insert_session(lin, case2, date(2026, 9, 10), kind=ServiceKind.TALK)
    insert_session(lin, case2, date(2026, 9, 20), kind=ServiceKind.SANDPLAY)
    insert_session(lin, case3, date(2026, 8, 25))  # before the first release's month
    insert_session(lin, case3, date(2026, 9, 5))
    insert_session(lin, case4, date(2026, 9, 6))
    with lin.vault.transaction() as s:
        row = s.get(ServiceSession, withdrawn)
        assert row is not None
        row.deleted_at = _noon(date(2026, 9, 25))
    cases.delete_case(custodian, case4)

    # assessments: two PHQ-9 on cases, one at a screening; a GAD-7 withdrawn
    rec = assessments.record_assessment(lin, case1, "phq9", PHQ9_POSITIVE, date(2026, 9, 3))
    warning1 = rec.warnings[0].id
    _set_time(lin, AssessmentWarning, "raised_at", warning1, date(2026, 9, 3))
    assessments.record_assessment(lin, case2, "phq9", PHQ9_NEGATIVE, date(2026, 9, 10))
    gad = assessments.record_assessment(
        lin, case2, "gad7", [3, 3, 3, 3, 0, 0, 0], date(2026, 9, 11)
    )
    for w in gad.warnings:
        _set_time(lin, AssessmentWarning, "raised_at", w.id, date(2026, 9, 11))
    assessments.delete_assessment(lin, gad.assessment_id, "录入错误")
    screening = screenings.create_screening(
        lin, screenings.ScreeningInput("某局心理体检", date(2026, 9, 15), ["phq9"], unit="某局")
    )
    participant = screenings.add_participant(lin, screening)
    screenings.record_result(lin, participant, "phq9", PHQ9_NEGATIVE)

    # a crisis on case1 on 12 Sept raises its risk to high (dated that day)
    risk.record_crisis(lin, case1, risk.CrisisInput(date(2026, 9, 12), "夜间来电，情绪激动。"))
    with lin.vault.transaction() as s:
        s.execute(
            update(RiskChange)
            .where(RiskChange.case_id == case1)
            .values(changed_at=_noon(date(2026, 9, 12)))
        )
    cases.close_case(lin, case2, "情绪平稳，结案。", closed_on=date(2026, 9, 25))

    # follow-ups: one due and done, one due on a closed case and left undone
    f1 = followups.plan_follow_up(lin, case1, date(2026, 9, 20), FollowUpMethod.PHONE)
    followups.complete_follow_up(lin, f1, date(2026, 9, 21), "睡眠好转。")
    followups.plan_follow_up(lin, case2, date(2026, 9, 28), FollowUpMethod.VISIT)

    referral = _referral(lin, case1)

    # group work: c5 and c1 registered, three more as an anonymous headcount
    programme = groups.add_programme(lin, ProgrammeInput("减压团体", GroupTheme.STRESS))
    gs = groups.add_group_session(lin, programme, GroupSessionInput(date(2026, 9, 16)))
    groups.set_session_attendance(lin, gs, [c5, c1], [HeadcountCell(F, RankLevel.GENERAL, 3)])
    # a lecture of 22, and one deleted
    audience = (HeadcountCell(M, RankLevel.MIDDLE, 10), HeadcountCell(F, RankLevel.GENERAL, 12))
    lectures.add_lecture(lin, LectureInput(date(2026, 9, 22), "压力管理", "张老师", audience))
    gone = lectures.add_lecture(lin, LectureInput(date(2026, 9, 23), "重复录入", "", audience))
    lectures.delete_lecture(lin, gone)

    yield Vault(custodian, lin, c1, c3, case1, case2, case3, warning1, referral)
    accounts.logout(lin)


def _compute(ctx: SignedIn, period: tuple[int, int], first: bool) -> RawRelease:
    with ctx.vault.transaction() as s:
        raw, _inclusions = tables.compute(s, period, first)
    return raw


def test_the_catalogue_is_valid_for_the_engine() -> None:
    validate_specs(tables.SPECS, tables.RELATIONS, tables.SHARES)
    from station.scales import library

    assert set(library.shipped()) == tables.SHIPPED_SCALES
    for spec in tables.SPECS:
        if spec.sensitivity.value == "sensitive":
            assert len(spec.cols) == 1, spec.id
    nones = {s.id for s in tables.SPECS if s.ytd is YearToDate.NONE}
    assert nones == {"risk_levels", "follow_ups_overdue"}


def test_september(september: Vault) -> None:
    raw = _compute(september.custodian, SEPT, first=True)
    expected_month: dict[str, dict[tuple[str, str], int]] = {
        "services_by_kind": {("intake", "n"): 1, ("individual", "n"): 3, ("talk", "n"): 1,
                             ("sandplay", "n"): 1},
        "people_by_gender_age": {("female", "40_49"): 1, ("male", "30_39"): 1,
                                 ("unknown", "unknown"): 1, ("female", "60_plus"): 1},
        "people_by_rank": {("general", "n"): 1, ("middle", "n"): 1, ("unknown", "n"): 1,
                           ("leading", "n"): 1},
        "cases_flow": {("new", "n"): 2, ("closed", "n"): 1},
        "cases_active": {("active", "n"): 3},
        "concerns": {("workload", "n"): 1, ("sleep", "n"): 1, ("anxiety", "n"): 1,
                     ("low_mood", "n"): 1},
        "case_sources": {("self", "n"): 1, ("talk", "n"): 1},
        "assessments_by_scale": {("phq9", "administered"): 3, ("phq9", "positive"): 1},
        "warnings": {("raised", "n"): 1},
        "risk_levels": {("high", "n"): 1, ("none", "n"): 1},
        "crisis": {("events", "n"): 1},
        "referrals_by_destination": {("hospital", "n"): 1},
        "referrals_by_outcome": {("accepted", "n"): 1},
        "follow_ups": {("due", "n"): 2, ("done", "n"): 1},
        "follow_ups_overdue": {("overdue", "n"): 1},
        "group_work": {("sessions", "n"): 1, ("attendance", "n"): 5},
        "lectures": {("lectures", "n"): 1, ("attendance", "n"): 22},
    }  # fmt: skip
    assert set(expected_month) == {s.id for s in tables.SPECS}
    for table, cells in expected_month.items():
        assert _nonzero(raw, table) == cells, table
    # the first release: the year to date is the month itself
    for spec in tables.SPECS:
        if spec.ytd is YearToDate.NONE:
            assert spec.id not in raw.ytd
        else:
            assert raw.ytd[spec.id] == raw.month[spec.id], spec.id
    # every interior cell is there, zeros included, and nothing else
    for spec in tables.SPECS:
        interior = {(r.code, c.code) for r in spec.rows for c in spec.cols}
        assert set(raw.month[spec.id]) == interior


def _october(v: Vault) -> dict[str, int]:
    """Release September, then enter October (and one late September session)."""
    lin = v.lin
    statistics.finalise(v.custodian, *SEPT, today=RELEASE_DAY)
    ids: dict[str, int] = {}
    ids["late"] = insert_session(lin, v.case1, date(2026, 9, 29))  # entered after the release
    # the anonymous client's gender and birth year are filled in later: they stay 未填
    # for the rest of 2026, where they were first counted
    clients.update_client(
        lin, v.c3, clients.ClientInput(anonymous=True, alias="匿名-7", gender=M, birth_year=1990)
    )
    insert_session(lin, v.case3, date(2026, 10, 8))
    _c6, case6 = new_client_case(
        lin,
        gender=M,
        birth_year=1970,
        rank_level=RankLevel.GENERAL,
        opened_on=date(2026, 10, 2),
        source=CaseSource.UNIT,
        concerns=(Concern.CAREER,),
    )
    insert_session(lin, case6, date(2026, 10, 2), kind=ServiceKind.INTAKE)
    rec = assessments.record_assessment(lin, case6, "phq9", PHQ9_POSITIVE, date(2026, 10, 2))
    _set_time(lin, AssessmentWarning, "raised_at", rec.warnings[0].id, date(2026, 10, 2))
    # a case opened on 28 September, entered late; a young woman, no sessions yet
    new_client_case(
        lin,
        gender=F,
        birth_year=2000,
        rank_level=RankLevel.GENERAL,
        opened_on=date(2026, 9, 28),
        source=CaseSource.SCREENING,
    )
    # case1 lowered to medium on 5 October
    risk.set_risk(lin, v.case1, RiskLevel.MEDIUM, "危机已缓解。")
    with lin.vault.transaction() as s:
        s.execute(
            update(RiskChange)
            .where(RiskChange.case_id == v.case1, RiskChange.to_level == "medium")
            .values(changed_at=_noon(date(2026, 10, 5)))
        )
    # the September warning answered on 3 October
    assessments.respond_to_warning(lin, v.warning1, WarningResponse.CONTACTED, "已电话联系。")
    _set_time(lin, AssessmentWarning, "responded_at", v.warning1, date(2026, 10, 3))
    f = followups.plan_follow_up(lin, v.case1, date(2026, 10, 10), FollowUpMethod.ONLINE)
    followups.complete_follow_up(lin, f, date(2026, 10, 11), "稳定。")
    with lin.vault.transaction() as s:
        s.add(
            ReferralStep(
                referral_id=v.referral,
                from_status="accepted",
                to_status="feedback",
                on=date(2026, 10, 10),
                by=lin.user_id,
            )
        )
    return ids


def test_october_and_its_year_to_date(september: Vault) -> None:
    _october(september)
    raw = _compute(september.custodian, OCT, first=False)
    month: dict[str, dict[tuple[str, str], int]] = {
        "services_by_kind": {("individual", "n"): 2, ("intake", "n"): 1},
        "people_by_gender_age": {("female", "40_49"): 1, ("unknown", "unknown"): 1,
                                 ("male", "50_59"): 1},
        "people_by_rank": {("general", "n"): 2, ("unknown", "n"): 1},
        "cases_flow": {("new", "n"): 2},
        "cases_active": {("active", "n"): 4},
        "concerns": {("workload", "n"): 2, ("sleep", "n"): 1, ("low_mood", "n"): 1,
                     ("career", "n"): 1},
        "case_sources": {("unit", "n"): 1, ("screening", "n"): 1},
        "assessments_by_scale": {("phq9", "administered"): 1, ("phq9", "positive"): 1},
        "warnings": {("raised", "n"): 1, ("handled", "n"): 1},
        "risk_levels": {("none", "n"): 3, ("medium", "n"): 1},
        "crisis": {},
        "referrals_by_destination": {},
        "referrals_by_outcome": {("feedback", "n"): 1},
        "follow_ups": {("due", "n"): 1, ("done", "n"): 1},
        "follow_ups_overdue": {("overdue", "n"): 1},
        "group_work": {},
        "lectures": {},
    }  # fmt: skip
    ytd: dict[str, dict[tuple[str, str], int]] = {
        "services_by_kind": {("intake", "n"): 2, ("individual", "n"): 5, ("talk", "n"): 1,
                             ("sandplay", "n"): 1},
        "people_by_gender_age": {("female", "40_49"): 1, ("male", "30_39"): 1,
                                 ("unknown", "unknown"): 1, ("female", "60_plus"): 1,
                                 ("male", "50_59"): 1},
        "people_by_rank": {("general", "n"): 2, ("middle", "n"): 1, ("unknown", "n"): 1,
                           ("leading", "n"): 1},
        "cases_flow": {("new", "n"): 4, ("closed", "n"): 1},
        "cases_active": {("active", "n"): 5},
        "concerns": {("workload", "n"): 2, ("sleep", "n"): 1, ("anxiety", "n"): 1,
                     ("low_mood", "n"): 1, ("career", "n"): 1},
        "case_sources": {("self", "n"): 1, ("talk", "n"): 1, ("unit", "n"): 1,
                         ("screening", "n"): 1},
        "assessments_by_scale": {("phq9", "administered"): 4, ("phq9", "positive"): 2},
        "warnings": {("raised", "n"): 2, ("handled", "n"): 1},
        "crisis": {("events", "n"): 1},
        "referrals_by_destination": {("hospital", "n"): 1},
        "referrals_by_outcome": {("accepted", "n"): 1, ("feedback", "n"): 1},
        "follow_ups": {("due", "n"): 3, ("done", "n"): 2},
        "group_work": {("sessions", "n"): 1, ("attendance", "n"): 5},
        "lectures": {("lectures", "n"): 1, ("attendance", "n"): 22},
    }  # fmt: skip
    for table, cells in month.items():
        assert _nonzero(raw, table) == cells, table
    assert set(raw.ytd) == set(ytd)
    for table, cells in ytd.items():
        assert _nonzero(raw, table, "ytd") == cells, table


def test_a_late_entry_counts_in_the_next_release_exactly_once(september: Vault) -> None:
    ids = _october(september)
    october = statistics.finalise(september.custodian, *OCT, today=RELEASE_DAY)
    with september.custodian.vault.transaction() as s:
        rows = s.execute(
            select(StatsInclusion.release_id).where(
                StatsInclusion.kind == tables.Kind.SESSION,
                StatsInclusion.record_id == ids["late"],
            )
        ).all()
        assert [r[0] for r in rows] == [october.release_id]
        # the September release itself did not change
        sept = s.scalars(select(StatsRelease).where(StatsRelease.month == 9)).one()
        assert sept.id != october.release_id
    # November: nothing of September or October is counted again
    raw = _compute(september.custodian, NOV, first=False)
    assert _nonzero(raw, "services_by_kind") == {}
    assert _nonzero(raw, "cases_flow") == {}
    assert _nonzero(raw, "warnings") == {}
    assert _nonzero(raw, "referrals_by_outcome") == {}
    # ... but the year to date carries on from the published months
    assert _nonzero(raw, "services_by_kind", "ytd") == {
        ("intake", "n"): 2,
        ("individual", "n"): 5,
        ("talk", "n"): 1,
        ("sandplay", "n"): 1,
    }
    # a late entry dated before the first released month never counts
    insert_session(september.lin, september.case3, date(2026, 8, 30))
    raw = _compute(september.custodian, NOV, first=False)
    assert _nonzero(raw, "services_by_kind") == {}


def test_deleted_records_are_not_counted(september: Vault) -> None:
    """Deleting the group session and the anonymous client's case takes them out of a
    month not yet released (the deleted case, session, lecture and assessment of the
    fixture are already out of ``test_september``'s figures)."""
    lin = september.lin
    programme_sessions = groups.list_programmes(lin)
    view = groups.programme_view(lin, programme_sessions[0].id)
    groups.delete_group_session(lin, view.sessions[0].id)
    cases.delete_case(september.custodian, september.case3)
    raw = _compute(september.custodian, SEPT, first=True)
    assert _nonzero(raw, "group_work") == {}
    assert _nonzero(raw, "services_by_kind") == {
        ("intake", "n"): 1,
        ("individual", "n"): 2,
        ("talk", "n"): 1,
        ("sandplay", "n"): 1,
    }
    # c5 attended only the deleted group session; c3's case is deleted
    assert _nonzero(raw, "people_by_rank") == {("general", "n"): 1, ("middle", "n"): 1}
    assert _nonzero(raw, "cases_active") == {("active", "n"): 2}
    assert _nonzero(raw, "risk_levels") == {("high", "n"): 1}


def test_a_reopened_and_closed_again_case_is_a_second_closure(september: Vault) -> None:
    statistics.finalise(september.custodian, *SEPT, today=RELEASE_DAY)
    lin = september.lin
    cases.reopen_case(lin, september.case2, "再次来访。")
    cases.close_case(lin, september.case2, "再次结案。", closed_on=date(2026, 10, 20))
    raw = _compute(september.custodian, OCT, first=False)
    assert _nonzero(raw, "cases_flow") == {("closed", "n"): 1}
    assert _nonzero(raw, "cases_flow", "ytd") == {("new", "n"): 2, ("closed", "n"): 2}


def test_people_tables_share_their_population_and_margins_add_up(september: Vault) -> None:
    raw = _compute(september.custodian, SEPT, first=True)
    cells = complete_cells(tables.SPECS, raw)
    totals = {
        (key.scope, key.cell.table): value
        for key, value in cells.items()
        if key.cell.table in ("people_by_gender_age", "people_by_rank")
        and key.cell.row == TOTAL
        and key.cell.col in (TOTAL, "n")
    }
    assert set(totals.values()) == {4}
    with september.custodian.vault.transaction() as s:
        _raw, inclusions = tables.compute(s, SEPT, True)
        assert s.scalar(select(func.count()).select_from(StatsInclusion)) == 0  # reads only
    kinds = {kind for kind, _ in inclusions}
    assert {tables.Kind.SESSION, tables.Kind.CASE_OPENED, tables.Kind.WARNING_RAISED} <= kinds
    assert "y2026:pga:unknown|unknown" in kinds  # the anonymous client, frozen for 2026


def test_what_a_release_counted_stays_in_the_year_to_date(september: Vault) -> None:
    """A case deleted after its month was released leaves the later months, but not the
    year to date, which must agree with what was published."""
    statistics.finalise(september.custodian, *SEPT, today=RELEASE_DAY)
    cases.delete_case(september.custodian, september.case2)
    raw = _compute(september.custodian, OCT, first=False)
    assert _nonzero(raw, "cases_active") == {("active", "n"): 2}  # case1, case3
    assert _nonzero(raw, "cases_active", "ytd") == {("active", "n"): 3}
    assert _nonzero(raw, "concerns", "ytd")[("anxiety", "n")] == 1
    assert sum(raw.ytd["people_by_rank"].values()) == 4
    assert _nonzero(raw, "cases_flow", "ytd") == {("new", "n"): 2, ("closed", "n"): 1}


def test_a_new_year_starts_its_year_to_date_afresh(september: Vault) -> None:
    statistics.finalise(september.custodian, *SEPT, today=RELEASE_DAY)
    raw = _compute(september.custodian, (2027, 1), first=False)
    for spec in tables.SPECS:
        if spec.ytd is not YearToDate.NONE:
            assert raw.ytd[spec.id] == raw.month[spec.id], spec.id
