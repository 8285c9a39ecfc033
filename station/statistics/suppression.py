"""Disclosure control for the monthly statistics release: which cells are published,
and the proof that no hidden small count can be worked out from what is published.

The engine works on plain data (no vault, no Qt). One month is protected at a time,
against the ledger of everything published before.

Primary suppression
    A cell (interior or margin) whose true count is 1 … k−1 is hidden; so is a
    non-zero interior cell of a table with margins that equals its row total (row
    with ≥ 2 columns) or its column total (column with ≥ 2 rows): everyone in that
    group has the attribute. Zero is always published. k comes from ``Policy`` by the
    table's sensitivity. Every hidden cell is published as the same ``SUPPRESSED``
    marker, whatever the reason.

The audit (the attacker's linear program)
    Published cells (this release and every earlier one in the ledger) are constants;
    hidden cells are unknowns ≥ 1 (zeros are published, so a hidden cell is never 0)
    and ≤ their table's grand total, or a table of the same population's, where that
    is published. Constraints, each within one period and scope unless said:

    * table sums of tables with margins (row, column and grand totals);
    * equal grand totals of tables with the same ``population``;
    * the extra ``Relation``s, applied in every period and scope where all their cells
      exist (so they must hold for month and year-to-date figures alike), and
      "numerator ≤ denominator" for every ``ShareSpec``;
    * year to date, cell by cell incl. margins, between consecutive releases of a
      calendar year in the ledger (the previous release is normally month m−1):
      SUM: ytd(m) = ytd(prev) + month(m); DISTINCT: ytd(m) ≥ month(m), ytd(m) ≥
      ytd(prev) and ytd(m) ≤ ytd(prev) + month(m) (a union is no larger than its
      parts); the year's first release has ytd = month. This is what the tables
      produce (``station.statistics.tables``): a month that was not released is
      carried into the next release, and the year to date is the sum (union) of the
      year's releases. An attacker who knows that may use it, so the audit does; a
      ledger that breaks it fails the consistency check below instead of being
      audited with relations that do not hold.

    Before auditing, the true counts are checked against every constraint (a
    ValueError names the broken relation): an inconsistent table would make the
    audit meaningless. No true value of a hidden cell enters the program. For every
    primary cell the attacker's minimum and maximum are what SciPy's HiGHS
    (``scipy.optimize.linprog(method="highs")``) finds; the release passes when
    every primary cell's interval is at least k wide (k − 1e-6 for floating point).
    No relation crosses New Year, so ``protect`` reads only this year's ledger.

How the work is kept small (the answers are those of one program per bound)
    * Components: the unknowns are split into connected components (cells linked by
      a constraint). ``protect`` audits only the components reached by a constraint
      that mentions a cell of the new release, but then every primary cell in them,
      of whatever release.
    * Elimination: unknowns pinned by a chain of equations with one unknown left
      are found without a program (and the chain tells which cells pin them).
    * Points: a pass needs only two feasible points whose values of the cell differ
      by k. The true counts are one; every program solved gives another; the
      lowest and highest value seen per cell are kept. Hiding one more cell keeps
      every point feasible, and a cell that passed keeps passing while the same
      release is protected, so it is not audited again.
    * Programs: first one program minimising and one maximising the sum of all
      open cells (many cells reach their extremes at once), then one program per
      open cell and bound, a few at a time as independent copies in one
      block-diagonal program (the objectives add up, so each copy reaches its own
      optimum, for the call overhead of one), this release's cells first, stopping
      at the first failures since a complement is due anyway. Maximised cells are
      capped far above any finite maximum (a maximum at the cap is unbounded).
    * Exact intervals (``audit`` and ``ProtectedRelease.intervals``, the latter
      computed when first read): bounds propagated through the constraints are
      outer bounds; a seen point that reaches one proves it the optimum. Unknowns
      that are always equal (x − y = 0, e.g. January's month and year to date) are
      solved once. Sparse matrices throughout.

Complementary suppression (a documented heuristic, not an optimum)
    Year to date hidden in the previous release of the year stays hidden (when not
    zero): shown, it would narrow last month's hidden figure, and the loop below
    would find that out cell by cell. Then, while some primary cell fails, cells of
    the new release are hidden and the audit runs again: per failing component and
    round one cell for each failing cell (this release's first) unless a cell hidden
    in this round already concerns it. Eligible are the new release's published
    non-zero cells (zeros are never hidden) that share a constraint with an unknown
    of the component. Preferred, in this order:

    1. cells that pin or narrow the failing cell: those of its chain of equations
       when elimination pins it, else those of the constraints and bounds binding
       at its optimum (non-zero duals); then cells of the constraints that contain
       the failing cell; then those of the rest of the component's constraints;
    2. cells of the same table (same period and scope) as the failing cell;
    3. interior cells before margins (totals are the most useful figures);
    4. the smallest value;
    5. the order of the tables and cells in the specs.

    (Interior-before-margins is ranked above smallest-value on purpose: in a 2×2
    table with one small cell, the reverse order hides both margins of the small
    cell's row and column before the diagonal cell, six cells instead of three.)
    Every round hides at least one more cell, so the loop ends; the worst case hides
    every non-zero cell of the release linked to the failing cell. If that is not
    enough, earlier releases alone pin the cell (possible only with a ledger that was
    not protected by this engine, or data that changed): ``SuppressionImpossible``.
    An earlier release's cell that fails three rounds running is tested at once
    against that worst case, so such a ledger fails fast.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.optimize import linprog

from station.errors import StationError
from station.statistics.spec import (
    TOTAL,
    CellRef,
    Policy,
    Relation,
    Sensitivity,
    ShareSpec,
    TableSpec,
    YearToDate,
)

Period = tuple[int, int]  # (year, month)
Scope = Literal["month", "ytd"]
SCOPES: tuple[Scope, ...] = ("month", "ytd")

SUPPRESSED = "*"  # the one marker for every hidden cell, in every format
TOLERANCE = 1e-6  # an interval passes when its width is at least k − TOLERANCE
# Copies of a component solved in one block-diagonal program. Measured on year-long
# components of a few hundred unknowns, 4 beat 2 (call overhead) as well as 8 and 16
# (the solver's time grows faster than the copies; fewer copies at a time let the
# points of one batch settle cells of the next).
_MAX_COPIES = 4
_AGGREGATE_FROM = 4  # more open cells than this: first one program for all of them
_PROPAGATION_SWEEPS = 50  # the bounds stay valid wherever the sweeps stop
_STRIKES = 3  # failures of an earlier release's cell before asking whether it can be saved
_SNAP = 1e-7  # LP values this close to an integer are reported as that integer

Interval = tuple[float, float]
_Loc = tuple[Period, str, str, str, str]  # (period, scope, table, row, col)


@dataclass(frozen=True)
class CellKey:
    period: Period
    scope: Scope
    cell: CellRef


@dataclass(frozen=True)
class RawRelease:
    """One month's true counts, interior cells only (a missing cell counts 0)."""

    period: Period
    month: Mapping[str, Mapping[tuple[str, str], int]]  # table id → (row, col) → count
    ytd: Mapping[str, Mapping[tuple[str, str], int]]  # tables whose ytd is not NONE


