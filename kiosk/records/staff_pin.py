"""The staff PIN: kept only as a salted scrypt hash, checked in constant time.

The hash is stored in the settings file as `scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>`. A hash
weaker than the floor in kiosk/content/settings.py (n 2**14, r 8, p 1, a 16-byte salt, a
32-byte key) matches no PIN, whatever the settings file says; `check-content` names it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from kiosk.content.settings import (
    MAX_SCRYPT_MEMORY,
    MIN_KEY_BYTES,
    MIN_SALT_BYTES,
    MIN_SCRYPT_N,
    MIN_SCRYPT_P,
    MIN_SCRYPT_R,
    read_pin_hash,
)

MIN_DIGITS = 4
N, R, P = MIN_SCRYPT_N, MIN_SCRYPT_R, MIN_SCRYPT_P
#: scrypt's own bookkeeping on top of its 128 * n * r bytes.
_MAXMEM = 2 * MAX_SCRYPT_MEMORY


class PinRefused(ValueError):
    """A PIN that may not be set (too short, not digits)."""


def check_new_pin(pin: str) -> None:
    if not pin.isdigit():
        raise PinRefused("a PIN is digits only")
    if len(pin) < MIN_DIGITS:
        raise PinRefused(f"a PIN has at least {MIN_DIGITS} digits")


def hash_pin(pin: str) -> str:
    check_new_pin(pin)
    salt = secrets.token_bytes(MIN_SALT_BYTES)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=MIN_KEY_BYTES)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str | None) -> bool:
    """True only for the right PIN; a missing, damaged or too weak hash matches nothing."""
    if not stored:
        return False
    try:
        parts = read_pin_hash(stored)
        candidate = hashlib.scrypt(pin.encode(), salt=parts.salt, n=parts.n, r=parts.r,
                                   p=parts.p, dklen=len(parts.key), maxmem=_MAXMEM)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, parts.key)
