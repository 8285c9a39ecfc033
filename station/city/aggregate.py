"""City-level tables from the stations' published figures, without undoing suppression.

The rule (it is printed, shortened, in the city report's notes):

1. **Exact sums.** A city cell is the sum of the stations' figures when every station
   that delivered the month published that cell (or fixed it, see 2).
2. **Ranges.** When some stations published "*", the city figure is a range
   ``[known + Σ low_s, known + Σ high_s]``. A station's ``[low_s, high_s]`` comes only
   from that station's own published figures of the same table and scope: a suppressed
   count is at least 1 (zeros are always published), and its row and column totals
   bound it from above (interval propagation over the table's sum relations until
   nothing changes; a grand total hidden in one table but published in another table
   of the same population, or fixed by an equality of the catalogue, counts as known).
   A hidden cell that these figures fix exactly is no secret (it was never a protected
   small count: the station's audit keeps those at least k wide) and counts as known.
   Without a bounding total the range is open (shown "≥ n"): a
   complementary-suppressed cell may be large, so "known + n_suppressed × (k − 1)"
   would be a false upper bound. A station missing a row, column or the year-to-date
   block of a table contributes ``[0, ∞)``.
   Because every city figure is computed from published station figures only, nothing
   in the city tables narrows a station's suppressed cell beyond what that station's own
   export (protected by its linear-programming audit over its whole ledger) already
   shows.
3. **Re-suppression, under the stations' rules** (a safety net for exports made under a
   weaker policy than another station's, or for a city-level figure that is itself a
   small group). Per table and scope, with ``k`` the largest threshold any station of
   the month declared for the table's sensitivity:

   * primary: an exact city count from 1 to k−1; a range narrower than k
     (``high − low < k``: read with the exact parts, it would pin a suppressed station
     count to fewer than k values); a non-zero interior cell equal to its row or column
     total (dominance) in a table with margins;
   * complementary: a linear-programming audit (HiGHS) plays the attacker on the city
     table: exact cells are constants, ranges are variables within their range, "*"
     cells are variables ≥ 1, and the table's row/column sums hold. While a primary
     cell's feasible interval is narrower than k, the smallest published non-zero cell
     in its row or column (interior before totals) is suppressed too.

   Every re-suppressed cell is shown as "*", like a station's.
4. **Shares** are recomputed from the city numerator and denominator only when both
   are exact and published (and the denominator is not 0); otherwise "*".

The audit covers one table and scope of one month. Month-to-month and year-to-date
differences between city reports are protected by the stations' own audits (each
station's ledger covers its year-to-date tables), since the city figures add nothing
beyond them; the re-suppression above therefore only ever hides more.
"""

from __future__ import annotations

import functools
import importlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from station.city.verify import TOTAL, Cell, Count, StationStats, StatsTable, sum_lines

__all__ = [
    "Bounds",
    "CityCell",
    "CityMonth",
    "CityReport",
    "CityShare",
    "CityTable",
    "Completeness",
    "TrendPoint",
    "TrendSeries",
    "aggregate_month",
    "batch_reports",
    "build_report",
    "completeness",
    "protect_city_table",
    "station_bounds",
    "trends",
]

Scope = Literal["month", "ytd"]
SCOPES: tuple[Scope, ...] = ("month", "ytd")
_MAX_SWEEPS = 64
_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Bounds:
    low: int
    high: int | None  # None: no upper bound


@dataclass(frozen=True)
class CityCell:
    """One city figure: exact, a range, or suppressed ("*")."""

    kind: Literal["exact", "range", "suppressed"]
    low: int | None = None  # exact: the value; range: the lower bound
    high: int | None = None  # exact: the value; range: the upper bound, None if open

    @staticmethod
    def exact(value: int) -> CityCell:
        return CityCell("exact", value, value)

    @staticmethod
    def range(low: int, high: int | None) -> CityCell:
        return CityCell("range", low, high)

    @staticmethod
    def suppressed() -> CityCell:
        return CityCell("suppressed")

    @property
    def value(self) -> int | None:
        """The exact value, or None for a range or "*"."""
        return self.low if self.kind == "exact" else None

    @property
    def is_published(self) -> bool:
        return self.kind != "suppressed"

    def text(self) -> str:
        if self.kind == "exact":
            return str(self.low)
        if self.kind == "range":
            return f"≥{self.low}" if self.high is None else f"{self.low}–{self.high}"
        return "*"

    def to_json(self) -> int | str | dict[str, int | None]:
        if self.kind == "exact":
            assert self.low is not None
            return self.low
        if self.kind == "range":
            return {"low": self.low, "high": self.high}
        return "*"


