"""Cases (个案): opening, classification, sharing, consent, closing and reopening,
reassignment, the case view and its timeline, soft delete, restore and purge.

Who may do what (on top of ``access``):
- open: a counsellor for themself, or the custodian for a named counsellor;
- work on it (edit, consent, risk, crisis, follow-ups, sessions): its counsellors,
  including one holding unexpired emergency access;
- close and reopen: its assigned or shared counsellors;
- share and unshare: the assigned counsellor or the custodian;
- reassign, delete, restore, purge: the custodian.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from station.errors import PermissionDenied, ValidationError
from station.models import (
    Case,
    CaseConcern,
    CaseCounter,
    CaseShare,
    Client,
    CrisisEvent,
    EmergencyAccess,
    FollowUp,
    RiskChange,
    ServiceSession,
    User,
)
from station.models.base import utcnow
from station.models.enums import Role
from station.models.vocab import (
    CaseSource,
    CaseStatus,
    Concern,
    CrisisAction,
    FollowUpMethod,
    Gender,
    RankLevel,
    RiskLevel,
    ServiceKind,
    TalkTrigger,
)
from station.services import access, assessments, audit, clients, risk
from station.services.clients import (
    ClientInput,
    age_band,
    check_choice,
    check_date,
    purge_rows,
    require_choice,
    user_refs,
)
from station.services.context import SignedIn
from station.services.validation import check_text
from station.services.views import (
    CaseView,
    Consent,
    CrisisView,
    FollowUpView,
    RiskChangeView,
    SessionBrief,
    TimelineItem,
    TimelineKind,
    UserRef,
)

SUMMARY_MAX = 4000
REASON_MAX = 500
FORM_VERSION_MAX = 20
EARLIEST_OPENING = date(2000, 1, 1)


# -- input -------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseInput:
    client_id: int
    source: CaseSource | None
    concerns: tuple[Concern, ...]
    talk_trigger: TalkTrigger | None = None  # required when source is TALK, else None
    counsellor_id: int | None = None  # default: the counsellor opening it
    opened_on: date | None = None  # default: today
    risk_level: RiskLevel = RiskLevel.NONE  # first risk judgement at intake
    risk_reason: str = ""


@dataclass(frozen=True)
class CaseEdit:
    source: CaseSource | None
    concerns: tuple[Concern, ...]
    talk_trigger: TalkTrigger | None = None


@dataclass(frozen=True)
class _Classification:
    source: CaseSource
    talk_trigger: TalkTrigger | None
    concerns: tuple[Concern, ...]


def _classify(
    source: CaseSource | str | None,
    trigger: TalkTrigger | str | None,
    concerns: tuple[Concern, ...] | list[Concern],
) -> _Classification:
    src = require_choice(CaseSource, source, "source", "来源")
    talk = check_choice(TalkTrigger, trigger, "talk_trigger", "七必谈情形")
    if src is CaseSource.TALK and talk is None:
        raise ValidationError(
            "来源为谈心谈话时，请选择七必谈情形。",
            "A heart-to-heart talk needs its trigger.",
            field="talk_trigger",
        )
    if src is not CaseSource.TALK and talk is not None:
        raise ValidationError(
            "只有来源为谈心谈话时才填写七必谈情形。",
            "Only a heart-to-heart talk has a trigger.",
            field="talk_trigger",
        )
    chosen = {require_choice(Concern, c, "concerns", "主诉类别") for c in concerns}
    if not chosen:
        raise ValidationError(
            "请至少选择一项主诉类别。", "Choose at least one concern.", field="concerns"
        )
    return _Classification(src, talk, tuple(c for c in Concern if c in chosen))


# -- helpers shared with the other record services -----------------------------------
def is_case_counsellor(case: Case, user_id: int) -> bool:
    """Assigned to the case or shared with (emergency access not counted)."""
    return case.counsellor_id == user_id or any(sh.user_id == user_id for sh in case.shares)


def live_case_for_work(session: Session, ctx: SignedIn, case_id: int) -> Case:
    case = access.get_case_for_work(session, ctx, case_id)
    if case.deleted_at is not None:  # counsellors never see these; kept for safety
        raise access.NotFound("个案")
    return case


def _live_case(session: Session, ctx: SignedIn, case_id: int) -> Case:
    case = access.get_case(session, ctx, case_id)
    if case.deleted_at is not None:
        raise access.NotFound("个案")
    return case


def _active_counsellor(session: Session, user_id: int | None, field: str) -> User:
    user = None if user_id is None else session.get(User, user_id)
    if user is None or not user.active or user.role != Role.COUNSELLOR.value:
        raise ValidationError(
            "请选择一名在用的咨询师。", "Choose an active counsellor.", field=field
        )
    return user


def _next_code(session: Session, year: int) -> str:
    counter = session.get(CaseCounter, year)
    if counter is None:
        counter = CaseCounter(year=year, last=0)
        session.add(counter)
    while True:
        counter.last += 1
        code = f"{year}-{counter.last:04d}"
        if session.scalar(select(Case.id).where(Case.code == code)) is None:
            return code


def active_grant_expiry(session: Session, ctx: SignedIn, case_id: int) -> datetime | None:
    return session.scalar(
        select(func.max(EmergencyAccess.expires_at)).where(
            EmergencyAccess.case_id == case_id,
            EmergencyAccess.user_id == ctx.user_id,
            EmergencyAccess.expires_at > utcnow(),
        )
    )


# -- opening and editing ------------------------------------------------------------
@dataclass(frozen=True)
class _CleanCase:
    cls: _Classification
    opened: date
    level: RiskLevel
    reason: str
    counsellor_id: int


def _check_case(ctx: SignedIn, data: CaseInput) -> _CleanCase:
    """The checks of a new case that need no database (``client_id`` is not looked at)."""
    cls = _classify(data.source, data.talk_trigger, data.concerns)
    opened = check_date(
        data.opened_on or date.today(),
        "opened_on",
        "开案日期",
        not_before=EARLIEST_OPENING,
        not_after=date.today(),
    )
    level = require_choice(RiskLevel, data.risk_level, "risk_level", "风险等级")
    reason = check_text(data.risk_reason, "risk_reason", "原因", REASON_MAX, required=False)
    if ctx.role is Role.COUNSELLOR:
        if data.counsellor_id not in (None, ctx.user_id):
            raise PermissionDenied
        counsellor_id = ctx.user_id
    else:
        if data.counsellor_id is None:
            raise ValidationError(
                "请选择负责的咨询师。", "Choose the counsellor.", field="counsellor_id"
            )
        counsellor_id = data.counsellor_id
    return _CleanCase(cls, opened, level, reason, counsellor_id)


def _insert_case(session: Session, ctx: SignedIn, client_id: int, clean: _CleanCase) -> Case:
    """Add a checked case inside the caller's transaction: its code from the counter,
    its concerns, the first risk judgement, audited ``case_open`` (and ``risk_change``).
    The caller has checked the client and that the counsellor is active."""
    case = Case(
        code=_next_code(session, clean.opened.year),
        client_id=client_id,
        counsellor_id=clean.counsellor_id,
        status=CaseStatus.OPEN.value,
        opened_on=clean.opened,
        source=clean.cls.source.value,
        talk_trigger=clean.cls.talk_trigger.value if clean.cls.talk_trigger else None,
        risk_level=RiskLevel.NONE.value,
    )
    case.concerns = [CaseConcern(concern=c.value) for c in clean.cls.concerns]
    session.add(case)
    session.flush()
    audit.record(session, ctx, "case_open", "case", case.id, f"client={client_id}")
    risk.change_risk(session, ctx, case, clean.level, clean.reason, field="risk_reason")
    return case


def open_case(ctx: SignedIn, data: CaseInput) -> int:
    """Open a case for a client; returns its id. The code is ``YYYY-NNNN``."""
    access.require_person_records(ctx)
    clean = _check_case(ctx, data)
    with ctx.vault.transaction() as s:
        client = access.get_client(s, ctx, data.client_id)
        if client.deleted_at is not None:
            raise access.NotFound("来访者")
        _active_counsellor(s, clean.counsellor_id, "counsellor_id")
        already = s.scalar(
            select(Case.id).where(
                Case.client_id == client.id,
                Case.deleted_at.is_(None),
                Case.status == CaseStatus.OPEN.value,
            )
        )
        if already is not None:
            raise ValidationError(
                "该来访者已有进行中的个案，请在原个案中继续记录。",
                "The client already has an open case.",
                field="client_id",
            )
        return _insert_case(s, ctx, client.id, clean).id


def open_case_for_new_client(
    ctx: SignedIn,
    client: ClientInput,
    case: CaseInput,
    consent: tuple[str, date | None, bool] | None = None,
) -> tuple[int, int]:
    """Register a client, open their case and (optionally) record the informed consent
    ``(form_version, signed_on, limits_explained)``, all in one transaction: either
    everything is written or nothing is. Returns ``(client_id, case_id)``.

    ``case.client_id`` is ignored (the client is the new one). Everything is checked
    before anything is written, with the same field names as ``register_client``,
    ``open_case`` and ``record_consent``, and the same audit entries are written."""
    access.require_person_records(ctx)
    clean_client = clients.clean_client(client)
    clean_case = _check_case(ctx, case)
    signed: tuple[str, date, bool] | None = None
    if consent is not None:
        ctx.require(Role.COUNSELLOR)
        signed = (*_check_consent(consent[0], consent[1]), bool(consent[2]))
    with ctx.vault.transaction() as s:
        _active_counsellor(s, clean_case.counsellor_id, "counsellor_id")
        client_id = clients.insert_client(s, ctx, clean_client)
        opened = _insert_case(s, ctx, client_id, clean_case)
        if signed is not None:
            _write_consent(s, ctx, opened, *signed)
        return client_id, opened.id


def update_case(ctx: SignedIn, case_id: int, data: CaseEdit) -> None:
    """Change the source, 七必谈 trigger and concerns."""
    ctx.require(Role.COUNSELLOR)
    cls = _classify(data.source, data.talk_trigger, data.concerns)
    with ctx.vault.transaction() as s:
        case = live_case_for_work(s, ctx, case_id)
        changed: list[str] = []
        trigger = cls.talk_trigger.value if cls.talk_trigger else None
        if case.source != cls.source.value:
            case.source = cls.source.value
            changed.append("source")
        if case.talk_trigger != trigger:
            case.talk_trigger = trigger
            changed.append("talk_trigger")
        wanted = {c.value for c in cls.concerns}
        if {c.concern for c in case.concerns} != wanted:
            case.concerns = [c for c in case.concerns if c.concern in wanted] + [
                CaseConcern(concern=v) for v in sorted(wanted - {c.concern for c in case.concerns})
            ]
            changed.append("concerns")
        if changed:
            audit.record(s, ctx, "case_update", "case", case.id, ",".join(changed))


def _check_consent(form_version: str, signed_on: date | None) -> tuple[str, date]:
    version = check_text(form_version, "form_version", "知情同意书版本", FORM_VERSION_MAX)
    signed = check_date(signed_on, "signed_on", "签署日期", not_after=date.today())
    return version, signed


def _write_consent(
    session: Session, ctx: SignedIn, case: Case, version: str, signed: date, limits: bool
) -> None:
    case.consent_form_version = version
    case.consent_signed_on = signed
    case.consent_limits_explained = limits
    audit.record(
        session,
        ctx,
        "case_consent",
        "case",
        case.id,
        "limits_explained" if limits else "limits_not_explained",
    )


def record_consent(
    ctx: SignedIn,
    case_id: int,
    form_version: str,
    signed_on: date | None,
    limits_explained: bool,
) -> None:
    """The informed-consent record (知情同意): form version, date signed, and whether
    the limits of confidentiality were explained."""
    ctx.require(Role.COUNSELLOR)
    version, signed = _check_consent(form_version, signed_on)
    with ctx.vault.transaction() as s:
        case = live_case_for_work(s, ctx, case_id)
        _write_consent(s, ctx, case, version, signed, bool(limits_explained))


# -- sharing and assignment --------------------------------------------------------
def _case_to_share(session: Session, ctx: SignedIn, case_id: int) -> Case:
    access.require_person_records(ctx)
    case = _live_case(session, ctx, case_id)
    if ctx.role is not Role.CUSTODIAN and case.counsellor_id != ctx.user_id:
        raise PermissionDenied
    return case


def share_case(ctx: SignedIn, case_id: int, user_id: int) -> None:
    """Share with a named, active colleague (assigned counsellor or custodian)."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        case = _case_to_share(s, ctx, case_id)
        _active_counsellor(s, user_id, "user_id")
        if user_id == case.counsellor_id:
            raise ValidationError(
                "这是该个案的负责咨询师，无需共享。",
                "This is the case's own counsellor.",
                field="user_id",
            )
        if any(sh.user_id == user_id for sh in case.shares):
            raise ValidationError(
                "已与这位同事共享。", "Already shared with this colleague.", field="user_id"
            )
        case.shares.append(CaseShare(user_id=user_id))
        audit.record(s, ctx, "case_share", "case", case.id, f"user={user_id}")


