"""Batch screening (团体测评): 200 synthetic cadres counted against an independent count,
who may see a screening's people, and the rules of entering them."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from datetime import date, timedelta
from fractions import Fraction

import pytest
from sqlalchemy import select

from station.errors import PermissionDenied, StationError, ValidationError
from station.models import AuditEntry
from station.models.vocab import AssessmentMode, Gender, WarningResponse
from station.services import access, assessments, screenings
from station.services.context import SignedIn
from station.services.screenings import ScreeningInput
from tests.records_fixtures import new_client_case

PEOPLE = 200
PHQ_BANDS = (0, 5, 10, 15, 20)  # Kroenke 2001, as the issue gives them
GAD_BANDS = (0, 5, 10, 15)  # Spitzer 2006


def _screening(ctx: SignedIn, *scales: str, by_name: bool = False, **extra: object) -> int:
    data = ScreeningInput(
        title="2026 年度心理体检",
        held_on=date.today(),
        scale_ids=scales or ("phq9", "gad7"),
        by_name=by_name,
        unit="某街道办事处",
        **extra,  # type: ignore[arg-type]
    )
    return screenings.create_screening(ctx, data)


def _actions(ctx: SignedIn) -> list[str]:
    with ctx.vault.transaction() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


# -- the independent count: the cut-offs written out by hand ------------------------
def _total(answers: Sequence[int | None], max_missing: int = 2) -> int | None:
    """PHQ / GAD rule: up to two unanswered items are prorated (mean × items, rounded half
    up); more leave no total."""
    given = [a for a in answers if a is not None]
    if len(answers) - len(given) > max_missing:
        return None
    if len(given) == len(answers):
        return sum(given)
    return math.floor(Fraction(sum(given), len(given)) * len(answers) + Fraction(1, 2))


def _band(total: int | None, starts: Sequence[int]) -> int | None:
    if total is None:
        return None
    return max(i for i, start in enumerate(starts) if total >= start)


def _answers(rng: random.Random, n: int, strain: float) -> list[int | None]:
    """One synthetic form: answers lean higher with ``strain``; a few items left blank."""
    while True:
        out: list[int | None] = []
        for _ in range(n):
            if rng.random() < 0.04:
                out.append(None)
            else:
                out.append(min(3, max(0, round(rng.gauss(strain * 3, 0.9)))))
        if any(a is not None for a in out):
            return out


def test_batch_of_200_cadres_matches_an_independent_count(lin: SignedIn) -> None:
    sid = _screening(lin, "phq9", "gad7")
    rng = random.Random(20260917)
    forms: list[tuple[list[int | None], list[int | None]]] = []
    for n in range(PEOPLE):
        pid = screenings.add_participant(lin, sid, gender=rng.choice(list(Gender)))
        strain = rng.betavariate(1.6, 3.5)
        phq, gad = _answers(rng, 9, strain), _answers(rng, 7, strain)
        if n % 23 == 0:  # now and then item 9 alone: positive whatever the total
            phq = [0, 0, 1, 0, 0, 0, 0, 0, 1]
        forms.append((phq, gad))
        screenings.record_result(lin, pid, "phq9", phq)
        screenings.record_result(lin, pid, "gad7", gad, AssessmentMode.SELF)

    phq_totals = [_total(phq) for phq, _ in forms]
    gad_totals = [_total(gad) for _, gad in forms]
    phq_positive = [
        (t is not None and t >= 10) or (phq[8] is not None and phq[8] > 0)
        for t, (phq, _) in zip(phq_totals, forms, strict=True)
    ]
    gad_positive = [t is not None and t >= 10 for t in gad_totals]
    # One warning per rule target that fired: PHQ-9 total, PHQ-9 item 9, GAD-7 total.
    warnings = sum(
        (pt is not None and pt >= 10)
        + (phq[8] is not None and phq[8] > 0)
        + (gt is not None and gt >= 10)
        for pt, gt, (phq, _) in zip(phq_totals, gad_totals, forms, strict=True)
    )
    # the sample is worth testing on: positives, blanks and untotalled forms all occur
    assert 20 <= sum(phq_positive) <= 150 and 10 <= sum(gad_positive) <= 150
    assert any(t is None for t in phq_totals + gad_totals)
    assert any(None in phq and t is not None for t, (phq, _) in zip(phq_totals, forms, strict=True))

    report = screenings.screening_report(lin, sid)
    assert report.people == PEOPLE
    phq_summary, gad_summary = report.scales
    assert (phq_summary.scale_id, gad_summary.scale_id) == ("phq9", "gad7")
    for summary, totals, positive, starts in (
        (phq_summary, phq_totals, phq_positive, PHQ_BANDS),
        (gad_summary, gad_totals, gad_positive, GAD_BANDS),
    ):
        assert summary.administered == PEOPLE
        assert summary.scored == sum(t is not None for t in totals)
        assert summary.positive == sum(positive)
        assert summary.positive_rate == pytest.approx(sum(positive) / PEOPLE)
        expected_bands = [0] * len(starts)
        for t in totals:
            band = _band(t, starts)
            if band is not None:
                expected_bands[band] += 1
        assert [count for _label, count in summary.bands] == expected_bands
        assert sum(expected_bands) == summary.scored
    assert [label for label, _ in phq_summary.bands] == [
        "无或极轻微抑郁症状",
        "轻度",
        "中度",
        "中重度",
        "重度",
    ]

    either = sum(p or g for p, g in zip(phq_positive, gad_positive, strict=True))
    brief = report.brief
    assert (brief.participants, brief.positive_people, brief.open_warnings) == (
        PEOPLE,
        either,
        warnings,
    )
    assert next(b for b in screenings.list_screenings(lin) if b.id == sid) == brief

    # per person, the view agrees with the hand count too
    view = screenings.screening_view(lin, sid)
    assert [p.code for p in view.participants] == [f"{n:03d}" for n in range(1, PEOPLE + 1)]
    for person, phq_t, phq_pos, gad_pos in zip(
        view.participants, phq_totals, phq_positive, gad_positive, strict=True
    ):
        assert person.results["phq9"].total == phq_t
        assert person.results["phq9"].positive is phq_pos
        assert person.results["gad7"].positive is gad_pos
        assert person.name == ""

    follow_up = screenings.follow_up_list(lin, sid)
    assert len(follow_up) == warnings
    ranks = [w.level.rank for w in follow_up]
    assert ranks == sorted(ranks, reverse=True)  # all open: most severe first


# -- who sees what ------------------------------------------------------------------------
def test_another_counsellor_cannot_see_the_people(lin: SignedIn, zhou: SignedIn) -> None:
    sid = _screening(lin, "phq9")
    pid = screenings.add_participant(lin, sid)
    screenings.record_result(lin, pid, "phq9", [1] * 9)
    assert [b.id for b in screenings.list_screenings(lin)] == [sid]
    assert screenings.list_screenings(zhou) == []
    for attempt in (
        lambda: screenings.screening_view(zhou, sid),
        lambda: screenings.follow_up_list(zhou, sid),
        lambda: screenings.screening_report(zhou, sid),
        lambda: screenings.add_participant(zhou, sid),
        lambda: screenings.record_result(zhou, pid, "phq9", [0] * 9),
    ):
        with pytest.raises(access.NotFound):
            attempt()
    warning = screenings.follow_up_list(lin, sid)[0]
    with pytest.raises(access.NotFound):
        assessments.respond_to_warning(zhou, warning.id, WarningResponse.CONTACTED)


def test_responsible_counsellor_sees_what_the_custodian_created(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn
) -> None:
    with pytest.raises(ValidationError) as missing:
        _screening(custodian, "gad7")  # the custodian names who is responsible
    assert missing.value.field == "counsellor_id"
    sid = _screening(custodian, "gad7", counsellor_id=lin.user_id)
    assert [b.id for b in screenings.list_screenings(lin)] == [sid]
    assert screenings.list_screenings(zhou) == []
    assert screenings.list_screenings(custodian)[0].counsellor == "林咨询"


def test_the_lead_gets_the_report_but_not_the_people(lin: SignedIn, lead: SignedIn) -> None:
    sid = _screening(lin, "phq9", by_name=True)
    pid = screenings.add_participant(lin, sid, "张明远", Gender.MALE)
    screenings.record_result(lin, pid, "phq9", [2] * 9)
    assert [b.id for b in screenings.list_screenings(lead)] == [sid]
    report = screenings.screening_report(lead, sid)
    assert (report.people, report.scales[0].positive) == (1, 1)
    assert "张明远" not in repr(report)
    for attempt in (
        lambda: screenings.screening_view(lead, sid),
        lambda: screenings.follow_up_list(lead, sid),
        lambda: screenings.add_participant(lead, sid, "李四"),
        lambda: screenings.record_result(lead, pid, "phq9", [0] * 9),
        lambda: screenings.create_screening(lead, ScreeningInput("测评", date.today(), ("phq9",))),
    ):
        with pytest.raises(PermissionDenied):
            attempt()


# -- entering people and results -----------------------------------------------------------
def test_a_second_result_for_the_same_scale_is_refused(lin: SignedIn) -> None:
    sid = _screening(lin, "phq9", "gad7")
    pid = screenings.add_participant(lin, sid)
    screenings.record_result(lin, pid, "phq9", [0, 1, 2, 3, 0, 1, 2, 3, 0])
    with pytest.raises(StationError, match="already has a result"):
        screenings.record_result(lin, pid, "phq9", [0] * 9)
    with pytest.raises(ValidationError) as other:
        screenings.record_result(lin, pid, "who5", [3] * 5)  # not in this screening
    assert other.value.field == "scale_id"
    (person,) = screenings.screening_view(lin, sid).participants
    assert person.results["phq9"].total == 12
    assert "gad7" not in person.results


def test_a_screening_by_name_needs_the_name(lin: SignedIn) -> None:
    by_name = _screening(lin, "phq9", by_name=True)
    with pytest.raises(ValidationError) as missing:
        screenings.add_participant(lin, by_name, "  ")
    assert missing.value.field == "name"
    screenings.add_participant(lin, by_name, "王芳", Gender.FEMALE)
    by_code = _screening(lin, "phq9")
    screenings.add_participant(lin, by_code, "不该保存的姓名")  # a code-only screening keeps none
    assert [p.name for p in screenings.screening_view(lin, by_name).participants] == ["王芳"]
    assert [p.name for p in screenings.screening_view(lin, by_code).participants] == [""]


def test_codes_are_numbered_and_unique(lin: SignedIn) -> None:
    sid = _screening(lin, "phq9")
    for _ in range(3):
        screenings.add_participant(lin, sid)
    screenings.add_participant(lin, sid, code="A-17")
    with pytest.raises(ValidationError) as taken:
        screenings.add_participant(lin, sid, code="002")
    assert taken.value.field == "code"
    screenings.add_participant(lin, sid)  # four taken: the fifth number
    codes = [p.code for p in screenings.screening_view(lin, sid).participants]
    assert codes == ["001", "002", "003", "005", "A-17"]
    assert screenings.next_code(codes) == "006"
    assert screenings.next_code(["001", "003"]) == "004"
    assert screenings.next_code([]) == "001"


def test_creating_checks_title_date_and_scales(lin: SignedIn) -> None:
    cases = [
        (ScreeningInput("", date.today(), ("phq9",)), "title"),
        (ScreeningInput("测评", date.today() + timedelta(days=1), ("phq9",)), "held_on"),
        (ScreeningInput("测评", None, ("phq9",)), "held_on"),
        (ScreeningInput("测评", date.today(), ()), "scale_ids"),
        (ScreeningInput("测评", date.today(), ("nonesuch",)), "scale_ids"),
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as refused:
            screenings.create_screening(lin, data)
        assert refused.value.field == field
    assert screenings.list_screenings(lin) == []


def test_follow_up_response_and_case_link_are_audited(lin: SignedIn, zhou: SignedIn) -> None:
    sid = _screening(lin, "phq9")
    pid = screenings.add_participant(lin, sid)
    recorded = screenings.record_result(lin, pid, "phq9", [2, 2, 2, 2, 2, 0, 0, 0, 1])
    assert recorded.crisis and recorded.result.total == 11
    open_items = screenings.follow_up_list(lin, sid)
    assert [w.level.value for w in open_items] == ["critical", "warn"]
    assessments.respond_to_warning(lin, open_items[1].id, WarningResponse.CONTACTED, "已电话联系")
    after = screenings.follow_up_list(lin, sid)
    assert [(w.id, w.open) for w in after] == [(open_items[0].id, True), (open_items[1].id, False)]
    assert screenings.list_screenings(lin)[0].open_warnings == 1

    _client, case_id = new_client_case(lin)
    with pytest.raises(access.NotFound):
        screenings.link_case(zhou, pid, case_id)  # not zhou's screening
    screenings.link_case(lin, pid, case_id)
    (person,) = screenings.screening_view(lin, sid).participants
    assert person.case_id == case_id
    _other_client, other_case = new_client_case(zhou)
    with pytest.raises(access.NotFound):
        screenings.link_case(lin, pid, other_case)  # a case lin may not work on
    actions = _actions(lin)
    for expected in (
        "screening_create",
        "screening_participant_add",
        "assessment_add",
        "screening_view",
        "warning_response",
        "screening_link_case",
    ):
        assert expected in actions
