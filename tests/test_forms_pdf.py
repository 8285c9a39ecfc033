"""The printed forms: the right fields and nothing else, extractable Chinese text, embedded
fonts, copies on their own pages, long text across pages with the header repeated, audit
entries, and every form rendered to PNG.

Set ``STATION_FORM_PREVIEW_DIR`` to keep the rendered pages for a look (they are fictitious
test data).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from station.errors import PermissionDenied, ValidationError
from station.models import AuditEntry
from station.models.vocab import (
    DestinationKind,
    FormIdentity,
    ReferralConsent,
    ReferralReason,
    ReferralUrgency,
    RiskLevel,
    ServiceKind,
)
from station.reports import consent_form
from station.reports.forms import StationInfo, load_form_texts
from station.reports.referral_form import ReferralFormData, referral_form_pdf
from station.services import access, cases, followups, forms, referrals, risk, settings
from station.services.context import SignedIn
from station.services.destinations import DestinationInput, add_destination
from station.services.referrals import ReferralInput
from tests.records_fixtures import insert_session, new_client_case

NAME = "司马测试甲"
PHONE = "13812345678"
UNIT = "某某县自然资源局执法大队"
CONTACT = "0574-6300 0000 镇党群服务中心二楼"
DEST = "市第七人民医院精神心理科（睡眠障碍专科门诊）"
DEST_CONTACT = "0574-8700 1234，门诊楼三楼，联系人李医生"
SUMMARY = (
    "来访者近两个月入睡困难、早醒，情绪低落，工作效率明显下降；PHQ-9 总分 16。建议精神科评估。"
)
LONG_STATION = (
    "浙江省宁波市慈溪市某某镇党群服务中心暖心港湾干部心理健康服务站"
    "（第二分站·试点）暨镇机关干部职工心理关爱联合服务点"
)
NOTE = "来访者谈到与分管领导的冲突，反复回到被问责的担忧。"
PRIVATE = "过程记录：咨询师自己的反思，不给任何人看。"


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pages(pdf: bytes) -> list[str]:
    return [_compact(page.extract_text()) for page in PdfReader(BytesIO(pdf)).pages]


def _text(pdf: bytes) -> str:
    return "".join(_pages(pdf))


def _fonts_embedded(pdf: bytes) -> None:
    reader = PdfReader(BytesIO(pdf))
    seen = 0
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font = ref.get_object()
            base = str(font["/BaseFont"])
            assert "STSong" not in base and "Helvetica" not in base, base
            assert str(font["/Subtype"]) == "/TrueType", base
            descriptor: Any = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{base} is not embedded"
            seen += 1
    assert seen


def _render(pdf: bytes, tmp_path: Path, name: str) -> list[Path]:
    """Every page to PNG at 100 dpi with pdftoppm; one PNG per page."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.fail("pdftoppm not found: install poppler-utils to render the forms")
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-r", "100", "-png", str(source), str(tmp_path / name)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pngs = sorted(tmp_path.glob(f"{name}-*.png"))
    assert len(pngs) == len(PdfReader(BytesIO(pdf)).pages)
    for png in pngs:
        assert png.stat().st_size > 10_000, f"{png.name} looks blank"
    keep = os.environ.get("STATION_FORM_PREVIEW_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for png in pngs:
            shutil.copy(png, Path(keep) / png.name)
    return pngs


def _audit(ctx: SignedIn, action: str) -> list[tuple[str, str, str]]:
    with ctx.vault.transaction() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)
        ).all()
        return [(r.object_kind, r.object_id, r.detail) for r in rows]


def _all_audit_text(ctx: SignedIn) -> str:
    with ctx.vault.transaction() as s:
        return "\n".join(f"{r.object_id} {r.detail}" for r in s.scalars(select(AuditEntry)))


