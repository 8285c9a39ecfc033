"""Referrals (转介 / 转诊): written on a case for a destination from the directory.

A referral carries a reason, an urgency, a minimum-necessary summary written for the
receiver, the client's consent and how the printed form names the person (full name
or case code only). Its number is ``ZJ<year>-<nnnn>`` (never reused); the risk level
is copied from the case when the draft is written, and again when it is edited and
when it is sent (the receiver learns the level as judged at sending).

Status flow (every step dated, a ``ReferralStep`` row and an audit entry)::

    draft ──send──▶ sent ──▶ accepted ──▶ feedback ──▶ closed
                     │  └──▶ declined ───────────────▶ closed
                     └────────────────────────────────▶ closed   (reason required)
                               accepted ─────────────▶ closed   (reason required)

- ``sent → closed`` is allowed for a referral that went nowhere (no answer, the
  client did not go, withdrawn); ``accepted → closed`` for one whose feedback will
  never come. Both need a written reason (the step note), since they end a referral
  without its outcome. ``declined → closed`` and ``feedback → closed`` need none.
- ``closed`` is final. A draft is not "closed": it is deleted (``delete_draft``).
- A step's date is not in the future and not before the previous step's date (for
  sending: not before the case was opened, so a paper referral can be entered late).
- An invalid transition raises ``ValidationError`` naming both statuses.

Consent rules:

- ``given``: the client agreed; this is the normal case.
- ``refused``: may be saved as a draft (it records the refusal), never sent; the
  error says so. Should the client change their mind, edit the draft first.
- ``emergency`` (referred without consent): only when the urgency is ``emergency``
  (危急: imminent danger to the client or others), and only with a written
  justification of at least 10 characters (``consent_note``). Both are checked when
  the draft is saved and again when it is sent.
- The summary is required, at most 2,000 characters.
- ``identity_on_form`` ``name`` is refused for an anonymous client (no name is kept).

Who: the case's counsellors (assigned, shared, emergency access) write and move
referrals. The custodian reads them (``referral_view``, the case list, forms) but
does not write clinical entries. The station lead sees none.

``case_referrals`` is not audited on its own: it is part of the audited case view
(as ``sessions.list_sessions``); ``referral_view`` is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.models import Case, Client, Destination, Referral, ReferralCounter, ReferralStep
from station.models.base import utcnow
from station.models.enums import Role
from station.models.vocab import (
    CaseStatus,
    DestinationKind,
    FormIdentity,
    ReferralConsent,
    ReferralReason,
    ReferralStatus,
    ReferralUrgency,
    RiskLevel,
    label,
)
from station.services import access, audit, destinations, settings
from station.services.cases import live_case_for_work, local_date
from station.services.clients import check_date, require_choice, user_refs
from station.services.context import SignedIn
from station.services.destinations import DestinationView
from station.services.validation import check_text
from station.services.views import UserRef

SUMMARY_MAX = 2000
CONSENT_NOTE_MAX = 1000
CONSENT_NOTE_MIN = 10  # an emergency without consent needs a real justification
STEP_NOTE_MAX = 1000
FEEDBACK_MAX = 4000

S = ReferralStatus

# The allowed status changes (from → to). Everything else is refused.
TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    S.DRAFT: frozenset({S.SENT}),
    S.SENT: frozenset({S.ACCEPTED, S.DECLINED, S.CLOSED}),
    S.ACCEPTED: frozenset({S.FEEDBACK, S.CLOSED}),
    S.DECLINED: frozenset({S.CLOSED}),
    S.FEEDBACK: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}
# Ending a referral without its outcome needs a written reason.
NOTE_REQUIRED: frozenset[tuple[ReferralStatus, ReferralStatus]] = frozenset(
    {(S.SENT, S.CLOSED), (S.ACCEPTED, S.CLOSED)}
)
# Open referrals waiting for the receiver (the dashboard's overdue list looks at these).
WAITING = (S.SENT, S.ACCEPTED)

_ACTIONS = {
    S.SENT: "referral_send",
    S.ACCEPTED: "referral_accept",
    S.DECLINED: "referral_decline",
    S.FEEDBACK: "referral_feedback",
    S.CLOSED: "referral_close",
}
# The date column each status sets.
_DATE_FIELDS = {
    S.SENT: "sent_on",
    S.ACCEPTED: "answered_on",
    S.DECLINED: "answered_on",
    S.FEEDBACK: "feedback_on",
    S.CLOSED: "closed_on",
}


# -- input and views ------------------------------------------------------------------
@dataclass(frozen=True)
class ReferralInput:
    destination_id: int | None
    reason: ReferralReason | str | None
    urgency: ReferralUrgency | str | None
    summary: str  # minimum necessary, written for the receiver
    consent: ReferralConsent | str | None
    consent_note: str = ""  # justification (emergency) or note on the refusal
    identity_on_form: FormIdentity | str = FormIdentity.CODE


@dataclass(frozen=True)
class ReferralBrief:
    """One line of a referral list (a case's referrals, the dashboard's overdue list)."""

    id: int
    number: str
    case_id: int
    case_code: str
    destination_id: int
    destination_name: str
    destination_kind: DestinationKind
    reason: ReferralReason
    urgency: ReferralUrgency
    consent: ReferralConsent
    status: ReferralStatus
    risk_level: RiskLevel
    created_on: date
    sent_on: date | None
    answered_on: date | None
    feedback_on: date | None
    closed_on: date | None
    created_by: UserRef

    def days_waiting(self, today: date) -> int | None:
        """Days since sending while the receiver's answer or feedback is awaited."""
        if self.status not in WAITING or self.sent_on is None:
            return None
        return (today - self.sent_on).days


