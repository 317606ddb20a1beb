"""What a FHIR server's answer means for a visit, and which addresses the kiosk sends to."""

from __future__ import annotations

import json

import pytest

from kiosk.content.web_address import server_problem
from kiosk.fhir.transport import Reply, reason_of, send_bundle


@pytest.mark.parametrize(("status", "verdict"), [
    (200, "delivered"), (201, "delivered"), (400, "refused"), (401, "refused"),
    (404, "refused"), (422, "refused"), (408, "retry"), (429, "retry"), (500, "retry"),
    (503, "retry"), (None, "retry")])
def test_what_each_answer_means(status: int | None, verdict: str) -> None:
    assert Reply(status, "").verdict == verdict


@pytest.mark.parametrize(("url", "problem"), [
    ("https://fhir.riverside.example/r4", None),
    ("http://127.0.0.1:8103/fhir/R4", None),
    ("http://localhost:8103/fhir/R4", None),
    ("http://fhir.riverside.example/r4", "must use https:// (plain http:// only to this"
                                         " machine itself)"),
    ("https://kiosk:secret@fhir.riverside.example/r4", "must not hold a user name or password"
                                                       " (give a token file instead)"),
    ("fhir.riverside.example", "an https:// address of the clinic's FHIR server is expected")])
def test_tls_is_required_except_to_this_machine(url: str, problem: str | None) -> None:
    assert server_problem(url) == problem


def test_a_refusal_is_told_in_the_servers_own_words() -> None:
    outcome = {"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": "invalid", "diagnostics": "Missing required property"},
        {"severity": "error", "code": "invalid", "details": {"text": "Invalid reference"}}]}
    assert reason_of(json.dumps(outcome)) == "Missing required property; Invalid reference"
    assert reason_of("<html>Bad gateway</html>") == "<html>Bad gateway</html>"


def test_a_plain_http_address_elsewhere_is_not_even_tried() -> None:
    reply = send_bundle("http://fhir.riverside.example/r4", {"resourceType": "Bundle"},
                        token="never-sent")
    assert reply.status is None and reply.verdict == "retry"
    assert "must use https://" in reply.text and "never-sent" not in reply.text


def test_no_server_listening_is_a_retry_not_a_crash() -> None:
    reply = send_bundle("http://127.0.0.1:9/fhir", {"resourceType": "Bundle"}, timeout=5)
    assert reply.status is None and reply.verdict == "retry"
    assert reply.text.startswith("no answer from the FHIR server")