@pytest.fixture
def world(custodian: SignedIn, lin: SignedIn) -> dict[str, int]:
    settings.set_station_contact(custodian, CONTACT)
    dest = add_destination(
        custodian, DestinationInput(DEST, DestinationKind.HOSPITAL, DEST_CONTACT, "睡眠、抑郁")
    )
    client_id, case_id = new_client_case(
        lin, name=NAME, phone=PHONE, unit=UNIT, opened_on=date.today() - timedelta(days=30)
    )
    risk.set_risk(lin, case_id, RiskLevel.MEDIUM, "睡眠差")
    data = ReferralInput(
        dest,
        ReferralReason.DIAGNOSIS,
        ReferralUrgency.SOON,
        SUMMARY,
        ReferralConsent.GIVEN,
    )
    code_only = referrals.create_referral(lin, case_id, data)
    named = referrals.create_referral(
        lin,
        case_id,
        ReferralInput(
            dest,
            ReferralReason.MEDICATION,
            ReferralUrgency.URGENT,
            SUMMARY,
            ReferralConsent.GIVEN,
            identity_on_form=FormIdentity.NAME,
        ),
    )
    referrals.send(lin, named)
    return {"client": client_id, "case": case_id, "code": code_only, "named": named}


# -- referral form -------------------------------------------------------------------
def test_referral_form_code_only(
    lin: SignedIn, custodian: SignedIn, world: dict[str, int], tmp_path: Path
) -> None:
    pdf = forms.referral_form_pdf(lin, world["code"])
    pages = _pages(pdf)
    assert len(pages) == 2, "receiver's copy and station's copy, one page each"
    assert "接收方留存" in pages[0] and "本站留存" not in pages[0]
    assert "本站留存" in pages[1] and "接收方留存" not in pages[1]
    view = referrals.referral_view(lin, world["code"])
    for page in pages:
        for expected in (
            "心理服务转介单",
            view.number,
            view.case_code,
            _compact(DEST),
            _compact(DEST_CONTACT),
            "需精神科评估诊断",  # reason
            "尽快",  # urgency
            "风险评估中",  # risk level (medium)
            _compact(SUMMARY),
            "同意本次转介",
            "来访者签字",
            "转介咨询师签字",
            "林咨询",
            "慈溪市某镇暖心港湾",
            _compact(CONTACT),
            "草稿",
            "第1/1页",
        ):
            assert expected in page, expected
        for secret in (NAME, PHONE, UNIT, "来访者姓名"):
            assert secret not in page, secret
    assert _audit(custodian, "form_referral") == [
        ("referral", str(world["code"]), f"case={world['case']},identity=code")
    ]
    assert _audit(custodian, "identity_view") == [] or all(
        "referral" not in d for _, _, d in _audit(custodian, "identity_view")
    )
    _fonts_embedded(pdf)
    meta = PdfReader(BytesIO(pdf)).metadata
    assert meta is not None and meta.title == "心理服务转介单" and not meta.author
    _render(pdf, tmp_path, "referral-code")


def test_referral_form_with_name(
    lin: SignedIn, custodian: SignedIn, world: dict[str, int], tmp_path: Path
) -> None:
    pdf = forms.referral_form_pdf(lin, world["named"])
    pages = _pages(pdf)
    assert len(pages) == 2
    today = date.today()
    for page in pages:
        assert "来访者姓名" + NAME in page
        assert PHONE not in page and UNIT not in page
        assert f"{today.year}年{today.month:02d}月{today.day:02d}日" in page  # sent on
        assert "草稿" not in page
        assert "需药物治疗" in page and "紧急" in page
    assert (
        "client",
        str(world["client"]),
        f"referral={world['named']}",
    ) in _audit(custodian, "identity_view")
    assert NAME not in _all_audit_text(custodian)
    _render(pdf, tmp_path, "referral-name")


