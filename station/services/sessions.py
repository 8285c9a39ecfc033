"""Service sessions (服务记录): intake, individual, sandplay, music, relaxation, talk,
crisis and remote contacts, each with structured notes, a risk judgement and a
private process note (过程记录).

Rules:
- Only the case's counsellors (assigned, shared, emergency access) add or edit
  sessions (``access.get_case_for_work``); a closed case takes no new or changed
  sessions until it is reopened.
- A session is dated no later than tomorrow and not before the case was opened.
- The private process note is shown only to its author (the user who created the
  session). The custodian never sees it (the custodian writes no sessions), and a
  colleague who shares the case neither sees nor overwrites it.
- Deletion is soft: the author (while the case is open) or the custodian. The
  custodian still sees deleted sessions, marked as deleted.
- Every write, and every ``session_view``, is one transaction with its audit entry.
  ``list_sessions`` gives only the timeline columns (no notes) and is not audited on
  its own: it is what the audited opening of the case shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.errors import PermissionDenied, StationError, ValidationError
from station.models import (
    Case,
    CaseShare,
    EmergencyAccess,
    SandplayDetail,
    SandplayPhoto,
    ServiceSession,
    User,
)
from station.models.base import utcnow
from station.models.enums import Role
from station.models.vocab import CaseStatus, RiskLevel, ServiceKind
from station.services import access, audit, risk
from station.services.clients import check_date, require_choice, user_refs
from station.services.context import SignedIn
from station.services.validation import check_text
from station.services.views import UserRef

MIN_DURATION = 1
MAX_DURATION = 480
NOTE_MAX = 20_000
ROOM_MAX = 40
EARLIEST = date(2000, 1, 1)
TAG_SEPARATOR = "、"

NOTE_FIELDS = ("presenting", "intervention", "observation", "plan")
_NOTE_LABELS = {
    "presenting": "来访情况",
    "intervention": "干预措施",
    "observation": "观察评估",
    "plan": "后续计划",
}


class CaseClosed(StationError):
    def __init__(self) -> None:
        super().__init__(
            "该个案已结案，不能再添加或修改服务记录。如需继续服务，请先重新开案。",
            "The case is closed; reopen it to add or change sessions.",
        )


@dataclass(frozen=True)
class SessionInput:
    kind: ServiceKind
    held_on: date
    start_time: time | None = None
    duration_minutes: int = 50
    room: str = ""
    counsellor_id: int | None = None  # None: the signed-in user (add) / unchanged (update)
    presenting: str = ""
    intervention: str = ""
    observation: str = ""
    plan: str = ""
    risk_level: RiskLevel = RiskLevel.NONE
    private_note: str = ""  # 过程记录: only its author's; a colleague leaves it empty


@dataclass(frozen=True)
class SandplayDetails:
    figures: tuple[str, ...]  # miniatures used, as tags
    themes: tuple[str, ...]
    story: str  # the client's own story
    observations: str
    series_stage: str  # stage in a series of trays


@dataclass(frozen=True)
class SessionView:
    id: int
    case_id: int
    kind: ServiceKind
    held_on: date
    start_time: time | None
    duration_minutes: int
    room: str
    counsellor: UserRef
    presenting: str
    intervention: str
    observation: str
    plan: str
    risk_level: RiskLevel
    private_note: str | None  # None unless the viewer wrote the session
    created_by: UserRef
    created_at: datetime
    updated_at: datetime
    deleted: bool
    sandplay: SandplayDetails | None  # for sandplay sessions
    photo_count: int
    can_edit: bool  # the viewer is one of the case's counsellors and the case is open
    can_delete: bool


@dataclass(frozen=True)
class SessionRow:
    """One line of a case's session list: no notes."""

    id: int
    kind: ServiceKind
    held_on: date
    start_time: time | None
    duration_minutes: int
    room: str
    counsellor: UserRef
    risk_level: RiskLevel
    photo_count: int
    created_by: int
    deleted: bool


@dataclass(frozen=True)
class _Clean:
    kind: ServiceKind
    held_on: date
    start_time: time | None
    duration_minutes: int
    room: str
    counsellor_id: int | None
    presenting: str
    intervention: str
    observation: str
    plan: str
    risk_level: RiskLevel
    private_note: str


def latest_allowed_day(today: date | None = None) -> date:
    """Sessions may be entered up to tomorrow (a session late in the evening, a clock
    a little ahead), never further into the future."""
    return (today or date.today()) + timedelta(days=1)


