"""The per-install device secret, kept in the OS credential store through keyring.

Small on purpose: get, set, delete, and whether the backend is a real system
store. Tests install an in-memory backend with ``keyring.set_keyring``; the code
path stays the same. There is no plaintext fallback: without a usable store the
user must explicitly choose a vault without device binding.
"""

from __future__ import annotations

import base64
import contextlib
import secrets
from dataclasses import dataclass

import keyring
import keyring.backend
import keyring.errors

SERVICE = "station-vault"
SECRET_BYTES = 32

# Backends that store secrets in plain or merely encoded files, or nowhere.
_INSECURE_MODULE_PREFIXES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


@dataclass(frozen=True)
class CredentialStore:
    name: str
    secure: bool
    usable: bool

    def sentence(self) -> str:
        if not self.usable:
            return "没有可用的系统凭据存储。"
        if self.secure:
            return f"设备密钥保存在系统凭据存储中（{self.name}）。"
        return f"当前凭据存储（{self.name}）不是安全的系统存储。"


def _backend() -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    if type(backend).__name__ == "WinVaultKeyring":
        # Its default, enterprise persistence, roams with a domain profile; the
        # device secret must stay on this machine.
        setattr(backend, "persist", "local machine")  # noqa: B010 - not in the base type
    return backend


def describe_store() -> CredentialStore:
    backend = keyring.get_keyring()
    module = type(backend).__module__
    name = f"{module}.{type(backend).__name__}"
    usable = not module.startswith(("keyring.backends.fail", "keyring.backends.null"))
    try:
        priority = float(backend.priority)
    except Exception:  # a backend that cannot run here raises from priority
        usable = False
        priority = 0.0
    secure = usable and priority > 0 and not module.startswith(_INSECURE_MODULE_PREFIXES)
    if getattr(backend, "in_memory", False):
        secure = False
    return CredentialStore(name=name, secure=secure, usable=usable)


def load(vault_id: str) -> bytes | None:
    try:
        value = _backend().get_password(SERVICE, vault_id)
    except keyring.errors.KeyringError:
        return None
    return base64.b64decode(value) if value else None


def create(vault_id: str) -> bytes:
    """Make a new device secret for the vault and store it; return it."""
    secret = secrets.token_bytes(SECRET_BYTES)
    try:
        _backend().set_password(SERVICE, vault_id, base64.b64encode(secret).decode("ascii"))
    except keyring.errors.KeyringError as exc:
        from station.errors import VaultError

        raise VaultError(
            "无法把设备密钥写入系统凭据存储。",
            "Could not store the device secret in the credential store.",
        ) from exc
    return secret


def delete(vault_id: str) -> None:
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        _backend().delete_password(SERVICE, vault_id)
