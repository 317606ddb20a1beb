"""Visits reach the record system exactly once, through what a clinic's network and server do:
a connection lost after the server stored the visit, the same visit sent three times, and a
server that is down for a while and then gets every visit, in the order they were sent."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.fhir.publication import Publication
from kiosk.records.store import VisitStore
from tests.delivery.test_courier import courier_for, delivered, responses
from tests.fhir_engine.client import search
from tests.fhir_engine.engine import FhirEngine, drop_next, requests_seen, running_engine
from tests.records.test_store import submitted


def delivered_in_order(store: VisitStore) -> list[str | None]:
    return [visit for _, action, visit in store.audit_trail()
            if action == "delivered to the FHIR server"]


def test_a_connection_lost_after_the_server_stored_the_visit_leaves_one_copy(
        qtbot: QtBot, store: VisitStore, shipped: Loaded, fresh_fhir_engine: str) -> None:
    visit = submitted(shipped, "urgent")
    store.save_submitted(visit)
    drop_next(fresh_fhir_engine, 1, after_commit=True)
    courier = courier_for(store, shipped, fresh_fhir_engine)
    courier.start()
    qtbot.waitUntil(lambda: delivered(store))
    courier.stop()
    posts = [r["status"] for r in requests_seen(fresh_fhir_engine) if r["method"] == "POST"]
    assert posts == ["dropped after 200", 200], "stored, the answer lost, sent again"
    assert [e.attempts for e in store.outbox()] == [2]
    assert len(responses(fresh_fhir_engine, shipped, visit)) == 1
    assert len(search(fresh_fhir_engine, "Patient")) == 1
    assert len(search(fresh_fhir_engine, "Flag")) == 1


def test_the_same_visit_sent_three_times_is_stored_once(
        qtbot: QtBot, store: VisitStore, shipped: Loaded, fresh_fhir_engine: str) -> None:
    visit = submitted(shipped, "likely-candidate")
    courier = courier_for(store, shipped, fresh_fhir_engine)
    courier.start()
    for sending in range(1, 4):
        store.save_submitted(visit)
        courier.kick()

        def arrived(times: int = sending) -> bool:
            return len(store.outbox()) == times and delivered(store)

        qtbot.waitUntil(arrived)
    courier.stop()
    assert delivered_in_order(store) == [visit.visit_id] * 3
    assert len(responses(fresh_fhir_engine, shipped, visit)) == 1
    assert len(search(fresh_fhir_engine, "Patient")) == 1
    scores = search(fresh_fhir_engine, "Observation")
    assert len(scores) == len({s["identifier"][0]["value"] for s in scores}), "one per score"


def test_a_server_down_for_a_while_gets_every_visit_later_in_order(
        qtbot: QtBot, store: VisitStore, shipped: Loaded) -> None:
    visits = [submitted(shipped, name) for name in
              ("likely-candidate", "review", "not-suitable", "branching")]
    with running_engine() as engine:
        engine.stop()  # the clinic's server goes down, its address stays
        courier = courier_for(store, shipped, engine.base)
        courier.start()
        for visit in visits:
            store.save_submitted(visit)
            courier.kick()
        qtbot.waitUntil(lambda: len(store.outbox()) == 4 and store.outbox()[0].attempts >= 2)
        assert all(e.state in ("waiting", "sending") for e in store.outbox())
        assert "no answer from the FHIR server" in (store.outbox()[0].last_error or "")
        assert all(e.attempts == 0 for e in store.outbox()[1:]), "they wait behind the first"
        restart(engine)
        qtbot.waitUntil(lambda: delivered(store), timeout=20_000)
        courier.stop()
        assert delivered_in_order(store) == [v.visit_id for v in visits]
        publication = Publication.of(shipped.content, shipped.settings)
        for visit in visits:
            assert len(search(engine.base, "QuestionnaireResponse?identifier="
                              f"{publication.visit_system}|{publication.visit_key(visit)}")) == 1
        posts = [r["status"] for r in requests_seen(engine.base) if r["method"] == "POST"]
        assert posts == [200] * 4


def restart(engine: FhirEngine) -> None:
    """The server comes back on the same address (empty: a new process)."""
    port = engine.port
    engine.start()
    assert engine.port == port
