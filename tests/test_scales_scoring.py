"""The one scoring function, against examples worked by hand from each scale's manual."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.scales import library
from station.scales.definition import Method, MissingRule, ScaleDefinition, WarningLevel
from station.scales.result import ScoreResult
from station.scales.scoring import AnswerError, parse_answers, score, total_range

SCALE_IDS = ("phq9", "gad7", "who5", "k10", "k6", "cbi")


def scale(scale_id: str) -> ScaleDefinition:
    return library.shipped_scale(scale_id)


def summing_to(definition: ScaleDefinition, raw: int) -> list[int | None]:
    """Answers whose raw sum is ``raw``, filling items from the first (PHQ-9 item 9 last)."""
    answers = [definition.option_set(i).low for i in definition.items]
    left = raw - sum(answers)
    for n, item in enumerate(definition.items):
        step = min(left, definition.option_set(item).high - answers[n])
        answers[n] += step
        left -= step
    assert left == 0, "target outside the scale's range"
    return list(answers)


def codes(result: ScoreResult) -> list[str]:
    return [w.code for w in result.warnings]


def cbi_answers(**overrides: int | None) -> list[int | None]:
    """CBI answers, all 50 unless overridden by position (``i13=0``)."""
    answers: list[int | None] = [50] * 19
    for key, value in overrides.items():
        answers[int(key[1:]) - 1] = value
    return answers


# -- ranges -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("scale_id", "expected"),
    [
        ("phq9", (0, 27)),  # 9 items × 0–3
        ("gad7", (0, 21)),  # 7 × 0–3
        ("who5", (0, 100)),  # 5 × 0–5 = 0–25, × 4
        ("k10", (10, 50)),  # 10 × 1–5
        ("k6", (0, 24)),  # 6 × 0–4
        ("cbi", (0, 100)),  # mean of 0–100 items
    ],
)
def test_total_range(scale_id: str, expected: tuple[int, int]) -> None:
    assert total_range(scale(scale_id)) == expected


# -- PHQ-9 ------------------------------------------------------------------------------
def test_phq9_worked_example() -> None:
    # 1+0+2+1+0+1+0+0+1 = 6 → "mild" (5–9); item 9 = 1 → critical, total below 10 → no warn.
    result = score(scale("phq9"), [1, 0, 2, 1, 0, 1, 0, 0, 1])
    assert (result.raw, result.total) == (6, 6)
    assert result.band is not None and result.band.code == "mild"
    assert codes(result) == ["item9"]
    assert result.warnings[0].level is WarningLevel.CRITICAL and result.warnings[0].crisis
    assert result.warnings[0].target == "item:9" and result.warnings[0].score == 1
    assert result.complete and result.positive


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately_severe"),
        (19, "moderately_severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_band_edges(total: int, band: str) -> None:
    result = score(scale("phq9"), summing_to(scale("phq9"), total))
    assert result.total == total
    assert result.band is not None and result.band.code == band


@pytest.mark.parametrize(
    ("total", "expected"),
    [(9, []), (10, ["total_10"]), (19, ["total_10"]), (20, ["total_20"]), (24, ["total_20"])],
)
def test_phq9_total_warnings_keep_only_the_highest(total: int, expected: list[str]) -> None:
    # summing_to fills item 9 last, so up to 24 it stays 0 and only the total rules can fire.
    assert codes(score(scale("phq9"), summing_to(scale("phq9"), total))) == expected


def test_phq9_warnings_ordered_highest_level_first() -> None:
    # 3×6 + 2 + 0 + 1 = 21 → total_20 (high); item 9 = 1 → item9 (critical) comes first.
    result = score(scale("phq9"), [3, 3, 3, 3, 3, 3, 2, 0, 1])
    assert codes(result) == ["item9", "total_20"]
    assert [w.level for w in result.warnings] == [WarningLevel.CRITICAL, WarningLevel.HIGH]


def test_phq9_item9_zero_never_fires() -> None:
    assert codes(score(scale("phq9"), [0] * 9)) == []


def test_phq9_prorates_two_missing_and_rounds_half_up() -> None:
    # 8 answered, sum 4: 4 / 8 × 9 = 4.5 → rounded half up to 5 ("mild"; half-to-even gives 4).
    result = score(scale("phq9"), [1, 1, 1, 1, 0, 0, 0, 0, None])
    assert (result.raw, result.total) == (4, 5)
    assert result.band is not None and result.band.code == "mild"
    assert result.missing == ("9",) and not result.complete
    # 7 answered, sum 8: 8 / 7 × 9 = 10.29 → 10 → "moderate", warn.
    result = score(scale("phq9"), [1, 1, 1, 1, 1, 1, 2, None, None])
    assert (result.raw, result.total) == (8, 10)
    assert codes(result) == ["total_10"]


def test_phq9_three_missing_gives_no_total() -> None:
    result = score(scale("phq9"), [3, 3, 3, 3, 3, 3, None, None, None])
    assert result.raw == 18
    assert result.total is None and result.band is None
    assert codes(result) == []  # total rules need a total
    assert result.missing == ("7", "8", "9")


def test_phq9_item9_fires_when_the_total_is_missing() -> None:
    result = score(scale("phq9"), [None] * 8 + [2])
    assert result.total is None and result.band is None
    assert codes(result) == ["item9"]
    assert result.warnings[0].score == 2


# -- GAD-7 -------------------------------------------------------------------------------
def test_gad7_worked_example() -> None:
    # 1+2+1+0+1+2+1 = 8 → "mild" (5–9), below the warn cut-off of 10.
    result = score(scale("gad7"), [1, 2, 1, 0, 1, 2, 1])
    assert result.total == 8
    assert result.band is not None and result.band.code == "mild"
    assert codes(result) == []


@pytest.mark.parametrize(
    ("total", "band", "warnings"),
    [
        (0, "minimal", []),
        (4, "minimal", []),
        (5, "mild", []),
        (9, "mild", []),
        (10, "moderate", ["total_10"]),
        (14, "moderate", ["total_10"]),
        (15, "severe", ["total_15"]),
        (21, "severe", ["total_15"]),
    ],
)
def test_gad7_band_and_warning_edges(total: int, band: str, warnings: list[str]) -> None:
    result = score(scale("gad7"), summing_to(scale("gad7"), total))
    assert result.total == total
    assert result.band is not None and result.band.code == band
    assert codes(result) == warnings


def test_gad7_prorating_limit() -> None:
    # Two missing: 15 / 5 × 7 = 21. Three missing: no total.
    assert score(scale("gad7"), [3, 3, 3, 3, 3, None, None]).total == 21
    assert score(scale("gad7"), [3, 3, 3, 3, None, None, None]).total is None


# -- WHO-5 -------------------------------------------------------------------------------
def test_who5_worked_example_times_four() -> None:
    # 5+4+3+2+1 = 15 raw; 15 × 4 = 60 % → "adequate" (≥ 50), no warning.
    result = score(scale("who5"), [5, 4, 3, 2, 1])
    assert (result.raw, result.total) == (15, 60)
    assert result.band is not None and result.band.code == "adequate"
    assert codes(result) == []


@pytest.mark.parametrize(
    ("raw", "percent", "band", "warnings"),
    [
        (0, 0, "likely_depression", ["total_28"]),
        (7, 28, "likely_depression", ["total_28"]),  # ≤ 28: high only, the < 50 warn is dropped
        (8, 32, "poor", ["total_below_50"]),  # 29 is not reachable: the next total is 32
        (12, 48, "poor", ["total_below_50"]),
        (13, 52, "adequate", []),  # 50 is not reachable either: 48, then 52
        (25, 100, "adequate", []),
    ],
)
def test_who5_band_and_warning_edges(
    raw: int, percent: int, band: str, warnings: list[str]
) -> None:
    result = score(scale("who5"), summing_to(scale("who5"), raw))
    assert (result.raw, result.total) == (raw, percent)
    assert result.band is not None and result.band.code == band
    assert codes(result) == warnings


def test_who5_any_missing_answer_gives_no_total() -> None:
    result = score(scale("who5"), [5, 5, 5, 5, None])
    assert result.raw == 20
    assert result.total is None and result.band is None and codes(result) == []


# -- K10 ---------------------------------------------------------------------------------
def test_k10_worked_example() -> None:
    # 1+2+2+3+1+1+2+3+2+1 = 18 → "moderate" (16–21), below 22.
    result = score(scale("k10"), [1, 2, 2, 3, 1, 1, 2, 3, 2, 1])
    assert result.total == 18
    assert result.band is not None and result.band.code == "moderate"
    assert codes(result) == []


@pytest.mark.parametrize(
    ("total", "band", "warnings"),
    [
        (10, "low", []),
        (15, "low", []),
        (16, "moderate", []),
        (21, "moderate", []),
        (22, "high", ["total_22"]),
        (29, "high", ["total_22"]),
        (30, "very_high", ["total_30"]),
        (50, "very_high", ["total_30"]),
    ],
)
def test_k10_band_and_warning_edges(total: int, band: str, warnings: list[str]) -> None:
    result = score(scale("k10"), summing_to(scale("k10"), total))
    assert result.total == total
    assert result.band is not None and result.band.code == band
    assert codes(result) == warnings


def test_k10_one_missing_item_takes_the_mean_of_the_others() -> None:
    # 9 answered, sum 20: 20 / 9 × 10 = 22.2 → 22 → "high", warn.
    answers: list[int | None] = [2, 2, 2, 2, 2, 2, 3, 3, 2, None]
    result = score(scale("k10"), answers)
    assert (result.raw, result.total) == (20, 22)
    assert codes(result) == ["total_22"]
    # Two missing: no score.
    assert score(scale("k10"), [*answers[:8], None, None]).total is None


# -- K6 ----------------------------------------------------------------------------------
def test_k6_worked_example() -> None:
    # 1+0+2+1+3+0 = 7 → "moderate" (5–12).
    result = score(scale("k6"), [1, 0, 2, 1, 3, 0])
    assert result.total == 7
    assert result.band is not None and result.band.code == "moderate"
    assert codes(result) == []


@pytest.mark.parametrize(
    ("total", "band", "warnings"),
    [
        (0, "low", []),
        (4, "low", []),
        (5, "moderate", []),
        (12, "moderate", []),
        (13, "serious", ["total_13"]),
        (24, "serious", ["total_13"]),
    ],
)
def test_k6_band_and_warning_edges(total: int, band: str, warnings: list[str]) -> None:
    result = score(scale("k6"), summing_to(scale("k6"), total))
    assert result.total == total
    assert result.band is not None and result.band.code == band
    assert codes(result) == warnings


def test_k6_missing_answer_gives_no_total() -> None:
    assert score(scale("k6"), [4, 4, 4, 4, 4, None]).total is None


# -- CBI ---------------------------------------------------------------------------------
def test_cbi_worked_example() -> None:
    answers: list[int | None] = [100, 75, 50, 25, 0, 100]  # personal
    answers += [75, 50, 25, 0, 100, 75, 0]  # work; item 13 = 0 is reversed to 100
    answers += [50, 50, 50, 50, 75, 100]  # client
    result = score(scale("cbi"), answers)
    # personal: (100+75+50+25+0+100) / 6 = 350 / 6 = 58.33
    # work: (75+50+25+0+100+75+100) / 7 = 425 / 7 = 60.71
    # client: (50+50+50+50+75+100) / 6 = 375 / 6 = 62.5
    # total: (350+425+375) / 19 = 1150 / 19 = 60.53 → "moderate" (50–74)
    assert result.subscales == {"personal": 58.33, "work": 60.71, "client": 62.5}
    assert (result.raw, result.total) == (1150, 60.53)
    assert result.band is not None and result.band.code == "moderate"
    assert codes(result) == ["personal_50", "work_50", "client_50"]


def test_cbi_item13_is_reverse_scored() -> None:
    # Work items 7–12 at 0. Item 13 "enough energy for family and friends": "always" (100)
    # scores 0, "never" (0) scores 100: work = 100 / 7 = 14.29.
    low = [0] * 19
    always = score(scale("cbi"), [*low[:12], 100, *low[13:]])
    never = score(scale("cbi"), [*low[:12], 0, *low[13:]])
    assert always.subscales["work"] == 0
    assert never.subscales["work"] == 14.29
    assert never.raw == 100 and always.raw == 0


def test_cbi_subscale_needs_three_answers() -> None:
    answers: list[int | None] = [100, 100, None, None, None, None] + [0] * 13
    assert score(scale("cbi"), answers).subscales["personal"] is None
    answers[2] = 25  # three answered: (100 + 100 + 25) / 3 = 75 → high
    result = score(scale("cbi"), answers)
    assert result.subscales["personal"] == 75
    assert "personal_75" in codes(result)


def test_cbi_total_needs_three_answers() -> None:
    two: list[int | None] = [100, 100] + [None] * 17
    result = score(scale("cbi"), two)
    assert result.total is None and result.band is None
    assert result.subscales == {"personal": None, "work": None, "client": None}
    three: list[int | None] = [100, 100, 25] + [None] * 16
    assert score(scale("cbi"), three).total == 75  # (100 + 100 + 25) / 3


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        (cbi_answers(i1=0, i13=100), 44.74, "low"),  # (17×50 + 0 + 0) / 19 = 850 / 19
        (cbi_answers(i1=25), 48.68, "low"),  # (18×50 + 25) / 19 = 925 / 19
        (cbi_answers(), 50, "moderate"),  # all 50 (item 13 reversed: 50)
        ([75] * 12 + [50] + [75] * 6, 73.68, "moderate"),  # (18×75 + 50) / 19 = 1400 / 19
        ([75] * 12 + [25] + [75] * 6, 75, "high"),  # item 13 answered 25 scores 75
        ([75] + [100] * 11 + [0] + [100] * 6, 98.68, "high"),  # (18×100 + 75) / 19
        ([100] * 12 + [0] + [100] * 6, 100, "severe"),
    ],
)
def test_cbi_band_edges(answers: list[int | None], total: float, band: str) -> None:
    result = score(scale("cbi"), answers)
    assert result.total == total
    assert result.band is not None and result.band.code == band


def test_cbi_subscale_warnings_at_the_cut_offs() -> None:
    # personal 75 (high); work at 50 exactly (warn); client (25×5 + 50) / 6 = 29.17 (none).
    answers: list[int | None] = [75] * 6 + [50] * 7 + [25] * 5 + [50]
    result = score(scale("cbi"), answers)
    assert result.subscales == {"personal": 75, "work": 50, "client": 29.17}
    assert codes(result) == ["personal_75", "work_50"]
    # One step below each cut-off: personal (75×5 + 50) / 6 = 70.83 → warn only;
    # work (50×6 + 25) / 7 = 46.43 → nothing.
    answers = [75] * 5 + [50] + [50] * 5 + [25] + [50] + [25] * 5 + [50]
    result = score(scale("cbi"), answers)
    assert result.subscales["personal"] == 70.83 and result.subscales["work"] == 46.43
    assert codes(result) == ["personal_50"]


# -- decisions on exact values, JSON, answer errors ---------------------------------------
EXACT = """
id = "exact"
version = "1"
short_name = "EX"
name_zh = "测试"
name_en = "Test"
licence = "测试"
source = "测试"
instructions_zh = "测试"
instructions_en = "Test"