def unshare_case(ctx: SignedIn, case_id: int, user_id: int) -> None:
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        case = _case_to_share(s, ctx, case_id)
        share = next((sh for sh in case.shares if sh.user_id == user_id), None)
        if share is None:
            raise ValidationError(
                "该个案未与这位同事共享。", "Not shared with this colleague.", field="user_id"
            )
        case.shares.remove(share)
        audit.record(s, ctx, "case_unshare", "case", case.id, f"user={user_id}")


def reassign_case(
    ctx: SignedIn, case_id: int, counsellor_id: int, *, keep_previous_as_share: bool = False
) -> None:
    """Custodian: hand the case to another active counsellor."""
    ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        case = _live_case(s, ctx, case_id)
        _active_counsellor(s, counsellor_id, "counsellor_id")
        previous = case.counsellor_id
        if counsellor_id == previous:
            raise ValidationError(
                "该咨询师已负责此个案。", "Already this case's counsellor.", field="counsellor_id"
            )
        case.shares = [sh for sh in case.shares if sh.user_id != counsellor_id]
        if keep_previous_as_share:
            case.shares.append(CaseShare(user_id=previous))
        case.counsellor_id = counsellor_id
        audit.record(
            s, ctx, "case_reassign", "case", case.id, f"from={previous},to={counsellor_id}"
        )


