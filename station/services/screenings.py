"""Batch screening (团体测评 / 心理体检): a unit's screening day where many cadres fill
one or more scales under a real name or a screening code. Results are stored per
person; people whose results fire a warning rule go onto the follow-up list of the
responsible counsellor. The batch report holds aggregates only.

Who sees what: the responsible counsellor, the screening's creator and the custodian
see its people; the station lead sees the list of screenings and their reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from station.errors import StationError, ValidationError
from station.models import (
    Assessment,
    AssessmentWarning,
    Screening,
    ScreeningParticipant,
    User,
)
from station.models.enums import Role
from station.models.vocab import AssessmentMode, Gender
from station.services import access, audit
from station.services.assessment_views import Recorded
from station.services.assessments import (
    definitions,
    participant_screening,
    screening_scope,
    sees_screening,
    warning_items,
    write_assessment,
)
from station.services.clients import check_choice, check_date, require_choice
from station.services.context import SignedIn
from station.services.validation import check_text
from station.services.views import WarningItem

TITLE_MAX = 100
UNIT_MAX = 100
NAME_MAX = 40
CODE_MAX = 20
MAX_SCALES = 6


@dataclass(frozen=True)
class ScreeningInput:
    title: str
    held_on: date | None
    scale_ids: Sequence[str]
    by_name: bool = False  # participants under their real names, else screening codes
    unit: str = ""
    counsellor_id: int | None = None  # responsible counsellor; default: the creator


@dataclass(frozen=True)
class ScreeningBrief:
    id: int
    title: str
    unit: str
    held_on: date
    scale_ids: tuple[str, ...]
    scale_names: tuple[str, ...]  # short names, same order
    by_name: bool
    counsellor: str
    participants: int
    positive_people: int  # participants with at least one warning
    open_warnings: int


@dataclass(frozen=True)
class ParticipantResult:
    assessment_id: int
    total: float | None
    band: str | None  # band label
    positive: bool


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    code: str
    name: str
    gender: Gender | None
    case_id: int | None
    results: dict[str, ParticipantResult]  # scale id → result
    open_warnings: int


@dataclass(frozen=True)
class ScreeningView:
    brief: ScreeningBrief
    participants: tuple[ParticipantRow, ...]


@dataclass(frozen=True)
class ScaleSummary:
    scale_id: str
    short_name: str
    administered: int
    scored: int  # with a total (enough answers)
    positive: int  # at least one warning rule fired
    bands: tuple[tuple[str, int], ...]  # (band label, count) in band order

    @property
    def positive_rate(self) -> float | None:
        """阳性检出率: positive over administered."""
        return self.positive / self.administered if self.administered else None


@dataclass(frozen=True)
class ScreeningReport:
    brief: ScreeningBrief
    people: int
    scales: tuple[ScaleSummary, ...]


# -- creating ---------------------------------------------------------------------
def create_screening(ctx: SignedIn, data: ScreeningInput) -> int:
    """A new screening day (counsellor or custodian)."""
    ctx.require(Role.COUNSELLOR, Role.CUSTODIAN)
    title = check_text(data.title, "title", "测评名称", TITLE_MAX)
    unit = check_text(data.unit, "unit", "受测单位", UNIT_MAX, required=False)
    held_on = check_date_not_future(data.held_on)
    ids = list(dict.fromkeys(data.scale_ids))
    if not ids:
        raise ValidationError("请至少选择一个量表。", "Choose a scale.", field="scale_ids")
    if len(ids) > MAX_SCALES:
        raise ValidationError(
            f"一次测评最多 {MAX_SCALES} 个量表。", "Too many scales.", field="scale_ids"
        )
    with ctx.vault.transaction() as s:
        known = definitions(s)
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise ValidationError("所选量表不存在。", "Unknown scale.", field="scale_ids")
        counsellor_id = _responsible(s, ctx, data.counsellor_id)
        row = Screening(
            title=title,
            unit=unit,
            held_on=held_on,
            scales=",".join(ids),
            by_name=data.by_name,
            counsellor_id=counsellor_id,
            created_by=ctx.user_id,
        )
        s.add(row)
        s.flush()
        audit.record(s, ctx, "screening_create", "screening", row.id, f"scales={row.scales}")
        return row.id


def check_date_not_future(value: date | None) -> date:
    # Named after the input field, so a form shows the message under the date.
    return check_date(
        value, "held_on", "测评日期", not_before=date(2000, 1, 1), not_after=date.today()
    )


def next_code(taken: Collection[str]) -> str:
    """The code a participant gets when none is typed: the next free number (001, 002 …)."""
    number = len(taken) + 1
    while f"{number:03d}" in taken:
        number += 1
    return f"{number:03d}"


def _responsible(session: Session, ctx: SignedIn, counsellor_id: int | None) -> int:
    if counsellor_id is None:
        if ctx.role is not Role.COUNSELLOR:
            raise ValidationError(
                "请选择负责的咨询师。", "Choose a counsellor.", field="counsellor_id"
            )
        return ctx.user_id
    user = session.get(User, counsellor_id)
    if user is None or not user.active or user.role != Role.COUNSELLOR.value:
        raise ValidationError(
            "负责人须为在职的咨询师。", "Not an active counsellor.", field="counsellor_id"
        )
    return user.id


def _screening_for_people(session: Session, ctx: SignedIn, screening_id: int) -> Screening:
    access.require_person_records(ctx)
    row = session.get(Screening, screening_id)
    if row is None or row.deleted_at is not None or not sees_screening(ctx, row):
        raise access.NotFound("测评")
    return row


def add_participant(
    ctx: SignedIn,
    screening_id: int,
    name: str = "",
    gender: Gender | str | None = None,
    code: str = "",
) -> int:
    """Register one person at a screening. Without a code the next free number is
    given (001, 002 …); a screening by name needs the name."""
    with ctx.vault.transaction() as s:
        screening = _screening_for_people(s, ctx, screening_id)
        clean_name = check_text(name, "name", "姓名", NAME_MAX, required=screening.by_name)
        if not screening.by_name:
            clean_name = ""  # a code-only screening keeps no names
        sex = check_choice(Gender, gender, "gender", "性别")
        chosen = check_text(code, "code", "测评编号", CODE_MAX, required=False)
        taken = set(
            s.scalars(
                select(ScreeningParticipant.code).where(
                    ScreeningParticipant.screening_id == screening.id
                )
            )
        )
        if chosen and chosen in taken:
            raise ValidationError("该测评编号已被使用。", "Code in use.", field="code")
        if not chosen:
            chosen = next_code(taken)
        row = ScreeningParticipant(
            screening_id=screening.id,
            code=chosen,
            name=clean_name,
            gender=sex.value if sex else None,
        )
        s.add(row)
        s.flush()
        audit.record(s, ctx, "screening_participant_add", "screening", screening.id)
        return row.id


def record_result(
    ctx: SignedIn,
    participant_id: int,
    scale_id: str,
    answers: Sequence[int | None],
    mode: AssessmentMode | str = AssessmentMode.ENTERED,
) -> Recorded:
    """Score and save one participant's answers to one of the screening's scales."""
    how = require_choice(AssessmentMode, mode, "mode", "测评方式")
    with ctx.vault.transaction() as s:
        access.require_person_records(ctx)
        screening = participant_screening(s, ctx, participant_id)
        if scale_id not in screening.scales.split(","):
            raise ValidationError(
                "该量表不在本次测评中。", "Scale not in this screening.", field="scale_id"
            )
        done = s.scalar(
            select(func.count())
            .select_from(Assessment)
            .where(
                Assessment.participant_id == participant_id,
                Assessment.scale_id == scale_id,
                Assessment.deleted_at.is_(None),
            )
        )
        if done:
            raise StationError(
                "该测评对象已有此量表的结果。", "This person already has a result for this scale."
            )
        definition = definitions(s)[scale_id]
        row, result, raised = write_assessment(
            s, ctx, definition, answers, screening.held_on, how, participant_id=participant_id
        )
        return Recorded(row.id, result, tuple(warning_items(s, ctx, raised)))


def link_case(ctx: SignedIn, participant_id: int, case_id: int) -> None:
    """Record that a case was opened for this participant (from the follow-up list),
    so the client's trend chart includes the screening results."""
    ctx.require(Role.COUNSELLOR)
    with ctx.vault.transaction() as s:
        participant_screening(s, ctx, participant_id)
        case = access.get_case_for_work(s, ctx, case_id)
        participant = s.get(ScreeningParticipant, participant_id)
        assert participant is not None
        participant.case_id = case.id
        audit.record(s, ctx, "screening_link_case", "case", case.id)


