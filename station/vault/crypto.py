"""The one place where cipher and key-derivation choices live.

A national-algorithm variant (SM4-GCM / SM3) would add a second ``CipherSuite``
and register it in ``SUITES``; header files name the suite they were made with.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from dataclasses import asdict, dataclass
from typing import Protocol

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

DATA_KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16

# Floor for password slots: ARCHITECTURE.md asks for at least 64 MiB and 3 passes.
MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
UNLOCK_TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int = MIN_MEMORY_KIB
    time_cost: int = MIN_TIME_COST
    parallelism: int = 4

    def check(self) -> None:
        if self.memory_kib < MIN_MEMORY_KIB or self.time_cost < MIN_TIME_COST:
            raise ValueError("Argon2id parameters below the vault's floor")

    def to_json(self) -> dict[str, int]:
        return asdict(self)


class CipherSuite(Protocol):
    name: str

    def password_kek(
        self, password: str, device_secret: bytes, salt: bytes, params: Argon2Params
    ) -> bytes: ...

    def recovery_kek(self, recovery_key: bytes, salt: bytes) -> bytes: ...

    def wrap(self, kek: bytes, secret: bytes, aad: bytes) -> tuple[bytes, bytes]: ...

    def unwrap(self, kek: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes: ...

    def digest(self, data: bytes) -> str: ...

    def mac(self, key: bytes, data: bytes) -> str: ...

    def subkey(self, key: bytes, purpose: str) -> bytes: ...


class UnwrapFailed(Exception):
    """Authentication of a wrapped key failed: wrong secret or tampered slot."""


class Aes256GcmArgon2id:
    """AES-256-GCM key wrapping, Argon2id password KDF, SHA-256 for hashes and MACs."""

    name = "aes256gcm-argon2id-sha256"

    def password_kek(
        self, password: str, device_secret: bytes, salt: bytes, params: Argon2Params
    ) -> bytes:
        pw = password.encode("utf-8")
        # Length prefix keeps (password, device secret) pairs unambiguous.
        material = len(pw).to_bytes(4, "big") + pw + device_secret
        return hash_secret_raw(
            secret=material,
            salt=salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=32,
            type=Type.ID,
        )

    def recovery_kek(self, recovery_key: bytes, salt: bytes) -> bytes:
        # The recovery key is 200 random bits: a KDF without a work factor suffices.
        return self.subkey(recovery_key + salt, "station recovery slot")

    def wrap(self, kek: bytes, secret: bytes, aad: bytes) -> tuple[bytes, bytes]:
        nonce = os.urandom(NONCE_BYTES)
        return nonce, AESGCM(kek).encrypt(nonce, secret, aad)

    def unwrap(self, kek: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        try:
            return AESGCM(kek).decrypt(nonce, wrapped, aad)
        except InvalidTag as exc:
            raise UnwrapFailed from exc

    def digest(self, data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def mac(self, key: bytes, data: bytes) -> str:
        return hmac.new(key, data, hashlib.sha256).hexdigest()

    def subkey(self, key: bytes, purpose: str) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()).derive(
            key
        )


DEFAULT_SUITE = Aes256GcmArgon2id()
SUITES: dict[str, CipherSuite] = {DEFAULT_SUITE.name: DEFAULT_SUITE}


def suite_named(name: str) -> CipherSuite:
    try:
        return SUITES[name]
    except KeyError:
        from station.errors import VaultError

        raise VaultError(
            f"档案库使用了本程序不支持的加密套件（{name}）。",
            f"The vault uses an unsupported cipher suite ({name}).",
        ) from None


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def calibrate_argon2(target_seconds: float = UNLOCK_TARGET_SECONDS) -> Argon2Params:
    """Raise the pass count until one derivation takes about ``target_seconds`` here."""
    base = Argon2Params()
    start = time.perf_counter()
    DEFAULT_SUITE.password_kek("calibration", b"", new_salt(), base)
    elapsed = max(time.perf_counter() - start, 1e-3)
    passes = max(MIN_TIME_COST, round(MIN_TIME_COST * target_seconds / elapsed))
    return Argon2Params(time_cost=min(passes, 64))