# -- closing and reopening ----------------------------------------------------------
def _case_to_close(session: Session, ctx: SignedIn, case_id: int) -> Case:
    case = live_case_for_work(session, ctx, case_id)
    if not is_case_counsellor(case, ctx.user_id):
        raise PermissionDenied
    return case


def close_case(ctx: SignedIn, case_id: int, summary: str, closed_on: date | None = None) -> None:
    """结案 with a closing summary. A high or imminent case cannot be closed until its
    risk has been lowered (with a reason)."""
    ctx.require(Role.COUNSELLOR)
    text = check_text(summary, "summary", "结案小结", SUMMARY_MAX)
    day = check_date(closed_on or date.today(), "closed_on", "结案日期", not_after=date.today())
    with ctx.vault.transaction() as s:
        case = _case_to_close(s, ctx, case_id)
        if case.status == CaseStatus.CLOSED.value:
            raise ValidationError("该个案已结案。", "The case is already closed.")
        check_date(day, "closed_on", "结案日期", not_before=case.opened_on)
        if RiskLevel(case.risk_level).pinned:
            raise ValidationError(
                "风险等级为高或紧急的个案不能结案，请先重新评估并下调风险等级（须写明原因）。",
                "A high- or imminent-risk case cannot be closed; lower the risk first.",
                field="risk_level",
            )
        case.status = CaseStatus.CLOSED.value
        case.closed_on = day
        case.closing_summary = (
            f"{case.closing_summary}\n（{day:%Y-%m-%d} 结案）{text}"
            if case.closing_summary
            else text
        )
        audit.record(s, ctx, "case_close", "case", case.id)


