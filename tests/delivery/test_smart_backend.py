"""SMART Backend Services against the real FHIR engine: the kiosk finds the token endpoint,
proves who it is with an assertion signed by its own key (ES384 or RS384), which the engine
checks against the key set registered for it, and delivers visits with the access token; a
revoked or expired token is replaced, and a refusal reaches staff in the server's words."""

from __future__ import annotations

import base64
import json
import logging
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.fhir.client_key import Algorithm, ClientKey, key_set, new_client_key
from kiosk.fhir.smart_backend import SmartBackend
from kiosk.fhir.transport import Reply
from kiosk.records.store import VisitStore
from tests.delivery.test_courier import courier_for, delivered, responses
from tests.fhir_engine.client import call
from tests.fhir_engine.engine import register_client, requests_seen, revoke_tokens
from tests.records.test_store import submitted

CLIENT = "riverside-lobby-1"
SCOPE = "system/Patient.crs system/QuestionnaireResponse.cruds"


class Clock:
    """The backend's clock, moved on by the test instead of waited for."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def registered(server: str, folder: Path, algorithm: Algorithm = "ES384",
               **limits: int | str) -> tuple[ClientKey, Path]:
    key_file = folder / f"fhir-key-{algorithm}.pem"
    key = new_client_key(key_file, algorithm)
    register_client(server, CLIENT, key_set(key), **limits)  # type: ignore[arg-type]
    return key, key_file


def token_requests(server: str) -> list[object]:
    return [r["status"] for r in requests_seen(server) if r["url"] == "auth/token"]


def claims_of(jwt: str) -> dict[str, object]:
    part = jwt.split(".")[1]
    decoded: dict[str, object] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return decoded


@pytest.mark.parametrize("algorithm", ["ES384", "RS384"])
def test_the_kiosk_gets_a_token_with_its_signed_assertion_and_reads_with_it(
        fresh_fhir_engine: str, tmp_path: Path, algorithm: Algorithm) -> None:
    registered(fresh_fhir_engine, tmp_path, algorithm)
    assert call("GET", f"{fresh_fhir_engine}/Patient").status == 401, "the server wants a token"
    backend = SmartBackend(fresh_fhir_engine, CLIENT, tmp_path / f"fhir-key-{algorithm}.pem",
                           SCOPE)
    token = backend.bearer()
    assert isinstance(token, str) and token
    reply = call("GET", f"{fresh_fhir_engine}/Patient",
                 headers={"Authorization": f"Bearer {token}"})
    assert reply.status == 200
    assert backend.bearer() == token, "a token still good is used again"
    assert token_requests(fresh_fhir_engine) == [200]


def test_an_assertion_says_who_for_whom_and_lives_five_minutes_at_most(tmp_path: Path) -> None:
    key = new_client_key(tmp_path / "key.pem")
    first = key.assertion(CLIENT, "https://auth.riverside.example/token", now=1_800_000_000)
    second = key.assertion(CLIENT, "https://auth.riverside.example/token", now=1_800_000_000)
    claims = claims_of(first)
    assert claims["iss"] == claims["sub"] == CLIENT
    assert claims["aud"] == "https://auth.riverside.example/token"
    assert claims["exp"] == 1_800_000_300
    assert claims["jti"] != claims_of(second)["jti"]
    header = json.loads(base64.urlsafe_b64decode(first.split(".")[0] + "=="))
    assert header == {"alg": "ES384", "typ": "JWT", "kid": key.kid}
    assert os.stat(tmp_path / "key.pem").st_mode & 0o777 == 0o600


def test_visits_go_with_one_token_and_a_revoked_one_is_replaced(
        qtbot: QtBot, store: VisitStore, shipped: Loaded, fresh_fhir_engine: str,
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    _, key_file = registered(fresh_fhir_engine, tmp_path)
    backend = SmartBackend(fresh_fhir_engine, CLIENT, key_file, SCOPE)
    courier = courier_for(store, shipped, fresh_fhir_engine, credentials=backend)
    first, second, third = (submitted(shipped, name) for name in
                            ("likely-candidate", "review", "not-suitable"))
    store.save_submitted(first)
    store.save_submitted(second)
    courier.start()
    qtbot.waitUntil(lambda: len(store.outbox()) == 2 and delivered(store))
    assert token_requests(fresh_fhir_engine) == [200], "one token for both visits"
    assert revoke_tokens(fresh_fhir_engine) == 1
    store.save_submitted(third)
    courier.kick()
    qtbot.waitUntil(lambda: len(store.outbox()) == 3 and delivered(store))
    courier.stop()
    posts = [r["status"] for r in requests_seen(fresh_fhir_engine)
             if r["method"] == "POST" and r["url"] == ""]
    assert posts == [200, 200, 401, 200], "refused once with the old token, then taken"
    assert token_requests(fresh_fhir_engine) == [200, 200]
    token = backend.bearer()
    assert isinstance(token, str)
    assert len(responses(fresh_fhir_engine, shipped, third, token)) == 1
    secret_parts = [token, key_file.read_text(encoding="ascii").splitlines()[1]]
    kept = caplog.text + repr(store.audit_trail())
    assert "access token received for riverside-lobby-1" in caplog.text
    assert not [part for part in secret_parts if part in kept], "no secret in a log or audit"


def test_a_token_near_its_end_is_replaced_before_it_is_refused(
        fresh_fhir_engine: str, tmp_path: Path) -> None:
    _, key_file = registered(fresh_fhir_engine, tmp_path, expires_in=600)
    clock = Clock()
    backend = SmartBackend(fresh_fhir_engine, CLIENT, key_file, SCOPE, clock=clock)
    first = backend.bearer()
    clock.now += 600 - 61
    assert backend.bearer() == first
    clock.now += 2
    assert backend.bearer() != first
    assert token_requests(fresh_fhir_engine) == [200, 200]


def test_a_key_the_server_does_not_know_is_refused_and_staff_read_why(
        qtbot: QtBot, store: VisitStore, shipped: Loaded, fresh_fhir_engine: str,
        tmp_path: Path) -> None:
    registered(fresh_fhir_engine, tmp_path)
    stranger = tmp_path / "other-key.pem"
    new_client_key(stranger)
    store.save_submitted(submitted(shipped, "review"))
    courier = courier_for(store, shipped, fresh_fhir_engine,
                          credentials=SmartBackend(fresh_fhir_engine, CLIENT, stranger, SCOPE))
    courier.start()
    qtbot.waitUntil(lambda: [e.state for e in store.outbox()] == ["refused"])
    courier.stop()
    [refused] = store.outbox()
    assert refused.last_status == 401 and refused.attempts == 1
    assert refused.last_error == (
        "the authorization server refused the kiosk's token request: invalid_client"
        f" (the signature matches no key registered for {CLIENT})")
    assert not [r for r in requests_seen(fresh_fhir_engine) if r["url"] == ""], \
        "no visit was sent without a token"


def test_a_scope_the_clinic_did_not_grant_is_refused_in_its_words(
        fresh_fhir_engine: str, tmp_path: Path) -> None:
    _, key_file = registered(fresh_fhir_engine, tmp_path, scope="system/Patient.crs")
    answer = SmartBackend(fresh_fhir_engine, CLIENT, key_file, SCOPE).bearer()
    assert answer == Reply(400, "the authorization server refused the kiosk's token request:"
                                " invalid_scope (scope not allowed for this client:"
                                " system/QuestionnaireResponse.cruds)")
    assert answer.verdict == "refused"


def test_a_key_file_others_can_read_is_not_used_and_the_visit_waits(
        fresh_fhir_engine: str, tmp_path: Path) -> None:
    _, key_file = registered(fresh_fhir_engine, tmp_path)
    os.chmod(key_file, 0o644)
    answer = SmartBackend(fresh_fhir_engine, CLIENT, key_file, SCOPE).bearer()
    assert isinstance(answer, Reply) and answer.verdict == "retry"
    assert answer.text == (f"the kiosk's private key: {key_file} can be read by other users:"
                           " not used (chmod 600 it)")
    assert token_requests(fresh_fhir_engine) == []


def test_a_server_without_smart_says_what_to_use_instead(
        fresh_fhir_engine: str, tmp_path: Path) -> None:
    # outside its FHIR base the engine has nothing, as a server without SMART would
    elsewhere = fresh_fhir_engine.removesuffix("/fhir/R4") + "/plain/R4"
    answer = SmartBackend(elsewhere, CLIENT, tmp_path / "key.pem", SCOPE).bearer()
    assert isinstance(answer, Reply) and answer.status == 404 and answer.verdict == "refused"
    assert answer.text == ("the FHIR server publishes no SMART configuration"
                           " (.well-known/smart-configuration): it may want a bearer token"
                           " instead (fhir.token_file)")
