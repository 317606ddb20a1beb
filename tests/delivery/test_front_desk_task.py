"""A clinic whose record system keeps a front-desk work list gets a Task with each urgent red
flag: stored by the real FHIR engine (validated as R4), pointing at the stored Flag, and made
once though the urgent visit is sent at its flag and again when finished."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.records.store import VisitStore
from tests.delivery.test_courier import courier_for, delivered
from tests.fhir_engine.client import search
from tests.records.test_store import submitted


def test_an_urgent_flag_puts_one_task_on_the_front_desks_list(
        qtbot: QtBot, shipped: Loaded, fresh_fhir_engine: str, tmp_path: Path) -> None:
    fhir = dataclasses.replace(shipped.settings.fhir, front_desk_tasks=True)
    clinic = dataclasses.replace(shipped, settings=dataclasses.replace(shipped.settings,
                                                                       fhir=fhir))
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.delivers = True
    visit = submitted(clinic, "urgent")
    store.save_urgent(dataclasses.replace(visit, status="open"))
    courier = courier_for(store, clinic, fresh_fhir_engine)
    courier.start()
    qtbot.waitUntil(lambda: delivered(store))
    store.save_submitted(visit)
    courier.kick()
    qtbot.waitUntil(lambda: len(store.outbox()) == 2 and delivered(store))
    courier.stop()
    store.close()
    (task,) = search(fresh_fhir_engine, "Task")
    (flag,) = search(fresh_fhir_engine, "Flag")
    (patient,) = search(fresh_fhir_engine, "Patient")
    assert (task["status"], task["priority"]) == ("requested", "stat")
    assert task["focus"] == {"reference": f"Flag/{flag['id']}"}
    assert task["for"] == {"reference": f"Patient/{patient['id']}"}
    assert "Saddle anaesthesia" in task["description"]