def reopen_case(ctx: SignedIn, case_id: int, reason: str) -> None:
    """Reopen a closed case. The reason is kept after the earlier closing summary."""
    ctx.require(Role.COUNSELLOR)
    text = check_text(reason, "reason", "重新开案原因", REASON_MAX)
    with ctx.vault.transaction() as s:
        case = _case_to_close(s, ctx, case_id)
        if case.status != CaseStatus.CLOSED.value:
            raise ValidationError("该个案尚未结案。", "The case is not closed.")
        other = s.scalar(
            select(Case.id).where(
                Case.client_id == case.client_id,
                Case.id != case.id,
                Case.deleted_at.is_(None),
                Case.status == CaseStatus.OPEN.value,
            )
        )
        if other is not None:
            raise ValidationError(
                "该来访者已有另一个进行中的个案。", "The client has another open case."
            )
        case.status = CaseStatus.OPEN.value
        case.closed_on = None
        case.closing_summary = f"{case.closing_summary}\n（{date.today():%Y-%m-%d} 重新开案）{text}"
        audit.record(s, ctx, "case_reopen", "case", case.id)


# -- soft delete, restore, purge (custodian) -------------------------------------
def delete_case(ctx: SignedIn, case_id: int) -> None:
    ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        if case.deleted_at is not None:
            raise ValidationError("该个案已删除。", "The case is already deleted.")
        case.deleted_at = utcnow()
        case.deleted_by = ctx.user_id
        audit.record(s, ctx, "case_delete", "case", case.id, f"client={case.client_id}")


