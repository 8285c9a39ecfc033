"""The access rules, proved against the services: own and shared cases only, emergency
access for a limited time, no identity outside one's cases, the station lead sees no
person's record, the custodian sees all but never another's private note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from station.errors import PermissionDenied, ValidationError
from station.models import AuditEntry, EmergencyAccess
from station.models.base import utcnow
from station.models.vocab import CaseSource, Concern, FollowUpMethod, RiskLevel
from station.services import (
    access,
    accounts,
    cases,
    clients,
    dashboard,
    emergency,
    followups,
    risk,
    search,
)
from station.services.context import SignedIn
from station.services.views import TimelineKind
from tests.records_fixtures import (
    insert_session,
    make_counsellor,
    new_client,
    new_client_case,
)

TODAY = date.today()


@pytest.fixture
def lins_case(lin: SignedIn) -> tuple[int, int]:
    return new_client_case(lin, name="欧阳秘", alias="松柏", phone="13912345678")


def audit_entries(ctx: SignedIn, action: str) -> list[AuditEntry]:
    with ctx.vault.transaction() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def every_record_call(client_id: int, case_id: int) -> dict[str, Callable[[SignedIn], object]]:
    """One call of each service that touches a person's record."""
    crisis = risk.CrisisInput(TODAY, "情绪激动", ())
    return {
        "client_view": lambda c: clients.client_view(c, client_id),
        "update_client": lambda c: clients.update_client(
            c, client_id, clients.ClientInput(name="改名")
        ),
        "delete_client": lambda c: clients.delete_client(c, client_id),
        "case_view": lambda c: cases.case_view(c, case_id),
        "timeline": lambda c: cases.timeline(c, case_id),
        "update_case": lambda c: cases.update_case(
            c, case_id, cases.CaseEdit(CaseSource.SELF, (Concern.SLEEP,))
        ),
        "record_consent": lambda c: cases.record_consent(c, case_id, "v1", TODAY, True),
        "share_case": lambda c: cases.share_case(c, case_id, c.user_id),
        "unshare_case": lambda c: cases.unshare_case(c, case_id, c.user_id),
        "close_case": lambda c: cases.close_case(c, case_id, "小结"),
        "reopen_case": lambda c: cases.reopen_case(c, case_id, "原因"),
        "set_risk": lambda c: risk.set_risk(c, case_id, RiskLevel.MEDIUM, "原因"),
        "record_crisis": lambda c: risk.record_crisis(c, case_id, crisis),
        "plan_follow_up": lambda c: followups.plan_follow_up(
            c, case_id, TODAY, FollowUpMethod.PHONE
        ),
    }


def test_counsellor_cannot_see_or_change_a_colleagues_case(
    lin: SignedIn, zhou: SignedIn, lins_case: tuple[int, int]
) -> None:
    client_id, case_id = lins_case
    for name, call in every_record_call(client_id, case_id).items():
        with pytest.raises(access.NotFound):
            call(zhou)
        assert name  # every call raised NotFound: no hint that the record exists
    assert search.search_cases(zhou, search.CaseQuery()).items == ()
    assert search.search_cases(zhou, search.CaseQuery(text="欧阳")).items == ()
    assert search.count_cases(zhou, search.CaseQuery()) == 0
    assert dashboard.dashboard(zhou, TODAY).counts.new_cases == 0
    # nothing changed for the owner
    view = cases.case_view(lin, case_id)
    assert view.client_name == "欧阳秘" and view.risk_level is RiskLevel.NONE


def test_sharing_opens_the_case_to_the_named_colleague_only(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn, vault_dir: Path, lins_case: tuple[int, int]
) -> None:
    client_id, case_id = lins_case
    with pytest.raises(access.NotFound):
        cases.share_case(zhou, case_id, zhou.user_id)  # cannot share themself in
    cases.share_case(lin, case_id, zhou.user_id)
    view = cases.case_view(zhou, case_id)
    assert view.client_name == "欧阳秘" and view.can_work and view.can_close
    assert not view.can_share and view.emergency_until is None
    assert clients.client_view(zhou, client_id).phone == "13912345678"
    followups.plan_follow_up(zhou, case_id, TODAY, FollowUpMethod.PHONE)
    with pytest.raises(PermissionDenied):  # only the assigned counsellor or the custodian
        cases.share_case(zhou, case_id, lin.user_id)
    third = make_counsellor(custodian, vault_dir, "wu", "吴咨询")
    try:
        with pytest.raises(access.NotFound):
            cases.case_view(third, case_id)
    finally:
        accounts.logout(third)
    cases.unshare_case(custodian, case_id, zhou.user_id)
    with pytest.raises(access.NotFound):
        cases.case_view(zhou, case_id)
    assert [e.detail for e in audit_entries(lin, "case_share")] == [f"user={zhou.user_id}"]
    assert [e.detail for e in audit_entries(lin, "case_unshare")] == [f"user={zhou.user_id}"]


