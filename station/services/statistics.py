"""The monthly statistics release (custodian or station lead): which months can be
released, a preview of exactly what would leave, and the final release written to the
ledger in the vault. No Qt.

- A month can be released once it has ended. The first release may be any of the last
  twelve ended months; after it, months are released one after another, without gaps.
- A released month is final: asking again returns the stored stats.json, byte for byte,
  whatever was entered since (late entries go into the next month).
- ``finalise`` never trusts a preview: it counts and protects again in its own
  transaction. Given the previewed bytes as ``expected``, it refuses to release anything
  else, so what the user confirmed is what leaves.
- The disclosure thresholds come from the city office's policy file, which the
  custodian loads (``set_policy_file``); without one the defaults apply.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Literal, cast

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from station.errors import StationError, ValidationError
from station.models import Setting, StationProfile, StatsCell, StatsInclusion, StatsRelease
from station.models.enums import Role
from station.services import audit
from station.services.context import SignedIn
from station.statistics import tables
from station.statistics.document import build_document, dumps, period_text, validate_document
from station.statistics.policy import PolicyFile, parse_policy
from station.statistics.spec import CellRef
from station.statistics.suppression import (
    CellKey,
    LedgerCell,
    Period,
    ProtectedRelease,
    RawRelease,
    protect,
)

POLICY_SETTING = "stats_policy"
POLICY_MAX = 400  # the settings column's width
FIRST_RELEASE_MONTHS = 12  # how far back the first release may go


class MonthState(StrEnum):
    RELEASED = "released"  # final: its stats.json is stored
    READY = "ready"  # may be released now
    WAITING = "waiting"  # ended, but an earlier month must be released first


@dataclass(frozen=True)
class MonthStatus:
    year: int
    month: int
    state: MonthState
    release_id: int | None = None

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"


@dataclass(frozen=True)
class StatsPreview:
    year: int
    month: int
    document: dict[str, Any]  # exactly what ``data`` holds
    data: bytes  # the stats.json bytes that would leave (or left)
    protected: ProtectedRelease | None  # None for a month already released
    already_released: bool
    suppressed: int  # cells shown as "*", month and year to date


@dataclass(frozen=True)
class FinalRelease:
    release_id: int
    data: bytes


# -- periods ---------------------------------------------------------------------------
def _label(period: Period) -> str:
    return f"{period[0]}年{period[1]}月"


def _shift(period: Period, months: int) -> Period:
    index = period[0] * 12 + (period[1] - 1) + months
    return index // 12, index % 12 + 1


def _last_ended(today: date) -> Period:
    return _shift((today.year, today.month), -1)


def _period(year: int, month: int) -> Period:
    if (
        isinstance(year, bool)
        or isinstance(month, bool)
        or not isinstance(year, int)
        or not isinstance(month, int)
        or not 2000 <= year <= 9999
        or not 1 <= month <= 12
    ):
        raise ValidationError("请选择统计月份。", "Choose a month.", field="month")
    return year, month


def _releases(session: Session) -> list[tuple[Period, int]]:
    rows = session.execute(
        select(StatsRelease.year, StatsRelease.month, StatsRelease.id).order_by(
            StatsRelease.year, StatsRelease.month
        )
    ).tuples()
    return [((y, m), rid) for y, m, rid in rows]


def _check_releasable(session: Session, period: Period, today: date) -> None:
    last = _last_ended(today)
    if period > last:
        raise StationError(
            f"{_label(period)}尚未结束，月末之后才能发布该月统计。",
            f"{period_text(period)} has not ended yet.",
        )
    released = [p for p, _ in _releases(session)]
    if not released:
        oldest = _shift(last, -(FIRST_RELEASE_MONTHS - 1))
        if period < oldest:
            raise StationError(
                f"首次发布只能选择最近 {FIRST_RELEASE_MONTHS} 个已结束的月份"
                f"（{_label(oldest)}至{_label(last)}）。",
                f"The first release must be one of the last {FIRST_RELEASE_MONTHS} months.",
            )
        return
    if period < released[0]:
        raise StationError(
            f"统计从{_label(released[0])}开始发布，更早的月份不再发布。",
            f"Releases start with {period_text(released[0])}.",
        )
    following = _shift(released[-1], 1)
    if period != following:
        raise StationError(
            f"统计须按月依次发布：请先发布{_label(following)}的统计。",
            f"Release {period_text(following)} first.",
        )


def months(ctx: SignedIn, today: date | None = None) -> list[MonthStatus]:
    """The released months and the ended months that can (or next can) be released,
    newest first."""
    ctx.require(Role.CUSTODIAN, Role.LEAD)
    last = _last_ended(today or date.today())
    with ctx.vault.transaction() as s:
        released = _releases(s)
    found = [MonthStatus(p[0], p[1], MonthState.RELEASED, rid) for p, rid in released]
    if released:
        period, state = _shift(released[-1][0], 1), MonthState.READY
        while period <= last:
            found.append(MonthStatus(period[0], period[1], state))
            period, state = _shift(period, 1), MonthState.WAITING
    else:
        for back in range(FIRST_RELEASE_MONTHS):
            period = _shift(last, -back)
            found.append(MonthStatus(period[0], period[1], MonthState.READY))
    return sorted(found, key=lambda m: (m.year, m.month), reverse=True)


# -- policy ----------------------------------------------------------------------------
def _policy_file(session: Session) -> PolicyFile:
    row = session.get(Setting, POLICY_SETTING)
    return parse_policy(row.value) if row is not None else PolicyFile()


def current_policy(ctx: SignedIn) -> PolicyFile:
    ctx.require(Role.CUSTODIAN, Role.LEAD)
    with ctx.vault.transaction() as s:
        return _policy_file(s)


def _canonical(pf: PolicyFile) -> str:
    """The policy as a short TOML text (comments and layout of the original dropped)."""
    lines = [f"k_standard = {pf.policy.k_standard}", f"k_sensitive = {pf.policy.k_sensitive}"]
    if pf.issued_by is not None:
        # a JSON string is a valid TOML basic string (same escapes)
        lines.append(f"issued_by = {json.dumps(pf.issued_by, ensure_ascii=False)}")
    if pf.issued_on is not None:
        lines.append(f"issued_on = {pf.issued_on.isoformat()}")
    return "\n".join(lines) + "\n"


def set_policy_file(ctx: SignedIn, text: str | None) -> PolicyFile:
    """Load the city office's policy file (its text); None or an empty text returns to
    the default thresholds. Checked by ``station.statistics.policy`` before it is kept."""
    ctx.require(Role.CUSTODIAN)
    chosen = None if text is None or not text.strip() else parse_policy(text.lstrip("\ufeff"))
    stored = _canonical(chosen) if chosen is not None else None
    if stored is not None and len(stored) > POLICY_MAX:
        raise ValidationError(
            "策略文件中的发布单位名称过长。", "issued_by is too long.", field="issued_by"
        )
    with ctx.vault.transaction() as s:
        row = s.get(Setting, POLICY_SETTING)
        if stored is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(Setting(key=POLICY_SETTING, value=stored))
        else:
            row.value = stored
        result = chosen or PolicyFile()
        detail = f"k_standard={result.policy.k_standard},k_sensitive={result.policy.k_sensitive}"
        audit.record(s, ctx, "stats_policy", "setting", POLICY_SETTING, detail)
    return result


# -- the ledger ------------------------------------------------------------------------
def ledger_cells(session: Session) -> list[LedgerCell]:
    """Every cell of every release (true values, published or not)."""
    rows = session.execute(
        select(
            StatsRelease.year,
            StatsRelease.month,
            StatsCell.scope,
            StatsCell.table_id,
            StatsCell.row,
            StatsCell.col,
            StatsCell.value,
            StatsCell.published,
            StatsCell.primary,
            StatsCell.k,
        )
        .join(StatsRelease, StatsRelease.id == StatsCell.release_id)
        .order_by(StatsCell.id)
    ).tuples()
    return [
        LedgerCell(
            CellKey((y, m), cast(Literal["month", "ytd"], scope), CellRef(table, row, col)),
            value,
            published,
            primary,
            k,
        )
        for y, m, scope, table, row, col, value, published, primary, k in rows
    ]


@dataclass(frozen=True)
class _Prepared:
    raw: RawRelease
    inclusions: list[tables.Inclusion]
    protected: ProtectedRelease
    cells: tuple[LedgerCell, ...]
    document: dict[str, Any]
    data: bytes
    policy: PolicyFile


def _prepare(session: Session, period: Period) -> _Prepared:
    """Count, protect against the whole ledger and build the document: reads only."""
    released = [p for p, _ in _releases(session)]
    raw, inclusions = tables.compute(session, period, first_release=not released)
    policy = _policy_file(session)
    protected = protect(
        tables.SPECS, tables.RELATIONS, tables.SHARES, raw, ledger_cells(session), policy.policy
    )
    start = released[0] if released else period
    ytd_from = start if start[0] == period[0] else (period[0], 1)
    profile = session.scalars(select(StationProfile)).one()
    document = build_document(
        profile, protected, tables.SPECS, tables.SHARES, policy.policy, ytd_from=ytd_from
    )
    validate_document(document)  # the check the city office runs: never send what fails it
    cells = tuple(c for c in protected.cells if c.key.period == period)
    return _Prepared(raw, inclusions, protected, cells, document, dumps(document), policy)


def _stored(session: Session, period: Period) -> StatsRelease | None:
    return session.scalars(
        select(StatsRelease).where(StatsRelease.year == period[0], StatsRelease.month == period[1])
    ).first()


def preview(ctx: SignedIn, year: int, month: int, *, today: date | None = None) -> StatsPreview:
    """What would leave for this month (or what left, for a released month). Writes
    nothing."""
    ctx.require(Role.CUSTODIAN, Role.LEAD)
    period = _period(year, month)
    with ctx.vault.transaction() as s:
        stored = _stored(s, period)
        if stored is not None:
            hidden = s.scalar(
                select(func.count())
                .select_from(StatsCell)
                .where(StatsCell.release_id == stored.id, StatsCell.published.is_(False))
            )
            return StatsPreview(
                year,
                month,
                json.loads(stored.stats_json),
                stored.stats_json.encode("utf-8"),
                None,
                True,
                int(hidden or 0),
            )
        _check_releasable(s, period, today or date.today())
        prepared = _prepare(s, period)
        return StatsPreview(
            year,
            month,
            prepared.document,
            prepared.data,
            prepared.protected,
            False,
            sum(1 for c in prepared.cells if not c.published),
        )


def finalise(
    ctx: SignedIn,
    year: int,
    month: int,
    *,
    expected: bytes | None = None,
    today: date | None = None,
) -> FinalRelease:
    """Release a month: count and protect again, then write the release, every cell
    (month and year to date, margins included, true values), the records it counted
    and the audit entry, in one transaction. A released month returns its stored bytes.

    ``expected``: the previewed bytes; when the data changed since, nothing is released
    and the user is asked to look again."""
    ctx.require(Role.CUSTODIAN, Role.LEAD)
    period = _period(year, month)
    with ctx.vault.transaction() as s:
        stored = _stored(s, period)
        if stored is not None:
            return FinalRelease(stored.id, stored.stats_json.encode("utf-8"))
        _check_releasable(s, period, today or date.today())
        prepared = _prepare(s, period)
        if expected is not None and expected != prepared.data:
            raise StationError(
                "预览之后又有记录变动，统计数字已不同。请重新预览，确认后再发布。",
                "The records changed after the preview; preview again before releasing.",
            )
        release = StatsRelease(
            year=period[0],
            month=period[1],
            policy=prepared.policy.to_json(),
            stats_json=prepared.data.decode("utf-8"),
            created_by=ctx.user_id,
        )
        s.add(release)
        s.flush()
        # Core executemany: a busy month counts tens of thousands of records
        s.execute(
            insert(StatsCell),
            [
                {
                    "release_id": release.id,
                    "scope": c.key.scope,
                    "table_id": c.key.cell.table,
                    "row": c.key.cell.row,
                    "col": c.key.cell.col,
                    "value": c.value,
                    "published": c.published,
                    "primary": c.primary,
                    "k": c.k,
                }
                for c in prepared.cells
            ],
        )
        if prepared.inclusions:
            s.execute(
                insert(StatsInclusion),
                [
                    {"release_id": release.id, "kind": kind, "record_id": record_id}
                    for kind, record_id in prepared.inclusions
                ],
            )
        hidden = sum(1 for c in prepared.cells if not c.published)
        audit.record(
            s,
            ctx,
            "stats_release",
            "stats_release",
            release.id,
            f"period={period_text(period)} cells={len(prepared.cells)} suppressed={hidden}",
        )
        return FinalRelease(release.id, prepared.data)