def test_refused_referral_is_not_printed(lin: SignedIn, world: dict[str, int]) -> None:
    view = referrals.referral_view(lin, world["code"])
    referrals.update_referral(
        lin,
        world["code"],
        ReferralInput(
            view.destination.id,
            view.reason,
            view.urgency,
            view.summary,
            ReferralConsent.REFUSED,
        ),
    )
    with pytest.raises(ValidationError) as err:
        forms.referral_form_pdf(lin, world["code"])
    assert "拒绝" in err.value.zh


def test_emergency_referral_form(lin: SignedIn, world: dict[str, int], tmp_path: Path) -> None:
    view = referrals.referral_view(lin, world["code"])
    reason = "来访者有明确的自杀计划且拒绝就医，家属已到场，需立即送医。"
    referrals.update_referral(
        lin,
        world["code"],
        ReferralInput(
            view.destination.id,
            ReferralReason.CRISIS,
            ReferralUrgency.EMERGENCY,
            view.summary,
            ReferralConsent.EMERGENCY,
            consent_note=reason,
        ),
    )
    text = _text(forms.referral_form_pdf(lin, world["code"]))
    assert "紧急情况，未经本人同意转介" in text
    assert _compact(reason) in text
    assert "站点负责人签字" in text and "来访者签字" not in text
    assert "危急" in text


def _long_data(summary: str, station: str = LONG_STATION) -> ReferralFormData:
    return ReferralFormData(
        station=StationInfo(station, "CX-ZH01", CONTACT),
        number="ZJ2026-0042",
        draft=False,
        sent_on=date(2026, 11, 20),
        case_code="2026-0107",
        client_name=None,
        counsellor="欧阳咨询师",
        destination_name=DEST * 3,
        destination_kind=DestinationKind.HOSPITAL,
        destination_contact=DEST_CONTACT * 4,
        reason=ReferralReason.SPECIALIST,
        urgency=ReferralUrgency.ROUTINE,
        risk_level=RiskLevel.LOW,
        summary=summary,
        consent=ReferralConsent.GIVEN,
        consent_note="",
    )


def test_long_summary_breaks_across_pages_with_header_repeated(tmp_path: Path) -> None:
    sentence = "来访者长期承担重点项目任务，连续加班，出现入睡困难、早醒和注意力下降。"
    lines: list[str] = []
    while sum(len(x) for x in lines) < 3000:
        lines.append(sentence * 3)
    summary = "\n".join(lines)[:3000]
    assert len(summary) == 3000
    pdf = referral_form_pdf(_long_data(summary))
    pages = _pages(pdf)
    assert len(pages) >= 4 and len(pages) % 2 == 0, len(pages)
    half = len(pages) // 2
    for i, page in enumerate(pages):
        assert _compact(LONG_STATION) in page, f"page {i + 1} lacks the station header"
        assert "心理服务转介单" in page and "ZJ2026-0042" in page
        mark = "接收方留存" if i < half else "本站留存"
        assert mark in page, f"page {i + 1} lacks {mark}"
        assert f"第{i % half + 1}/{half}页" in page
    running = [_compact(LONG_STATION), "接收方留存", "心理服务转介单", "编号：ZJ2026-0042"]
    running += ["保密/CONFIDENTIAL", "转介单ZJ2026-0042", *(f"第{n}/{half}页" for n in (1, 2, 3))]
    bodies = []
    for page in pages[:half]:
        for text in running:
            page = page.replace(text, "", 1)
        bodies.append(page)
    receiver = "".join(bodies)
    assert _compact(summary) in receiver, "the whole summary, in order, on the receiver's copy"
    assert "来访者签字" in pages[half - 1], "signatures close the copy"
    assert _compact(DEST * 3) in receiver
    _fonts_embedded(pdf)
    _render(pdf, tmp_path, "referral-long")