@dataclass(frozen=True)
class ReferralStepView:
    id: int
    from_status: ReferralStatus
    to_status: ReferralStatus
    on: date
    note: str
    by: UserRef
    at: datetime


@dataclass(frozen=True)
class ReferralView:
    id: int
    number: str
    case_id: int
    case_code: str
    destination: DestinationView
    reason: ReferralReason
    urgency: ReferralUrgency
    summary: str
    risk_level: RiskLevel
    consent: ReferralConsent
    consent_note: str
    identity_on_form: FormIdentity
    status: ReferralStatus
    sent_on: date | None
    answered_on: date | None
    feedback_on: date | None
    feedback: str
    closed_on: date | None
    created_by: UserRef
    created_at: datetime
    steps: tuple[ReferralStepView, ...]  # oldest first
    can_edit: bool  # a draft the viewer may edit, send or delete
    allowed_next: tuple[ReferralStatus, ...]  # the steps the viewer may take now


# -- checks ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Clean:
    destination_id: int
    reason: ReferralReason
    urgency: ReferralUrgency
    summary: str
    consent: ReferralConsent
    consent_note: str
    identity_on_form: FormIdentity


def _check_consent(consent: ReferralConsent, urgency: ReferralUrgency, note: str) -> None:
    if consent is not ReferralConsent.EMERGENCY:
        return
    if urgency is not ReferralUrgency.EMERGENCY:
        raise ValidationError(
            "只有紧急程度为“危急”（本人或他人面临紧迫危险）时，才能在未经本人同意的情况下"
            "转介。请取得本人同意，或更正紧急程度。",
            "A referral without consent is allowed only when the urgency is emergency.",
            field="consent",
        )
    if len("".join(note.split())) < CONSENT_NOTE_MIN:
        raise ValidationError(
            f"未经本人同意的紧急转介，须写明理由（至少 {CONSENT_NOTE_MIN} 个字）。",
            f"An emergency referral without consent needs a justification "
            f"of at least {CONSENT_NOTE_MIN} characters.",
            field="consent_note",
        )


