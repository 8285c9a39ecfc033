"""Risk levels and crisis events (危机干预).

Every case carries a current risk level; each change is a ``RiskChange`` row. Raising
a level may carry a short reason; lowering it from high or imminent requires one,
so a pinned case leaves the dashboard only with a written reason. A crisis event
raises the level to at least high unless the counsellor states another level.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session, object_session

from station.errors import PermissionDenied, ValidationError
from station.models import Case, CrisisEvent, RiskChange, ServiceSession
from station.models.enums import Role
from station.models.vocab import CrisisAction, RiskLevel, label
from station.services import access, audit
from station.services.clients import check_choice, check_date, require_choice
from station.services.context import SignedIn
from station.services.validation import check_text

REASON_MAX = 500
TEXT_MAX = 4000
CRISIS_DEFAULT_REASON = "危机事件"


def _check_reason(reason: str, field: str) -> str:
    return check_text(reason or "", field, "原因", REASON_MAX, required=False)


def change_risk(
    session: Session,
    ctx: SignedIn,
    case: Case,
    level: RiskLevel | str,
    reason: str = "",
    *,
    field: str = "reason",
) -> RiskChange | None:
    """Set the case's level inside the caller's transaction; None when it is unchanged.

    The caller has already checked that ``ctx`` may work on ``case``.
    """
    new = require_choice(RiskLevel, level, "risk_level", "风险等级")
    old = RiskLevel(case.risk_level)
    if new is old:
        return None
    text = _check_reason(reason, field)
    if new.rank < old.rank and old.pinned and not text:
        where = "请在本次服务记录的观察评估中写明依据。" if field == "observation" else ""
        raise ValidationError(
            f"风险等级从“{label(old)}”下调时，必须写明下调原因。{where}",
            "Lowering the risk from high or imminent needs a reason.",
            field=field,
        )
    change = RiskChange(
        case_id=case.id,
        from_level=old.value,
        to_level=new.value,
        reason=text,
        changed_by=ctx.user_id,
    )
    session.add(change)
    case.risk_level = new.value
    session.flush()
    audit.record(session, ctx, "risk_change", "case", case.id, f"{old.value}>{new.value}")
    return change


def set_risk(ctx: SignedIn, case_id: int, level: RiskLevel | str, reason: str = "") -> int:
    """Change a case's current risk level; returns the ``RiskChange`` id."""
    ctx.require(Role.COUNSELLOR)
    new = require_choice(RiskLevel, level, "risk_level", "风险等级")
    _check_reason(reason, "reason")
    with ctx.vault.transaction() as s:
        case = access.get_case_for_work(s, ctx, case_id)
        change = change_risk(s, ctx, case, new, reason)
        if change is None:
            raise ValidationError(
                "风险等级与当前相同，未作改动。", "The risk level is unchanged.", field="risk_level"
            )
        return change.id


def apply_session_risk(
    session: Session | ServiceSession,
    ctx: SignedIn,
    case: Case,
    level: RiskLevel | str,
    reason: str = "",
    *,
    field: str = "risk_reason",
) -> int | None:
    """For the session services: a session's risk judgement becomes the case's level
    when it differs. Runs inside the caller's transaction (the session row and the
    risk change commit together). Returns the ``RiskChange`` id, or None if unchanged.

    ``session`` is the caller's database session, or the session row itself (its
    database session is used). Lowering from high or imminent needs a reason: the
    given ``reason``, else the row's observation notes (the change then points to the
    session); without either it raises ValidationError at ``field``, or at
    ``observation`` when a row was given.
    """
    if ctx.role is not Role.COUNSELLOR:
        raise PermissionDenied
    row = session if isinstance(session, ServiceSession) else None
    db = object_session(row) if row is not None else session
    if not isinstance(db, Session):
        raise TypeError("apply_session_risk needs a session row attached to a transaction")
    text = reason.strip()
    if not text and row is not None:
        new = require_choice(RiskLevel, level, "risk_level", "风险等级")
        old = RiskLevel(case.risk_level)
        lowering = new.rank < old.rank and old.pinned
        if not lowering or row.observation.strip():
            text = f"依据 {row.held_on:%Y-%m-%d} 的服务记录评估"
        else:
            field = "observation"
    change = change_risk(db, ctx, case, level, text, field=field)
    return None if change is None else change.id