@dataclass(frozen=True)
class CityTable:
    id: str
    title: str
    sensitivity: Literal["standard", "sensitive"]
    k: int
    rows: tuple[tuple[str, str], ...]
    cols: tuple[tuple[str, str], ...]
    stations: tuple[str, ...]  # the stations whose table went into it
    month: Mapping[Cell, CityCell]
    ytd: Mapping[Cell, CityCell] | None

    def scope(self, name: Scope) -> Mapping[Cell, CityCell] | None:
        return self.month if name == "month" else self.ytd

    def cell(self, row: str, col: str, scope: Scope = "month") -> CityCell:
        cells = self.scope(scope)
        if cells is None:
            raise KeyError(scope)
        return cells[(row, col)]


@dataclass(frozen=True)
class CityShare:
    id: str
    label: str
    month: float | None  # None: "*"
    ytd: float | None


@dataclass(frozen=True)
class CityMonth:
    period: str
    stations: tuple[str, ...]  # stations whose export for the month went in
    tables: tuple[CityTable, ...]
    shares: tuple[CityShare, ...]

    def table(self, table_id: str) -> CityTable:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)


@dataclass(frozen=True)
class TrendPoint:
    period: str
    cell: CityCell | None  # None: the table was not delivered that month
    change: int | None  # against the previous calendar month, when both are exact


@dataclass(frozen=True)
class TrendSeries:
    table_id: str
    table_title: str
    row: str
    row_label: str
    col: str
    col_label: str
    points: tuple[TrendPoint, ...]


@dataclass(frozen=True)
class Completeness:
    months: tuple[str, ...]
    stations: tuple[str, ...]
    delivered: Mapping[tuple[str, str], int]  # (station, period) -> sequence used

    def missing(self, period: str) -> tuple[str, ...]:
        return tuple(s for s in self.stations if (s, period) not in self.delivered)


@dataclass(frozen=True)
class CityReport:
    """Everything the city workbook and PDF show for one month."""

    month: CityMonth
    trends: tuple[TrendSeries, ...]
    completeness: Completeness


# -- the table's sum relations ----------------------------------------------------------
def station_bounds(
    cells: Mapping[Cell, Count],
    rows: Sequence[str],
    cols: Sequence[str],
    derived: Mapping[Cell, int] | None = None,
) -> dict[Cell, Bounds]:
    """Bounds of a station's suppressed cells from its own published figures of the table.

    Interval propagation over the sum relations: valid at every step (the true value
    always lies inside), so stopping after a fixed number of sweeps is safe. ``derived``
    holds suppressed cells that other published figures of the same station fix exactly
    (an equal grand total of a table of the same population, an equality relation).
    """
    low: dict[Cell, float] = {}
    high: dict[Cell, float] = {}
    for cell, value in cells.items():
        fixed = (derived or {}).get(cell) if value is None else value
        if fixed is None:
            low[cell], high[cell] = 1.0, math.inf
        else:
            low[cell] = high[cell] = float(fixed)
    unknown = [cell for cell, value in cells.items() if value is None]
    if not unknown:
        return {}
    lines = [
        line for line in sum_lines(rows, cols) if any(cells[c] is None for c in line[0] + [line[1]])
    ]
    for _ in range(_MAX_SWEEPS):
        changed = False
        for parts, total in lines:
            if cells[total] is None:
                new_low = max(low[total], sum(low[p] for p in parts))
                new_high = min(high[total], sum(high[p] for p in parts))
                if new_low > low[total] or new_high < high[total]:
                    low[total], high[total], changed = new_low, new_high, True
            for part in parts:
                if cells[part] is not None:
                    continue
                others_low = sum(low[p] for p in parts if p != part)
                others_high = sum(high[p] for p in parts if p != part)
                new_high = min(high[part], high[total] - others_low)
                new_low = max(low[part], low[total] - others_high)
                if new_low > low[part] or new_high < high[part]:
                    low[part], high[part], changed = new_low, new_high, True
        if not changed:
            break
    result: dict[Cell, Bounds] = {}
    for cell in unknown:
        lo = max(1, math.ceil(low[cell] - _TOLERANCE)) if math.isfinite(low[cell]) else 1
        hi = None if math.isinf(high[cell]) else math.floor(high[cell] + _TOLERANCE)
        if hi is not None and hi < lo:  # inconsistent figures: claim nothing
            hi = None
        result[cell] = Bounds(lo, hi)
    return result


