"""Answers sealed at rest: AES-256-GCM with a key kept outside the database.

The key lives in its own file (mode 0600) in the kiosk's config folder, made on first start.
Each sealed value carries a version byte, a fresh 96-bit nonce and the GCM tag; the purpose
of the value (for example "visit v-123 answers") is bound to it as associated data, so a
value copied into another row or column does not open. A lost or replaced key makes old
values unreadable: `SealBroken`, which the store turns into a staff-visible note, never a
crash.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
VERSION = b"\x01"
KEY_FILE_NAME = "visits.key"


class SealBroken(Exception):
    """A sealed value that does not open: another key, or damaged bytes."""


class KeyFileInvalid(Exception):
    """The key file exists but is not a key (wrong size, not a regular file)."""


class Sealer:
    """Seals and opens values with one key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise KeyFileInvalid(f"a key is {KEY_BYTES} bytes, not {len(key)}")
        self._aead = AESGCM(key)

    def seal(self, plain: bytes, purpose: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return VERSION + nonce + self._aead.encrypt(nonce, plain, purpose.encode("utf-8"))

    def open(self, sealed: bytes, purpose: str) -> bytes:
        if not is_sealed(sealed):
            raise SealBroken("not a sealed value")
        nonce, body = sealed[1:1 + NONCE_BYTES], sealed[1 + NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, body, purpose.encode("utf-8"))
        except InvalidTag:
            raise SealBroken("the value does not open with this key") from None

    def seal_text(self, plain: str, purpose: str) -> bytes:
        return self.seal(plain.encode("utf-8"), purpose)

    def open_text(self, sealed: bytes, purpose: str) -> str:
        return self.open(sealed, purpose).decode("utf-8")


def is_sealed(value: object) -> bool:
    """A value in the sealed form (bytes with the version byte and room for nonce and tag)."""
    return (isinstance(value, bytes) and len(value) >= 1 + NONCE_BYTES + 16
            and value[:1] == VERSION)


def load_or_create_key(path: Path) -> tuple[bytes, bool]:
    """The key in `path`, or a new one written there (0600, in a 0700 folder); with whether
    it was made now."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if not path.is_file():
            raise KeyFileInvalid(f"{path} is not a regular file") from None
        key = path.read_bytes()
        if len(key) != KEY_BYTES:
            raise KeyFileInvalid(f"{path} holds {len(key)} bytes, not a {KEY_BYTES}-byte key"
                                 ) from None
        path.chmod(0o600)
        return key, False
    key = os.urandom(KEY_BYTES)
    try:
        os.write(descriptor, key)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return key, True