def test_share_only_with_active_counsellors(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn, lead: SignedIn, lins_case: tuple[int, int]
) -> None:
    _, case_id = lins_case
    for target in (lead.user_id, custodian.user_id, lin.user_id, 999):
        with pytest.raises(ValidationError) as exc:
            cases.share_case(lin, case_id, target)
        assert exc.value.field == "user_id"
    accounts.deactivate_user(custodian, zhou.user_id)
    with pytest.raises(ValidationError) as exc:
        cases.share_case(lin, case_id, zhou.user_id)
    assert exc.value.field == "user_id"


def test_no_identity_outside_ones_own_cases(
    lin: SignedIn, zhou: SignedIn, lins_case: tuple[int, int]
) -> None:
    client_id, case_id = lins_case
    code = cases.case_view(lin, case_id).code
    # the emergency lookup answers with the id alone
    assert emergency.find_case_code(zhou, code) == case_id
    with pytest.raises(access.NotFound):
        clients.client_view(zhou, client_id)
    assert search.search_cases(zhou, search.CaseQuery(text="13912345678")).items == ()
    assert search.search_cases(lin, search.CaseQuery(text="欧阳秘")).items[0].client == "欧阳秘"
    assert [e for e in audit_entries(zhou, "identity_view") if e.user_id == zhou.user_id] == []


