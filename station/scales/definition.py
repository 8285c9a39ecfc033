"""A scale definition, as read from a validated definition file (see
``resources/scales/README.md`` for the file format).

Everything a scale's manual fixes lives here as data: items, response values, reversed
items, subscales, the scoring rule, the missing-answer rule, severity bands and warning
rules. Code never names a scale.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class WarningLevel(StrEnum):
    WARN = "warn"  # 关注: at or above a screening cut-off
    HIGH = "high"  # 高: a high band
    CRITICAL = "critical"  # 危急: a critical item (e.g. self-harm thoughts): crisis steps now

    @property
    def rank(self) -> int:
        return {"warn": 1, "high": 2, "critical": 3}[self.value]


class Method(StrEnum):
    SUM = "sum"
    MEAN = "mean"


class MissingRule(StrEnum):
    NONE = "none"  # any missing answer: no total, no band (item rules still fire)
    PRORATE = "prorate"  # up to max_missing: mean of answered × item count


@dataclass(frozen=True)
class Option:
    value: int  # the response value on the official form, before any reversal
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class OptionSet:
    id: str
    options: tuple[Option, ...]  # in the order printed on the form

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(o.value for o in self.options)

    @property
    def low(self) -> int:
        return min(self.values)

    @property
    def high(self) -> int:
        return max(self.values)


@dataclass(frozen=True)
class Item:
    id: str  # "1", "2", … in form order
    text_zh: str
    text_en: str
    options: str  # OptionSet.id
    reverse: bool = False  # scored as (low + high − value) of its option set


@dataclass(frozen=True)
class Subscale:
    id: str
    name_zh: str
    name_en: str
    items: tuple[str, ...]
    method: Method
    min_answered: int  # fewer answered items: the subscale has no score


@dataclass(frozen=True)
class Scoring:
    method: Method  # of the (reversed) item values
    multiplier: float = 1.0  # transformed score, e.g. WHO-5 raw × 4
    missing: MissingRule = MissingRule.NONE
    max_missing: int = 0  # for PRORATE
    round_prorated: bool = True  # a prorated sum is rounded half up to a whole number


@dataclass(frozen=True)
class Band:
    at_least: float  # the band covers at_least ≤ total < next band's at_least
    code: str
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class WarningRule:
    code: str
    level: WarningLevel
    target: str  # "total", "subscale:<id>" or "item:<id>"
    op: str  # one of ">=", ">", "<=", "<", "=="
    value: float
    reason_zh: str
    reason_en: str


@dataclass(frozen=True)
class ScaleDefinition:
    id: str  # "phq9"
    version: str
    short_name: str  # "PHQ-9"
    name_zh: str
    name_en: str
    licence: str
    source: str  # citation of the scale and of its Chinese version
    instructions_zh: str
    instructions_en: str
    option_sets: tuple[OptionSet, ...]
    items: tuple[Item, ...]
    subscales: tuple[Subscale, ...]
    scoring: Scoring
    bands: tuple[Band, ...]  # on the total, ascending
    warnings: tuple[WarningRule, ...]
    digest: str  # SHA-256 of the definition file's bytes: which wording and rules were used

    def option_set(self, item: Item) -> OptionSet:
        return next(s for s in self.option_sets if s.id == item.options)

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)
