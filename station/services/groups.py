"""Group work (团体辅导): programmes, their sessions, and attendance.

- A programme has a title, a theme, facilitators (users) and a description; its
  sessions have a date, a duration, a room and notes.
- Attendance is recorded two ways, either or both: registered clients (only clients
  the recording user may see, ``access.client_scope``), and an anonymous headcount
  tallied by gender × rank level (``Headcount`` rows with ``group_session_id``). Both
  are saved together, in one transaction (``set_session_attendance``).
- Clients to register are picked with ``attendance_choices`` (a search over the
  user's clients that opens no case) and facilitators with ``facilitator_choices``.
- Counsellors and the custodian create programmes; the programme's creator, its
  facilitators and the custodian change it, its sessions and their attendance.
- Who attended is a person-level fact: a user sees only the attendees among the
  clients they may see (audited ``group_view``), and a count of the others.
- The station lead sees no programme, session or attendee, only ``group_totals``.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from station.errors import PermissionDenied, ValidationError
from station.models import (
    Case,
    Client,
    GroupAttendance,
    GroupFacilitator,
    GroupProgramme,
    GroupSession,
    Headcount,
    User,
)
from station.models.base import utcnow
from station.models.enums import Role
from station.models.vocab import Gender, GroupTheme, RankLevel
from station.services import access, audit
from station.services.clients import check_date, require_choice, user_refs
from station.services.context import SignedIn
from station.services.search import MAX_LIMIT, TEXT_MAX, client_label, escape_like, identity_shown
from station.services.sessions import EARLIEST, NOTE_MAX, ROOM_MAX, check_duration
from station.services.validation import check_text
from station.services.views import UserRef

TITLE_MAX = 100
MAX_CELL_COUNT = 10_000
PLAN_AHEAD_DAYS = 366  # group sessions may be scheduled up to a year ahead
STAFF = (Role.COUNSELLOR, Role.CUSTODIAN)  # who creates, leads and records group work


# -- headcounts (shared with lectures) -------------------------------------------------
@dataclass(frozen=True)
class HeadcountCell:
    gender: Gender
    rank_level: RankLevel
    count: int


def clean_headcount(
    cells: Iterable[HeadcountCell], field: str = "headcount"
) -> list[HeadcountCell]:
    """Cells with counts of 0-10,000, each gender × rank level at most once; zeros dropped."""
    seen: set[tuple[Gender, RankLevel]] = set()
    result: list[HeadcountCell] = []
    for cell in cells:
        gender = require_choice(Gender, cell.gender, field, "性别")
        rank = require_choice(RankLevel, cell.rank_level, field, "职级")
        count = cell.count
        if (
            isinstance(count, bool)
            or not isinstance(count, int)
            or not (0 <= count <= MAX_CELL_COUNT)
        ):
            raise ValidationError(
                f"人数须为 0 到 {MAX_CELL_COUNT} 之间的整数。",
                f"A headcount is a whole number from 0 to {MAX_CELL_COUNT}.",
                field=field,
            )
        if (gender, rank) in seen:
            raise ValidationError(
                "同一性别和职级的人数只能填写一次。",
                "Each gender and rank level is counted once.",
                field=field,
            )
        seen.add((gender, rank))
        if count:
            result.append(HeadcountCell(gender, rank, count))
    return result


def headcount_rows(cells: Iterable[HeadcountCell], **owner: int) -> list[Headcount]:
    return [
        Headcount(gender=c.gender.value, rank_level=c.rank_level.value, count=c.count, **owner)
        for c in cells
    ]


def tally(rows: Iterable[tuple[str, str, int]]) -> tuple[HeadcountCell, ...]:
    """Summed cells in a fixed order (gender, then rank level)."""
    totals: Counter[tuple[Gender, RankLevel]] = Counter()
    for gender, rank, count in rows:
        totals[(Gender(gender), RankLevel(rank))] += int(count)
    return tuple(
        HeadcountCell(g, r, totals[(g, r)]) for g in Gender for r in RankLevel if totals[(g, r)]
    )


def month_bounds(month: date) -> tuple[date, date]:
    """First and last day of the month ``month`` falls in."""
    first = month.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


# -- inputs and views ------------------------------------------------------------------
@dataclass(frozen=True)
class ProgrammeInput:
    title: str
    theme: GroupTheme
    facilitator_ids: tuple[int, ...] = ()  # empty: the signed-in user
    description: str = ""


@dataclass(frozen=True)
class GroupSessionInput:
    held_on: date
    duration_minutes: int = 90
    room: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ProgrammeRow:
    id: int
    title: str
    theme: GroupTheme
    facilitators: tuple[UserRef, ...]
    sessions: int
    last_held_on: date | None


@dataclass(frozen=True)
class AttendanceTotal:
    group_session_id: int
    registered: int  # registered clients who attended (all of them, as a count)
    anonymous: int  # anonymous headcount
    total: int


@dataclass(frozen=True)
class GroupSessionRow:
    id: int
    held_on: date
    duration_minutes: int
    room: str
    attendance: AttendanceTotal


@dataclass(frozen=True)
class ProgrammeView:
    id: int
    title: str
    theme: GroupTheme
    description: str
    facilitators: tuple[UserRef, ...]
    created_by: UserRef
    sessions: tuple[GroupSessionRow, ...]
    can_manage: bool


@dataclass(frozen=True)
class Attendee:
    client_id: int
    label: str  # the name where the viewer sees it, else the alias, else a case code


@dataclass(frozen=True)
class AttendanceChoice:
    """A client this user may register as attending (``attendance_choices``)."""

    client_id: int
    label: str  # as ``Attendee.label``
    case_code: str  # the newest visible case (one matching the search first); "" if none


@dataclass(frozen=True)
class GroupSessionView:
    id: int
    programme_id: int
    programme_title: str
    held_on: date
    duration_minutes: int
    room: str
    notes: str
    attendees: tuple[Attendee, ...]  # only clients the viewer may see
    other_registered: int  # registered attendees the viewer may not see
    headcount: tuple[HeadcountCell, ...]
    attendance: AttendanceTotal
    can_manage: bool


@dataclass(frozen=True)
class ThemeTotal:
    theme: GroupTheme
    sessions: int
    attendance: int


@dataclass(frozen=True)
class GroupTotals:
    """A month's group work in figures only."""

    year: int
    month: int
    programmes: int  # programmes with at least one session in the month
    sessions: int
    registered: int
    anonymous: int
    total: int
    by_theme: tuple[ThemeTotal, ...]
    by_gender_rank: tuple[HeadcountCell, ...]  # headcounts plus registered attendees
    unclassified: int  # registered attendees without gender or rank level on record