def check_duration(value: int, field: str = "duration_minutes") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("时长须为整数分钟。", f"{field} is not a number.", field=field)
    if not MIN_DURATION <= value <= MAX_DURATION:
        raise ValidationError(
            f"时长须在 {MIN_DURATION} 到 {MAX_DURATION} 分钟之间。",
            f"{field} is {MIN_DURATION}-{MAX_DURATION} minutes.",
            field=field,
        )
    return value


def _clean(data: SessionInput) -> _Clean:
    kind = require_choice(ServiceKind, data.kind, "kind", "服务类型")
    held_on = check_date(
        data.held_on, "held_on", "服务日期", not_before=EARLIEST, not_after=latest_allowed_day()
    )
    start = data.start_time
    if start is not None and not isinstance(start, time):
        raise ValidationError("开始时间无效。", "start_time is not a time.", field="start_time")
    counsellor_id = data.counsellor_id
    if counsellor_id is not None and (
        isinstance(counsellor_id, bool) or not isinstance(counsellor_id, int)
    ):
        raise ValidationError(
            "请选择咨询师。", "counsellor_id is not a user id.", field="counsellor_id"
        )
    notes = {
        field: check_text(getattr(data, field), field, label, NOTE_MAX, required=False)
        for field, label in _NOTE_LABELS.items()
    }
    return _Clean(
        kind=kind,
        held_on=held_on,
        start_time=start.replace(second=0, microsecond=0) if start else None,
        duration_minutes=check_duration(data.duration_minutes),
        room=check_text(data.room, "room", "咨询室", ROOM_MAX, required=False),
        counsellor_id=counsellor_id,
        risk_level=require_choice(RiskLevel, data.risk_level, "risk_level", "风险评估"),
        private_note=check_text(data.private_note, "private_note", "过程记录", NOTE_MAX, False),
        **notes,
    )


# -- shared lookups (also used by sandplay) ----------------------------------------------


def require_open(case: Case) -> None:
    if case.status == CaseStatus.CLOSED.value:
        raise CaseClosed


def case_counsellor_ids(session: Session, case: Case) -> set[int]:
    """The users who work on a case: assigned, shared, and open emergency access."""
    ids = {case.counsellor_id}
    ids.update(session.scalars(select(CaseShare.user_id).where(CaseShare.case_id == case.id)).all())
    ids.update(
        session.scalars(
            select(EmergencyAccess.user_id).where(
                EmergencyAccess.case_id == case.id, EmergencyAccess.expires_at > utcnow()
            )
        ).all()
    )
    return ids


def session_for_reading(session: Session, ctx: SignedIn, session_id: int) -> ServiceSession:
    """A session whose case this user may see; deleted ones only for the custodian."""
    access.require_person_records(ctx)
    row = session.get(ServiceSession, session_id)
    if row is None:
        raise access.NotFound("服务记录")
    try:
        access.get_case(session, ctx, row.case_id)
    except access.NotFound:
        raise access.NotFound("服务记录") from None
    if row.deleted_at is not None and ctx.role is not Role.CUSTODIAN:
        raise access.NotFound("服务记录")
    return row


def session_for_work(
    session: Session, ctx: SignedIn, session_id: int
) -> tuple[ServiceSession, Case]:
    """A live session of an open case this user works on (its counsellors only)."""
    ctx.require(Role.COUNSELLOR)
    row = session.get(ServiceSession, session_id)
    if row is None or row.deleted_at is not None:
        raise access.NotFound("服务记录")
    try:
        case = access.get_case_for_work(session, ctx, row.case_id)
    except access.NotFound:
        raise access.NotFound("服务记录") from None
    require_open(case)
    return row, case


def _check_against_case(
    session: Session, case: Case, clean: _Clean, counsellor_id: int, *, check_counsellor: bool
) -> None:
    if clean.held_on < case.opened_on:
        raise ValidationError(
            "服务日期不能早于本个案的开案日期。",
            "A session cannot be dated before the case was opened.",
            field="held_on",
        )
    if not check_counsellor:
        return
    user = session.get(User, counsellor_id)
    if (
        user is None
        or not user.active
        or user.role != Role.COUNSELLOR.value
        or counsellor_id not in case_counsellor_ids(session, case)
    ):
        raise ValidationError(
            "所选咨询师不是本个案的咨询师（须为负责或共享本个案的咨询师）。",
            "The counsellor must be one of the case's counsellors.",
            field="counsellor_id",
        )


