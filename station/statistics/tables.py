"""The monthly statistics tables: the catalogue (``SPECS``, ``RELATIONS``, ``SHARES``)
and ``compute``, which counts one calendar month from the vault.

What a month counts
-------------------
- Event records (a service session, group session, lecture, case opened, case closed,
  assessment, warning raised, warning handled, crisis event, referral sent, referral
  outcome, follow-up due, follow-up done) are counted once, by the first release made
  after they exist whose month is not before their date: month m counts the records
  dated in m plus the records dated before m that no earlier release counted (late
  additions, carried forward under the same suppression). Every counted record is
  returned as an inclusion ``(kind, record_id)``; the caller writes them to
  ``StatsInclusion`` with the release, so nothing is counted twice.
- The first release ever counts only its own month: older history is not back-filled,
  and records dated before the first released month never enter a later month either
  (the statistics start with the first release).
- Snapshots (risk levels of the cases open at the month's end, follow-ups overdue at
  the month's end, cases active during the month) are read as the records stand.
- Soft-deleted records (and records of deleted cases or clients) are not counted.
  A record counted by an earlier release stays counted there: a published month is final.

Year to date
------------
- SUM tables: the true values of this year's earlier releases (``StatsCell``) plus
  this month, so the year to date always agrees with what was published.
- DISTINCT tables (people, active cases, concerns): the people or cases counted this
  year. Each is frozen, for the rest of the calendar year, in the cells it was first
  counted in (stored as inclusions of kind ``y<year>:<tag>:<row>|<col>``): a person
  whose gender or rank is filled in later, or a session deleted after it was counted,
  can then never make a year-to-date cell shrink or move, which the disclosure audit
  relies on (ytd(m) ≥ ytd(m−1) and ytd(m) ≥ month(m), cell by cell). The month's
  tables use the same frozen cell for a person counted earlier in the year.
- The year to date starts with the first release when that is later than January.

Distinct people served are the clients of the month's counted service sessions plus the
registered attendees of its counted group sessions (anonymous clients included, their
missing gender, age band or rank level as 未填). Anonymous headcounts of group sessions
and lectures are attendance figures only: they cannot be told apart as people. The age
band is taken from the birth year at the month's end (the age is the calendar year minus
the birth year, so a person keeps one band all year).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from station.models import (
    Assessment,
    AssessmentWarning,
    Case,
    CaseConcern,
    Client,
    CrisisEvent,
    Destination,
    FollowUp,
    GroupAttendance,
    GroupProgramme,
    GroupSession,
    Headcount,
    Lecture,
    Referral,
    ReferralStep,
    RiskChange,
    Screening,
    ScreeningParticipant,
    ServiceSession,
    StatsCell,
    StatsInclusion,
    StatsRelease,
)
from station.models.vocab import (
    LABELS,
    CaseSource,
    CaseStatus,
    Concern,
    DestinationKind,
    Gender,
    RankLevel,
    ReferralStatus,
    RiskLevel,
    ServiceKind,
)
from station.services.cases import local_date
from station.services.clients import age_band
from station.services.views import AGE_BAND_LABELS, AgeBand
from station.statistics.spec import (
    TOTAL,
    Category,
    CellRef,
    Relation,
    Sensitivity,
    ShareSpec,
    TableSpec,
    YearToDate,
)
from station.statistics.suppression import Period, RawRelease

UNKNOWN = "unknown"  # the 未填 category: a field left empty on the record
N = "n"  # the single column of one-column tables


# -- inclusion kinds (StatsInclusion.kind) -------------------------------------------------
class Kind:
    SESSION = "session"
    GROUP_SESSION = "group_session"
    LECTURE = "lecture"
    CASE_OPENED = "case_opened"
    CASE_CLOSED = "case_closed"  # record_id: closure_key(case, day)
    ASSESSMENT = "assessment"
    WARNING_RAISED = "warning_raised"
    WARNING_HANDLED = "warning_handled"
    CRISIS = "crisis"
    REFERRAL_SENT = "referral_sent"
    REFERRAL_STEP = "referral_step"
    FOLLOW_UP_DUE = "follow_up_due"
    FOLLOW_UP_DONE = "follow_up_done"


Inclusion = tuple[str, int]


# -- the catalogue -------------------------------------------------------------------------
def _cat(code: str, zh: str, en: str) -> Category:
    return Category(code, zh, en)


def _enum_rows(kind: type[Any], en: Mapping[str, str] | None = None) -> tuple[Category, ...]:
    labels = LABELS[kind]
    return tuple(_cat(m.value, labels[m.value], (en or {}).get(m.value, m.value)) for m in kind)


def _col(zh: str, en: str) -> tuple[Category, ...]:
    return (_cat(N, zh, en),)


_UNKNOWN_CAT = _cat(UNKNOWN, "未填", "not recorded")

GENDER_ROWS = (*_enum_rows(Gender), _UNKNOWN_CAT)
AGE_COLS = (
    *(_cat(band.value, AGE_BAND_LABELS[band], band.value) for band in AgeBand),
    _UNKNOWN_CAT,
)
RANK_ROWS = (*_enum_rows(RankLevel), _UNKNOWN_CAT)

# The shipped scales (resources/scales) by id; an imported scale counts under "other".
SCALE_ROWS = (
    _cat("phq9", "PHQ-9 抑郁", "PHQ-9"),
    _cat("gad7", "GAD-7 焦虑", "GAD-7"),
    _cat("k10", "K10 心理困扰", "K10"),
    _cat("k6", "K6 心理困扰", "K6"),
    _cat("who5", "WHO-5 幸福感", "WHO-5"),
    _cat("cbi", "CBI 职业倦怠", "CBI"),
    _cat("other", "其他量表", "other scales"),
)
SHIPPED_SCALES = frozenset(c.code for c in SCALE_ROWS) - {"other"}

REFERRAL_OUTCOMES = (
    ReferralStatus.ACCEPTED,
    ReferralStatus.DECLINED,
    ReferralStatus.FEEDBACK,
    ReferralStatus.CLOSED,
)

SPECS: tuple[TableSpec, ...] = (
    TableSpec(
        "services_by_kind",
        "个体服务（按服务类型）",
        "Individual services by kind",
        _enum_rows(ServiceKind),
        _col("人次", "sessions"),
        Sensitivity.STANDARD,
        margins=True,
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "people_by_gender_age",
        "服务人数（按性别和年龄段）",
        "People served by gender and age band",
        GENDER_ROWS,
        AGE_COLS,
        Sensitivity.STANDARD,
        margins=True,
        ytd=YearToDate.DISTINCT,
        population="people",
    ),
    TableSpec(
        "people_by_rank",
        "服务人数（按职级）",
        "People served by rank level",
        RANK_ROWS,
        _col("人数", "people"),
        Sensitivity.STANDARD,
        margins=True,
        ytd=YearToDate.DISTINCT,
        population="people",
    ),
    TableSpec(
        "cases_flow",
        "新开和结案个案",
        "Cases opened and closed",
        (_cat("new", "新开个案", "opened"), _cat("closed", "结案", "closed")),
        _col("个案数", "cases"),
        Sensitivity.STANDARD,
        margins=False,  # opened and closed are different events: their sum means nothing
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "cases_active",
        "在案个案（当月内任一天进行中）",
        "Cases active during the month",
        (_cat("active", "在案个案", "active cases"),),
        _col("个案数", "cases"),
        Sensitivity.STANDARD,
        margins=False,
        ytd=YearToDate.DISTINCT,
    ),
    TableSpec(
        "concerns",
        "主诉类别（在案个案，可多选）",
        "Concern categories of active cases (several per case)",
        _enum_rows(Concern),
        _col("个案数", "cases"),
        Sensitivity.STANDARD,
        margins=False,  # a case has several concerns: the rows overlap
        ytd=YearToDate.DISTINCT,
    ),
    TableSpec(
        "case_sources",
        "新开个案来源",
        "Sources of new cases",
        _enum_rows(CaseSource),
        _col("个案数", "cases"),
        Sensitivity.STANDARD,
        margins=True,
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "assessments_by_scale",
        "心理测评（按量表）",
        "Assessments by scale",
        SCALE_ROWS,
        (
            _cat("administered", "测评人次", "administered"),
            _cat("positive", "阳性人次", "screened positive"),
        ),
        Sensitivity.STANDARD,
        margins=False,  # administered and positive overlap (positive ⊆ administered)
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "warnings",
        "测评预警",
        "Assessment warnings",
        (_cat("raised", "新发预警", "raised"), _cat("handled", "已响应预警", "responded to")),
        _col("条数", "warnings"),
        Sensitivity.SENSITIVE,
        margins=False,  # a warning handled this month may have been raised earlier
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "risk_levels",
        "月末进行中个案的风险等级",
        "Risk levels of open cases at the month's end",
        _enum_rows(RiskLevel),
        _col("个案数", "cases"),
        Sensitivity.SENSITIVE,
        margins=True,
        ytd=YearToDate.NONE,
    ),
    TableSpec(
        "crisis",
        "危机干预",
        "Crisis interventions",
        (_cat("events", "危机事件", "crisis events"),),
        _col("次数", "events"),
        Sensitivity.SENSITIVE,
        margins=False,
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "referrals_by_destination",
        "转介（按接收方类型，当月发出）",
        "Referrals sent, by destination kind",
        _enum_rows(DestinationKind),
        _col("件数", "referrals"),
        Sensitivity.SENSITIVE,
        margins=True,
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "referrals_by_outcome",
        "转介进展（当月记录的接收、拒收、反馈、关闭）",
        "Referral outcomes recorded in the month",
        tuple(_cat(s.value, LABELS[ReferralStatus][s.value], s.value) for s in REFERRAL_OUTCOMES),
        _col("件次", "steps"),
        Sensitivity.SENSITIVE,
        margins=False,  # one referral may take several steps in a month
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "follow_ups",
        "回访（当月到期、当月完成）",
        "Follow-ups due and done",
        (_cat("due", "到期回访", "due"), _cat("done", "完成回访", "done")),
        _col("次数", "follow-ups"),
        Sensitivity.STANDARD,
        margins=False,
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "follow_ups_overdue",
        "月末逾期未完成回访",
        "Follow-ups overdue at the month's end",
        (_cat("overdue", "逾期未完成", "overdue"),),
        _col("次数", "follow-ups"),
        Sensitivity.STANDARD,
        margins=False,
        ytd=YearToDate.NONE,
    ),
    TableSpec(
        "group_work",
        "团体辅导",
        "Group sessions",
        (_cat("sessions", "活动场次", "sessions"), _cat("attendance", "参与人次", "attendances")),
        _col("数量", "count"),
        Sensitivity.STANDARD,
        margins=False,
        ytd=YearToDate.SUM,
    ),
    TableSpec(
        "lectures",
        "讲座培训",
        "Lectures and training",
        (_cat("lectures", "场次", "lectures"), _cat("attendance", "参加人次", "attendances")),
        _col("数量", "count"),
        Sensitivity.STANDARD,
        margins=False,
        ytd=YearToDate.SUM,
    ),
)

SPEC_BY_ID: dict[str, TableSpec] = {spec.id: spec for spec in SPECS}


def _ref(table: str, row: str, col: str = N) -> CellRef:
    return CellRef(table, row, col)


# Linear relations an outsider can know hold between the tables (the audit must assume
# the attacker uses them). Shares add "numerator ≤ denominator" themselves.
RELATIONS: tuple[Relation, ...] = (
    # every new case has exactly one source
    Relation(((1, _ref("case_sources", TOTAL)), (-1, _ref("cases_flow", "new"))), "=="),
    # the open cases at the month's end were active during the month
    Relation(((1, _ref("risk_levels", TOTAL)), (-1, _ref("cases_active", "active"))), "<="),
    # a concern is counted for active cases only
    *(
        Relation(((1, _ref("concerns", c.value)), (-1, _ref("cases_active", "active"))), "<=")
        for c in Concern
    ),
)

SHARES: tuple[ShareSpec, ...] = tuple(
    ShareSpec(
        f"positive_rate_{row.code}",
        f"{row.label_zh} 阳性检出率",
        _ref("assessments_by_scale", row.code, "positive"),
        _ref("assessments_by_scale", row.code, "administered"),
    )
    for row in SCALE_ROWS
)


# -- helpers ---------------------------------------------------------------------------
_EPOCH = date(2000, 1, 1)


def closure_key(case_id: int, closed_on: date) -> int:
    """One closure of a case (a case reopened and closed again is a second closure)."""
    return case_id * 100_000 + (closed_on - _EPOCH).days


def month_end(period: Period) -> date:
    year, month = period
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class _Window:
    first: date  # the month's first day
    end: date  # the month's last day
    floor: date  # the earliest day a record may be dated and still be counted


def _not_included(kind: str, record_id: InstrumentedAttribute[int]) -> ColumnElement[bool]:
    return ~exists().where(StatsInclusion.kind == kind, StatsInclusion.record_id == record_id)


def _dated(column: Any, window: _Window) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return column >= window.floor, column <= window.end


def _moment_range(column: Any, window: _Window) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """A wide UTC range around the window; rows are then filtered by their local day."""
    low = datetime.combine(window.floor - timedelta(days=1), datetime.min.time())
    high = datetime.combine(window.end + timedelta(days=2), datetime.min.time())
    return column >= low, column < high


def _in_window(moment: datetime, window: _Window) -> bool:
    return window.floor <= local_date(moment) <= window.end


@dataclass
class _Tables:
    """Interior cells of every table for one scope, all present (zeros included)."""

    counts: dict[str, dict[tuple[str, str], int]] = field(default_factory=dict)

    @classmethod
    def empty(cls, specs: Iterable[TableSpec]) -> _Tables:
        return cls({s.id: {(r.code, c.code): 0 for r in s.rows for c in s.cols} for s in specs})

    def add(self, table: str, row: str, col: str = N, n: int = 1) -> None:
        cells = self.counts[table]
        if (row, col) not in cells:
            raise ValueError(f"{table}: no cell ({row}, {col})")
        cells[(row, col)] += n


# -- distinct people and cases, frozen per calendar year ------------------------------------
@dataclass(frozen=True)
class _Distinct:
    table: str
    tag: str  # short, so the inclusion kind fits its column (30 characters)
    partition: bool  # each entity is in exactly one cell (else: several, e.g. concerns)


_PEOPLE_GA = _Distinct("people_by_gender_age", "pga", partition=True)
_PEOPLE_RANK = _Distinct("people_by_rank", "prk", partition=True)
_ACTIVE = _Distinct("cases_active", "act", partition=True)
_CONCERNS = _Distinct("concerns", "con", partition=False)


def member_kind(year: int, tag: str, row: str, col: str) -> str:
    return f"y{year}:{tag}:{row}|{col}"


def _frozen(session: Session, year: int, d: _Distinct) -> dict[int, set[tuple[str, str]]]:
    prefix = f"y{year}:{d.tag}:"
    spec = SPEC_BY_ID[d.table]
    valid = {(r.code, c.code) for r in spec.rows for c in spec.cols}
    found: dict[int, set[tuple[str, str]]] = defaultdict(set)
    # a range on the (kind, record_id) index rather than LIKE, which SQLite would scan
    rows = session.execute(
        select(StatsInclusion.kind, StatsInclusion.record_id).where(
            StatsInclusion.kind >= prefix,
            StatsInclusion.kind < prefix[:-1] + ";",  # ":" + 1
        )
    ).tuples()
    for kind, record_id in rows:
        row, _, col = kind[len(prefix) :].partition("|")
        if (row, col) in valid:
            found[record_id].add((row, col))
    return found


def _count_distinct(
    session: Session,
    year: int,
    d: _Distinct,
    current: Mapping[int, set[tuple[str, str]]],
    month: _Tables,
    ytd: _Tables,
    inclusions: list[Inclusion],
) -> None:
    """Fill the month and year-to-date cells of a distinct table from this month's
    entities (``current``: entity → its cells now) and those frozen earlier this year."""
    frozen = _frozen(session, year, d)
    members: dict[int, set[tuple[str, str]]] = {}
    for entity, cells in current.items():
        if d.partition and frozen.get(entity):
            members[entity] = set(frozen[entity])  # keeps the cell it was first counted in
        else:
            members[entity] = set(cells)
    for cells in members.values():
        for row, col in cells:
            month.add(d.table, row, col)
    year_members: dict[int, set[tuple[str, str]]] = {e: set(c) for e, c in frozen.items()}
    for entity, cells in members.items():
        new = cells - year_members.get(entity, set())
        year_members.setdefault(entity, set()).update(new)
        inclusions.extend((member_kind(year, d.tag, row, col), entity) for row, col in new)
    for cells in year_members.values():
        for row, col in cells:
            ytd.add(d.table, row, col)


# -- the month ---------------------------------------------------------------------------
def _window(session: Session, period: Period, first_release: bool) -> _Window:
    first = date(period[0], period[1], 1)
    floor = first
    if not first_release:
        earliest = session.execute(
            select(StatsRelease.year, StatsRelease.month)
            .order_by(StatsRelease.year, StatsRelease.month)
            .limit(1)
        ).first()
        if earliest is not None:
            floor = min(first, date(earliest[0], earliest[1], 1))
    return _Window(first, month_end(period), floor)


_GENDERS = frozenset(g.value for g in Gender)
_RANKS = frozenset(r.value for r in RankLevel)
_SOURCES = frozenset(c.value for c in CaseSource)


def person_cells(
    gender: str | None, birth_year: int | None, rank_level: str | None, on: date
) -> tuple[str, str, str]:
    """A person's gender, age band (on a day) and rank level codes; 未填 when missing."""
    band = age_band(birth_year, on)
    return (
        gender if gender in _GENDERS else UNKNOWN,
        band.value if band is not None else UNKNOWN,
        rank_level if rank_level in _RANKS else UNKNOWN,
    )


