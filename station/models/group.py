"""Group work (团体辅导) and lectures (讲座/培训): attendance is counted, lectures have no names."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base, utcnow


class GroupProgramme(Base):
    __tablename__ = "group_programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    theme: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class GroupFacilitator(Base):
    __tablename__ = "group_facilitators"

    programme_id: Mapped[int] = mapped_column(ForeignKey("group_programmes.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)


class GroupSession(Base):
    __tablename__ = "group_sessions"
    __table_args__ = (Index("ix_group_sessions_date", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("group_programmes.id"), index=True)
    held_on: Mapped[date]
    duration_minutes: Mapped[int] = mapped_column(default=90)
    room: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class GroupAttendance(Base):
    """A registered client who attended a group session."""

    __tablename__ = "group_attendance"

    group_session_id: Mapped[int] = mapped_column(ForeignKey("group_sessions.id"), primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)


class Headcount(Base):
    """Anonymous attendance tallied by gender and rank level, for a group session or a
    lecture (exactly one of the two ids is set)."""

    __tablename__ = "headcounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("group_sessions.id"), default=None, index=True
    )
    lecture_id: Mapped[int | None] = mapped_column(
        ForeignKey("lectures.id"), default=None, index=True
    )
    gender: Mapped[str] = mapped_column(String(10))
    rank_level: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(default=0)


class Lecture(Base):
    __tablename__ = "lectures"
    __table_args__ = (Index("ix_lectures_date", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date]
    topic: Mapped[str] = mapped_column(String(200))
    speaker: Mapped[str] = mapped_column(String(60), default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
