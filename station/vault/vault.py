"""An unlocked vault: the open SQLCipher engine and the data key.

Opening means unwrapping one key slot (a user's password, or the recovery key);
closing disposes of every connection and drops the key. Files in the folder:

    vault.db        SQLCipher 4 database (WAL alongside it while open)
    vault.header    key slots (JSON; no names, no keys in clear)
    audit.anchor    MAC'd end of the audit chain
    login.throttle  failed-login counts by salted label
    backups/        encrypted copies taken before migrations
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from station.errors import DeviceSecretMissing, VaultError, VaultLocked, WrongPassword
from station.vault import audit_chain, database, device_secret
from station.vault.crypto import Argon2Params, CipherSuite, UnwrapFailed, new_data_key
from station.vault.header import Header
from station.vault.recovery_key import parse_recovery_key


@dataclass(frozen=True)
class VaultPaths:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / "vault.db"

    @property
    def header(self) -> Path:
        return self.root / "vault.header"

    @property
    def anchor(self) -> Path:
        return self.root / "audit.anchor"

    @property
    def throttle(self) -> Path:
        return self.root / "login.throttle"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def exists(self) -> bool:
        return self.header.exists() and self.db.exists()


class StaleSlot(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "本机已重新登记，此账户的密码需要由档案管理员重设。",
            "This machine was re-enrolled; the custodian must reset this account's password.",
        )


class Vault:
    def __init__(self, paths: VaultPaths, header: Header, data_key: bytes) -> None:
        self.paths = paths
        self.header = header
        self._data_key: bytearray | None = bytearray(data_key)
        self._engine: Engine | None = database.make_engine(paths.db, data_key)
        self._sessions = sessionmaker(bind=self._engine, expire_on_commit=False)
        self._anchor = audit_chain.Anchor(paths.anchor, header.suite, data_key, header.vault_id)

    # -- creating and opening -------------------------------------------------
    @classmethod
    def create(cls, root: Path, *, device_binding: bool) -> Vault:
        paths = VaultPaths(root)
        if paths.header.exists() or paths.db.exists():
            raise VaultError("此文件夹中已有档案库。", "A vault already exists in this folder.")
        root.mkdir(parents=True, exist_ok=True)
        header = Header.new(device_binding)
        if device_binding:
            header.device_tag = header.tag_of(device_secret.create(header.vault_id))
        vault = cls(paths, header, new_data_key())
        vault.migrate()
        return vault

    @classmethod
    def open_with_password(cls, root: Path, login: str, password: str) -> Vault:
        paths = VaultPaths(root)
        header = Header.load(paths.header)
        secret = cls._current_device_secret(header)
        slot = header.user_slot(login)
        if slot is not None and slot.device_tag != header.tag_of(secret):
            raise StaleSlot
        try:
            data_key = header.unwrap_user(login, password, secret)
        except UnwrapFailed:
            raise WrongPassword from None
        vault = cls(paths, header, data_key)
        vault.migrate()
        return vault

    @classmethod
    def open_with_recovery(cls, root: Path, recovery_key: str) -> Vault:
        raw = parse_recovery_key(recovery_key)
        paths = VaultPaths(root)
        header = Header.load(paths.header)
        try:
            data_key = header.unwrap_recovery(raw)
        except UnwrapFailed:
            raise VaultError(
                "恢复密钥不正确（不是本档案库的恢复密钥）。",
                "Wrong recovery key (not this vault's).",
                field="recovery_key",
            ) from None
        vault = cls(paths, header, data_key)
        vault.migrate()
        return vault

    @staticmethod
    def _current_device_secret(header: Header) -> bytes:
        if not header.device_binding:
            return b""
        secret = device_secret.load(header.vault_id)
        if secret is None or header.tag_of(secret) != header.device_tag:
            raise DeviceSecretMissing
        return secret

    def device_secret_for_slots(self) -> bytes:
        """The secret new password slots are bound to; re-enrols this machine if needed."""
        header = self.header
        if not header.device_binding:
            return b""
        secret = device_secret.load(header.vault_id)
        if secret is None or header.tag_of(secret) != header.device_tag:
            secret = device_secret.create(header.vault_id)
            header.device_tag = header.tag_of(secret)
        return secret

    def device_secret_missing(self) -> bool:
        try:
            self._current_device_secret(self.header)
        except DeviceSecretMissing:
            return True
        return False

    # -- state ----------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked
        return self._engine

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise VaultLocked
        return bytes(self._data_key)

    @property
    def suite(self) -> CipherSuite:
        return self.header.suite

    @property
    def slot_params(self) -> Argon2Params:
        return self.header.strongest_params()

    def migrate(self, target: str = "head") -> None:
        database.upgrade(self.engine, self.paths.db, self.paths.backups, target)
        database.check_safety(self.engine, self.paths.db)

    # -- work -----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: all of it commits, or none of it does."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
                head: tuple[int, str] | None = session.info.get("audit_head")
                # Once the log disagrees with its anchor, the anchor is kept as evidence.
                if head is not None and not self._log_extends_anchor(session):
                    head = None
            if head is not None:
                self._anchor.write(*head)
        finally:
            session.close()

    def _log_extends_anchor(self, session: Session) -> bool:
        try:
            anchor = self._anchor.read()
        except ValueError:
            return False
        return anchor is None or audit_chain.hash_at(session, anchor[0]) == anchor[1]

    def save_header(self) -> None:
        self.header.save(self.paths.header)

    def audit_anchor(self) -> tuple[int, str] | None:
        return self._anchor.read()

    def close(self) -> None:
        """Close every connection and drop the key; the folder holds only ciphertext."""
        if self._engine is not None:
            database.checkpoint(self._engine)
            self._engine.dispose()
            self._engine = None
        if self._data_key is not None:
            for i in range(len(self._data_key)):
                self._data_key[i] = 0
            self._data_key = None