# -- reading ----------------------------------------------------------------------
def _counts(rows: Iterable[Row[tuple[Any, int]]]) -> dict[int, int]:
    """(id, count) rows of a GROUP BY as a mapping."""
    return {key: int(n) for key, n in rows if key is not None}


def _briefs(session: Session, rows: Sequence[Screening]) -> list[ScreeningBrief]:
    if not rows:
        return []
    ids = [r.id for r in rows]
    people: dict[int, int] = _counts(
        session.execute(
            select(ScreeningParticipant.screening_id, func.count())
            .where(ScreeningParticipant.screening_id.in_(ids))
            .group_by(ScreeningParticipant.screening_id)
        ).all()
    )
    positive = _counts(
        session.execute(
            select(
                ScreeningParticipant.screening_id,
                func.count(func.distinct(AssessmentWarning.participant_id)),
            )
            .join(AssessmentWarning, AssessmentWarning.participant_id == ScreeningParticipant.id)
            .join(Assessment, Assessment.id == AssessmentWarning.assessment_id)
            .where(ScreeningParticipant.screening_id.in_(ids), Assessment.deleted_at.is_(None))
            .group_by(ScreeningParticipant.screening_id)
        ).all()
    )
    still_open = _counts(
        session.execute(
            select(ScreeningParticipant.screening_id, func.count())
            .join(AssessmentWarning, AssessmentWarning.participant_id == ScreeningParticipant.id)
            .where(ScreeningParticipant.screening_id.in_(ids), AssessmentWarning.response.is_(None))
            .group_by(ScreeningParticipant.screening_id)
        ).all()
    )
    names = {uid: name for uid, name in session.execute(select(User.id, User.display_name))}
    found = definitions(session)
    out = []
    for r in rows:
        scale_ids = tuple(r.scales.split(","))
        out.append(
            ScreeningBrief(
                id=r.id,
                title=r.title,
                unit=r.unit,
                held_on=r.held_on,
                scale_ids=scale_ids,
                scale_names=tuple(found[i].short_name if i in found else i for i in scale_ids),
                by_name=r.by_name,
                counsellor=names.get(r.counsellor_id, ""),
                participants=int(people.get(r.id, 0)),
                positive_people=int(positive.get(r.id, 0)),
                open_warnings=int(still_open.get(r.id, 0)),
            )
        )
    return out