def _apply_risk(
    session: Session, ctx: SignedIn, case: Case, row: ServiceSession, level: RiskLevel
) -> None:
    """Carry the session's risk judgement to the case when it is the latest session.

    An older session entered or edited afterwards does not move the case's current level.
    """
    if case.risk_level == level.value:
        return
    later = session.scalar(
        select(func.count())
        .select_from(ServiceSession)
        .where(
            ServiceSession.case_id == case.id,
            ServiceSession.deleted_at.is_(None),
            ServiceSession.id != row.id,
            (ServiceSession.held_on > row.held_on)
            | ((ServiceSession.held_on == row.held_on) & (ServiceSession.id > row.id)),
        )
    )
    if later:
        return
    risk.apply_session_risk(row, ctx, case, level)


# -- writes ------------------------------------------------------------------------------


def add_session(ctx: SignedIn, case_id: int, data: SessionInput) -> int:
    """Record a service session on a case; returns its id."""
    ctx.require(Role.COUNSELLOR)
    clean = _clean(data)
    with ctx.vault.transaction() as s:
        case = access.get_case_for_work(s, ctx, case_id)
        require_open(case)
        counsellor_id = clean.counsellor_id if clean.counsellor_id is not None else ctx.user_id
        _check_against_case(s, case, clean, counsellor_id, check_counsellor=True)
        row = ServiceSession(
            case_id=case.id,
            kind=clean.kind.value,
            held_on=clean.held_on,
            start_time=clean.start_time,
            duration_minutes=clean.duration_minutes,
            room=clean.room,
            counsellor_id=counsellor_id,
            presenting=clean.presenting,
            intervention=clean.intervention,
            observation=clean.observation,
            plan=clean.plan,
            risk_level=clean.risk_level.value,
            private_note=clean.private_note,
            created_by=ctx.user_id,
        )
        s.add(row)
        s.flush()
        audit.record(s, ctx, "session_add", "session", row.id, f"case={case.id},{clean.kind}")
        _apply_risk(s, ctx, case, row, clean.risk_level)
        return row.id


def _has_sandplay_content(session: Session, session_id: int) -> bool:
    photos = session.scalar(
        select(func.count())
        .select_from(SandplayPhoto)
        .where(SandplayPhoto.session_id == session_id)
    )
    detail = session.get(SandplayDetail, session_id)
    has_detail = detail is not None and any(
        (detail.figures, detail.themes, detail.story, detail.observations, detail.series_stage)
    )
    return bool(photos) or has_detail


def update_session(ctx: SignedIn, session_id: int, data: SessionInput) -> None:
    """Replace a session's fields. The private note changes only when its author edits;
    a colleague must leave ``private_note`` empty (it is then kept as it was)."""
    ctx.require(Role.COUNSELLOR)
    clean = _clean(data)
    with ctx.vault.transaction() as s:
        row, case = session_for_work(s, ctx, session_id)
        counsellor_id = (
            clean.counsellor_id if clean.counsellor_id is not None else row.counsellor_id
        )
        # a session keeps its counsellor even after the case is no longer shared with them
        _check_against_case(
            s, case, clean, counsellor_id, check_counsellor=counsellor_id != row.counsellor_id
        )
        author = row.created_by == ctx.user_id
        if not author and clean.private_note:
            raise ValidationError(
                "过程记录只能由本条记录的作者填写。",
                "Only the session's author writes its private note.",
                field="private_note",
            )
        if (
            row.kind == ServiceKind.SANDPLAY.value
            and clean.kind is not ServiceKind.SANDPLAY
            and _has_sandplay_content(s, row.id)
        ):
            raise ValidationError(
                "这条沙盘记录已有沙盘详情或照片，不能改为其他服务类型。",
                "This sandplay session has details or photos; its kind cannot change.",
                field="kind",
            )
        values: dict[str, object] = {
            "kind": clean.kind.value,
            "held_on": clean.held_on,
            "start_time": clean.start_time,
            "duration_minutes": clean.duration_minutes,
            "room": clean.room,
            "counsellor_id": counsellor_id,
            "presenting": clean.presenting,
            "intervention": clean.intervention,
            "observation": clean.observation,
            "plan": clean.plan,
            "risk_level": clean.risk_level.value,
        }
        if author:
            values["private_note"] = clean.private_note
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if not changed:
            return
        for name in changed:
            setattr(row, name, values[name])
        s.flush()
        audit.record(s, ctx, "session_edit", "session", row.id, ",".join(changed))
        if "risk_level" in changed or "held_on" in changed:
            _apply_risk(s, ctx, case, row, clean.risk_level)


