"""The release ledger: every published statistics release and every cell in it
(with the true value, kept only here), the records each release counted (so late
entries go into the next month), and the log of exports written."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base, utcnow


class StatsRelease(Base):
    """One month's statistics as finally published. A month is released once."""

    __tablename__ = "stats_releases"
    __table_args__ = (UniqueConstraint("year", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    month: Mapped[int]
    policy: Mapped[str] = mapped_column(Text)  # JSON: the thresholds applied
    stats_json: Mapped[str] = mapped_column(Text)  # the exact stats.json published
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StatsCell(Base):
    __tablename__ = "stats_cells"
    __table_args__ = (Index("ix_stats_cells_release", "release_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("stats_releases.id"))
    scope: Mapped[str] = mapped_column(String(5))  # "month" or "ytd"
    table_id: Mapped[str] = mapped_column(String(40))
    row: Mapped[str] = mapped_column(String(40))
    col: Mapped[str] = mapped_column(String(40))
    value: Mapped[int]  # the true count (never leaves the vault when suppressed)
    published: Mapped[bool]
    primary: Mapped[bool] = mapped_column(default=False)  # suppressed as a small/dominant cell
    k: Mapped[int] = mapped_column(default=0)  # the threshold that applied to a primary cell


class StatsInclusion(Base):
    """A record counted by a release; a record entered late is counted by the next."""

    __tablename__ = "stats_inclusions"
    __table_args__ = (UniqueConstraint("kind", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("stats_releases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # e.g. "session", "case_opened"
    record_id: Mapped[int]


class ExportLog(Base):
    """Every export written: which month, when, by whom, the sequence number, the
    SHA-256 of each file and of the manifest (the next export chains to it)."""

    __tablename__ = "export_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    sequence: Mapped[int] = mapped_column(unique=True)  # only grows
    release_id: Mapped[int] = mapped_column(ForeignKey("stats_releases.id"))
    year: Mapped[int]
    month: Mapped[int]
    files: Mapped[str] = mapped_column(Text)  # JSON: file name → SHA-256
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    encrypted: Mapped[bool]
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
