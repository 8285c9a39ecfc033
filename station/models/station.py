"""Station profile, station keys and settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base, utcnow


class StationProfile(Base):
    """One row: who this station is. Only non-personal facts."""

    __tablename__ = "station_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(200), default="")
    device_binding: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class StationKey(Base):
    """The station's Ed25519 signing key (minisign key id), kept inside the vault."""

    __tablename__ = "station_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(20), unique=True)
    key_id: Mapped[str] = mapped_column(String(16))
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """Key-value settings the custodian can change (e.g. idle lock minutes)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(400))


class SettingDefaults:
    IDLE_LOCK_MINUTES = 5
    MIN_IDLE_LOCK_MINUTES = 1
    MAX_IDLE_LOCK_MINUTES = 60
