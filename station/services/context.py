"""Who is signed in, and the role checks every service runs before it acts."""

from __future__ import annotations

from dataclasses import dataclass

from station.errors import PermissionDenied
from station.models.enums import Role
from station.vault.vault import Vault


@dataclass
class SignedIn:
    """A user's unlocked session on a vault. Services take this as their first argument."""

    vault: Vault
    user_id: int
    login: str
    display_name: str
    role: Role
    must_change_password: bool = False

    def require(self, *roles: Role) -> None:
        if self.role not in roles:
            raise PermissionDenied

    @property
    def sees_person_records(self) -> bool:
        return self.role in (Role.CUSTODIAN, Role.COUNSELLOR)
