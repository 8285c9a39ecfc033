"""`station form consent|referral`, run as a user runs it: a separate process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from station.models import AuditEntry
from station.models.enums import Role
from station.models.vocab import (
    DestinationKind,
    ReferralConsent,
    ReferralReason,
    ReferralUrgency,
)
from station.services import accounts, forms, referrals, setup
from station.services.destinations import DestinationInput, add_destination
from tests.conftest import CUSTODIAN, FAST, PASSWORD, STATION
from tests.records_fixtures import STAFF_PASSWORD, new_client_case
from tests.test_cli import station

NAME = "上官命令行"
PHONE = "13700007777"


@pytest.fixture
def vault(tmp_path: Path) -> tuple[Path, int, str]:
    """A vault without device binding (the subprocess has no credential store), with one
    referral written by the counsellor ``lin``; returns (folder, referral id, number)."""
    folder = tmp_path / "v"
    made = setup.create_vault(folder, STATION, CUSTODIAN, device_binding=False, argon2=FAST)
    accounts.add_user(made.ctx, "lin", "林咨询", Role.COUNSELLOR, STAFF_PASSWORD)
    accounts.add_user(made.ctx, "zhou", "周咨询", Role.COUNSELLOR, STAFF_PASSWORD)
    dest = add_destination(made.ctx, DestinationInput("市心理援助热线", DestinationKind.HOTLINE))
    accounts.logout(made.ctx)
    lin = accounts.login(folder, "lin", STAFF_PASSWORD)
    try:
        _, case_id = new_client_case(lin, name=NAME, phone=PHONE)
        rid = referrals.create_referral(
            lin,
            case_id,
            referrals.ReferralInput(
                dest,
                ReferralReason.CONSULTATION,
                ReferralUrgency.ROUTINE,
                "需专家会诊。",
                ReferralConsent.GIVEN,
            ),
        )
        number = referrals.referral_view(lin, rid).number
    finally:
        accounts.logout(lin)
    return folder, rid, number


def _saves(folder: Path) -> list[tuple[str, str, str]]:
    ctx = accounts.login(folder, "admin", PASSWORD)
    try:
        with ctx.vault.transaction() as s:
            rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "form_save")).all()
            return [(r.object_kind, r.object_id, r.detail) for r in rows]
    finally:
        accounts.logout(ctx)


def _text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def test_blank_consent_form(vault: tuple[Path, int, str], tmp_path: Path) -> None:
    folder, _, _ = vault
    out = tmp_path / "consent.pdf"
    done = station(
        "form", "consent", "--vault", str(folder), "--user", "admin", "--out", str(out),
        home=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"pdf: {out}" in done.stdout
    text = _text(out)
    assert "心理服务知情同意书" in text and f"版本{forms.consent_form_version()}" in text
    assert NAME not in text
    assert _saves(folder) == [("form", "", "consent_blank")]


def test_referral_form_by_id_and_number(vault: tuple[Path, int, str], tmp_path: Path) -> None:
    folder, rid, number = vault
    by_id, by_number = tmp_path / "a.pdf", tmp_path / "b.pdf"
    common = ["--vault", str(folder), "--user", "lin"]
    first = station(
        "form", "referral", *common, "--referral", str(rid), "--out", str(by_id),
        password=STAFF_PASSWORD, home=tmp_path,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    second = station(
        "form", "referral", *common, "--referral", number.lower(), "--out", str(by_number),
        password=STAFF_PASSWORD, home=tmp_path,
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    for out in (by_id, by_number):
        text = _text(out)
        assert number in text and "市心理援助热线" in text
        assert "接收方留存" in text and "本站留存" in text
        assert NAME not in text and PHONE not in text
        assert len(PdfReader(out).pages) == 2
    assert _saves(folder) == [("referral", str(rid), "referral")] * 2


def test_refusals(vault: tuple[Path, int, str], tmp_path: Path) -> None:
    folder, rid, _ = vault
    out = tmp_path / "x.pdf"
    common = ["--vault", str(folder), "--out", str(out)]
    other = station(
        "form", "referral", *common, "--user", "zhou", "--referral", str(rid),
        password=STAFF_PASSWORD, home=tmp_path,
    )  # fmt: skip
    assert other.returncode == 1
    assert len(other.stderr.strip().splitlines()) == 1 and "找不到该转介单" in other.stderr
    missing = station("form", "referral", *common, "--user", "lin", home=tmp_path)
    assert missing.returncode == 2 and "--referral" in missing.stderr
    unknown = station("form", "letter", *common, "--user", "lin", home=tmp_path)
    assert unknown.returncode == 2
    nowhere = station(
        "form", "consent", "--vault", str(folder), "--user", "admin",
        "--out", str(tmp_path / "no" / "such" / "dir.pdf"), home=tmp_path,
    )  # fmt: skip
    assert nowhere.returncode == 1 and "文件夹不存在" in nowhere.stderr
    assert not out.exists()
    assert _saves(folder) == []