def delete_session(ctx: SignedIn, session_id: int) -> None:
    """Soft delete: the session's author (while the case is open) or the custodian."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        row = session_for_reading(s, ctx, session_id)
        if row.deleted_at is not None:
            raise ValidationError("该服务记录已删除。", "The session is already deleted.")
        if ctx.role is not Role.CUSTODIAN:
            if row.created_by != ctx.user_id:
                raise PermissionDenied
            case = s.get(Case, row.case_id)
            assert case is not None
            require_open(case)
        row.deleted_at = utcnow()
        row.deleted_by = ctx.user_id
        audit.record(s, ctx, "session_delete", "session", row.id, f"case={row.case_id}")


# -- reads -------------------------------------------------------------------------------


def split_tags(stored: str) -> tuple[str, ...]:
    return tuple(t for t in stored.split(TAG_SEPARATOR) if t)


def _sandplay(session: Session, row: ServiceSession) -> SandplayDetails | None:
    if row.kind != ServiceKind.SANDPLAY.value:
        return None
    detail = session.get(SandplayDetail, row.id)
    if detail is None:
        return SandplayDetails((), (), "", "", "")
    return SandplayDetails(
        figures=split_tags(detail.figures),
        themes=split_tags(detail.themes),
        story=detail.story,
        observations=detail.observations,
        series_stage=detail.series_stage,
    )


def _photo_counts(session: Session, session_ids: list[int]) -> dict[int, int]:
    if not session_ids:
        return {}
    rows = session.execute(
        select(SandplayPhoto.session_id, func.count())
        .where(SandplayPhoto.session_id.in_(session_ids))
        .group_by(SandplayPhoto.session_id)
    )
    return {sid: int(n) for sid, n in rows}


def session_view(ctx: SignedIn, session_id: int) -> SessionView:
    """One session with its notes (audited ``session_view``). The private note is
    included only for its author."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        row = session_for_reading(s, ctx, session_id)
        case = s.get(Case, row.case_id)
        assert case is not None
        refs = user_refs(s, [row.counsellor_id, row.created_by])
        author = row.created_by == ctx.user_id
        works = ctx.role is Role.COUNSELLOR and ctx.user_id in case_counsellor_ids(s, case)
        live = row.deleted_at is None and case.status != CaseStatus.CLOSED.value
        view = SessionView(
            id=row.id,
            case_id=row.case_id,
            kind=ServiceKind(row.kind),
            held_on=row.held_on,
            start_time=row.start_time,
            duration_minutes=row.duration_minutes,
            room=row.room,
            counsellor=refs.get(row.counsellor_id, UserRef(row.counsellor_id, "")),
            presenting=row.presenting,
            intervention=row.intervention,
            observation=row.observation,
            plan=row.plan,
            risk_level=RiskLevel(row.risk_level),
            private_note=row.private_note if author else None,
            created_by=refs.get(row.created_by, UserRef(row.created_by, "")),
            created_at=row.created_at,
            updated_at=row.updated_at,
            deleted=row.deleted_at is not None,
            sandplay=_sandplay(s, row),
            photo_count=_photo_counts(s, [row.id]).get(row.id, 0),
            can_edit=works and live,
            can_delete=row.deleted_at is None
            and (ctx.role is Role.CUSTODIAN or (author and works and live)),
        )
        audit.record(s, ctx, "session_view", "session", row.id, f"case={row.case_id}")
        return view


def list_sessions(ctx: SignedIn, case_id: int, include_deleted: bool = False) -> list[SessionRow]:
    """A case's sessions by date (timeline columns only). Deleted sessions are listed
    only for the custodian, on request."""
    access.require_person_records(ctx)
    if include_deleted:
        ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        query = select(ServiceSession).where(ServiceSession.case_id == case.id)
        if not include_deleted:
            query = query.where(ServiceSession.deleted_at.is_(None))
        rows = list(
            s.scalars(
                query.order_by(
                    ServiceSession.held_on,
                    ServiceSession.start_time.is_not(None),
                    ServiceSession.start_time,
                    ServiceSession.id,
                )
            )
        )
        refs = user_refs(s, {r.counsellor_id for r in rows})
        photos = _photo_counts(s, [r.id for r in rows if r.kind == ServiceKind.SANDPLAY.value])
        return [
            SessionRow(
                id=r.id,
                kind=ServiceKind(r.kind),
                held_on=r.held_on,
                start_time=r.start_time,
                duration_minutes=r.duration_minutes,
                room=r.room,
                counsellor=refs.get(r.counsellor_id, UserRef(r.counsellor_id, "")),
                risk_level=RiskLevel(r.risk_level),
                photo_count=photos.get(r.id, 0),
                created_by=r.created_by,
                deleted=r.deleted_at is not None,
            )
            for r in rows
        ]
