"""The outcome of scoring one administration of a scale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from station.scales.definition import Band, WarningLevel


@dataclass(frozen=True)
class FiredWarning:
    code: str  # the rule's code
    level: WarningLevel
    target: str  # "total", "subscale:<id>" or "item:<id>"
    score: float  # the value that met the rule
    reason_zh: str
    reason_en: str

    @property
    def crisis(self) -> bool:
        return self.level is WarningLevel.CRITICAL


@dataclass(frozen=True)
class ScoreResult:
    scale: str  # ScaleDefinition.id
    version: str
    raw: float  # sum of the answered items after reversal
    total: float | None  # the score the scale reports; None when too many answers are missing
    band: Band | None
    subscales: dict[str, float | None]  # subscale id → score (None: too few answers)
    warnings: tuple[FiredWarning, ...]  # highest level first
    missing: tuple[str, ...]  # ids of the unanswered items

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def positive(self) -> bool:
        """Screens positive: at least one warning rule fired."""
        return bool(self.warnings)

    def to_json(self) -> dict[str, Any]:
        """The ``station score`` output: whole numbers as integers, others to 2 decimals."""
        return {
            "scale": self.scale,
            "raw": _number(self.raw),
            "total": None if self.total is None else _number(self.total),
            "band": None if self.band is None else self.band.code,
            "subscales": {
                key: None if value is None else _number(value)
                for key, value in self.subscales.items()
            },
            "warnings": [
                {
                    "code": w.code,
                    "level": w.level.value,
                    "target": w.target,
                    "score": _number(w.score),
                    "reason": w.reason_zh,
                }
                for w in self.warnings
            ],
            "complete": self.complete,
            "missing": list(self.missing),
        }


def _number(value: float) -> int | float:
    # 12 rather than 12.0: the JSON reads as the form's own arithmetic does.
    return int(value) if float(value).is_integer() else round(value, 2)
