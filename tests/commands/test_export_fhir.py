"""`export-fhir` hands another system the questionnaire and a stored visit as FHIR R4 JSON:
transaction Bundles a clinic's server stores in one step."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.cli import main
from kiosk.content.model import Loaded
from kiosk.records.store import VisitStore
from tests.records.test_store import EXAMPLES, submitted


def test_the_questionnaire_and_a_stored_visit_that_references_it(
        shipped: Loaded, data_dir: Path, tmp_path: Path) -> None:
    questionnaire = tmp_path / "questionnaire.json"
    assert main(["export-fhir", "--questionnaire", str(questionnaire)]) == 0
    definitions = json.loads(questionnaire.read_text(encoding="utf-8"))
    assert [e["resource"]["resourceType"] for e in definitions["entry"]] == [
        "Questionnaire", "CodeSystem"]
    exported = definitions["entry"][0]["resource"]
    visit = submitted(shipped, "urgent")
    VisitStore(data_dir / "visits.sqlite3").save_submitted(visit)
    response = tmp_path / "response.json"
    assert main(["export-fhir", "--bundle", visit.visit_id, str(response),
                 "--data", str(data_dir)]) == 0
    bundle = json.loads(response.read_text(encoding="utf-8"))
    assert bundle["type"] == "transaction"
    answered = bundle["entry"][1]["resource"]
    assert answered["resourceType"] == "QuestionnaireResponse"
    assert answered["identifier"]["value"].endswith(visit.visit_id)
    assert answered["questionnaire"] == f"{exported['url']}|{exported['version']}"
    assert response.stat().st_mode & 0o777 == 0o600, "a visit's answers: private to the kiosk"


def test_an_answer_file_and_an_unknown_visit(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "branching.json"
    assert main(["export-fhir", "--bundle", str(EXAMPLES / "branching.yaml"), str(out)]) == 0
    assert "physio-helped" not in out.read_text(encoding="utf-8")
    assert main(["export-fhir", "--bundle", "V-0101-XXXX", str(tmp_path / "x.json"),
                 "--data", str(data_dir)]) == 1
