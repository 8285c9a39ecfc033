"""Assessments (心理测评) on a case: the scale catalogue (shipped plus imported),
recording an administration (typed in from paper or filled by the client), the
warnings (预警) its score raises, the response to each warning, and score trends.

Scoring is ``station.scales.scoring.score`` and nothing else; the answers and the
result are stored as scored, with the digest of the definition that scored them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.orm import Session

from station.errors import StationError, ValidationError
from station.models import (
    Assessment,
    AssessmentWarning,
    Case,
    Client,
    ImportedScale,
    Screening,
    ScreeningParticipant,
)
from station.models.base import utcnow
from station.models.enums import Role
from station.models.vocab import AssessmentMode, WarningResponse
from station.scales import library
from station.scales.definition import ScaleDefinition, WarningLevel
from station.scales.result import ScoreResult
from station.scales.scoring import score, total_range
from station.services import access, audit
from station.services.assessment_views import (
    AnswerLine,
    AssessmentDetail,
    Cutoff,
    Recorded,
    ScaleInfo,
    ScaleTrend,
    TrendPoint,
)
from station.services.clients import check_date, require_choice, user_refs
from station.services.context import SignedIn
from station.services.search import client_label
from station.services.validation import check_text
from station.services.views import AssessmentBrief, UserRef, WarningItem

NOTE_MAX = 2000
IMPORT_MAX_BYTES = 256 * 1024


# -- the scale catalogue ---------------------------------------------------------
def definitions(session: Session) -> dict[str, ScaleDefinition]:
    """Shipped scales, then the custodian's imported ones (ids never clash)."""
    out = dict(library.shipped())
    for row in session.scalars(select(ImportedScale)):
        out[row.scale_id] = library.parse_definition(row.text.encode("utf-8"), row.scale_id)
    return out


def _definition(session: Session, scale_id: str) -> ScaleDefinition:
    found = definitions(session).get(scale_id)
    if found is None:
        raise ValidationError("请选择一个量表。", f"Unknown scale {scale_id!r}.", field="scale_id")
    return found


def scales(ctx: SignedIn) -> list[ScaleInfo]:
    """The scales this station can administer, shipped first, by short name."""
    with ctx.vault.transaction() as s:
        imported = set(s.scalars(select(ImportedScale.scale_id)))
        found = definitions(s)
    return sorted(
        (
            ScaleInfo(d.id, d.short_name, d.name_zh, d.version, len(d.items), d.id in imported)
            for d in found.values()
        ),
        key=lambda i: (i.imported, i.short_name),
    )


def scale_definition(ctx: SignedIn, scale_id: str) -> ScaleDefinition:
    """A scale's full definition (items, options) for a form to show."""
    with ctx.vault.transaction() as s:
        return _definition(s, scale_id)


def import_scale(ctx: SignedIn, data: bytes) -> str:
    """Store a licensed scale's definition file (custodian). A new version of an
    imported scale replaces the old one; earlier administrations keep their scores."""
    ctx.require(Role.CUSTODIAN)
    if len(data) > IMPORT_MAX_BYTES:
        raise StationError("量表定义文件过大。", "The definition file is too large.")
    definition = library.parse_definition(data, "import")
    if definition.id in library.shipped():
        raise StationError(
            f"量表编号“{definition.id}”与系统自带量表相同，请换一个编号。",
            f"Scale id {definition.id!r} is a shipped scale's id.",
        )
    with ctx.vault.transaction() as s:
        row = s.get(ImportedScale, definition.id)
        if row is None:
            row = ImportedScale(scale_id=definition.id, imported_by=ctx.user_id)
            s.add(row)
        elif row.digest == definition.digest:
            raise StationError(
                "该量表定义已导入，内容相同。", "This definition is already imported."
            )
        row.version = definition.version
        row.digest = definition.digest
        row.text = data.decode("utf-8")
        row.imported_by = ctx.user_id
        row.imported_at = utcnow()
        audit.record(
            s, ctx, "scale_import", "scale", definition.id, f"version={definition.version}"
        )
    return definition.id