# -- consent form --------------------------------------------------------------------
def test_blank_consent_form(
    lin: SignedIn, custodian: SignedIn, world: dict[str, int], tmp_path: Path
) -> None:
    pdf = forms.consent_form_pdf(lin)
    pages = _pages(pdf)
    version = forms.consent_form_version()
    assert version == load_form_texts("consent").text("version")
    assert len(pages) == 2
    assert "本站留存" in pages[0] and "来访者留存" in pages[1]
    text = "".join(pages)
    for expected in (
        "心理服务知情同意书",
        f"版本{version}",
        "服务内容",
        "自愿参与",
        "保密原则及其例外",
        "伤害自己",
        "伤害他人",
        "虐待",
        "司法机关",
        "记录的保存",
        "加密",
        "您的权利",
        "终止服务",
        "投诉",
        "统计信息",
        "去除身份信息",
        "来访者签字",
        "咨询师签字",
        "日期",
        "个案编号",
        _compact(CONTACT),
    ):
        assert expected in text, expected
    code = cases.case_view(lin, world["case"]).code
    assert code not in text and NAME not in text
    assert _audit(custodian, "form_consent") == []  # a blank form shows no record
    _fonts_embedded(pdf)
    _render(pdf, tmp_path, "consent-blank")


def test_consent_form_for_a_case(
    lin: SignedIn, zhou: SignedIn, custodian: SignedIn, world: dict[str, int], tmp_path: Path
) -> None:
    pdf = forms.consent_form_pdf(lin, blank=False, case_id=world["case"])
    text = _text(pdf)
    code = cases.case_view(lin, world["case"]).code
    assert code in text and "林咨询" in text
    for secret in (NAME, PHONE, UNIT):
        assert secret not in text
    assert _audit(custodian, "form_consent") == [("case", str(world["case"]), "")]
    with pytest.raises(access.NotFound):
        forms.consent_form_pdf(zhou, blank=False, case_id=world["case"])
    with pytest.raises(ValidationError):
        forms.consent_form_pdf(lin, blank=False)
    with pytest.raises(ValueError, match="blank"):
        forms.consent_form_pdf(lin, blank=True, case_id=world["case"])
    _render(pdf, tmp_path, "consent-case")