# -- helpers ---------------------------------------------------------------------------
def _require_staff(ctx: SignedIn) -> None:
    ctx.require(*STAFF)


def _facilitator_ids(session: Session, programme_id: int) -> list[int]:
    return list(
        session.scalars(
            select(GroupFacilitator.user_id)
            .where(GroupFacilitator.programme_id == programme_id)
            .order_by(GroupFacilitator.user_id)
        )
    )


def _may_manage(session: Session, ctx: SignedIn, programme: GroupProgramme) -> bool:
    if ctx.role is Role.CUSTODIAN:
        return True
    if ctx.role is not Role.COUNSELLOR:
        return False
    return programme.created_by == ctx.user_id or ctx.user_id in _facilitator_ids(
        session, programme.id
    )


def _programme(session: Session, ctx: SignedIn, programme_id: int) -> GroupProgramme:
    _require_staff(ctx)
    programme = session.get(GroupProgramme, programme_id)
    if programme is None or programme.deleted_at is not None:
        raise access.NotFound("团体辅导项目")
    return programme


def _managed_programme(session: Session, ctx: SignedIn, programme_id: int) -> GroupProgramme:
    programme = _programme(session, ctx, programme_id)
    if not _may_manage(session, ctx, programme):
        raise PermissionDenied
    return programme


def _group_session(
    session: Session, ctx: SignedIn, group_session_id: int
) -> tuple[GroupSession, GroupProgramme]:
    _require_staff(ctx)
    row = session.get(GroupSession, group_session_id)
    if row is None or row.deleted_at is not None:
        raise access.NotFound("团体活动")
    return row, _programme(session, ctx, row.programme_id)


def _managed_session(
    session: Session, ctx: SignedIn, group_session_id: int
) -> tuple[GroupSession, GroupProgramme]:
    row, programme = _group_session(session, ctx, group_session_id)
    if not _may_manage(session, ctx, programme):
        raise PermissionDenied
    return row, programme


