"""Assessments (心理测评): administrations of a scale, batch screenings (团体测评 /
心理体检) with their participants, the warnings (预警) scoring raised and the
response to each, and the scale definitions a custodian imported."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base, utcnow


class ImportedScale(Base):
    """A licensed scale's definition file, imported by the custodian. Shipped scales
    are read from resources/scales and are not stored here."""

    __tablename__ = "imported_scales"

    scale_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[str] = mapped_column(String(20))
    digest: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)  # the definition file (UTF-8 TOML)
    imported_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class Screening(Base):
    """A unit's screening day: many people fill one or more scales."""

    __tablename__ = "screenings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(100), default="")
    held_on: Mapped[date]
    scales: Mapped[str] = mapped_column(String(200))  # scale ids, comma-joined, in order
    by_name: Mapped[bool] = mapped_column(default=False)  # real names, else screening codes
    counsellor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # responsible
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class ScreeningParticipant(Base):
    __tablename__ = "screening_participants"
    __table_args__ = (UniqueConstraint("screening_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    screening_id: Mapped[int] = mapped_column(ForeignKey("screenings.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))  # 测评编号 within the screening
    name: Mapped[str] = mapped_column(String(40), default="")  # only when by_name
    gender: Mapped[str | None] = mapped_column(String(10), default=None)
    # set when a case is opened for this person from the follow-up list
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Assessment(Base):
    """One administration of one scale, with the answers and the score frozen as
    scored then (the definition's digest says which wording and rules were used)."""

    __tablename__ = "assessments"
    __table_args__ = (
        CheckConstraint(
            "(case_id IS NULL) <> (participant_id IS NULL)", name="case_or_participant"
        ),
        Index("ix_assessments_case", "case_id"),
        Index("ix_assessments_participant", "participant_id"),
        Index("ix_assessments_scale_day", "scale_id", "administered_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), default=None)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("screening_participants.id"), default=None
    )
    scale_id: Mapped[str] = mapped_column(String(32))
    scale_version: Mapped[str] = mapped_column(String(20))
    scale_digest: Mapped[str] = mapped_column(String(64))
    administered_on: Mapped[date]
    mode: Mapped[str] = mapped_column(String(10))  # AssessmentMode
    answers: Mapped[str] = mapped_column(Text)  # JSON list, null for a missing answer
    raw: Mapped[float]
    total: Mapped[float | None] = mapped_column(default=None)
    band: Mapped[str | None] = mapped_column(String(30), default=None)
    subscales: Mapped[str] = mapped_column(Text, default="{}")  # JSON id → score
    complete: Mapped[bool] = mapped_column(default=True)
    positive: Mapped[bool] = mapped_column(default=False)  # a warning rule fired
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class AssessmentWarning(Base):
    """A warning rule that fired (预警), open until someone records the response."""

    __tablename__ = "assessment_warnings"
    __table_args__ = (
        Index("ix_warnings_open", "responded_at", "level"),
        Index("ix_warnings_case", "case_id"),
        Index("ix_warnings_participant", "participant_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    # copied from the assessment so the open lists need no join through it
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), default=None)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("screening_participants.id"), default=None
    )
    rule_code: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(10))  # WarningLevel
    score: Mapped[float]
    reason: Mapped[str] = mapped_column(Text)  # the rule's Chinese reason
    raised_at: Mapped[datetime] = mapped_column(default=utcnow)
    response: Mapped[str | None] = mapped_column(String(20), default=None)  # WarningResponse
    response_note: Mapped[str] = mapped_column(Text, default="")
    responded_at: Mapped[datetime | None] = mapped_column(default=None)
    responded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
