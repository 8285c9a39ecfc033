"""Key slots in a small JSON header file beside the database.

Each slot wraps the one data key. A user slot's labels are salted hashes of the
login name, so the file names nobody. Every slot binds its kind and label as
associated data, so slots cannot be swapped between users.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from station.errors import VaultError
from station.vault.crypto import (
    DEFAULT_SUITE,
    Argon2Params,
    CipherSuite,
    UnwrapFailed,
    new_salt,
    suite_named,
)

FORMAT = "station-vault-header"
VERSION = 1
SlotKind = Literal["user", "recovery"]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class KeySlot:
    kind: SlotKind
    label: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    argon2: Argon2Params | None = None
    device_tag: str = ""  # which device secret the slot was made with ("" = none)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "label": self.label,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }
        if self.argon2 is not None:
            out["argon2id"] = self.argon2.to_json()
            out["device_tag"] = self.device_tag
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeySlot:
        params = data.get("argon2id")
        return cls(
            kind=data["kind"],
            label=str(data["label"]),
            salt=_unb64(data["salt"]),
            nonce=_unb64(data["nonce"]),
            wrapped=_unb64(data["wrapped"]),
            argon2=Argon2Params(**params) if params else None,
            device_tag=str(data.get("device_tag", "")),
        )


@dataclass
class Header:
    vault_id: str
    suite_name: str
    device_binding: bool
    label_salt: bytes
    device_tag: str = ""
    slots: list[KeySlot] = field(default_factory=list)

    @property
    def suite(self) -> CipherSuite:
        return suite_named(self.suite_name)

    @classmethod
    def new(cls, device_binding: bool) -> Header:
        return cls(
            vault_id=str(uuid.uuid4()),
            suite_name=DEFAULT_SUITE.name,
            device_binding=device_binding,
            label_salt=new_salt(),
        )

    # -- labels and associated data -------------------------------------------
    def user_label(self, login: str) -> str:
        return self.suite.mac(self.label_salt, login.strip().casefold().encode("utf-8"))

    def tag_of(self, device_secret: bytes) -> str:
        if not device_secret:
            return ""
        return self.suite.mac(device_secret, self.vault_id.encode())[:16]

    def strongest_params(self) -> Argon2Params:
        params = [s.argon2 for s in self.slots if s.argon2 is not None]
        return max(params, key=lambda p: p.memory_kib * p.time_cost, default=Argon2Params())

    def _aad(self, kind: SlotKind, label: str) -> bytes:
        return f"{FORMAT}|{self.vault_id}|{kind}|{label}".encode()

    # -- slots ----------------------------------------------------------------
    def user_slot(self, login: str) -> KeySlot | None:
        label = self.user_label(login)
        return next((s for s in self.slots if s.kind == "user" and s.label == label), None)

    def recovery_slot(self) -> KeySlot:
        slot = next((s for s in self.slots if s.kind == "recovery"), None)
        if slot is None:
            raise VaultError("档案库缺少恢复密钥槽。", "The vault has no recovery slot.")
        return slot

    def set_user_slot(
        self,
        login: str,
        password: str,
        device_secret: bytes,
        data_key: bytes,
        params: Argon2Params,
    ) -> None:
        params.check()
        label = self.user_label(login)
        salt = new_salt()
        kek = self.suite.password_kek(password, device_secret, salt, params)
        nonce, wrapped = self.suite.wrap(kek, data_key, self._aad("user", label))
        self.remove_user_slot(login)
        self.slots.append(
            KeySlot("user", label, salt, nonce, wrapped, params, self.tag_of(device_secret))
        )

    def remove_user_slot(self, login: str) -> None:
        label = self.user_label(login)
        self.slots = [s for s in self.slots if not (s.kind == "user" and s.label == label)]

    def set_recovery_slot(self, recovery_key: bytes, data_key: bytes) -> None:
        salt = new_salt()
        kek = self.suite.recovery_kek(recovery_key, salt)
        nonce, wrapped = self.suite.wrap(kek, data_key, self._aad("recovery", "recovery"))
        self.slots = [s for s in self.slots if s.kind != "recovery"]
        self.slots.append(KeySlot("recovery", "recovery", salt, nonce, wrapped))

    def unwrap_user(self, login: str, password: str, device_secret: bytes) -> bytes:
        """Return the data key, or raise UnwrapFailed (unknown user or wrong password)."""
        slot = self.user_slot(login)
        if slot is None or slot.argon2 is None:
            # Spend the same effort as a real attempt so timing does not reveal names.
            self.suite.password_kek(password, device_secret, new_salt(), Argon2Params())
            raise UnwrapFailed
        kek = self.suite.password_kek(password, device_secret, slot.salt, slot.argon2)
        return self.suite.unwrap(kek, slot.nonce, slot.wrapped, self._aad("user", slot.label))

    def unwrap_recovery(self, recovery_key: bytes) -> bytes:
        slot = self.recovery_slot()
        kek = self.suite.recovery_kek(recovery_key, slot.salt)
        return self.suite.unwrap(kek, slot.nonce, slot.wrapped, self._aad("recovery", "recovery"))

    # -- file -----------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "suite": self.suite_name,
            "device_binding": self.device_binding,
            "label_salt": _b64(self.label_salt),
            "device_tag": self.device_tag,
            "slots": [s.to_json() for s in self.slots],
        }

    def save(self, path: Path) -> None:
        """Write atomically: a power cut leaves the old header or the new one, never half."""
        tmp = path.with_name(path.name + ".tmp")
        data = json.dumps(self.to_json(), indent=2).encode("utf-8")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)

    @classmethod
    def load(cls, path: Path) -> Header:
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != FORMAT:
                raise ValueError("not a header")
            if int(data["version"]) > VERSION:
                raise VaultError(
                    "此档案库由更新版本的程序创建，请升级本程序。",
                    "The vault was made by a newer version of the program; upgrade it.",
                )
            return cls(
                vault_id=str(data["vault_id"]),
                suite_name=str(data["suite"]),
                device_binding=bool(data["device_binding"]),
                label_salt=_unb64(data["label_salt"]),
                device_tag=str(data.get("device_tag", "")),
                slots=[KeySlot.from_json(s) for s in data["slots"]],
            )
        except FileNotFoundError:
            raise VaultError(
                "找不到档案库的密钥文件。", "The vault's key header file is missing."
            ) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise VaultError(
                "档案库的密钥文件已损坏。", "The vault's key header file is damaged."
            ) from exc


def _fsync_dir(directory: Path) -> None:
    if os.name != "nt":
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