def _clean_programme(ctx: SignedIn, data: ProgrammeInput) -> tuple[str, GroupTheme, list[int], str]:
    title = check_text(data.title, "title", "项目名称", TITLE_MAX)
    theme = require_choice(GroupTheme, data.theme, "theme", "主题")
    description = check_text(data.description, "description", "项目说明", NOTE_MAX, False)
    ids: list[int] = []
    for uid in data.facilitator_ids or (ctx.user_id,):
        if isinstance(uid, bool) or not isinstance(uid, int):
            raise ValidationError(
                "带领者无效。", "facilitator is not a user id.", field="facilitators"
            )
        if uid not in ids:
            ids.append(uid)
    return title, theme, ids, description


def _check_facilitators(session: Session, ids: list[int]) -> None:
    staff = {role.value for role in STAFF}
    users = session.scalars(select(User).where(User.id.in_(ids))).all()
    if len(users) != len(ids) or any(not u.active or u.role not in staff for u in users):
        raise ValidationError(
            "带领者须为在用的咨询师或档案管理员账户。",
            "Facilitators are active counsellor or custodian accounts.",
            field="facilitators",
        )


def _clean_session(data: GroupSessionInput) -> GroupSessionInput:
    return GroupSessionInput(
        held_on=check_date(
            data.held_on,
            "held_on",
            "活动日期",
            not_before=EARLIEST,
            not_after=date.today() + timedelta(days=PLAN_AHEAD_DAYS),
        ),
        duration_minutes=check_duration(data.duration_minutes),
        room=check_text(data.room, "room", "活动室", ROOM_MAX, required=False),
        notes=check_text(data.notes, "notes", "活动记录", NOTE_MAX, required=False),
    )


def _totals(session: Session, ids: list[int]) -> dict[int, AttendanceTotal]:
    if not ids:
        return {}
    registered = dict(
        session.execute(
            select(GroupAttendance.group_session_id, func.count())
            .join(Client, Client.id == GroupAttendance.client_id)
            .where(GroupAttendance.group_session_id.in_(ids), Client.deleted_at.is_(None))
            .group_by(GroupAttendance.group_session_id)
        )
        .tuples()
        .all()
    )
    anonymous = dict(
        session.execute(
            select(Headcount.group_session_id, func.coalesce(func.sum(Headcount.count), 0))
            .where(Headcount.group_session_id.in_(ids))
            .group_by(Headcount.group_session_id)
        )
        .tuples()
        .all()
    )
    result = {}
    for gid in ids:
        reg, anon = int(registered.get(gid, 0)), int(anonymous.get(gid, 0) or 0)
        result[gid] = AttendanceTotal(gid, reg, anon, reg + anon)
    return result


# -- programmes ------------------------------------------------------------------------
def facilitator_choices(ctx: SignedIn) -> list[UserRef]:
    """Who may lead a programme: every active account of a role that may create one
    (counsellors and custodians), for counsellors as for the custodian."""
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        rows = s.execute(
            select(User.id, User.display_name)
            .where(User.active.is_(True), User.role.in_([role.value for role in STAFF]))
            .order_by(User.display_name, User.id)
        )
        return [UserRef(uid, name) for uid, name in rows]


def add_programme(ctx: SignedIn, data: ProgrammeInput) -> int:
    _require_staff(ctx)
    title, theme, ids, description = _clean_programme(ctx, data)
    with ctx.vault.transaction() as s:
        _check_facilitators(s, ids)
        programme = GroupProgramme(
            title=title, theme=theme.value, description=description, created_by=ctx.user_id
        )
        s.add(programme)
        s.flush()
        s.add_all(GroupFacilitator(programme_id=programme.id, user_id=uid) for uid in ids)
        audit.record(s, ctx, "group_add", "group", programme.id, theme.value)
        return programme.id


