"""The courier delivers the outbox to a real FHIR engine on 127.0.0.1: a sent visit arrives once,
a busy server is tried again, a refusal waits for staff with the server's reason, and an
urgent visit sent when its flag fired and again when it was finished is stored once, finished."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.fhir.bundle import visit_bundle
from kiosk.fhir.courier import Courier
from kiosk.fhir.credentials import Credentials
from kiosk.fhir.publication import Publication
from kiosk.intake.session import SubmittedVisit
from kiosk.records.store import VisitStore
from tests.fhir_engine.client import search
from tests.fhir_engine.engine import fail_next, requests_seen, require_token
from tests.records.test_store import submitted

TOKEN = "kiosk-test-token"


@dataclasses.dataclass
class BearerToken:
    """A token IT gave the kiosk, as kiosk/fhir/credentials.py's TokenFile reads it."""

    token: str | None

    def bearer(self) -> str:
        return self.token or ""

    def renew(self) -> bool:
        return False


def courier_for(store: VisitStore, shipped: Loaded, server: str, token: str | None = None,
                credentials: Credentials | None = None) -> Courier:
    publication = Publication.of(shipped.content, shipped.settings)

    def bundle_for(visit: SubmittedVisit) -> dict[str, object]:
        return visit_bundle(visit, shipped.content, publication,
                            shipped.settings.printing.language)

    return Courier(store, lambda: shipped.content.questionnaire, bundle_for, server,
                   credentials or BearerToken(token), first_retry=0.05)


def responses(server: str, shipped: Loaded, visit: SubmittedVisit,
              token: str | None = None) -> list[dict[str, object]]:
    publication = Publication.of(shipped.content, shipped.settings)
    key = publication.visit_key(visit)
    return search(server, f"QuestionnaireResponse?identifier={publication.visit_system}|{key}",
                  headers={"Authorization": f"Bearer {token}"} if token else None)


def delivered(store: VisitStore) -> bool:
    return bool(store.outbox()) and all(e.state == "delivered" for e in store.outbox())


def test_a_sent_visit_reaches_the_server_once(
        qtbot: QtBot, store: VisitStore, shipped: Loaded, fresh_fhir_engine: str) -> None:
    visit = submitted(shipped, "likely-candidate")
    store.save_submitted(visit)
    courier = courier_for(store, shipped, fresh_fhir_engine)
    courier.start()
    qtbot.waitUntil(lambda: delivered(store))
    courier.stop()
    [response] = responses(fresh_fhir_engine, shipped, visit)
    assert response["status"] == "completed"
    assert str(response["questionnaire"]).endswith(
        f"|{Publication.of(shipped.content, shipped.settings).version}")
    assert store.outbox()[0].last_status == 200


def test_a_busy_server_is_tried_again_until_it_takes_the_visit(
        qtbot: QtBot, store: VisitStore, shipped: Loaded, fresh_fhir_engine: str) -> None:
    store.save_submitted(submitted(shipped, "likely-candidate"))
    fail_next(fresh_fhir_engine, 2, 503)
    courier = courier_for(store, shipped, fresh_fhir_engine)
    courier.start()
    qtbot.waitUntil(lambda: delivered(store))
    courier.stop()
    [entry] = store.outbox()
    assert entry.attempts == 3 and entry.last_error is None
    posts = [r["status"] for r in requests_seen(fresh_fhir_engine) if r["method"] == "POST"]
    assert posts == [503, 503, 200]


def test_a_refusal_waits_for_staff_with_the_reason_and_goes_once_they_send_again(
        qtbot: QtBot, store: VisitStore, shipped: Loaded, fresh_fhir_engine: str) -> None:
    visit = submitted(shipped, "review")
    store.save_submitted(visit)
    require_token(fresh_fhir_engine, TOKEN)
    courier = courier_for(store, shipped, fresh_fhir_engine)  # no token set up yet
    courier.start()
    qtbot.waitUntil(lambda: [e.state for e in store.outbox()] == ["refused"])
    courier.stop()
    [refused] = store.outbox()
    assert refused.last_status == 401 and refused.attempts == 1, "not retried blindly"
    assert TOKEN not in (refused.last_error or "")
    fixed = courier_for(store, shipped, fresh_fhir_engine, token=TOKEN)
    fixed.start()
    assert store.deliver_again() == 1
    fixed.kick()
    qtbot.waitUntil(lambda: delivered(store))
    fixed.stop()
    assert len(responses(fresh_fhir_engine, shipped, visit, TOKEN)) == 1


def test_an_urgent_visit_sent_at_its_flag_and_at_its_end_is_stored_once_finished(
        qtbot: QtBot, store: VisitStore, shipped: Loaded, fresh_fhir_engine: str) -> None:
    visit = submitted(shipped, "urgent")
    store.save_urgent(dataclasses.replace(visit, status="open"))
    courier = courier_for(store, shipped, fresh_fhir_engine)
    courier.start()
    qtbot.waitUntil(lambda: delivered(store))
    [first] = responses(fresh_fhir_engine, shipped, visit)
    assert first["status"] == "in-progress"
    [flag] = search(fresh_fhir_engine, "Flag")
    assert flag["status"] == "active", "the urgent flag reaches the record system at once"
    assert flag["code"]["text"] == "Saddle anaesthesia \u2014 new"
    store.save_submitted(visit)
    courier.kick()
    qtbot.waitUntil(lambda: len(store.outbox()) == 2 and delivered(store))
    courier.stop()
    [finished] = responses(fresh_fhir_engine, shipped, visit)
    assert finished["status"] == "completed" and finished["id"] == first["id"]
    assert len(search(fresh_fhir_engine, "Flag")) == 1
    assert len(search(fresh_fhir_engine, "Patient")) == 1


def test_a_visit_answered_on_another_questionnaire_version_waits_for_staff_with_why(
        qtbot: QtBot, store: VisitStore, shipped: Loaded, fresh_fhir_engine: str) -> None:
    old = dataclasses.replace(submitted(shipped, "review"), questionnaire_version="1")
    store.save_submitted(old)
    store.save_submitted(submitted(shipped, "likely-candidate"))
    courier = courier_for(store, shipped, fresh_fhir_engine)
    courier.start()
    qtbot.waitUntil(lambda: [e.state for e in store.outbox()] == ["refused", "delivered"])
    courier.stop()
    refused = store.outbox()[0]
    assert (refused.last_error or "").startswith(
        f"the kiosk cannot make it FHIR: visit {old.visit_id} answered version 1")
    assert [r["method"] for r in requests_seen(fresh_fhir_engine)] == ["POST"], \
        "only the other visit went to the server"
