"""ORM entities. Importing this package registers every table on ``Base.metadata``."""

from station.models.audit import AuditEntry
from station.models.base import Base
from station.models.case import (
    Case,
    CaseConcern,
    CaseCounter,
    CaseShare,
    CrisisEvent,
    EmergencyAccess,
    FollowUp,
    RiskChange,
)
from station.models.client import Client
from station.models.group import (
    GroupAttendance,
    GroupFacilitator,
    GroupProgramme,
    GroupSession,
    Headcount,
    Lecture,
)
from station.models.service import SandplayDetail, SandplayPhoto, ServiceSession
from station.models.station import Setting, StationKey, StationProfile
from station.models.user import User

__all__ = [
    "AuditEntry",
    "Base",
    "Case",
    "CaseConcern",
    "CaseCounter",
    "CaseShare",
    "Client",
    "CrisisEvent",
    "EmergencyAccess",
    "FollowUp",
    "GroupAttendance",
    "GroupFacilitator",
    "GroupProgramme",
    "GroupSession",
    "Headcount",
    "Lecture",
    "RiskChange",
    "SandplayDetail",
    "SandplayPhoto",
    "ServiceSession",
    "Setting",
    "StationKey",
    "StationProfile",
    "User",
]
