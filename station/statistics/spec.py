"""What a statistics table is: its categories, how sensitive it is, which sums hold
between its cells, and how its year-to-date figure relates to the months.

Cells are addressed by ``CellRef``; the margins of a table with ``margins`` use the
reserved category code ``TOTAL`` ("_total") as row and/or column.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

TOTAL = "_total"


class Sensitivity(StrEnum):
    STANDARD = "standard"  # services, attendance: k = 5 by default
    SENSITIVE = "sensitive"  # risk, warnings, crisis, referrals: k = 10, station totals only


class YearToDate(StrEnum):
    SUM = "sum"  # counts of events: YTD(m) = YTD(m−1) + month(m), cell by cell
    DISTINCT = "distinct"  # distinct people/cases: YTD(m) ≥ month(m) and ≥ YTD(m−1)
    NONE = "none"  # a snapshot (e.g. at month end): no year-to-date table


@dataclass(frozen=True)
class Category:
    code: str
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class TableSpec:
    id: str  # "services_by_kind"
    title_zh: str
    title_en: str
    rows: tuple[Category, ...]
    cols: tuple[Category, ...]  # a one-column table has one column, e.g. ("n", "人次")
    sensitivity: Sensitivity
    margins: bool  # categories do not overlap: row/column totals are published and add up
    ytd: YearToDate
    # tables with the same population key have equal grand totals within a period
    # (e.g. people served by gender × age band and by rank level)
    population: str | None = None


@dataclass(frozen=True)
class CellRef:
    table: str  # TableSpec.id
    row: str  # a row code or TOTAL
    col: str  # a column code or TOTAL


@dataclass(frozen=True)
class Relation:
    """An additional linear relation between cells of one period's tables (sense
    "<=" or "=="): sum(coef × cell) <sense> 0. E.g. positive − administered ≤ 0."""

    terms: tuple[tuple[int, CellRef], ...]
    sense: str


@dataclass(frozen=True)
class ShareSpec:
    """A published fraction (0–1), e.g. the share of a scale's administrations that
    screened positive. Published only when numerator and denominator both are."""

    id: str
    label_zh: str
    numerator: CellRef
    denominator: CellRef


@dataclass(frozen=True)
class Policy:
    """Thresholds: counts from 1 to k−1 are suppressed. A city office's policy file
    may change them, but never below MIN_K."""

    k_standard: int = 5
    k_sensitive: int = 10

    MIN_K = 3

    def k(self, sensitivity: Sensitivity) -> int:
        return self.k_sensitive if sensitivity is Sensitivity.SENSITIVE else self.k_standard
