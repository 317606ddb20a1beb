"""`self-test`'s look at the clinic's record system: can this kiosk deliver visits to it now?

Four things, each said in one line an IT person can act on: the settings name addresses fit
for a clinic's server; the server answers its capability statement as FHIR R4 and takes
transactions; the kiosk's credentials get through (a token from SMART Backend Services or the
token file, shown by a harmless search for a visit id no visit has); and what waits in the
outbox. Nothing is written to the server, and no secret is printed.
"""

from __future__ import annotations

import datetime
import json
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Literal

from kiosk.content.model import Loaded
from kiosk.fhir.credentials import NoCredentials
from kiosk.fhir.delivery_setup import credentials_for
from kiosk.fhir.publication import Publication
from kiosk.fhir.smart_backend import SmartBackend
from kiosk.fhir.transport import FHIR_JSON, Reply, exchange, reason_of

Verdict = Literal["ok", "note", "fail"]
Finding = tuple[Verdict, str]
#: Seconds self-test waits for the server.
TIMEOUT_SECONDS = 10.0
#: A visit id no visit has: the search that shows the credentials get through.
PROBE_VISIT = "self-test-no-such-visit"


def _get(url: str, token: str | None = None) -> Reply:
    headers = {"Accept": FHIR_JSON}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return exchange(urllib.request.Request(url, headers=headers), "the FHIR server",
                    TIMEOUT_SECONDS)


def capability(server: str) -> Finding:
    """The server's own account of itself: FHIR R4, and transactions taken."""
    reply = _get(f"{server.rstrip('/')}/metadata")
    if reply.status != 200:
        status = f"{reply.status} " if reply.status else ""
        return "fail", f"{server}/metadata: {status}{reason_of(reply.text)}"
    try:
        statement = json.loads(reply.text)
    except ValueError:
        return "fail", f"{server}/metadata is not JSON: is fhir.server the FHIR base address?"
    version = str(statement.get("fhirVersion", "?"))
    software = statement.get("software") or {}
    name = " ".join(str(software.get(key, "")) for key in ("name", "version")).strip()
    said = f"FHIR {version}" + (f", {name}" if name else "")
    if statement.get("resourceType") != "CapabilityStatement" or not version.startswith("4.0"):
        return "fail", f"{server} is not a FHIR R4 server ({said}): the kiosk sends R4"
    interactions = {str(i.get("code")) for rest in statement.get("rest", [])
                    for i in rest.get("interaction", [])}
    if interactions and "transaction" not in interactions:
        return "fail", f"{server} ({said}) does not say it takes transactions"
    return "ok", f"{server} answers ({said})"


def credentials_get_through(loaded: Loaded, config_folder: Path) -> tuple[Finding, str | None]:
    """The kiosk's credentials, shown to the server by a search that finds nothing; with the
    token that got through (None when none did)."""
    fhir = loaded.settings.fhir
    assert fhir.server is not None
    credentials = credentials_for(fhir, config_folder)
    kind = ("SMART Backend Services" if isinstance(credentials, SmartBackend)
            else "no credentials" if isinstance(credentials, NoCredentials) else "token file")
    token = credentials.bearer()
    if isinstance(token, Reply):
        return ("fail", f"{kind}: {reason_of(token.text)}"), None
    if kind == "token file" and not token:
        path = config_folder / str(fhir.token_file)
        return ("fail", f"token file: {path} holds no usable token"), None
    system = Publication.of(loaded.content, loaded.settings).visit_system
    query = urllib.parse.urlencode({"identifier": f"{system}|{PROBE_VISIT}", "_summary": "count"})
    reply = _get(f"{fhir.server.rstrip('/')}/QuestionnaireResponse?{query}", token or None)
    if reply.status == 200:
        return ("ok", f"{kind}: the server takes them (a search by visit id answered)"), token
    return ("fail", f"{kind}: the server answered {reply.status or 'nothing'}"
                    f" ({reason_of(reply.text)[:200]})"), None


def questionnaire_held(server: str, token: str, publication: Publication) -> Finding:
    """Whether the server holds the Questionnaire this content's visits name (url|version):
    visits are taken without it, but a record system shows them best with it."""
    query = urllib.parse.urlencode({"url": publication.url, "version": publication.version})
    reply = _get(f"{server.rstrip('/')}/Questionnaire?{query}", token or None)
    if reply.status != 200:
        return "note", (f"cannot look for the Questionnaire ({reply.status or 'no answer'}:"
                        f" {reason_of(reply.text)[:200]})")
    try:
        found = json.loads(reply.text).get("entry", [])
    except (ValueError, AttributeError):
        found = []
    held = publication.canonical
    if found:
        return "ok", f"the server holds {held}"
    return "note", (f"the server does not hold {held} yet: publish it with"
                    " `kiosk export-fhir --questionnaire questionnaire.json` and a POST of that"
                    " file to the server's base address (see README)")


def outbox(waiting: list[tuple[str, str, str | None]], keep_hours: float) -> Finding:
    """What waits for the record system, and whether any of it is near being let go."""
    if not waiting:
        return "ok", "every stored visit is delivered"
    refused = [error for state, _, error in waiting if state == "refused"]
    oldest = min(datetime.datetime.fromisoformat(created) for _, created, _ in waiting)
    age = (datetime.datetime.now(datetime.UTC) - oldest).total_seconds() / 3600
    said = (f"{len(waiting)} not delivered ({len(refused)} refused), the oldest"
            f" {age:.0f} h old (kept {keep_hours:.0f} h at most)")
    if refused:
        return "fail", f"{said}; last refusal: {refused[-1]}"
    return ("fail" if age > keep_hours / 2 else "note"), said