def list_screenings(ctx: SignedIn) -> list[ScreeningBrief]:
    """Newest first. Counsellors see theirs; the custodian and the lead see all."""
    ctx.require(Role.COUNSELLOR, Role.CUSTODIAN, Role.LEAD)
    scope = screening_scope(ctx) if ctx.role is Role.COUNSELLOR else Screening.deleted_at.is_(None)
    with ctx.vault.transaction() as s:
        rows = s.scalars(
            select(Screening).where(scope).order_by(Screening.held_on.desc(), Screening.id.desc())
        ).all()
        return _briefs(s, rows)


def screening_view(ctx: SignedIn, screening_id: int) -> ScreeningView:
    """The screening's people and their results (audited as a view)."""
    with ctx.vault.transaction() as s:
        screening = _screening_for_people(s, ctx, screening_id)
        people = s.scalars(
            select(ScreeningParticipant)
            .where(ScreeningParticipant.screening_id == screening.id)
            .order_by(ScreeningParticipant.code)
        ).all()
        ids = [p.id for p in people]
        found = definitions(s)
        results: dict[int, dict[str, ParticipantResult]] = {}
        for a in s.scalars(
            select(Assessment).where(
                Assessment.participant_id.in_(ids), Assessment.deleted_at.is_(None)
            )
        ):
            assert a.participant_id is not None
            definition = found.get(a.scale_id)
            band = (
                next((b.label_zh for b in definition.bands if b.code == a.band), a.band)
                if definition
                else a.band
            )
            results.setdefault(a.participant_id, {})[a.scale_id] = ParticipantResult(
                a.id, a.total, band, a.positive
            )
        open_counts = _counts(
            s.execute(
                select(AssessmentWarning.participant_id, func.count())
                .where(
                    AssessmentWarning.participant_id.in_(ids),
                    AssessmentWarning.response.is_(None),
                )
                .group_by(AssessmentWarning.participant_id)
            ).all()
        )
        audit.record(s, ctx, "screening_view", "screening", screening.id)
        return ScreeningView(
            brief=_briefs(s, [screening])[0],
            participants=tuple(
                ParticipantRow(
                    id=p.id,
                    code=p.code,
                    name=p.name,
                    gender=Gender(p.gender) if p.gender else None,
                    case_id=p.case_id,
                    results=results.get(p.id, {}),
                    open_warnings=int(open_counts.get(p.id, 0)),
                )
                for p in people
            ),
        )


