"""The case list: filters, sort orders and paging over the cases this user may see.

Rows carry only what the list shows. The text filter matches a case-code prefix,
the alias, or the name (the name only on rows whose client's identity the user
sees). Matching uses ``LIKE`` with escaping, so two-character Chinese names work
(FTS5's trigram tokenizer needs three).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, select, true
from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.models import Case, Client, ServiceSession, User
from station.models.vocab import CaseStatus, Gender, RiskLevel
from station.services import access, audit
from station.services.clients import age_band, check_choice
from station.services.context import SignedIn
from station.services.views import CaseRow, Page

MAX_LIMIT = 500
TEXT_MAX = 40


class SortKey(StrEnum):
    CODE = "code"
    CLIENT = "client"
    GENDER = "gender"
    AGE_BAND = "age_band"
    COUNSELLOR = "counsellor"
    STATUS = "status"
    RISK = "risk"
    OPENED_ON = "opened_on"
    LAST_SESSION = "last_session"


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""  # case-code prefix, alias, or name (where the identity is seen)
    counsellor_id: int | None = None
    status: CaseStatus | None = None
    risk_levels: tuple[RiskLevel, ...] = ()  # any of these; empty: all
    opened_from: date | None = None  # inclusive
    opened_to: date | None = None  # inclusive
    deleted: bool | None = None  # custodian only: True deleted only, False live only
    sort: SortKey = SortKey.OPENED_ON
    descending: bool = True
    offset: int = 0
    limit: int = 50


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def identity_shown(ctx: SignedIn) -> ColumnElement[bool]:
    """``access.sees_identity`` for the rows of this query. Every row is a case inside
    ``access.case_scope(ctx)``, and the identity of a client is seen by the custodian
    and by any counsellor who sees one of the client's cases; so it holds on every row
    either of them gets. Anyone else sees no identity (and gets no rows)."""
    return true() if ctx.sees_person_records else false()


def _last_session() -> Any:
    return (
        select(ServiceSession.held_on)
        .where(ServiceSession.case_id == Case.id, ServiceSession.deleted_at.is_(None))
        .order_by(ServiceSession.held_on.desc())
        .limit(1)
        .correlate(Case)
        .scalar_subquery()
    )


_RISK_RANK = case({level.value: level.rank for level in RiskLevel}, value=Case.risk_level, else_=0)


def _check(ctx: SignedIn, query: CaseQuery) -> list[ColumnElement[bool]]:
    access.require_person_records(ctx)
    text = (query.text or "").strip()
    if len(text) > TEXT_MAX:
        raise ValidationError(
            f"查询内容不能超过 {TEXT_MAX} 个字。", "The search text is too long.", field="text"
        )
    status = check_choice(CaseStatus, query.status, "status", "状态")
    levels = [check_choice(RiskLevel, r, "risk_levels", "风险等级") for r in query.risk_levels]
    if query.opened_from and query.opened_to and query.opened_from > query.opened_to:
        raise ValidationError(
            "开始日期不能晚于结束日期。", "The date range is reversed.", field="opened_from"
        )
    if not 1 <= query.limit <= MAX_LIMIT or query.offset < 0:
        raise ValidationError("分页参数无效。", "Bad paging values.", field="limit")
    conds: list[ColumnElement[bool]] = [access.case_scope(ctx)]
    if text:
        pattern = f"%{escape_like(text)}%"
        conds.append(
            or_(
                Case.code.like(f"{escape_like(text)}%", escape="\\"),
                Client.alias.like(pattern, escape="\\"),
                and_(identity_shown(ctx), Client.name.like(pattern, escape="\\")),
            )
        )
    if query.counsellor_id is not None:
        conds.append(Case.counsellor_id == query.counsellor_id)
    if status is not None:
        conds.append(Case.status == status.value)
    if levels:
        conds.append(Case.risk_level.in_([lv.value for lv in levels if lv is not None]))
    if query.opened_from is not None:
        conds.append(Case.opened_on >= query.opened_from)
    if query.opened_to is not None:
        conds.append(Case.opened_on <= query.opened_to)
    if query.deleted is True:
        conds.append(Case.deleted_at.is_not(None))
    elif query.deleted is False:
        conds.append(Case.deleted_at.is_(None))
    return conds


def client_label(ctx: SignedIn) -> ColumnElement[str]:
    """What a list shows for a client: the name where it is seen and given, else the alias."""
    return case(
        (and_(identity_shown(ctx), Client.name != ""), Client.name),
        else_=Client.alias,
    )


def _ordered(stmt: Select[Any], query: CaseQuery, last: Any, shown: Any) -> Select[Any]:
    key = SortKey(query.sort)
    column: Any = {
        SortKey.CODE: Case.code,
        SortKey.CLIENT: shown,
        SortKey.GENDER: Client.gender,
        SortKey.AGE_BAND: -func.coalesce(Client.birth_year, 0),  # younger first
        SortKey.COUNSELLOR: User.display_name,
        SortKey.STATUS: Case.status,
        SortKey.RISK: _RISK_RANK,
        SortKey.OPENED_ON: Case.opened_on,
        SortKey.LAST_SESSION: last,
    }[key]
    if query.descending:
        return stmt.order_by(column.desc(), Case.id.desc())
    return stmt.order_by(column.asc(), Case.id.asc())


def _rows(session: Session, ctx: SignedIn, query: CaseQuery) -> tuple[list[CaseRow], bool]:
    conds = _check(ctx, query)
    # Labelled, so ORDER BY names the selected value instead of evaluating it twice.
    last = _last_session().label("last_session_on")
    shown = client_label(ctx).label("client_shown")
    stmt = (
        select(
            Case.id,
            Case.code,
            shown,
            Client.gender,
            Client.birth_year,
            User.display_name,
            Case.status,
            Case.risk_level,
            Case.opened_on,
            last,
            Case.deleted_at,
        )
        .join(Client, Client.id == Case.client_id)
        .join(User, User.id == Case.counsellor_id)
        .where(*conds)
    )
    stmt = _ordered(stmt, query, last, shown).offset(query.offset).limit(query.limit + 1)
    today = date.today()
    rows = [
        CaseRow(
            id=r[0],
            code=r[1],
            client=r[2] or "",
            gender=Gender(r[3]) if r[3] else None,
            age_band=age_band(r[4], today),
            counsellor=r[5],
            status=CaseStatus(r[6]),
            risk_level=RiskLevel(r[7]),
            opened_on=r[8],
            last_session_on=r[9],
            deleted=r[10] is not None,
        )
        for r in session.execute(stmt)
    ]
    more = len(rows) > query.limit
    return rows[: query.limit], more


def search_cases(ctx: SignedIn, query: CaseQuery) -> Page[CaseRow]:
    """One page of the case list. The first page of a search is audited (the number
    of rows, never the search text)."""
    with ctx.vault.transaction() as s:
        rows, more = _rows(s, ctx, query)
        if query.offset == 0:
            audit.record(s, ctx, "case_search", detail=f"rows={len(rows)}")
    return Page(tuple(rows), query.offset, query.limit, more)


def count_cases(ctx: SignedIn, query: CaseQuery) -> int:
    """How many cases the same filters select (paging ignored)."""
    conds = _check(ctx, query)
    stmt = (
        select(func.count())
        .select_from(Case)
        .join(Client, Client.id == Case.client_id)
        .where(*conds)
    )
    with ctx.vault.transaction() as s:
        return int(s.scalar(stmt) or 0)
