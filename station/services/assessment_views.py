"""What the assessment services return: plain frozen data for the UI and the reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from station.models.vocab import AssessmentMode
from station.scales.definition import Band, WarningLevel
from station.scales.result import ScoreResult
from station.services.views import AssessmentBrief, WarningItem


@dataclass(frozen=True)
class ScaleInfo:
    id: str
    short_name: str
    name_zh: str
    version: str
    item_count: int
    imported: bool  # a licensed scale the custodian imported (else shipped)


@dataclass(frozen=True)
class AnswerLine:
    item_id: str
    text: str
    answer: str | None  # the chosen option's label, None when unanswered


@dataclass(frozen=True)
class AssessmentDetail:
    brief: AssessmentBrief
    scale_name: str
    answers: tuple[AnswerLine, ...]
    subscales: tuple[tuple[str, float | None], ...]  # (Chinese name, score)
    warnings: tuple[WarningItem, ...]


@dataclass(frozen=True)
class Recorded:
    """The outcome of saving one administration."""

    assessment_id: int
    result: ScoreResult
    warnings: tuple[WarningItem, ...]

    @property
    def crisis(self) -> bool:
        return any(w.level is WarningLevel.CRITICAL for w in self.warnings)


@dataclass(frozen=True)
class Cutoff:
    value: float
    level: WarningLevel
    op: str
    label: str  # the rule's reason, for the chart's legend


@dataclass(frozen=True)
class TrendPoint:
    on: date
    total: float
    band: str | None  # band label
    mode: AssessmentMode


@dataclass(frozen=True)
class ScaleTrend:
    scale_id: str
    short_name: str
    name_zh: str
    low: float
    high: float
    bands: tuple[Band, ...]
    cutoffs: tuple[Cutoff, ...]  # the warning rules on the total
    points: tuple[TrendPoint, ...]  # oldest first; administrations without a total are left out