def restore_case(ctx: SignedIn, case_id: int) -> None:
    ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        if case.deleted_at is None:
            raise ValidationError("该个案未被删除。", "The case is not deleted.")
        client = s.get(Client, case.client_id)
        if client is None or client.deleted_at is not None:
            raise ValidationError(
                "该个案的来访者已删除，请先恢复来访者。", "Restore the client first."
            )
        case.deleted_at = None
        case.deleted_by = None
        audit.record(s, ctx, "case_restore", "case", case.id, f"client={case.client_id}")


def purge_case(ctx: SignedIn, case_id: int) -> int:
    """Custodian: remove a soft-deleted case and everything recorded in it; returns
    the rows removed. The client stays (purge the client to remove it too)."""
    ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        if case.deleted_at is None:
            raise ValidationError(
                "只能彻底清除已删除的个案，请先删除。",
                "Only a deleted case can be purged; delete it first.",
            )
        client_id = case.client_id
        s.expunge_all()
        cases = Case.__table__
        assert isinstance(cases, Table)
        removed = purge_rows(s, cases, cases.c.id == case_id)
        audit.record(s, ctx, "case_purge", "case", case_id, f"client={client_id},rows={removed}")
        return removed


# -- viewing ----------------------------------------------------------------------
def case_view(ctx: SignedIn, case_id: int, today: date | None = None) -> CaseView:
    """The case as this user may see it; audited (``case_view``, ``identity_view``)."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        client = s.get(Client, case.client_id)
        assert client is not None
        shown = access.sees_identity(s, ctx, client)
        own = is_case_counsellor(case, ctx.user_id)
        emergency = None
        if ctx.role is Role.COUNSELLOR and not own:
            emergency = active_grant_expiry(s, ctx, case.id)
        refs = user_refs(s, [case.counsellor_id, *(sh.user_id for sh in case.shares)])
        live = case.deleted_at is None
        audit.record(s, ctx, "case_view", "case", case.id, "emergency" if emergency else "")
        if shown and client.name:
            audit.record(s, ctx, "identity_view", "client", client.id, f"case={case.id}")
        return CaseView(
            id=case.id,
            code=case.code,
            client_id=client.id,
            client_alias=client.alias,
            client_anonymous=client.anonymous,
            client_name=client.name if shown and client.name else None,
            gender=Gender(client.gender) if client.gender else None,
            age_band=age_band(client.birth_year, today or date.today()),
            rank_level=RankLevel(client.rank_level) if client.rank_level else None,
            counsellor=refs.get(case.counsellor_id, UserRef(case.counsellor_id, "")),
            shared_with=tuple(
                sorted(
                    (refs.get(sh.user_id, UserRef(sh.user_id, "")) for sh in case.shares),
                    key=lambda r: r.id,
                )
            ),
            status=CaseStatus(case.status),
            opened_on=case.opened_on,
            closed_on=case.closed_on,
            closing_summary=case.closing_summary,
            source=CaseSource(case.source),
            talk_trigger=TalkTrigger(case.talk_trigger) if case.talk_trigger else None,
            concerns=tuple(c for c in Concern if c.value in {x.concern for x in case.concerns}),
            risk_level=RiskLevel(case.risk_level),
            consent=Consent(
                case.consent_form_version, case.consent_signed_on, case.consent_limits_explained
            ),
            deleted=not live,
            can_work=live and ctx.role is Role.COUNSELLOR,
            can_close=live and ctx.role is Role.COUNSELLOR and own,
            can_share=live and (ctx.role is Role.CUSTODIAN or case.counsellor_id == ctx.user_id),
            emergency_until=emergency,
        )


def local_date(moment: datetime) -> date:
    """The station's calendar day of a stored UTC time."""
    return moment.replace(tzinfo=UTC).astimezone().date()


def _local_time(moment: datetime) -> time:
    return moment.replace(tzinfo=UTC).astimezone().time().replace(tzinfo=None)


_KIND_ORDER = {
    TimelineKind.SESSION: 0,
    TimelineKind.CRISIS: 1,
    TimelineKind.RISK_CHANGE: 2,
    TimelineKind.FOLLOW_UP: 3,
    TimelineKind.ASSESSMENT: 4,
}


@dataclass(frozen=True)
class _Sortable:
    item: TimelineItem
    at: time = field(default=time(0))


