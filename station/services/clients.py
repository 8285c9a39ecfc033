"""Clients (来访者): registration by real name or anonymously, edits, views, deletion.

Identity fields (name, unit, phone, emergency contact) are shown only where
``access.sees_identity`` allows, and every showing is audited (``identity_view``).
An anonymous client has an alias and no identity fields at all.

This module also holds the small input checks and the purge helper the other
record services share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import ColumnElement, Table, delete, select
from sqlalchemy.orm import Session

from station.errors import PermissionDenied, ValidationError
from station.models import Base, Case, Client, User
from station.models.base import utcnow
from station.models.enums import Role
from station.models.vocab import (
    CaseStatus,
    Gender,
    PostType,
    RankDetail,
    RankLevel,
    UnitType,
)
from station.services import access, audit
from station.services.context import SignedIn
from station.services.validation import check_text
from station.services.views import AgeBand, CaseBrief, ClientView, UserRef

E = TypeVar("E", bound=StrEnum)

FIRST_BIRTH_YEAR = 1940
MIN_AGE = 16
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{4,28}[0-9]$")
IDENTITY_FIELDS = ("name", "unit", "phone", "emergency_contact")


# -- shared checks ---------------------------------------------------------------
def check_choice(kind: type[E], value: E | str | None, field: str, label: str) -> E | None:
    """A vocabulary value (member or stored value); None stays None."""
    if value is None or value == "":
        return None
    try:
        return kind(value)
    except ValueError:
        raise ValidationError(
            f"{label}的取值无效。", f"{field} has an unknown value.", field=field
        ) from None


def require_choice(kind: type[E], value: E | str | None, field: str, label: str) -> E:
    member = check_choice(kind, value, field, label)
    if member is None:
        raise ValidationError(f"请选择{label}。", f"{field} is required.", field=field)
    return member


def check_date(
    value: date | None,
    field: str,
    label: str,
    *,
    not_before: date | None = None,
    not_after: date | None = None,
) -> date:
    if value is None:
        raise ValidationError(f"请填写{label}。", f"{field} is required.", field=field)
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(f"{label}不是有效日期。", f"{field} is not a date.", field=field)
    if not_after is not None and value > not_after:
        raise ValidationError(
            f"{label}不能晚于 {not_after:%Y-%m-%d}。", f"{field} is too late.", field=field
        )
    if not_before is not None and value < not_before:
        raise ValidationError(
            f"{label}不能早于 {not_before:%Y-%m-%d}。", f"{field} is too early.", field=field
        )
    return value


def check_birth_year(value: int | None, today: date | None = None) -> int | None:
    if value is None:
        return None
    last = (today or date.today()).year - MIN_AGE
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not (FIRST_BIRTH_YEAR <= value <= last)
    ):
        raise ValidationError(
            f"出生年份须在 {FIRST_BIRTH_YEAR} 至 {last} 之间。",
            f"The birth year lies between {FIRST_BIRTH_YEAR} and {last}.",
            field="birth_year",
        )
    return value


def age_band(birth_year: int | None, on: date) -> AgeBand | None:
    """The age band on a day, from the birth year alone (views and statistics)."""
    if birth_year is None:
        return None
    age = on.year - birth_year
    if age < 30:
        return AgeBand.UNDER_30
    if age < 40:
        return AgeBand.FROM_30
    if age < 50:
        return AgeBand.FROM_40
    if age < 60:
        return AgeBand.FROM_50
    return AgeBand.FROM_60


def user_refs(session: Session, ids: Iterable[int]) -> dict[int, UserRef]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {uid: UserRef(uid, name) for uid, name in rows}


def user_ref(session: Session, user_id: int) -> UserRef:
    return user_refs(session, [user_id]).get(user_id, UserRef(user_id, ""))


def purge_rows(session: Session, table: Table, where: ColumnElement[bool]) -> int:
    """Hard-delete the rows of ``table`` matching ``where`` and, first, every row of
    every table that refers to them (found from the schema's foreign keys, so a table
    added later is purged too). Returns the number of rows deleted."""
    removed = 0
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table and child is not table:
                removed += purge_rows(session, child, fk.parent.in_(select(fk.column).where(where)))
    result = session.execute(delete(table).where(where))
    return removed + int(getattr(result, "rowcount", 0) or 0)


# -- clients ---------------------------------------------------------------------
@dataclass(frozen=True)
class ClientInput:
    anonymous: bool = False
    alias: str = ""  # 匿名代号; required for anonymous clients, optional otherwise
    name: str = ""
    unit: str = ""
    phone: str = ""
    emergency_contact: str = ""
    gender: Gender | None = None
    birth_year: int | None = None
    rank_level: RankLevel | None = None
    rank_detail: RankDetail | None = None
    post_type: PostType | None = None
    unit_type: UnitType | None = None


@dataclass(frozen=True)
class CleanClient:
    anonymous: bool
    alias: str
    name: str
    unit: str
    phone: str
    emergency_contact: str
    gender: str | None
    birth_year: int | None
    rank_level: str | None
    rank_detail: str | None
    post_type: str | None
    unit_type: str | None


_IDENTITY_LABELS = {
    "name": "姓名",
    "unit": "单位",
    "phone": "联系电话",
    "emergency_contact": "紧急联系人",
}


def clean_client(data: ClientInput) -> CleanClient:
    """The client's fields checked and normalised (raises ``ValidationError`` at the
    field); nothing is written."""
    anonymous = bool(data.anonymous)
    alias = check_text(data.alias, "alias", "匿名代号", 40, required=anonymous)
    if anonymous:
        for field in IDENTITY_FIELDS:
            if str(getattr(data, field) or "").strip():
                raise ValidationError(
                    f"匿名来访者不登记{_IDENTITY_LABELS[field]}，请清空此项。",
                    f"An anonymous client has no {field}.",
                    field=field,
                )
        name = unit = phone = contact = ""
    else:
        name = check_text(data.name, "name", "姓名", 40)
        unit = check_text(data.unit, "unit", "单位", 100, required=False)
        phone = check_text(data.phone, "phone", "联系电话", 30, required=False)
        if phone and not PHONE_RE.match(phone):
            raise ValidationError(
                "联系电话只能包含数字、空格、括号、连字符和开头的 +。",
                "A phone number holds digits, spaces, brackets, hyphens and a leading +.",
                field="phone",
            )
        contact = check_text(data.emergency_contact, "emergency_contact", "紧急联系人", 100, False)
    rank_level = check_choice(RankLevel, data.rank_level, "rank_level", "职级")
    rank_detail = check_choice(RankDetail, data.rank_detail, "rank_detail", "具体职级")
    if rank_detail is not None and rank_level is None:
        raise ValidationError(
            "填写具体职级前请先选择职级。", "Choose the rank level first.", field="rank_level"
        )
    gender = check_choice(Gender, data.gender, "gender", "性别")
    post = check_choice(PostType, data.post_type, "post_type", "岗位类别")
    unit_type = check_choice(UnitType, data.unit_type, "unit_type", "单位类型")
    return CleanClient(
        anonymous=anonymous,
        alias=alias,
        name=name,
        unit=unit,
        phone=phone,
        emergency_contact=contact,
        gender=gender.value if gender else None,
        birth_year=check_birth_year(data.birth_year),
        rank_level=rank_level.value if rank_level else None,
        rank_detail=rank_detail.value if rank_detail else None,
        post_type=post.value if post else None,
        unit_type=unit_type.value if unit_type else None,
    )


_STORED_FIELDS = tuple(CleanClient.__dataclass_fields__)


def register_client(ctx: SignedIn, data: ClientInput) -> int:
    """Register a client (counsellor or custodian); returns the new client's id."""
    access.require_person_records(ctx)
    clean = clean_client(data)
    with ctx.vault.transaction() as s:
        return insert_client(s, ctx, clean)


