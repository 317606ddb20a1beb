"""The tests' FHIR engine: Medplum's FHIR router behind tests/fhir_engine/server.mjs, run by
Node.js on 127.0.0.1 for the test session, like the private CUPS server of tests/printing.

`fhir_engine` (session) yields the FHIR base URL, e.g. http://127.0.0.1:PORT/fhir/R4;
`fresh_fhir_engine` yields the same base with every resource, token and hook forgotten.
The hooks below make the engine fail, drop connections or want a token, for the outbox's
retry and authentication tests. Without Node.js or the pinned packages the fixtures fail
with one line saying how to install them: a missing engine is never a skipped test.
"""

from __future__ import annotations

import json
import selectors
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.fhir_engine.client import call

ENGINE_FOLDER = Path(__file__).resolve().parent
BASE_PATH = "/fhir/R4"
STARTUP_SECONDS = 30.0
INSTALL = "npm ci --prefix tests/fhir_engine --no-audit --no-fund"


def missing() -> str | None:
    """Why the engine cannot start here, or None when it can."""
    if shutil.which("node") is None:
        return f"Node.js is not installed (Debian: apt-get install nodejs npm; then {INSTALL})"
    version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    major, minor = (int(part) for part in version.lstrip("v").split(".")[:2])
    if not ((major == 20 and minor >= 19) or (major == 22 and minor >= 12) or major > 22):
        return f"Node.js {version} is too old for Medplum's FHIR router (20.19+ or 22.12+)"
    pins = json.loads((ENGINE_FOLDER / "package.json").read_text(encoding="utf-8"))
    for package, version in pins["dependencies"].items():
        installed = ENGINE_FOLDER / "node_modules" / package / "package.json"
        if not installed.exists():
            return f"{package} is not installed (run: {INSTALL})"
        found = json.loads(installed.read_text(encoding="utf-8"))["version"]
        if found != version:
            return f"{package} {found} is installed, {version} is pinned (run: {INSTALL})"
    return None


class FhirEngine:
    """One server.mjs process; `base` is its FHIR base URL once started."""

    def __init__(self, *options: str, port: int = 0) -> None:
        self.options = options
        self.port = port
        self.base = ""
        self.process: subprocess.Popen[str] | None = None
        # the server's stderr, kept for a failure's message; closed by close()
        self.errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115

    def start(self) -> None:
        """Start the server and wait for its `listening 127.0.0.1:PORT` line."""
        self.process = subprocess.Popen(
            ["node", "server.mjs", str(self.port), *self.options], cwd=ENGINE_FOLDER,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.errors, text=True)
        assert self.process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            ready = selector.select(timeout=STARTUP_SECONDS)
        line = self.process.stdout.readline().strip() if ready else ""
        if not line.startswith("listening 127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"the FHIR engine did not start: {line or self.log()}")
        address = line.split()[1]
        self.port = int(address.rsplit(":", 1)[1])  # started again, it listens there again
        self.base = f"http://{address}{BASE_PATH}"

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            if self.process.stdout is not None:
                self.process.stdout.close()
            self.process = None

    def log(self) -> str:
        """The end of what the server wrote to stderr."""
        self.errors.seek(0)
        return self.errors.read()[-2000:].strip() or "(nothing on stderr)"

    def close(self) -> None:
        self.stop()
        self.errors.close()


@contextmanager
def running_engine(*options: str) -> Iterator[FhirEngine]:
    """A started engine (options as on server.mjs's command line), stopped on leaving."""
    reason = missing()
    if reason is not None:
        pytest.fail(f"no FHIR engine: {reason}", pytrace=False)
    engine = FhirEngine(*options)
    try:
        engine.start()
        yield engine
    finally:
        engine.close()


@pytest.fixture(scope="session")
def fhir_engine() -> Iterator[str]:
    """The FHIR base URL of the session's engine."""
    with running_engine() as engine:
        yield engine.base


@pytest.fixture
def fresh_fhir_engine(fhir_engine: str) -> str:
    """The session's engine, emptied: no resource, no token, no failure to come."""
    reset(fhir_engine)
    return fhir_engine


def _hook(base: str, name: str, query: dict[str, str | int] | None = None,
          method: str = "POST", body: dict[str, Any] | None = None) -> dict[str, Any]:
    reply = call(method, f"{base}/$test/{name}?{urlencode(query or {})}", body)
    assert reply.status == 200, reply.body
    return reply.body


def reset(base: str) -> None:
    _hook(base, "reset")


def fail_next(base: str, count: int, status: int, retry_after: int | None = None) -> None:
    """The next `count` requests answer `status` with an OperationOutcome and change nothing."""
    query: dict[str, str | int] = {"count": count, "status": status}
    if retry_after is not None:
        query["retry-after"] = retry_after
    _hook(base, "fail", query)


def drop_next(base: str, count: int = 1, after_commit: bool = True) -> None:
    """The next `count` requests lose their connection without an answer: after the server
    did the work (a client cannot tell it was stored) or before."""
    _hook(base, "drop", {"count": count, "when": "after" if after_commit else "before"})


def require_token(base: str, token: str | None) -> None:
    """From now on requests need `Authorization: Bearer token` (None: no token needed)."""
    _hook(base, "token", {} if token is None else {"value": token})


def register_client(base: str, client_id: str, jwks: dict[str, Any], scope: str | None = None,
                    expires_in: int | None = None) -> None:
    """Register a SMART backend client with its public key set (and, when given, the only
    scopes it may have and its tokens' life in seconds): from now on requests need an access
    token from the engine's token endpoint."""
    client: dict[str, Any] = {"client_id": client_id, "jwks": jwks}
    if scope is not None:
        client["scope"] = scope
    if expires_in is not None:
        client["expires_in"] = expires_in
    _hook(base, "client", body=client)


def revoke_tokens(base: str) -> int:
    """Forget every access token the engine gave out; how many there were."""
    revoked: int = _hook(base, "revoke")["revoked"]
    return revoked


def requests_seen(base: str) -> list[dict[str, Any]]:
    """Every FHIR request so far: method, url (under the base) and status."""
    requests: list[dict[str, Any]] = _hook(base, "requests", method="GET")["requests"]
    return requests
