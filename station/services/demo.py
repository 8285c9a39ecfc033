"""A demo vault with synthetic data only: every name in it is obviously invented.

Reproducible for a seed (the keys are random; the records are not). Later
features add their records here.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from station.errors import WrongPassword
from station.models import User
from station.models.enums import Role, StationKind
from station.services import accounts, demo_assessments, demo_records, setup
from station.services.context import SignedIn
from station.vault.crypto import Argon2Params

DEMO_PASSWORD = "demo-2026"  # noqa: S105 - synthetic demo vault, shown on screen
CUSTODIAN_LOGIN = "admin"


@dataclass(frozen=True)
class DemoUser:
    login: str
    display_name: str
    role: Role


DEMO_USERS = (
    DemoUser(CUSTODIAN_LOGIN, "示例·管理员", Role.CUSTODIAN),
    DemoUser("counsellor1", "示例·林咨询师", Role.COUNSELLOR),
    DemoUser("counsellor2", "示例·周咨询师", Role.COUNSELLOR),
    DemoUser("lead", "示例·站长", Role.LEAD),
)

_TOWNS = ("青禾镇", "云溪街道", "柳岸镇", "松阳乡", "石桥街道")


@dataclass(frozen=True)
class DemoVault:
    path: Path
    recovery_key: str
    users: tuple[DemoUser, ...]
    password: str

    def hint(self) -> str:
        logins = " / ".join(u.login for u in self.users)
        return f"演示档案库（虚构数据）· 账户：{logins} · 密码：{self.password}"


def create_demo(root: Path, seed: int = 1, clients: int = 240) -> DemoVault:
    rng = random.Random(seed)
    town = rng.choice(_TOWNS)
    station = setup.StationInput(
        name=f"演示·{town}暖心港湾",
        code=f"DEMO-{rng.randint(1, 99):02d}",
        kind=StationKind.TOWNSHIP,
        region="演示市演示区",
    )
    custodian = setup.CustodianInput(CUSTODIAN_LOGIN, DEMO_USERS[0].display_name, DEMO_PASSWORD)
    # A demo holds no real data: no device binding, so it runs on any fresh machine.
    result = setup.create_vault(
        root, station, custodian, device_binding=False, argon2=Argon2Params()
    )
    ctx = result.ctx
    try:
        for user in DEMO_USERS[1:]:
            accounts.add_user(ctx, user.login, user.display_name, user.role, DEMO_PASSWORD)
        _clear_forced_changes(ctx)
        demo_assessments.directory(ctx)
    finally:
        accounts.logout(ctx)
    _history(root, rng)
    _records(root, seed, clients)
    return DemoVault(root, result.recovery_key, DEMO_USERS, DEMO_PASSWORD)


def _records(root: Path, seed: int, clients: int) -> None:
    counsellors = [
        accounts.login(root, u.login, DEMO_PASSWORD)
        for u in DEMO_USERS
        if u.role is Role.COUNSELLOR
    ]
    try:
        demo_records.populate(counsellors, counsellors[0], seed, date.today(), clients)
        demo_assessments.populate(counsellors, seed, date.today())
    finally:
        for ctx in counsellors:
            accounts.logout(ctx)


def _clear_forced_changes(ctx: SignedIn) -> None:
    """Demo accounts log straight in; real new accounts must change their password."""
    with ctx.vault.transaction() as s:
        for user in s.scalars(select(User)):
            user.must_change_password = False


def _history(root: Path, rng: random.Random) -> None:
    """Each demo user signs in once (one mistypes first), so the audit log has content."""
    for user in rng.sample(DEMO_USERS, k=len(DEMO_USERS)):
        if user.role is Role.COUNSELLOR and rng.random() < 0.5:
            with contextlib.suppress(WrongPassword):
                accounts.login(root, user.login, DEMO_PASSWORD + "x")
        accounts.logout(accounts.login(root, user.login, DEMO_PASSWORD))
