"""Referrals (转介 / 转诊) and the directory of destinations and experts (专家资源库)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base, utcnow


class Destination(Base):
    """A hospital, clinic, institution, hotline or expert a station refers people to."""

    __tablename__ = "destinations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))  # DestinationKind
    contact: Mapped[str] = mapped_column(Text, default="")  # phone, address, contact person
    specialties: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)  # retired ones stay for old referrals
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Referral(Base):
    __tablename__ = "referrals"
    __table_args__ = (
        Index("ix_referrals_case", "case_id"),
        Index("ix_referrals_status", "status", "sent_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # 转介单号, e.g. ZJ2026-0007
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    destination_id: Mapped[int] = mapped_column(ForeignKey("destinations.id"))
    reason: Mapped[str] = mapped_column(String(30))  # ReferralReason
    urgency: Mapped[str] = mapped_column(String(10))  # ReferralUrgency
    summary: Mapped[str] = mapped_column(Text)  # minimum necessary, written for the receiver
    risk_level: Mapped[str] = mapped_column(String(10))  # as judged when written
    consent: Mapped[str] = mapped_column(String(20))  # ReferralConsent
    consent_note: Mapped[str] = mapped_column(Text, default="")  # justification / refusal note
    identity_on_form: Mapped[str] = mapped_column(String(10), default="code")  # FormIdentity
    status: Mapped[str] = mapped_column(String(20), default="draft")  # ReferralStatus
    sent_on: Mapped[date | None] = mapped_column(default=None)
    answered_on: Mapped[date | None] = mapped_column(default=None)  # accepted or declined
    feedback_on: Mapped[date | None] = mapped_column(default=None)
    feedback: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(default=None)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)  # drafts only


class ReferralStep(Base):
    """One status change of a referral, dated (the day it happened) and attributed."""

    __tablename__ = "referral_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class ReferralCounter(Base):
    """The last referral number given out per year (numbers are never reused)."""

    __tablename__ = "referral_counters"

    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)
