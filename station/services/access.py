"""Who may see and change which person's record. Every service path goes through here.

- custodian: every case and client (soft-deleted ones too), identity included; never
  another author's private process notes.
- counsellor: cases assigned to them, shared with them, or opened through emergency
  access that has not expired; identity of those cases' clients.
- station lead: no person's record at all, only aggregate figures.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true
from sqlalchemy.orm import Session

from station.errors import PermissionDenied, StationError
from station.models import Case, CaseShare, Client, EmergencyAccess
from station.models.base import utcnow
from station.models.enums import Role
from station.services.context import SignedIn

EMERGENCY_ACCESS_HOURS = 4


class NotFound(StationError):
    def __init__(self, what: str = "记录") -> None:
        super().__init__(f"找不到该{what}（可能已删除或您无权查看）。", "Record not found.")


def _emergency_open(ctx: SignedIn, now: datetime) -> ColumnElement[bool]:
    return exists().where(
        EmergencyAccess.case_id == Case.id,
        EmergencyAccess.user_id == ctx.user_id,
        EmergencyAccess.expires_at > now,
    )


def case_scope(ctx: SignedIn, now: datetime | None = None) -> ColumnElement[bool]:
    """A WHERE clause over ``Case`` selecting exactly the cases this user may see."""
    if ctx.role is Role.CUSTODIAN:
        return true()
    if ctx.role is not Role.COUNSELLOR:
        return false()
    moment = now or utcnow()
    return and_(
        Case.deleted_at.is_(None),
        or_(
            Case.counsellor_id == ctx.user_id,
            exists().where(CaseShare.case_id == Case.id, CaseShare.user_id == ctx.user_id),
            _emergency_open(ctx, moment),
        ),
    )


def client_scope(ctx: SignedIn) -> ColumnElement[bool]:
    """Clients with a visible case, plus those this counsellor registered without one yet."""
    if ctx.role is Role.CUSTODIAN:
        return true()
    if ctx.role is not Role.COUNSELLOR:
        return false()
    visible_case = exists().where(Case.client_id == Client.id, case_scope(ctx))
    no_case_yet = and_(
        Client.created_by == ctx.user_id,
        ~exists().where(Case.client_id == Client.id, Case.deleted_at.is_(None)),
    )
    return and_(Client.deleted_at.is_(None), or_(visible_case, no_case_yet))


def require_person_records(ctx: SignedIn) -> None:
    ctx.require(Role.CUSTODIAN, Role.COUNSELLOR)


def get_case(session: Session, ctx: SignedIn, case_id: int) -> Case:
    """The case if this user may see it; NotFound otherwise (no hint that it exists)."""
    require_person_records(ctx)
    case = session.scalars(select(Case).where(Case.id == case_id, case_scope(ctx))).first()
    if case is None:
        raise NotFound("个案")
    return case


def get_case_for_work(session: Session, ctx: SignedIn, case_id: int) -> Case:
    """The case if this user may add to it: its counsellors (assigned, shared, emergency).

    The custodian keeps the archive but does not write clinical entries into it.
    """
    ctx.require(Role.COUNSELLOR)
    case = get_case(session, ctx, case_id)
    return case


def get_client(session: Session, ctx: SignedIn, client_id: int) -> Client:
    require_person_records(ctx)
    client = session.scalars(
        select(Client).where(Client.id == client_id, client_scope(ctx))
    ).first()
    if client is None:
        raise NotFound("来访者")
    return client


def sees_identity(session: Session, ctx: SignedIn, client: Client) -> bool:
    """Name, unit, phone and emergency contact: assigned counsellors and the custodian."""
    if ctx.role is Role.CUSTODIAN:
        return True
    if ctx.role is not Role.COUNSELLOR:
        return False
    if client.created_by == ctx.user_id:
        return True
    return (
        session.scalar(select(exists().where(Case.client_id == client.id, case_scope(ctx))))
        or False
    )


def emergency_expiry(now: datetime | None = None) -> datetime:
    return (now or utcnow()) + timedelta(hours=EMERGENCY_ACCESS_HOURS)


def require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied
