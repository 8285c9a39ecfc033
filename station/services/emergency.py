"""Emergency access (break-the-glass): a counsellor opens a colleague's case in a crisis.

The counsellor first finds the case by its exact code (the lookup answers with the
case's id or nothing: no name, no status, no counsellor) and then writes a reason of
at least ``MIN_REASON_CHARS`` characters. Access lasts ``access.EMERGENCY_ACCESS_HOURS``
hours. Both steps are audited; the grant's audit entry holds its id and a keyed
digest of the reason (the reason itself stays in the vault, not in the log, which
holds no free text), so a later change to the stored reason is detectable. The
case's assigned counsellor and the custodian see active and recent grants on their
dashboard.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, exists, select, true
from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.models import AuditEntry, Case, EmergencyAccess
from station.models.base import utcnow
from station.models.enums import Role
from station.services import access, audit
from station.services.clients import user_refs
from station.services.context import SignedIn
from station.services.validation import check_text
from station.services.views import EmergencyGrant, UserRef

MIN_REASON_CHARS = 10
REASON_MAX = 500
RECENT_DAYS = 7  # expired grants stay on the dashboard this long
CODE_RE = re.compile(r"^\d{4}-\d{4,6}$")


def _reason_digest(ctx: SignedIn, grant_id: int, reason: str) -> str:
    suite = ctx.vault.suite
    key = suite.subkey(ctx.vault.data_key, "station emergency reason")
    return suite.mac(key, f"{grant_id}|{reason}".encode())[:32]


def find_case_code(ctx: SignedIn, code: str) -> int | None:
    """Across ALL cases: the id of the (not deleted) case with exactly this code, or
    None. Nothing else about the case is returned. Audited."""
    ctx.require(Role.COUNSELLOR)
    text = (code or "").strip()
    if not CODE_RE.match(text):
        raise ValidationError(
            "请输入完整的个案编号，例如 2026-0042。",
            "Enter the full case code, e.g. 2026-0042.",
            field="code",
        )
    with ctx.vault.transaction() as s:
        case_id = s.scalar(select(Case.id).where(Case.code == text, Case.deleted_at.is_(None)))
        audit.record(
            s,
            ctx,
            "emergency_lookup",
            "case",
            case_id if case_id is not None else "",
            "found" if case_id is not None else "not_found",
        )
        return case_id


def _grant_view(
    grant: EmergencyAccess, code: str, refs: dict[int, UserRef], now: datetime
) -> EmergencyGrant:
    return EmergencyGrant(
        id=grant.id,
        case_id=grant.case_id,
        case_code=code,
        user=refs.get(grant.user_id, UserRef(grant.user_id, "")),
        reason=grant.reason,
        granted_at=grant.granted_at,
        expires_at=grant.expires_at,
        active=grant.expires_at > now,
    )


def open_in_emergency(ctx: SignedIn, case_id: int, reason: str) -> EmergencyGrant:
    """Open a case this counsellor cannot otherwise see, for a limited time."""
    ctx.require(Role.COUNSELLOR)
    text = check_text(reason, "reason", "紧急访问原因", REASON_MAX)
    if len(text) < MIN_REASON_CHARS:
        raise ValidationError(
            f"请写明紧急访问的原因（至少 {MIN_REASON_CHARS} 个字）。",
            f"Give a reason of at least {MIN_REASON_CHARS} characters.",
            field="reason",
        )
    with ctx.vault.transaction() as s:
        case = s.get(Case, case_id)
        if case is None or case.deleted_at is not None:
            raise access.NotFound("个案")
        visible = s.scalar(select(exists().where(Case.id == case.id, access.case_scope(ctx))))
        if visible:
            raise ValidationError(
                "您已可以查看此个案，无需紧急访问。",
                "You can already see this case.",
                field="case_id",
            )
        now = utcnow()
        grant = EmergencyAccess(
            case_id=case.id,
            user_id=ctx.user_id,
            reason=text,
            granted_at=now,
            expires_at=access.emergency_expiry(now),
        )
        s.add(grant)
        s.flush()
        audit.record(
            s,
            ctx,
            "emergency_access",
            "case",
            case.id,
            f"grant={grant.id};reason_mac={_reason_digest(ctx, grant.id, text)}",
        )
        return _grant_view(grant, case.code, user_refs(s, [ctx.user_id]), now)


def grants_in(session: Session, ctx: SignedIn, now: datetime) -> list[EmergencyGrant]:
    """Active and recent grants: every one for the custodian, those on the cases a
    counsellor is assigned to for a counsellor; newest first."""
    mine: ColumnElement[bool]
    if ctx.role is Role.CUSTODIAN:
        mine = true()
    elif ctx.role is Role.COUNSELLOR:
        mine = (Case.counsellor_id == ctx.user_id) & Case.deleted_at.is_(None)
    else:
        return []
    rows = session.execute(
        select(EmergencyAccess, Case.code)
        .join(Case, Case.id == EmergencyAccess.case_id)
        .where(
            mine,
            (EmergencyAccess.expires_at > now)
            | (EmergencyAccess.granted_at > now - timedelta(days=RECENT_DAYS)),
        )
        .order_by(EmergencyAccess.granted_at.desc(), EmergencyAccess.id.desc())
    ).all()
    refs = user_refs(session, [g.user_id for g, _ in rows])
    return [_grant_view(g, code, refs, now) for g, code in rows]


def my_active_grants(ctx: SignedIn) -> list[EmergencyGrant]:
    """The cases this counsellor currently holds emergency access to."""
    ctx.require(Role.COUNSELLOR)
    now = utcnow()
    with ctx.vault.transaction() as s:
        rows = s.execute(
            select(EmergencyAccess, Case.code)
            .join(Case, Case.id == EmergencyAccess.case_id)
            .where(
                EmergencyAccess.user_id == ctx.user_id,
                EmergencyAccess.expires_at > now,
                Case.deleted_at.is_(None),
            )
            .order_by(EmergencyAccess.expires_at)
        ).all()
        refs = user_refs(s, [ctx.user_id])
        return [_grant_view(g, code, refs, now) for g, code in rows]


def reason_matches_audit(ctx: SignedIn, grant_id: int) -> bool:
    """Custodian: whether the stored reason is the one the audit log vouched for."""
    ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        grant = s.get(EmergencyAccess, grant_id)
        if grant is None:
            raise access.NotFound("紧急访问记录")
        prefix = f"grant={grant.id};reason_mac="
        detail = s.scalar(
            select(AuditEntry.detail).where(
                AuditEntry.action == "emergency_access",
                AuditEntry.object_id == str(grant.case_id),
                AuditEntry.detail.startswith(prefix, autoescape=True),
            )
        )
        if detail is None:
            return False
        return detail == prefix + _reason_digest(ctx, grant.id, grant.reason)
