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
    # service sessions, sandplay, group work, lectures
    "session_add": "新增服务记录",
    "session_edit": "修改服务记录",
    "session_view": "查看服务记录",
    "session_delete": "删除服务记录",
    "sandplay_edit": "修改沙盘记录",
    "photo_add": "添加沙盘照片",
    "photo_view": "查看沙盘照片",
    "photo_edit": "修改照片说明",
    "photo_remove": "删除沙盘照片",
    "group_add": "新增团体辅导",
    "group_edit": "修改团体辅导",
    "group_delete": "删除团体辅导",
    "group_session_add": "新增团体活动",
    "group_session_edit": "修改团体活动",
    "group_session_delete": "删除团体活动",
    "group_view": "查看团体活动出勤",
    "attendance_edit": "修改出勤登记",
    "lecture_add": "新增讲座培训",
    "lecture_edit": "修改讲座培训",
    "lecture_delete": "删除讲座培训",
    # legacy register import (counts only)
    "legacy_import": "台账导入",
    # clients, cases, risk, crisis, follow-ups, emergency access, search
    "client_register": "登记来访者",
    "client_update": "修改来访者",
    "client_view": "查看来访者",
    "identity_view": "查看身份信息",
    "client_delete": "删除来访者",
    "client_restore": "恢复来访者",
    "client_purge": "彻底清除来访者",
    "case_open": "新建个案",
    "case_update": "修改个案",
    "case_view": "查看个案",
    "case_consent": "记录知情同意",
    "case_share": "共享个案",
    "case_unshare": "取消共享个案",
    "case_reassign": "更换负责咨询师",
    "case_close": "结案",
    "case_reopen": "重新开案",
    "case_delete": "删除个案",
    "case_restore": "恢复个案",
    "case_purge": "彻底清除个案",
    "case_search": "查询个案",
    "risk_change": "变更风险等级",
    "crisis_record": "记录危机事件",
    "crisis_update": "修改危机事件",
    "follow_up_plan": "安排回访",
    "follow_up_update": "修改回访安排",
    "follow_up_done": "完成回访",
    "emergency_lookup": "紧急查找个案编号",
    "emergency_access": "紧急访问个案",
    # assessments, screenings, warnings
    "scale_import": "导入量表定义",
    "assessment_add": "新增测评",
    "assessment_view": "查看测评结果",
    "assessment_delete": "删除测评记录",
    "warning_response": "记录预警响应",
    "screening_create": "新建团体测评",
    "screening_participant_add": "登记测评对象",
    "screening_view": "查看团体测评名单",
    "screening_report": "查看团体测评报告",
    "screening_link_case": "团体测评对象开案",
    # referrals, the destination directory, printed forms
    "destination_add": "新增转介去向",
    "destination_update": "修改转介去向",
    "destination_deactivate": "停用转介去向",
    "destination_reactivate": "重新启用转介去向",
    "referral_create": "新建转介单",
    "referral_update": "修改转介单草稿",
    "referral_delete": "删除转介单草稿",
    "referral_view": "查看转介单",
    "referral_send": "发出转介",
    "referral_accept": "登记转介已接收",
    "referral_decline": "登记转介被拒收",
    "referral_feedback": "登记转介反馈",
    "referral_close": "关闭转介",
    "form_referral": "生成转介单",
    "form_consent": "生成知情同意书",
    "form_case_summary": "生成个案摘要",
    "form_print": "打印表单",
    "form_save": "保存表单为 PDF",
    # the monthly export to the city office
    "stats_export": "导出月度统计",
    "city_key_set": "设置市办公室公钥",
    # the monthly statistics release and its thresholds
    "stats_release": "发布月度统计",
    "stats_policy": "设置统计公开阈值",
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