@dataclass(frozen=True)
class LedgerCell:
    key: CellKey
    value: int  # the true count; leaves the vault only when published
    published: bool
    primary: bool  # hidden as small or dominant (not as a complement)
    k: int  # the threshold of the cell's table when it was released


@dataclass(frozen=True)
class ProtectedRelease:
    period: Period
    cells: tuple[LedgerCell, ...]  # every cell of the release incl. margins
    shares: Mapping[str, float | None]  # share id → fraction 0–1, None when hidden
    # the final audit: every primary cell in the ledger components this release
    # touches (math.inf for an unbounded maximum); computed when first read
    intervals: Mapping[CellKey, Interval] = field(default_factory=dict)

    def published(self) -> dict[CellKey, int | None]:
        """What may leave the station: the count, or None for the marker."""
        return {c.key: c.value if c.published else None for c in self.cells}

    def formatted(self) -> dict[CellKey, str]:
        """The published figures as text, hidden cells as ``SUPPRESSED``."""
        return {c.key: str(c.value) if c.published else SUPPRESSED for c in self.cells}


class _Lazy(Mapping[CellKey, Interval]):
    """A mapping computed on first use: the exact intervals cost a program per
    primary cell, and the pass/fail verdict that ``protect`` needs is cheaper."""

    def __init__(self, compute: Callable[[], dict[CellKey, Interval]]) -> None:
        self._compute: Callable[[], dict[CellKey, Interval]] | None = compute
        self._value: dict[CellKey, Interval] = {}

    def _data(self) -> dict[CellKey, Interval]:
        if self._compute is not None:
            self._value = self._compute()
            self._compute = None  # and let go of the system it closed over
        return self._value

    def __getitem__(self, key: CellKey) -> Interval:
        return self._data()[key]

    def __iter__(self) -> Iterator[CellKey]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def __repr__(self) -> str:
        return repr(self._data())


class SuppressionImpossible(StationError):
    """A hidden cell can be worked out even with every linked cell of the new release
    hidden: earlier releases alone give it away."""

    def __init__(self, period: Period, key: CellKey, interval: Interval) -> None:
        y, m = key.period
        ref = key.cell
        where = f"{y}-{m:02d} {key.scope} {ref.table} ({ref.row}, {ref.col})"
        lo, hi = interval
        super().__init__(
            f"无法生成 {period[0]} 年 {period[1]} 月的统计：已发布的各期数据本身就能把"
            f"隐藏的单元格 {where} 推算到 {lo:g}–{hi:g} 的范围内，即使本月全部相关数字"
            "都隐藏也无法保护。以往的发布记录可能不一致，请联系技术支持。",
            f"Cannot protect the statistics of {period[0]}-{period[1]:02d}: the releases "
            f"already published narrow the hidden cell {where} to {lo:g}–{hi:g}, even with "
            "every linked cell of this month hidden. The release ledger may be "
            "inconsistent; contact support.",
        )
        self.key = key
        self.interval = interval


# ---------------------------------------------------------------------------
# Table layout and validation


@dataclass(frozen=True)
class _Layout:
    spec: TableSpec
    cells: tuple[tuple[str, str], ...]  # display order, margins included
    margin: frozenset[tuple[str, str]]
    sums: tuple[tuple[tuple[tuple[str, str], ...], tuple[str, str]], ...]  # parts, total
    grand_total: tuple[str, str] | None


@lru_cache(maxsize=256)
def _layout(spec: TableSpec) -> _Layout:
    rows = [r.code for r in spec.rows]
    cols = [c.code for c in spec.cols]
    interior = [(r, c) for r in rows for c in cols]
    if not spec.margins:
        return _Layout(spec, tuple(interior), frozenset(), (), None)
    # A total over a single category would repeat that category: a one-column table
    # has only the column total, a one-row table only the row total.
    row_totals = len(cols) >= 2
    col_totals = len(rows) >= 2
    cells: list[tuple[str, str]] = []
    for r in rows:
        cells.extend((r, c) for c in cols)
        if row_totals:
            cells.append((r, TOTAL))
    if col_totals:
        cells.extend((TOTAL, c) for c in cols)
        if row_totals:
            cells.append((TOTAL, TOTAL))
    sums: list[tuple[tuple[tuple[str, str], ...], tuple[str, str]]] = []
    if row_totals:
        sums.extend((tuple((r, c) for c in cols), (r, TOTAL)) for r in rows)
    if col_totals:
        sums.extend((tuple((r, c) for r in rows), (TOTAL, c)) for c in cols)
    if row_totals and col_totals:
        sums.append((tuple((r, TOTAL) for r in rows), (TOTAL, TOTAL)))
        sums.append((tuple((TOTAL, c) for c in cols), (TOTAL, TOTAL)))
    if row_totals and col_totals:
        grand: tuple[str, str] = (TOTAL, TOTAL)
    elif col_totals:
        grand = (TOTAL, cols[0])
    elif row_totals:
        grand = (rows[0], TOTAL)
    else:
        grand = (rows[0], cols[0])  # 1 × 1: the single cell is its own total
    return _Layout(spec, tuple(cells), frozenset(cells) - set(interior), tuple(sums), grand)


def table_cells(spec: TableSpec) -> tuple[CellRef, ...]:
    """Every cell of a table, margins included, in display order (rows, each with its
    row total, then the column totals and the grand total)."""
    return tuple(CellRef(spec.id, r, c) for r, c in _layout(spec).cells)


def grand_total(spec: TableSpec) -> CellRef | None:
    """The cell holding the table's grand total; None for a table without margins."""
    g = _layout(spec).grand_total
    return None if g is None else CellRef(spec.id, *g)


def share_relations(shares: Sequence[ShareSpec]) -> list[Relation]:
    """The relation numerator ≤ denominator of each share: what a published share
    implies (the share itself follows from the two published counts)."""
    return [Relation(((1, s.numerator), (-1, s.denominator)), "<=") for s in shares]