# -- city disclosure control ------------------------------------------------------------
def _audit(
    cells: Mapping[Cell, CityCell],
    suppressed: set[Cell],
    targets: Iterable[Cell],
    rows: Sequence[str],
    cols: Sequence[str],
) -> dict[Cell, tuple[float, float]]:
    """The attacker's [min, max] for each target, from the city table as it would be shown."""
    import numpy as np
    from scipy.optimize import linprog

    variables = sorted(c for c in cells if c in suppressed or cells[c].kind == "range")
    index = {cell: i for i, cell in enumerate(variables)}
    bounds: list[tuple[float, float | None]] = []
    for cell in variables:
        if cell in suppressed:
            bounds.append((1.0, None))
        else:
            shown = cells[cell]
            bounds.append(
                (float(shown.low or 0), None if shown.high is None else float(shown.high))
            )
    a_rows: list[list[float]] = []
    b_rows: list[float] = []
    for parts, total in sum_lines(rows, cols):
        coefficients = [0.0] * len(variables)
        constant = 0.0
        for cell, sign in [(p, 1.0) for p in parts] + [(total, -1.0)]:
            if cell in index:
                coefficients[index[cell]] += sign
            else:
                constant += sign * float(cells[cell].low or 0)
        if any(coefficients):
            a_rows.append(coefficients)
            b_rows.append(-constant)
    result: dict[Cell, tuple[float, float]] = {}
    for target in targets:
        if not a_rows:
            result[target] = (1.0, math.inf)
            continue
        ends: list[float] = []
        for sign in (1.0, -1.0):
            objective = np.zeros(len(variables))
            objective[index[target]] = sign
            solved: Any = linprog(
                objective,
                A_eq=np.array(a_rows),
                b_eq=np.array(b_rows),
                bounds=bounds,
                method="highs",
            )
            if solved.status == 0:
                ends.append(sign * float(solved.fun))
            elif solved.status == 3:  # unbounded
                ends.append(sign * math.inf)
            else:  # infeasible or failed: count it as pinned, so more is hidden
                ends.append(0.0)
        result[target] = (ends[0], ends[1])
    return result


def _magnitude(cell: CityCell) -> int:
    return cell.low or 0


def protect_city_table(
    cells: Mapping[Cell, CityCell], rows: Sequence[str], cols: Sequence[str], k: int
) -> dict[Cell, CityCell]:
    """Apply the city re-suppression rule (module docstring, point 3) to one table/scope."""
    interior_rows = [r for r in rows if r != TOTAL]
    interior_cols = [c for c in cols if c != TOTAL]
    primary: set[Cell] = set()
    for cell, shown in cells.items():
        small = shown.kind == "exact" and shown.low is not None and 1 <= shown.low < k
        narrow = (
            shown.kind == "range" and shown.high is not None and shown.high - (shown.low or 0) < k
        )
        if small or narrow:
            primary.add(cell)
    for r in interior_rows:
        for c in interior_cols:
            shown = cells[(r, c)]
            if shown.kind != "exact" or not shown.low:
                continue
            row_total = cells.get((r, TOTAL))
            col_total = cells.get((TOTAL, c))
            if (
                len(interior_cols) >= 2
                and row_total is not None
                and row_total.kind == "exact"
                and row_total.low == shown.low
            ) or (
                len(interior_rows) >= 2
                and col_total is not None
                and col_total.kind == "exact"
                and col_total.low == shown.low
            ):
                primary.add((r, c))
    if not primary:
        return dict(cells)
    suppressed = set(primary)
    order = {
        cell: (ri, ci)
        for ri, r in enumerate(rows)
        for ci, c in enumerate(cols)
        for cell in [(r, c)]
    }

    def candidates(target: Cell, anywhere: bool) -> list[Cell]:
        r, c = target
        found: list[Cell] = []
        for cell, shown in cells.items():
            if cell in suppressed or not shown.is_published or _magnitude(shown) < 1:
                continue
            same_line = (TOTAL in cols and cell[0] == r) or (TOTAL in rows and cell[1] == c)
            if anywhere or same_line:
                found.append(cell)
        found.sort(key=lambda cell: (TOTAL in cell, _magnitude(cells[cell]), order[cell]))
        return found

    while True:
        intervals = _audit(cells, suppressed, sorted(primary), rows, cols)
        failing = [p for p in sorted(primary) if intervals[p][1] - intervals[p][0] < k - _TOLERANCE]
        if not failing:
            break
        choice = candidates(failing[0], anywhere=False) or candidates(failing[0], anywhere=True)
        if not choice:
            break  # every non-zero figure of the table is hidden already
        suppressed.add(choice[0])
    return {
        cell: (CityCell.suppressed() if cell in suppressed else shown)
        for cell, shown in cells.items()
    }