# -- writing an administration ------------------------------------------------------
def write_assessment(
    session: Session,
    ctx: SignedIn,
    definition: ScaleDefinition,
    answers: Sequence[int | None],
    administered_on: date,
    mode: AssessmentMode,
    *,
    case_id: int | None = None,
    participant_id: int | None = None,
) -> tuple[Assessment, ScoreResult, list[AssessmentWarning]]:
    """Score and store one administration with its warnings, in the caller's transaction."""
    result = score(definition, answers)  # AnswerError (a ValidationError) on a bad answer
    if not any(a is not None for a in answers):
        raise ValidationError("没有任何作答，未保存。", "No answers.", field="answers")
    row = Assessment(
        case_id=case_id,
        participant_id=participant_id,
        scale_id=definition.id,
        scale_version=definition.version,
        scale_digest=definition.digest,
        administered_on=administered_on,
        mode=mode.value,
        answers=json.dumps(list(answers)),
        raw=result.raw,
        total=result.total,
        band=result.band.code if result.band else None,
        subscales=json.dumps(result.subscales),
        complete=result.complete,
        positive=result.positive,
        created_by=ctx.user_id,
    )
    session.add(row)
    session.flush()
    raised = [
        AssessmentWarning(
            assessment_id=row.id,
            case_id=case_id,
            participant_id=participant_id,
            rule_code=w.code,
            level=w.level.value,
            score=w.score,
            reason=w.reason_zh,
        )
        for w in result.warnings
    ]
    session.add_all(raised)
    session.flush()
    subject = f"case={case_id}" if case_id is not None else f"participant={participant_id}"
    audit.record(
        session,
        ctx,
        "assessment_add",
        "assessment",
        row.id,
        f"{subject} scale={definition.id} mode={mode.value} warnings={len(raised)}",
    )
    return row, result, raised


def check_administered_on(value: date | None, not_before: date | None = None) -> date:
    return check_date(
        value, "administered_on", "测评日期", not_before=not_before, not_after=date.today()
    )


def record_assessment(
    ctx: SignedIn,
    case_id: int,
    scale_id: str,
    answers: Sequence[int | None],
    administered_on: date | None = None,
    mode: AssessmentMode | str = AssessmentMode.ENTERED,
) -> Recorded:
    """Score and save one administration on a case (its counsellors)."""
    ctx.require(Role.COUNSELLOR)
    how = require_choice(AssessmentMode, mode, "mode", "测评方式")
    with ctx.vault.transaction() as s:
        case = access.get_case_for_work(s, ctx, case_id)
        on = check_administered_on(administered_on or date.today(), case.opened_on)
        definition = _definition(s, scale_id)
        row, result, raised = write_assessment(
            s, ctx, definition, answers, on, how, case_id=case.id
        )
        items = warning_items(s, ctx, raised)
        return Recorded(row.id, result, tuple(items))


def delete_assessment(ctx: SignedIn, assessment_id: int, reason: str) -> None:
    """Withdraw an administration entered in error; its open warnings close with it."""
    ctx.require(Role.COUNSELLOR)
    why = check_text(reason, "reason", "删除理由", NOTE_MAX)
    with ctx.vault.transaction() as s:
        row = _assessment_for_work(s, ctx, assessment_id)
        row.deleted_at = utcnow()
        for w in s.scalars(
            select(AssessmentWarning).where(
                AssessmentWarning.assessment_id == row.id, AssessmentWarning.response.is_(None)
            )
        ):
            w.response = WarningResponse.NO_ACTION.value
            w.response_note = "测评记录已删除：" + why
            w.responded_at = utcnow()
            w.responded_by = ctx.user_id
        audit.record(s, ctx, "assessment_delete", "assessment", row.id)


def _assessment_for_work(session: Session, ctx: SignedIn, assessment_id: int) -> Assessment:
    row = session.get(Assessment, assessment_id)
    if row is None or row.deleted_at is not None or row.case_id is None:
        raise access.NotFound("测评记录")
    access.get_case_for_work(session, ctx, row.case_id)
    return row