def validate_specs(
    specs: Sequence[TableSpec],
    relations: Sequence[Relation] = (),
    shares: Sequence[ShareSpec] = (),
    policy: Policy | None = None,
) -> None:
    """Raise ValueError for a spec set the engine must not work with."""
    layouts: dict[str, _Layout] = {}
    for spec in specs:
        if spec.id in layouts:
            raise ValueError(f"table {spec.id!r} is specified twice")
        if not spec.rows or not spec.cols:
            raise ValueError(f"table {spec.id!r} has no rows or no columns")
        for axis, cats in (("row", spec.rows), ("column", spec.cols)):
            codes = [c.code for c in cats]
            if len(set(codes)) != len(codes):
                raise ValueError(f"table {spec.id!r} repeats a {axis} code")
            if TOTAL in codes:
                raise ValueError(f"table {spec.id!r} uses the reserved code {TOTAL!r}")
        if spec.sensitivity is Sensitivity.SENSITIVE and len(spec.cols) != 1:
            raise ValueError(
                f"sensitive table {spec.id!r} must have exactly one column: sensitive "
                "figures go out as station totals only, without cross-tabulation"
            )
        if spec.population is not None and not spec.margins:
            raise ValueError(f"table {spec.id!r} has a population but no margins (no total)")
        layouts[spec.id] = _layout(spec)
    kinds: dict[str, YearToDate] = {}
    for spec in specs:
        if spec.population is not None and (
            kinds.setdefault(spec.population, spec.ytd) is not spec.ytd
        ):
            raise ValueError(
                f"tables of population {spec.population!r} differ in year-to-date kind"
            )
    for rel in [*relations, *share_relations(shares)]:
        if rel.sense not in ("<=", "=="):
            raise ValueError(f"relation sense {rel.sense!r} is neither '<=' nor '=='")
        if not rel.terms or any(coef == 0 for coef, _ in rel.terms):
            raise ValueError(f"relation {rel} has no terms or a zero coefficient")
        for _, ref in rel.terms:
            lay = layouts.get(ref.table)
            if lay is None or (ref.row, ref.col) not in lay.cells:
                raise ValueError(f"relation refers to an unknown cell {ref}")
    share_ids = [s.id for s in shares]
    if len(set(share_ids)) != len(share_ids):
        raise ValueError("a share id is used twice")
    if policy is not None and min(policy.k_standard, policy.k_sensitive) < Policy.MIN_K:
        raise ValueError(f"policy thresholds below {Policy.MIN_K}: {policy}")


# ---------------------------------------------------------------------------
# True cells of a release


def complete_cells(specs: Sequence[TableSpec], raw: RawRelease) -> dict[CellKey, int]:
    """Every cell of the release, interior and margins, month and year to date, in
    the order of the specs (display order within a table)."""
    known = {s.id for s in specs}
    for scope, data in (("month", raw.month), ("ytd", raw.ytd)):
        extra = set(data) - known
        if extra:
            raise ValueError(f"{scope} counts for unknown tables {sorted(extra)}")
    out: dict[CellKey, int] = {}
    for spec in specs:
        lay = _layout(spec)
        scopes: list[tuple[Scope, Mapping[tuple[str, str], int]]] = []
        if spec.id not in raw.month:
            raise ValueError(f"no month counts for table {spec.id!r}")
        scopes.append(("month", raw.month[spec.id]))
        if spec.ytd is YearToDate.NONE:
            if spec.id in raw.ytd:
                raise ValueError(f"table {spec.id!r} has no year-to-date table")
        else:
            if spec.id not in raw.ytd:
                raise ValueError(f"no year-to-date counts for table {spec.id!r}")
            scopes.append(("ytd", raw.ytd[spec.id]))
        rows = [r.code for r in spec.rows]
        cols = [c.code for c in spec.cols]
        for scope, counts in scopes:
            for rc, v in counts.items():
                if rc[0] not in rows or rc[1] not in cols:
                    raise ValueError(f"{spec.id!r} has no interior cell {rc}")
                if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                    raise ValueError(f"{spec.id!r} {rc}: a count must be an integer ≥ 0")
            values: dict[tuple[str, str], int] = {}
            for r in rows:
                for c in cols:
                    values[(r, c)] = counts.get((r, c), 0)
            if spec.margins:
                for r in rows:
                    values[(r, TOTAL)] = sum(values[(r, c)] for c in cols)
                for c in cols:
                    values[(TOTAL, c)] = sum(values[(r, c)] for r in rows)
                values[(TOTAL, TOTAL)] = sum(values[(r, TOTAL)] for r in rows)
            for r, c in lay.cells:
                out[CellKey(raw.period, scope, CellRef(spec.id, r, c))] = values[(r, c)]
    return out


def _primary(
    spec: TableSpec, values: Mapping[tuple[str, str], int], k: int
) -> set[tuple[str, str]]:
    """Small cells (1 … k−1, margins too) and dominant interior cells."""
    lay = _layout(spec)
    out = {rc for rc in lay.cells if 1 <= values[rc] < k}
    if spec.margins:
        rows = [r.code for r in spec.rows]
        cols = [c.code for c in spec.cols]
        for r in rows:
            for c in cols:
                v = values[(r, c)]
                if v == 0:
                    continue
                row_total = sum(values[(r, x)] for x in cols)
                col_total = sum(values[(x, c)] for x in rows)
                if (len(cols) >= 2 and v == row_total) or (len(rows) >= 2 and v == col_total):
                    out.add((r, c))
    return out


# ---------------------------------------------------------------------------
# The attacker's constraint system


@dataclass
class _Row:
    """One constraint of a component's program: sum(coef × unknown) (= or ≤) rhs."""

    terms: list[tuple[int, float]]  # (local unknown, coefficient)
    rhs: float
    con: int  # the constraint's index in the system


