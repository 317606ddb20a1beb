"""SMART Backend Services: the kiosk gets its access token itself, with no one at the keyboard.

The FHIR server's `.well-known/smart-configuration` names its token endpoint; the kiosk asks it
for a token with the client-credentials grant, proving who it is with an assertion signed by
its own private key (`private_key_jwt`, kiosk/fhir/client_key.py). A token is kept in memory
only and used until a minute before it runs out (half-way, for a token of under two minutes);
after a 401 the next sending asks for a new one. What goes wrong becomes a Reply staff read
on the dashboard: the authorization server's refusal (a 4xx: wrong client id, key not
registered, scope not allowed) is kept for them; no answer, or a key file the kiosk cannot
use yet, is tried again later. The token and the assertion never reach a log.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from kiosk.content.web_address import server_problem
from kiosk.fhir.client_key import ClientKey, load_client_key
from kiosk.fhir.transport import TIMEOUT_SECONDS, Reply, exchange

log = logging.getLogger(__name__)

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
#: Seconds before a token's end at which a new one is asked for.
RENEW_MARGIN = 60.0
#: A token's life when the endpoint does not say (SMART's recommendation: five minutes).
DEFAULT_LIFE = 300.0


class SmartBackend:
    """Access tokens for `client_id` from the authorization server of the FHIR server at
    `server`, asked for with the key in `key_file`; safe to call from the courier's thread."""

    def __init__(self, server: str, client_id: str, key_file: Path, scope: str,
                 timeout: float = TIMEOUT_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.server = server.rstrip("/")
        self.client_id = client_id
        self.key_file = key_file
        self.scope = scope
        self._timeout = timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._good_until = 0.0
        self._endpoint: tuple[str, tuple[str, ...]] | None = None

    def bearer(self) -> str | Reply:
        with self._lock:
            if self._token is not None and self._clock() < self._good_until:
                return self._token
            return self._ask()

    def renew(self) -> bool:
        """Forget the token (and where it came from): the next one is asked for afresh."""
        with self._lock:
            self._token = None
            self._endpoint = None
        return True

    def _ask(self) -> str | Reply:
        endpoint = self._endpoint or self._discover()
        if isinstance(endpoint, Reply):
            return endpoint
        self._endpoint = endpoint
        token_url, algorithms = endpoint
        key = load_client_key(self.key_file)
        if isinstance(key, str):
            log.error("fhir.private_key_file: %s", key)
            return Reply(None, f"the kiosk's private key: {key}")
        if algorithms and key.algorithm not in algorithms:
            return Reply(None, f"the authorization server takes {', '.join(algorithms)};"
                               f" the kiosk's key signs {key.algorithm}")
        return self._token_from(token_url, key)

    def _discover(self) -> tuple[str, tuple[str, ...]] | Reply:
        """The token endpoint and the signing algorithms it takes (empty: not said)."""
        request = urllib.request.Request(f"{self.server}/.well-known/smart-configuration",
                                         headers={"Accept": "application/json"})
        reply = exchange(request, "the FHIR server", self._timeout)
        if reply.status != 200:
            if reply.status == 404:
                return Reply(404, "the FHIR server publishes no SMART configuration"
                                  " (.well-known/smart-configuration): it may want a bearer"
                                  " token instead (fhir.token_file)")
            return reply
        try:
            said = json.loads(reply.text)
            token_url = str(said["token_endpoint"])
        except (ValueError, KeyError, TypeError):
            return Reply(None, "the FHIR server's SMART configuration names no token_endpoint")
        if (problem := server_problem(token_url)) is not None:
            return Reply(None, f"the SMART token endpoint {token_url} {problem}")
        methods = said.get("token_endpoint_auth_methods_supported")
        if isinstance(methods, list) and "private_key_jwt" not in methods:
            return Reply(400, "the authorization server does not take private_key_jwt"
                              f" (it takes {', '.join(map(str, methods))})")
        algorithms = said.get("token_endpoint_auth_signing_alg_values_supported")
        return token_url, tuple(map(str, algorithms)) if isinstance(algorithms, list) else ()

    def _token_from(self, token_url: str, key: ClientKey) -> str | Reply:
        form = urllib.parse.urlencode({
            "grant_type": "client_credentials", "scope": self.scope,
            "client_assertion_type": JWT_BEARER,
            "client_assertion": key.assertion(self.client_id, token_url)}).encode("ascii")
        request = urllib.request.Request(token_url, data=form, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
        reply = exchange(request, "the authorization server", self._timeout)
        if reply.status is None or not 200 <= reply.status < 300:
            self._endpoint = None  # it may have moved: look again next time
            return Reply(reply.status, refusal_of(reply))
        try:
            said = json.loads(reply.text)
            token = str(said["access_token"])
            life = float(said.get("expires_in") or DEFAULT_LIFE)
        except (ValueError, KeyError, TypeError):
            return Reply(None, "the authorization server's answer holds no access_token")
        if str(said.get("token_type", "bearer")).lower() != "bearer":
            return Reply(None, f"the authorization server gave a {said['token_type']} token,"
                               " not a bearer token")
        self._token = token
        self._good_until = self._clock() + life - min(RENEW_MARGIN, life / 2)
        log.info("access token received for %s (good for %.0f s)", self.client_id, life)
        return token


def refusal_of(reply: Reply) -> str:
    """An authorization server's answer in staff's words: its OAuth error and description."""
    if reply.status is None:
        return reply.text
    try:
        said = json.loads(reply.text)
        error = str(said["error"])
    except (ValueError, KeyError, TypeError):
        return f"the authorization server answered {reply.status}: {reply.text[:200]}"
    description = said.get("error_description")
    return (f"the authorization server refused the kiosk's token request: {error}"
            + (f" ({description})" if description else ""))
