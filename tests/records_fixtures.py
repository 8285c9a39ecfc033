"""Helpers to build people and records quickly in tests of the case-record services."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from station.models import ServiceSession
from station.models.enums import Role
from station.models.vocab import CaseSource, Concern, Gender, RankLevel, RiskLevel, ServiceKind
from station.services import accounts, cases, clients
from station.services.context import SignedIn

STAFF_PASSWORD = "Counsel-2026"

_CLIENT_FIELDS = {f.name for f in fields(clients.ClientInput)}
_CASE_FIELDS = {f.name for f in fields(cases.CaseInput)} - {"client_id"}


def make_user(
    custodian: SignedIn, vault_dir: Path, login: str, role: Role, display_name: str = ""
) -> SignedIn:
    """Add an account and log it in (its own Vault object); log it out at the end."""
    accounts.add_user(custodian, login, display_name or f"{login}老师", role, STAFF_PASSWORD)
    return accounts.login(vault_dir, login, STAFF_PASSWORD)


def make_counsellor(
    custodian: SignedIn, vault_dir: Path, login: str, display_name: str = ""
) -> SignedIn:
    return make_user(custodian, vault_dir, login, Role.COUNSELLOR, display_name)


def make_lead(custodian: SignedIn, vault_dir: Path, login: str = "lead") -> SignedIn:
    return make_user(custodian, vault_dir, login, Role.LEAD, "站长")


def new_client(ctx: SignedIn, **overrides: Any) -> int:
    values: dict[str, Any] = {
        "name": "测试来访者",
        "gender": Gender.FEMALE,
        "birth_year": 1985,
        "rank_level": RankLevel.GENERAL,
    }
    if overrides.get("anonymous"):
        values = {"alias": "匿名-1", "gender": Gender.MALE, "birth_year": 1980}
    values.update(overrides)
    return clients.register_client(ctx, clients.ClientInput(**values))


def new_client_case(ctx: SignedIn, **overrides: Any) -> tuple[int, int]:
    """Register a client and open a case; keyword arguments go to ``ClientInput`` or
    ``CaseInput`` by name (the custodian must pass ``counsellor_id``)."""
    unknown = set(overrides) - _CLIENT_FIELDS - _CASE_FIELDS
    assert not unknown, f"unknown fields: {unknown}"
    client_id = new_client(ctx, **{k: v for k, v in overrides.items() if k in _CLIENT_FIELDS})
    case_values: dict[str, Any] = {"source": CaseSource.SELF, "concerns": (Concern.WORKLOAD,)}
    case_values.update({k: v for k, v in overrides.items() if k in _CASE_FIELDS})
    case_id = cases.open_case(ctx, cases.CaseInput(client_id=client_id, **case_values))
    return client_id, case_id


def insert_session(
    ctx: SignedIn,
    case_id: int,
    held_on: date,
    *,
    counsellor_id: int | None = None,
    kind: ServiceKind = ServiceKind.INDIVIDUAL,
    risk_level: RiskLevel = RiskLevel.NONE,
    private_note: str = "",
    **extra: Any,
) -> int:
    """A raw session row (bypasses the session services: for list, timeline and
    dashboard tests only)."""
    uid = counsellor_id if counsellor_id is not None else ctx.user_id
    with ctx.vault.transaction() as s:
        row = ServiceSession(
            case_id=case_id,
            kind=kind.value,
            held_on=held_on,
            counsellor_id=uid,
            risk_level=risk_level.value,
            private_note=private_note,
            created_by=uid,
            **extra,
        )
        s.add(row)
        s.flush()
        return row.id
