"""The audit API every service writes through, and the custodian's view of the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from station.models import AuditEntry, User
from station.models.enums import Role
from station.services.context import SignedIn
from station.vault import audit_chain
from station.vault.audit_chain import ChainReport

# Actions and their Chinese labels; object ids are numbers, never names.
ACTION_LABELS: dict[str, str] = {
    "setup": "创建档案库",
    "login": "登录",
    "login_failed": "登录失败",
    "logout": "退出登录",
    "lock": "锁定",
    "unlock": "解锁",
    "user_add": "新增用户",
    "user_deactivate": "停用用户",
    "user_reactivate": "重新启用用户",
    "password_change": "修改密码",
    "password_reset": "重设密码",
    "recovery_used": "使用恢复密钥",
    "recovery_rotate": "更换恢复密钥",
    "sheet_print": "打印恢复密钥单",
    "sheet_save": "保存恢复密钥单",
    "device_reenrol": "本机重新登记",
    "settings_change": "修改设置",
    "audit_verify": "校验审计日志",
    "audit_view": "查看审计日志",
    "vault_verify": "校验档案库",
}


def record(
    session: Session,
    ctx: SignedIn,
    action: str,
    object_kind: str = "",
    object_id: str | int = "",
    detail: str = "",
) -> None:
    """Append one entry in the caller's transaction (so it commits with the change)."""
    audit_chain.append(
        session,
        ctx.vault.suite,
        user_id=ctx.user_id,
        action=action,
        object_kind=object_kind,
        object_id=str(object_id),
        detail=detail,
    )


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    user_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str
    user: str
    action: str
    action_label: str
    object_kind: str
    object_id: str
    detail: str


def _filtered(
    query: Select[tuple[AuditEntry, str]], flt: AuditFilter
) -> Select[tuple[AuditEntry, str]]:
    if flt.action:
        query = query.where(AuditEntry.action == flt.action)
    if flt.user_id is not None:
        query = query.where(AuditEntry.user_id == flt.user_id)
    if flt.since is not None:
        query = query.where(AuditEntry.at >= flt.since.strftime("%Y-%m-%dT%H:%M:%S"))
    if flt.until is not None:
        query = query.where(AuditEntry.at < flt.until.strftime("%Y-%m-%dT%H:%M:%S"))
    return query


def browse(ctx: SignedIn, flt: AuditFilter, offset: int = 0, limit: int = 500) -> list[AuditRow]:
    ctx.require(Role.CUSTODIAN)
    query = _filtered(
        select(AuditEntry, User.login).outerjoin(User, User.id == AuditEntry.user_id), flt
    )
    query = query.order_by(AuditEntry.seq.desc()).offset(offset).limit(limit)
    with ctx.vault.transaction() as s:
        rows = [
            AuditRow(
                seq=e.seq,
                at=e.at,
                user=login or "",
                action=e.action,
                action_label=ACTION_LABELS.get(e.action, e.action),
                object_kind=e.object_kind,
                object_id=e.object_id,
                detail=e.detail,
            )
            for e, login in s.execute(query)
        ]
        if offset == 0:
            record(s, ctx, "audit_view")
    return rows


def count(ctx: SignedIn, flt: AuditFilter) -> int:
    ctx.require(Role.CUSTODIAN)
    query = _filtered(select(AuditEntry, User.login).outerjoin(User), flt)
    with ctx.vault.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(query.subquery())) or 0)


def verify(ctx: SignedIn) -> ChainReport:
    ctx.require(Role.CUSTODIAN)
    return verify_chain(ctx, log=True)


def verify_chain(ctx: SignedIn, log: bool) -> ChainReport:
    try:
        anchor = ctx.vault.audit_anchor()
    except ValueError:
        return ChainReport(0, False, None, "审计锚点文件被改动。")
    with ctx.vault.transaction() as s:
        report = audit_chain.verify(s, ctx.vault.suite, anchor)
    if log:
        with ctx.vault.transaction() as s:
            record(s, ctx, "audit_verify", detail="ok" if report.ok else "failed")
    return report
