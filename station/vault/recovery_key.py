"""Recovery keys: 184 random bits plus a 16-bit check, written as 8 groups of 5.

Crockford base32 avoids letters that are easy to misread on paper (I, L, O, U);
the check catches a mistyped group before any slot is tried.
"""

from __future__ import annotations

import hashlib
import secrets

from station.errors import ValidationError

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(_ALPHABET)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
_RANDOM_BYTES = 23
_CHECK_BYTES = 2
_CHARS = 40


def _check(body: bytes) -> bytes:
    return hashlib.sha256(b"station-recovery" + body).digest()[:_CHECK_BYTES]


def new_recovery_key() -> str:
    body = secrets.token_bytes(_RANDOM_BYTES)
    return format_key(body + _check(body))


def format_key(raw: bytes) -> str:
    number = int.from_bytes(raw, "big")
    chars = [_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(_CHARS))]
    text = "".join(chars)
    return "-".join(text[i : i + 5] for i in range(0, _CHARS, 5))


def parse_recovery_key(text: str) -> bytes:
    """Return the key's bytes, or raise ValidationError saying what is wrong."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    if len(cleaned) != _CHARS or any(ch not in _DECODE for ch in cleaned):
        raise ValidationError(
            "恢复密钥应为 8 组、每组 5 个字母或数字。",
            "A recovery key is 8 groups of 5 letters or digits.",
            field="recovery_key",
        )
    number = 0
    for ch in cleaned:
        number = (number << 5) | _DECODE[ch]
    raw = number.to_bytes(_RANDOM_BYTES + _CHECK_BYTES, "big")
    if _check(raw[:_RANDOM_BYTES]) != raw[_RANDOM_BYTES:]:
        raise ValidationError(
            "恢复密钥校验不符，请逐组核对是否抄错。",
            "The recovery key's check does not match; compare it group by group.",
            field="recovery_key",
        )
    return raw
