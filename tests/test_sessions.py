"""Service sessions: every kind created, edited and deleted; validation; who sees the
private process note; closed cases; access by role; audit entries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from station.errors import PermissionDenied, ValidationError
from station.models import AuditEntry, Case, RiskChange, ServiceSession
from station.models.vocab import RiskLevel, ServiceKind
from station.services import access, accounts, cases, emergency, sessions
from station.services.context import SignedIn
from station.services.sessions import SessionInput
from tests.records_fixtures import make_counsellor, make_lead, new_client_case

OPENED = date.today() - timedelta(days=60)


@dataclass
class Team:
    custodian: SignedIn
    lin: SignedIn  # assigned counsellor
    chen: SignedIn  # counsellor the case is shared with
    zhao: SignedIn  # counsellor with no part in the case
    lead: SignedIn  # station lead
    case_id: int


@pytest.fixture
def team(custodian: SignedIn, vault_dir: Path) -> Iterator[Team]:
    lin = make_counsellor(custodian, vault_dir, "lin", "林咨询")
    chen = make_counsellor(custodian, vault_dir, "chen", "陈咨询")
    zhao = make_counsellor(custodian, vault_dir, "zhao", "赵咨询")
    lead = make_lead(custodian, vault_dir)
    _client_id, case_id = new_client_case(lin, opened_on=OPENED)
    cases.share_case(lin, case_id, chen.user_id)
    yield Team(custodian, lin, chen, zhao, lead, case_id)
    for ctx in (lin, chen, zhao, lead):
        accounts.logout(ctx)


def _input(kind: ServiceKind = ServiceKind.INDIVIDUAL, **changes: Any) -> SessionInput:
    base = SessionInput(
        kind=kind,
        held_on=date.today() - timedelta(days=3),
        start_time=time(9, 30),
        duration_minutes=50,
        room="一号咨询室",
        presenting="近期加班多，入睡困难。",
        intervention="放松训练，认知调整。",
        observation="情绪平稳，配合。",
        plan="两周后复诊。",
        risk_level=RiskLevel.LOW,
        private_note="过程记录：来访者提到与上级关系紧张。",
    )
    return replace(base, **changes)


def _actions(ctx: SignedIn, object_kind: str, object_id: int) -> list[tuple[str, str]]:
    with ctx.vault.transaction() as s:
        rows = s.execute(
            select(AuditEntry.action, AuditEntry.detail)
            .where(AuditEntry.object_kind == object_kind, AuditEntry.object_id == str(object_id))
            .order_by(AuditEntry.seq)
        ).all()
    return [(a, d) for a, d in rows]


# -- every kind --------------------------------------------------------------------------


def test_every_kind_is_created_edited_and_deleted(team: Team) -> None:
    for kind in ServiceKind:
        sid = sessions.add_session(team.lin, team.case_id, _input(kind))
        view = sessions.session_view(team.lin, sid)
        assert (view.kind, view.case_id, view.held_on) == (kind, team.case_id, _input().held_on)
        assert (view.start_time, view.duration_minutes, view.room) == (
            time(9, 30),
            50,
            "一号咨询室",
        )
        assert view.counsellor.id == team.lin.user_id and view.counsellor.display_name == "林咨询"
        assert view.plan == "两周后复诊。" and view.risk_level is RiskLevel.LOW
        assert view.private_note == "过程记录：来访者提到与上级关系紧张。"
        assert (view.sandplay is not None) == (kind is ServiceKind.SANDPLAY)

        sessions.update_session(
            team.lin,
            sid,
            _input(
                kind, duration_minutes=90, room="沙盘室", plan="一个月后回访。", private_note="改"
            ),
        )
        edited = sessions.session_view(team.lin, sid)
        assert (edited.duration_minutes, edited.room, edited.plan) == (
            90,
            "沙盘室",
            "一个月后回访。",
        )
        assert edited.private_note == "改"

        sessions.delete_session(team.lin, sid)
        assert sid not in [r.id for r in sessions.list_sessions(team.lin, team.case_id)]
        with pytest.raises(access.NotFound):
            sessions.session_view(team.lin, sid)
        actions = [a for a, _ in _actions(team.custodian, "session", sid)]
        assert actions == [
            "session_add",
            "session_view",
            "session_edit",
            "session_view",
            "session_delete",
        ]
    # the custodian still sees the deleted sessions, marked as deleted
    rows = sessions.list_sessions(team.custodian, team.case_id, include_deleted=True)
    assert sorted(r.kind for r in rows) == sorted(ServiceKind)
    assert all(r.deleted for r in rows)
    assert sessions.session_view(team.custodian, rows[0].id).deleted


def test_list_is_ordered_by_date_and_carries_no_notes(team: Team) -> None:
    later = sessions.add_session(team.lin, team.case_id, _input(held_on=date.today()))
    earlier = sessions.add_session(
        team.lin, team.case_id, _input(ServiceKind.INTAKE, held_on=OPENED, counsellor_id=None)
    )
    rows = sessions.list_sessions(team.chen, team.case_id)
    assert [r.id for r in rows] == [earlier, later]
    assert rows[0].kind is ServiceKind.INTAKE
    assert not hasattr(rows[0], "private_note") and not hasattr(rows[0], "plan")


def test_edit_records_only_changed_field_names(team: Team) -> None:
    sid = sessions.add_session(team.lin, team.case_id, _input())
    sessions.update_session(team.lin, sid, _input(room="二号室"))
    sessions.update_session(team.lin, sid, _input(room="二号室"))  # no change: no entry
    entries = _actions(team.custodian, "session", sid)
    assert entries[0] == ("session_add", f"case={team.case_id},individual")
    assert entries[1:] == [("session_edit", "room")]


# -- validation --------------------------------------------------------------------------


BAD_INPUT: list[tuple[dict[str, Any], str]] = [
    ({"duration_minutes": 0}, "duration_minutes"),
    ({"duration_minutes": 481}, "duration_minutes"),
    ({"held_on": date.today() + timedelta(days=2)}, "held_on"),
    ({"held_on": OPENED - timedelta(days=1)}, "held_on"),
    ({"held_on": None}, "held_on"),
    ({"kind": "dance"}, "kind"),
    ({"risk_level": "severe"}, "risk_level"),
    ({"room": "室" * 41}, "room"),
    ({"plan": "计" * 20_001}, "plan"),
    ({"private_note": "记" * 20_001}, "private_note"),
    ({"start_time": "9:30"}, "start_time"),
]


def test_bad_input_names_its_field_and_writes_nothing(team: Team) -> None:
    good = sessions.add_session(team.lin, team.case_id, _input())
    for changes, field in BAD_INPUT:
        with pytest.raises(ValidationError) as err:
            sessions.add_session(team.lin, team.case_id, _input(**changes))
        assert (err.value.field, bool(err.value.zh)) == (field, True), changes
        with pytest.raises(ValidationError) as err:
            sessions.update_session(team.lin, good, _input(**changes))
        assert err.value.field == field, changes
    assert [r.id for r in sessions.list_sessions(team.lin, team.case_id)] == [good]
    assert sessions.session_view(team.lin, good).plan == "两周后复诊。"


def test_tomorrow_is_accepted_but_not_later(team: Team) -> None:
    sessions.add_session(team.lin, team.case_id, _input(held_on=date.today() + timedelta(days=1)))
    assert len(sessions.list_sessions(team.lin, team.case_id)) == 1


def test_counsellor_must_be_one_of_the_case(team: Team) -> None:
    shared = sessions.add_session(team.lin, team.case_id, _input(counsellor_id=team.chen.user_id))
    assert sessions.session_view(team.lin, shared).counsellor.id == team.chen.user_id
    for outsider in (team.zhao.user_id, team.custodian.user_id, team.lead.user_id, 9999):
        with pytest.raises(ValidationError) as err:
            sessions.add_session(team.lin, team.case_id, _input(counsellor_id=outsider))
        assert err.value.field == "counsellor_id"
    with pytest.raises(ValidationError) as err:
        sessions.update_session(team.lin, shared, _input(counsellor_id=team.zhao.user_id))
    assert err.value.field == "counsellor_id"
    # once chen no longer shares the case, her session keeps her as its counsellor
    cases.unshare_case(team.lin, team.case_id, team.chen.user_id)
    sessions.update_session(team.lin, shared, _input(plan="补充计划。"))
    assert sessions.session_view(team.lin, shared).counsellor.id == team.chen.user_id
    with pytest.raises(ValidationError) as err:
        sessions.add_session(team.lin, team.case_id, _input(counsellor_id=team.chen.user_id))
    assert err.value.field == "counsellor_id"


def test_sandplay_with_content_keeps_its_kind(team: Team) -> None:
    from station.services import sandplay

    sid = sessions.add_session(team.lin, team.case_id, _input(ServiceKind.SANDPLAY))
    sessions.update_session(team.lin, sid, _input(ServiceKind.INDIVIDUAL))  # still empty: fine
    sessions.update_session(team.lin, sid, _input(ServiceKind.SANDPLAY))
    sandplay.set_sandplay_details(team.lin, sid, sandplay.SandplayInput(figures=("房子",)))
    with pytest.raises(ValidationError) as err:
        sessions.update_session(team.lin, sid, _input(ServiceKind.MUSIC))
    assert err.value.field == "kind"
    assert sessions.session_view(team.lin, sid).kind is ServiceKind.SANDPLAY


# -- private process note ----------------------------------------------------------------


def test_private_note_is_seen_only_by_its_author(team: Team) -> None:
    sid = sessions.add_session(team.lin, team.case_id, _input())
    assert sessions.session_view(team.lin, sid).private_note == _input().private_note
    colleague = sessions.session_view(team.chen, sid)
    assert colleague.private_note is None
    assert colleague.plan == "两周后复诊。"  # the structured notes are the case record
    custodian = sessions.session_view(team.custodian, sid)
    assert custodian.private_note is None and custodian.presenting == _input().presenting
    # nothing in the audit log carries the note or any other free text
    with team.custodian.vault.transaction() as s:
        details = " ".join(s.scalars(select(AuditEntry.detail)))
    assert "过程记录" not in details and "加班" not in details


def test_colleague_edits_the_record_but_not_the_note(team: Team) -> None:
    sid = sessions.add_session(team.lin, team.case_id, _input())
    with pytest.raises(ValidationError) as err:
        sessions.update_session(team.chen, sid, _input(private_note="我的看法"))
    assert err.value.field == "private_note"
    sessions.update_session(team.chen, sid, _input(private_note="", plan="转介专家会诊。"))
    mine = sessions.session_view(team.lin, sid)
    assert mine.plan == "转介专家会诊。"
    assert mine.private_note == _input().private_note  # kept as the author wrote it


def test_colleague_writes_own_note_on_own_session(team: Team) -> None:
    sid = sessions.add_session(team.chen, team.case_id, _input(private_note="陈的记录"))
    assert sessions.session_view(team.chen, sid).private_note == "陈的记录"
    assert sessions.session_view(team.lin, sid).private_note is None


# -- closed cases, access ----------------------------------------------------------------


def test_closed_case_refuses_new_and_changed_sessions(team: Team) -> None:
    sid = sessions.add_session(team.lin, team.case_id, _input())
    cases.close_case(team.lin, team.case_id, "压力缓解，结案。")
    with pytest.raises(sessions.CaseClosed) as err:
        sessions.add_session(team.lin, team.case_id, _input())
    assert "已结案" in err.value.zh
    with pytest.raises(sessions.CaseClosed):
        sessions.update_session(team.lin, sid, _input(plan="补记"))
    with pytest.raises(sessions.CaseClosed):
        sessions.delete_session(team.lin, sid)
    view = sessions.session_view(team.lin, sid)  # still readable
    assert not view.can_edit and view.plan == "两周后复诊。"
    assert len(sessions.list_sessions(team.lin, team.case_id)) == 1


def test_counsellor_outside_the_case_sees_nothing(team: Team) -> None:
    sid = sessions.add_session(team.lin, team.case_id, _input())
    with pytest.raises(access.NotFound):
        sessions.add_session(team.zhao, team.case_id, _input())
    with pytest.raises(access.NotFound):
        sessions.session_view(team.zhao, sid)
    with pytest.raises(access.NotFound):
        sessions.list_sessions(team.zhao, team.case_id)
    with pytest.raises(access.NotFound):
        sessions.update_session(team.zhao, sid, _input())
    with pytest.raises(access.NotFound):
        sessions.delete_session(team.zhao, sid)


def test_station_lead_is_refused_every_person_level_call(team: Team) -> None:
    sid = sessions.add_session(team.lin, team.case_id, _input())
    calls: list[Callable[[], object]] = [
        lambda: sessions.add_session(team.lead, team.case_id, _input()),
        lambda: sessions.update_session(team.lead, sid, _input()),
        lambda: sessions.session_view(team.lead, sid),
        lambda: sessions.list_sessions(team.lead, team.case_id),
        lambda: sessions.delete_session(team.lead, sid),
        lambda: sessions.session_view(team.lead, 9999),  # no hint whether it exists
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()


def test_custodian_keeps_the_archive_but_writes_no_sessions(team: Team) -> None:
    with pytest.raises(PermissionDenied):
        sessions.add_session(team.custodian, team.case_id, _input())
    sid = sessions.add_session(team.lin, team.case_id, _input())
    with pytest.raises(PermissionDenied):
        sessions.update_session(team.custodian, sid, _input())
    with pytest.raises(PermissionDenied):
        sessions.list_sessions(team.lin, team.case_id, include_deleted=True)


def test_delete_by_author_or_custodian_only(team: Team) -> None:
    sid = sessions.add_session(team.lin, team.case_id, _input())
    with pytest.raises(PermissionDenied):
        sessions.delete_session(team.chen, sid)  # shares the case, did not write it
    assert not sessions.session_view(team.chen, sid).can_delete
    sessions.delete_session(team.custodian, sid)
    with pytest.raises(ValidationError):
        sessions.delete_session(team.custodian, sid)
    with team.custodian.vault.transaction() as s:
        row = s.get(ServiceSession, sid)
        assert row is not None and row.deleted_by == team.custodian.user_id
    own = sessions.add_session(team.chen, team.case_id, _input())
    sessions.delete_session(team.chen, own)
    assert sessions.list_sessions(team.lin, team.case_id) == []


# -- risk ------------------------------------------------------------------------------


def _case_risk(ctx: SignedIn, case_id: int) -> str:
    with ctx.vault.transaction() as s:
        case = s.get(Case, case_id)
        assert case is not None
        return case.risk_level


def test_latest_session_sets_the_case_risk(team: Team) -> None:
    sessions.add_session(team.lin, team.case_id, _input(risk_level=RiskLevel.HIGH))
    assert _case_risk(team.custodian, team.case_id) == "high"
    # an older session entered afterwards does not move the current level
    sessions.add_session(team.lin, team.case_id, _input(held_on=OPENED, risk_level=RiskLevel.NONE))
    assert _case_risk(team.custodian, team.case_id) == "high"
    with team.custodian.vault.transaction() as s:
        changes = s.scalars(select(RiskChange).where(RiskChange.case_id == team.case_id)).all()
        assert [(c.from_level, c.to_level) for c in changes] == [("none", "high")]


def test_lowering_a_high_risk_needs_the_session_observation(team: Team) -> None:
    sessions.add_session(team.lin, team.case_id, _input(risk_level=RiskLevel.HIGH))
    with pytest.raises(ValidationError) as err:
        sessions.add_session(
            team.lin,
            team.case_id,
            _input(held_on=date.today(), risk_level=RiskLevel.LOW, observation=""),
        )
    assert err.value.field == "observation"
    assert len(sessions.list_sessions(team.lin, team.case_id)) == 1  # nothing half-written
    sessions.add_session(
        team.lin, team.case_id, _input(held_on=date.today(), risk_level=RiskLevel.LOW)
    )
    assert _case_risk(team.custodian, team.case_id) == "low"


def test_emergency_access_lets_a_counsellor_record_a_session(team: Team) -> None:
    with pytest.raises(access.NotFound):
        sessions.add_session(team.zhao, team.case_id, _input(ServiceKind.CRISIS))
    emergency.open_in_emergency(team.zhao, team.case_id, "来访者深夜来电，情况危急。")
    sid = sessions.add_session(team.zhao, team.case_id, _input(ServiceKind.CRISIS))
    assert sessions.session_view(team.lin, sid).counsellor.id == team.zhao.user_id
