"""Demo vault, second part: the referral directory, assessments on cases (with their
warnings, most answered), one unit screening day, and referrals in every status.

All of it is fictional and goes through the same services a counsellor uses.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from station.models import Case
from station.models.vocab import (
    AssessmentMode,
    CaseStatus,
    DestinationKind,
    FormIdentity,
    Gender,
    ReferralConsent,
    ReferralReason,
    ReferralUrgency,
    WarningResponse,
)
from station.services import assessments, destinations, referrals, screenings
from station.services.context import SignedIn

_DESTINATIONS = (
    (
        "演示市第三人民医院 精神心理科",
        DestinationKind.HOSPITAL,
        "门诊：000-0000-0001",
        "抑郁、焦虑、睡眠障碍",
    ),
    ("演示市心理卫生中心", DestinationKind.HOSPITAL, "预约：000-0000-0002", "精神科评估、药物治疗"),
    ("向阳心理咨询中心（虚构）", DestinationKind.CLINIC, "000-0000-0003", "婚姻家庭、创伤"),
    ("市干部心理专家组", DestinationKind.EXPERT, "联系人：专家组秘书", "专家会诊、危机评估"),
    ("演示市心理援助热线", DestinationKind.HOTLINE, "12356", "24小时心理援助"),
    ("演示区社会工作服务站", DestinationKind.INSTITUTION, "000-0000-0004", "家庭支持、社区资源"),
)

_SUMMARIES = (
    "近两月持续情绪低落、早醒，PHQ-9 中重度，已咨询四次，建议精神科评估是否需要药物治疗。",
    "工作调整后焦虑明显，伴心悸，GAD-7 重度，请协助排除躯体因素并评估。",
    "家庭关系紧张，希望获得婚姻家庭方向的专业咨询，本站已完成初步评估。",
    "来访者表达消极念头，已做安全计划，请专家组会诊并给出干预建议。",
)


@dataclass(frozen=True)
class DemoAssessmentCounts:
    assessments: int
    screening_people: int
    referrals: int


def directory(custodian: SignedIn) -> None:
    for name, kind, contact, specialties in _DESTINATIONS:
        destinations.add_destination(
            custodian, destinations.DestinationInput(name, kind, contact, specialties)
        )


def _phq9(rng: random.Random, level: int) -> list[int | None]:
    """Answers around a severity level 0–3; item 9 is rarely above 0."""
    answers: list[int | None] = [
        max(0, min(3, level + rng.choice((-1, 0, 0, 1)))) for _ in range(8)
    ]
    answers.append(1 if level >= 2 and rng.random() < 0.15 else 0)
    return answers


def _gad7(rng: random.Random, level: int) -> list[int | None]:
    return [max(0, min(3, level + rng.choice((-1, 0, 0, 1)))) for _ in range(7)]


def _cases(ctx: SignedIn) -> list[tuple[int, date, str]]:
    with ctx.vault.transaction() as s:
        rows = s.execute(
            select(Case.id, Case.opened_on, Case.status).where(
                Case.counsellor_id == ctx.user_id, Case.deleted_at.is_(None)
            )
        ).all()
    return [(cid, opened, status) for cid, opened, status in rows]


def _answer_old_warnings(ctx: SignedIn, rng: random.Random) -> None:
    """A station keeps up: every warning but a few recent ones has its response."""
    open_items = assessments.open_warnings(ctx)
    for item in open_items[: max(0, len(open_items) - 2)]:
        response = rng.choice(
            (WarningResponse.CONTACTED, WarningResponse.SESSION_BOOKED, WarningResponse.REFERRAL)
        )
        assessments.respond_to_warning(ctx, item.id, response, "已按预警流程处理。")


def populate(counsellors: Sequence[SignedIn], seed: int, today: date) -> DemoAssessmentCounts:
    rng = random.Random(seed + 7)
    given = 0
    referral_count = 0
    targets = [d.id for d in destinations.list_destinations(counsellors[0])]
    for ctx in counsellors:
        for case_id, opened, status in _cases(ctx):
            if rng.random() > 0.6:
                continue
            level = rng.choice((0, 1, 1, 2, 2, 3))
            assessments.record_assessment(ctx, case_id, "phq9", _phq9(rng, level), opened)
            assessments.record_assessment(ctx, case_id, "gad7", _gad7(rng, level), opened)
            given += 2
            later = opened + timedelta(days=rng.randint(28, 70))
            if later <= today:
                better = max(0, level - rng.choice((0, 1, 1, 2)))
                mode = AssessmentMode.SELF if rng.random() < 0.3 else AssessmentMode.ENTERED
                assessments.record_assessment(ctx, case_id, "phq9", _phq9(rng, better), later, mode)
                given += 1
            if level >= 2 and status == CaseStatus.OPEN.value and rng.random() < 0.35:
                referral_count += _refer(ctx, rng, case_id, opened, today, targets)
        _answer_old_warnings(ctx, rng)
    people = _screening_day(counsellors[0], rng, today)
    return DemoAssessmentCounts(given, people, referral_count)


def _refer(
    ctx: SignedIn, rng: random.Random, case_id: int, opened: date, today: date, targets: list[int]
) -> int:
    referral_id = referrals.create_referral(
        ctx,
        case_id,
        referrals.ReferralInput(
            destination_id=rng.choice(targets[:4]),
            reason=rng.choice((ReferralReason.DIAGNOSIS, ReferralReason.MEDICATION)),
            urgency=rng.choice((ReferralUrgency.ROUTINE, ReferralUrgency.SOON)),
            summary=rng.choice(_SUMMARIES),
            consent=ReferralConsent.GIVEN,
            identity_on_form=FormIdentity.CODE,
        ),
    )
    stage = rng.random()
    sent_on = min(today, opened + timedelta(days=rng.randint(7, 30)))
    if stage < 0.2:
        return 1  # left as a draft
    referrals.send(ctx, referral_id, sent_on)
    answered = sent_on + timedelta(days=rng.randint(2, 10))
    if stage < 0.45 or answered > today:
        return 1  # waiting for an answer (some appear as overdue on the dashboard)
    accepted = rng.random() < 0.85
    referrals.record_answer(ctx, referral_id, accepted, answered)
    feedback_on = answered + timedelta(days=rng.randint(7, 25))
    if not accepted:
        referrals.close(ctx, referral_id, answered)
    elif stage > 0.6 and feedback_on <= today:
        referrals.record_feedback(
            ctx,
            referral_id,
            "已就诊，诊断为中度抑郁发作，予药物治疗，建议继续心理支持。",
            feedback_on,
        )
        if rng.random() < 0.5:
            referrals.close(ctx, referral_id, feedback_on)
    return 1


def _screening_day(ctx: SignedIn, rng: random.Random, today: date) -> int:
    """A unit's 心理体检 two months ago: 60 people under screening codes."""
    held_on = today - timedelta(days=60)
    screening_id = screenings.create_screening(
        ctx,
        screenings.ScreeningInput(
            title="年度干部心理体检（演示）",
            held_on=held_on,
            scale_ids=("phq9", "gad7"),
            unit="演示区某局（虚构）",
        ),
    )
    people = 60
    for _ in range(people):
        participant = screenings.add_participant(
            ctx, screening_id, gender=rng.choice((Gender.MALE, Gender.FEMALE))
        )
        level = rng.choices((0, 1, 2, 3), weights=(10, 6, 2, 1))[0]
        screenings.record_result(ctx, participant, "phq9", _phq9(rng, level))
        screenings.record_result(ctx, participant, "gad7", _gad7(rng, level))
    for item in screenings.follow_up_list(ctx, screening_id)[3:]:
        if item.open:
            assessments.respond_to_warning(
                ctx, item.id, WarningResponse.CONTACTED, "已电话联系，约谈。"
            )
    return people
