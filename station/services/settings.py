"""Station profile and the settings the custodian can change."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.models import Setting, StationProfile
from station.models.enums import Role, StationKind
from station.models.station import SettingDefaults
from station.services import audit, signing
from station.services.context import SignedIn
from station.services.signing import SigningKeyInfo
from station.services.validation import check_station_code, check_text
from station.vault import device_secret


@dataclass(frozen=True)
class ProfileView:
    name: str
    code: str
    kind: StationKind
    region: str
    device_binding: bool
    vault_id: str


def profile(ctx: SignedIn) -> ProfileView:
    with ctx.vault.transaction() as s:
        p = s.scalars(select(StationProfile)).one()
        return ProfileView(
            p.name,
            p.code,
            StationKind(p.kind),
            p.region,
            p.device_binding,
            ctx.vault.header.vault_id,
        )


def update_profile(ctx: SignedIn, name: str, code: str, kind: StationKind, region: str) -> None:
    ctx.require(Role.CUSTODIAN)
    clean_name = check_text(name, "station_name", "站点名称", 100)
    clean_code = check_station_code(code)
    clean_region = check_text(region, "region", "所属地区", 100, required=False)
    with ctx.vault.transaction() as s:
        p = s.scalars(select(StationProfile)).one()
        p.name, p.code, p.kind, p.region = clean_name, clean_code, kind.value, clean_region
        audit.record(s, ctx, "settings_change", "station", p.id, "profile")


def _store(ctx: SignedIn, key: str, value: str, *, detail: str = "") -> None:
    """Write one setting and audit the change (``detail`` goes into the audit log)."""
    with ctx.vault.transaction() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value
        audit.record(s, ctx, "settings_change", "setting", key, detail)


def idle_lock_minutes(ctx: SignedIn) -> int:
    with ctx.vault.transaction() as s:
        row = s.get(Setting, "idle_lock_minutes")
        return int(row.value) if row else SettingDefaults.IDLE_LOCK_MINUTES


def set_idle_lock_minutes(ctx: SignedIn, minutes: int) -> None:
    ctx.require(Role.CUSTODIAN)
    low, high = SettingDefaults.MIN_IDLE_LOCK_MINUTES, SettingDefaults.MAX_IDLE_LOCK_MINUTES
    if not low <= minutes <= high:
        raise ValidationError(
            f"自动锁定时间须在 {low} 到 {high} 分钟之间。",
            f"Idle lock time is {low}-{high} minutes.",
            field="idle_lock_minutes",
        )
    _store(ctx, "idle_lock_minutes", str(minutes), detail=str(minutes))


# -- referrals: days without feedback before an open referral shows on the dashboard ----
REFERRAL_FEEDBACK_DAYS = 14
MIN_REFERRAL_FEEDBACK_DAYS = 1
MAX_REFERRAL_FEEDBACK_DAYS = 90
STATION_CONTACT_MAX = 200


def referral_feedback_days_in(session: Session) -> int:
    """The setting, read inside the caller's transaction (default 14)."""
    row = session.get(Setting, "referral_feedback_days")
    try:
        days = int(row.value) if row else REFERRAL_FEEDBACK_DAYS
    except ValueError:
        return REFERRAL_FEEDBACK_DAYS
    return min(max(days, MIN_REFERRAL_FEEDBACK_DAYS), MAX_REFERRAL_FEEDBACK_DAYS)


def referral_feedback_days(ctx: SignedIn) -> int:
    with ctx.vault.transaction() as s:
        return referral_feedback_days_in(s)


def set_referral_feedback_days(ctx: SignedIn, days: int) -> None:
    """Custodian: after how many days an open referral without feedback is overdue."""
    ctx.require(Role.CUSTODIAN)
    low, high = MIN_REFERRAL_FEEDBACK_DAYS, MAX_REFERRAL_FEEDBACK_DAYS
    if isinstance(days, bool) or not isinstance(days, int) or not low <= days <= high:
        raise ValidationError(
            f"转介反馈提醒天数须在 {low} 到 {high} 天之间。",
            f"Referral feedback reminder is {low}-{high} days.",
            field="referral_feedback_days",
        )
    _store(ctx, "referral_feedback_days", str(days), detail=str(days))


# -- the station's contact line printed on forms (phone, address: never a person's) ----
def station_contact_in(session: Session) -> str:
    row = session.get(Setting, "station_contact")
    return row.value if row else ""


def station_contact(ctx: SignedIn) -> str:
    """The contact line printed on referral and consent forms ("" until set)."""
    with ctx.vault.transaction() as s:
        return station_contact_in(s)


def set_station_contact(ctx: SignedIn, text: str) -> None:
    """Custodian: the station's phone, address or office hours as printed on forms."""
    ctx.require(Role.CUSTODIAN)
    clean = " ".join(
        check_text(text, "station_contact", "站点联系方式", STATION_CONTACT_MAX, False).split()
    )
    _store(ctx, "station_contact", clean)


def signing_key(ctx: SignedIn) -> SigningKeyInfo:
    ctx.require(Role.CUSTODIAN, Role.LEAD)
    with ctx.vault.transaction() as s:
        return signing.info(s)


def credential_store_sentence(ctx: SignedIn) -> str:
    if not ctx.vault.header.device_binding:
        return "此档案库未绑定设备（创建时已明确选择）。复制走的档案库仅凭密码即可尝试打开。"
    return device_secret.describe_store().sentence()