class _System:
    """All cells of the releases considered, their constraints, and the published
    flags (which ``protect`` changes as it hides complements)."""

    def __init__(
        self,
        layouts: Mapping[str, _Layout],
        relations: Sequence[Relation],
        cells: Sequence[LedgerCell],
    ) -> None:
        self.keys: list[CellKey] = []
        self.value: list[int] = []
        self.pub: list[bool] = []
        self.primary: list[bool] = []
        self.k: list[int] = []
        self.margin: list[bool] = []
        self.group: list[int] = []  # index of (period, scope, table)
        self.order: list[int] = []  # spec order, for a stable choice of complements
        index: dict[_Loc, int] = {}
        groups: dict[tuple[Period, str, str], int] = {}
        table_rank = {tid: n for n, tid in enumerate(layouts)}
        for cell in cells:
            key = cell.key
            ref = key.cell
            loc: _Loc = (key.period, key.scope, ref.table, ref.row, ref.col)
            if loc in index:
                raise ValueError(f"cell {key} appears twice in the ledger")
            if cell.value < 0:
                raise ValueError(f"cell {key} has a negative count")
            if not cell.published and cell.value == 0:
                raise ValueError(f"cell {key} is zero but hidden: zeros are always published")
            index[loc] = len(self.keys)
            self.keys.append(key)
            self.value.append(cell.value)
            self.pub.append(cell.published)
            self.primary.append(cell.primary and not cell.published)
            self.k.append(cell.k)
            lay = layouts.get(ref.table)
            self.margin.append(lay is not None and (ref.row, ref.col) in lay.margin)
            self.group.append(groups.setdefault((key.period, key.scope, ref.table), len(groups)))
            pos = (
                lay.cells.index((ref.row, ref.col))
                if lay and (ref.row, ref.col) in lay.cells
                else 0
            )
            self.order.append(table_rank.get(ref.table, len(table_rank)) * 100_000 + pos)
        self.con_cells: list[tuple[int, ...]] = []
        self.con_coefs: list[tuple[int, ...]] = []
        self.con_eq: list[bool] = []
        self.cell_cons: list[list[int]] = [[] for _ in self.keys]
        # the grand totals that bound each cell: its own table's and, through a
        # population, those of tables with the same population in that period/scope
        self.bound_by: list[tuple[int, ...]] = [() for _ in self.keys]
        self._build(layouts, relations, index, groups)

    def _add(self, terms: Iterable[tuple[int, int | None]], eq: bool) -> None:
        merged: dict[int, int] = defaultdict(int)
        for coef, idx in terms:
            if idx is None:
                return  # a cell of the relation is not in the ledger: no relation
            merged[idx] += coef
        items = [(i, a) for i, a in merged.items() if a != 0]
        if not items:
            return
        n = len(self.con_cells)
        self.con_cells.append(tuple(i for i, _ in items))
        self.con_coefs.append(tuple(a for _, a in items))
        self.con_eq.append(eq)
        for i, _ in items:
            self.cell_cons[i].append(n)

    def _build(
        self,
        layouts: Mapping[str, _Layout],
        relations: Sequence[Relation],
        index: Mapping[_Loc, int],
        groups: Mapping[tuple[Period, str, str], int],
    ) -> None:
        def at(period: Period, scope: str, table: str, rc: tuple[str, str]) -> int | None:
            return index.get((period, scope, table, rc[0], rc[1]))

        periods_scopes = sorted({(p, s) for p, s, _ in groups})
        for period, scope, table in groups:
            lay = layouts.get(table)
            if lay is None:
                continue  # a table no longer specified: its cells stand alone
            for parts, total in lay.sums:
                self._add(
                    [
                        *((1, at(period, scope, table, rc)) for rc in parts),
                        (-1, at(period, scope, table, total)),
                    ],
                    eq=True,
                )
        # equal grand totals within a population, and the bounds they give
        for period, scope in periods_scopes:
            by_population: dict[str, list[int]] = defaultdict(list)
            own: dict[str, int] = {}
            for table, lay in layouts.items():
                if lay.grand_total is None:
                    continue
                gt = at(period, scope, table, lay.grand_total)
                if gt is None:
                    continue
                own[table] = gt
                if lay.spec.population is not None:
                    by_population[lay.spec.population].append(gt)
            for gts in by_population.values():
                for other in gts[1:]:
                    self._add([(1, gts[0]), (-1, other)], eq=True)
            for table, gt in own.items():
                pop = layouts[table].spec.population
                sources = tuple(by_population[pop]) if pop is not None else (gt,)
                for rc in layouts[table].cells:
                    idx = at(period, scope, table, rc)
                    if idx is not None:
                        self.bound_by[idx] = tuple(s for s in sources if s != idx)
            for rel in relations:
                self._add(
                    [
                        (coef, at(period, scope, ref.table, (ref.row, ref.col)))
                        for coef, ref in rel.terms
                    ],
                    eq=rel.sense == "==",
                )
        # year to date against the months, within a calendar year
        ytd_months: dict[tuple[str, int], list[int]] = defaultdict(list)
        for period, scope, table in groups:
            if scope == "ytd":
                ytd_months[(table, period[0])].append(period[1])
        for (table, year), months in ytd_months.items():
            lay = layouts.get(table)
            if lay is None or lay.spec.ytd is YearToDate.NONE:
                continue
            summed = lay.spec.ytd is YearToDate.SUM
            months.sort()
            for n, m in enumerate(months):
                for rc in lay.cells:
                    y_now = at((year, m), "ytd", table, rc)
                    month = at((year, m), "month", table, rc)
                    if n == 0:
                        # the year's first release (of this table): its year to date
                        # is its month, records of unreleased months being carried
                        # into the next release
                        self._add([(1, y_now), (-1, month)], eq=True)
                        continue
                    y_before = at((year, months[n - 1]), "ytd", table, rc)
                    if summed:
                        self._add([(1, y_before), (1, month), (-1, y_now)], eq=True)
                    else:
                        self._add([(1, month), (-1, y_now)], eq=False)
                        self._add([(1, y_before), (-1, y_now)], eq=False)
                        self._add([(1, y_now), (-1, y_before), (-1, month)], eq=False)

    def check_consistent(self) -> None:
        """The true counts must satisfy every constraint; otherwise the tables were
        built wrongly and the audit would be meaningless."""
        value = self.value
        for n, cells in enumerate(self.con_cells):
            total = sum(a * value[i] for i, a in zip(cells, self.con_coefs[n], strict=True))
            if total > 0 or (self.con_eq[n] and total != 0):
                terms = " ".join(
                    f"{a:+d}×{self.keys[i]}={value[i]}"
                    for i, a in zip(cells, self.con_coefs[n], strict=True)
                )
                sense = "==" if self.con_eq[n] else "<="
                raise ValueError(f"the counts break a relation: {terms} {sense} 0")

    # -- components -------------------------------------------------------

    def components(self, seeds: Iterable[int]) -> list[list[int]]:
        pub = self.pub
        seen: set[int] = set()
        out: list[list[int]] = []
        for s in seeds:
            if pub[s] or s in seen:
                continue
            seen.add(s)
            stack = [s]
            comp: list[int] = []
            while stack:
                v = stack.pop()
                comp.append(v)
                for con in self.cell_cons[v]:
                    for u in self.con_cells[con]:
                        if not pub[u] and u not in seen:
                            seen.add(u)
                            stack.append(u)
            comp.sort()
            out.append(comp)
        return out

    def constraints_of(self, comp: Iterable[int]) -> set[int]:
        return {con for v in comp for con in self.cell_cons[v]}

    def passes(self, cell: int, interval: Interval) -> bool:
        lo, hi = interval
        return hi - lo >= self.k[cell] - TOLERANCE


