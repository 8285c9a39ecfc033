"""Lectures and training (讲座/培训): date, topic, speaker and the audience headcount by
rank level × gender (``Headcount`` rows with ``lecture_id``). Aggregate only: a
lecture never records who attended.

Counsellors and the custodian create them; the creator or the custodian changes or
deletes one. The station lead reads only the monthly totals (``lecture_totals``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.errors import PermissionDenied
from station.models import Headcount, Lecture
from station.models.base import utcnow
from station.models.enums import Role
from station.services import access, audit
from station.services.clients import check_date, user_refs
from station.services.context import SignedIn
from station.services.groups import (
    HeadcountCell,
    clean_headcount,
    headcount_rows,
    month_bounds,
    tally,
)
from station.services.sessions import EARLIEST, latest_allowed_day
from station.services.validation import check_text
from station.services.views import UserRef

TOPIC_MAX = 200
SPEAKER_MAX = 60


@dataclass(frozen=True)
class LectureInput:
    held_on: date
    topic: str
    speaker: str = ""
    audience: tuple[HeadcountCell, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class LectureRow:
    id: int
    held_on: date
    topic: str
    speaker: str
    audience: int


@dataclass(frozen=True)
class LectureView:
    id: int
    held_on: date
    topic: str
    speaker: str
    audience: tuple[HeadcountCell, ...]
    total: int
    created_by: UserRef
    can_edit: bool


@dataclass(frozen=True)
class LectureTotals:
    year: int
    month: int
    lectures: int
    audience: int
    by_gender_rank: tuple[HeadcountCell, ...]


@dataclass(frozen=True)
class _Clean:
    held_on: date
    topic: str
    speaker: str
    audience: list[HeadcountCell]


def _require_staff(ctx: SignedIn) -> None:
    ctx.require(Role.COUNSELLOR, Role.CUSTODIAN)


def _clean(data: LectureInput) -> _Clean:
    return _Clean(
        held_on=check_date(
            data.held_on, "held_on", "日期", not_before=EARLIEST, not_after=latest_allowed_day()
        ),
        topic=check_text(data.topic, "topic", "主题", TOPIC_MAX),
        speaker=check_text(data.speaker, "speaker", "主讲人", SPEAKER_MAX, required=False),
        audience=clean_headcount(data.audience, "audience"),
    )


def _lecture(session: Session, ctx: SignedIn, lecture_id: int, *, edit: bool) -> Lecture:
    _require_staff(ctx)
    lecture = session.get(Lecture, lecture_id)
    if lecture is None or lecture.deleted_at is not None:
        raise access.NotFound("讲座培训记录")
    if edit and ctx.role is not Role.CUSTODIAN and lecture.created_by != ctx.user_id:
        raise PermissionDenied
    return lecture


def add_lecture(ctx: SignedIn, data: LectureInput) -> int:
    _require_staff(ctx)
    clean = _clean(data)
    with ctx.vault.transaction() as s:
        lecture = Lecture(
            held_on=clean.held_on,
            topic=clean.topic,
            speaker=clean.speaker,
            created_by=ctx.user_id,
        )
        s.add(lecture)
        s.flush()
        s.add_all(headcount_rows(clean.audience, lecture_id=lecture.id))
        total = sum(c.count for c in clean.audience)
        audit.record(s, ctx, "lecture_add", "lecture", lecture.id, f"audience={total}")
        return lecture.id


def update_lecture(ctx: SignedIn, lecture_id: int, data: LectureInput) -> None:
    _require_staff(ctx)
    clean = _clean(data)
    with ctx.vault.transaction() as s:
        lecture = _lecture(s, ctx, lecture_id, edit=True)
        changed = []
        for name in ("held_on", "topic", "speaker"):
            value = getattr(clean, name)
            if getattr(lecture, name) != value:
                setattr(lecture, name, value)
                changed.append(name)
        old = list(s.scalars(select(Headcount).where(Headcount.lecture_id == lecture.id)))
        before = tally((h.gender, h.rank_level, h.count) for h in old)
        after = tally((c.gender.value, c.rank_level.value, c.count) for c in clean.audience)
        if before != after:
            for row in old:
                s.delete(row)
            s.flush()
            s.add_all(headcount_rows(clean.audience, lecture_id=lecture.id))
            changed.append("audience")
        if changed:
            audit.record(s, ctx, "lecture_edit", "lecture", lecture.id, ",".join(changed))


def delete_lecture(ctx: SignedIn, lecture_id: int) -> None:
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        lecture = _lecture(s, ctx, lecture_id, edit=True)
        lecture.deleted_at = utcnow()
        audit.record(s, ctx, "lecture_delete", "lecture", lecture.id)


def _audience(session: Session, ids: Iterable[int]) -> dict[int, int]:
    wanted = list(ids)
    if not wanted:
        return {}
    return {
        lid: int(n or 0)
        for lid, n in session.execute(
            select(Headcount.lecture_id, func.sum(Headcount.count))
            .where(Headcount.lecture_id.in_(wanted))
            .group_by(Headcount.lecture_id)
        ).tuples()
        if lid is not None
    }


def list_lectures(ctx: SignedIn, month: date | None = None) -> list[LectureRow]:
    """Lectures, newest first; those of one month when ``month`` is given."""
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        query = select(Lecture).where(Lecture.deleted_at.is_(None))
        if month is not None:
            first, last = month_bounds(month)
            query = query.where(Lecture.held_on >= first, Lecture.held_on <= last)
        lectures = list(s.scalars(query.order_by(Lecture.held_on.desc(), Lecture.id.desc())))
        audience = _audience(s, [lec.id for lec in lectures])
        return [
            LectureRow(lec.id, lec.held_on, lec.topic, lec.speaker, audience.get(lec.id, 0))
            for lec in lectures
        ]


def lecture_view(ctx: SignedIn, lecture_id: int) -> LectureView:
    _require_staff(ctx)
    with ctx.vault.transaction() as s:
        lecture = _lecture(s, ctx, lecture_id, edit=False)
        cells = tally(
            s.execute(
                select(Headcount.gender, Headcount.rank_level, Headcount.count).where(
                    Headcount.lecture_id == lecture.id
                )
            ).tuples()
        )
        creator = user_refs(s, [lecture.created_by]).get(
            lecture.created_by, UserRef(lecture.created_by, "")
        )
        return LectureView(
            id=lecture.id,
            held_on=lecture.held_on,
            topic=lecture.topic,
            speaker=lecture.speaker,
            audience=cells,
            total=sum(c.count for c in cells),
            created_by=creator,
            can_edit=ctx.role is Role.CUSTODIAN or lecture.created_by == ctx.user_id,
        )


def lecture_totals(ctx: SignedIn, month: date) -> LectureTotals:
    """The month's lectures and audience in figures: every role, the station lead included."""
    ctx.require(Role.COUNSELLOR, Role.CUSTODIAN, Role.LEAD)
    first, last = month_bounds(month)
    with ctx.vault.transaction() as s:
        live = (
            Lecture.deleted_at.is_(None),
            Lecture.held_on >= first,
            Lecture.held_on <= last,
        )
        count = int(s.scalar(select(func.count()).select_from(Lecture).where(*live)) or 0)
        cells = tally(
            s.execute(
                select(Headcount.gender, Headcount.rank_level, Headcount.count)
                .join(Lecture, Lecture.id == Headcount.lecture_id)
                .where(*live)
            ).tuples()
        )
        return LectureTotals(
            year=first.year,
            month=first.month,
            lectures=count,
            audience=sum(c.count for c in cells),
            by_gender_rank=cells,
        )