def follow_up_list(ctx: SignedIn, screening_id: int) -> list[WarningItem]:
    """The screening's warnings: open ones first (most severe first), then answered."""
    with ctx.vault.transaction() as s:
        screening = _screening_for_people(s, ctx, screening_id)
        rows = s.scalars(
            select(AssessmentWarning)
            .join(
                ScreeningParticipant,
                ScreeningParticipant.id == AssessmentWarning.participant_id,
            )
            .where(ScreeningParticipant.screening_id == screening.id)
            .order_by(AssessmentWarning.raised_at, AssessmentWarning.id)
        ).all()
        items = warning_items(s, ctx, rows)
    return sorted(items, key=lambda w: (not w.open, -w.level.rank, w.participant_code or ""))


def screening_report(ctx: SignedIn, screening_id: int) -> ScreeningReport:
    """Aggregates only: per scale, how many took it, how many screened positive
    (阳性检出率) and the band distribution. The lead may read it too."""
    ctx.require(Role.COUNSELLOR, Role.CUSTODIAN, Role.LEAD)
    with ctx.vault.transaction() as s:
        row = s.get(Screening, screening_id)
        visible = ctx.role is not Role.COUNSELLOR or (row is not None and sees_screening(ctx, row))
        if row is None or row.deleted_at is not None or not visible:
            raise access.NotFound("测评")
        found = definitions(s)
        people = s.scalar(
            select(func.count())
            .select_from(ScreeningParticipant)
            .where(ScreeningParticipant.screening_id == row.id)
        )
        taken = s.execute(
            select(Assessment.scale_id, Assessment.total, Assessment.band, Assessment.positive)
            .join(ScreeningParticipant, ScreeningParticipant.id == Assessment.participant_id)
            .where(ScreeningParticipant.screening_id == row.id, Assessment.deleted_at.is_(None))
        ).all()
        audit.record(s, ctx, "screening_report", "screening", row.id)
        brief = _briefs(s, [row])[0]
    summaries = []
    for scale_id in brief.scale_ids:
        mine = [t for t in taken if t.scale_id == scale_id]
        bands = Counter(t.band for t in mine if t.band is not None)
        definition = found.get(scale_id)
        order = [(b.code, b.label_zh) for b in definition.bands] if definition else []
        summaries.append(
            ScaleSummary(
                scale_id=scale_id,
                short_name=definition.short_name if definition else scale_id,
                administered=len(mine),
                scored=sum(1 for t in mine if t.total is not None),
                positive=sum(1 for t in mine if t.positive),
                bands=tuple((label, bands.get(code, 0)) for code, label in order),
            )
        )
    return ScreeningReport(brief=brief, people=int(people or 0), scales=tuple(summaries))
