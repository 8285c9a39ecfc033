"""Hash chain over the audit log, and its anchor file.

Each entry's hash covers its fields and the previous hash, so a changed or
reordered entry breaks the chain. The anchor file beside the database holds the
latest count and head hash under a MAC keyed from the data key, so removing
entries from the end is detected too.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.models import AuditEntry
from station.vault.crypto import CipherSuite

GENESIS = "0" * 64


def entry_hash(suite: CipherSuite, entry: AuditEntry) -> str:
    fields = [
        str(entry.seq),
        entry.at,
        "" if entry.user_id is None else str(entry.user_id),
        entry.action,
        entry.object_kind,
        entry.object_id,
        entry.detail,
        entry.prev_hash,
    ]
    return suite.digest(json.dumps(fields, ensure_ascii=False).encode("utf-8"))


def append(
    session: Session,
    suite: CipherSuite,
    *,
    user_id: int | None,
    action: str,
    object_kind: str = "",
    object_id: str = "",
    detail: str = "",
    at: datetime | None = None,
) -> AuditEntry:
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    moment = at or datetime.now(UTC)
    entry = AuditEntry(
        seq=seq,
        at=moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        user_id=user_id,
        action=action,
        object_kind=object_kind,
        object_id=object_id,
        detail=detail[:200],
        prev_hash=prev,
    )
    entry.hash = entry_hash(suite, entry)
    session.add(entry)
    session.flush()
    session.info["audit_head"] = (seq, entry.hash)
    return entry


def hash_at(session: Session, seq: int) -> str | None:
    if seq == 0:
        return GENESIS
    return session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == seq))


@dataclass(frozen=True)
class ChainReport:
    entries: int
    ok: bool
    first_bad_seq: int | None
    problem: str  # Chinese sentence; empty when ok

    def summary(self) -> str:
        if self.ok:
            return f"审计日志完整：{self.entries} 条记录，哈希链校验通过。"
        return f"审计日志校验失败：{self.problem}"


def verify(session: Session, suite: CipherSuite, anchor: tuple[int, str] | None) -> ChainReport:
    prev = GENESIS
    expected_seq = 1
    count = 0
    hashes: dict[int, str] = {}
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        if entry.seq != expected_seq:
            return ChainReport(count, False, expected_seq, f"第 {expected_seq} 条记录缺失。")
        if entry.prev_hash != prev:
            return ChainReport(
                count,
                False,
                entry.seq,
                f"第 {entry.seq} 条记录的前序哈希不符（记录被删除或调换）。",
            )
        if entry_hash(suite, entry) != entry.hash:
            return ChainReport(count, False, entry.seq, f"第 {entry.seq} 条记录内容被改动。")
        prev = entry.hash
        hashes[entry.seq] = entry.hash
        expected_seq += 1
        count += 1
    if anchor is not None:
        anchored_count, anchored_hash = anchor
        if count < anchored_count:
            return ChainReport(
                count, False, count + 1, f"末尾的 {anchored_count - count} 条记录被删除。"
            )
        if anchored_count and hashes.get(anchored_count) != anchored_hash:
            return ChainReport(count, False, anchored_count, "日志与锚点不符（记录被替换）。")
    return ChainReport(count, True, None, "")


class Anchor:
    """The MAC'd (count, head hash) file that pins the end of the chain."""

    def __init__(self, path: Path, suite: CipherSuite, data_key: bytes, vault_id: str) -> None:
        self._path = path
        self._suite = suite
        self._key = suite.subkey(data_key, "station audit anchor")
        self._vault_id = vault_id

    def _mac(self, count: int, head: str) -> str:
        return self._suite.mac(self._key, f"{self._vault_id}|{count}|{head}".encode())

    def write(self, count: int, head: str) -> None:
        tmp = self._path.with_name(self._path.name + ".tmp")
        body = {"count": count, "head": head, "mac": self._mac(count, head)}
        with open(tmp, "w", encoding="ascii") as fh:
            json.dump(body, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self._path)

    def read(self) -> tuple[int, str] | None:
        """Return the anchored (count, head); a forged or garbled anchor raises ValueError."""
        if not self._path.exists():
            return None
        body = json.loads(self._path.read_text(encoding="ascii"))
        count, head = int(body["count"]), str(body["head"])
        if body.get("mac") != self._mac(count, head):
            raise ValueError("audit anchor MAC mismatch")
        return count, head