# -- one month ---------------------------------------------------------------------------
def _catalogue_order() -> dict[str, int]:
    """Table order of station.statistics.tables.SPECS when installed, else alphabetical."""
    try:
        module = importlib.import_module("station.statistics.tables")
    except ImportError:
        return {}
    specs = getattr(module, "SPECS", ())
    try:
        return {str(spec.id): i for i, spec in enumerate(specs)}
    except (AttributeError, TypeError):
        return {}


def _catalogue_shares() -> dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]]:
    """Numerator and denominator cells of each share, from the station's catalogue."""
    try:
        module = importlib.import_module("station.statistics.tables")
    except ImportError:
        return {}
    result: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {}
    try:
        for share in getattr(module, "SHARES", ()):
            num, den = share.numerator, share.denominator
            result[str(share.id)] = (
                (str(num.table), str(num.row), str(num.col)),
                (str(den.table), str(den.row), str(den.col)),
            )
    except (AttributeError, TypeError):
        return {}
    return result


def _union(lists: Iterable[Sequence[tuple[str, str]]]) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for items in lists:
        for code, label in items:
            seen.setdefault(code, label)
    # margins last, as the stations print them
    return tuple(sorted(seen.items(), key=lambda item: item[0] == TOTAL))


def _grand_total(table: StatsTable) -> Cell | None:
    rows = [r for r, _ in table.rows]
    cols = [c for c, _ in table.cols]
    if TOTAL in rows and TOTAL in cols:
        return (TOTAL, TOTAL)
    if TOTAL in rows and len(cols) == 1:
        return (TOTAL, cols[0])
    if TOTAL in cols and len(rows) == 1:
        return (rows[0], TOTAL)
    return None


Node = tuple[str, str, str]  # (table, row, col)


@functools.cache
def _catalogue_equalities() -> list[tuple[Node, ...]]:
    """Groups of cells a station's figures always make equal: the grand totals of tables
    of one population, and the catalogue's two-cell equalities (new cases by source ==
    new cases). Read from station.statistics.tables when installed; tables are named,
    grand totals are found per document (None as the cell means "its grand total")."""
    try:
        module = importlib.import_module("station.statistics.tables")
    except ImportError:
        return []
    groups: list[tuple[Node, ...]] = []
    try:
        populations: dict[str, list[str]] = {}
        for spec in getattr(module, "SPECS", ()):
            if getattr(spec, "population", None):
                populations.setdefault(str(spec.population), []).append(str(spec.id))
        groups += [tuple((t, "", "") for t in ids) for ids in populations.values() if len(ids) > 1]
        for relation in getattr(module, "RELATIONS", ()):
            terms = relation.terms
            if relation.sense == "==" and len(terms) == 2 and terms[0][0] == -terms[1][0]:
                groups.append(
                    tuple((str(ref.table), str(ref.row), str(ref.col)) for _, ref in terms)
                )
    except (AttributeError, TypeError, IndexError):
        return []
    return groups


def _derived(stats: StationStats, scope: Scope) -> dict[str, dict[Cell, int]]:
    """Suppressed cells of one station that its other published figures fix exactly."""
    result: dict[str, dict[Cell, int]] = {}
    for group in _catalogue_equalities():
        cells: list[tuple[str, Cell, Count]] = []
        for table_id, row, col in group:
            table = stats.table(table_id)
            values = table.scope(scope) if table is not None else None
            if table is None or values is None:
                continue
            cell = (row, col) if row else _grand_total(table)
            if cell is None or cell not in values:
                continue
            cells.append((table_id, cell, values[cell]))
        published = {value for _, _, value in cells if value is not None}
        if len(published) != 1:
            continue  # nothing to learn, or figures that disagree: claim nothing
        value = published.pop()
        for table_id, cell, shown_value in cells:
            if shown_value is None:
                result.setdefault(table_id, {})[cell] = value
    return result