# -- reading ----------------------------------------------------------------------
def _band_label(definition: ScaleDefinition | None, code: str | None) -> str | None:
    if definition is None or code is None:
        return code
    return next((b.label_zh for b in definition.bands if b.code == code), code)


def brief_of(row: Assessment, definition: ScaleDefinition | None, by: UserRef) -> AssessmentBrief:
    return AssessmentBrief(
        id=row.id,
        case_id=row.case_id,
        scale_id=row.scale_id,
        short_name=definition.short_name if definition else row.scale_id,
        administered_on=row.administered_on,
        mode=AssessmentMode(row.mode),
        total=row.total,
        band=_band_label(definition, row.band),
        complete=row.complete,
        positive=row.positive,
        by=by,
    )


def case_assessments(session: Session, ctx: SignedIn, case_id: int) -> list[AssessmentBrief]:
    """A visible case's administrations, oldest first (for the timeline and the tab)."""
    rows = session.scalars(
        select(Assessment)
        .where(Assessment.case_id == case_id, Assessment.deleted_at.is_(None))
        .order_by(Assessment.administered_on, Assessment.id)
    ).all()
    found = definitions(session) if rows else {}
    refs = user_refs(session, [r.created_by for r in rows])
    return [
        brief_of(r, found.get(r.scale_id), refs.get(r.created_by, UserRef(r.created_by, "")))
        for r in rows
    ]


def assessment_detail(ctx: SignedIn, assessment_id: int) -> AssessmentDetail:
    """One administration with every answer (audited as a view)."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        row = s.get(Assessment, assessment_id)
        if row is None or row.deleted_at is not None:
            raise access.NotFound("测评记录")
        if row.case_id is not None:
            access.get_case(s, ctx, row.case_id)
        else:
            assert row.participant_id is not None
            participant_screening(s, ctx, row.participant_id)
        definition = definitions(s).get(row.scale_id)
        by = user_refs(s, [row.created_by]).get(row.created_by, UserRef(row.created_by, ""))
        answers: list[int | None] = json.loads(row.answers)
        lines = []
        if definition is not None:
            for item, value in zip(definition.items, answers, strict=False):
                chosen = next(
                    (o.label_zh for o in definition.option_set(item).options if o.value == value),
                    None,
                )
                lines.append(AnswerLine(item.id, item.text_zh, chosen))
        stored: dict[str, float | None] = json.loads(row.subscales)
        names = {sub.id: sub.name_zh for sub in definition.subscales} if definition else {}
        warnings = s.scalars(
            select(AssessmentWarning).where(AssessmentWarning.assessment_id == row.id)
        ).all()
        items = warning_items(s, ctx, warnings)
        audit.record(s, ctx, "assessment_view", "assessment", row.id)
        return AssessmentDetail(
            brief=brief_of(row, definition, by),
            scale_name=definition.name_zh if definition else row.scale_id,
            answers=tuple(lines),
            subscales=tuple((names.get(k, k), v) for k, v in stored.items()),
            warnings=tuple(items),
        )


def trends(ctx: SignedIn, case_id: int) -> list[ScaleTrend]:
    """Per scale, the client's scores over time across every case of theirs this user
    may see (and screenings linked to those cases), with the scale's bands and cut-offs."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        visible = select(Case.id).where(Case.client_id == case.client_id, access.case_scope(ctx))
        participants = select(ScreeningParticipant.id).where(
            ScreeningParticipant.case_id.in_(visible)
        )
        rows = s.scalars(
            select(Assessment)
            .where(
                Assessment.deleted_at.is_(None),
                Assessment.total.is_not(None),
                or_(Assessment.case_id.in_(visible), Assessment.participant_id.in_(participants)),
            )
            .order_by(Assessment.administered_on, Assessment.id)
        ).all()
        found = definitions(s)
        audit.record(s, ctx, "assessment_view", "case", case.id, "trends")
    by_scale: dict[str, list[Assessment]] = {}
    for r in rows:
        by_scale.setdefault(r.scale_id, []).append(r)
    out = []
    for scale_id, points in by_scale.items():
        definition = found.get(scale_id)
        if definition is None:
            continue
        out.append(
            scale_trend(
                scale_id,
                definition,
                (
                    TrendPoint(
                        p.administered_on,
                        float(p.total or 0),
                        _band_label(definition, p.band),
                        AssessmentMode(p.mode),
                    )
                    for p in points
                ),
            )
        )
    return sorted(out, key=lambda t: t.short_name)


