"""The station's Ed25519 signing key, in minisign's key format.

Created at setup and kept inside the vault; its fingerprint goes on the
recovery sheet so the city office can register it at first contact.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from station.models import StationKey

PURPOSE = "export-signing"


@dataclass(frozen=True)
class SigningKeyInfo:
    key_id: str  # as minisign prints it: 16 upper-case hex digits
    public_key_line: str  # minisign public key (base64 of "Ed" + key id + key)
    fingerprint: str  # SHA-256 of the raw public key, hex


def _info(key_id_raw: bytes, public_raw: bytes) -> SigningKeyInfo:
    return SigningKeyInfo(
        key_id=key_id_raw[::-1].hex().upper(),
        public_key_line=base64.b64encode(b"Ed" + key_id_raw + public_raw).decode("ascii"),
        fingerprint=hashlib.sha256(public_raw).hexdigest(),
    )


def create(session: Session) -> SigningKeyInfo:
    private = Ed25519PrivateKey.generate()
    public_raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key_id_raw = secrets.token_bytes(8)
    session.add(
        StationKey(
            purpose=PURPOSE,
            key_id=key_id_raw.hex(),
            private_key=private.private_bytes_raw(),
            public_key=public_raw,
        )
    )
    return _info(key_id_raw, public_raw)


def info(session: Session) -> SigningKeyInfo:
    key = session.scalars(select(StationKey).where(StationKey.purpose == PURPOSE)).one()
    return _info(bytes.fromhex(key.key_id), key.public_key)
