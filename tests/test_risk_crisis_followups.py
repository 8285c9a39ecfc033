"""Risk levels, crisis events and follow-ups."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from station.errors import PermissionDenied, ValidationError
from station.models import Case, CrisisEvent, FollowUp, RiskChange, ServiceSession
from station.models.vocab import CrisisAction, FollowUpMethod, RiskLevel, ServiceKind
from station.services import access, cases, followups, risk
from station.services.context import SignedIn
from station.services.views import CrisisView, TimelineKind
from tests.records_fixtures import new_client_case

TODAY = date.today()


@pytest.fixture
def case_id(lin: SignedIn) -> int:
    return new_client_case(lin, opened_on=TODAY - timedelta(days=60))[1]


def changes(ctx: SignedIn, case_id: int) -> list[tuple[str, str, str]]:
    with ctx.vault.transaction() as s:
        return [
            (c.from_level, c.to_level, c.reason)
            for c in s.scalars(
                select(RiskChange).where(RiskChange.case_id == case_id).order_by(RiskChange.id)
            )
        ]


def level(ctx: SignedIn, case_id: int) -> RiskLevel:
    return cases.case_view(ctx, case_id).risk_level


# -- risk ------------------------------------------------------------------------
def test_raising_needs_no_reason_lowering_from_high_does(lin: SignedIn, case_id: int) -> None:
    risk.set_risk(lin, case_id, RiskLevel.MEDIUM)
    risk.set_risk(lin, case_id, RiskLevel.LOW)  # lowering from medium: no reason needed
    risk.set_risk(lin, case_id, RiskLevel.IMMINENT, "当面表达轻生计划")
    for lower in (RiskLevel.HIGH, RiskLevel.NONE):
        with pytest.raises(ValidationError) as exc:
            risk.set_risk(lin, case_id, lower, "   ")
        assert exc.value.field == "reason"
    assert level(lin, case_id) is RiskLevel.IMMINENT
    risk.set_risk(lin, case_id, RiskLevel.HIGH, "已住院观察")
    with pytest.raises(ValidationError) as exc:
        risk.set_risk(lin, case_id, RiskLevel.MEDIUM)
    assert exc.value.field == "reason"
    risk.set_risk(lin, case_id, RiskLevel.MEDIUM, "出院后复评风险下降")
    with pytest.raises(ValidationError) as exc:
        risk.set_risk(lin, case_id, RiskLevel.MEDIUM, "没有变化")
    assert exc.value.field == "risk_level"
    with pytest.raises(ValidationError) as exc:
        risk.set_risk(lin, case_id, "severe")
    assert exc.value.field == "risk_level"
    assert changes(lin, case_id) == [
        ("none", "medium", ""),
        ("medium", "low", ""),
        ("low", "imminent", "当面表达轻生计划"),
        ("imminent", "high", "已住院观察"),
        ("high", "medium", "出院后复评风险下降"),
    ]


def test_initial_risk_at_intake_is_a_change_too(lin: SignedIn) -> None:
    _, case_id = new_client_case(lin, risk_level=RiskLevel.HIGH, risk_reason="初访评估")
    assert level(lin, case_id) is RiskLevel.HIGH
    assert changes(lin, case_id) == [("none", "high", "初访评估")]


def test_session_risk_applies_inside_the_callers_transaction(lin: SignedIn, case_id: int) -> None:
    risk.set_risk(lin, case_id, RiskLevel.HIGH)

    def session_row(observation: str) -> ServiceSession:
        return ServiceSession(
            case_id=case_id,
            kind=ServiceKind.INDIVIDUAL.value,
            held_on=TODAY,
            counsellor_id=lin.user_id,
            created_by=lin.user_id,
            risk_level=RiskLevel.LOW.value,
            observation=observation,
        )

    # no reason and no observation: nothing of the transaction is kept
    with pytest.raises(ValidationError) as exc, lin.vault.transaction() as s:
        case = access.get_case_for_work(s, lin, case_id)
        row = session_row("")
        s.add(row)
        s.flush()
        risk.apply_session_risk(row, lin, case, RiskLevel.LOW)
    assert exc.value.field == "observation"
    with lin.vault.transaction() as s:
        assert s.scalars(select(ServiceSession)).all() == []
    # the session's observation is the documented reason
    with lin.vault.transaction() as s:
        case = access.get_case_for_work(s, lin, case_id)
        row = session_row("情绪平稳，否认轻生想法")
        s.add(row)
        s.flush()
        assert risk.apply_session_risk(row, lin, case, RiskLevel.LOW) is not None
        assert risk.apply_session_risk(s, lin, case, RiskLevel.LOW) is None  # unchanged
    assert level(lin, case_id) is RiskLevel.LOW
    assert changes(lin, case_id)[-1] == ("high", "low", f"依据 {TODAY:%Y-%m-%d} 的服务记录评估")
    # with the database session and an explicit reason
    with lin.vault.transaction() as s:
        case = access.get_case_for_work(s, lin, case_id)
        risk.apply_session_risk(s, lin, case, RiskLevel.MEDIUM, "会谈中情绪波动")
    assert changes(lin, case_id)[-1] == ("low", "medium", "会谈中情绪波动")


# -- crisis ----------------------------------------------------------------------
def test_crisis_raises_risk_to_at_least_high(lin: SignedIn, case_id: int) -> None:
    first = risk.record_crisis(
        lin,
        case_id,
        risk.CrisisInput(
            TODAY,
            "深夜来电称想结束生命",
            (CrisisAction.HOSPITAL, CrisisAction.FAMILY_NOTIFIED, CrisisAction.HOSPITAL),
            "家属 24 小时陪护",
        ),
    )
    assert level(lin, case_id) is RiskLevel.HIGH
    assert changes(lin, case_id) == [("none", "high", "危机事件")]
    risk.set_risk(lin, case_id, RiskLevel.IMMINENT, "再次表达计划")
    risk.record_crisis(lin, case_id, risk.CrisisInput(TODAY, "再次来电", ()))
    assert level(lin, case_id) is RiskLevel.IMMINENT  # never lowered by a crisis
    with pytest.raises(ValidationError) as exc:
        risk.record_crisis(
            lin, case_id, risk.CrisisInput(TODAY, "情况缓和", (), risk_level=RiskLevel.MEDIUM)
        )
    assert exc.value.field == "risk_reason"
    risk.record_crisis(
        lin,
        case_id,
        risk.CrisisInput(
            TODAY, "情况缓和", (), risk_level=RiskLevel.MEDIUM, risk_reason="专家会诊后评估"
        ),
    )
    assert level(lin, case_id) is RiskLevel.MEDIUM
    (item,) = [
        i
        for i in cases.timeline(lin, case_id)
        if i.kind is TimelineKind.CRISIS and i.item_id == first
    ]
    assert isinstance(item.detail, CrisisView)
    assert item.detail.actions == (CrisisAction.FAMILY_NOTIFIED, CrisisAction.HOSPITAL)
    assert item.detail.safety_plan == "家属 24 小时陪护"


def test_crisis_validation_and_edit(lin: SignedIn, case_id: int) -> None:
    for data, field in (
        (risk.CrisisInput(TODAY, "  "), "description"),
        (risk.CrisisInput(None, "事件"), "occurred_on"),
        (risk.CrisisInput(TODAY + timedelta(days=1), "事件"), "occurred_on"),
        (risk.CrisisInput(TODAY - timedelta(days=61), "事件"), "occurred_on"),  # before opening
        (risk.CrisisInput(TODAY, "事件", ("call_mum",)), "actions"),  # type: ignore[arg-type]
    ):
        with pytest.raises(ValidationError) as exc:
            risk.record_crisis(lin, case_id, data)
        assert exc.value.field == field
    with lin.vault.transaction() as s:
        assert s.scalars(select(CrisisEvent)).all() == []
        assert s.get(Case, case_id).risk_level == "none"  # type: ignore[union-attr]
    crisis_id = risk.record_crisis(lin, case_id, risk.CrisisInput(TODAY, "事件", ()))
    risk.update_crisis(
        lin,
        crisis_id,
        risk.CrisisInput(TODAY - timedelta(days=1), "事件经过补充", (CrisisAction.EXPERT,), "计划"),
    )
    with lin.vault.transaction() as s:
        row = s.get(CrisisEvent, crisis_id)
        assert row is not None
        assert (row.occurred_on, row.description, row.actions, row.safety_plan) == (
            TODAY - timedelta(days=1),
            "事件经过补充",
            "expert",
            "计划",
        )


# -- follow-ups --------------------------------------------------------------------
def test_follow_up_planned_rescheduled_and_completed_with_the_next(
    lin: SignedIn, case_id: int
) -> None:
    with pytest.raises(ValidationError) as exc:
        followups.plan_follow_up(lin, case_id, None, FollowUpMethod.PHONE)
    assert exc.value.field == "due_on"
    with pytest.raises(ValidationError) as exc:
        followups.plan_follow_up(lin, case_id, TODAY, "pigeon")
    assert exc.value.field == "method"
    fid = followups.plan_follow_up(lin, case_id, TODAY - timedelta(days=3), FollowUpMethod.PHONE)
    assert [f.id for f in followups.overdue_follow_ups(lin, TODAY)] == [fid]
    assert followups.overdue_follow_ups(lin, TODAY - timedelta(days=3)) == []  # due today
    followups.reschedule_follow_up(lin, fid, TODAY + timedelta(days=1), FollowUpMethod.VISIT)
    assert followups.overdue_follow_ups(lin, TODAY) == []

    with pytest.raises(ValidationError) as exc:
        followups.complete_follow_up(lin, fid, TODAY, "")
    assert exc.value.field == "outcome"
    with pytest.raises(ValidationError) as exc:
        followups.complete_follow_up(lin, fid, TODAY + timedelta(days=1), "结果")
    assert exc.value.field == "done_on"
    with pytest.raises(ValidationError) as exc:
        followups.complete_follow_up(lin, fid, TODAY, "结果", next_due_on=TODAY)
    assert exc.value.field == "next_due_on"
    nxt = followups.complete_follow_up(
        lin, fid, TODAY, "睡眠改善，工作状态恢复", next_due_on=TODAY + timedelta(days=30)
    )
    assert nxt is not None
    with pytest.raises(ValidationError):
        followups.complete_follow_up(lin, fid, TODAY, "再次")
    with pytest.raises(ValidationError):
        followups.reschedule_follow_up(lin, fid, TODAY, FollowUpMethod.PHONE)
    with lin.vault.transaction() as s:
        done = s.get(FollowUp, fid)
        following = s.get(FollowUp, nxt)
        assert done is not None and following is not None
        assert (done.done_on, done.outcome, done.next_due_on) == (
            TODAY,
            "睡眠改善，工作状态恢复",
            TODAY + timedelta(days=30),
        )
        assert (following.due_on, following.method, following.done_on) == (
            TODAY + timedelta(days=30),
            "visit",
            None,
        )
    assert followups.complete_follow_up(lin, nxt, TODAY, "最后一次回访") is None
    assert followups.overdue_follow_ups(lin, TODAY + timedelta(days=60)) == []


def test_follow_ups_go_on_after_closing_but_not_for_the_custodian(
    custodian: SignedIn, lin: SignedIn, case_id: int
) -> None:
    cases.close_case(lin, case_id, "结案小结")
    fid = followups.plan_follow_up(lin, case_id, TODAY + timedelta(days=90), FollowUpMethod.PHONE)
    with pytest.raises(PermissionDenied):
        followups.complete_follow_up(custodian, fid, TODAY, "结果")
    overdue = followups.overdue_follow_ups(custodian, TODAY + timedelta(days=91))
    assert [(f.id, f.case_code) for f in overdue] == [(fid, cases.case_view(lin, case_id).code)]
