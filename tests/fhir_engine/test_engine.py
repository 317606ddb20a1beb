"""The tests' FHIR engine behaves like the clinic's FHIR server would: it describes itself,
stores and reads back valid resources, refuses invalid ones with an OperationOutcome, stores
a visit's transaction once however often it is sent, and can want a token, fail or drop a
connection when a test asks it to. Spoken to with Python's own HTTP client only."""

from __future__ import annotations

import copy
import http.client
import urllib.error
from typing import Any
from urllib.parse import quote

import pytest

from tests.fhir_engine.client import Reply, call, search
from tests.fhir_engine.engine import (
    drop_next,
    fail_next,
    requests_seen,
    require_token,
    running_engine,
)

pytestmark = pytest.mark.slow

PATIENT_SYSTEM = "https://riverside-spine.example/fhir/kiosk-patient"
VISIT_SYSTEM = "https://riverside-spine.example/fhir/visit"
PATIENT_URN = "urn:uuid:4f6c2a8e-1b3d-4e5f-9a7b-2c8d0e1f3a5b"
ROSA = {"resourceType": "Patient", "name": [{"family": "Quintero", "given": ["Rosa"]}],
        "birthDate": "1968-04-12"}


def visit_transaction(visit_id: str = "V-2031", patient_id: str = "K-77") -> dict[str, Any]:
    """A visit as the kiosk sends it: the patient and the answers, both created only if new."""
    patient = {**copy.deepcopy(ROSA),
               "identifier": [{"system": PATIENT_SYSTEM, "value": patient_id}]}
    answers = {
        "resourceType": "QuestionnaireResponse", "status": "completed",
        "identifier": {"system": VISIT_SYSTEM, "value": visit_id},
        "questionnaire": "https://riverside-spine.example/fhir/Questionnaire/intake|3",
        "subject": {"reference": PATIENT_URN}, "authored": "2025-03-04T09:15:00Z",
        "item": [{"linkId": "pain_now", "text": "How bad is your back pain right now?",
                  "answer": [{"valueInteger": 6}]}],
    }
    return {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"fullUrl": PATIENT_URN, "resource": patient, "request": {
            "method": "POST", "url": "Patient",
            "ifNoneExist": f"identifier={PATIENT_SYSTEM}|{patient_id}"}},
        {"fullUrl": "urn:uuid:9d2e4c6a-8b1f-4a3c-b5d7-e9f1a2c4b6d8", "resource": answers,
         "request": {"method": "POST", "url": "QuestionnaireResponse",
                     "ifNoneExist": f"identifier={VISIT_SYSTEM}|{visit_id}"}},
    ]}


def by_identifier(base: str, resource_type: str, system: str, value: str) -> list[dict[str, Any]]:
    return search(base, f"{resource_type}?identifier={quote(f'{system}|{value}')}")


def visits(base: str, visit_id: str) -> list[dict[str, Any]]:
    return by_identifier(base, "QuestionnaireResponse", VISIT_SYSTEM, visit_id)


def test_the_capability_statement_names_fhir_r4_and_what_a_visit_needs(fhir_engine: str) -> None:
    reply = call("GET", f"{fhir_engine}/metadata")
    assert reply.status == 200
    assert reply.body["resourceType"] == "CapabilityStatement"
    assert reply.body["fhirVersion"] == "4.0.1"
    rest = reply.body["rest"][0]
    assert {"code": "transaction"} in rest["interaction"]
    kinds = {entry["type"]: entry for entry in rest["resource"]}
    for needed in ("Patient", "QuestionnaireResponse", "Questionnaire", "Flag", "Task"):
        assert {"code": "create"} in kinds[needed]["interaction"]
        assert kinds[needed]["conditionalCreate"] is True


def test_a_patient_is_stored_and_read_back(fresh_fhir_engine: str) -> None:
    created = call("POST", f"{fresh_fhir_engine}/Patient", ROSA)
    assert created.status == 201, created.issues()
    patient_id = created.body["id"]
    assert f"/fhir/R4/Patient/{patient_id}/_history/" in created.headers["Location"]
    read = call("GET", f"{fresh_fhir_engine}/Patient/{patient_id}")
    assert read.status == 200
    assert read.body["name"] == ROSA["name"] and read.body["birthDate"] == "1968-04-12"


def test_an_invalid_resource_is_refused_with_an_outcome_naming_the_field(
        fresh_fhir_engine: str) -> None:
    wrong = {**ROSA, "birthDate": "12/04/1968", "favouriteColour": "blue"}
    reply = call("POST", f"{fresh_fhir_engine}/Patient", wrong)
    assert reply.status == 400
    assert reply.body["resourceType"] == "OperationOutcome"
    assert any("Patient.birthDate" in line for line in reply.issues()), reply.issues()
    assert any("Patient.favouriteColour" in line for line in reply.issues()), reply.issues()
    assert search(fresh_fhir_engine, "Patient?family=Quintero") == []
    no_status = call("POST", f"{fresh_fhir_engine}/QuestionnaireResponse",
                     {"resourceType": "QuestionnaireResponse"})
    assert no_status.status == 400
    assert any("QuestionnaireResponse.status" in line for line in no_status.issues())