def test_emergency_access_lasts_until_it_expires(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn, lins_case: tuple[int, int]
) -> None:
    client_id, case_id = lins_case
    code = cases.case_view(lin, case_id).code
    with pytest.raises(ValidationError) as exc:
        emergency.find_case_code(zhou, "2026")
    assert exc.value.field == "code"
    assert emergency.find_case_code(zhou, "1999-0001") is None
    found = emergency.find_case_code(zhou, f" {code} ")
    assert found == case_id
    with pytest.raises(ValidationError) as exc:
        emergency.open_in_emergency(zhou, case_id, "危机")
    assert exc.value.field == "reason"
    with pytest.raises(ValidationError) as exc:  # the owner needs no emergency access
        emergency.open_in_emergency(lin, case_id, "来访者家属来电称情况危急")
    assert exc.value.field == "case_id"
    with pytest.raises(PermissionDenied):
        emergency.open_in_emergency(custodian, case_id, "来访者家属来电称情况危急")

    reason = "林老师休假，来访者家属来电称其情况危急"
    grant = emergency.open_in_emergency(zhou, case_id, reason)
    assert grant.active and grant.case_code == code and grant.user.display_name == "周咨询"
    assert grant.expires_at - grant.granted_at == timedelta(hours=access.EMERGENCY_ACCESS_HOURS)
    view = cases.case_view(zhou, case_id)
    assert view.emergency_until == grant.expires_at and view.can_work and not view.can_close
    risk.set_risk(zhou, case_id, RiskLevel.HIGH, "电话评估")
    with pytest.raises(PermissionDenied):
        cases.close_case(zhou, case_id, "小结")
    # audited with the grant id and a digest of the reason, never the reason itself
    (entry,) = audit_entries(zhou, "emergency_access")
    assert entry.object_id == str(case_id) and entry.detail.startswith(f"grant={grant.id};")
    assert "休假" not in entry.detail
    assert [e.detail for e in audit_entries(zhou, "emergency_lookup")] == [
        "not_found",
        "found",
    ]
    assert [e.detail for e in audit_entries(zhou, "case_view") if e.user_id == zhou.user_id] == [
        "emergency"
    ]
    # the assigned counsellor and the custodian see it on their dashboards
    for ctx in (lin, custodian):
        (shown,) = dashboard.dashboard(ctx, TODAY).emergency_grants
        assert shown.id == grant.id and shown.reason == reason and shown.active
    assert dashboard.dashboard(zhou, TODAY).emergency_grants == ()
    assert [g.case_id for g in emergency.my_active_grants(zhou)] == [case_id]
    assert emergency.reason_matches_audit(custodian, grant.id)

    # four hours later the door is shut again
    with custodian.vault.transaction() as s:
        s.execute(
            update(EmergencyAccess)
            .where(EmergencyAccess.id == grant.id)
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    for call in every_record_call(client_id, case_id).values():
        with pytest.raises(access.NotFound):
            call(zhou)
    (recent,) = dashboard.dashboard(lin, TODAY).emergency_grants
    assert not recent.active
    assert emergency.my_active_grants(zhou) == []
    # a changed reason no longer matches what the log vouched for
    with custodian.vault.transaction() as s:
        s.execute(update(EmergencyAccess).values(reason="事后改写的原因文字"))
    assert not emergency.reason_matches_audit(custodian, grant.id)


def test_station_lead_sees_no_person_record(
    lead: SignedIn, lin: SignedIn, lins_case: tuple[int, int]
) -> None:
    client_id, case_id = lins_case
    insert_session(lin, case_id, TODAY)
    calls = every_record_call(client_id, case_id)
    calls.update(
        {
            "register_client": lambda c: clients.register_client(
                c, clients.ClientInput(name="某人")
            ),
            "open_case": lambda c: cases.open_case(
                c, cases.CaseInput(client_id, CaseSource.SELF, (Concern.SLEEP,))
            ),
            "search_cases": lambda c: search.search_cases(c, search.CaseQuery()),
            "count_cases": lambda c: search.count_cases(c, search.CaseQuery()),
            "find_case_code": lambda c: emergency.find_case_code(c, "2026-0001"),
            "open_in_emergency": lambda c: emergency.open_in_emergency(
                c, case_id, "十个字以上的紧急原因说明"
            ),
            "overdue_follow_ups": lambda c: followups.overdue_follow_ups(c, TODAY),
            "reassign_case": lambda c: cases.reassign_case(c, case_id, lin.user_id),
            "delete_case": lambda c: cases.delete_case(c, case_id),
            "purge_client": lambda c: clients.purge_client(c, client_id),
        }
    )
    for name, call in calls.items():
        with pytest.raises(PermissionDenied):
            call(lead)
        assert name
    board = dashboard.dashboard(lead, TODAY)
    assert board.counts.new_cases == 1 and board.counts.sessions == 1
    assert board.today_sessions == () and board.overdue_follow_ups == ()
    assert board.pinned == () and board.emergency_grants == ()
    assert "2026-" not in repr(board) and "欧阳" not in repr(board)


def test_custodian_sees_all_but_never_anothers_private_note(
    custodian: SignedIn, lin: SignedIn, lins_case: tuple[int, int]
) -> None:
    client_id, case_id = lins_case
    insert_session(lin, case_id, TODAY, private_note="林的过程记录")
    view = cases.case_view(custodian, case_id)
    assert view.client_name == "欧阳秘" and not view.can_work and view.can_share
    assert clients.client_view(custodian, client_id).phone == "13912345678"
    (item,) = [i for i in cases.timeline(custodian, case_id) if i.kind is TimelineKind.SESSION]
    assert getattr(item.detail, "private_note", "x") is None
    assert "林的过程记录" not in repr(cases.timeline(custodian, case_id))
    assert search.count_cases(custodian, search.CaseQuery()) == 1
    with pytest.raises(PermissionDenied):  # the custodian keeps archives, writes no notes
        risk.set_risk(custodian, case_id, RiskLevel.LOW)


def test_soft_delete_hides_from_counsellors_and_shows_to_the_custodian(
    custodian: SignedIn, lin: SignedIn, lins_case: tuple[int, int]
) -> None:
    client_id, case_id = lins_case
    with pytest.raises(PermissionDenied):
        cases.delete_case(lin, case_id)
    cases.delete_case(custodian, case_id)
    with pytest.raises(access.NotFound):
        cases.case_view(lin, case_id)
    assert search.count_cases(lin, search.CaseQuery()) == 0
    # with no live case left, the client returns to its registering counsellor
    assert clients.client_view(lin, client_id).cases == ()
    (row,) = search.search_cases(custodian, search.CaseQuery()).items
    assert row.deleted and row.id == case_id
    assert search.count_cases(custodian, search.CaseQuery(deleted=False)) == 0
    assert cases.case_view(custodian, case_id).deleted
    cases.restore_case(custodian, case_id)
    assert not cases.case_view(lin, case_id).deleted


def test_views_and_edits_are_audited(lin: SignedIn, custodian: SignedIn) -> None:
    client_id = new_client(lin, name="赵六")
    case_id = cases.open_case(lin, cases.CaseInput(client_id, CaseSource.SELF, (Concern.SLEEP,)))
    cases.case_view(lin, case_id)
    clients.client_view(lin, client_id)
    risk.set_risk(lin, case_id, RiskLevel.MEDIUM)

    def seen(action: str) -> list[tuple[str, str]]:
        return [(e.object_kind, e.object_id) for e in audit_entries(custodian, action)]

    assert seen("client_register") == [("client", str(client_id))]
    assert seen("case_open") == [("case", str(case_id))]
    assert seen("case_view") == [("case", str(case_id))]
    assert seen("client_view") == [("client", str(client_id))]
    assert seen("identity_view") == [("client", str(client_id))] * 2  # case view, client view
    assert seen("risk_change") == [("case", str(case_id))]
    with custodian.vault.transaction() as s:
        details = list(s.scalars(select(AuditEntry.detail)))
    assert not any("赵六" in d for d in details)