def update_programme(ctx: SignedIn, programme_id: int, data: ProgrammeInput) -> None:
    _require_staff(ctx)
    title, theme, ids, description = _clean_programme(ctx, data)
    with ctx.vault.transaction() as s:
        programme = _managed_programme(s, ctx, programme_id)
        _check_facilitators(s, ids)
        changed = []
        for name, value in (("title", title), ("theme", theme.value), ("description", description)):
            if getattr(programme, name) != value:
                setattr(programme, name, value)
                changed.append(name)
        current = _facilitator_ids(s, programme.id)
        if sorted(current) != sorted(ids):
            for link in s.scalars(
                select(GroupFacilitator).where(GroupFacilitator.programme_id == programme.id)
            ):
                s.delete(link)
            s.flush()
            s.add_all(GroupFacilitator(programme_id=programme.id, user_id=uid) for uid in ids)
            changed.append("facilitators")
        if changed:
            audit.record(s, ctx, "group_edit", "group", programme.id, ",".join(changed))


def delete_programme(ctx: SignedIn, programme_id: int) -> None:
    """Soft delete a programme with its sessions (creator, facilitators, custodian)."""
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        programme = _managed_programme(s, ctx, programme_id)
        moment = utcnow()
        programme.deleted_at = moment
        for row in s.scalars(
            select(GroupSession).where(
                GroupSession.programme_id == programme.id, GroupSession.deleted_at.is_(None)
            )
        ):
            row.deleted_at = moment
        audit.record(s, ctx, "group_delete", "group", programme.id)


def list_programmes(ctx: SignedIn) -> list[ProgrammeRow]:
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        programmes = list(
            s.scalars(
                select(GroupProgramme)
                .where(GroupProgramme.deleted_at.is_(None))
                .order_by(GroupProgramme.id.desc())
            )
        )
        stats = {
            pid: (int(n), last)
            for pid, n, last in s.execute(
                select(GroupSession.programme_id, func.count(), func.max(GroupSession.held_on))
                .where(GroupSession.deleted_at.is_(None))
                .group_by(GroupSession.programme_id)
            )
        }
        links = s.execute(select(GroupFacilitator.programme_id, GroupFacilitator.user_id)).all()
        refs = user_refs(s, {uid for _pid, uid in links})
        by_programme: dict[int, list[UserRef]] = {}
        for pid, uid in sorted(links):
            by_programme.setdefault(pid, []).append(refs.get(uid, UserRef(uid, "")))
        return [
            ProgrammeRow(
                id=p.id,
                title=p.title,
                theme=GroupTheme(p.theme),
                facilitators=tuple(by_programme.get(p.id, [])),
                sessions=stats.get(p.id, (0, None))[0],
                last_held_on=stats.get(p.id, (0, None))[1],
            )
            for p in programmes
        ]


def programme_view(ctx: SignedIn, programme_id: int) -> ProgrammeView:
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        programme = _programme(s, ctx, programme_id)
        sessions = list(
            s.scalars(
                select(GroupSession)
                .where(GroupSession.programme_id == programme.id, GroupSession.deleted_at.is_(None))
                .order_by(GroupSession.held_on, GroupSession.id)
            )
        )
        totals = _totals(s, [g.id for g in sessions])
        facilitators = _facilitator_ids(s, programme.id)
        refs = user_refs(s, [*facilitators, programme.created_by])
        return ProgrammeView(
            id=programme.id,
            title=programme.title,
            theme=GroupTheme(programme.theme),
            description=programme.description,
            facilitators=tuple(refs.get(u, UserRef(u, "")) for u in facilitators),
            created_by=refs.get(programme.created_by, UserRef(programme.created_by, "")),
            sessions=tuple(
                GroupSessionRow(g.id, g.held_on, g.duration_minutes, g.room, totals[g.id])
                for g in sessions
            ),
            can_manage=_may_manage(s, ctx, programme),
        )


# -- group sessions --------------------------------------------------------------------
def add_group_session(ctx: SignedIn, programme_id: int, data: GroupSessionInput) -> int:
    _require_staff(ctx)
    clean = _clean_session(data)
    with ctx.vault.transaction() as s:
        programme = _managed_programme(s, ctx, programme_id)
        row = GroupSession(
            programme_id=programme.id,
            held_on=clean.held_on,
            duration_minutes=clean.duration_minutes,
            room=clean.room,
            notes=clean.notes,
        )
        s.add(row)
        s.flush()
        audit.record(s, ctx, "group_session_add", "group_session", row.id, f"group={programme.id}")
        return row.id