def _city_cells(
    parts: Sequence[tuple[StationStats, StatsTable]],
    scope: Scope,
    rows: Sequence[str],
    cols: Sequence[str],
    k: int,
) -> dict[Cell, CityCell] | None:
    if all(table.scope(scope) is None for _, table in parts):
        return None
    known: dict[Cell, int] = {cell: 0 for cell in ((r, c) for r in rows for c in cols)}
    low: dict[Cell, int] = dict(known)
    high: dict[Cell, int | None] = dict.fromkeys(known, 0)
    exact: dict[Cell, bool] = dict.fromkeys(known, True)
    for stats, table in parts:
        values = table.scope(scope)
        bounds = (
            station_bounds(
                values,
                [r for r, _ in table.rows],
                [c for c, _ in table.cols],
                _derived(stats, scope).get(table.id),
            )
            if values is not None
            else {}
        )
        for cell in known:
            value = values.get(cell) if values is not None else None
            has_cell = values is not None and cell in values
            bound = bounds.get(cell) if has_cell else None
            if bound is not None and bound.low == bound.high:
                value = bound.low  # fixed by the station's own published figures
            if has_cell and value is not None:
                known[cell] += value
                continue
            exact[cell] = False
            part_low, part_high = (bound.low, bound.high) if bound else (0, None)
            low[cell] += part_low
            current = high[cell]
            high[cell] = None if current is None or part_high is None else current + part_high
    cells: dict[Cell, CityCell] = {}
    for cell, value in known.items():
        if exact[cell]:
            cells[cell] = CityCell.exact(value)
        else:
            top = high[cell]
            cells[cell] = CityCell.range(value + low[cell], None if top is None else value + top)
    return protect_city_table(cells, rows, cols, k)


def _city_table(
    table_id: str, parts: Sequence[tuple[StationStats, StatsTable]], thresholds: Mapping[str, int]
) -> CityTable:
    tables = [table for _, table in parts]
    sensitivity: Literal["standard", "sensitive"] = (
        "sensitive" if any(t.sensitivity == "sensitive" for t in tables) else "standard"
    )
    k = thresholds[sensitivity]
    rows = _union(t.rows for t in tables)
    cols = _union(t.cols for t in tables)
    row_codes = [r for r, _ in rows]
    col_codes = [c for c, _ in cols]
    month = _city_cells(parts, "month", row_codes, col_codes, k)
    assert month is not None
    return CityTable(
        id=table_id,
        title=tables[0].title,
        sensitivity=sensitivity,
        k=k,
        rows=rows,
        cols=cols,
        stations=tuple(stats.station for stats, _ in parts),
        month=month,
        ytd=_city_cells(parts, "ytd", row_codes, col_codes, k),
    )


def _share(
    share_id: str,
    label: str,
    ref: tuple[tuple[str, str, str], tuple[str, str, str]] | None,
    tables: Mapping[str, CityTable],
) -> CityShare:
    values: dict[Scope, float | None] = {"month": None, "ytd": None}
    if ref is not None:
        (nt, nr, nc), (dt, dr, dc) = ref
        for scope in SCOPES:
            try:
                num = tables[nt].cell(nr, nc, scope).value
                den = tables[dt].cell(dr, dc, scope).value
            except KeyError:
                continue
            if num is not None and den is not None and den > 0 and num <= den:
                values[scope] = round(num / den, 4)
    return CityShare(share_id, label, values["month"], values["ytd"])


def aggregate_month(period: str, exports: Sequence[StationStats]) -> CityMonth:
    """Combine one month's verified station documents (one per station) into city tables."""
    if any(stats.period != period for stats in exports):
        raise ValueError("every document must be of the given period")
    ordered = sorted(exports, key=lambda s: s.station)
    codes = [stats.station for stats in ordered]
    if len(set(codes)) != len(codes):
        raise ValueError("one document per station")
    by_table: dict[str, list[tuple[StationStats, StatsTable]]] = {}
    for stats in ordered:
        for table in stats.tables:
            by_table.setdefault(table.id, []).append((stats, table))
    order = _catalogue_order()
    table_ids = sorted(by_table, key=lambda t: (order.get(t, len(order)), t))
    # the strictest threshold any station of the month declared, for every table
    thresholds = {
        "standard": max(s.k_standard for s in ordered),
        "sensitive": max(s.k_sensitive for s in ordered),
    }
    tables = tuple(_city_table(t, by_table[t], thresholds) for t in table_ids)
    by_id = {table.id: table for table in tables}
    catalogue = _catalogue_shares()
    labels: dict[str, str] = {}
    refs: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {}
    for stats in ordered:
        for share_id, entry in stats.shares.items():
            labels.setdefault(share_id, entry.label)
            if entry.numerator is not None and entry.denominator is not None:
                refs.setdefault(share_id, (entry.numerator, entry.denominator))
    shares = tuple(
        _share(share_id, labels[share_id], refs.get(share_id, catalogue.get(share_id)), by_id)
        for share_id in sorted(labels)
    )
    return CityMonth(period=period, stations=tuple(codes), tables=tables, shares=shares)


