"""Enumerations stored by value; Chinese labels live with the UI and reports."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CUSTODIAN = "custodian"  # 档案管理员: users, all archives, exports, backups
    COUNSELLOR = "counsellor"  # 咨询师: own and shared cases
    LEAD = "lead"  # 站长/统计: aggregate figures only


class StationKind(StrEnum):
    TOWNSHIP = "township"  # 暖心港湾
    UNIT = "unit"  # 太阳岛
    CENTRE = "centre"  # city centre
    OTHER = "other"


ROLE_LABELS: dict[Role, str] = {
    Role.CUSTODIAN: "档案管理员",
    Role.COUNSELLOR: "咨询师",
    Role.LEAD: "站长/统计",
}

STATION_KIND_LABELS: dict[StationKind, str] = {
    StationKind.TOWNSHIP: "暖心港湾（乡镇街道）",
    StationKind.UNIT: "太阳岛（单位）",
    StationKind.CENTRE: "市级中心",
    StationKind.OTHER: "其他",
}
