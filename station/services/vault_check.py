"""`station verify`: database integrity and the audit chain, in one report."""

from __future__ import annotations

from dataclasses import dataclass

from station.models.enums import Role
from station.services import audit
from station.services.context import SignedIn
from station.vault import database
from station.vault.audit_chain import ChainReport


@dataclass(frozen=True)
class VaultReport:
    integrity: str
    chain: ChainReport

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.chain.ok

    def lines(self) -> list[str]:
        db = (
            "数据库完整性：正常"
            if self.integrity == "ok"
            else f"数据库完整性：异常（{self.integrity}）"
        )
        return [db, self.chain.summary(), "结论：通过" if self.ok else "结论：未通过"]


def verify(ctx: SignedIn) -> VaultReport:
    ctx.require(Role.CUSTODIAN)
    integrity = database.integrity_check(ctx.vault.engine)
    chain = audit.verify_chain(ctx, log=False)
    with ctx.vault.transaction() as s:
        audit.record(
            s, ctx, "vault_verify", detail="ok" if integrity == "ok" and chain.ok else "failed"
        )
    return VaultReport(integrity, chain)
