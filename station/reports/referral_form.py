"""The referral form (转介单): the receiver's copy and the station's copy, each on its
own pages and marked as such.

Only what is listed in :class:`ReferralFormData` is printed: the station, the
referral's number and date, the destination, reason, urgency, the summary written for
the receiver, the risk level, the consent statement with signature lines and the
station's contact. The person is named by case code only, or by full name when the
counsellor chose so for this referral; phone, unit and every other field of the record
stay off the form. Wording: ``resources/forms/referral.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Paragraph, Spacer

from station.models.vocab import (
    DestinationKind,
    ReferralConsent,
    ReferralReason,
    ReferralUrgency,
    RiskLevel,
    label,
)
from station.reports.fonts import register_cjk_font
from station.reports.forms import (
    FormTexts,
    Part,
    StationInfo,
    Styles,
    build_texted_form,
    check_line,
    field_table,
    format_date,
    load_form_texts,
    make_styles,
    markup,
    section,
    signature_lines,
    text_block,
)

__all__ = ["ReferralFormData", "load_referral_texts", "referral_form_pdf"]


@dataclass(frozen=True)
class ReferralFormData:
    station: StationInfo
    number: str
    draft: bool  # not sent yet: marked as a draft
    sent_on: date | None
    case_code: str
    client_name: str | None  # only when the counsellor chose the full name
    counsellor: str
    destination_name: str
    destination_kind: DestinationKind
    destination_contact: str
    reason: ReferralReason
    urgency: ReferralUrgency
    risk_level: RiskLevel
    summary: str
    consent: ReferralConsent
    consent_note: str  # the justification of an emergency referral without consent


def load_referral_texts() -> FormTexts:
    return load_form_texts("referral")


def _fields(d: ReferralFormData, t: FormTexts, st: Styles) -> list[Flowable]:
    when = (
        t.text("fields.date_draft")
        if d.draft or d.sent_on is None
        else format_date(t.text("fields.date_format"), d.sent_on)
    )
    rows: list[tuple[str, str]] = [
        (t.text("fields.number"), d.number),
        (t.text("fields.date"), when),
    ]
    if d.client_name:
        rows.append((t.text("fields.client_name"), d.client_name))
    rows += [
        (t.text("fields.case_code"), d.case_code),
        (t.text("fields.counsellor"), d.counsellor),
        (t.text("fields.urgency"), label(d.urgency)),
        (t.text("fields.reason"), label(d.reason)),
        (t.text("fields.risk"), label(d.risk_level)),
    ]
    intro = Paragraph(markup(t.text("intro.text")), st.lead)
    return [intro, Spacer(1, 2), *section(t.text("fields.heading"), st, field_table(rows, st))]


def _destination(d: ReferralFormData, t: FormTexts, st: Styles) -> list[Flowable]:
    rows = [
        (t.text("destination.name"), d.destination_name),
        (t.text("destination.kind"), label(d.destination_kind)),
        (t.text("destination.contact"), d.destination_contact),
    ]
    return section(t.text("destination.heading"), st, field_table(rows, st))


def _summary(d: ReferralFormData, t: FormTexts, st: Styles) -> list[Flowable]:
    note = Paragraph(markup(t.text("summary.note")), st.note)
    return section(t.text("summary.heading"), st, note, *text_block(d.summary, st), keep=False)


def _consent(d: ReferralFormData, t: FormTexts, st: Styles) -> list[Flowable]:
    date_caption = t.text("consent.date")
    if d.consent is ReferralConsent.EMERGENCY:
        body: list[Flowable] = [
            Paragraph(markup(t.text("consent.emergency")), st.body),
            *text_block(d.consent_note, st, st.item),
        ]
        signers = [
            [t.text("consent.counsellor_signature"), date_caption],
            [t.text("consent.lead_signature"), date_caption],
        ]
    else:
        body = [Paragraph(markup(t.text("consent.given")), st.body)]
        signers = [
            [t.text("consent.client_signature"), date_caption],
            [t.text("consent.counsellor_signature"), date_caption],
        ]
    return section(t.text("consent.heading"), st, *body, *signature_lines(signers, st))


def _receipt(t: FormTexts, st: Styles) -> list[Flowable]:
    checks = check_line([t.text("receipt.accepted"), t.text("receipt.declined")], st)
    lines = signature_lines([[t.text("receipt.signature"), t.text("receipt.date")]], st)
    return section(t.text("receipt.heading"), st, checks, *lines)


def _contact(d: ReferralFormData, t: FormTexts, st: Styles) -> list[Flowable]:
    rows = [
        (t.text("contact.station"), d.station.name),
        (t.text("contact.contact"), d.station.contact),
        (t.text("contact.counsellor"), d.counsellor),
    ]
    table = field_table(rows, st, lines=not d.station.contact)
    notice = Paragraph(markup(t.text("contact.confidential")), st.note)
    return section(t.text("contact.heading"), st, table, Spacer(1, 3), notice)


def _copy(d: ReferralFormData, t: FormTexts, st: Styles) -> list[Flowable]:
    return [
        *_fields(d, t, st),
        *_destination(d, t, st),
        *_summary(d, t, st),
        *_consent(d, t, st),
        *_receipt(t, st),
        *_contact(d, t, st),
    ]


def referral_form_pdf(data: ReferralFormData, texts: FormTexts | None = None) -> bytes:
    """The two-copy referral form as PDF bytes (built in memory).

    Raises ``ValueError`` for a referral the client refused: such a form is never printed.
    """
    if data.consent is ReferralConsent.REFUSED:
        raise ValueError("a referral the client refused is not printed")
    t = texts or load_referral_texts()
    st = make_styles(register_cjk_font())
    marks = [t.text("copies.receiver"), t.text("copies.station")]
    return build_texted_form(
        lambda: [Part(_copy(data, t, st), mark) for mark in marks],
        t,
        st,
        station=data.station.name,
        values={"number": data.number},
        reference_key="header.reference_draft" if data.draft else "header.reference",
    )
