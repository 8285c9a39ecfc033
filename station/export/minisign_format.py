"""Signatures in minisign's format, made with the station's raw Ed25519 key.

The station keeps its signing key inside the vault as raw bytes (``StationKey``:
32-byte Ed25519 seed, 32-byte public key, 8-byte key id as minisign stores it, that is
little-endian). The ``minisign`` library (py-minisign) reads keys only in its own
secret-key file format, so :func:`_secret_key` assembles that format in memory
(unencrypted, ``KDF = 0x0000``, with the BLAKE2b checksum minisign checks) and hands it
to the library, which signs. Nothing is written to disk.

Signatures are prehashed (algorithm ``ED``, the default of minisign ≥ 0.8: Ed25519
over BLAKE2b-512 of the data), so ``minisign -Vm FILE -p station.pub`` verifies them.
The trusted comment is chosen by the caller and carries no timestamp.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

import minisign  # type: ignore[import-untyped]  # py-minisign ships no type marker
from minisign.algo import (  # type: ignore[import-untyped]
    CksumAlgorithm,
    KDFAlgorithm,
    SignatureAlgorithm,
)

from station.errors import StationError

__all__ = [
    "KEY_ID_LEN",
    "SignatureError",
    "key_id_text",
    "public_key_text",
    "sign",
    "verify",
]

KEY_ID_LEN = 8
_KEY_LEN = 32
_SALT_LEN = 32
_KDF_PARAM_LEN = 8
_CHECKSUM_LEN = 32
SIGNATURE_UNTRUSTED_COMMENT = "signature from station export key"


class SignatureError(StationError):
    """A signature or a public key is malformed, from another key, or does not match."""


def key_id_text(key_id: bytes) -> str:
    """The key id as minisign prints it (16 upper-case hex digits of the little-endian
    number stored in the key)."""
    _check_key_id(key_id)
    return key_id[::-1].hex().upper()


def public_key_text(key_id: bytes, public_raw: bytes) -> str:
    """The two-line ``minisign.pub`` text (with a final newline) for a raw public key.

    ``key_id`` is the 8 bytes as minisign stores them (``bytes.fromhex(StationKey.key_id)``).
    """
    _check_key_id(key_id)
    if len(public_raw) != _KEY_LEN:
        raise ValueError("an Ed25519 public key has 32 bytes")
    line = base64.b64encode(SignatureAlgorithm.PURE_ED_DSA.value + key_id + public_raw)
    return f"untrusted comment: minisign public key {key_id_text(key_id)}\n{line.decode()}\n"


def _check_key_id(key_id: bytes) -> None:
    if len(key_id) != KEY_ID_LEN:
        raise ValueError("a minisign key id has 8 bytes")


def _secret_key(key_id: bytes, private_raw: bytes, public_raw: bytes) -> minisign.SecretKey:
    """The library's secret key object for a raw key (minisign's unencrypted key format)."""
    _check_key_id(key_id)
    if len(private_raw) != _KEY_LEN or len(public_raw) != _KEY_LEN:
        raise ValueError("an Ed25519 key has 32 bytes")
    algorithm = SignatureAlgorithm.PURE_ED_DSA.value
    checksum = hashlib.blake2b(
        algorithm + key_id + private_raw + public_raw, digest_size=_CHECKSUM_LEN
    ).digest()
    raw = (
        algorithm
        + KDFAlgorithm.NONE.value
        + CksumAlgorithm.BLAKE2b.value
        + bytes(_SALT_LEN)
        + bytes(_KDF_PARAM_LEN)  # opslimit (no KDF)
        + bytes(_KDF_PARAM_LEN)  # memlimit (no KDF)
        + key_id
        + private_raw
        + public_raw
        + checksum
    )
    return minisign.SecretKey.from_base64(base64.b64encode(raw))


def sign(
    data: bytes,
    *,
    key_id: bytes,
    private_raw: bytes,
    public_raw: bytes,
    trusted_comment: str,
) -> str:
    """The ``.minisig`` text (four lines and a final newline) for ``data``.

    ``trusted_comment`` must be printable ASCII on one line (minisign's rule).
    """
    with _secret_key(key_id, private_raw, public_raw) as secret:
        try:
            signature = secret.sign(
                data,
                prehash=True,
                untrusted_comment=SIGNATURE_UNTRUSTED_COMMENT,
                trusted_comment=trusted_comment,
            )
        except minisign.Error as exc:
            raise ValueError(f"cannot sign: {exc}") from exc
    return bytes(signature).decode("ascii") + "\n"


def verify(data: bytes, signature_text: str | bytes, public_key_text: str | bytes) -> str:
    """Check a minisign signature of ``data``; return its trusted comment.

    Raises :class:`SignatureError` with the reason (malformed public key or signature,
    a signature by another key, or data / trusted comment changed).
    """
    sig_bytes = signature_text.encode() if isinstance(signature_text, str) else signature_text
    key_bytes = public_key_text.encode() if isinstance(public_key_text, str) else public_key_text
    try:
        public = _parse_public_key(key_bytes)
    except (minisign.Error, ValueError, binascii.Error) as exc:
        raise SignatureError(
            "站点公钥（station.pub）格式不正确。",
            f"The station public key is malformed ({exc}).",
        ) from exc
    try:
        signature = minisign.Signature.from_bytes(sig_bytes.strip(b"\r\n") + b"\n")
    except (minisign.Error, ValueError, binascii.Error) as exc:
        raise SignatureError(
            "签名文件格式不正确。", f"The signature file is malformed ({exc})."
        ) from exc
    try:
        public.verify(data, signature)
    except minisign.VerifyError as exc:
        if "key identifiers" in str(exc):
            raise SignatureError(
                "签名不是用这个站点公钥做的（密钥编号不符）。",
                "The signature was made with another key (key ids differ).",
            ) from exc
        raise SignatureError(
            "签名校验失败：文件或签名内容被改动过。",
            "Signature verification failed: the file or the signature was changed.",
        ) from exc
    comment: str = signature.trusted_comment
    return comment


def _parse_public_key(data: bytes) -> minisign.PublicKey:
    """A public key given as the two-line file or as the bare base64 line."""
    lines = [line.strip() for line in data.replace(b"\r", b"").split(b"\n") if line.strip()]
    if not lines:
        raise ValueError("empty")
    if lines[0].startswith(b"untrusted comment:"):
        if len(lines) < 2:
            raise ValueError("no key line")
        return minisign.PublicKey.from_base64(lines[1])
    return minisign.PublicKey.from_base64(lines[0])