def test_a_visit_sent_twice_is_stored_once(fresh_fhir_engine: str) -> None:
    first = call("POST", fresh_fhir_engine, visit_transaction())
    again = call("POST", fresh_fhir_engine, visit_transaction())
    assert first.status == again.status == 200, (first.issues(), again.issues())
    assert [e["response"]["status"] for e in first.body["entry"]] == ["201", "201"]
    assert [e["response"]["status"] for e in again.body["entry"]] == ["200", "200"]
    def locations(reply: Reply) -> list[str]:
        return [entry["response"]["location"] for entry in reply.body["entry"]]

    assert locations(first) == locations(again)
    [patient] = by_identifier(fresh_fhir_engine, "Patient", PATIENT_SYSTEM, "K-77")
    [answers] = visits(fresh_fhir_engine, "V-2031")
    assert answers["subject"] == {"reference": f"Patient/{patient['id']}"}
    assert answers["item"][0]["answer"] == [{"valueInteger": 6}]


def test_a_transaction_with_one_invalid_resource_stores_nothing(fresh_fhir_engine: str) -> None:
    bundle = visit_transaction("V-2032", "K-78")
    del bundle["entry"][1]["resource"]["status"]
    reply = call("POST", fresh_fhir_engine, bundle)
    assert reply.status == 400
    assert any("QuestionnaireResponse.status" in line for line in reply.issues()), reply.issues()
    assert by_identifier(fresh_fhir_engine, "Patient", PATIENT_SYSTEM, "K-78") == []


def test_the_token_option_refuses_a_request_without_it_and_the_fail_option_fails_first(
        ) -> None:
    with running_engine("--token", "front-desk-7", "--fail-next", "1", "503") as engine:
        assert call("GET", f"{engine.base}/Patient").status == 503
        refused = call("GET", f"{engine.base}/Patient")
        assert refused.status == 401
        assert refused.headers["WWW-Authenticate"].startswith("Bearer")
        assert call("GET", f"{engine.base}/Patient",
                    headers={"Authorization": "Bearer front-desk-6"}).status == 401
        token = {"Authorization": "Bearer front-desk-7"}
        created = call("POST", f"{engine.base}/Patient", ROSA, headers=token)
        assert created.status == 201
        assert [p["id"] for p in search(engine.base, "Patient", headers=token)] == [
            created.body["id"]]
        assert call("GET", f"{engine.base}/metadata").status == 200  # discovery stays open


def test_a_token_asked_for_at_run_time_is_required_until_withdrawn(fresh_fhir_engine: str) -> None:
    require_token(fresh_fhir_engine, "kiosk-3")
    assert call("POST", fresh_fhir_engine, visit_transaction()).status == 401
    assert search(fresh_fhir_engine, "Patient", {"Authorization": "Bearer kiosk-3"}) == []
    require_token(fresh_fhir_engine, None)
    assert call("POST", fresh_fhir_engine, visit_transaction()).status == 200


def test_the_fail_hook_answers_the_status_n_times_then_stores_the_visit(
        fresh_fhir_engine: str) -> None:
    fail_next(fresh_fhir_engine, 2, 503, retry_after=2)
    failed = [call("POST", fresh_fhir_engine, visit_transaction()) for _ in range(2)]
    assert [reply.status for reply in failed] == [503, 503]
    assert failed[0].body["issue"][0]["code"] == "transient"
    assert failed[0].headers["Retry-After"] == "2"
    assert call("POST", fresh_fhir_engine, visit_transaction()).status == 200
    assert len(visits(fresh_fhir_engine, "V-2031")) == 1
    assert [r["status"] for r in requests_seen(fresh_fhir_engine)][:3] == [503, 503, 200]


def test_a_dropped_connection_after_the_commit_leaves_the_visit_stored(
        fresh_fhir_engine: str) -> None:
    drop_next(fresh_fhir_engine, 1, after_commit=True)
    with pytest.raises((http.client.RemoteDisconnected, urllib.error.URLError, ConnectionError)):
        call("POST", fresh_fhir_engine, visit_transaction())
    assert len(visits(fresh_fhir_engine, "V-2031")) == 1
    drop_next(fresh_fhir_engine, 1, after_commit=False)
    with pytest.raises((http.client.RemoteDisconnected, urllib.error.URLError, ConnectionError)):
        call("POST", fresh_fhir_engine, visit_transaction("V-2033", "K-79"))
    assert by_identifier(fresh_fhir_engine, "Patient", PATIENT_SYSTEM, "K-79") == []
    resent = call("POST", fresh_fhir_engine, visit_transaction())
    assert [e["response"]["status"] for e in resent.body["entry"]] == ["200", "200"]
