"""Referrals and the destination directory: roles, the status flow with its dates, every
invalid transition, the consent rules, audit entries, access, and the overdue list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from station.errors import PermissionDenied, ValidationError
from station.models import AuditEntry, Referral
from station.models.vocab import (
    DestinationKind,
    FormIdentity,
    ReferralConsent,
    ReferralReason,
    ReferralStatus,
    ReferralUrgency,
    RiskLevel,
    label,
)
from station.services import access, audit, cases, dashboard, referrals, risk, settings
from station.services.context import SignedIn
from station.services.destinations import (
    DestinationInput,
    add_destination,
    list_destinations,
    set_destination_active,
    update_destination,
)
from station.services.referrals import TRANSITIONS, ReferralInput
from tests.records_fixtures import new_client_case

S = ReferralStatus
TODAY = date.today()
OPENED = TODAY - timedelta(days=60)
CLIENT_NAME = "欧阳转介"
SUMMARY = "近两月持续失眠、情绪低落，已影响工作，需精神科评估是否需要药物治疗。"


def _destination(custodian: SignedIn, name: str = "市第七人民医院心理科", **kw: str) -> int:
    values: dict[str, str] = {"kind": DestinationKind.HOSPITAL, "contact": "0574-00000000 门诊三楼"}
    values.update(kw)
    return add_destination(custodian, DestinationInput(name=name, **values))


def _input(destination_id: int, **kw: object) -> ReferralInput:
    values: dict[str, object] = {
        "destination_id": destination_id,
        "reason": ReferralReason.DIAGNOSIS,
        "urgency": ReferralUrgency.SOON,
        "summary": SUMMARY,
        "consent": ReferralConsent.GIVEN,
    }
    values.update(kw)
    return ReferralInput(**values)  # type: ignore[arg-type]


@pytest.fixture
def dest(custodian: SignedIn) -> int:
    return _destination(custodian)


@pytest.fixture
def case_id(lin: SignedIn) -> int:
    _, cid = new_client_case(lin, name=CLIENT_NAME, phone="13900001111", opened_on=OPENED)
    return cid


def _actions(ctx: SignedIn, kind: str, object_id: int | str) -> list[tuple[str, str]]:
    with ctx.vault.transaction() as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_kind == kind, AuditEntry.object_id == str(object_id))
            .order_by(AuditEntry.seq)
        ).all()
        return [(r.action, r.detail) for r in rows]


def _all_details(ctx: SignedIn) -> str:
    with ctx.vault.transaction() as s:
        return "\n".join(f"{r.object_id} {r.detail}" for r in s.scalars(select(AuditEntry)).all())


# -- the directory -----------------------------------------------------------------
def test_directory_is_managed_by_the_custodian(
    custodian: SignedIn, lin: SignedIn, lead: SignedIn
) -> None:
    hospital = _destination(custodian)
    expert = _destination(
        custodian, "张教授（精神科主任医师）", kind=DestinationKind.EXPERT, specialties="抑郁、睡眠"
    )
    with pytest.raises(PermissionDenied):
        add_destination(lin, DestinationInput("某心理门诊", DestinationKind.CLINIC))
    with pytest.raises(PermissionDenied):
        update_destination(lin, hospital, DestinationInput("改名", DestinationKind.CLINIC))
    with pytest.raises(PermissionDenied):
        set_destination_active(lin, hospital, False)
    with pytest.raises(PermissionDenied):
        list_destinations(lead)

    with pytest.raises(ValidationError) as dup:
        add_destination(custodian, DestinationInput(" 市第七人民医院心理科 ", "hospital"))
    assert dup.value.field == "name" and "同名" in dup.value.zh
    with pytest.raises(ValidationError) as empty:
        add_destination(custodian, DestinationInput("  ", DestinationKind.HOTLINE))
    assert empty.value.field == "name"
    with pytest.raises(ValidationError) as kind:
        add_destination(custodian, DestinationInput("热线", "radio"))
    assert kind.value.field == "kind"

    update_destination(
        custodian,
        hospital,
        DestinationInput(
            "市第七人民医院心理科", DestinationKind.HOSPITAL, "0574-11111111", notes="周三专家门诊"
        ),
    )
    listed = {d.id: d for d in list_destinations(lin)}
    assert set(listed) == {hospital, expert}
    assert listed[hospital].contact == "0574-11111111"
    assert listed[hospital].notes == "周三专家门诊"
    assert listed[expert].kind is DestinationKind.EXPERT
    assert listed[expert].specialties == "抑郁、睡眠"
    assert all(d.active and d.referral_count == 0 for d in listed.values())

    set_destination_active(custodian, expert, False)
    set_destination_active(custodian, expert, False)  # no change, nothing written
    assert [d.id for d in list_destinations(lin)] == [hospital]
    inactive = [d for d in list_destinations(custodian, include_inactive=True) if not d.active]
    assert [d.id for d in inactive] == [expert]
    set_destination_active(custodian, expert, True)
    assert len(list_destinations(lin)) == 2

    assert [a for a, _ in _actions(custodian, "destination", hospital)] == [
        "destination_add",
        "destination_update",
    ]
    assert _actions(custodian, "destination", hospital)[1][1] == "contact,notes"
    assert [a for a, _ in _actions(custodian, "destination", expert)] == [
        "destination_add",
        "destination_deactivate",
        "destination_reactivate",
    ]
    details = _all_details(custodian)
    assert "张教授" not in details and "第七人民医院" not in details
    for action in ("destination_add", "referral_send", "form_print", "form_save"):
        assert action in audit.ACTION_LABELS


def test_inactive_destination_cannot_be_chosen(
    custodian: SignedIn, lin: SignedIn, dest: int, case_id: int
) -> None:
    set_destination_active(custodian, dest, False)
    with pytest.raises(ValidationError) as refused:
        referrals.create_referral(lin, case_id, _input(dest))
    assert refused.value.field == "destination_id" and "停用" in refused.value.zh
    set_destination_active(custodian, dest, True)
    rid = referrals.create_referral(lin, case_id, _input(dest))
    set_destination_active(custodian, dest, False)
    with pytest.raises(ValidationError):  # a draft is not sent to a retired destination
        referrals.send(lin, rid)
    view = referrals.referral_view(lin, rid)
    assert view.destination.id == dest and not view.destination.active


# -- the status flow ----------------------------------------------------------------
def test_full_flow_with_dates_steps_and_audit(
    custodian: SignedIn, lin: SignedIn, dest: int, case_id: int
) -> None:
    risk.set_risk(lin, case_id, RiskLevel.MEDIUM, "睡眠差")
    rid = referrals.create_referral(lin, case_id, _input(dest))
    draft = referrals.referral_view(lin, rid)
    assert draft.number == f"ZJ{TODAY.year}-0001"
    assert draft.status is S.DRAFT and draft.can_edit
    assert draft.risk_level is RiskLevel.MEDIUM
    assert draft.allowed_next == (S.SENT,)
    assert draft.case_code == cases.case_view(lin, case_id).code
    assert draft.identity_on_form is FormIdentity.CODE

    risk.set_risk(lin, case_id, RiskLevel.HIGH, "情绪恶化")  # sending copies the level again
    d_sent, d_answer, d_feedback, d_closed = (TODAY - timedelta(days=n) for n in (30, 25, 10, 0))
    referrals.send(lin, rid, d_sent)
    referrals.record_answer(lin, rid, True, d_answer, note="已预约门诊")
    referrals.record_feedback(lin, rid, "已就诊，诊断为睡眠障碍，开始药物治疗。", d_feedback)
    referrals.close(lin, rid, d_closed)

    view = referrals.referral_view(lin, rid)
    assert view.status is S.CLOSED and not view.can_edit and view.allowed_next == ()
    assert view.risk_level is RiskLevel.HIGH
    assert (view.sent_on, view.answered_on, view.feedback_on, view.closed_on) == (
        d_sent,
        d_answer,
        d_feedback,
        d_closed,
    )
    assert view.feedback.startswith("已就诊")
    assert [(st.from_status, st.to_status, st.on) for st in view.steps] == [
        (S.DRAFT, S.SENT, d_sent),
        (S.SENT, S.ACCEPTED, d_answer),
        (S.ACCEPTED, S.FEEDBACK, d_feedback),
        (S.FEEDBACK, S.CLOSED, d_closed),
    ]
    assert view.steps[1].note == "已预约门诊"
    assert all(st.by.display_name == "林咨询" for st in view.steps)

    actions = _actions(custodian, "referral", rid)
    assert [a for a, _ in actions if a != "referral_view"] == [
        "referral_create",
        "referral_send",
        "referral_accept",
        "referral_feedback",
        "referral_close",
    ]
    assert ("referral_send", "draft>sent") in actions
    assert ("referral_close", "feedback>closed") in actions
    assert sum(a == "referral_view" for a, _ in actions) == 2
    details = _all_details(custodian)
    for secret in (CLIENT_NAME, "13900001111", "失眠", "睡眠障碍", "已预约门诊"):
        assert secret not in details

    second = referrals.create_referral(lin, case_id, _input(dest))
    assert referrals.referral_view(lin, second).number == f"ZJ{TODAY.year}-0002"
    listed = referrals.case_referrals(lin, case_id)
    assert [r.id for r in listed] == [rid, second]
    assert listed[0].destination_name == "市第七人民医院心理科"
    assert listed[0].destination_kind is DestinationKind.HOSPITAL
    assert listed[0].days_waiting(TODAY) is None  # closed
    assert list_destinations(lin)[0].referral_count == 2


def test_declined_referral_is_closed_without_reason(lin: SignedIn, dest: int, case_id: int) -> None:
    rid = referrals.create_referral(lin, case_id, _input(dest))
    referrals.send(lin, rid)
    referrals.record_answer(lin, rid, False, note="无床位")
    assert referrals.referral_view(lin, rid).allowed_next == (S.CLOSED,)
    referrals.close(lin, rid)
    view = referrals.referral_view(lin, rid)
    assert view.status is S.CLOSED and view.answered_on == TODAY and view.closed_on == TODAY


def test_closing_without_outcome_needs_a_reason(lin: SignedIn, dest: int, case_id: int) -> None:
    sent = referrals.create_referral(lin, case_id, _input(dest))
    referrals.send(lin, sent)
    with pytest.raises(ValidationError) as why:
        referrals.close(lin, sent)
    assert why.value.field == "note" and "已发出" in why.value.zh
    referrals.close(lin, sent, note="来访者未前往，联系不上接收方")
    assert referrals.referral_view(lin, sent).status is S.CLOSED

    accepted = referrals.create_referral(lin, case_id, _input(dest))
    referrals.send(lin, accepted)
    referrals.record_answer(lin, accepted, True)
    with pytest.raises(ValidationError):
        referrals.close(lin, accepted, note="   ")
    referrals.close(lin, accepted, note="接收方不再反馈，本站回访确认已完成治疗")
    steps = referrals.referral_view(lin, accepted).steps
    assert steps[-1].note.startswith("接收方不再反馈")


def _drive(ctx: SignedIn, rid: int, path: list[ReferralStatus]) -> None:
    for status in path:
        _move(ctx, rid, status)


def _move(ctx: SignedIn, rid: int, target: ReferralStatus) -> None:
    moves: dict[ReferralStatus, Callable[[], None]] = {
        S.SENT: lambda: referrals.send(ctx, rid),
        S.ACCEPTED: lambda: referrals.record_answer(ctx, rid, True),
        S.DECLINED: lambda: referrals.record_answer(ctx, rid, False),
        S.FEEDBACK: lambda: referrals.record_feedback(ctx, rid, "接收方已反馈"),
        S.CLOSED: lambda: referrals.close(ctx, rid, note="结束转介的理由"),
    }
    moves[target]()


PATHS: dict[ReferralStatus, list[ReferralStatus]] = {
    S.DRAFT: [],
    S.SENT: [S.SENT],
    S.ACCEPTED: [S.SENT, S.ACCEPTED],
    S.DECLINED: [S.SENT, S.DECLINED],
    S.FEEDBACK: [S.SENT, S.ACCEPTED, S.FEEDBACK],
    S.CLOSED: [S.SENT, S.DECLINED, S.CLOSED],
}


def test_transition_table_is_the_documented_one() -> None:
    assert {k: set(v) for k, v in TRANSITIONS.items()} == {
        S.DRAFT: {S.SENT},
        S.SENT: {S.ACCEPTED, S.DECLINED, S.CLOSED},
        S.ACCEPTED: {S.FEEDBACK, S.CLOSED},
        S.DECLINED: {S.CLOSED},
        S.FEEDBACK: {S.CLOSED},
        S.CLOSED: set(),
    }


@pytest.mark.parametrize("current", list(PATHS))
def test_every_invalid_transition_is_refused(
    custodian: SignedIn, lin: SignedIn, dest: int, case_id: int, current: ReferralStatus
) -> None:
    rid = referrals.create_referral(lin, case_id, _input(dest))
    _drive(lin, rid, PATHS[current])
    assert referrals.referral_view(lin, rid).status is current
    before = len(_actions(custodian, "referral", rid))
    refused = [t for t in S if t is not S.DRAFT and t not in TRANSITIONS[current]]
    assert refused, "every state refuses something"
    for target in refused:
        with pytest.raises(ValidationError) as err:
            _move(lin, rid, target)
        assert f"“{label(current)}”" in err.value.zh, (current, target)
        assert f"“{label(target)}”" in err.value.zh, (current, target)
        assert err.value.field == "status"
    view = referrals.referral_view(lin, rid)
    assert view.status is current and len(view.steps) == len(PATHS[current])
    written = [a for a, _ in _actions(custodian, "referral", rid)[before:]]
    assert written == ["referral_view"], "a refused step writes nothing"
    if current is S.CLOSED:
        assert "已关闭" in err.value.zh


def test_step_dates_are_checked(lin: SignedIn, dest: int, case_id: int) -> None:
    rid = referrals.create_referral(lin, case_id, _input(dest))
    with pytest.raises(ValidationError) as future:
        referrals.send(lin, rid, TODAY + timedelta(days=1))
    assert future.value.field == "on"
    with pytest.raises(ValidationError) as early:
        referrals.send(lin, rid, OPENED - timedelta(days=1))
    assert "开案日期" in early.value.zh
    referrals.send(lin, rid, TODAY - timedelta(days=5))  # a paper referral entered later
    with pytest.raises(ValidationError) as before:
        referrals.record_answer(lin, rid, True, TODAY - timedelta(days=6))
    assert before.value.field == "on" and "已发出" in before.value.zh
    referrals.record_answer(lin, rid, True, TODAY - timedelta(days=5))  # same day is fine
    assert referrals.referral_view(lin, rid).answered_on == TODAY - timedelta(days=5)


# -- drafts and consent ---------------------------------------------------------------
def test_only_drafts_are_edited_or_deleted(
    custodian: SignedIn, lin: SignedIn, dest: int, case_id: int
) -> None:
    other = _destination(custodian, "心理援助热线", kind=DestinationKind.HOTLINE)
    rid = referrals.create_referral(lin, case_id, _input(dest))
    referrals.update_referral(
        lin, rid, _input(other, urgency=ReferralUrgency.URGENT, identity_on_form="name")
    )
    view = referrals.referral_view(lin, rid)
    assert view.destination.id == other and view.urgency is ReferralUrgency.URGENT
    assert view.identity_on_form is FormIdentity.NAME
    update = [d for a, d in _actions(custodian, "referral", rid) if a == "referral_update"]
    assert update == ["destination_id,urgency,identity_on_form"]

    draft = referrals.create_referral(lin, case_id, _input(dest))
    referrals.delete_draft(lin, draft)
    with pytest.raises(access.NotFound):
        referrals.referral_view(lin, draft)
    assert [r.id for r in referrals.case_referrals(lin, case_id)] == [rid]
    assert ("referral_delete", f"case={case_id}") in _actions(custodian, "referral", draft)
    assert referrals.referral_view(
        lin, referrals.create_referral(lin, case_id, _input(dest))
    ).number.endswith("-0003"), "a deleted draft's number is not reused"

    referrals.send(lin, rid)
    with pytest.raises(ValidationError) as edit:
        referrals.update_referral(lin, rid, _input(dest))
    assert "只有草稿" in edit.value.zh
    with pytest.raises(ValidationError):
        referrals.delete_draft(lin, rid)


def test_consent_rules(lin: SignedIn, dest: int, case_id: int) -> None:
    refused = referrals.create_referral(
        lin, case_id, _input(dest, consent=ReferralConsent.REFUSED, consent_note="本人暂不愿意")
    )
    with pytest.raises(ValidationError) as no:
        referrals.send(lin, refused)
    assert "拒绝" in no.value.zh and no.value.field == "consent"
    assert referrals.referral_view(lin, refused).status is S.DRAFT

    with pytest.raises(ValidationError) as not_urgent:
        referrals.create_referral(
            lin,
            case_id,
            _input(
                dest,
                consent=ReferralConsent.EMERGENCY,
                urgency=ReferralUrgency.URGENT,
                consent_note="来访者有明确自杀计划且拒绝就医",
            ),
        )
    assert not_urgent.value.field == "consent" and "危急" in not_urgent.value.zh
    with pytest.raises(ValidationError) as short:
        referrals.create_referral(
            lin,
            case_id,
            _input(
                dest,
                consent=ReferralConsent.EMERGENCY,
                urgency=ReferralUrgency.EMERGENCY,
                consent_note="情况 紧急",
            ),
        )
    assert short.value.field == "consent_note" and "10" in short.value.zh
    emergency = referrals.create_referral(
        lin,
        case_id,
        _input(
            dest,
            consent=ReferralConsent.EMERGENCY,
            urgency=ReferralUrgency.EMERGENCY,
            consent_note="来访者有明确自杀计划且拒绝就医，家属已到场",
        ),
    )
    referrals.send(lin, emergency)
    assert referrals.referral_view(lin, emergency).status is S.SENT

    # The client changes their mind: edit the refused draft, then it can be sent.
    referrals.update_referral(lin, refused, _input(dest))
    referrals.send(lin, refused)

    with pytest.raises(ValidationError) as empty:
        referrals.create_referral(lin, case_id, _input(dest, summary="   "))
    assert empty.value.field == "summary"
    with pytest.raises(ValidationError) as long:
        referrals.create_referral(lin, case_id, _input(dest, summary="字" * 2001))
    assert long.value.field == "summary" and "2000" in long.value.zh
    referrals.create_referral(lin, case_id, _input(dest, summary="字" * 2000))
    with pytest.raises(ValidationError) as bad:
        referrals.create_referral(lin, case_id, _input(dest, urgency="tomorrow"))
    assert bad.value.field == "urgency"


def test_anonymous_client_is_never_named_on_a_form(lin: SignedIn, dest: int) -> None:
    _, cid = new_client_case(lin, anonymous=True)
    with pytest.raises(ValidationError) as err:
        referrals.create_referral(lin, cid, _input(dest, identity_on_form=FormIdentity.NAME))
    assert err.value.field == "identity_on_form"
    rid = referrals.create_referral(lin, cid, _input(dest))
    with pytest.raises(ValidationError):
        referrals.update_referral(lin, rid, _input(dest, identity_on_form="name"))


def test_closed_case_takes_no_new_referral_but_old_ones_move_on(
    lin: SignedIn, dest: int, case_id: int
) -> None:
    rid = referrals.create_referral(lin, case_id, _input(dest))
    referrals.send(lin, rid)
    cases.close_case(lin, case_id, "服务结束，已转介医院", TODAY)
    with pytest.raises(ValidationError) as err:
        referrals.create_referral(lin, case_id, _input(dest))
    assert "结案" in err.value.zh
    referrals.record_answer(lin, rid, True)
    assert referrals.referral_view(lin, rid).status is S.ACCEPTED


# -- access ------------------------------------------------------------------------
def test_access(
    custodian: SignedIn,
    lin: SignedIn,
    zhou: SignedIn,
    lead: SignedIn,
    dest: int,
    case_id: int,
) -> None:
    rid = referrals.create_referral(lin, case_id, _input(dest))
    for attempt in (
        lambda: referrals.referral_view(zhou, rid),
        lambda: referrals.case_referrals(zhou, case_id),
        lambda: referrals.send(zhou, rid),
        lambda: referrals.update_referral(zhou, rid, _input(dest)),
        lambda: referrals.delete_draft(zhou, rid),
        lambda: referrals.create_referral(zhou, case_id, _input(dest)),
    ):
        with pytest.raises(access.NotFound):
            attempt()
    assert list_destinations(zhou)[0].referral_count == 0  # counts only what one may see

    for attempt in (
        lambda: referrals.referral_view(lead, rid),
        lambda: referrals.case_referrals(lead, case_id),
        lambda: referrals.send(lead, rid),
        lambda: referrals.overdue_referrals(lead),
    ):
        with pytest.raises(PermissionDenied):
            attempt()

    # The custodian reads every referral but does not write clinical entries.
    seen = referrals.referral_view(custodian, rid)
    assert seen.number.startswith("ZJ") and not seen.can_edit and seen.allowed_next == ()
    with pytest.raises(PermissionDenied):
        referrals.send(custodian, rid)
    with pytest.raises(PermissionDenied):
        referrals.create_referral(custodian, case_id, _input(dest))

    cases.share_case(lin, case_id, zhou.user_id)
    referrals.send(zhou, rid)  # a colleague the case is shared with works on it
    assert referrals.referral_view(zhou, rid).steps[0].by.display_name == "周咨询"
    cases.unshare_case(lin, case_id, zhou.user_id)
    with pytest.raises(access.NotFound):
        referrals.record_answer(zhou, rid, True)


# -- overdue list and its setting ------------------------------------------------------
def test_overdue_referrals_follow_the_setting(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn, lead: SignedIn, dest: int, case_id: int
) -> None:
    assert settings.referral_feedback_days(lin) == 14
    old = referrals.create_referral(lin, case_id, _input(dest))
    referrals.send(lin, old, TODAY - timedelta(days=20))
    accepted = referrals.create_referral(lin, case_id, _input(dest))
    referrals.send(lin, accepted, TODAY - timedelta(days=40))
    referrals.record_answer(lin, accepted, True, TODAY - timedelta(days=35))
    fresh = referrals.create_referral(lin, case_id, _input(dest))
    referrals.send(lin, fresh, TODAY - timedelta(days=14))  # exactly 14 days: not yet
    done = referrals.create_referral(lin, case_id, _input(dest))
    referrals.send(lin, done, TODAY - timedelta(days=50))
    referrals.record_answer(lin, done, True, TODAY - timedelta(days=45))
    referrals.record_feedback(lin, done, "已反馈", TODAY - timedelta(days=30))
    referrals.create_referral(lin, case_id, _input(dest))  # a draft is never overdue

    overdue = referrals.overdue_referrals(lin, TODAY)
    assert [r.id for r in overdue] == [accepted, old]  # oldest first
    assert overdue[1].days_waiting(TODAY) == 20
    assert overdue[0].case_id == case_id and overdue[0].status is S.ACCEPTED
    assert [r.id for r in referrals.overdue_referrals(custodian, TODAY)] == [accepted, old]
    assert referrals.overdue_referrals(zhou, TODAY) == []

    board = dashboard.dashboard(lin, TODAY)
    assert [r.id for r in board.overdue_referrals] == [accepted, old]
    assert dashboard.dashboard(zhou, TODAY).overdue_referrals == ()
    assert dashboard.dashboard(lead, TODAY).overdue_referrals == ()

    settings.set_referral_feedback_days(custodian, 30)
    assert settings.referral_feedback_days(lin) == 30
    assert [r.id for r in referrals.overdue_referrals(lin, TODAY)] == [accepted]
    settings.set_referral_feedback_days(custodian, 1)
    assert len(referrals.overdue_referrals(lin, TODAY)) == 3

    for bad in (0, 91, -3):
        with pytest.raises(ValidationError) as err:
            settings.set_referral_feedback_days(custodian, bad)
        assert err.value.field == "referral_feedback_days"
    with pytest.raises(PermissionDenied):
        settings.set_referral_feedback_days(lin, 10)
    changes = _actions(custodian, "setting", "referral_feedback_days")
    assert changes == [("settings_change", "30"), ("settings_change", "1")]


def test_referral_rows_are_not_deleted_with_a_refused_step(
    lin: SignedIn, dest: int, case_id: int
) -> None:
    rid = referrals.create_referral(lin, case_id, _input(dest))
    with pytest.raises(ValidationError):
        referrals.record_feedback(lin, rid, "")
    with lin.vault.transaction() as s:
        row = s.get(Referral, rid)
        assert row is not None and row.status == "draft" and row.feedback == ""


def test_station_contact_setting(custodian: SignedIn, lin: SignedIn) -> None:
    assert settings.station_contact(lin) == ""
    settings.set_station_contact(custodian, "  0574-12345678\n  镇党群服务中心二楼 ")
    assert settings.station_contact(lin) == "0574-12345678 镇党群服务中心二楼"
    with pytest.raises(PermissionDenied):
        settings.set_station_contact(lin, "x")
    with pytest.raises(ValidationError):
        settings.set_station_contact(custodian, "长" * 201)
