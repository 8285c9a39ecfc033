"""Logging in and out, locking, passwords, recovery, and the custodian's user list.

A login unwraps the user's key slot; the role comes from the database. Every
change to a slot is written to the header inside the database transaction that
records it, so a failure leaves both as they were.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.errors import ValidationError, VaultError, WrongPassword
from station.models import User
from station.models.base import utcnow
from station.models.enums import Role
from station.services import audit
from station.services.context import SignedIn
from station.services.validation import (
    check_login,
    check_new_password,
    check_text,
    normalise_login,
)
from station.vault import audit_chain
from station.vault.crypto import UnwrapFailed
from station.vault.header import Header
from station.vault.throttle import LoginThrottle
from station.vault.vault import Vault, VaultPaths

log = logging.getLogger(__name__)


class LoginThrottled(VaultError):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            f"密码错误次数过多，请 {seconds} 秒后再试。",
            f"Too many failed attempts; try again in {seconds} s.",
            field="password",
        )
        self.seconds = seconds


class AccountInactive(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "此账户已停用，请联系档案管理员。",
            "This account is deactivated; ask the custodian.",
        )


@dataclass(frozen=True)
class UserRow:
    id: int
    login: str
    display_name: str
    role: Role
    active: bool
    must_change_password: bool


def _row(user: User) -> UserRow:
    return UserRow(
        user.id,
        user.login,
        user.display_name,
        Role(user.role),
        user.active,
        user.must_change_password,
    )


def _signed_in(vault: Vault, user: User) -> SignedIn:
    return SignedIn(
        vault=vault,
        user_id=user.id,
        login=user.login,
        display_name=user.display_name,
        role=Role(user.role),
        must_change_password=user.must_change_password,
    )


def _user_by_login(session: Session, login: str) -> User | None:
    return session.scalars(select(User).where(User.login == normalise_login(login))).first()


def _flush_failed_logins(session: Session, vault: Vault, pending: dict[str, list[float]]) -> None:
    """Write failures recorded while the vault was closed into the audit log."""
    by_label = {vault.header.user_label(u.login): u.id for u in session.scalars(select(User))}
    for label, times in pending.items():
        for t in times:
            audit_chain.append(
                session,
                vault.suite,
                user_id=None,
                action="login_failed",
                object_kind="user",
                object_id=str(by_label.get(label, "")),
                detail="" if label in by_label else "unknown user name",
                at=datetime.fromtimestamp(t, UTC),
            )


def login(root: Path, login_name: str, password: str, *, action: str = "login") -> SignedIn:
    """Unlock the vault as this user; wrong passwords slow down further attempts."""
    paths = VaultPaths(root)
    header = Header.load(paths.header)
    throttle = LoginThrottle(paths.throttle)
    label = header.user_label(login_name)
    wait = throttle.wait_seconds(label)
    if wait:
        raise LoginThrottled(wait)
    try:
        vault = Vault.open_with_password(root, login_name, password)
    except WrongPassword:
        delay = throttle.record_failure(label)
        log.info("login failed; next attempt delayed %d s", delay)
        raise
    try:
        with vault.transaction() as s:
            user = _user_by_login(s, login_name)
            if user is None or not user.active:
                raise AccountInactive
            _flush_failed_logins(s, vault, throttle.take_all())
            throttle.clear(label)
            ctx = _signed_in(vault, user)
            audit.record(s, ctx, action, "user", user.id)
    except BaseException:
        vault.close()
        raise
    log.info("%s: user id %d, role %s", action, ctx.user_id, ctx.role.value)
    return ctx


def seconds_to_wait(root: Path, login_name: str) -> int:
    paths = VaultPaths(root)
    return LoginThrottle(paths.throttle).wait_seconds(
        Header.load(paths.header).user_label(login_name)
    )


def logout(ctx: SignedIn, action: str = "logout") -> None:
    if ctx.vault.is_open:
        with ctx.vault.transaction() as s:
            audit.record(s, ctx, action, "user", ctx.user_id)
        ctx.vault.close()


def lock(ctx: SignedIn) -> None:
    """Close the database and drop the key; ``unlock`` needs the password again."""
    logout(ctx, action="lock")


def unlock(root: Path, login_name: str, password: str) -> SignedIn:
    return login(root, login_name, password, action="unlock")


def change_password(ctx: SignedIn, old_password: str, new_password: str) -> None:
    vault = ctx.vault
    secret = vault.device_secret_for_slots()
    try:
        vault.header.unwrap_user(ctx.login, old_password, secret)
    except UnwrapFailed:
        raise ValidationError(
            "当前密码不正确。", "The current password is wrong.", field="old_password"
        ) from None
    if old_password == new_password:
        raise ValidationError(
            "新密码不能与当前密码相同。", "Choose a new password.", field="new_password"
        )
    check_new_password(new_password, ctx.login, field="new_password")
    with vault.transaction() as s:
        user = s.get(User, ctx.user_id)
        assert user is not None
        user.must_change_password = False
        audit.record(s, ctx, "password_change", "user", ctx.user_id)
        vault.header.set_user_slot(
            ctx.login, new_password, secret, vault.data_key, vault.slot_params
        )
        vault.save_header()
    ctx.must_change_password = False


def reset_with_recovery(
    root: Path, recovery_key: str, login_name: str, new_password: str
) -> SignedIn:
    """Open with the recovery key and give ``login_name`` a new password on this machine.

    When this machine's device secret is missing (new PC, other Windows account),
    a new one is made: the machine is re-enrolled, and the other users' passwords
    must then be reset by the custodian.
    """
    check_new_password(new_password, login_name, field="new_password")
    vault = Vault.open_with_recovery(root, recovery_key)
    try:
        with vault.transaction() as s:
            user = _user_by_login(s, login_name)
            if user is None or not user.active:
                raise ValidationError(
                    "没有这个在用的用户名。", "No active user has this name.", field="login"
                )
            user.must_change_password = False
            ctx = _signed_in(vault, user)
            reenrol = vault.device_secret_missing()
            secret = vault.device_secret_for_slots()
            audit.record(s, ctx, "recovery_used", "user", user.id)
            if reenrol:
                audit.record(s, ctx, "device_reenrol")
            audit.record(s, ctx, "password_reset", "user", user.id, "recovery key")
            vault.header.set_user_slot(
                user.login, new_password, secret, vault.data_key, vault.slot_params
            )
            vault.save_header()
    except BaseException:
        vault.close()
        raise
    return ctx


# -- the custodian's user administration ---------------------------------------
def list_users(ctx: SignedIn) -> list[UserRow]:
    ctx.require(Role.CUSTODIAN)
    with ctx.vault.transaction() as s:
        return [_row(u) for u in s.scalars(select(User).order_by(User.id))]


def add_user(
    ctx: SignedIn, login_name: str, display_name: str, role: Role, initial_password: str
) -> int:
    """Create an account with a temporary password that must be changed at first login."""
    ctx.require(Role.CUSTODIAN)
    role = Role(role)
    login_value = check_login(login_name)
    name = check_text(display_name, "display_name", "显示名", 30)
    check_new_password(initial_password, login_value)
    vault = ctx.vault
    with vault.transaction() as s:
        if _user_by_login(s, login_value) is not None:
            raise ValidationError("这个用户名已被使用。", "This user name is taken.", field="login")
        user = User(
            login=login_value,
            display_name=name,
            role=role.value,
            active=True,
            must_change_password=True,
        )
        s.add(user)
        s.flush()
        audit.record(s, ctx, "user_add", "user", user.id, role.value)
        vault.header.set_user_slot(
            login_value,
            initial_password,
            vault.device_secret_for_slots(),
            vault.data_key,
            vault.slot_params,
        )
        vault.save_header()
        return user.id


def _active_custodians(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == Role.CUSTODIAN.value, User.active.is_(True))
        )
        or 0
    )


def deactivate_user(ctx: SignedIn, user_id: int) -> None:
    """Remove the user's key slot and mark the account inactive; records stay."""
    ctx.require(Role.CUSTODIAN)
    if user_id == ctx.user_id:
        raise ValidationError("不能停用自己的账户。", "You cannot deactivate yourself.")
    vault = ctx.vault
    with vault.transaction() as s:
        user = s.get(User, user_id)
        if user is None or not user.active:
            raise ValidationError("该用户不存在或已停用。", "No such active user.")
        if user.role == Role.CUSTODIAN.value and _active_custodians(s) <= 1:
            raise ValidationError(
                "至少要保留一名在用的档案管理员。", "At least one custodian must stay active."
            )
        user.active = False
        user.deactivated_at = utcnow()
        audit.record(s, ctx, "user_deactivate", "user", user.id)
        vault.header.remove_user_slot(user.login)
        vault.save_header()


def set_temporary_password(ctx: SignedIn, user_id: int, temporary_password: str) -> None:
    """Custodian resets (or reactivates) an account; the user must change it at login."""
    ctx.require(Role.CUSTODIAN)
    vault = ctx.vault
    with vault.transaction() as s:
        user = s.get(User, user_id)
        if user is None:
            raise ValidationError("该用户不存在。", "No such user.")
        check_new_password(temporary_password, user.login)
        action = "password_reset" if user.active else "user_reactivate"
        user.active = True
        user.deactivated_at = None
        user.must_change_password = True
        audit.record(s, ctx, action, "user", user.id, "custodian")
        vault.header.set_user_slot(
            user.login,
            temporary_password,
            vault.device_secret_for_slots(),
            vault.data_key,
            vault.slot_params,
        )
        vault.save_header()