def _clean(data: ReferralInput) -> _Clean:
    if data.destination_id is None:
        raise ValidationError(
            "请选择转介去向。", "destination_id is required.", field="destination_id"
        )
    reason = require_choice(ReferralReason, data.reason, "reason", "转介原因")
    urgency = require_choice(ReferralUrgency, data.urgency, "urgency", "紧急程度")
    summary = check_text(data.summary, "summary", "转介摘要", SUMMARY_MAX)
    consent = require_choice(ReferralConsent, data.consent, "consent", "本人同意情况")
    note = check_text(data.consent_note, "consent_note", "说明", CONSENT_NOTE_MAX, False)
    identity = require_choice(
        FormIdentity, data.identity_on_form, "identity_on_form", "转介单上的身份信息"
    )
    _check_consent(consent, urgency, note)
    return _Clean(data.destination_id, reason, urgency, summary, consent, note, identity)


def _active_destination(session: Session, destination_id: int, field: str) -> Destination:
    row = session.get(Destination, destination_id)
    if row is None or not row.active:
        raise ValidationError(
            "该转介去向不存在或已停用，请另选一个。",
            "The destination does not exist or is no longer in use.",
            field=field,
        )
    return row


def _check_identity(session: Session, case: Case, identity: FormIdentity) -> None:
    if identity is not FormIdentity.NAME:
        return
    client = session.get(Client, case.client_id)
    if client is None or client.anonymous or not client.name:
        raise ValidationError(
            "该来访者为匿名登记，没有姓名，转介单上只能填写个案编号。",
            "An anonymous client has no name: the form can show the case code only.",
            field="identity_on_form",
        )


def _next_number(session: Session, year: int) -> str:
    counter = session.get(ReferralCounter, year)
    if counter is None:
        counter = ReferralCounter(year=year, last=0)
        session.add(counter)
    while True:
        counter.last += 1
        number = f"ZJ{year}-{counter.last:04d}"
        if session.scalar(select(Referral.id).where(Referral.number == number)) is None:
            return number


def _referral(session: Session, referral_id: int) -> Referral:
    row = session.get(Referral, referral_id)
    if row is None or row.deleted_at is not None:
        raise access.NotFound("转介单")
    return row


def referral_for_reading(session: Session, ctx: SignedIn, referral_id: int) -> Referral:
    """The referral if ``ctx`` may see its case (custodian, the case's counsellors)."""
    access.require_person_records(ctx)
    row = _referral(session, referral_id)
    try:
        access.get_case(session, ctx, row.case_id)
    except access.NotFound:  # the same answer as for a referral that does not exist
        raise access.NotFound("转介单") from None
    return row