def _snap(x: float) -> float:
    r = round(x)
    return float(r) if abs(x - r) < _SNAP else x


class _Witnesses:
    """Feasible points of the attacker's program seen so far, kept as the lowest and
    highest value each cell took in any of them; the true counts are the first. Two
    points that differ by k in a cell prove its interval at least k wide without
    solving for it. Hiding one more cell keeps every point feasible (the cell keeps
    its true value there), so the record stays valid while a release is protected."""

    def __init__(self, values: Sequence[int]) -> None:
        self.low = np.asarray(values, dtype=np.float64)
        self.high = self.low.copy()

    def add(self, cells: npt.NDArray[np.intp], x: npt.NDArray[np.float64]) -> None:
        self.low[cells] = np.minimum(self.low[cells], x)
        self.high[cells] = np.maximum(self.high[cells], x)

    def copy(self) -> _Witnesses:
        other = _Witnesses(())
        other.low = self.low.copy()
        other.high = self.high.copy()
        return other

    def width(self, cell: int) -> float:
        return float(self.high[cell] - self.low[cell])


@dataclass
class _Solved:
    """One copy of a component's program, solved."""

    x: npt.NDArray[np.float64]
    reasons: set[int]  # cells of the constraints and bounds binding at the optimum


@dataclass
class _Verdict:
    passed: list[int] = field(default_factory=list)
    # failing cell → its interval and the cells that pin or narrow it
    failing: dict[int, tuple[Interval, set[int]]] = field(default_factory=dict)


@dataclass
class _LPResult:
    x: npt.NDArray[np.float64]
    eq_marginals: npt.NDArray[np.float64]
    ub_marginals: npt.NDArray[np.float64]
    upper_marginals: npt.NDArray[np.float64]


_Copy = tuple[Mapping[int, float], Sequence[int]]  # objective (local → coef), capped unknowns
_Coo = tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.float64]]