# -- crisis events ----------------------------------------------------------------
@dataclass(frozen=True)
class CrisisInput:
    occurred_on: date | None
    description: str
    actions: tuple[CrisisAction, ...] = field(default_factory=tuple)
    safety_plan: str = ""
    # The level after the event: None means "at least high". A lower level than the
    # current high or imminent one needs ``risk_reason``.
    risk_level: RiskLevel | None = None
    risk_reason: str = ""


@dataclass(frozen=True)
class _CleanCrisis:
    occurred_on: date
    description: str
    actions: str
    safety_plan: str


def _clean_crisis(data: CrisisInput) -> _CleanCrisis:
    occurred = check_date(data.occurred_on, "occurred_on", "发生日期", not_after=date.today())
    description = check_text(data.description, "description", "事件经过", TEXT_MAX)
    actions: list[CrisisAction] = []
    for item in data.actions:
        action = require_choice(CrisisAction, item, "actions", "处置措施")
        if action not in actions:
            actions.append(action)
    ordered = [a for a in CrisisAction if a in actions]
    plan = check_text(data.safety_plan, "safety_plan", "安全计划", TEXT_MAX, required=False)
    return _CleanCrisis(occurred, description, ",".join(a.value for a in ordered), plan)


def record_crisis(ctx: SignedIn, case_id: int, data: CrisisInput) -> int:
    """Record a crisis event and set the risk (at least high unless given)."""
    ctx.require(Role.COUNSELLOR)
    clean = _clean_crisis(data)
    wanted = check_choice(RiskLevel, data.risk_level, "risk_level", "风险等级")
    _check_reason(data.risk_reason, "risk_reason")
    with ctx.vault.transaction() as s:
        case = access.get_case_for_work(s, ctx, case_id)
        check_date(clean.occurred_on, "occurred_on", "发生日期", not_before=case.opened_on)
        current = RiskLevel(case.risk_level)
        if wanted is None:
            target = current if current.rank >= RiskLevel.HIGH.rank else RiskLevel.HIGH
        else:
            target = wanted
        reason = data.risk_reason.strip()
        if not reason and target.rank > current.rank:
            reason = CRISIS_DEFAULT_REASON
        change_risk(s, ctx, case, target, reason, field="risk_reason")
        event = CrisisEvent(
            case_id=case.id,
            occurred_on=clean.occurred_on,
            description=clean.description,
            actions=clean.actions,
            safety_plan=clean.safety_plan,
            created_by=ctx.user_id,
        )
        s.add(event)
        s.flush()
        audit.record(s, ctx, "crisis_record", "crisis", event.id, f"case={case.id}")
        return event.id


def update_crisis(ctx: SignedIn, crisis_id: int, data: CrisisInput) -> int:
    """Correct a crisis record (date, account, actions, safety plan). The risk level
    is not touched here: use ``set_risk``. Returns the event's id."""
    ctx.require(Role.COUNSELLOR)
    clean = _clean_crisis(data)
    with ctx.vault.transaction() as s:
        event = s.get(CrisisEvent, crisis_id)
        if event is None or event.deleted_at is not None:
            raise access.NotFound("危机事件")
        case = access.get_case_for_work(s, ctx, event.case_id)
        check_date(clean.occurred_on, "occurred_on", "发生日期", not_before=case.opened_on)
        changed = [
            name
            for name in _CleanCrisis.__dataclass_fields__
            if getattr(event, name) != getattr(clean, name)
        ]
        for name in changed:
            setattr(event, name, getattr(clean, name))
        if changed:
            audit.record(s, ctx, "crisis_update", "crisis", event.id, ",".join(changed))
        return event.id
