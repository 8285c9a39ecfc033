"""Clients (来访者). Identity fields are seen only by assigned counsellors and the custodian."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base, utcnow


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        Index("ix_clients_alias", "alias"),
        Index("ix_clients_name", "name"),
        Index("ix_clients_phone", "phone"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    anonymous: Mapped[bool] = mapped_column(default=False)
    alias: Mapped[str] = mapped_column(String(40), default="")  # 匿名代号 / display alias
    # identity (empty for anonymous clients)
    name: Mapped[str] = mapped_column(String(40), default="")
    unit: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    emergency_contact: Mapped[str] = mapped_column(String(100), default="")
    # statistics fields
    gender: Mapped[str | None] = mapped_column(String(10), default=None)
    birth_year: Mapped[int | None] = mapped_column(default=None)
    rank_level: Mapped[str | None] = mapped_column(String(20), default=None)
    rank_detail: Mapped[str | None] = mapped_column(String(20), default=None)
    post_type: Mapped[str | None] = mapped_column(String(20), default=None)
    unit_type: Mapped[str | None] = mapped_column(String(20), default=None)

    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