def timeline(ctx: SignedIn, case_id: int) -> list[TimelineItem]:
    """Sessions, risk changes, crisis events, follow-ups and assessments of a case,
    oldest first.

    A session's private process note is included only for its author."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        sessions = s.scalars(
            select(ServiceSession).where(
                ServiceSession.case_id == case.id, ServiceSession.deleted_at.is_(None)
            )
        ).all()
        changes = s.scalars(select(RiskChange).where(RiskChange.case_id == case.id)).all()
        crises = s.scalars(
            select(CrisisEvent).where(
                CrisisEvent.case_id == case.id, CrisisEvent.deleted_at.is_(None)
            )
        ).all()
        follow_ups = s.scalars(
            select(FollowUp).where(FollowUp.case_id == case.id, FollowUp.deleted_at.is_(None))
        ).all()
        refs = user_refs(
            s,
            [x.counsellor_id for x in sessions]
            + [x.changed_by for x in changes]
            + [x.created_by for x in crises]
            + [x.created_by for x in follow_ups],
        )

        def ref(uid: int) -> UserRef:
            return refs.get(uid, UserRef(uid, ""))

        out: list[_Sortable] = []
        for x in sessions:
            brief = SessionBrief(
                id=x.id,
                kind=ServiceKind(x.kind),
                held_on=x.held_on,
                start_time=x.start_time,
                counsellor=ref(x.counsellor_id),
                risk_level=RiskLevel(x.risk_level),
                private_note=x.private_note if x.created_by == ctx.user_id else None,
            )
            item = TimelineItem(
                on=x.held_on,
                kind=TimelineKind.SESSION,
                item_id=x.id,
                by=brief.counsellor.display_name,
                risk_level=brief.risk_level,
                detail=brief,
            )
            out.append(_Sortable(item, x.start_time or time(0)))
        for c in changes:
            view = RiskChangeView(
                c.id,
                c.case_id,
                RiskLevel(c.from_level),
                RiskLevel(c.to_level),
                c.reason,
                ref(c.changed_by),
                c.changed_at,
            )
            item = TimelineItem(
                on=local_date(c.changed_at),
                kind=TimelineKind.RISK_CHANGE,
                item_id=c.id,
                by=view.changed_by.display_name,
                risk_level=view.to_level,
                detail=view,
            )
            out.append(_Sortable(item, _local_time(c.changed_at)))
        for e in crises:
            crisis = crisis_view_of(e, ref(e.created_by))
            item = TimelineItem(
                on=e.occurred_on,
                kind=TimelineKind.CRISIS,
                item_id=e.id,
                by=crisis.created_by.display_name,
                risk_level=None,
                detail=crisis,
            )
            out.append(_Sortable(item, _local_time(e.created_at)))
        for f in follow_ups:
            fv = follow_up_view_of(f, case.code, ref(f.created_by))
            item = TimelineItem(
                on=f.done_on or f.due_on,
                kind=TimelineKind.FOLLOW_UP,
                item_id=f.id,
                by=fv.created_by.display_name,
                risk_level=None,
                detail=fv,
            )
            out.append(_Sortable(item, time.max))
        for a in assessments.case_assessments(s, ctx, case.id):
            item = TimelineItem(
                on=a.administered_on,
                kind=TimelineKind.ASSESSMENT,
                item_id=a.id,
                by=a.by.display_name,
                risk_level=None,
                detail=a,
            )
            out.append(_Sortable(item, time.max))
        audit.record(s, ctx, "case_view", "case", case.id, "timeline")
    out.sort(key=lambda x: (x.item.on, x.at, _KIND_ORDER[x.item.kind], x.item.item_id))
    return [x.item for x in out]


def crisis_view_of(event: CrisisEvent, by: UserRef) -> CrisisView:
    return CrisisView(
        id=event.id,
        case_id=event.case_id,
        occurred_on=event.occurred_on,
        description=event.description,
        actions=tuple(CrisisAction(a) for a in event.actions.split(",") if a),
        safety_plan=event.safety_plan,
        created_by=by,
    )


def follow_up_view_of(f: FollowUp, code: str, by: UserRef) -> FollowUpView:
    return FollowUpView(
        id=f.id,
        case_id=f.case_id,
        case_code=code,
        due_on=f.due_on,
        method=FollowUpMethod(f.method),
        done_on=f.done_on,
        outcome=f.outcome,
        next_due_on=f.next_due_on,
        created_by=by,
    )


def counsellor_choices(ctx: SignedIn) -> list[UserRef]:
    """Active counsellors (to assign or share with)."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        rows = s.execute(
            select(User.id, User.display_name)
            .where(User.active.is_(True), User.role == Role.COUNSELLOR.value)
            .order_by(User.display_name)
        )
        return [UserRef(uid, name) for uid, name in rows]