# -- across months ----------------------------------------------------------------------
def _previous_month(period: str) -> str:
    year, month = int(period[:4]), int(period[5:])
    return f"{year - 1:04d}-12" if month == 1 else f"{year:04d}-{month - 1:02d}"


def _headline_cells(table: CityTable) -> list[tuple[str, str, str, str]]:
    """(row, row label, col, col label): the row totals, or every cell without them."""
    col_codes = [c for c, _ in table.cols]
    if TOTAL in col_codes:
        total_label = dict(table.cols)[TOTAL]
        return [(r, label, TOTAL, total_label) for r, label in table.rows]
    return [(r, rl, c, cl) for r, rl in table.rows for c, cl in table.cols]


def trends(months: Sequence[CityMonth]) -> tuple[TrendSeries, ...]:
    """Month-on-month series of every table's headline cells over the months given."""
    ordered = sorted(months, key=lambda m: m.period)
    series: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    titles: dict[str, str] = {}
    order: list[tuple[str, str, str]] = []
    for city in ordered:
        for table in city.tables:
            titles.setdefault(table.id, table.title)
            for row, row_label, col, col_label in _headline_cells(table):
                key = (table.id, row, col)
                if key not in series:
                    series[key] = (row_label, col_label, table.id)
                    order.append(key)
    result: list[TrendSeries] = []
    for key in order:
        table_id, row, col = key
        row_label, col_label, _ = series[key]
        points: list[TrendPoint] = []
        previous: tuple[str, CityCell | None] | None = None
        for city in ordered:
            try:
                cell: CityCell | None = city.table(table_id).cell(row, col)
            except KeyError:
                cell = None
            change = None
            if (
                previous is not None
                and previous[0] == _previous_month(city.period)
                and cell is not None
                and previous[1] is not None
                and cell.value is not None
                and previous[1].value is not None
            ):
                change = cell.value - previous[1].value
            points.append(TrendPoint(city.period, cell, change))
            previous = (city.period, cell)
        result.append(
            TrendSeries(table_id, titles[table_id], row, row_label, col, col_label, tuple(points))
        )
    return tuple(result)


def completeness(
    delivered: Iterable[tuple[str, str, int]], stations: Iterable[str] = ()
) -> Completeness:
    """Which station delivered which month: (station, period, sequence) triples."""
    table: dict[tuple[str, str], int] = {}
    for station, period, sequence in delivered:
        key = (station, period)
        table[key] = max(sequence, table.get(key, 0))
    codes = sorted(set(stations) | {s for s, _ in table})
    months = sorted({p for _, p in table})
    return Completeness(tuple(months), tuple(codes), table)


def build_report(
    period: str,
    by_period: Mapping[str, Sequence[StationStats]],
    delivered: Iterable[tuple[str, str, int]],
    stations: Iterable[str] = (),
) -> CityReport:
    """The city report for ``period``: its tables, trends up to it, and completeness."""
    if period not in by_period:
        raise KeyError(period)
    months = [aggregate_month(p, docs) for p, docs in sorted(by_period.items()) if p <= period]
    city = next(m for m in months if m.period == period)
    return CityReport(
        month=city,
        trends=trends(months),
        completeness=completeness([d for d in delivered if d[1] <= period], stations=stations),
    )


def batch_reports(
    exports: Sequence[tuple[StationStats, int]], stations: Iterable[str] = ()
) -> list[CityReport]:
    """One report per month present in a batch of (document, sequence) pairs.

    A station that delivered a month twice (a re-export: same figures, new sequence)
    counts once, with its latest sequence.
    """
    latest: dict[tuple[str, str], tuple[int, StationStats]] = {}
    for stats, sequence in exports:
        key = (stats.station, stats.period)
        if key not in latest or sequence > latest[key][0]:
            latest[key] = (sequence, stats)
    by_period: dict[str, list[StationStats]] = {}
    for (_, period), (_, stats) in sorted(latest.items()):
        by_period.setdefault(period, []).append(stats)
    delivered = [(station, period, seq) for (station, period), (seq, _) in latest.items()]
    codes = set(stations) | {station for station, _ in latest}
    return [build_report(p, by_period, delivered, codes) for p in sorted(by_period)]
