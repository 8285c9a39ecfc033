"""Service sessions (服务记录) and sandplay details with their encrypted tray photos."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base, utcnow


class ServiceSession(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        Index("ix_sessions_case_date", "case_id", "held_on"),
        Index("ix_sessions_date", "held_on"),
        Index("ix_sessions_counsellor_date", "counsellor_id", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(20))
    held_on: Mapped[date]
    start_time: Mapped[time | None] = mapped_column(default=None)
    duration_minutes: Mapped[int] = mapped_column(default=50)
    room: Mapped[str] = mapped_column(String(40), default="")
    counsellor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # structured notes: these form the case record
    presenting: Mapped[str] = mapped_column(Text, default="")
    intervention: Mapped[str] = mapped_column(Text, default="")
    observation: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    risk_level: Mapped[str] = mapped_column(String(10), default="none")
    # 过程记录: visible only to its author; never printed, exported or shown to the custodian
    private_note: Mapped[str] = mapped_column(Text, default="")

    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)


class SandplayDetail(Base):
    __tablename__ = "sandplay_details"

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), primary_key=True)
    figures: Mapped[str] = mapped_column(Text, default="")  # tags, "、"-joined
    themes: Mapped[str] = mapped_column(Text, default="")
    story: Mapped[str] = mapped_column(Text, default="")  # the client's own story
    observations: Mapped[str] = mapped_column(Text, default="")
    series_stage: Mapped[str] = mapped_column(String(40), default="")


class SandplayPhoto(Base):
    """A tray photo, kept inside the encrypted database (never as a loose file)."""

    __tablename__ = "sandplay_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    mime: Mapped[str] = mapped_column(String(30))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    caption: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