def update_group_session(ctx: SignedIn, group_session_id: int, data: GroupSessionInput) -> None:
    _require_staff(ctx)
    clean = _clean_session(data)
    with ctx.vault.transaction() as s:
        row, _programme_row = _managed_session(s, ctx, group_session_id)
        if clean.held_on > date.today() + timedelta(days=1) and _has_attendance(s, row.id):
            raise ValidationError(
                "已登记出勤的活动不能改到将来的日期。",
                "A session with attendance cannot move to a future date.",
                field="held_on",
            )
        changed = []
        for name in ("held_on", "duration_minutes", "room", "notes"):
            value = getattr(clean, name)
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed.append(name)
        if changed:
            audit.record(s, ctx, "group_session_edit", "group_session", row.id, ",".join(changed))


def delete_group_session(ctx: SignedIn, group_session_id: int) -> None:
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        row, programme = _managed_session(s, ctx, group_session_id)
        row.deleted_at = utcnow()
        audit.record(
            s, ctx, "group_session_delete", "group_session", row.id, f"group={programme.id}"
        )


def _has_attendance(session: Session, group_session_id: int) -> bool:
    total = _totals(session, [group_session_id])[group_session_id]
    return total.total > 0


def _require_held(row: GroupSession) -> None:
    if row.held_on > date.today() + timedelta(days=1):
        raise ValidationError(
            "活动尚未举行，不能登记出勤。",
            "The session has not taken place yet.",
            field="held_on",
        )


def _clean_client_ids(client_ids: Iterable[int]) -> set[int]:
    wanted: set[int] = set()
    for cid in client_ids:
        if isinstance(cid, bool) or not isinstance(cid, int):
            raise ValidationError("来访者无效。", "client id is not a number.", field="client_ids")
        wanted.add(cid)
    return wanted


def _require_visible_clients(session: Session, ctx: SignedIn, wanted: set[int]) -> None:
    """NotFound unless every id is a live client this user may see."""
    if not wanted:
        return
    visible = set(
        session.scalars(
            select(Client.id).where(
                Client.id.in_(wanted), Client.deleted_at.is_(None), access.client_scope(ctx)
            )
        )
    )
    if visible != wanted:
        raise access.NotFound("来访者")


def _write_registered(
    session: Session, ctx: SignedIn, group_session_id: int, wanted: set[int]
) -> tuple[int, int]:
    """Make ``wanted`` the attendees among the clients this user may see; the others
    stay as they are. Returns how many were added and removed."""
    current = {
        a.client_id: a
        for a in session.scalars(
            select(GroupAttendance)
            .join(Client, Client.id == GroupAttendance.client_id)
            .where(GroupAttendance.group_session_id == group_session_id, access.client_scope(ctx))
        )
    }
    removed = [cid for cid in current if cid not in wanted]
    added = sorted(wanted - set(current))
    for cid in removed:
        session.delete(current[cid])
    session.add_all(
        GroupAttendance(group_session_id=group_session_id, client_id=cid) for cid in added
    )
    return len(added), len(removed)


def _write_headcount(session: Session, group_session_id: int, clean: list[HeadcountCell]) -> bool:
    """Replace the anonymous headcount; False (nothing written) when it is unchanged."""
    old = list(
        session.scalars(select(Headcount).where(Headcount.group_session_id == group_session_id))
    )
    before = tally((h.gender, h.rank_level, h.count) for h in old)
    if before == tally((c.gender.value, c.rank_level.value, c.count) for c in clean):
        return False
    for row in old:
        session.delete(row)
    session.flush()
    session.add_all(headcount_rows(clean, group_session_id=group_session_id))
    return True


def set_session_attendance(
    ctx: SignedIn,
    group_session_id: int,
    client_ids: Iterable[int],
    cells: Iterable[HeadcountCell],
) -> None:
    """Save a group session's attendance: which registered clients attended, among
    those this user may see, and the anonymous headcount (gender × rank level).

    Everything is checked before anything is written, and both parts are written in
    one transaction with one audit entry (counts only): either the whole save holds
    or none of it. Attendees this user may not see are left as they are; a client id
    outside the user's scope is refused as not found."""
    _require_staff(ctx)
    wanted = _clean_client_ids(client_ids)
    clean = clean_headcount(cells)
    with ctx.vault.transaction() as s:
        row, _programme_row = _managed_session(s, ctx, group_session_id)
        _require_held(row)
        _require_visible_clients(s, ctx, wanted)
        added, removed = _write_registered(s, ctx, row.id, wanted)
        headcount_changed = _write_headcount(s, row.id, clean)
        if added or removed or headcount_changed:
            audit.record(
                s,
                ctx,
                "attendance_edit",
                "group_session",
                row.id,
                f"clients +{added} -{removed} headcount={sum(c.count for c in clean)}",
            )


