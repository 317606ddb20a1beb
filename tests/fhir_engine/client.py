"""A few lines of FHIR over Python's own HTTP client, for tests that look at what a FHIR server
holds: one call answers the status, the headers and the JSON body, whatever the status."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

FHIR_JSON = "application/fhir+json"


@dataclass(frozen=True)
class Reply:
    """What the server answered."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)

    def issues(self) -> list[str]:
        """The OperationOutcome's issues as 'severity code: text (where)' lines."""
        lines = []
        for issue in self.body.get("issue", []):
            text = issue.get("diagnostics") or issue.get("details", {}).get("text", "")
            where = ", ".join(issue.get("expression", []))
            line = f"{issue['severity']} {issue['code']}: {text}"
            lines.append(f"{line} ({where})" if where else line)
        return lines


def call(method: str, url: str, body: dict[str, Any] | None = None,
         headers: dict[str, str] | None = None, timeout: float = 10.0) -> Reply:
    """One request; an error status is a reply like any other (never an exception)."""
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Accept": FHIR_JSON, **({"Content-Type": FHIR_JSON} if data is not None else {}),
        **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _reply(response.status, response.read(), dict(response.headers))
    except urllib.error.HTTPError as error:
        with error:
            return _reply(error.code, error.read(), dict(error.headers))


def _reply(status: int, raw: bytes, headers: dict[str, str]) -> Reply:
    body = json.loads(raw) if raw.strip() else {}
    return Reply(status, body, headers)


def search(base: str, query: str, headers: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The resources a search such as 'Patient?identifier=system|value' finds (asserts 200)."""
    reply = call("GET", f"{base}/{query}", headers=headers)
    assert reply.status == 200, reply.issues()
    return [entry["resource"] for entry in reply.body.get("entry", [])]