def scale_trend(
    scale_id: str, definition: ScaleDefinition, points: Iterable[TrendPoint]
) -> ScaleTrend:
    """The points on the scale's total range, with its bands and its cut-offs on the total."""
    low, high = total_range(definition)
    return ScaleTrend(
        scale_id=scale_id,
        short_name=definition.short_name,
        name_zh=definition.name_zh,
        low=low,
        high=high,
        bands=definition.bands,
        cutoffs=tuple(
            Cutoff(rule.value, rule.level, rule.op, rule.reason_zh)
            for rule in definition.warnings
            if rule.target == "total"
        ),
        points=tuple(points),
    )


# -- warnings -----------------------------------------------------------------------
def participant_screening(session: Session, ctx: SignedIn, participant_id: int) -> Screening:
    """The screening a participant belongs to, if this user may see its people."""
    participant = session.get(ScreeningParticipant, participant_id)
    if participant is None:
        raise access.NotFound("测评对象")
    screening = session.get(Screening, participant.screening_id)
    if screening is None or screening.deleted_at is not None:
        raise access.NotFound("测评对象")
    if not sees_screening(ctx, screening):
        raise access.NotFound("测评对象")
    return screening


def sees_screening(ctx: SignedIn, screening: Screening) -> bool:
    """The people of a screening: its responsible counsellor, its creator, the custodian."""
    if ctx.role is Role.CUSTODIAN:
        return True
    return ctx.role is Role.COUNSELLOR and ctx.user_id in (
        screening.counsellor_id,
        screening.created_by,
    )


def screening_scope(ctx: SignedIn) -> ColumnElement[bool]:
    """A WHERE clause over ``Screening``: the screenings whose people this user sees."""
    live = Screening.deleted_at.is_(None)
    if ctx.role is Role.CUSTODIAN:
        return live
    if ctx.role is not Role.COUNSELLOR:
        return false()
    return and_(
        live,
        or_(Screening.counsellor_id == ctx.user_id, Screening.created_by == ctx.user_id),
    )


def warning_items(
    session: Session, ctx: SignedIn, rows: Iterable[AssessmentWarning]
) -> list[WarningItem]:
    rows = list(rows)
    if not rows:
        return []
    assessments = {
        a.id: a
        for a in session.scalars(
            select(Assessment).where(Assessment.id.in_({w.assessment_id for w in rows}))
        )
    }
    case_ids = {w.case_id for w in rows if w.case_id is not None}
    cases = {
        cid: (code, label)
        for cid, code, label in session.execute(
            select(Case.id, Case.code, client_label(ctx))
            .join(Client, Client.id == Case.client_id)
            .where(Case.id.in_(case_ids))
        )
    }
    participant_ids = {w.participant_id for w in rows if w.participant_id is not None}
    participants = {
        p.id: p
        for p in session.scalars(
            select(ScreeningParticipant).where(ScreeningParticipant.id.in_(participant_ids))
        )
    }
    refs = user_refs(session, [w.responded_by for w in rows if w.responded_by is not None])
    found = definitions(session)
    out = []
    for w in rows:
        scale_id = assessments[w.assessment_id].scale_id
        definition = found.get(scale_id)
        code = label = None
        screening_id = participant_code = None
        if w.case_id is not None:
            code, label = cases.get(w.case_id, (None, None))
            subject = label or ""
        else:
            p = participants[w.participant_id] if w.participant_id is not None else None
            screening_id = p.screening_id if p else None
            participant_code = p.code if p else None
            subject = (p.name or p.code) if p else ""
        out.append(
            WarningItem(
                id=w.id,
                assessment_id=w.assessment_id,
                scale_short_name=definition.short_name if definition else scale_id,
                level=WarningLevel(w.level),
                reason=w.reason,
                score=w.score,
                raised_at=w.raised_at,
                case_id=w.case_id,
                case_code=code,
                screening_id=screening_id,
                participant_code=participant_code,
                subject=subject,
                response=WarningResponse(w.response) if w.response else None,
                response_note=w.response_note,
                responded_at=w.responded_at,
                responded_by=refs[w.responded_by].display_name if w.responded_by else None,
            )
        )
    return out


