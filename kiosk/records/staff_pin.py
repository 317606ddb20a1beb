"""The staff PIN: kept only as a salted scrypt hash, checked in constant time.

The hash is stored in the settings file as `scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

MIN_DIGITS = 4
N, R, P = 2**14, 8, 1


class PinRefused(ValueError):
    """A PIN that may not be set (too short, not digits)."""


def check_new_pin(pin: str) -> None:
    if not pin.isdigit():
        raise PinRefused("a PIN is digits only")
    if len(pin) < MIN_DIGITS:
        raise PinRefused(f"a PIN has at least {MIN_DIGITS} digits")


def hash_pin(pin: str) -> str:
    check_new_pin(pin)
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str | None) -> bool:
    """True only for the right PIN; a missing or damaged hash matches nothing."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                                   p=int(p), dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)
