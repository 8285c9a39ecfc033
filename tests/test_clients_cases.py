"""Clients and cases: each created, edited, closed, deleted, restored and purged through
the services, with their validation errors and audit entries."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station.errors import PermissionDenied, ValidationError
from station.models import (
    AuditEntry,
    Base,
    Case,
    CaseCounter,
    Client,
    EmergencyAccess,
    GroupAttendance,
    GroupProgramme,
    GroupSession,
    SandplayDetail,
    SandplayPhoto,
)
from station.models.vocab import (
    CaseSource,
    CaseStatus,
    Concern,
    CrisisAction,
    FollowUpMethod,
    Gender,
    RankDetail,
    RankLevel,
    RiskLevel,
    ServiceKind,
    TalkTrigger,
)
from station.services import (
    access,
    accounts,
    cases,
    clients,
    emergency,
    followups,
    risk,
)
from station.services.context import SignedIn
from station.services.views import AgeBand, TimelineKind
from tests.records_fixtures import insert_session, make_counsellor, new_client, new_client_case

TODAY = date.today()


def audit_rows(ctx: SignedIn, action: str) -> list[AuditEntry]:
    with ctx.vault.transaction() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def field_of(exc: pytest.ExceptionInfo[ValidationError]) -> str | None:
    return exc.value.field


# -- clients ------------------------------------------------------------------------
def test_real_name_client_is_registered_viewed_and_edited_with_audit(lin: SignedIn) -> None:
    client_id = clients.register_client(
        lin,
        clients.ClientInput(
            name="欧阳明",
            unit="某镇政府",
            phone="139 1234 5678",
            emergency_contact="家属 13800000000",
            gender=Gender.MALE,
            birth_year=1978,
            rank_level=RankLevel.MIDDLE,
            rank_detail=RankDetail.SECTION,
        ),
    )
    view = clients.client_view(lin, client_id, today=date(2026, 6, 1))
    assert view.identity_shown and view.name == "欧阳明" and view.phone == "139 1234 5678"
    assert view.age_band is AgeBand.FROM_40 and view.rank_detail is RankDetail.SECTION
    assert [a.object_id for a in audit_rows(lin, "client_view")] == [str(client_id)]
    assert [a.object_id for a in audit_rows(lin, "identity_view")] == [str(client_id)]

    clients.update_client(
        lin,
        client_id,
        clients.ClientInput(name="欧阳明", unit="某街道办", gender=Gender.MALE, birth_year=1978),
    )
    view = clients.client_view(lin, client_id)
    assert view.unit == "某街道办" and view.phone == "" and view.rank_level is None
    (entry,) = audit_rows(lin, "client_update")
    assert "unit" in entry.detail.split(",") and "phone" in entry.detail.split(",")
    assert "街道" not in entry.detail  # field names only, never values


def test_anonymous_client_has_an_alias_and_no_identity(lin: SignedIn) -> None:
    with pytest.raises(ValidationError) as exc:
        clients.register_client(lin, clients.ClientInput(anonymous=True))
    assert field_of(exc) == "alias"
    for field in ("name", "unit", "phone", "emergency_contact"):
        with pytest.raises(ValidationError) as exc:
            clients.register_client(
                lin, clients.ClientInput(anonymous=True, alias="青松", **{field: "13912345678"})
            )
        assert field_of(exc) == field
        assert "匿名" in exc.value.zh
    client_id = clients.register_client(lin, clients.ClientInput(anonymous=True, alias="青松"))
    view = clients.client_view(lin, client_id)
    assert view.anonymous and view.alias == "青松" and view.name == ""
    with lin.vault.transaction() as s:
        row = s.get(Client, client_id)
        assert row is not None
        assert (row.name, row.unit, row.phone, row.emergency_contact) == ("", "", "", "")
    assert audit_rows(lin, "identity_view") == []  # nothing to show, nothing shown


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (clients.ClientInput(name="  "), "name"),
        (clients.ClientInput(name="李" * 41), "name"),
        (clients.ClientInput(name="李四", birth_year=1939), "birth_year"),
        (clients.ClientInput(name="李四", birth_year=TODAY.year - 15), "birth_year"),
        (clients.ClientInput(name="李四", phone="电话号码"), "phone"),
        (clients.ClientInput(name="李四", rank_detail=RankDetail.CLERK), "rank_level"),
        (clients.ClientInput(name="李四", gender="unknown"), "gender"),  # type: ignore[arg-type]
        (clients.ClientInput(name="李四", post_type="boss"), "post_type"),  # type: ignore[arg-type]
    ],
)
def test_client_validation_names_the_field(
    lin: SignedIn, data: clients.ClientInput, field: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        clients.register_client(lin, data)
    assert field_of(exc) == field
    assert exc.value.zh
    with lin.vault.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 0


def test_birth_year_bounds_are_accepted() -> None:
    assert clients.check_birth_year(1940) == 1940
    assert clients.check_birth_year(TODAY.year - 16) == TODAY.year - 16


@pytest.mark.parametrize(
    ("birth_year", "band"),
    [
        (1997, AgeBand.UNDER_30),
        (1996, AgeBand.FROM_30),
        (1987, AgeBand.FROM_30),
        (1986, AgeBand.FROM_40),
        (1977, AgeBand.FROM_40),
        (1976, AgeBand.FROM_50),
        (1967, AgeBand.FROM_50),
        (1966, AgeBand.FROM_60),
        (None, None),
    ],
)
def test_age_band_from_birth_year(birth_year: int | None, band: AgeBand | None) -> None:
    assert clients.age_band(birth_year, date(2026, 3, 1)) is band


# -- cases -------------------------------------------------------------------------
def test_case_codes_count_per_year_and_are_never_reused(custodian: SignedIn, lin: SignedIn) -> None:
    _, first = new_client_case(lin)
    _, second = new_client_case(lin, name="第二位")
    _, older = new_client_case(lin, name="第三位", opened_on=date(2025, 12, 30))
    codes = [cases.case_view(lin, c).code for c in (first, second, older)]
    assert codes == [f"{TODAY.year}-0001", f"{TODAY.year}-0002", "2025-0001"]
    cases.delete_case(custodian, second)
    cases.purge_case(custodian, second)
    _, third = new_client_case(lin, name="第四位")
    assert cases.case_view(lin, third).code == f"{TODAY.year}-0003"
    with lin.vault.transaction() as s:
        assert s.get(CaseCounter, TODAY.year).last == 3  # type: ignore[union-attr]


def test_case_source_trigger_and_concerns_are_checked(lin: SignedIn) -> None:
    client_id = new_client(lin)

    def attempt(**kw: object) -> ValidationError:
        values: dict[str, object] = {"source": CaseSource.SELF, "concerns": (Concern.SLEEP,)}
        values.update(kw)
        with pytest.raises(ValidationError) as exc:
            cases.open_case(lin, cases.CaseInput(client_id=client_id, **values))  # type: ignore[arg-type]
        return exc.value

    assert attempt(source=CaseSource.TALK).field == "talk_trigger"
    assert attempt(talk_trigger=TalkTrigger.POST_CHANGE).field == "talk_trigger"
    assert attempt(concerns=()).field == "concerns"
    assert attempt(source=None).field == "source"
    assert attempt(opened_on=TODAY + timedelta(days=1)).field == "opened_on"
    case_id = cases.open_case(
        lin,
        cases.CaseInput(
            client_id=client_id,
            source=CaseSource.TALK,
            talk_trigger=TalkTrigger.POST_CHANGE,
            concerns=(Concern.SLEEP, Concern.ANXIETY, Concern.SLEEP),
        ),
    )
    view = cases.case_view(lin, case_id)
    assert view.source is CaseSource.TALK and view.talk_trigger is TalkTrigger.POST_CHANGE
    assert view.concerns == (Concern.SLEEP, Concern.ANXIETY)
    assert view.counsellor.display_name == "林咨询" and view.status is CaseStatus.OPEN
    assert view.client_name == "测试来访者" and view.can_work and view.can_close

    cases.update_case(
        lin, case_id, cases.CaseEdit(source=CaseSource.UNIT, concerns=(Concern.FAMILY,))
    )
    view = cases.case_view(lin, case_id)
    assert view.source is CaseSource.UNIT and view.talk_trigger is None
    assert view.concerns == (Concern.FAMILY,)
    (entry,) = audit_rows(lin, "case_update")
    assert entry.detail == "source,talk_trigger,concerns"
    # one open case per client
    assert attempt().field == "client_id"


def test_who_may_assign_a_case(custodian: SignedIn, lin: SignedIn, zhou: SignedIn) -> None:
    client_id = new_client(custodian)
    with pytest.raises(ValidationError) as exc:
        cases.open_case(custodian, cases.CaseInput(client_id, CaseSource.SELF, (Concern.WORKLOAD,)))
    assert field_of(exc) == "counsellor_id"
    with pytest.raises(ValidationError) as exc:  # the custodian is no counsellor
        cases.open_case(
            custodian,
            cases.CaseInput(
                client_id, CaseSource.SELF, (Concern.WORKLOAD,), counsellor_id=custodian.user_id
            ),
        )
    assert field_of(exc) == "counsellor_id"
    case_id = cases.open_case(
        custodian,
        cases.CaseInput(client_id, CaseSource.SELF, (Concern.WORKLOAD,), counsellor_id=lin.user_id),
    )
    assert cases.case_view(lin, case_id).counsellor.id == lin.user_id
    other = new_client(lin, name="另一位")
    with pytest.raises(PermissionDenied):
        cases.open_case(
            lin,
            cases.CaseInput(
                other, CaseSource.SELF, (Concern.WORKLOAD,), counsellor_id=zhou.user_id
            ),
        )
    accounts.deactivate_user(custodian, zhou.user_id)
    with pytest.raises(ValidationError) as exc:
        cases.reassign_case(custodian, case_id, zhou.user_id)
    assert field_of(exc) == "counsellor_id"


def test_consent_is_recorded_and_checked(lin: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    assert not cases.case_view(lin, case_id).consent.recorded
    with pytest.raises(ValidationError) as exc:
        cases.record_consent(lin, case_id, "", TODAY, True)
    assert field_of(exc) == "form_version"
    with pytest.raises(ValidationError) as exc:
        cases.record_consent(lin, case_id, "v2", TODAY + timedelta(days=2), True)
    assert field_of(exc) == "signed_on"
    cases.record_consent(lin, case_id, "2026版", TODAY, True)
    consent = cases.case_view(lin, case_id).consent
    assert consent.recorded and consent.form_version == "2026版" and consent.limits_explained
    assert [e.detail for e in audit_rows(lin, "case_consent")] == ["limits_explained"]


def _counts(ctx: SignedIn) -> tuple[int, int, int]:
    with ctx.vault.transaction() as s:
        return (
            s.scalar(select(func.count()).select_from(Client)) or 0,
            s.scalar(select(func.count()).select_from(Case)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def test_new_client_case_and_consent_are_written_together(lin: SignedIn) -> None:
    client_id, case_id = cases.open_case_for_new_client(
        lin,
        clients.ClientInput(name="欧阳明"),
        cases.CaseInput(0, CaseSource.SELF, (Concern.SLEEP,), risk_level=RiskLevel.MEDIUM),
        ("2026版", TODAY, False),
    )
    view = cases.case_view(lin, case_id)
    assert view.client_id == client_id and view.client_name == "欧阳明"
    assert view.code == f"{TODAY.year}-0001" and view.concerns == (Concern.SLEEP,)
    assert view.risk_level is RiskLevel.MEDIUM and view.counsellor.id == lin.user_id
    assert view.consent.form_version == "2026版" and not view.consent.limits_explained
    wanted = ["client_register", "case_open", "risk_change", "case_consent"]
    with lin.vault.transaction() as s:
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.action.in_(wanted)).order_by(AuditEntry.seq)
        ).all()
        logged = [(e.action, e.object_id) for e in entries]
    assert logged == [
        ("client_register", str(client_id)),
        ("case_open", str(case_id)),
        ("risk_change", str(case_id)),
        ("case_consent", str(case_id)),
    ]


def test_new_client_case_writes_nothing_when_any_part_fails(
    lin: SignedIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _counts(lin)
    with pytest.raises(ValidationError) as exc:  # a case field: checked before any write
        cases.open_case_for_new_client(
            lin, clients.ClientInput(name="王芳"), cases.CaseInput(0, CaseSource.UNIT, ())
        )
    assert field_of(exc) == "concerns"
    assert _counts(lin) == before
    with pytest.raises(ValidationError) as exc:  # the consent too
        cases.open_case_for_new_client(
            lin,
            clients.ClientInput(name="王芳"),
            cases.CaseInput(0, CaseSource.UNIT, (Concern.CAREER,)),
            ("", TODAY, True),
        )
    assert field_of(exc) == "form_version"
    assert _counts(lin) == before

    def broken(*_args: object) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(cases, "_next_code", broken)  # fails after the client was added
    with pytest.raises(RuntimeError):
        cases.open_case_for_new_client(
            lin,
            clients.ClientInput(name="王芳"),
            cases.CaseInput(0, CaseSource.UNIT, (Concern.CAREER,)),
        )
    assert _counts(lin) == before
    assert not audit_rows(lin, "client_register") and not audit_rows(lin, "case_open")


def test_close_and_reopen(lin: SignedIn) -> None:
    client_id, case_id = new_client_case(lin)
    with pytest.raises(ValidationError) as exc:
        cases.close_case(lin, case_id, "  ")
    assert field_of(exc) == "summary"
    risk.set_risk(lin, case_id, RiskLevel.HIGH, "自述有轻生念头")
    with pytest.raises(ValidationError) as exc:
        cases.close_case(lin, case_id, "工作压力缓解")
    assert field_of(exc) == "risk_level"
    risk.set_risk(lin, case_id, RiskLevel.LOW, "三次会谈后评估风险已降低")
    cases.close_case(lin, case_id, "工作压力缓解，睡眠恢复。")
    view = cases.case_view(lin, case_id)
    assert view.status is CaseStatus.CLOSED and view.closed_on == TODAY
    assert view.closing_summary == "工作压力缓解，睡眠恢复。"
    with pytest.raises(ValidationError):
        cases.close_case(lin, case_id, "再次结案")
    # a closed case does not block a new one for the same client, but reopening does
    with pytest.raises(ValidationError) as exc:
        cases.reopen_case(lin, case_id, "")
    assert field_of(exc) == "reason"
    cases.reopen_case(lin, case_id, "岗位调整后再次来访")
    view = cases.case_view(lin, case_id)
    assert view.status is CaseStatus.OPEN and view.closed_on is None
    assert "工作压力缓解" in view.closing_summary and "岗位调整后再次来访" in view.closing_summary
    cases.close_case(lin, case_id, "第二阶段结束")
    assert "第二阶段结束" in cases.case_view(lin, case_id).closing_summary
    second = cases.open_case(lin, cases.CaseInput(client_id, CaseSource.SELF, (Concern.SLEEP,)))
    with pytest.raises(ValidationError):
        cases.reopen_case(lin, case_id, "又来了一次")
    assert cases.case_view(lin, second).status is CaseStatus.OPEN
    actions = [e.action for e in audit_rows(lin, "case_close") + audit_rows(lin, "case_reopen")]
    assert actions.count("case_close") == 2 and actions.count("case_reopen") == 1


def test_reassign_moves_access(custodian: SignedIn, lin: SignedIn, zhou: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    with pytest.raises(PermissionDenied):
        cases.reassign_case(lin, case_id, zhou.user_id)
    cases.reassign_case(custodian, case_id, zhou.user_id)
    assert cases.case_view(zhou, case_id).counsellor.id == zhou.user_id
    with pytest.raises(access.NotFound):
        cases.case_view(lin, case_id)
    cases.reassign_case(custodian, case_id, lin.user_id, keep_previous_as_share=True)
    view = cases.case_view(lin, case_id)
    assert view.counsellor.id == lin.user_id
    assert [u.id for u in view.shared_with] == [zhou.user_id]
    assert [e.detail for e in audit_rows(custodian, "case_reassign")] == [
        f"from={lin.user_id},to={zhou.user_id}",
        f"from={zhou.user_id},to={lin.user_id}",
    ]


# -- soft delete, restore, purge ----------------------------------------------------
def test_counsellor_deletes_own_client_only_while_it_has_no_case(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn
) -> None:
    lone = new_client(lin, name="未开案")
    with pytest.raises(access.NotFound):
        clients.delete_client(zhou, lone)
    clients.delete_client(lin, lone)
    with pytest.raises(access.NotFound):
        clients.client_view(lin, lone)
    assert clients.client_view(custodian, lone).deleted
    client_id, _ = new_client_case(lin)
    with pytest.raises(ValidationError):
        clients.delete_client(lin, client_id)
    assert not clients.client_view(lin, client_id).deleted


def test_custodian_deletes_and_restores_a_client_with_its_cases(
    custodian: SignedIn, lin: SignedIn
) -> None:
    client_id, case_id = new_client_case(lin)
    _, kept = new_client_case(lin, name="不相干")
    earlier = new_client_case(lin, name="较早删除")[1]
    cases.delete_case(custodian, earlier)
    clients.delete_client(custodian, client_id)
    for call in (
        lambda: clients.client_view(lin, client_id),
        lambda: cases.case_view(lin, case_id),
        lambda: cases.timeline(lin, case_id),
    ):
        with pytest.raises(access.NotFound):
            call()
    assert cases.case_view(custodian, case_id).deleted
    assert clients.client_view(custodian, client_id).deleted
    assert not cases.case_view(lin, kept).deleted
    with pytest.raises(PermissionDenied):
        clients.restore_client(lin, client_id)
    clients.restore_client(custodian, client_id)
    assert not cases.case_view(lin, case_id).deleted
    with pytest.raises(access.NotFound):  # deleted separately, stays deleted
        cases.case_view(lin, earlier)
    assert [e.object_id for e in audit_rows(custodian, "client_delete")] == [str(client_id)]
    assert [e.object_id for e in audit_rows(custodian, "client_restore")] == [str(client_id)]
    assert {e.object_id for e in audit_rows(custodian, "case_restore")} == {str(case_id)}


def _fill_everything(lin: SignedIn, zhou: SignedIn, case_id: int, client_id: int) -> None:
    """One row in every table that holds something about this client."""
    risk.set_risk(lin, case_id, RiskLevel.MEDIUM)
    risk.record_crisis(
        lin,
        case_id,
        risk.CrisisInput(TODAY, "情绪崩溃", (CrisisAction.FAMILY_NOTIFIED,), "每日联系"),
    )
    fid = followups.plan_follow_up(lin, case_id, TODAY, FollowUpMethod.PHONE)
    followups.complete_follow_up(lin, fid, TODAY, "情况稳定", TODAY + timedelta(days=30))
    cases.record_consent(lin, case_id, "v1", TODAY, True)
    cases.share_case(lin, case_id, zhou.user_id)
    sid = insert_session(lin, case_id, TODAY, kind=ServiceKind.SANDPLAY, private_note="过程")
    with lin.vault.transaction() as s:
        s.add(SandplayDetail(session_id=sid, story="小船过河"))
        s.add(SandplayPhoto(session_id=sid, mime="image/png", content=b"\x89PNG..."))
        programme = GroupProgramme(title="减压小组", theme="stress", created_by=lin.user_id)
        s.add(programme)
        s.flush()
        group_session = GroupSession(programme_id=programme.id, held_on=TODAY)
        s.add(group_session)
        s.flush()
        s.add(GroupAttendance(group_session_id=group_session.id, client_id=client_id))


def _rows_per_table(ctx: SignedIn) -> dict[str, int]:
    with ctx.vault.transaction() as s:
        return {
            t.name: int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in Base.metadata.sorted_tables
        }


def test_purge_removes_every_row_of_the_client(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn, vault_dir: Path
) -> None:
    other_client, other_case = new_client_case(lin, name="留存者")
    _fill_everything(lin, zhou, other_case, other_client)
    before = _rows_per_table(custodian)
    client_id, case_id = new_client_case(lin, name="待清除")
    _fill_everything(lin, zhou, case_id, client_id)
    colleague = make_counsellor(custodian, vault_dir, "wu", "吴咨询")
    try:
        emergency.open_in_emergency(colleague, case_id, "来访者家属来电称情况危急")
    finally:
        accounts.logout(colleague)
    with pytest.raises(ValidationError):
        clients.purge_client(custodian, client_id)  # soft delete comes first
    with pytest.raises(PermissionDenied):
        clients.purge_client(lin, client_id)
    clients.delete_client(custodian, client_id)
    full = _rows_per_table(custodian)
    removed = clients.purge_client(custodian, client_id)

    after = _rows_per_table(custodian)
    # not the client's data: accounts, the log, counters, and the group programme itself
    ignored = {"audit_log", "users", "case_counters", "group_programmes", "group_sessions"}
    assert {t: n for t, n in after.items() if t not in ignored} == {
        t: n for t, n in before.items() if t not in ignored
    }
    gone = {t: full[t] - n for t, n in after.items() if t != "audit_log" and full[t] != n}
    assert gone == {
        "clients": 1,
        "cases": 1,
        "case_concerns": 1,
        "case_shares": 1,
        "risk_changes": 2,
        "crisis_events": 1,
        "follow_ups": 2,
        "emergency_access": 1,
        "sessions": 1,
        "sandplay_details": 1,
        "sandplay_photos": 1,
        "group_attendance": 1,
    }
    assert removed == sum(gone.values())
    with custodian.vault.transaction() as s:
        assert s.get(Client, client_id) is None and s.get(Case, case_id) is None
        assert s.scalar(select(func.count()).select_from(EmergencyAccess)) == 0
        assert s.scalar(select(func.count()).select_from(GroupAttendance)) == 1
    (purge,) = audit_rows(custodian, "client_purge")
    assert purge.object_id == str(client_id) and purge.detail == f"rows={removed}"
    (case_purge,) = audit_rows(custodian, "case_purge")
    assert case_purge.object_id == str(case_id)
    assert not any("待清除" in e.detail for e in audit_rows(custodian, "client_purge"))
    # the rest of the vault still works and the other client is untouched
    assert cases.case_view(lin, other_case).consent.recorded


def test_timeline_merges_everything_in_date_order_and_guards_private_notes(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn
) -> None:
    _, case_id = new_client_case(lin, opened_on=TODAY - timedelta(days=20))
    cases.share_case(lin, case_id, zhou.user_id)
    mine = insert_session(lin, case_id, TODAY - timedelta(days=20), private_note="林的过程记录")
    theirs = insert_session(
        zhou,
        case_id,
        TODAY - timedelta(days=10),
        private_note="周的过程记录",
        kind=ServiceKind.TALK,
    )
    crisis = risk.record_crisis(
        lin, case_id, risk.CrisisInput(TODAY - timedelta(days=5), "深夜来电", ())
    )
    follow_up = followups.plan_follow_up(zhou, case_id, TODAY + timedelta(days=7), "phone")

    items = cases.timeline(lin, case_id)
    kinds = [(i.kind, i.item_id) for i in items]
    assert kinds[:3] == [
        (TimelineKind.SESSION, mine),
        (TimelineKind.SESSION, theirs),
        (TimelineKind.CRISIS, crisis),
    ]
    assert kinds[-1] == (TimelineKind.FOLLOW_UP, follow_up)
    assert [i.kind for i in items].count(TimelineKind.RISK_CHANGE) == 1  # crisis raised it
    assert [i.on for i in items] == sorted(i.on for i in items)

    def notes(ctx: SignedIn) -> dict[int, str | None]:
        return {
            i.item_id: getattr(i.detail, "private_note", None)
            for i in cases.timeline(ctx, case_id)
            if i.kind is TimelineKind.SESSION
        }

    assert notes(lin) == {mine: "林的过程记录", theirs: None}
    assert notes(zhou) == {mine: None, theirs: "周的过程记录"}
    assert notes(custodian) == {mine: None, theirs: None}
    assert {e.detail for e in audit_rows(custodian, "case_view")} == {"timeline"}
