"""The directory of referral destinations and the expert resource pool (专家资源库).

A destination is a hospital's psychiatry department, a psychological clinic, an
expert, another institution, a hotline or something else, with its contact,
specialties and notes. The custodian manages the directory; every signed-in
counsellor (and the custodian) reads it to choose where to refer. A destination is
never deleted: a retired one is made inactive, stays on its old referrals and cannot
be chosen for new ones.

The audit log keeps ids and kinds only (an expert's name is personal data too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.models import Case, Destination, Referral
from station.models.enums import Role
from station.models.vocab import DestinationKind
from station.services import access, audit
from station.services.clients import require_choice
from station.services.context import SignedIn
from station.services.validation import check_text

NAME_MAX = 100
CONTACT_MAX = 500
SPECIALTIES_MAX = 500
NOTES_MAX = 2000


@dataclass(frozen=True)
class DestinationInput:
    name: str
    kind: DestinationKind | str | None
    contact: str = ""  # phone, address, contact person, opening hours
    specialties: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DestinationView:
    id: int
    name: str
    kind: DestinationKind
    contact: str
    specialties: str
    notes: str
    active: bool
    referral_count: int  # referrals to it among the cases the viewer may see (drafts too)


@dataclass(frozen=True)
class _Clean:
    name: str
    kind: str
    contact: str
    specialties: str
    notes: str


def _clean(data: DestinationInput) -> _Clean:
    name = " ".join(check_text(data.name, "name", "名称", NAME_MAX).split())
    kind = require_choice(DestinationKind, data.kind, "kind", "类别")
    return _Clean(
        name=name,
        kind=kind.value,
        contact=check_text(data.contact, "contact", "联系方式", CONTACT_MAX, required=False),
        specialties=check_text(
            data.specialties, "specialties", "擅长领域", SPECIALTIES_MAX, required=False
        ),
        notes=check_text(data.notes, "notes", "备注", NOTES_MAX, required=False),
    )


def _check_unique(session: Session, name: str, except_id: int | None = None) -> None:
    query = select(Destination.id).where(func.lower(Destination.name) == name.lower())
    if except_id is not None:
        query = query.where(Destination.id != except_id)
    if session.scalar(query) is not None:
        raise ValidationError(
            "转介去向目录中已有同名条目，请勿重复添加（可修改原条目，或将其重新启用）。",
            "A destination with this name is already in the directory.",
            field="name",
        )


def _get(session: Session, destination_id: int) -> Destination:
    row = session.get(Destination, destination_id)
    if row is None:
        raise access.NotFound("转介去向")
    return row


def add_destination(ctx: SignedIn, data: DestinationInput) -> int:
    """Custodian: add a destination or expert to the directory; returns its id."""
    ctx.require(Role.CUSTODIAN)
    clean = _clean(data)
    with ctx.vault.transaction() as s:
        _check_unique(s, clean.name)
        row = Destination(
            name=clean.name,
            kind=clean.kind,
            contact=clean.contact,
            specialties=clean.specialties,
            notes=clean.notes,
            active=True,
            created_by=ctx.user_id,
        )
        s.add(row)
        s.flush()
        audit.record(s, ctx, "destination_add", "destination", row.id, f"kind={clean.kind}")
        return row.id


def update_destination(ctx: SignedIn, destination_id: int, data: DestinationInput) -> None:
    """Custodian: correct a destination. Referrals already written keep pointing to it."""
    ctx.require(Role.CUSTODIAN)
    clean = _clean(data)
    with ctx.vault.transaction() as s:
        row = _get(s, destination_id)
        _check_unique(s, clean.name, except_id=row.id)
        changed = [
            name
            for name in _Clean.__dataclass_fields__
            if getattr(row, name) != getattr(clean, name)
        ]
        for name in changed:
            setattr(row, name, getattr(clean, name))
        if changed:
            audit.record(s, ctx, "destination_update", "destination", row.id, ",".join(changed))


def set_destination_active(ctx: SignedIn, destination_id: int, active: bool) -> None:
    """Custodian: retire a destination (no new referrals to it) or bring it back.
    Setting the state it already has changes nothing and writes nothing."""
    ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        row = _get(s, destination_id)
        if row.active == bool(active):
            return
        row.active = bool(active)
        action = "destination_reactivate" if active else "destination_deactivate"
        audit.record(s, ctx, action, "destination", row.id)


def referral_counts(session: Session, ctx: SignedIn, ids: list[int]) -> dict[int, int]:
    """Per destination: the live referrals (drafts included) on cases ``ctx`` may see."""
    if not ids:
        return {}
    rows = session.execute(
        select(Referral.destination_id, func.count())
        .join(Case, Case.id == Referral.case_id)
        .where(
            Referral.destination_id.in_(ids),
            Referral.deleted_at.is_(None),
            Case.deleted_at.is_(None),
            access.case_scope(ctx),
        )
        .group_by(Referral.destination_id)
    )
    return {int(dest): int(n) for dest, n in rows}


def view_of(row: Destination, count: int) -> DestinationView:
    return DestinationView(
        id=row.id,
        name=row.name,
        kind=DestinationKind(row.kind),
        contact=row.contact,
        specialties=row.specialties,
        notes=row.notes,
        active=row.active,
        referral_count=count,
    )


def destination_in(session: Session, ctx: SignedIn, destination_id: int) -> DestinationView:
    row = _get(session, destination_id)
    return view_of(row, referral_counts(session, ctx, [row.id]).get(row.id, 0))


def list_destinations(ctx: SignedIn, include_inactive: bool = False) -> list[DestinationView]:
    """The directory, by kind then name (counsellors and the custodian)."""
    access.require_person_records(ctx)
    order: dict[Any, int] = {kind.value: i for i, kind in enumerate(DestinationKind)}
    with ctx.vault.transaction() as s:
        query = select(Destination)
        if not include_inactive:
            query = query.where(Destination.active.is_(True))
        rows = list(s.scalars(query))
        counts = referral_counts(s, ctx, [r.id for r in rows])
        rows.sort(key=lambda r: (not r.active, order.get(r.kind, 99), r.name, r.id))
        return [view_of(r, counts.get(r.id, 0)) for r in rows]
