"""`self-test` tells the clinic's IT person whether this kiosk can deliver to the record system:
the server answers as FHIR R4, the kiosk's credentials get through, and what waits to go."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.cli import main
from kiosk.content.model import Loaded
from kiosk.fhir.client_key import key_set, new_client_key
from kiosk.fhir.publication import Publication
from kiosk.fhir.smart_backend import SmartBackend
from kiosk.paths import config_folder
from kiosk.records.store import VisitStore
from tests.domain.editing import edit
from tests.fhir_engine.client import call
from tests.fhir_engine.engine import register_client, requests_seen, require_token
from tests.records.test_store import submitted

CLIENT = "riverside-lobby-3"
SCOPE = "system/Questionnaire.crs system/CodeSystem.crs"
INVENTED = ("but fhir.canonical_base https://fhir.riverside-spine.example/fhir is an invented"
            " address: set the clinic's own in settings.yaml")


def delivering_to(settings: Path, server: str, *lines: str) -> None:
    edit(settings, "  # server: https://fhir.riverside-spine.example/fhir/R4",
         f"  server: {server}\n" + "".join(f"  {line}\n" for line in lines))


def record_system_lines(data: Path, settings: Path,
                        capsys: pytest.CaptureFixture[str]) -> list[str]:
    main(["self-test", "--data", str(data), "--settings", str(settings)])
    return [line for line in capsys.readouterr().out.splitlines()
            if line[6:].startswith("record system")]


def test_a_registered_kiosk_is_told_it_can_deliver_and_whether_its_questionnaire_is_there(
        qapp: QApplication, shipped: Loaded, fresh_fhir_engine: str, data_dir: Path,
        settings_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    canonical = Publication.of(shipped.content, shipped.settings).canonical
    folder = config_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    register_client(fresh_fhir_engine, CLIENT, key_set(new_client_key(folder / "fhir-key.pem")))
    delivering_to(settings_copy, fresh_fhir_engine, f"client_id: {CLIENT}",
                  "private_key_file: fhir-key.pem")
    assert record_system_lines(data_dir, settings_copy, capsys) == [
        f"note  record system: {fresh_fhir_engine} answers (FHIR 4.0.1, Kiosk test FHIR engine"
        f" (Medplum FHIR router)); {INVENTED}",
        "ok    record system credentials: SMART Backend Services: the server takes them (a"
        " search by visit id answered)",
        f"note  record system questionnaire: the server does not hold {canonical} yet: publish"
        " it with `kiosk export-fhir --questionnaire questionnaire.json` and a POST of that file"
        " to the server's base address (see README)",
        "ok    record system outbox: every stored visit is delivered"]
    assert {r["method"] for r in requests_seen(fresh_fhir_engine)} == {"GET", "POST"}
    assert [r["url"] for r in requests_seen(fresh_fhir_engine) if r["method"] == "POST"] == [
        "auth/token"], "nothing written"
    definitions = tmp_path / "questionnaire.json"
    assert main(["export-fhir", "--questionnaire", str(definitions), "--settings",
                 str(settings_copy)]) == 0
    capsys.readouterr()
    token = SmartBackend(fresh_fhir_engine, CLIENT, folder / "fhir-key.pem", SCOPE).bearer()
    assert call("POST", fresh_fhir_engine, json.loads(definitions.read_text(encoding="utf-8")),
                headers={"Authorization": f"Bearer {token}"}).status == 200
    assert record_system_lines(data_dir, settings_copy, capsys)[2] == (
        f"ok    record system questionnaire: the server holds {canonical}")


def test_a_wrong_key_a_wrong_token_and_a_waiting_visit_are_each_named(
        qapp: QApplication, shipped: Loaded, fresh_fhir_engine: str, data_dir: Path,
        settings_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = config_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    register_client(fresh_fhir_engine, CLIENT, key_set(new_client_key(folder / "other.pem")))
    new_client_key(folder / "fhir-key.pem")
    smart = settings_copy.read_text(encoding="utf-8")
    delivering_to(settings_copy, fresh_fhir_engine, f"client_id: {CLIENT}",
                  "private_key_file: fhir-key.pem")
    lines = record_system_lines(data_dir, settings_copy, capsys)
    assert lines[1] == (
        "FAIL  record system credentials: SMART Backend Services: the authorization server"
        " refused the kiosk's token request: invalid_client (the signature matches no key"
        f" registered for {CLIENT})")

    settings_copy.write_text(smart, encoding="utf-8")
    delivering_to(settings_copy, fresh_fhir_engine, "token_file: fhir-token")
    require_token(fresh_fhir_engine, "the-right-token")
    token = folder / "fhir-token"
    token.write_text("an-old-token\n", encoding="utf-8")
    os.chmod(token, 0o600)
    store = VisitStore(data_dir / "visits.sqlite3")
    store.delivers = True  # as the kiosk's store is when fhir.server is set
    store.save_submitted(submitted(shipped, "review"))
    store.close()
    lines = record_system_lines(data_dir, settings_copy, capsys)
    assert lines[1] == ("FAIL  record system credentials: token file: the server answered 401"
                        " (Unauthorized)")
    assert lines[2] == ("note  record system outbox: 1 not delivered (0 refused), the oldest"
                        " 0 h old (kept 168 h at most)")
    assert "the-right-token" not in " ".join(lines) and "an-old-token" not in " ".join(lines)


def test_a_server_that_is_not_there_fails_in_one_line(
        qapp: QApplication, data_dir: Path, settings_copy: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a port on this machine nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    delivering_to(settings_copy, f"http://127.0.0.1:{port}/fhir/R4")
    lines = record_system_lines(data_dir, settings_copy, capsys)
    assert lines[0] == (f"FAIL  record system: http://127.0.0.1:{port}/fhir/R4/metadata: no"
                        " answer from the FHIR server: [Errno 111] Connection refused")
