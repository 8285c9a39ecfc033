"""ORM entities. Importing this package registers every table on ``Base.metadata``."""

from station.models.audit import AuditEntry
from station.models.base import Base
from station.models.station import Setting, StationKey, StationProfile
from station.models.user import User

__all__ = ["AuditEntry", "Base", "Setting", "StationKey", "StationProfile", "User"]