def referral_id_by_number(ctx: SignedIn, number: str) -> int:
    """The id of the referral numbered ``number`` (e.g. ``ZJ2026-0007``) if ``ctx`` may
    see it; NotFound otherwise. For the command line, where people know the number."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        found = s.scalar(
            select(Referral.id).where(
                Referral.number == number.strip().upper(), Referral.deleted_at.is_(None)
            )
        )
        if found is None:
            raise access.NotFound("转介单")
        return referral_for_reading(s, ctx, found).id


def _referral_for_work(session: Session, ctx: SignedIn, referral_id: int) -> tuple[Referral, Case]:
    ctx.require(Role.COUNSELLOR)
    row = _referral(session, referral_id)
    try:
        case = live_case_for_work(session, ctx, row.case_id)
    except access.NotFound:
        raise access.NotFound("转介单") from None
    return row, case


# -- drafts ---------------------------------------------------------------------------
def create_referral(ctx: SignedIn, case_id: int, data: ReferralInput) -> int:
    """Write a draft referral on an open case; returns its id."""
    ctx.require(Role.COUNSELLOR)
    clean = _clean(data)
    with ctx.vault.transaction() as s:
        case = live_case_for_work(s, ctx, case_id)
        if case.status != CaseStatus.OPEN.value:
            raise ValidationError(
                "该个案已结案，请先重新开案再转介。",
                "The case is closed; reopen it to refer.",
            )
        _active_destination(s, clean.destination_id, "destination_id")
        _check_identity(s, case, clean.identity_on_form)
        row = Referral(
            number=_next_number(s, date.today().year),
            case_id=case.id,
            destination_id=clean.destination_id,
            reason=clean.reason.value,
            urgency=clean.urgency.value,
            summary=clean.summary,
            risk_level=case.risk_level,
            consent=clean.consent.value,
            consent_note=clean.consent_note,
            identity_on_form=clean.identity_on_form.value,
            status=S.DRAFT.value,
            created_by=ctx.user_id,
        )
        s.add(row)
        s.flush()
        audit.record(s, ctx, "referral_create", "referral", row.id, f"case={case.id}")
        return row.id


def _require_draft(row: Referral, doing: str) -> None:
    if row.status != S.DRAFT.value:
        raise ValidationError(
            f"转介单已{label(S(row.status))}，只有草稿可以{doing}。",
            f"Only a draft referral can be {'edited' if doing == '修改' else 'deleted'}.",
        )


def update_referral(ctx: SignedIn, referral_id: int, data: ReferralInput) -> None:
    """Edit a draft (only drafts change; a sent referral is a record of what was sent)."""
    ctx.require(Role.COUNSELLOR)
    clean = _clean(data)
    with ctx.vault.transaction() as s:
        row, case = _referral_for_work(s, ctx, referral_id)
        _require_draft(row, "修改")
        if row.destination_id != clean.destination_id:
            _active_destination(s, clean.destination_id, "destination_id")
        _check_identity(s, case, clean.identity_on_form)
        values = {
            "destination_id": clean.destination_id,
            "reason": clean.reason.value,
            "urgency": clean.urgency.value,
            "summary": clean.summary,
            "consent": clean.consent.value,
            "consent_note": clean.consent_note,
            "identity_on_form": clean.identity_on_form.value,
            "risk_level": case.risk_level,
        }
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        for name in changed:
            setattr(row, name, values[name])
        if changed:
            audit.record(s, ctx, "referral_update", "referral", row.id, ",".join(changed))


def delete_draft(ctx: SignedIn, referral_id: int) -> None:
    """Delete a draft (soft: the number stays used). Sent referrals are never deleted."""
    ctx.require(Role.COUNSELLOR)
    with ctx.vault.transaction() as s:
        row, _ = _referral_for_work(s, ctx, referral_id)
        _require_draft(row, "删除")
        row.deleted_at = utcnow()
        audit.record(s, ctx, "referral_delete", "referral", row.id, f"case={row.case_id}")


# -- the status flow ------------------------------------------------------------------
def _refuse(current: ReferralStatus, target: ReferralStatus) -> ValidationError:
    allowed = TRANSITIONS[current]
    if allowed:
        hint = "当前可以：" + "、".join(f"“{label(s)}”" for s in S if s in allowed) + "。"
    else:
        hint = "转介已关闭，不能再更改。"
    return ValidationError(
        f"转介单当前状态为“{label(current)}”，不能变更为“{label(target)}”。{hint}",
        f"A referral cannot go from {current.value} to {target.value}.",
        field="status",
    )


def _previous_day(session: Session, row: Referral, case: Case) -> tuple[date, str]:
    last = session.scalars(
        select(ReferralStep)
        .where(ReferralStep.referral_id == row.id)
        .order_by(ReferralStep.on.desc(), ReferralStep.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return case.opened_on, "开案日期"
    return last.on, f"上一步（{label(S(last.to_status))}）的日期"


def _check_sendable(session: Session, row: Referral) -> None:
    consent = ReferralConsent(row.consent)
    if consent is ReferralConsent.REFUSED:
        raise ValidationError(
            "来访者拒绝转介，不能发出转介单。如来访者改变主意，请先在草稿中更改同意情况。",
            "The client refused the referral; it cannot be sent.",
            field="consent",
        )
    _check_consent(consent, ReferralUrgency(row.urgency), row.consent_note)
    _active_destination(session, row.destination_id, "destination_id")


def _transition(
    ctx: SignedIn,
    referral_id: int,
    target: ReferralStatus,
    on: date | None,
    note: str = "",
    feedback: str | None = None,
) -> None:
    """The one way a referral changes status: checks the table, the date and the rules
    of the step, then writes the step row, the date column and the audit entry."""
    ctx.require(Role.COUNSELLOR)
    text = check_text(note, "note", "说明", STEP_NOTE_MAX, required=False)
    with ctx.vault.transaction() as s:
        row, case = _referral_for_work(s, ctx, referral_id)
        current = S(row.status)
        if target not in TRANSITIONS[current]:
            raise _refuse(current, target)
        if (current, target) in NOTE_REQUIRED and not text:
            raise ValidationError(
                f"转介单在“{label(current)}”状态下关闭（未获反馈），须写明原因。",
                "Closing a referral without its outcome needs a reason.",
                field="note",
            )
        day = check_date(on or date.today(), "on", "日期", not_after=date.today())
        earliest, what = _previous_day(s, row, case)
        if day < earliest:
            raise ValidationError(
                f"日期不能早于{what} {earliest:%Y-%m-%d}。",
                "The date is before the previous step.",
                field="on",
            )
        if target is S.SENT:
            _check_sendable(s, row)
            row.risk_level = case.risk_level
        if feedback is not None:
            row.feedback = feedback
        setattr(row, _DATE_FIELDS[target], day)
        row.status = target.value
        s.add(
            ReferralStep(
                referral_id=row.id,
                from_status=current.value,
                to_status=target.value,
                on=day,
                note=text,
                by=ctx.user_id,
            )
        )
        audit.record(
            s, ctx, _ACTIONS[target], "referral", row.id, f"{current.value}>{target.value}"
        )


def send(ctx: SignedIn, referral_id: int, on: date | None = None) -> None:
    """Draft → sent (the form went to the receiver). Needs consent, or an emergency
    with its justification; never a refusal."""
    _transition(ctx, referral_id, S.SENT, on)


def record_answer(
    ctx: SignedIn, referral_id: int, accepted: bool, on: date | None = None, note: str = ""
) -> None:
    """Sent → accepted or declined by the receiver."""
    _transition(ctx, referral_id, S.ACCEPTED if accepted else S.DECLINED, on, note)


def record_feedback(ctx: SignedIn, referral_id: int, feedback: str, on: date | None = None) -> None:
    """Accepted → feedback received (the receiver's account of what followed)."""
    text = check_text(feedback, "feedback", "反馈内容", FEEDBACK_MAX)
    _transition(ctx, referral_id, S.FEEDBACK, on, feedback=text)


def close(ctx: SignedIn, referral_id: int, on: date | None = None, note: str = "") -> None:
    """End a referral: after feedback or a refusal by the receiver; from sent or
    accepted only with a written reason."""
    _transition(ctx, referral_id, S.CLOSED, on, note)


# -- reading --------------------------------------------------------------------------
def _brief_query() -> Select[tuple[Referral, str, str, str]]:
    return (
        select(Referral, Case.code, Destination.name, Destination.kind)
        .join(Case, Case.id == Referral.case_id)
        .join(Destination, Destination.id == Referral.destination_id)
        .where(Referral.deleted_at.is_(None))
    )


def _briefs(session: Session, rows: list[tuple[Referral, str, str, str]]) -> list[ReferralBrief]:
    refs = user_refs(session, [r.created_by for r, *_ in rows])
    return [
        ReferralBrief(
            id=r.id,
            number=r.number,
            case_id=r.case_id,
            case_code=code,
            destination_id=r.destination_id,
            destination_name=name,
            destination_kind=DestinationKind(kind),
            reason=ReferralReason(r.reason),
            urgency=ReferralUrgency(r.urgency),
            consent=ReferralConsent(r.consent),
            status=S(r.status),
            risk_level=RiskLevel(r.risk_level),
            created_on=local_date(r.created_at),
            sent_on=r.sent_on,
            answered_on=r.answered_on,
            feedback_on=r.feedback_on,
            closed_on=r.closed_on,
            created_by=refs.get(r.created_by, UserRef(r.created_by, "")),
        )
        for r, code, name, kind in rows
    ]


def case_referrals(ctx: SignedIn, case_id: int) -> list[ReferralBrief]:
    """The referrals of a case (drafts too), oldest first."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        rows = s.execute(
            _brief_query().where(Referral.case_id == case.id).order_by(Referral.id)
        ).all()
        return _briefs(s, [(r, code, name, kind) for r, code, name, kind in rows])


def case_referrals_in(session: Session, case_id: int) -> list[ReferralBrief]:
    """For the forms service: the case's referrals, the caller having checked access."""
    rows = session.execute(
        _brief_query().where(Referral.case_id == case_id).order_by(Referral.id)
    ).all()
    return _briefs(session, [(r, code, name, kind) for r, code, name, kind in rows])


def referral_view(ctx: SignedIn, referral_id: int) -> ReferralView:
    """Everything about one referral, with its steps; audited (``referral_view``)."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        row = referral_for_reading(s, ctx, referral_id)
        case = s.get(Case, row.case_id)
        assert case is not None
        steps = s.scalars(
            select(ReferralStep)
            .where(ReferralStep.referral_id == row.id)
            .order_by(ReferralStep.on, ReferralStep.id)
        ).all()
        refs = user_refs(s, [row.created_by, *(st.by for st in steps)])

        def ref(uid: int) -> UserRef:
            return refs.get(uid, UserRef(uid, ""))

        # get_case passed: a counsellor here may work on the case (assigned, shared, emergency).
        works = ctx.role is Role.COUNSELLOR and case.deleted_at is None
        status = S(row.status)
        audit.record(s, ctx, "referral_view", "referral", row.id, f"case={case.id}")
        return ReferralView(
            id=row.id,
            number=row.number,
            case_id=case.id,
            case_code=case.code,
            destination=destinations.destination_in(s, ctx, row.destination_id),
            reason=ReferralReason(row.reason),
            urgency=ReferralUrgency(row.urgency),
            summary=row.summary,
            risk_level=RiskLevel(row.risk_level),
            consent=ReferralConsent(row.consent),
            consent_note=row.consent_note,
            identity_on_form=FormIdentity(row.identity_on_form),
            status=status,
            sent_on=row.sent_on,
            answered_on=row.answered_on,
            feedback_on=row.feedback_on,
            feedback=row.feedback,
            closed_on=row.closed_on,
            created_by=ref(row.created_by),
            created_at=row.created_at,
            steps=tuple(
                ReferralStepView(
                    st.id, S(st.from_status), S(st.to_status), st.on, st.note, ref(st.by), st.at
                )
                for st in steps
            ),
            can_edit=works and status is S.DRAFT,
            allowed_next=tuple(x for x in S if x in TRANSITIONS[status]) if works else (),
        )


def overdue_referrals_in(session: Session, ctx: SignedIn, today: date) -> list[ReferralBrief]:
    """Sent or accepted referrals without feedback, sent more than N days before
    ``today`` (N: the ``referral_feedback_days`` setting, default 14), on the cases
    this user sees; oldest first. Empty for the station lead."""
    days = settings.referral_feedback_days_in(session)
    rows = session.execute(
        _brief_query()
        .where(
            access.case_scope(ctx),
            Case.deleted_at.is_(None),
            Referral.status.in_([x.value for x in WAITING]),
            Referral.sent_on < today - timedelta(days=days),
        )
        .order_by(Referral.sent_on, Referral.id)
    ).all()
    return _briefs(session, [(r, code, name, kind) for r, code, name, kind in rows])


def overdue_referrals(ctx: SignedIn, today: date | None = None) -> list[ReferralBrief]:
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        return overdue_referrals_in(s, ctx, today or date.today())