class _Component:
    """The attacker's program over one connected component of unknowns: published
    cells are constants, hidden cells unknowns in [1, grand total]."""

    def __init__(self, system: _System, cells: list[int]) -> None:
        self.system = system
        self.cells = cells
        self.index = np.asarray(cells, dtype=np.intp)
        self.local = {v: n for n, v in enumerate(cells)}
        pub, value = system.pub, system.value
        self.eq: list[_Row] = []
        self.ub: list[_Row] = []
        for con in sorted(system.constraints_of(cells)):
            rhs = 0
            terms: list[tuple[int, float]] = []
            for i, a in zip(system.con_cells[con], system.con_coefs[con], strict=True):
                if pub[i]:
                    rhs -= a * value[i]
                else:
                    terms.append((self.local[i], float(a)))
            (self.eq if system.con_eq[con] else self.ub).append(_Row(terms, float(rhs), con))
        nv = len(cells)
        self.lower = np.ones(nv)
        self.upper = np.full(nv, math.inf)
        self.upper_by = [-1] * nv  # the published grand total giving the upper bound
        for n, v in enumerate(cells):
            for src in system.bound_by[v]:
                if pub[src] and value[src] < self.upper[n]:
                    self.upper[n] = value[src]
                    self.upper_by[n] = src
        # A maximised unknown is capped here so that every program is bounded; a
        # maximum at the cap means unbounded. With the ±1 relations of these tables
        # a finite maximum is at most a sum of published figures, far below the cap.
        finite = self.upper[np.isfinite(self.upper)]
        self.cap = 10.0 * (
            1.0
            + nv
            + sum(abs(r.rhs) for r in self.eq)
            + sum(abs(r.rhs) for r in self.ub)
            + float(finite.sum())
        )
        self.fixed, self.fixed_by = _eliminate(self.eq)
        self.alias = _aliases(self.eq, nv)
        self._eq_coo = _coo(self.eq)
        self._ub_coo = _coo(self.ub)

    # -- solving ------------------------------------------------------------

    def run(self, copies: Sequence[_Copy], witnesses: _Witnesses | None) -> list[_Solved]:
        out: list[_Solved] = []
        for start in range(0, len(copies), _MAX_COPIES):
            out.extend(self._run(copies[start : start + _MAX_COPIES]))
        if witnesses is not None:
            for solved in out:
                witnesses.add(self.index, solved.x)
        return out

    def _run(self, copies: Sequence[_Copy]) -> list[_Solved]:
        """One program of independent copies of the component (block diagonal):
        the objectives add up, so each copy reaches its own optimum, at the call
        overhead of one program."""
        nv, n = len(self.cells), len(copies)
        a_eq, b_eq = _blocks(self._eq_coo, self.eq, nv, n)
        a_ub, b_ub = _blocks(self._ub_coo, self.ub, nv, n)
        c = np.zeros(nv * n)
        lower = np.tile(self.lower, n)
        upper = np.tile(self.upper, n)
        for b, (objective, capped) in enumerate(copies):
            for v, coef in objective.items():
                c[b * nv + v] = coef
            for v in capped:
                upper[b * nv + v] = min(upper[b * nv + v], self.cap)
        res = _linprog(c, a_ub, b_ub, a_eq, b_eq, np.column_stack([lower, upper]))
        out: list[_Solved] = []
        con_cells = self.system.con_cells
        for b in range(n):
            reasons: set[int] = set()
            for rows, marginals in ((self.eq, res.eq_marginals), (self.ub, res.ub_marginals)):
                part = marginals[b * len(rows) : (b + 1) * len(rows)]
                for r in np.flatnonzero(np.abs(part) > 1e-9):
                    reasons.update(con_cells[rows[r].con])
            part = res.upper_marginals[b * nv : (b + 1) * nv]
            reasons.update(self.upper_by[v] for v in np.flatnonzero(np.abs(part) > 1e-9))
            reasons.discard(-1)
            out.append(_Solved(res.x[b * nv : (b + 1) * nv], reasons))
        return out

    def _high(self, x: float) -> float:
        return math.inf if x >= self.cap - 0.5 else _snap(x)

    def _single(self) -> Interval:
        """One unknown and only inequalities: its bounds need no solver."""
        lo, hi = float(self.lower[0]), float(self.upper[0])
        for row in self.ub:
            ((_, a),) = row.terms
            if a > 0:
                hi = min(hi, row.rhs / a)
            else:
                lo = max(lo, row.rhs / a)
        if lo > hi + TOLERANCE:
            raise RuntimeError("the attacker's program is infeasible: the ledger is inconsistent")
        return (_snap(lo), hi if math.isinf(hi) else _snap(hi))

    def _derivation_cells(self, v: int) -> set[int]:
        """The cells of the chain of equations that pins unknown ``v``."""
        rows: set[int] = set()
        stack = [v]
        while stack:
            u = stack.pop()
            n = self.fixed_by[u]
            if n in rows:
                continue
            rows.add(n)
            stack.extend(w for w, _ in self.eq[n].terms if w != u and w in self.fixed_by)
        return {i for n in rows for i in self.system.con_cells[self.eq[n].con]}

    # -- the two questions ----------------------------------------------------

    def check(
        self, targets: Sequence[int], witnesses: _Witnesses, *, first_failures: bool = True
    ) -> _Verdict:
        """Which target primary cells pass (interval ≥ k) and which fail. Pinned
        cells are reported at once, without solving anything; with
        ``first_failures`` the check also stops at the first batch with a failing
        cell (a complement is due anyway): cells in neither list are undecided."""
        system = self.system
        verdict = _Verdict()
        for t in targets:
            lt = self.local[t]
            if lt in self.fixed:
                x = _snap(self.fixed[lt])
                verdict.failing[t] = ((x, x), self._derivation_cells(lt))
        if verdict.failing:
            return verdict
        if len(self.cells) == 1 and not self.eq:
            (t,) = targets
            interval = self._single()
            if not system.passes(t, interval):
                reasons = {i for row in self.ub for i in system.con_cells[row.con]}
                reasons.add(self.upper_by[0])
                reasons.discard(-1)
                verdict.failing[t] = (interval, reasons)
            verdict.passed = [t for t in targets if t not in verdict.failing]
            return verdict

        def still_open(cells: Iterable[int]) -> list[int]:
            return [t for t in cells if witnesses.width(t) < system.k[t] - TOLERANCE]

        todo = still_open(targets)
        if len(todo) > _AGGREGATE_FROM:
            # points for many cells at once: all as low, and all as high, as they go
            lows = {self.local[t]: 1.0 for t in todo}
            highs = {self.local[t]: -1.0 for t in todo}
            self.run([(lows, ()), (highs, list(highs))], witnesses)
            todo = still_open(todo)
        verified = {t for t in targets if t not in todo}
        # Cell by cell, a few at a time: points found for some may settle others, and
        # once cells fail the caller hides complements and asks again anyway.
        for start in range(0, len(todo), _MAX_COPIES):
            chunk = still_open(todo[start : start + _MAX_COPIES])
            verified.update(t for t in todo[start : start + _MAX_COPIES] if t not in chunk)
            if not chunk:
                continue
            found_max = self.run(
                [({self.local[t]: -1.0}, [self.local[t]]) for t in chunk], witnesses
            )
            highest = {
                t: (self._high(float(s.x[self.local[t]])), s.reasons)
                for t, s in zip(chunk, found_max, strict=True)
            }
            narrow = [
                t for t in chunk if highest[t][0] - witnesses.low[t] < system.k[t] - TOLERANCE
            ]
            verified.update(t for t in chunk if t not in narrow)
            lowest: dict[int, tuple[float, set[int]]] = {
                t: (1.0, set()) for t in narrow if witnesses.low[t] <= 1 + _SNAP
            }
            need = [t for t in narrow if t not in lowest]
            found_min = self.run([({self.local[t]: 1.0}, ()) for t in need], witnesses)
            for t, s in zip(need, found_min, strict=True):
                lowest[t] = (_snap(float(s.x[self.local[t]])), s.reasons)
            for t in narrow:
                interval = (lowest[t][0], highest[t][0])
                if system.passes(t, interval):
                    verified.add(t)
                else:
                    verdict.failing[t] = (interval, highest[t][1] | lowest[t][1])
            if verdict.failing and first_failures:
                break
        verdict.passed = [t for t in targets if t in verified]
        return verdict

    def exact(self, targets: Sequence[int], witnesses: _Witnesses) -> dict[int, Interval]:
        """The attacker's exact [min, max] of each target."""
        out: dict[int, Interval] = {}
        rest: list[int] = []
        for t in targets:
            lt = self.local[t]
            if lt in self.fixed:
                x = _snap(self.fixed[lt])
                out[t] = (x, x)
            else:
                rest.append(t)
        if not rest:
            return out
        if len(self.cells) == 1 and not self.eq:
            out[rest[0]] = self._single()
            return out
        cells = self.cells
        reps = sorted({self.alias[self.local[t]] for t in rest})  # equal unknowns once
        # Outer bounds by propagation through the constraints: a bound that a seen
        # point reaches is the optimum, with no program of its own.
        outer_lo, outer_hi = self._propagate()

        def low_known(v: int) -> bool:
            return bool(witnesses.low[cells[v]] <= outer_lo[v] + _SNAP)

        def high_known(v: int) -> bool:  # at the cap (unbounded) or at the outer bound
            seen = witnesses.high[cells[v]]
            return bool(seen >= self.cap - 0.5 or seen >= outer_hi[v] - _SNAP)

        lo: dict[int, float] = {}
        hi: dict[int, float] = {}
        need_lo = [v for v in reps if not low_known(v)]
        need_hi = [v for v in reps if not high_known(v)]
        while len(need_lo) + len(need_hi) > _AGGREGATE_FROM:
            # one program for all still open: all as low, all as high, as they go
            copies: list[_Copy] = []
            if need_lo:
                copies.append(({v: 1.0 for v in need_lo}, ()))
            if need_hi:
                copies.append(({v: -1.0 for v in need_hi}, need_hi))
            self.run(copies, witnesses)
            before = len(need_lo) + len(need_hi)
            need_lo = [v for v in need_lo if not low_known(v)]
            need_hi = [v for v in need_hi if not high_known(v)]
            if len(need_lo) + len(need_hi) > before - 2:
                break
        # then a few at a time: each point found may settle other cells too
        while True:
            need_lo = [v for v in need_lo if v not in lo and not low_known(v)]
            need_hi = [v for v in need_hi if v not in hi and not high_known(v)]
            if not need_lo and not need_hi:
                break
            batch_lo = need_lo[:_MAX_COPIES]
            batch_hi = need_hi[: _MAX_COPIES - len(batch_lo)]
            solved = self.run(
                [({v: 1.0}, ()) for v in batch_lo] + [({v: -1.0}, [v]) for v in batch_hi],
                witnesses,
            )
            for v, s in zip(batch_lo, solved, strict=False):
                lo[v] = _snap(float(s.x[v]))
            for v, s in zip(batch_hi, solved[len(batch_lo) :], strict=True):
                hi[v] = self._high(float(s.x[v]))
        for t in rest:
            v = self.alias[self.local[t]]
            if v in hi:
                high = hi[v]
            elif witnesses.high[cells[v]] >= self.cap - 0.5:
                high = math.inf
            else:
                high = _snap(float(outer_hi[v]))
            out[t] = (lo[v] if v in lo else _snap(float(outer_lo[v])), high)
        return out

    def _propagate(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """Bounds implied by each constraint in turn, repeated (interval constraint
        propagation): outer bounds, valid whenever the sweeps stop."""
        lo = self.lower.copy()
        hi = self.upper.copy()
        sides: list[tuple[list[tuple[int, float]], float]] = []
        for row in self.eq:  # an equation bounds both ways
            sides.append((row.terms, row.rhs))
            sides.append(([(v, -a) for v, a in row.terms], -row.rhs))
        sides.extend((row.terms, row.rhs) for row in self.ub)
        for _ in range(_PROPAGATION_SWEEPS):
            changed = False
            for terms, rhs in sides:
                # a_j x_j ≤ rhs − Σ_{i≠j} min(a_i x_i)
                least = [a * lo[v] if a > 0 else a * hi[v] for v, a in terms]
                unbounded = sum(1 for m in least if m == -math.inf)
                finite = sum(m for m in least if m != -math.inf)
                if unbounded > 1:
                    continue
                for (v, a), m in zip(terms, least, strict=True):
                    if unbounded and m != -math.inf:
                        continue
                    bound = (rhs - (finite if m == -math.inf else finite - m)) / a
                    if a > 0 and bound < hi[v] - 1e-9:
                        hi[v] = bound
                        changed = True
                    elif a < 0 and bound > lo[v] + 1e-9:
                        lo[v] = bound
                        changed = True
            if not changed:
                break
        return lo, hi


def _coo(rows: Sequence[_Row]) -> _Coo:
    r_idx = [n for n, row in enumerate(rows) for _ in row.terms]
    c_idx = [v for row in rows for v, _ in row.terms]
    vals = [a for row in rows for _, a in row.terms]
    return (
        np.asarray(r_idx, dtype=np.intp),
        np.asarray(c_idx, dtype=np.intp),
        np.asarray(vals, dtype=np.float64),
    )


def _blocks(
    coo: _Coo, rows: Sequence[_Row], nv: int, copies: int
) -> tuple[sparse.csr_array | None, npt.NDArray[np.float64] | None]:
    """``copies`` copies of the rows on the block diagonal, and the right side."""
    if not rows:
        return None, None
    r_idx, c_idx, vals = coo
    nr = len(rows)
    offs = np.arange(copies)[:, None]
    rr = (r_idx[None, :] + offs * nr).ravel()
    cc = (c_idx[None, :] + offs * nv).ravel()
    mat = sparse.csr_array((np.tile(vals, copies), (rr, cc)), shape=(nr * copies, nv * copies))
    rhs = np.tile(np.asarray([row.rhs for row in rows], dtype=np.float64), copies)
    return mat, rhs


def _eliminate(eq: Sequence[_Row]) -> tuple[dict[int, float], dict[int, int]]:
    """Unknowns determined by equations with one unknown left, repeatedly (what an
    attacker does by hand). Returns each value and the deciding row of ``eq``."""
    remaining = [len(row.terms) for row in eq]
    resid = [row.rhs for row in eq]
    rows_of: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for n, row in enumerate(eq):
        for v, a in row.terms:
            rows_of[v].append((n, a))
    queue = [n for n, c in enumerate(remaining) if c == 1]
    fixed: dict[int, float] = {}
    fixed_by: dict[int, int] = {}
    while queue:
        n = queue.pop()
        if remaining[n] != 1:
            continue
        v, a = next((v, a) for v, a in eq[n].terms if v not in fixed)
        x = resid[n] / a
        fixed[v] = x
        fixed_by[v] = n
        for m, b in rows_of[v]:
            resid[m] -= b * x
            remaining[m] -= 1
            if remaining[m] == 1:
                queue.append(m)
    return fixed, fixed_by


def _aliases(eq: Sequence[_Row], nv: int) -> list[int]:
    """For each unknown, the lowest unknown it always equals (x − y = 0 rows, e.g.
    January's year to date and month): their intervals are solved once."""
    parent = list(range(nv))

    def find(v: int) -> int:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for row in eq:
        if len(row.terms) == 2 and row.rhs == 0:
            (u, a), (w, b) = row.terms
            if a == -b:
                ru, rw = find(u), find(w)
                if ru != rw:
                    parent[max(ru, rw)] = min(ru, rw)
    return [find(v) for v in range(nv)]


def _linprog(
    c: npt.NDArray[np.float64],
    a_ub: sparse.csr_array | None,
    b_ub: npt.NDArray[np.float64] | None,
    a_eq: sparse.csr_array | None,
    b_eq: npt.NDArray[np.float64] | None,
    bounds: npt.NDArray[np.float64],
) -> _LPResult:
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
    if res.status != 0:
        # The true counts are a solution (checked beforehand) and every maximised
        # unknown is capped, so neither infeasible nor unbounded can honestly occur.
        raise RuntimeError(f"the attacker's program failed: {res.message}")
    empty = np.zeros(0)
    return _LPResult(
        np.asarray(res.x, dtype=np.float64),
        np.asarray(res.eqlin.marginals, dtype=np.float64) if a_eq is not None else empty,
        np.asarray(res.ineqlin.marginals, dtype=np.float64) if a_ub is not None else empty,
        np.asarray(res.upper.marginals, dtype=np.float64),
    )


# ---------------------------------------------------------------------------
# Public entry points


def _layouts(
    specs: Sequence[TableSpec],
    relations: Sequence[Relation],
    shares: Sequence[ShareSpec],
    policy: Policy | None = None,
) -> dict[str, _Layout]:
    validate_specs(specs, relations, shares, policy)
    return {s.id: _layout(s) for s in specs}


def audit(
    specs: Sequence[TableSpec],
    relations: Sequence[Relation],
    cells: Sequence[LedgerCell],
    *,
    shares: Sequence[ShareSpec] = (),
) -> dict[CellKey, Interval]:
    """The attacker's [min, max] for every primary (hidden) cell among ``cells`` (all
    releases together); math.inf for an unbounded maximum. ``shares`` add their
    "numerator ≤ denominator" relations, as ``protect`` does."""
    layouts = _layouts(specs, relations, shares)
    system = _System(layouts, [*relations, *share_relations(shares)], cells)
    system.check_consistent()
    witnesses = _Witnesses(system.value)
    out: dict[CellKey, Interval] = {}
    for comp in system.components(range(len(system.keys))):
        targets = [v for v in comp if system.primary[v]]
        if targets:
            for v, interval in _Component(system, comp).exact(targets, witnesses).items():
                out[system.keys[v]] = interval
    return out


def protect(
    specs: Sequence[TableSpec],
    relations: Sequence[Relation],
    shares: Sequence[ShareSpec],
    raw: RawRelease,
    ledger: Sequence[LedgerCell],
    policy: Policy,
) -> ProtectedRelease:
    """Decide which cells of ``raw`` are published so that no primary cell, of this
    release or an earlier one in ``ledger``, can be narrowed below k."""
    layouts = _layouts(specs, relations, shares, policy)
    year = raw.period[0]
    if any(c.key.period == raw.period for c in ledger):
        raise ValueError(f"{raw.period} is already in the release ledger")
    true = complete_cells(specs, raw)
    current: list[LedgerCell] = []
    for spec in specs:
        k = policy.k(spec.sensitivity)
        for scope in SCOPES:
            if scope == "ytd" and spec.ytd is YearToDate.NONE:
                continue
            values = {
                rc: true[CellKey(raw.period, scope, CellRef(spec.id, *rc))]
                for rc in _layout(spec).cells
            }
            small_or_dominant = _primary(spec, values, k)
            for rc, v in values.items():
                hidden = rc in small_or_dominant
                key = CellKey(raw.period, scope, CellRef(spec.id, *rc))
                current.append(LedgerCell(key, v, not hidden, hidden, k))
    # no relation crosses New Year: only this year's releases can narrow a cell
    prior = [c for c in ledger if c.key.period[0] == year]
    system = _System(layouts, [*relations, *share_relations(shares)], [*prior, *current])
    system.check_consistent()
    first = len(prior)
    size = len(system.keys)
    is_current = [i >= first for i in range(size)]
    # the components to audit: those reached by a constraint on a cell of this release
    seeds = sorted(
        {i for con in system.constraints_of(range(first, size)) for i in system.con_cells[con]}
        | set(range(first, size))
    )

    # Year to date hidden last time stays hidden (when not zero): otherwise this
    # month's figures would give away last month's hidden cells, and the loop below
    # would find that out cell by cell.
    earlier = [c.key.period for c in prior if c.key.period < raw.period]
    if earlier:
        last = max(earlier)
        index = {system.keys[i]: i for i in range(first, size)}
        for c in prior:
            if c.key.period == last and c.key.scope == "ytd" and not c.published:
                i = index.get(CellKey(raw.period, "ytd", c.key.cell))
                if i is not None and system.value[i] > 0:
                    system.pub[i] = False

    witnesses = _Witnesses(system.value)
    passed: set[int] = set()
    # how often each earlier release's cell has failed; see _check_fixable
    strikes: dict[int, int] = defaultdict(int)
    while True:
        again = False
        # cells next to a complement hidden in this round: their components may have
        # merged with another, so they wait for the next round
        blocked: set[int] = set()
        for comp in system.components(seeds):
            todo = [v for v in comp if system.primary[v] and v not in passed]
            if not todo:
                continue
            if not blocked.isdisjoint(comp):
                again = True
                continue
            todo.sort(key=lambda v: (not is_current[v], v))  # this release's cells first
            verdict = _Component(system, comp).check(todo, witnesses)
            passed.update(verdict.passed)
            if not verdict.failing:
                continue
            again = True
            picked: set[int] = set()
            # this release's cells first; an earlier one failing is the rare case
            for cell in sorted(verdict.failing, key=lambda v: (not is_current[v], v)):
                interval, reasons = verdict.failing[cell]
                if not picked.isdisjoint(reasons):
                    continue  # a complement hidden for another cell may free this one
                if not is_current[cell]:
                    strikes[cell] += 1
                    if strikes[cell] == _STRIKES:
                        _check_fixable(system, cell, first, raw.period, witnesses)
                pick = _complement(system, comp, cell, reasons, is_current)
                if pick is None:
                    if picked:
                        continue
                    raise SuppressionImpossible(raw.period, system.keys[cell], interval)
                system.pub[pick] = False
                picked.add(pick)
                blocked.update(i for con in system.cell_cons[pick] for i in system.con_cells[con])
        if not again:
            break

    def final_audit() -> dict[CellKey, Interval]:
        out: dict[CellKey, Interval] = {}
        for comp in system.components(seeds):
            targets = [v for v in comp if system.primary[v]]
            if targets:
                for v, interval in _Component(system, comp).exact(targets, witnesses).items():
                    out[system.keys[v]] = interval
        return out

    intervals = _Lazy(final_audit)

    cells = tuple(
        LedgerCell(c.key, c.value, system.pub[first + n], c.primary, c.k)
        for n, c in enumerate(current)
    )
    published = {c.key: c.value for c in cells if c.published}
    share_values: dict[str, float | None] = {}
    for s in shares:
        num = published.get(CellKey(raw.period, "month", s.numerator))
        den = published.get(CellKey(raw.period, "month", s.denominator))
        share_values[s.id] = num / den if num is not None and den else None
    return ProtectedRelease(raw.period, cells, share_values, intervals)


def _complement(
    system: _System,
    comp: list[int],
    failing: int,
    reasons: set[int],
    is_current: Sequence[bool],
) -> int | None:
    """The next cell to hide for ``failing`` (see the module docstring), or None."""

    def eligible(cells: Iterable[int]) -> set[int]:
        return {i for i in cells if is_current[i] and system.pub[i] and system.value[i] > 0}

    def tier(n: int) -> set[int]:
        if n == 0:  # what pins or narrows the cell
            return reasons
        cons = system.cell_cons[failing] if n == 1 else system.constraints_of(comp)
        return {i for con in cons for i in system.con_cells[con]}

    group = system.group[failing]
    for n in range(3):
        found = eligible(tier(n))
        if found:
            return min(
                found,
                key=lambda i: (
                    system.group[i] != group,
                    system.margin[i],
                    system.value[i],
                    system.order[i],
                    i,
                ),
            )
    return None


def _check_fixable(
    system: _System, cell: int, first: int, period: Period, witnesses: _Witnesses
) -> None:
    """An earlier release's cell keeps failing: raise at once if hiding every
    non-zero cell of the new release would not save it, rather than hiding them
    one by one until none is left (the outcome is the same, only slower)."""
    saved = system.pub[first:]
    for i in range(first, len(system.keys)):
        if system.value[i] > 0:
            system.pub[i] = False
    try:
        (comp,) = system.components([cell])
        # points found with more cells hidden are not points of the real release:
        # work on a copy
        verdict = _Component(system, comp).check([cell], witnesses.copy(), first_failures=False)
        if cell in verdict.failing:
            raise SuppressionImpossible(period, system.keys[cell], verdict.failing[cell][0])
    finally:
        system.pub[first:] = saved
