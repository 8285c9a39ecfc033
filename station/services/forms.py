"""Printed forms (service layer): gathers what each form may show, checks who may print
it, builds the PDF in memory (``station.reports``) and writes the audit entries.

- ``consent_form_pdf``: the informed consent form, blank (anyone signed in, for paper
  intake; nothing of a record on it, not audited until printed or saved) or with a case
  code (the case's counsellors and the custodian; audited ``form_consent``).
- ``referral_form_pdf``: one referral, receiver's and station's copies (the case's
  counsellors and the custodian; audited ``form_referral``, and ``identity_view`` when
  the counsellor chose to print the full name). A referral the client refused is never
  printed.
- ``case_summary_pdf``: custodian only, audited ``form_case_summary``; record contents
  only with ``include_notes``, and never a private process note (过程记录) — the
  custodian writes no sessions, so every private note is another author's.

Building a PDF is the view: it is audited in the same transaction that read the record
(a failed build writes nothing). Printing or saving it is audited separately by
``record_output``, which the UI calls after the print dialog or the save succeeded (and
the command line after writing the file). No audit entry holds personal data.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.models import (
    Case,
    Client,
    CrisisEvent,
    Destination,
    FollowUp,
    RiskChange,
    SandplayDetail,
    ServiceSession,
    StationProfile,
    User,
)
from station.models.enums import Role
from station.models.vocab import (
    CaseSource,
    CaseStatus,
    Concern,
    CrisisAction,
    DestinationKind,
    FollowUpMethod,
    FormIdentity,
    ReferralConsent,
    ReferralReason,
    ReferralStatus,
    ReferralUrgency,
    RiskLevel,
    ServiceKind,
    TalkTrigger,
    label,
)
from station.reports import case_summary, consent_form, referral_form
from station.reports.forms import FormTexts, StationInfo, fill, format_date
from station.services import access, assessments, audit, referrals, settings
from station.services.cases import local_date
from station.services.clients import user_refs
from station.services.context import SignedIn

__all__ = [
    "FormKind",
    "OutputHow",
    "case_summary_pdf",
    "consent_form_pdf",
    "consent_form_version",
    "record_output",
    "referral_form_pdf",
    "suggested_file_name",
]

FormKind = Literal["consent", "referral", "case_summary", "recovery_sheet"]
OutputHow = Literal["print", "save"]
FORM_KINDS: tuple[str, ...] = ("consent", "referral", "case_summary", "recovery_sheet")


def consent_form_version() -> str:
    """The version of the consent wording (``resources/forms/consent.toml``): what the UI
    records on the case (``cases.record_consent``) when the client has signed."""
    return consent_form.consent_form_version()


def _station(session: Session) -> StationInfo:
    profile = session.scalars(select(StationProfile)).one()
    return StationInfo(profile.name, profile.code, settings.station_contact_in(session))


def _display_name(session: Session, user_id: int) -> str:
    return session.scalar(select(User.display_name).where(User.id == user_id)) or ""


# -- consent --------------------------------------------------------------------------
def consent_form_pdf(ctx: SignedIn, blank: bool = True, case_id: int | None = None) -> bytes:
    """The consent form: ``blank`` for paper intake, else for ``case_id`` (its code and
    counsellor filled in; the client's name is never printed, the client signs)."""
    if blank and case_id is not None:
        raise ValueError("a blank consent form has no case: pass blank=False with case_id")
    if blank:
        with ctx.vault.transaction() as s:
            station = _station(s)
        return consent_form.consent_form_pdf(consent_form.ConsentFormData(station))
    if case_id is None:
        raise ValidationError("请选择个案。", "case_id is required.", field="case_id")
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        data = consent_form.ConsentFormData(
            station=_station(s),
            case_code=case.code,
            counsellor=_display_name(s, case.counsellor_id),
        )
        pdf = consent_form.consent_form_pdf(data)
        audit.record(s, ctx, "form_consent", "case", case.id)
        return pdf


# -- referral -------------------------------------------------------------------------
def referral_form_pdf(ctx: SignedIn, referral_id: int) -> bytes:
    """The referral form (receiver's copy, then station's copy)."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        row = referrals.referral_for_reading(s, ctx, referral_id)
        if row.consent == ReferralConsent.REFUSED.value:
            raise ValidationError(
                "来访者拒绝转介，不能打印转介单。",
                "The client refused the referral; no form is printed.",
                field="consent",
            )
        case = s.get(Case, row.case_id)
        assert case is not None
        client = s.get(Client, case.client_id)
        destination = s.get(Destination, row.destination_id)
        assert client is not None and destination is not None
        name: str | None = None
        if row.identity_on_form == FormIdentity.NAME.value and not client.anonymous:
            name = client.name or None
        data = referral_form.ReferralFormData(
            station=_station(s),
            number=row.number,
            draft=row.status == ReferralStatus.DRAFT.value,
            sent_on=row.sent_on,
            case_code=case.code,
            client_name=name,
            counsellor=_display_name(s, row.created_by),
            destination_name=destination.name,
            destination_kind=DestinationKind(destination.kind),
            destination_contact=destination.contact,
            reason=ReferralReason(row.reason),
            urgency=ReferralUrgency(row.urgency),
            risk_level=RiskLevel(row.risk_level),
            summary=row.summary,
            consent=ReferralConsent(row.consent),
            consent_note=row.consent_note,
        )
        pdf = referral_form.referral_form_pdf(data)
        shown = "name" if name else "code"
        audit.record(
            s, ctx, "form_referral", "referral", row.id, f"case={case.id},identity={shown}"
        )
        if name:
            audit.record(s, ctx, "identity_view", "client", client.id, f"referral={row.id}")
        return pdf


# -- case summary ---------------------------------------------------------------------
_Entry = case_summary.SummaryEntry
_KIND_ORDER = {"session": 0, "crisis": 1, "risk_change": 2, "follow_up": 3, "assessment": 4}


def _score(total: float | None) -> str:
    if total is None:
        return ""
    return str(int(total)) if float(total).is_integer() else f"{total:.1f}"


def _entries(
    session: Session, ctx: SignedIn, case: Case, t: FormTexts, notes: bool
) -> list[_Entry]:
    def note(key: str, text: str) -> tuple[str, str]:
        return (t.text(f"notes.{key}"), text)

    sessions = session.scalars(
        select(ServiceSession).where(
            ServiceSession.case_id == case.id, ServiceSession.deleted_at.is_(None)
        )
    ).all()
    changes = session.scalars(select(RiskChange).where(RiskChange.case_id == case.id)).all()
    crises = session.scalars(
        select(CrisisEvent).where(CrisisEvent.case_id == case.id, CrisisEvent.deleted_at.is_(None))
    ).all()
    follow_ups = session.scalars(
        select(FollowUp).where(FollowUp.case_id == case.id, FollowUp.deleted_at.is_(None))
    ).all()
    refs = user_refs(
        session,
        [x.counsellor_id for x in sessions]
        + [x.changed_by for x in changes]
        + [x.created_by for x in crises]
        + [x.created_by for x in follow_ups],
    )

    def by(uid: int) -> str:
        ref = refs.get(uid)
        return ref.display_name if ref else ""

    keyed: list[tuple[tuple[date, int, int], _Entry]] = []
    for x in sessions:
        texts: list[tuple[str, str]] = []
        if notes:  # the structured notes; the private process note never
            texts = [note(f, getattr(x, f)) for f in ("presenting", "intervention")]
            texts += [note(f, getattr(x, f)) for f in ("observation", "plan")]
            detail = session.get(SandplayDetail, x.id)
            if detail is not None:
                texts += [
                    note("sandplay_figures", detail.figures),
                    note("sandplay_themes", detail.themes),
                    note("sandplay_story", detail.story),
                    note("sandplay_observations", detail.observations),
                ]
        headline = fill(t.text("headlines.session"), level=label(RiskLevel(x.risk_level)))
        kind = label(ServiceKind(x.kind))
        keyed.append(
            (
                (x.held_on, _KIND_ORDER["session"], x.id),
                _Entry(x.held_on, kind, by(x.counsellor_id), headline, tuple(texts)),
            )
        )
    for c in changes:
        headline = fill(
            t.text("headlines.risk_change"),
            **{"from": label(RiskLevel(c.from_level)), "to": label(RiskLevel(c.to_level))},
        )
        texts = [note("risk_reason", c.reason)] if notes else []
        on = local_date(c.changed_at)
        keyed.append(
            (
                (on, _KIND_ORDER["risk_change"], c.id),
                _Entry(on, t.text("kinds.risk_change"), by(c.changed_by), headline, tuple(texts)),
            )
        )
    for e in crises:
        actions = "、".join(label(CrisisAction(a)) for a in e.actions.split(",") if a)
        headline = fill(t.text("headlines.crisis"), actions=actions) if actions else ""
        texts = (
            [note("crisis_description", e.description), note("crisis_safety_plan", e.safety_plan)]
            if notes
            else []
        )
        keyed.append(
            (
                (e.occurred_on, _KIND_ORDER["crisis"], e.id),
                _Entry(
                    e.occurred_on, t.text("kinds.crisis"), by(e.created_by), headline, tuple(texts)
                ),
            )
        )
    for f in follow_ups:
        method = label(FollowUpMethod(f.method))
        if f.done_on is not None:
            headline = fill(t.text("headlines.follow_up_done"), method=method)
        else:
            due = format_date(t.text("dates.format"), f.due_on)
            headline = fill(t.text("headlines.follow_up_planned"), method=method, due=due)
        texts = [note("follow_up_outcome", f.outcome)] if notes else []
        on = f.done_on or f.due_on
        keyed.append(
            (
                (on, _KIND_ORDER["follow_up"], f.id),
                _Entry(on, t.text("kinds.follow_up"), by(f.created_by), headline, tuple(texts)),
            )
        )
    for a in assessments.case_assessments(session, ctx, case.id):
        if a.total is None:
            headline = fill(t.text("headlines.assessment_incomplete"), scale=a.short_name)
        else:
            headline = fill(
                t.text("headlines.assessment"),
                scale=a.short_name,
                total=_score(a.total),
                band=a.band or "",
            )
        if a.positive:
            headline += t.text("headlines.positive")
        keyed.append(
            (
                (a.administered_on, _KIND_ORDER["assessment"], a.id),
                _Entry(a.administered_on, t.text("kinds.assessment"), a.by.display_name, headline),
            )
        )
    keyed.sort(key=lambda k: k[0])
    return [entry for _, entry in keyed]


def case_summary_pdf(ctx: SignedIn, case_id: int, include_notes: bool = False) -> bytes:
    """Custodian: the case summary; session notes and other record contents only when
    ``include_notes`` (private process notes never). Audited ``form_case_summary``."""
    ctx.require(Role.CUSTODIAN)
    t = case_summary.load_case_summary_texts()
    with ctx.vault.transaction() as s:
        case = access.get_case(s, ctx, case_id)
        people = user_refs(s, [case.counsellor_id, *(sh.user_id for sh in case.shares)])

        def name(uid: int) -> str:
            ref = people.get(uid)
            return ref.display_name if ref else ""

        status = label(CaseStatus(case.status))
        if case.deleted_at is not None:
            status += "（已删除）"
        source = label(CaseSource(case.source))
        if case.talk_trigger:
            source += f"（{label(TalkTrigger(case.talk_trigger))}）"
        concerns = "、".join(
            label(c) for c in Concern if c.value in {x.concern for x in case.concerns}
        )
        briefs = referrals.case_referrals_in(s, case.id)
        data = case_summary.CaseSummaryData(
            station=_station(s),
            case_code=case.code,
            counsellor=name(case.counsellor_id),
            shared_with=tuple(
                name(sh.user_id) for sh in sorted(case.shares, key=lambda x: x.user_id)
            ),
            status=status,
            opened_on=case.opened_on,
            closed_on=case.closed_on,
            source=source,
            concerns=concerns,
            risk_level=label(RiskLevel(case.risk_level)),
            consent_version=case.consent_form_version,
            consent_signed_on=case.consent_signed_on,
            referrals=tuple(
                case_summary.SummaryReferral(
                    r.number, r.destination_name, label(r.status), r.sent_on
                )
                for r in briefs
            ),
            entries=tuple(_entries(s, ctx, case, t, include_notes)),
            include_notes=include_notes,
            closing_summary=case.closing_summary if include_notes else "",
            printed_by=ctx.display_name,
            printed_at=datetime.now(),
        )
        pdf = case_summary.case_summary_pdf(data, t)
        audit.record(
            s, ctx, "form_case_summary", "case", case.id, "notes" if include_notes else "no_notes"
        )
        return pdf


# -- printing and saving --------------------------------------------------------------
def record_output(ctx: SignedIn, what: FormKind, object_id: int | None, how: OutputHow) -> None:
    """Audit one print or save of a form (``form_print`` / ``form_save``; the recovery
    sheet: ``sheet_print`` / ``sheet_save``). ``object_id``: the referral's id for
    ``referral``, the case's id for ``case_summary`` and a filled-in ``consent`` form,
    None for a blank consent form and the recovery sheet. The user must still be
    allowed to see the object."""
    if how not in ("print", "save"):
        raise ValueError(f"unknown output {how!r}")
    if what not in FORM_KINDS:
        raise ValueError(f"unknown form {what!r}")
    with ctx.vault.transaction() as s:
        if what == "recovery_sheet":
            ctx.require(Role.CUSTODIAN)
            audit.record(s, ctx, f"sheet_{how}")
            return
        action = f"form_{how}"
        if what == "consent" and object_id is None:
            audit.record(s, ctx, action, "form", "", "consent_blank")
            return
        if object_id is None:
            raise ValueError(f"{what} needs an object id")
        if what == "referral":
            row = referrals.referral_for_reading(s, ctx, object_id)
            audit.record(s, ctx, action, "referral", row.id, "referral")
            return
        if what == "case_summary":
            ctx.require(Role.CUSTODIAN)
        case = access.get_case(s, ctx, object_id)
        audit.record(s, ctx, action, "case", case.id, what)


def suggested_file_name(ctx: SignedIn, what: FormKind, object_id: int | None = None) -> str:
    """A file name for saving a form: numbers and codes only, never a person's name."""
    if what == "recovery_sheet":
        return "恢复密钥单.pdf"
    if what == "consent" and object_id is None:
        return "知情同意书.pdf"
    if object_id is None:
        raise ValueError(f"{what} needs an object id")
    with ctx.vault.transaction() as s:
        if what == "referral":
            return f"转介单-{referrals.referral_for_reading(s, ctx, object_id).number}.pdf"
        code = access.get_case(s, ctx, object_id).code
    return f"{'知情同意书' if what == 'consent' else '个案摘要'}-{code}.pdf"
