"""Assessments on a case: scoring stored as scored, warnings raised and answered,
access by role, audit entries, trends, the timeline and the scale importer."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from station.errors import PermissionDenied, StationError, ValidationError
from station.models import Assessment, AuditEntry
from station.models.vocab import AssessmentMode, CaseSource, Concern, WarningResponse
from station.scales.definition import WarningLevel
from station.services import assessments, cases, dashboard
from station.services.access import NotFound
from station.services.context import SignedIn
from station.services.views import TimelineKind
from tests.records_fixtures import new_client_case

PHQ9_ITEM9 = [1, 1, 1, 1, 1, 1, 1, 1, 1]  # total 9 (mild), item 9 answered 1
PHQ9_MODERATE = [2, 2, 1, 1, 1, 1, 1, 1, 0]  # total 10: at the cut-off, item 9 zero


def _actions(ctx: SignedIn) -> list[tuple[str, str]]:
    with ctx.vault.transaction() as s:
        return [
            (e.action, e.detail) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]


def test_record_stores_answers_and_score_as_scored(lin: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    recorded = assessments.record_assessment(lin, case_id, "phq9", PHQ9_MODERATE)
    assert recorded.result.total == 10
    assert recorded.result.band is not None and recorded.result.band.code == "moderate"
    with lin.vault.transaction() as s:
        row = s.get(Assessment, recorded.assessment_id)
        assert row is not None
        assert json.loads(row.answers) == PHQ9_MODERATE
        assert (row.total, row.band, row.positive, row.mode) == (10, "moderate", True, "entered")
        assert len(row.scale_digest) == 64
    [warning] = recorded.warnings
    assert warning.level is WarningLevel.WARN
    assert warning.case_id == case_id and warning.open
    assert not recorded.crisis


def test_item9_raises_a_critical_warning_even_below_the_cut_off(lin: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    recorded = assessments.record_assessment(
        lin, case_id, "phq9", PHQ9_ITEM9, mode=AssessmentMode.SELF
    )
    assert recorded.crisis
    assert [w.level for w in recorded.warnings] == [WarningLevel.CRITICAL]
    assert "自杀" in recorded.warnings[0].reason


def test_warning_stays_open_on_the_dashboard_until_a_response(
    lin: SignedIn, zhou: SignedIn, custodian: SignedIn
) -> None:
    _, case_id = new_client_case(lin)
    recorded = assessments.record_assessment(lin, case_id, "phq9", PHQ9_ITEM9)
    warning_id = recorded.warnings[0].id
    assert [w.id for w in dashboard.dashboard(lin).open_warnings] == [warning_id]
    assert [w.id for w in dashboard.dashboard(custodian).open_warnings] == [warning_id]
    assert dashboard.dashboard(zhou).open_warnings == ()  # not zhou's case

    with pytest.raises(ValidationError) as missing_reason:
        assessments.respond_to_warning(lin, warning_id, WarningResponse.NO_ACTION, "  ")
    assert missing_reason.value.field == "response_note"
    with pytest.raises(NotFound):
        assessments.respond_to_warning(zhou, warning_id, WarningResponse.CONTACTED)

    assessments.respond_to_warning(lin, warning_id, WarningResponse.SESSION_BOOKED, "周三下午")
    assert dashboard.dashboard(lin).open_warnings == ()
    assert dashboard.dashboard(custodian).open_warnings == ()
    [answered] = assessments.case_warnings(lin, case_id)
    assert answered.response is WarningResponse.SESSION_BOOKED
    assert answered.responded_by == "林咨询"
    with pytest.raises(StationError):
        assessments.respond_to_warning(custodian, warning_id, WarningResponse.CONTACTED)


def test_custodian_may_record_a_response(lin: SignedIn, custodian: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    recorded = assessments.record_assessment(lin, case_id, "gad7", [3, 3, 3, 3, 0, 0, 0])
    assessments.respond_to_warning(
        custodian, recorded.warnings[0].id, WarningResponse.NO_ACTION, "来访者已在医院就诊"
    )
    assert assessments.open_warnings(custodian) == []


def test_bad_answers_are_refused_at_the_item_and_nothing_is_saved(lin: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    with pytest.raises(ValidationError) as bad:
        assessments.record_assessment(lin, case_id, "phq9", [0, 1, 7, 0, 0, 0, 0, 0, 0])
    assert bad.value.field == "item:3"
    with pytest.raises(ValidationError) as empty:
        assessments.record_assessment(lin, case_id, "phq9", [None] * 9)
    assert empty.value.field == "answers"
    with pytest.raises(ValidationError) as future:
        assessments.record_assessment(
            lin, case_id, "phq9", PHQ9_MODERATE, administered_on=date.today() + timedelta(days=1)
        )
    assert future.value.field == "administered_on"
    with pytest.raises(ValidationError) as unknown:
        assessments.record_assessment(lin, case_id, "scl90", PHQ9_MODERATE)
    assert unknown.value.field == "scale_id"
    with lin.vault.transaction() as s:
        assert s.scalars(select(Assessment)).all() == []


def test_roles(lin: SignedIn, zhou: SignedIn, custodian: SignedIn, lead: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    with pytest.raises(NotFound):
        assessments.record_assessment(zhou, case_id, "phq9", PHQ9_MODERATE)
    with pytest.raises(PermissionDenied):
        assessments.record_assessment(custodian, case_id, "phq9", PHQ9_MODERATE)
    with pytest.raises(PermissionDenied):
        assessments.open_warnings(lead)
    recorded = assessments.record_assessment(lin, case_id, "phq9", PHQ9_MODERATE)
    with pytest.raises(NotFound):
        assessments.assessment_detail(zhou, recorded.assessment_id)
    with pytest.raises(PermissionDenied):
        assessments.assessment_detail(lead, recorded.assessment_id)
    assert assessments.assessment_detail(custodian, recorded.assessment_id).brief.total == 10


def test_every_administration_view_and_response_is_audited(lin: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    recorded = assessments.record_assessment(lin, case_id, "phq9", PHQ9_ITEM9)
    assessments.assessment_detail(lin, recorded.assessment_id)
    assessments.trends(lin, case_id)
    assessments.respond_to_warning(lin, recorded.warnings[0].id, WarningResponse.CRISIS)
    actions = _actions(lin)
    assert ("assessment_add", f"case={case_id} scale=phq9 mode=entered warnings=1") in actions
    assert sum(1 for a, _ in actions if a == "assessment_view") == 2
    assert ("warning_response", "response=crisis") in actions
    # nothing personal in the audit details
    assert not any("测试来访者" in detail for _, detail in actions)


def test_detail_shows_each_answer_with_its_label(lin: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    answers: list[int | None] = [0, 1, 2, 3, None, 0, 0, 0, 0]
    recorded = assessments.record_assessment(lin, case_id, "phq9", answers)
    detail = assessments.assessment_detail(lin, recorded.assessment_id)
    assert [line.answer for line in detail.answers[:5]] == [
        "完全不会",
        "好几天",
        "一半以上的天数",
        "几乎每天",
        None,
    ]
    assert detail.brief.complete is False
    assert detail.brief.total == 7  # 6 over 8 answered items, prorated: 6 / 8 × 9 = 6.75 → 7


def test_trends_follow_the_client_across_cases(lin: SignedIn) -> None:
    early = date.today() - timedelta(days=30)
    client_id, case_id = new_client_case(lin, opened_on=early)
    assessments.record_assessment(lin, case_id, "phq9", PHQ9_MODERATE, administered_on=early)
    assessments.record_assessment(lin, case_id, "who5", [3, 3, 3, 3, 3])
    cases.close_case(lin, case_id, "目标达成")
    second = cases.open_case(
        lin,
        cases.CaseInput(client_id=client_id, source=CaseSource.SELF, concerns=(Concern.WORKLOAD,)),
    )
    assessments.record_assessment(lin, second, "phq9", [0] * 9)
    [phq, who] = assessments.trends(lin, second)
    assert phq.short_name == "PHQ-9"
    assert [(p.on, p.total) for p in phq.points] == [(early, 10.0), (date.today(), 0.0)]
    assert phq.low == 0 and phq.high == 27
    assert any(c.value == 10 and c.level is WarningLevel.WARN for c in phq.cutoffs)
    assert [p.total for p in who.points] == [60.0]


def test_timeline_shows_each_administration(lin: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    recorded = assessments.record_assessment(lin, case_id, "gad7", [1, 1, 1, 1, 1, 1, 1])
    items = [i for i in cases.timeline(lin, case_id) if i.kind is TimelineKind.ASSESSMENT]
    assert [i.item_id for i in items] == [recorded.assessment_id]
    brief = items[0].detail
    assert brief.short_name == "GAD-7"  # type: ignore[union-attr]


def test_withdrawn_assessment_closes_its_open_warnings(lin: SignedIn) -> None:
    _, case_id = new_client_case(lin)
    recorded = assessments.record_assessment(lin, case_id, "phq9", PHQ9_ITEM9)
    assessments.delete_assessment(lin, recorded.assessment_id, "录入时选错了来访者")
    assert assessments.open_warnings(lin) == []
    assert assessments.trends(lin, case_id) == []
    assert all(i.kind is not TimelineKind.ASSESSMENT for i in cases.timeline(lin, case_id))


BROKEN = b'id = "demo_licensed"\nversion = "1"\n'


def test_import_scale_is_for_the_custodian_and_validated(
    custodian: SignedIn, lin: SignedIn
) -> None:
    readme = Path(__file__).resolve().parents[1] / "resources" / "scales" / "README.md"
    text = readme.read_text(encoding="utf-8")
    example = text.split("```toml", 1)[1].split("```", 1)[0].encode("utf-8")
    with pytest.raises(PermissionDenied):
        assessments.import_scale(lin, example)
    with pytest.raises(StationError) as broken:
        assessments.import_scale(custodian, BROKEN)
    assert "量表定义文件有误" in broken.value.zh
    scale_id = assessments.import_scale(custodian, example)
    infos = {i.id: i for i in assessments.scales(lin)}
    assert infos[scale_id].imported and not infos["phq9"].imported
    with pytest.raises(StationError):
        assessments.import_scale(custodian, example)  # the same file twice
    shipped = (readme.parent / "phq9.toml").read_bytes()
    with pytest.raises(StationError) as clash:
        assessments.import_scale(custodian, shipped)
    assert "系统自带" in clash.value.zh