class _Month:
    def __init__(self, session: Session, period: Period, first_release: bool) -> None:
        self.s = session
        self.period = period
        self.w = _window(session, period, first_release)
        self.month = _Tables.empty(SPECS)
        self.ytd = _Tables.empty(s for s in SPECS if s.ytd is not YearToDate.NONE)
        self.inclusions: list[Inclusion] = []
        self.people: set[int] = set()

    def include(self, kind: str, ids: Iterable[int]) -> None:
        self.inclusions.extend((kind, i) for i in ids)

    # services, people ---------------------------------------------------------------------
    def sessions(self) -> None:
        rows = self.s.execute(
            select(ServiceSession.id, ServiceSession.kind, Case.client_id)
            .join(Case, Case.id == ServiceSession.case_id)
            .join(Client, Client.id == Case.client_id)
            .where(
                ServiceSession.deleted_at.is_(None),
                Case.deleted_at.is_(None),
                Client.deleted_at.is_(None),
                *_dated(ServiceSession.held_on, self.w),
                _not_included(Kind.SESSION, ServiceSession.id),
            )
        ).tuples()
        for sid, kind, client_id in rows:
            self.month.add("services_by_kind", kind)
            self.people.add(client_id)
            self.include(Kind.SESSION, [sid])

    def group_sessions(self) -> None:
        held = (
            select(GroupSession.id)
            .join(GroupProgramme, GroupProgramme.id == GroupSession.programme_id)
            .where(
                GroupSession.deleted_at.is_(None),
                GroupProgramme.deleted_at.is_(None),
                *_dated(GroupSession.held_on, self.w),
                _not_included(Kind.GROUP_SESSION, GroupSession.id),
            )
        )
        ids = list(self.s.scalars(held))
        if not ids:
            return
        chosen = held.subquery()
        registered = list(
            self.s.scalars(
                select(GroupAttendance.client_id)
                .join(Client, Client.id == GroupAttendance.client_id)
                .where(
                    GroupAttendance.group_session_id.in_(select(chosen.c.id)),
                    Client.deleted_at.is_(None),
                )
            )
        )
        anonymous = self.s.scalar(
            select(func.coalesce(func.sum(Headcount.count), 0)).where(
                Headcount.group_session_id.in_(select(chosen.c.id))
            )
        )
        self.month.add("group_work", "sessions", n=len(ids))
        self.month.add("group_work", "attendance", n=len(registered) + int(anonymous or 0))
        self.people.update(registered)
        self.include(Kind.GROUP_SESSION, ids)

    def lectures(self) -> None:
        held = select(Lecture.id).where(
            Lecture.deleted_at.is_(None),
            *_dated(Lecture.held_on, self.w),
            _not_included(Kind.LECTURE, Lecture.id),
        )
        ids = list(self.s.scalars(held))
        if not ids:
            return
        chosen = held.subquery()
        audience = self.s.scalar(
            select(func.coalesce(func.sum(Headcount.count), 0)).where(
                Headcount.lecture_id.in_(select(chosen.c.id))
            )
        )
        self.month.add("lectures", "lectures", n=len(ids))
        self.month.add("lectures", "attendance", n=int(audience or 0))
        self.include(Kind.LECTURE, ids)

    def people_tables(self) -> None:
        year = self.period[0]
        current_ga: dict[int, set[tuple[str, str]]] = {}
        current_rank: dict[int, set[tuple[str, str]]] = {}
        if self.people:
            rows = self.s.execute(
                select(Client.id, Client.gender, Client.birth_year, Client.rank_level).where(
                    Client.id.in_(sorted(self.people))
                )
            ).tuples()
            for cid, gender, birth_year, rank in rows:
                g, band, r = person_cells(gender, birth_year, rank, self.w.end)
                current_ga[cid] = {(g, band)}
                current_rank[cid] = {(r, N)}
        for d, current in ((_PEOPLE_GA, current_ga), (_PEOPLE_RANK, current_rank)):
            _count_distinct(self.s, year, d, current, self.month, self.ytd, self.inclusions)

    # cases -----------------------------------------------------------------------------
    def _live_case(self) -> tuple[ColumnElement[bool], ...]:
        return (Case.deleted_at.is_(None), Client.deleted_at.is_(None))

    def cases(self) -> None:
        opened = self.s.execute(
            select(Case.id, Case.source)
            .join(Client, Client.id == Case.client_id)
            .where(
                *self._live_case(),
                *_dated(Case.opened_on, self.w),
                _not_included(Kind.CASE_OPENED, Case.id),
            )
        ).tuples()
        for case_id, source in opened:
            self.month.add("cases_flow", "new")
            src = source if source in _SOURCES else CaseSource.OTHER.value
            self.month.add("case_sources", src)
            self.include(Kind.CASE_OPENED, [case_id])

        closed = list(
            self.s.execute(
                select(Case.id, Case.closed_on)
                .join(Client, Client.id == Case.client_id)
                .where(
                    *self._live_case(),
                    Case.status == CaseStatus.CLOSED.value,
                    Case.closed_on.is_not(None),
                    *_dated(Case.closed_on, self.w),
                )
            ).tuples()
        )
        keys = [closure_key(cid, day) for cid, day in closed if day is not None]
        done = set(
            self.s.scalars(
                select(StatsInclusion.record_id).where(
                    StatsInclusion.kind == Kind.CASE_CLOSED, StatsInclusion.record_id.in_(keys)
                )
            )
        )
        fresh = [k for k in keys if k not in done]
        self.month.add("cases_flow", "closed", n=len(fresh))
        self.include(Kind.CASE_CLOSED, fresh)

    def active_cases(self) -> None:
        """Cases open on at least one day of the month, and their concerns (snapshot)."""
        w = self.w
        active = list(
            self.s.scalars(
                select(Case.id)
                .join(Client, Client.id == Case.client_id)
                .where(
                    *self._live_case(),
                    Case.opened_on <= w.end,
                    or_(Case.closed_on.is_(None), Case.closed_on >= w.first),
                )
            )
        )
        concerns: dict[int, set[tuple[str, str]]] = {cid: set() for cid in active}
        if active:
            valid = {c.value for c in Concern}
            for cid, concern in self.s.execute(
                select(CaseConcern.case_id, CaseConcern.concern).where(
                    CaseConcern.case_id.in_(active)
                )
            ).tuples():
                if concern in valid:
                    concerns[cid].add((concern, N))
        year = self.period[0]
        current_active = {cid: {("active", N)} for cid in active}
        _count_distinct(
            self.s, year, _ACTIVE, current_active, self.month, self.ytd, self.inclusions
        )
        _count_distinct(self.s, year, _CONCERNS, concerns, self.month, self.ytd, self.inclusions)

    def risk_levels(self) -> None:
        """Open cases at the month's end by their risk level on that day."""
        end = self.w.end
        open_cases = dict(
            self.s.execute(
                select(Case.id, Case.risk_level)
                .join(Client, Client.id == Case.client_id)
                .where(
                    *self._live_case(),
                    Case.opened_on <= end,
                    or_(Case.closed_on.is_(None), Case.closed_on > end),
                )
            )
            .tuples()
            .all()
        )
        if not open_cases:
            return
        history: dict[int, list[tuple[datetime, int, str, str]]] = defaultdict(list)
        for cid, at, rid, old, new in self.s.execute(
            select(
                RiskChange.case_id,
                RiskChange.changed_at,
                RiskChange.id,
                RiskChange.from_level,
                RiskChange.to_level,
            ).where(RiskChange.case_id.in_(list(open_cases)))
        ).tuples():
            history[cid].append((at, rid, old, new))
        valid = {lv.value for lv in RiskLevel}
        for cid, now in open_cases.items():
            changes = sorted(history.get(cid, []))
            before = [c for c in changes if local_date(c[0]) <= end]
            after = [c for c in changes if local_date(c[0]) > end]
            if before:
                level = before[-1][3]
            elif after:
                level = after[0][2]  # the level the first later change started from
            else:
                level = now
            self.month.add("risk_levels", level if level in valid else RiskLevel.NONE.value)

    def crisis(self) -> None:
        ids = list(
            self.s.scalars(
                select(CrisisEvent.id)
                .join(Case, Case.id == CrisisEvent.case_id)
                .join(Client, Client.id == Case.client_id)
                .where(
                    CrisisEvent.deleted_at.is_(None),
                    *self._live_case(),
                    *_dated(CrisisEvent.occurred_on, self.w),
                    _not_included(Kind.CRISIS, CrisisEvent.id),
                )
            )
        )
        self.month.add("crisis", "events", n=len(ids))
        self.include(Kind.CRISIS, ids)

    # assessments and warnings -------------------------------------------------------------
    def _live_assessment(self) -> ColumnElement[bool]:
        """Not withdrawn, and its case (or screening) not deleted."""
        live_case = exists().where(
            Case.id == Assessment.case_id,
            Case.deleted_at.is_(None),
            exists().where(Client.id == Case.client_id, Client.deleted_at.is_(None)),
        )
        live_screening = exists().where(
            ScreeningParticipant.id == Assessment.participant_id,
            Screening.id == ScreeningParticipant.screening_id,
            Screening.deleted_at.is_(None),
        )
        return Assessment.deleted_at.is_(None) & or_(live_case, live_screening)

    def assessments(self) -> None:
        rows = self.s.execute(
            select(Assessment.id, Assessment.scale_id, Assessment.positive).where(
                self._live_assessment(),
                *_dated(Assessment.administered_on, self.w),
                _not_included(Kind.ASSESSMENT, Assessment.id),
            )
        ).tuples()
        for aid, scale_id, positive in rows:
            row = scale_id if scale_id in SHIPPED_SCALES else "other"
            self.month.add("assessments_by_scale", row, "administered")
            if positive:
                self.month.add("assessments_by_scale", row, "positive")
            self.include(Kind.ASSESSMENT, [aid])

    def warnings(self) -> None:
        base = (
            select(AssessmentWarning.id, AssessmentWarning.raised_at)
            .join(Assessment, Assessment.id == AssessmentWarning.assessment_id)
            .where(self._live_assessment())
        )
        raised = self.s.execute(
            base.where(
                *_moment_range(AssessmentWarning.raised_at, self.w),
                _not_included(Kind.WARNING_RAISED, AssessmentWarning.id),
            )
        ).tuples()
        ids = [wid for wid, at in raised if _in_window(at, self.w)]
        self.month.add("warnings", "raised", n=len(ids))
        self.include(Kind.WARNING_RAISED, ids)

        handled = self.s.execute(
            select(AssessmentWarning.id, AssessmentWarning.responded_at)
            .join(Assessment, Assessment.id == AssessmentWarning.assessment_id)
            .where(
                self._live_assessment(),
                AssessmentWarning.response.is_not(None),
                AssessmentWarning.responded_at.is_not(None),
                *_moment_range(AssessmentWarning.responded_at, self.w),
                _not_included(Kind.WARNING_HANDLED, AssessmentWarning.id),
            )
        ).tuples()
        ids = [wid for wid, at in handled if at is not None and _in_window(at, self.w)]
        self.month.add("warnings", "handled", n=len(ids))
        self.include(Kind.WARNING_HANDLED, ids)

    # referrals -------------------------------------------------------------------------
    def _live_referral(self) -> tuple[ColumnElement[bool], ...]:
        return (
            Referral.deleted_at.is_(None),
            exists().where(
                Case.id == Referral.case_id,
                Case.deleted_at.is_(None),
                exists().where(Client.id == Case.client_id, Client.deleted_at.is_(None)),
            ),
        )

    def referrals(self) -> None:
        sent = self.s.execute(
            select(Referral.id, Destination.kind)
            .join(Destination, Destination.id == Referral.destination_id)
            .where(
                *self._live_referral(),
                Referral.sent_on.is_not(None),
                *_dated(Referral.sent_on, self.w),
                _not_included(Kind.REFERRAL_SENT, Referral.id),
            )
        ).tuples()
        kinds = {k.value for k in DestinationKind}
        for rid, kind in sent:
            row = kind if kind in kinds else DestinationKind.OTHER.value
            self.month.add("referrals_by_destination", row)
            self.include(Kind.REFERRAL_SENT, [rid])

        steps = self.s.execute(
            select(ReferralStep.id, ReferralStep.to_status)
            .join(Referral, Referral.id == ReferralStep.referral_id)
            .where(
                *self._live_referral(),
                ReferralStep.to_status.in_([s.value for s in REFERRAL_OUTCOMES]),
                *_dated(ReferralStep.on, self.w),
                _not_included(Kind.REFERRAL_STEP, ReferralStep.id),
            )
        ).tuples()
        for step_id, status in steps:
            self.month.add("referrals_by_outcome", status)
            self.include(Kind.REFERRAL_STEP, [step_id])

    # follow-ups -------------------------------------------------------------------------
    def _follow_ups(self) -> Select[tuple[int]]:
        return (
            select(FollowUp.id)
            .join(Case, Case.id == FollowUp.case_id)
            .join(Client, Client.id == Case.client_id)
            .where(FollowUp.deleted_at.is_(None), *self._live_case())
        )

    def follow_ups(self) -> None:
        due = list(
            self.s.scalars(
                self._follow_ups().where(
                    *_dated(FollowUp.due_on, self.w),
                    _not_included(Kind.FOLLOW_UP_DUE, FollowUp.id),
                )
            )
        )
        done = list(
            self.s.scalars(
                self._follow_ups().where(
                    FollowUp.done_on.is_not(None),
                    *_dated(FollowUp.done_on, self.w),
                    _not_included(Kind.FOLLOW_UP_DONE, FollowUp.id),
                )
            )
        )
        overdue = self.s.scalar(
            select(func.count()).select_from(
                self._follow_ups()
                .where(
                    FollowUp.due_on <= self.w.end,
                    or_(FollowUp.done_on.is_(None), FollowUp.done_on > self.w.end),
                )
                .subquery()
            )
        )
        self.month.add("follow_ups", "due", n=len(due))
        self.month.add("follow_ups", "done", n=len(done))
        self.month.add("follow_ups_overdue", "overdue", n=int(overdue or 0))
        self.include(Kind.FOLLOW_UP_DUE, due)
        self.include(Kind.FOLLOW_UP_DONE, done)

    # year to date of the SUM tables -----------------------------------------------------------
    def sum_ytd(self) -> None:
        year, month = self.period
        sums = {s.id for s in SPECS if s.ytd is YearToDate.SUM}
        earlier = self.s.execute(
            select(StatsCell.table_id, StatsCell.row, StatsCell.col, func.sum(StatsCell.value))
            .join(StatsRelease, StatsRelease.id == StatsCell.release_id)
            .where(
                StatsRelease.year == year,
                StatsRelease.month < month,
                StatsCell.scope == "month",
                StatsCell.row != TOTAL,
                StatsCell.col != TOTAL,
                StatsCell.table_id.in_(sorted(sums)),
            )
            .group_by(StatsCell.table_id, StatsCell.row, StatsCell.col)
        ).tuples()
        for table, row, col, total in earlier:
            if (row, col) in self.ytd.counts[table]:
                self.ytd.add(table, row, col, int(total or 0))
        for table in sums:
            for cell, n in self.month.counts[table].items():
                self.ytd.add(table, *cell, n=n)

    def run(self) -> tuple[RawRelease, list[Inclusion]]:
        self.sessions()
        self.group_sessions()
        self.lectures()
        self.people_tables()
        self.cases()
        self.active_cases()
        self.risk_levels()
        self.crisis()
        self.assessments()
        self.warnings()
        self.referrals()
        self.follow_ups()
        self.sum_ytd()
        raw = RawRelease(period=self.period, month=self.month.counts, ytd=self.ytd.counts)
        return raw, self.inclusions


def compute(
    session: Session, period: Period, first_release: bool
) -> tuple[RawRelease, list[Inclusion]]:
    """Count one month (and its year to date) from the vault; returns the raw interior
    cells and the records this release counts (to be written as ``StatsInclusion``).

    ``first_release``: no release exists yet, so only records dated in this month count.
    Reads only; the caller writes the inclusions with the release in one transaction.
    """
    return _Month(session, period, first_release).run()
