"""ORM entities. Importing this package registers every table on ``Base.metadata``."""

from station.models.assessment import (
    Assessment,
    AssessmentWarning,
    ImportedScale,
    Screening,
    ScreeningParticipant,
)
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
from station.models.referral import Destination, Referral, ReferralCounter, ReferralStep
from station.models.service import SandplayDetail, SandplayPhoto, ServiceSession
from station.models.station import Setting, StationKey, StationProfile
from station.models.statistics import ExportLog, StatsCell, StatsInclusion, StatsRelease
from station.models.user import User

__all__ = [
    "Assessment",
    "AssessmentWarning",
    "AuditEntry",
    "Base",
    "Case",
    "CaseConcern",
    "CaseCounter",
    "CaseShare",
    "Client",
    "CrisisEvent",
    "Destination",
    "EmergencyAccess",
    "ExportLog",
    "FollowUp",
    "GroupAttendance",
    "GroupFacilitator",
    "GroupProgramme",
    "GroupSession",
    "Headcount",
    "ImportedScale",
    "Lecture",
    "Referral",
    "ReferralCounter",
    "ReferralStep",
    "RiskChange",
    "SandplayDetail",
    "SandplayPhoto",
    "Screening",
    "ScreeningParticipant",
    "ServiceSession",
    "Setting",
    "StationKey",
    "StationProfile",
    "StatsCell",
    "StatsInclusion",
    "StatsRelease",
    "User",
]
