"""Sending one visit's transaction Bundle to the clinic's FHIR server, and what its answer means.

Plain HTTP(S) with the standard library, run off the screen's thread by the courier. TLS is
required except to this machine itself (a server on 127.0.0.1 or localhost, as in tests or
behind a local proxy). A secret (the bearer token) goes only into the Authorization header:
never into a log line, an error text or the audit table.

What an answer means for the visit:
- 2xx: delivered.
- 4xx except 408 and 429: refused; a retry would be refused again, so the server's reason is
  kept for staff.
- 408, 429, 5xx, no answer at all: tried again later.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Literal

from kiosk.content.web_address import server_problem

FHIR_JSON = "application/fhir+json"
#: Seconds to wait for the server's answer.
TIMEOUT_SECONDS = 30.0
#: The most of a server's answer kept as its reason.
REASON_CHARS = 2000
Verdict = Literal["delivered", "retry", "refused"]


@dataclass(frozen=True, slots=True)
class Reply:
    """The server's answer: its status (None when there was none) and what it said."""

    status: int | None
    text: str

    @property
    def verdict(self) -> Verdict:
        if self.status is None or self.status in (408, 429) or self.status >= 500:
            return "retry"
        if 200 <= self.status < 300:
            return "delivered"
        return "refused"


def reason_of(text: str) -> str:
    """A server's answer as staff read it: an OperationOutcome's issues in words, else the
    start of what it said."""
    try:
        outcome = json.loads(text)
    except ValueError:
        return text[:REASON_CHARS]
    if isinstance(outcome, dict) and outcome.get("resourceType") == "OperationOutcome":
        issues = [issue for issue in outcome.get("issue", []) if isinstance(issue, dict)]
        said = [str(issue.get("diagnostics") or issue.get("details", {}).get("text")
                    or issue.get("code") or "") for issue in issues]
        return "; ".join(part for part in said if part)[:REASON_CHARS] or text[:REASON_CHARS]
    return text[:REASON_CHARS]


def send_bundle(base_url: str, bundle: dict[str, Any], token: str | None = None,
                timeout: float = TIMEOUT_SECONDS) -> Reply:
    """POST a transaction Bundle to the server's base address; never raises for a network
    fault (it is a Reply without status)."""
    if (problem := server_problem(base_url)) is not None:
        return Reply(None, f"the FHIR server's address {problem}")
    headers = {"Content-Type": FHIR_JSON, "Accept": FHIR_JSON}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base_url.rstrip("/"), method="POST", headers=headers,
                                     data=json.dumps(bundle).encode("utf-8"))
    return exchange(request, "the FHIR server", timeout)


def exchange(request: urllib.request.Request, who: str,
             timeout: float = TIMEOUT_SECONDS) -> Reply:
    """One HTTP request and its answer, whatever the status; never raises for a network
    fault (it is a Reply without status, saying that `who` did not answer)."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return Reply(answer.status, answer.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as refused:
        with refused:
            return Reply(refused.code, refused.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError, ValueError) as fault:
        reason = getattr(fault, "reason", fault)
        return Reply(None, f"no answer from {who}: {reason}")
