"""A kiosk whose settings name the clinic's FHIR server delivers what a patient sends, with the
bearer token from a file only the kiosk's user may read."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.back_office import keep_visits
from kiosk.content.model import Loaded
from kiosk.fhir.delivery_setup import read_token
from kiosk.fhir.publication import Publication
from tests.conftest import with_kiosk
from tests.fhir_engine.client import search
from tests.fhir_engine.engine import require_token
from tests.staff.test_assisted_visit import send
from tests.ui.conftest import WindowFactory
from tests.ui.test_questionnaire import begin

TOKEN = "front-desk-kiosk-token"


def delivering(loaded: Loaded, server: str, token_file: str | None = None) -> Loaded:
    fhir = dataclasses.replace(loaded.settings.fhir, server=server, token_file=token_file)
    return dataclasses.replace(loaded, settings=dataclasses.replace(loaded.settings, fhir=fhir))


def test_a_visit_sent_by_touch_reaches_the_clinics_server_with_the_token(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        fresh_fhir_engine: str) -> None:
    config = tmp_path / "config"
    config.mkdir()
    token_file = config / "fhir-token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    token_file.chmod(0o600)
    require_token(fresh_fhir_engine, TOKEN)
    loaded = delivering(with_kiosk(shipped, animations=False, idle_seconds=600.0,
                                   auto_advance_seconds=0.0), fresh_fhir_engine, "fhir-token")
    window = make_window(loaded)
    store = keep_visits(window, loaded, tmp_path / "visits.sqlite3", config / "key")
    begin(qtbot, window)
    visit = send(qtbot, window)
    qtbot.waitUntil(lambda: [e.state for e in store.outbox()] == ["delivered"])
    assert window.courier is not None
    window.courier.stop()
    publication = Publication.of(loaded.content, loaded.settings)
    found = search(fresh_fhir_engine, "QuestionnaireResponse?identifier="
                   f"{publication.visit_system}|{publication.visit_key(visit)}",
                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert [response["status"] for response in found] == ["completed"]


def test_a_token_file_others_can_read_is_not_used(tmp_path: Path) -> None:
    token_file = tmp_path / "fhir-token"
    token_file.write_text(TOKEN, encoding="utf-8")
    os.chmod(token_file, 0o644)
    assert read_token(token_file) is None
    token_file.chmod(0o600)
    assert read_token(token_file) == TOKEN
    assert read_token(tmp_path / "missing") is None