[scoring]
method = "sum"
multiplier = 0.1

[[option_sets]]
id = "yn"
options = [
    { value = 0, label_zh = "否", label_en = "No" },
    { value = 1, label_zh = "是", label_en = "Yes" },
]

[[items]]
id = "1"
text_zh = "一"
text_en = "one"
options = "yn"

[[items]]
id = "2"
text_zh = "二"
text_en = "two"
options = "yn"

[[items]]
id = "3"
text_zh = "三"
text_en = "three"
options = "yn"

[[bands]]
at_least = 0
code = "low"
label_zh = "低"
label_en = "Low"

[[bands]]
at_least = 0.3
code = "top"
label_zh = "高"
label_en = "Top"

[[warnings]]
code = "exactly"
level = "warn"
target = "total"
op = "=="
value = 0.3
reason_zh = "测试"
reason_en = "Test"
"""


def test_rules_are_decided_on_exact_values() -> None:
    # In floating point 3 × 0.1 is 0.30000000000000004, which is not == 0.3.
    definition = library.parse_definition(EXACT.encode(), "exact.toml")
    result = score(definition, [1, 1, 1])
    assert result.total == 0.3
    assert result.band is not None and result.band.code == "top"
    assert codes(result) == ["exactly"]


def test_to_json_keys_and_numbers() -> None:
    data = score(scale("cbi"), cbi_answers(i1=None, i2=0)).to_json()
    assert list(data) == [
        "scale",
        "raw",
        "total",
        "band",
        "subscales",
        "warnings",
        "complete",
        "missing",
    ]
    # raw: 17 answers of 50 + 0 = 850; total 850 / 18 = 47.22; personal 200 / 5 = 40.
    assert data["scale"] == "cbi"
    assert data["raw"] == 850 and isinstance(data["raw"], int)
    assert data["total"] == 47.22
    assert data["band"] == "low"
    assert data["subscales"] == {"personal": 40, "work": 50, "client": 50}
    assert isinstance(data["subscales"]["personal"], int)
    assert data["warnings"] == [
        {
            "code": "work_50",
            "level": "warn",
            "target": "subscale:work",
            "score": 50,
            "reason": scale("cbi").warnings[2].reason_zh,
        },
        {
            "code": "client_50",
            "level": "warn",
            "target": "subscale:client",
            "score": 50,
            "reason": scale("cbi").warnings[4].reason_zh,
        },
    ]
    assert data["complete"] is False and data["missing"] == ["1"]
    json.dumps(data, ensure_ascii=False)


def test_to_json_without_a_total() -> None:
    data = score(scale("who5"), [None] * 5).to_json()
    assert data["total"] is None and data["band"] is None
    assert data["warnings"] == [] and data["subscales"] == {}
    assert data["missing"] == ["1", "2", "3", "4", "5"]


def test_wrong_answer_count() -> None:
    with pytest.raises(AnswerError) as caught:
        score(scale("phq9"), [0] * 8)
    assert "PHQ-9 共有 9 道题，收到 8 个答案" in caught.value.zh


@pytest.mark.parametrize("bad", [7, -1, True])
def test_value_not_on_the_form(bad: int) -> None:
    answers: list[int | None] = [0, 0, bad, 0, 0, 0, 0, 0, 0]
    with pytest.raises(AnswerError) as caught:
        score(scale("phq9"), answers)
    assert caught.value.field == "item:3"
    assert caught.value.zh == f"第 3 题的答案“{bad}”不是可选的值（0、1、2、3）。"


def test_cbi_takes_values_by_position_not_1_to_5() -> None:
    with pytest.raises(AnswerError) as caught:
        score(scale("cbi"), [3] + [50] * 18)
    assert "（100、75、50、25、0）" in caught.value.zh


def test_parse_answers() -> None:
    phq9 = scale("phq9")
    assert parse_answers(phq9, "1,0,2, 1 ,,1,0,0,3") == [1, 0, 2, 1, None, 1, 0, 0, 3]
    assert parse_answers(phq9, "1，0，2，1，0，1，0，0，3")[8] == 3  # full-width commas
    assert parse_answers(phq9, ",,,,,,,,") == [None] * 9
    with pytest.raises(AnswerError) as caught:
        parse_answers(phq9, "1,0,x,1,0,1,0,0,3")
    assert caught.value.zh == "第 3 题的答案“x”不是整数。" and caught.value.field == "item:3"
    with pytest.raises(AnswerError) as caught:
        parse_answers(phq9, "1,2")
    assert "PHQ-9 共有 9 道题，收到 2 个答案" in caught.value.zh


# -- properties ----------------------------------------------------------------------------
@st.composite
def administrations(
    draw: st.DrawFn, complete: bool = False, scale_ids: Sequence[str] = SCALE_IDS
) -> tuple[ScaleDefinition, list[int | None]]:
    definition = scale(draw(st.sampled_from(scale_ids)))
    answers: list[int | None] = []
    for item in definition.items:
        values = st.sampled_from(definition.option_set(item).values)
        answers.append(draw(values if complete else st.one_of(st.none(), values)))
    return definition, answers


def flipped(definition: ScaleDefinition, answers: Sequence[int | None]) -> list[int | None]:
    out: list[int | None] = []
    for item, answer in zip(definition.items, answers, strict=True):
        options = definition.option_set(item)
        out.append(None if answer is None else options.low + options.high - answer)
    return out


@given(administrations())
def test_scores_stay_within_the_scale_range(case: tuple[ScaleDefinition, list[int | None]]) -> None:
    definition, answers = case
    result = score(definition, answers)
    low, high = total_range(definition)
    answered = sum(a is not None for a in answers)
    n = len(definition.items)
    scoring = definition.scoring
    needed = n - scoring.max_missing if scoring.missing is MissingRule.PRORATE else n
    assert (result.total is not None) == (answered >= needed)
    if result.total is None:
        assert result.band is None
    else:
        assert low <= result.total <= high
        assert result.band is not None
    for sub in definition.subscales:
        value = result.subscales[sub.id]
        lows = [definition.option_set(definition.item(i)).low for i in sub.items]
        highs = [definition.option_set(definition.item(i)).high for i in sub.items]
        if value is not None:
            if sub.method is Method.MEAN:
                assert min(lows) <= value <= max(highs)
            else:
                assert 0 <= value <= sum(highs)
    assert len(result.missing) == n - answered
    levels = [w.level.rank for w in result.warnings]
    assert levels == sorted(levels, reverse=True)
    assert len({w.target for w in result.warnings}) == len(result.warnings)


# n·(low + high) × multiplier: what a reversed total and the original add up to.
REVERSED_SUM = {"phq9": 27, "gad7": 21, "who5": 100, "k10": 60, "k6": 24, "cbi": 100}


@given(administrations(complete=True))
def test_reversing_every_answer_mirrors_the_total(
    case: tuple[ScaleDefinition, list[int | None]],
) -> None:
    # PHQ-9 t → 27 − t, K10 t → 60 − t, WHO-5 % → 100 − %, CBI mean → 100 − mean.
    definition, answers = case
    original = score(definition, answers)
    mirrored = score(definition, flipped(definition, answers))
    assert original.total is not None and mirrored.total is not None
    assert mirrored.total == pytest.approx(REVERSED_SUM[definition.id] - original.total, abs=0.011)
    if definition.scoring.method is Method.SUM:
        assert mirrored.total == REVERSED_SUM[definition.id] - original.total


@given(administrations())
def test_reversing_mirrors_raw_and_cbi_means_with_missing_answers(
    case: tuple[ScaleDefinition, list[int | None]],
) -> None:
    definition, answers = case
    original = score(definition, answers)
    mirrored = score(definition, flipped(definition, answers))
    bound = sum(
        definition.option_set(i).low + definition.option_set(i).high
        for i, a in zip(definition.items, answers, strict=True)
        if a is not None
    )
    assert mirrored.raw == bound - original.raw
    if definition.scoring.method is Method.MEAN and original.total is not None:
        assert mirrored.total is not None
        # Each side is rounded to 2 decimals on its own: allow one hundredth.
        assert mirrored.total == pytest.approx(100 - original.total, abs=0.011)
        for key, value in original.subscales.items():
            other = mirrored.subscales[key]
            assert (value is None) == (other is None)
            if value is not None and other is not None:
                assert other == pytest.approx(100 - value, abs=0.011)


@given(administrations(scale_ids=("phq9",)))
def test_phq9_item9_above_zero_always_raises_the_crisis_flag(
    case: tuple[ScaleDefinition, list[int | None]],
) -> None:
    definition, answers = case
    result = score(definition, answers)
    if answers[8] is not None and answers[8] > 0:
        assert result.warnings[0].code == "item9"
        assert result.warnings[0].level is WarningLevel.CRITICAL
    else:
        assert "item9" not in codes(result)


@given(administrations(complete=True), st.data())
def test_a_higher_answer_never_lowers_the_total(
    case: tuple[ScaleDefinition, list[int | None]], data: st.DataObject
) -> None:
    definition, answers = case
    n = data.draw(st.integers(0, len(answers) - 1))
    item = definition.items[n]
    options = definition.option_set(item)
    higher = list(answers)
    higher[n] = options.high
    before, after = score(definition, answers).total, score(definition, higher).total
    assert before is not None and after is not None
    if item.reverse:
        assert after <= before
    else:
        assert after >= before
