"""The case summary for the custodian (个案摘要): the case's facts, its referrals and its
timeline. Record contents (session notes, crisis accounts, follow-up outcomes, the
closing summary) appear only when the service put them in (``include_notes``); private
process notes never do. The client is named by case code only.
Wording: ``resources/forms/case_summary.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from reportlab.platypus import Flowable, Paragraph, Spacer

from station.reports.fonts import register_cjk_font
from station.reports.forms import (
    MUTED_HEX,
    FormTexts,
    Part,
    StationInfo,
    Styles,
    build_texted_form,
    field_table,
    fill,
    format_date,
    keep_together,
    load_form_texts,
    make_styles,
    markup,
    section,
    signature_lines,
    text_block,
)

__all__ = [
    "CaseSummaryData",
    "SummaryEntry",
    "SummaryReferral",
    "case_summary_pdf",
    "load_case_summary_texts",
]


@dataclass(frozen=True)
class SummaryEntry:
    """One timeline item: ``headline`` holds structured facts (kind, risk level, …);
    ``notes`` are (label, text) pairs of record content, empty without notes."""

    on: date
    kind: str
    by: str
    headline: str = ""
    notes: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SummaryReferral:
    number: str
    destination: str
    status: str
    sent_on: date | None


@dataclass(frozen=True)
class CaseSummaryData:
    station: StationInfo
    case_code: str
    counsellor: str
    shared_with: tuple[str, ...]
    status: str
    opened_on: date
    closed_on: date | None
    source: str
    concerns: str
    risk_level: str
    consent_version: str
    consent_signed_on: date | None
    referrals: tuple[SummaryReferral, ...]
    entries: tuple[SummaryEntry, ...]
    include_notes: bool
    closing_summary: str  # printed only with notes
    printed_by: str
    printed_at: datetime


def load_case_summary_texts() -> FormTexts:
    return load_form_texts("case_summary")


def _day(t: FormTexts, when: date | None) -> str:
    return format_date(t.text("dates.format"), when, t.text("case.none"))


def _facts(d: CaseSummaryData, t: FormTexts, st: Styles) -> list[Flowable]:
    if d.consent_version and d.consent_signed_on is not None:
        consent = fill(
            t.text("case.consent_recorded"),
            version=d.consent_version,
            date=_day(t, d.consent_signed_on),
        )
    else:
        consent = t.text("case.consent_missing")
    none = t.text("case.none")
    rows = [
        (t.text("case.code"), d.case_code),
        (t.text("case.counsellor"), d.counsellor),
        (t.text("case.shared_with"), "、".join(d.shared_with) or none),
        (t.text("case.status"), d.status),
        (t.text("case.opened_on"), _day(t, d.opened_on)),
        (t.text("case.closed_on"), _day(t, d.closed_on)),
        (t.text("case.source"), d.source or none),
        (t.text("case.concerns"), d.concerns or none),
        (t.text("case.risk"), d.risk_level),
        (t.text("case.consent"), consent),
    ]
    scope = t.text("scope.with_notes" if d.include_notes else "scope.without_notes")
    return [
        Paragraph(markup(scope), st.lead),
        Spacer(1, 2),
        *section(t.text("case.heading"), st, field_table(rows, st)),
    ]


def _referrals(d: CaseSummaryData, t: FormTexts, st: Styles) -> list[Flowable]:
    if not d.referrals:
        return section(
            t.text("referrals.heading"), st, Paragraph(t.text("referrals.empty"), st.body)
        )
    lines = [
        Paragraph(
            markup(
                fill(
                    t.text("referrals.line"),
                    number=r.number,
                    destination=r.destination,
                    status=r.status,
                    sent=_day(t, r.sent_on),
                )
            ),
            st.body,
        )
        for r in d.referrals
    ]
    return section(t.text("referrals.heading"), st, *lines, keep=len(lines) <= 6)


def _entry(e: SummaryEntry, t: FormTexts, st: Styles) -> list[Flowable]:
    head = f"{_day(t, e.on)}　{e.kind}"
    if e.headline:
        head += f"　{e.headline}"
    text = markup(head)
    if e.by:
        by = markup(f"{t.text('timeline.by')}：{e.by}")
        text += f'<font size="8.5" color="{MUTED_HEX}">　{by}</font>'
    first: list[Flowable] = [Paragraph(text, st.entry)]
    rest: list[Flowable] = []
    for caption, note in e.notes:
        if note.strip():
            rest += text_block(note, st, st.item, caption=f"{caption}：")
    if rest:  # never leave an entry's heading alone at the foot of a page
        first.append(rest.pop(0))
    return [keep_together(*first), *rest]


def _timeline(d: CaseSummaryData, t: FormTexts, st: Styles) -> list[Flowable]:
    if not d.entries:
        return section(t.text("timeline.heading"), st, Paragraph(t.text("timeline.empty"), st.body))
    body: list[Flowable] = []
    for e in d.entries:
        body += _entry(e, t, st)
    return section(t.text("timeline.heading"), st, *body, keep=False)


def _closing(d: CaseSummaryData, t: FormTexts, st: Styles) -> list[Flowable]:
    if not d.include_notes or not d.closing_summary.strip():
        return []
    return section(t.text("closing.heading"), st, *text_block(d.closing_summary, st), keep=False)


def _printed(d: CaseSummaryData, t: FormTexts, st: Styles) -> list[Flowable]:
    when = format_date(t.text("printed.date_format"), d.printed_at)
    line = Paragraph(markup(fill(t.text("printed.line"), by=d.printed_by, date=when)), st.note)
    signs = signature_lines([[t.text("printed.custodian_signature"), t.text("printed.date")]], st)
    return section(t.text("printed.heading"), st, line, *signs)


def case_summary_pdf(data: CaseSummaryData, texts: FormTexts | None = None) -> bytes:
    """The case summary as PDF bytes (built in memory)."""
    t = texts or load_case_summary_texts()
    st = make_styles(register_cjk_font())

    def parts() -> list[Part]:
        story = [
            *_facts(data, t, st),
            *_referrals(data, t, st),
            *_timeline(data, t, st),
            *_closing(data, t, st),
            *_printed(data, t, st),
        ]
        return [Part(story)]

    return build_texted_form(
        parts, t, st, station=data.station.name, values={"code": data.case_code}
    )