def _warning_scope(ctx: SignedIn) -> ColumnElement[bool]:
    """Warnings on the cases this user sees, and on the screenings whose people they see."""
    if ctx.role is Role.CUSTODIAN:
        return true()
    if ctx.role is not Role.COUNSELLOR:
        return false()
    cases = select(Case.id).where(access.case_scope(ctx))
    participants = (
        select(ScreeningParticipant.id)
        .join(Screening, Screening.id == ScreeningParticipant.screening_id)
        .where(screening_scope(ctx))
    )
    return or_(
        AssessmentWarning.case_id.in_(cases), AssessmentWarning.participant_id.in_(participants)
    )


def open_warnings_in(session: Session, ctx: SignedIn) -> list[WarningItem]:
    """Warnings without a response, most severe then oldest first (the dashboard list)."""
    rows = session.scalars(
        select(AssessmentWarning)
        .where(AssessmentWarning.response.is_(None), _warning_scope(ctx))
        .order_by(AssessmentWarning.raised_at, AssessmentWarning.id)
    ).all()
    items = warning_items(session, ctx, rows)
    return sorted(items, key=lambda w: -w.level.rank)


def open_warnings(ctx: SignedIn) -> list[WarningItem]:
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        return open_warnings_in(s, ctx)


def case_warnings(ctx: SignedIn, case_id: int) -> list[WarningItem]:
    """Every warning on a case, open and answered, newest first."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        rows = s.scalars(
            select(AssessmentWarning)
            .where(AssessmentWarning.case_id == case.id)
            .order_by(AssessmentWarning.raised_at.desc(), AssessmentWarning.id.desc())
        ).all()
        return warning_items(s, ctx, rows)


def respond_to_warning(
    ctx: SignedIn,
    warning_id: int,
    response: WarningResponse | str | None,
    note: str = "",
) -> None:
    """Record the response taken (预警响应). "No action" needs its reason."""
    access.require_person_records(ctx)
    taken = require_choice(WarningResponse, response, "response", "处理方式")
    text = check_text(
        note,
        "response_note",
        "理由" if taken is WarningResponse.NO_ACTION else "说明",
        NOTE_MAX,
        required=taken is WarningResponse.NO_ACTION,
    )
    with ctx.vault.transaction() as s:
        row = s.get(AssessmentWarning, warning_id)
        if row is None:
            raise access.NotFound("预警")
        _check_may_respond(s, ctx, row)
        if row.response is not None:
            raise StationError("该预警已经处理过。", "This warning already has a response.")
        row.response = taken.value
        row.response_note = text
        row.responded_at = utcnow()
        row.responded_by = ctx.user_id
        audit.record(s, ctx, "warning_response", "warning", row.id, f"response={taken.value}")


def _check_may_respond(session: Session, ctx: SignedIn, row: AssessmentWarning) -> None:
    if row.case_id is not None:
        if ctx.role is Role.COUNSELLOR:
            access.get_case_for_work(session, ctx, row.case_id)
        else:
            access.get_case(session, ctx, row.case_id)
    else:
        assert row.participant_id is not None
        participant_screening(session, ctx, row.participant_id)
