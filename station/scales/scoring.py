"""The one scoring function, shared by the UI, the statistics and ``station score``.

Arithmetic is exact (fractions): bands and warning rules are decided on exact values, so a
CBI mean of 49.995 is below the 50 cut-off even though it is shown as 50. Numbers are
rounded to 2 decimals only when the result is built.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from fractions import Fraction

from station.errors import ValidationError
from station.scales.definition import (
    Band,
    Method,
    MissingRule,
    ScaleDefinition,
    Scoring,
    Subscale,
)
from station.scales.result import FiredWarning, ScoreResult

_OPS: dict[str, Callable[[Fraction, Fraction], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}


class AnswerError(ValidationError):
    """Answers that do not fit the scale (count, or a value the form does not offer)."""


def _exact(value: float) -> Fraction:
    # Through the decimal text: 0.1 in a definition means one tenth, not a binary double.
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


def _round_half_up(value: Fraction, places: int = 0) -> Fraction:
    scale = 10**places
    return Fraction(math.floor(value * scale + Fraction(1, 2)), scale)


def _out(value: Fraction) -> float:
    return float(_round_half_up(value, 2))


def _scaled(scoring: Scoring, mean: Fraction, answered: int, n: int) -> Fraction:
    """The total from the mean of the answered items (exact when nothing is missing)."""
    if scoring.method is Method.MEAN:
        base = mean
    else:
        base = mean * n
        if answered < n and scoring.round_prorated:
            base = _round_half_up(base)
    return base * _exact(scoring.multiplier)


def _fewest_answered(definition: ScaleDefinition) -> int:
    n = len(definition.items)
    return (
        n - definition.scoring.max_missing
        if definition.scoring.missing is MissingRule.PRORATE
        else n
    )


def exact_total_range(definition: ScaleDefinition) -> tuple[Fraction, Fraction]:
    """Lowest and highest total the scoring rule can produce, exactly.

    With k the fewest answers that still give a total, the lowest mean of any allowed set
    of answered items is the mean of the k smallest item minimums (the highest likewise);
    rounding and the multiplier keep that order.
    """
    n = len(definition.items)
    k = _fewest_answered(definition)
    lows = sorted(definition.option_set(i).low for i in definition.items)
    highs = sorted((definition.option_set(i).high for i in definition.items), reverse=True)
    scoring = definition.scoring
    low = _scaled(scoring, Fraction(sum(lows[:k]), k), k, n)
    high = _scaled(scoring, Fraction(sum(highs[:k]), k), k, n)
    return low, high


def total_range(definition: ScaleDefinition) -> tuple[float, float]:
    low, high = exact_total_range(definition)
    return float(low), float(high)


def _count_error(definition: ScaleDefinition, got: int) -> AnswerError:
    n = len(definition.items)
    return AnswerError(
        f"{definition.short_name} 共有 {n} 道题，收到 {got} 个答案"
        "（按题目顺序用逗号分隔，未答的题留空）。",
        f"{definition.short_name} has {n} items; got {got} answers.",
        field="answers",
    )


def parse_answers(definition: ScaleDefinition, text: str) -> list[int | None]:
    """Answers as typed: comma-separated in item order, empty for an unanswered item."""
    # A Chinese keyboard gives the full-width comma; both mean the same here.
    parts = text.replace("，", ",").split(",")
    if len(parts) != len(definition.items):
        raise _count_error(definition, len(parts))
    answers: list[int | None] = []
    for position, (item, part) in enumerate(zip(definition.items, parts, strict=True), start=1):
        token = part.strip()
        if not token:
            answers.append(None)
            continue
        try:
            answers.append(int(token, 10))
        except ValueError:
            shown = token[:20]
            raise AnswerError(
                f"第 {position} 题的答案“{shown}”不是整数。",
                f"The answer to item {position} ({shown!r}) is not a whole number.",
                field=f"item:{item.id}",
            ) from None
    return answers


def _check_answers(definition: ScaleDefinition, answers: Sequence[int | None]) -> None:
    if len(answers) != len(definition.items):
        raise _count_error(definition, len(answers))
    for position, (item, answer) in enumerate(zip(definition.items, answers, strict=True), 1):
        if answer is None:
            continue
        values = definition.option_set(item).values
        if isinstance(answer, bool) or not isinstance(answer, int) or answer not in values:
            shown = str(answer)[:20]
            allowed = "、".join(str(v) for v in values)
            raise AnswerError(
                f"第 {position} 题的答案“{shown}”不是可选的值（{allowed}）。",
                f"The answer to item {position} ({shown}) is not one of "
                f"{', '.join(map(str, values))}.",
                field=f"item:{item.id}",
            )


def _band(bands: Sequence[Band], total: Fraction | None) -> Band | None:
    if total is None:
        return None
    found = None
    for band in bands:
        if total >= _exact(band.at_least):
            found = band
    return found


def _subscale(subscale: Subscale, scored: dict[str, Fraction]) -> Fraction | None:
    values = [scored[i] for i in subscale.items if i in scored]
    if len(values) < subscale.min_answered:
        return None
    total = sum(values, Fraction(0))
    return total / len(values) if subscale.method is Method.MEAN else total


def score(definition: ScaleDefinition, answers: Sequence[int | None]) -> ScoreResult:
    """Score one administration. ``answers`` are the form's response values, in item order,
    before any reversal; None for an unanswered item."""
    _check_answers(definition, answers)
    scored: dict[str, Fraction] = {}
    given: dict[str, int] = {}
    for item, answer in zip(definition.items, answers, strict=True):
        if answer is None:
            continue
        options = definition.option_set(item)
        given[item.id] = answer
        scored[item.id] = Fraction(options.low + options.high - answer if item.reverse else answer)
    n = len(definition.items)
    answered = len(scored)
    raw = sum(scored.values(), Fraction(0))
    total: Fraction | None = None
    if answered and answered >= _fewest_answered(definition):
        total = _scaled(definition.scoring, raw / answered, answered, n)
    subscales = {s.id: _subscale(s, scored) for s in definition.subscales}

    targets: dict[str, Fraction] = {f"item:{k}": Fraction(v) for k, v in given.items()}
    targets.update({f"subscale:{k}": v for k, v in subscales.items() if v is not None})
    if total is not None:
        targets["total"] = total
    # Per target only the highest level that fired counts (≥ 30 "high" supersedes ≥ 22).
    best: dict[str, tuple[int, FiredWarning]] = {}
    for order, rule in enumerate(definition.warnings):
        value = targets.get(rule.target)
        if value is None or not _OPS[rule.op](value, _exact(rule.value)):
            continue
        held = best.get(rule.target)
        if held is not None and held[1].level.rank >= rule.level.rank:
            continue
        fired = FiredWarning(
            rule.code, rule.level, rule.target, _out(value), rule.reason_zh, rule.reason_en
        )
        best[rule.target] = (order, fired)
    warnings = sorted(best.values(), key=lambda pair: (-pair[1].level.rank, pair[0]))

    return ScoreResult(
        scale=definition.id,
        version=definition.version,
        raw=_out(raw),
        total=None if total is None else _out(total),
        band=_band(definition.bands, total),
        subscales={k: None if v is None else _out(v) for k, v in subscales.items()},
        warnings=tuple(w for _, w in warnings),
        missing=tuple(i.id for i, a in zip(definition.items, answers, strict=True) if a is None),
    )
