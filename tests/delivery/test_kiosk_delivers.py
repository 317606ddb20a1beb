"""A kiosk whose settings name the clinic's FHIR server delivers what a patient sends, with the
bearer token from a file only the kiosk's user may read, or with SMART Backend Services."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.back_office import keep_visits
from kiosk.content.loader import DEFAULT_THEME, load_all
from kiosk.content.model import Loaded
from kiosk.fhir.client_key import key_set, new_client_key
from kiosk.fhir.credentials import read_token
from kiosk.fhir.publication import Publication
from tests.conftest import with_kiosk
from tests.domain.editing import edit, line_of
from tests.domain.test_content_errors import errors_of
from tests.fhir_engine.client import search
from tests.fhir_engine.engine import fail_next, register_client, requests_seen, require_token
from tests.staff.test_assisted_visit import send
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_questionnaire import begin
from tests.ui.test_staff_mode import PIN, corner_taps, type_pin, with_pin

TOKEN = "front-desk-kiosk-token"


def delivering(loaded: Loaded, server: str, token_file: str | None = None,
               client_id: str | None = None, private_key_file: str | None = None) -> Loaded:
    fhir = dataclasses.replace(loaded.settings.fhir, server=server, token_file=token_file,
                               client_id=client_id, private_key_file=private_key_file)
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


def test_a_kiosk_registered_for_smart_backend_services_delivers_by_itself(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        fresh_fhir_engine: str) -> None:
    config = tmp_path / "config"
    config.mkdir()
    key = new_client_key(config / "fhir-key.pem", "RS384")
    register_client(fresh_fhir_engine, "riverside-lobby-2", key_set(key))
    loaded = delivering(with_kiosk(shipped, animations=False, idle_seconds=600.0,
                                   auto_advance_seconds=0.0), fresh_fhir_engine,
                        client_id="riverside-lobby-2", private_key_file="fhir-key.pem")
    window = make_window(loaded)
    store = keep_visits(window, loaded, tmp_path / "visits.sqlite3", config / "key")
    begin(qtbot, window)
    send(qtbot, window)
    qtbot.waitUntil(lambda: [e.state for e in store.outbox()] == ["delivered"])
    assert window.courier is not None
    window.courier.stop()
    seen = [(r["url"], r["status"]) for r in requests_seen(fresh_fhir_engine)]
    assert seen == [(".well-known/smart-configuration", 200), ("auth/token", 200), ("", 200)]


def test_one_way_of_showing_who_the_kiosk_is_at_a_time(content_copy: Path,
                                                       settings_copy: Path) -> None:
    edit(settings_copy, "  # server: https", "  server: https")
    edit(settings_copy, "  # client_id: riverside-lobby-1", "  client_id: riverside-lobby-1")
    at = line_of(settings_copy, "client_id: riverside")
    assert errors_of(content_copy, settings_copy) == [
        f"{settings_copy}:{at}: fhir.client_id: SMART Backend Services needs"
        " fhir.private_key_file too"]
    edit(settings_copy, "  # private_key_file: fhir-key.pem", "  private_key_file: fhir-key.pem")
    smart = load_all(content_copy, settings_copy, DEFAULT_THEME).settings.fhir
    assert (smart.client_id, smart.private_key_file) == ("riverside-lobby-1", "fhir-key.pem")
    edit(settings_copy, "  # token_file: fhir-token", "  token_file: fhir-token")
    assert errors_of(content_copy, settings_copy) == [
        f"{settings_copy}:{line_of(settings_copy, 'token_file: fhir')}: fhir.token_file: give"
        " either a token file or SMART Backend Services (client_id and private_key_file),"
        " not both"]


def test_a_token_file_others_can_read_is_not_used(tmp_path: Path) -> None:
    token_file = tmp_path / "fhir-token"
    token_file.write_text(TOKEN, encoding="utf-8")
    os.chmod(token_file, 0o644)
    assert read_token(token_file) is None
    token_file.chmod(0o600)
    assert read_token(token_file) == TOKEN
    assert read_token(tmp_path / "missing") is None


def test_a_visit_the_server_refuses_shows_on_the_staff_dashboard_and_goes_when_sent_again(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
        fresh_fhir_engine: str) -> None:
    loaded = with_pin(delivering(with_kiosk(shipped, animations=False, idle_seconds=600.0,
                                            auto_advance_seconds=0.0), fresh_fhir_engine))
    window = make_window(loaded)
    store = keep_visits(window, loaded, tmp_path / "visits.sqlite3", tmp_path / "config" / "key")
    fail_next(fresh_fhir_engine, 1, 400)
    begin(qtbot, window)
    visit = send(qtbot, window)
    qtbot.waitUntil(lambda: [e.state for e in store.outbox()] == ["refused"])
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert (f"Visit {visit.visit_id} was refused by the record system (400): The test engine"
            " fails this request on purpose") in visible_text(window)
    tap(qtbot, find_button(window, "staff_outbox_again"))
    qtbot.waitUntil(lambda: [e.state for e in store.outbox()] == ["delivered"])
    qtbot.waitUntil(lambda: "Record system: 1 delivered, 0 waiting, 0 refused."
                    in visible_text(window))
    assert window.courier is not None
    window.courier.stop()