def set_headcount(ctx: SignedIn, group_session_id: int, cells: Iterable[HeadcountCell]) -> None:
    """Replace only the anonymous headcount of a group session (for records kept as
    figures alone, such as the demonstration data); the attendance dialog saves both
    parts with ``set_session_attendance``."""
    _require_staff(ctx)
    clean = clean_headcount(cells)
    with ctx.vault.transaction() as s:
        row, _programme_row = _managed_session(s, ctx, group_session_id)
        _require_held(row)
        _write_headcount(s, row.id, clean)
        audit.record(
            s,
            ctx,
            "attendance_edit",
            "group_session",
            row.id,
            f"headcount={sum(c.count for c in clean)}",
        )


def _live_visible_case(ctx: SignedIn) -> ColumnElement[bool]:
    """Cases of the current ``Client`` row that this user sees and that are not deleted."""
    return and_(Case.client_id == Client.id, Case.deleted_at.is_(None), access.case_scope(ctx))


def _case_codes(session: Session, ctx: SignedIn, client_ids: Iterable[int]) -> dict[int, list[str]]:
    """Codes of the live cases this user sees, per client, newest first."""
    ids = set(client_ids)
    if not ids:
        return {}
    codes: dict[int, list[str]] = {}
    for cid, code in session.execute(
        select(Case.client_id, Case.code)
        .where(Case.client_id.in_(ids), Case.deleted_at.is_(None), access.case_scope(ctx))
        .order_by(Case.opened_on.desc(), Case.id.desc())
    ):
        codes.setdefault(cid, []).append(code)
    return codes


def _labels(
    session: Session, ctx: SignedIn, shown: dict[int, str]
) -> tuple[dict[int, str], dict[int, list[str]]]:
    """``shown`` (``search.client_label`` per client) with a case code where it is
    empty; and the case codes found."""
    codes = _case_codes(session, ctx, shown)
    return {cid: text or next(iter(codes.get(cid, [])), "") for cid, text in shown.items()}, codes


def attendance_choices(ctx: SignedIn, text: str, limit: int = 50) -> list[AttendanceChoice]:
    """Live clients this user may see (``access.client_scope``) whose alias, case code
    (prefix) or name matches ``text``: the name only where the user sees the identity,
    as the case list decides it. Empty text: all of them, newest first. Picking opens
    no case and shows no more than the case list would; the search is audited like
    the case list's (the number of rows, never the text)."""
    _require_staff(ctx)
    if not isinstance(text, str):
        raise ValidationError("查询内容无效。", "The search text is not text.", field="text")
    text = text.strip()
    if len(text) > TEXT_MAX:
        raise ValidationError(
            f"查询内容不能超过 {TEXT_MAX} 个字。", "The search text is too long.", field="text"
        )
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValidationError("分页参数无效。", "Bad paging values.", field="limit")
    conds: list[ColumnElement[bool]] = [Client.deleted_at.is_(None), access.client_scope(ctx)]
    if text:
        pattern = f"%{escape_like(text)}%"
        conds.append(
            or_(
                exists().where(
                    _live_visible_case(ctx), Case.code.like(f"{escape_like(text)}%", escape="\\")
                ),
                Client.alias.like(pattern, escape="\\"),
                and_(identity_shown(ctx), Client.name.like(pattern, escape="\\")),
            )
        )
    with ctx.vault.transaction() as s:
        shown = {
            cid: label or ""
            for cid, label in s.execute(
                select(Client.id, client_label(ctx))
                .where(*conds)
                .order_by(Client.id.desc())
                .limit(limit)
            )
        }
        labels, codes = _labels(s, ctx, shown)
        audit.record(s, ctx, "case_search", detail=f"rows={len(shown)} attendance")
    folded = text.casefold()
    choices = []
    for cid in shown:
        found = codes.get(cid, [])
        matching = [c for c in found if folded and c.casefold().startswith(folded)]
        choices.append(AttendanceChoice(cid, labels[cid], next(iter(matching or found), "")))
    return choices