def test_consent_version_must_be_short(tmp_path: Path) -> None:
    bad = tmp_path / "consent.toml"
    bad.write_text('version = "' + "9" * 21 + '"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        consent_form.consent_form_version(load_form_texts("consent", bad))


# -- case summary --------------------------------------------------------------------
@pytest.fixture
def summary_case(lin: SignedIn, world: dict[str, int]) -> int:
    case_id = world["case"]
    day = date.today() - timedelta(days=20)
    insert_session(
        lin, case_id, day, kind=ServiceKind.INDIVIDUAL, presenting=NOTE, private_note=PRIVATE
    )
    insert_session(
        lin, case_id, day + timedelta(days=7), kind=ServiceKind.SANDPLAY, plan="继续沙盘"
    )
    fid = followups.plan_follow_up(lin, case_id, date.today() - timedelta(days=2), "phone")
    followups.complete_follow_up(lin, fid, date.today() - timedelta(days=1), "回访结果：睡眠改善")
    return case_id


def test_case_summary_without_and_with_notes(
    custodian: SignedIn, lin: SignedIn, summary_case: int, world: dict[str, int], tmp_path: Path
) -> None:
    code = cases.case_view(custodian, summary_case).code
    with pytest.raises(PermissionDenied):
        forms.case_summary_pdf(lin, summary_case)

    plain = forms.case_summary_pdf(custodian, summary_case)
    text = _text(plain)
    for expected in (
        "个案摘要",
        code,
        "林咨询",
        "个体咨询",
        "沙盘",
        "风险等级变更",
        "回访",
        "电话，已完成",
        "不含",
        referrals.referral_view(custodian, world["named"]).number,
        _compact(DEST),
    ):
        assert expected in text, expected
    for absent in (_compact(NOTE), "继续沙盘", "睡眠改善", _compact(PRIVATE), NAME, PHONE, UNIT):
        assert absent not in text, absent

    full = forms.case_summary_pdf(custodian, summary_case, include_notes=True)
    text = _text(full)
    assert _compact(NOTE) in text and "继续沙盘" in text and "睡眠改善" in text
    assert "来访情况" in text and "后续计划" in text
    assert _compact(PRIVATE) not in text, "never another author's private process note"
    for secret in (NAME, PHONE, UNIT):
        assert secret not in text

    assert _audit(custodian, "form_case_summary") == [
        ("case", str(summary_case), "no_notes"),
        ("case", str(summary_case), "notes"),
    ]
    _fonts_embedded(full)
    _render(plain, tmp_path, "summary-plain")
    _render(full, tmp_path, "summary-notes")


def test_long_case_summary_repeats_its_header(
    custodian: SignedIn, lin: SignedIn, world: dict[str, int], tmp_path: Path
) -> None:
    case_id = world["case"]
    start = date.today() - timedelta(days=29)
    for n in range(28):
        insert_session(
            lin, case_id, start + timedelta(days=n), presenting=NOTE * 6, plan="下次继续。"
        )
    pdf = forms.case_summary_pdf(custodian, case_id, include_notes=True)
    pages = _pages(pdf)
    assert len(pages) >= 3
    code = cases.case_view(custodian, case_id).code
    for i, page in enumerate(pages):
        assert "个案摘要" in page and code in page, f"page {i + 1}"
        assert f"第{i + 1}/{len(pages)}页" in page
    _render(pdf, tmp_path, "summary-long")


# -- printing and saving ---------------------------------------------------------------
def test_every_print_and_save_is_audited(
    custodian: SignedIn, lin: SignedIn, zhou: SignedIn, lead: SignedIn, world: dict[str, int]
) -> None:
    forms.record_output(lin, "referral", world["code"], "print")
    forms.record_output(lin, "referral", world["code"], "save")
    forms.record_output(lin, "consent", None, "print")
    forms.record_output(lin, "consent", world["case"], "save")
    forms.record_output(custodian, "case_summary", world["case"], "save")
    forms.record_output(custodian, "recovery_sheet", None, "print")
    assert _audit(custodian, "form_print") == [
        ("referral", str(world["code"]), "referral"),
        ("form", "", "consent_blank"),
    ]
    assert _audit(custodian, "form_save") == [
        ("referral", str(world["code"]), "referral"),
        ("case", str(world["case"]), "consent"),
        ("case", str(world["case"]), "case_summary"),
    ]
    assert _audit(custodian, "sheet_print") == [("", "", "")]

    with pytest.raises(access.NotFound):
        forms.record_output(zhou, "referral", world["code"], "print")
    with pytest.raises(PermissionDenied):
        forms.record_output(lin, "case_summary", world["case"], "print")
    with pytest.raises(PermissionDenied):
        forms.record_output(lead, "referral", world["code"], "print")
    with pytest.raises(ValueError):
        forms.record_output(lin, "referral", world["code"], "fax")  # type: ignore[arg-type]

    number = referrals.referral_view(lin, world["code"]).number
    assert forms.suggested_file_name(lin, "referral", world["code"]) == f"转介单-{number}.pdf"
    assert forms.suggested_file_name(lin, "consent") == "知情同意书.pdf"
    code = cases.case_view(lin, world["case"]).code
    assert forms.suggested_file_name(custodian, "case_summary", world["case"]) == (
        f"个案摘要-{code}.pdf"
    )


def test_referral_form_access(
    lin: SignedIn, zhou: SignedIn, lead: SignedIn, custodian: SignedIn, world: dict[str, int]
) -> None:
    with pytest.raises(access.NotFound):
        forms.referral_form_pdf(zhou, world["code"])
    with pytest.raises(PermissionDenied):
        forms.referral_form_pdf(lead, world["code"])
    assert _pages(forms.referral_form_pdf(custodian, world["named"]))[0].count(NAME) == 1
