"""How the kiosk shows the clinic's FHIR server who it is: no credentials, a bearer token kept
in a file, or SMART Backend Services (kiosk/fhir/smart_backend.py).

Each kind answers `bearer()` with the token to send ("" for none) or, when it has none to
give, a Reply that says why (the courier treats it like the server's own answer); `renew()`
after the server answered 401 says whether asking again could help. A secret file (token or
private key) that other users can read is never used: the log says which file and why, never
what it holds.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from kiosk.fhir.transport import Reply, send_bundle
from kiosk.paths import READABLE_BY_OTHERS, readable_by_others

log = logging.getLogger(__name__)


class Credentials(Protocol):
    """What the courier asks before each sending (on its worker thread)."""

    def bearer(self) -> str | Reply: ...

    def renew(self) -> bool: ...


class NoCredentials:
    """A server that asks for none (or a proxy in front of it that adds them)."""

    def bearer(self) -> str | Reply:
        return ""

    def renew(self) -> bool:
        return False


def read_token(path: Path) -> str | None:
    """The bearer token in `path`, or None (missing, empty, or readable by others)."""
    try:
        if readable_by_others(path):
            log.error("fhir.token_file %s %s", path, READABLE_BY_OTHERS)
            return None
        token = path.read_text(encoding="utf-8").strip()
    except OSError as failure:
        log.error("fhir.token_file %s cannot be read: %s", path, failure.strerror or failure)
        return None
    return token or None


class TokenFile:
    """A static bearer token, read from its file at each sending, so IT can put a new one in
    place without a restart. Without a usable token the request goes without one, and the
    server's refusal (401) shows on the staff dashboard."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def bearer(self) -> str | Reply:
        return read_token(self.path) or ""

    def renew(self) -> bool:
        return False


def deliver(base_url: str, bundle: dict[str, Any], credentials: Credentials) -> Reply:
    """Send `bundle` with the credentials' token; after a 401, once more with a new token
    when the credentials can get one (an access token that expired early, a revoked one)."""
    token = credentials.bearer()
    if isinstance(token, Reply):
        return token
    reply = send_bundle(base_url, bundle, token or None)
    if reply.status == 401 and credentials.renew():
        token = credentials.bearer()
        if isinstance(token, Reply):
            return token
        reply = send_bundle(base_url, bundle, token or None)
    return reply
