"""The informed consent and confidentiality agreement (知情同意书).

Blank for paper intake, or with the case code (and counsellor) filled in. The client's
name is never printed: the client signs by hand. Each copy listed under ``copies.marks``
in ``resources/forms/consent.toml`` prints on its own pages; the wording's ``version``
is printed in the header and footer and is what the app records on the case when the
form is signed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from station.reports.fonts import register_cjk_font
from station.reports.forms import (
    FormTextError,
    FormTexts,
    Part,
    StationInfo,
    Styles,
    build_texted_form,
    field_table,
    fill,
    load_form_texts,
    make_styles,
    markup,
    section,
    signature_lines,
)

__all__ = ["ConsentFormData", "consent_form_pdf", "consent_form_version", "load_consent_texts"]

VERSION_MAX = 20


@dataclass(frozen=True)
class ConsentFormData:
    station: StationInfo
    case_code: str | None = None  # None: a blank form for paper intake
    counsellor: str | None = None


def load_consent_texts() -> FormTexts:
    return load_form_texts("consent")


def consent_form_version(texts: FormTexts | None = None) -> str:
    """The wording's version (``version`` in consent.toml), recorded on the case."""
    t = texts or load_consent_texts()
    version = t.text("version").strip()
    if not version or len(version) > VERSION_MAX:
        raise FormTextError(f"{t.source}: 'version' must be 1-{VERSION_MAX} characters")
    return version


def _dense(st: Styles) -> Styles:
    """A little tighter than the other forms: the wording is long and one copy should
    fit on one page (it flows on to a second when a city office lengthens it)."""
    return replace(
        st,
        body=ParagraphStyle("consent-body", parent=st.body, fontSize=9, leading=13, spaceAfter=1.5),
        lead=ParagraphStyle("consent-lead", parent=st.lead, fontSize=9, leading=13),
        heading=ParagraphStyle(
            "consent-heading", parent=st.heading, fontSize=11, leading=14, spaceBefore=5
        ),
    )


def _sections(t: FormTexts, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for part in t.tables("sections"):
        items = part.texts("items")
        paragraphs = [Paragraph(markup(item), st.body) for item in items]
        out += section(part.text("heading"), st, *paragraphs, keep=len(items) <= 3)
    return out


def _signing(d: ConsentFormData, t: FormTexts, st: Styles) -> list[Flowable]:
    fields = field_table([(t.text("fields.case_code"), d.case_code or "")], st, lines=True)
    date_caption = t.text("fields.date")
    counsellor = t.text("fields.counsellor_signature")
    if d.counsellor:
        counsellor = f"{counsellor}（{d.counsellor}）"
    lines = signature_lines(
        [[t.text("fields.client_signature"), date_caption], [counsellor, date_caption]], st
    )
    declaration = Paragraph(markup(t.text("declaration.text")), st.body)
    contact = fill(
        t.text("contact.line"),
        station=d.station.name,
        contact=d.station.contact or t.text("contact.blank"),
    )
    return section(
        t.text("declaration.heading"),
        st,
        declaration,
        fields,
        Spacer(1, 2),
        *lines,
        Spacer(1, 6),
        Paragraph(markup(contact), st.note),
    )


def _copy(d: ConsentFormData, t: FormTexts, st: Styles) -> list[Flowable]:
    return [
        Paragraph(markup(t.text("intro.text")), st.lead),
        Spacer(1, 2),
        *_sections(t, st),
        *_signing(d, t, st),
    ]


def consent_form_pdf(data: ConsentFormData, texts: FormTexts | None = None) -> bytes:
    """The consent form as PDF bytes (built in memory)."""
    t = texts or load_consent_texts()
    version = consent_form_version(t)
    st = _dense(make_styles(register_cjk_font()))
    marks = t.texts("copies.marks") or [""]
    return build_texted_form(
        lambda: [Part(_copy(data, t, st), mark) for mark in marks],
        t,
        st,
        station=data.station.name,
        values={"version": version},
    )