def insert_client(session: Session, ctx: SignedIn, clean: CleanClient) -> int:
    """Add a checked client inside the caller's transaction (audited ``client_register``);
    returns its id. The caller has already checked ``access.require_person_records``."""
    client = Client(created_by=ctx.user_id)
    for field in _STORED_FIELDS:
        setattr(client, field, getattr(clean, field))
    session.add(client)
    session.flush()
    audit.record(
        session,
        ctx,
        "client_register",
        "client",
        client.id,
        "anonymous" if clean.anonymous else "",
    )
    return client.id


def update_client(ctx: SignedIn, client_id: int, data: ClientInput) -> None:
    """Replace the client's fields; only someone who sees the identity may edit it."""
    access.require_person_records(ctx)
    clean = clean_client(data)
    with ctx.vault.transaction() as s:
        client = access.get_client(s, ctx, client_id)
        if client.deleted_at is not None:
            raise access.NotFound("来访者")
        if not access.sees_identity(s, ctx, client):
            raise PermissionDenied
        changed = [f for f in _STORED_FIELDS if getattr(client, f) != getattr(clean, f)]
        for field in changed:
            setattr(client, field, getattr(clean, field))
        if changed:
            audit.record(s, ctx, "client_update", "client", client.id, ",".join(changed))


def client_view(ctx: SignedIn, client_id: int, today: date | None = None) -> ClientView:
    """The client as this user may see it; audited (``identity_view`` when shown)."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        client = access.get_client(s, ctx, client_id)
        shown = access.sees_identity(s, ctx, client)
        cases = tuple(
            CaseBrief(c.id, c.code, CaseStatus(c.status), c.deleted_at is not None)
            for c in s.scalars(
                select(Case)
                .where(Case.client_id == client.id, access.case_scope(ctx))
                .order_by(Case.opened_on, Case.id)
            )
        )
        audit.record(s, ctx, "client_view", "client", client.id)
        if shown and not client.anonymous:
            audit.record(s, ctx, "identity_view", "client", client.id)
        return ClientView(
            id=client.id,
            anonymous=client.anonymous,
            alias=client.alias,
            gender=Gender(client.gender) if client.gender else None,
            birth_year=client.birth_year,
            age_band=age_band(client.birth_year, today or date.today()),
            rank_level=RankLevel(client.rank_level) if client.rank_level else None,
            rank_detail=RankDetail(client.rank_detail) if client.rank_detail else None,
            post_type=PostType(client.post_type) if client.post_type else None,
            unit_type=UnitType(client.unit_type) if client.unit_type else None,
            identity_shown=shown,
            name=client.name if shown else None,
            unit=client.unit if shown else None,
            phone=client.phone if shown else None,
            emergency_contact=client.emergency_contact if shown else None,
            created_by=client.created_by,
            deleted=client.deleted_at is not None,
            cases=cases,
        )


def _live_cases(session: Session, client_id: int) -> list[Case]:
    return list(
        session.scalars(select(Case).where(Case.client_id == client_id, Case.deleted_at.is_(None)))
    )


def delete_client(ctx: SignedIn, client_id: int) -> None:
    """Soft delete. The custodian may delete any client (its cases go with it); the
    counsellor who registered a client may delete it while it has no case."""
    access.require_person_records(ctx)
    with ctx.vault.transaction() as s:
        client = access.get_client(s, ctx, client_id)
        if client.deleted_at is not None:
            raise ValidationError("该来访者已删除。", "The client is already deleted.")
        cases = _live_cases(s, client.id)
        if ctx.role is not Role.CUSTODIAN:
            if client.created_by != ctx.user_id:
                raise PermissionDenied
            if cases:
                raise ValidationError(
                    "该来访者已有个案，只能由档案管理员删除。",
                    "The client has a case; only the custodian may delete it.",
                )
        moment = utcnow()
        client.deleted_at = moment
        client.deleted_by = ctx.user_id
        for case in cases:
            case.deleted_at = moment
            case.deleted_by = ctx.user_id
            audit.record(s, ctx, "case_delete", "case", case.id, f"client={client.id}")
        audit.record(s, ctx, "client_delete", "client", client.id, f"cases={len(cases)}")


def restore_client(ctx: SignedIn, client_id: int) -> None:
    """Custodian: undo a soft delete, with the cases that were deleted together with it."""
    ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        client = access.get_client(s, ctx, client_id)
        if client.deleted_at is None:
            raise ValidationError("该来访者未被删除。", "The client is not deleted.")
        together = s.scalars(
            select(Case).where(Case.client_id == client.id, Case.deleted_at == client.deleted_at)
        ).all()
        for case in together:
            case.deleted_at = None
            case.deleted_by = None
            audit.record(s, ctx, "case_restore", "case", case.id, f"client={client.id}")
        client.deleted_at = None
        client.deleted_by = None
        audit.record(s, ctx, "client_restore", "client", client.id, f"cases={len(together)}")


def purge_client(ctx: SignedIn, client_id: int) -> int:
    """Custodian: remove a soft-deleted client and everything recorded about them, in
    one transaction. The audit log keeps only the ids. Returns the rows removed."""
    ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        client = access.get_client(s, ctx, client_id)
        if client.deleted_at is None:
            raise ValidationError(
                "只能彻底清除已删除的来访者，请先删除。",
                "Only a deleted client can be purged; delete it first.",
            )
        case_ids = list(s.scalars(select(Case.id).where(Case.client_id == client.id)))
        s.expunge_all()
        clients = Client.__table__
        assert isinstance(clients, Table)
        removed = purge_rows(s, clients, clients.c.id == client_id)
        for case_id in case_ids:
            audit.record(s, ctx, "case_purge", "case", case_id, f"client={client_id}")
        audit.record(s, ctx, "client_purge", "client", client_id, f"rows={removed}")
        return removed
