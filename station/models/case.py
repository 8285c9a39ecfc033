"""Cases (个案), their sharing, concerns, risk history, crisis events, follow-ups and
emergency (break-the-glass) access."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station.models.base import Base, utcnow


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_counsellor_status", "counsellor_id", "status"),
        Index("ix_cases_client", "client_id"),
        Index("ix_cases_risk", "risk_level"),
        Index("ix_cases_opened", "opened_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # 个案编号, e.g. 2026-0042
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    counsellor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(10), default="open")
    opened_on: Mapped[date]
    closed_on: Mapped[date | None] = mapped_column(default=None)
    closing_summary: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20))
    talk_trigger: Mapped[str | None] = mapped_column(String(30), default=None)
    risk_level: Mapped[str] = mapped_column(String(10), default="none")
    # consent (知情同意)
    consent_form_version: Mapped[str] = mapped_column(String(20), default="")
    consent_signed_on: Mapped[date | None] = mapped_column(default=None)
    consent_limits_explained: Mapped[bool] = mapped_column(default=False)

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)

    concerns: Mapped[list[CaseConcern]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    shares: Mapped[list[CaseShare]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class CaseConcern(Base):
    __tablename__ = "case_concerns"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    concern: Mapped[str] = mapped_column(String(20), primary_key=True)


class CaseShare(Base):
    """A colleague the assigned counsellor shares the case with."""

    __tablename__ = "case_shares"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)


class RiskChange(Base):
    __tablename__ = "risk_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    from_level: Mapped[str] = mapped_column(String(10))
    to_level: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class CrisisEvent(Base):
    __tablename__ = "crisis_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    occurred_on: Mapped[date]
    description: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[str] = mapped_column(
        String(200), default=""
    )  # CrisisAction values, comma-joined
    safety_plan: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class FollowUp(Base):
    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_due", "done_on", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    due_on: Mapped[date]
    method: Mapped[str] = mapped_column(String(20))
    done_on: Mapped[date | None] = mapped_column(default=None)
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_due_on: Mapped[date | None] = mapped_column(default=None)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class EmergencyAccess(Base):
    """Break-the-glass: a counsellor opens a colleague's case in a crisis, for a time."""

    __tablename__ = "emergency_access"
    __table_args__ = (Index("ix_emergency_access_user", "user_id", "expires_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text)
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class CaseCounter(Base):
    """The last case number given out per year (case codes are never reused)."""

    __tablename__ = "case_counters"

    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int] = mapped_column(default=0)
