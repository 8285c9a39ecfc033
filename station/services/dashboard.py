"""The dashboard: today's sessions, overdue follow-ups, pinned high-risk cases, emergency
grants on my cases, open assessment warnings, and this month's counts.

Counsellors see their visible cases; the custodian sees all. The station lead sees
only the counts (station-wide): every list is empty and no case code is returned.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session

from station.models import Case, Client, FollowUp, RiskChange, ServiceSession, User
from station.models.base import utcnow
from station.models.enums import Role
from station.models.vocab import CaseStatus, RiskLevel, ServiceKind
from station.services import access
from station.services.assessments import open_warnings_in
from station.services.context import SignedIn
from station.services.emergency import grants_in
from station.services.followups import overdue_in
from station.services.referrals import overdue_referrals_in
from station.services.search import client_label
from station.services.views import Dashboard, MonthCounts, PinnedCase, TodaySession

PINNED_LEVELS = tuple(level.value for level in RiskLevel if level.pinned)


def _month(today: date) -> tuple[date, date]:
    first = today.replace(day=1)
    following = (
        date(first.year + 1, 1, 1) if first.month == 12 else first.replace(month=first.month + 1)
    )
    return first, following


def _counted_cases(ctx: SignedIn) -> ColumnElement[bool]:
    """Counsellors count the cases they see; the custodian and the lead the station's."""
    live = Case.deleted_at.is_(None)
    if ctx.role is Role.COUNSELLOR:
        return and_(live, access.case_scope(ctx))
    return live


def _count(session: Session, stmt: Select[tuple[int]]) -> int:
    return int(session.scalar(stmt) or 0)


def month_counts(session: Session, ctx: SignedIn, today: date) -> MonthCounts:
    first, following = _month(today)
    scope = _counted_cases(ctx)
    new_cases = (
        select(func.count())
        .select_from(Case)
        .where(scope, Case.opened_on >= first, Case.opened_on < following)
    )
    closed = (
        select(func.count())
        .select_from(Case)
        .where(
            scope,
            Case.status == CaseStatus.CLOSED.value,
            Case.closed_on >= first,
            Case.closed_on < following,
        )
    )
    sessions = (
        select(func.count())
        .select_from(ServiceSession)
        .join(Case, Case.id == ServiceSession.case_id)
        .where(
            scope,
            ServiceSession.deleted_at.is_(None),
            ServiceSession.held_on >= first,
            ServiceSession.held_on < following,
        )
    )
    done = (
        select(func.count())
        .select_from(FollowUp)
        .join(Case, Case.id == FollowUp.case_id)
        .where(
            scope,
            FollowUp.deleted_at.is_(None),
            FollowUp.done_on >= first,
            FollowUp.done_on < following,
        )
    )
    return MonthCounts(
        year=first.year,
        month=first.month,
        new_cases=_count(session, new_cases),
        sessions=_count(session, sessions),
        closed_cases=_count(session, closed),
        follow_ups_done=_count(session, done),
    )


def _today_sessions(session: Session, ctx: SignedIn, today: date) -> tuple[TodaySession, ...]:
    rows = session.execute(
        select(
            ServiceSession.id,
            Case.id,
            Case.code,
            client_label(ctx),
            ServiceSession.kind,
            ServiceSession.start_time,
            User.display_name,
        )
        .join(Case, Case.id == ServiceSession.case_id)
        .join(Client, Client.id == Case.client_id)
        .join(User, User.id == ServiceSession.counsellor_id)
        .where(
            access.case_scope(ctx),
            Case.deleted_at.is_(None),
            ServiceSession.deleted_at.is_(None),
            ServiceSession.held_on == today,
        )
        .order_by(ServiceSession.start_time.is_(None), ServiceSession.start_time, ServiceSession.id)
    )
    return tuple(
        TodaySession(sid, cid, code, label or "", ServiceKind(kind), start, counsellor)
        for sid, cid, code, label, kind, start, counsellor in rows
    )


def _pinned(session: Session, ctx: SignedIn) -> tuple[PinnedCase, ...]:
    since = (
        select(func.max(RiskChange.changed_at))
        .where(RiskChange.case_id == Case.id, RiskChange.to_level == Case.risk_level)
        .correlate(Case)
        .scalar_subquery()
    )
    rank = case({"imminent": 1, "high": 0}, value=Case.risk_level, else_=0)
    rows = session.execute(
        select(Case.id, Case.code, client_label(ctx), User.display_name, Case.risk_level, since)
        .join(Client, Client.id == Case.client_id)
        .join(User, User.id == Case.counsellor_id)
        .where(
            access.case_scope(ctx),
            Case.deleted_at.is_(None),
            Case.status == CaseStatus.OPEN.value,
            Case.risk_level.in_(PINNED_LEVELS),
        )
        .order_by(rank.desc(), Case.opened_on, Case.id)
    )
    return tuple(
        PinnedCase(cid, code, label or "", counsellor, RiskLevel(level), at)
        for cid, code, label, counsellor, level, at in rows
    )


def dashboard(ctx: SignedIn, today: date | None = None) -> Dashboard:
    day = today or date.today()
    with ctx.vault.transaction() as s:
        counts = month_counts(s, ctx, day)
        if not ctx.sees_person_records:
            return Dashboard(day, (), (), (), (), counts)
        return Dashboard(
            today=day,
            today_sessions=_today_sessions(s, ctx, day),
            overdue_follow_ups=tuple(overdue_in(s, ctx, day)),
            pinned=_pinned(s, ctx),
            emergency_grants=tuple(grants_in(s, ctx, utcnow())),
            counts=counts,
            open_warnings=tuple(open_warnings_in(s, ctx)),
            overdue_referrals=tuple(overdue_referrals_in(s, ctx, day)),
        )