def group_session_view(ctx: SignedIn, group_session_id: int) -> GroupSessionView:
    """A group session with the attendees this user may see (audited ``group_view``)."""
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        row, programme = _group_session(s, ctx, group_session_id)
        shown = {
            cid: label or ""
            for cid, label in s.execute(
                select(Client.id, client_label(ctx))
                .join(GroupAttendance, GroupAttendance.client_id == Client.id)
                .where(GroupAttendance.group_session_id == row.id, access.client_scope(ctx))
                .order_by(Client.id)
            )
        }
        labels, _codes = _labels(s, ctx, shown)
        attendees = tuple(Attendee(cid, labels[cid]) for cid in shown)
        total = _totals(s, [row.id])[row.id]
        cells = tally(
            s.execute(
                select(Headcount.gender, Headcount.rank_level, Headcount.count).where(
                    Headcount.group_session_id == row.id
                )
            ).tuples()
        )
        audit.record(s, ctx, "group_view", "group_session", row.id, f"group={programme.id}")
        return GroupSessionView(
            id=row.id,
            programme_id=programme.id,
            programme_title=programme.title,
            held_on=row.held_on,
            duration_minutes=row.duration_minutes,
            room=row.room,
            notes=row.notes,
            attendees=attendees,
            other_registered=max(total.registered - len(attendees), 0),
            headcount=cells,
            attendance=total,
            can_manage=_may_manage(s, ctx, programme),
        )


def attendance_total(ctx: SignedIn, group_session_id: int) -> AttendanceTotal:
    """Registered, anonymous and total attendance of one group session (counts only)."""
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        row, _programme_row = _group_session(s, ctx, group_session_id)
        return _totals(s, [row.id])[row.id]


# -- aggregate -------------------------------------------------------------------------
def group_totals(ctx: SignedIn, month: date) -> GroupTotals:
    """The month's group work in figures: every role, the station lead included."""
    ctx.require(Role.COUNSELLOR, Role.CUSTODIAN, Role.LEAD)
    first, last = month_bounds(month)
    with ctx.vault.transaction() as s:
        held = (
            select(GroupSession.id, GroupProgramme.id.label("pid"), GroupProgramme.theme)
            .join(GroupProgramme, GroupProgramme.id == GroupSession.programme_id)
            .where(
                GroupSession.deleted_at.is_(None),
                GroupProgramme.deleted_at.is_(None),
                GroupSession.held_on >= first,
                GroupSession.held_on <= last,
            )
        )
        sessions = s.execute(held).all()
        ids = [gid for gid, _pid, _theme in sessions]
        totals = _totals(s, ids)
        by_theme: dict[GroupTheme, list[int]] = {}
        for gid, _pid, theme in sessions:
            entry = by_theme.setdefault(GroupTheme(theme), [0, 0])
            entry[0] += 1
            entry[1] += totals[gid].total
        cells: list[tuple[str, str, int]] = []
        unclassified = 0
        if ids:
            cells.extend(
                s.execute(
                    select(Headcount.gender, Headcount.rank_level, Headcount.count).where(
                        Headcount.group_session_id.in_(ids)
                    )
                ).tuples()
            )
            for gender, rank in s.execute(
                select(Client.gender, Client.rank_level)
                .join(GroupAttendance, GroupAttendance.client_id == Client.id)
                .where(GroupAttendance.group_session_id.in_(ids), Client.deleted_at.is_(None))
            ):
                if gender and rank:
                    cells.append((gender, rank, 1))
                else:
                    unclassified += 1
        registered = sum(t.registered for t in totals.values())
        anonymous = sum(t.anonymous for t in totals.values())
        return GroupTotals(
            year=first.year,
            month=first.month,
            programmes=len({pid for _gid, pid, _theme in sessions}),
            sessions=len(sessions),
            registered=registered,
            anonymous=anonymous,
            total=registered + anonymous,
            by_theme=tuple(
                ThemeTotal(theme, by_theme[theme][0], by_theme[theme][1])
                for theme in GroupTheme
                if theme in by_theme
            ),
            by_gender_rank=tally(cells),
            unclassified=unclassified,
        )
