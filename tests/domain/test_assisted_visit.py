"""A visit front-desk staff set up for the patient stays marked as completed with staff help:
in the session, in the visit store and its fallback file, and in the FHIR export; a visit
without staff help never carries the mark."""

from __future__ import annotations

import datetime
import os
import sqlite3
from pathlib import Path

from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as FhirQuestionnaireResponse,
)

from kiosk.content.model import Loaded
from kiosk.content.simulate import read_answers, run
from kiosk.decoding.errors import ContentError
from kiosk.fhir.resources import questionnaire_response
from kiosk.intake.session import IntakeSession, SubmittedVisit
from kiosk.records.fallback import FallbackFile
from kiosk.records.migrations import STEPS
from kiosk.records.sealing import KEY_BYTES, Sealer
from kiosk.records.store import VisitStore
from tests.conftest import ROOT

EXAMPLES = ROOT / "resources" / "examples"
NOW = datetime.datetime(2025, 3, 14, 9, 30, 0, tzinfo=datetime.UTC)
TAG = "completed-with-staff-help"


def answered(shipped: Loaded, example: str = "spanish") -> IntakeSession:
    """An example answer file run through the kiosk's session, not yet sent."""
    errors: list[ContentError] = []
    path = EXAMPLES / f"{example}.yaml"
    answers, lines = read_answers(path, shipped.content, errors)
    session, _ = run(answers, shipped.content, path, lines, errors)
    assert not errors
    return session


def assisted_visit(shipped: Loaded) -> SubmittedVisit:
    session = answered(shipped)
    session.mark_assisted()
    return session.submit("es", NOW)


def test_a_visit_staff_set_up_is_sent_as_assisted_and_another_is_not(shipped: Loaded) -> None:
    assert assisted_visit(shipped).assisted
    assert not answered(shipped).submit("es", NOW).assisted
    session = answered(shipped, "urgent")
    session.mark_assisted()
    assert session.snapshot("en", "open", NOW).assisted, "an urgent visit saved early too"


def test_the_store_keeps_the_mark_and_reads_it_back(shipped: Loaded, tmp_path: Path) -> None:
    store = VisitStore(tmp_path / "visits.sqlite3")
    helped, alone = assisted_visit(shipped), answered(shipped, "likely-candidate").submit("en")
    store.save_submitted(helped)
    store.save_submitted(alone)
    questionnaire = shipped.content.questionnaire
    again = store.visit(helped.visit_id, questionnaire)
    other = store.visit(alone.visit_id, questionnaire)
    assert again is not None and again.assisted
    assert other is not None and not other.assisted


def test_visits_stored_before_the_mark_existed_read_as_not_assisted(
        shipped: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for step in STEPS[:-1]:
        db.executescript(step)
    db.execute(f"PRAGMA user_version = {len(STEPS) - 1}")
    db.execute("INSERT INTO visits (id, submitted_at, language, questionnaire_version,"
               " answers, outcome, category) VALUES ('V-0314-OLD2', '2025-03-14T09:00:00+00:00',"
               " 'en', '1', '{}', '{\"category\": \"review\", \"reasons\": []}', 'review')")
    db.close()
    store = VisitStore(path)  # opened by the kiosk: migrated and sealed
    old = store.visit("V-0314-OLD2", shipped.content.questionnaire)
    assert old is not None and not old.assisted


def test_the_fallback_file_keeps_the_mark(shipped: Loaded, tmp_path: Path) -> None:
    fallback = FallbackFile(tmp_path / "fallback.log", Sealer(os.urandom(KEY_BYTES)))
    helped = assisted_visit(shipped)
    fallback.append(helped, "submitted")
    fallback.append(answered(shipped, "likely-candidate").submit("en"), "submitted")
    kept, unreadable = fallback.visits(shipped.content.questionnaire)
    assert unreadable == 0
    assert [entry.visit.assisted for entry in kept] == [True, False]


def test_the_fhir_response_of_an_assisted_visit_is_tagged_and_valid(shipped: Loaded) -> None:
    response = questionnaire_response(assisted_visit(shipped), shipped.content, "en")
    FhirQuestionnaireResponse.model_validate(response)
    assert response["meta"]["tag"] == [{
        "system": shipped.content.questionnaire.url, "code": TAG,
        "display": "Completed with staff help"}]
    spanish = questionnaire_response(assisted_visit(shipped), shipped.content, "es")
    assert spanish["meta"]["tag"][0]["display"] == "Completado con ayuda del personal"


def test_the_fhir_response_of_a_visit_without_help_has_no_tag(shipped: Loaded) -> None:
    response = questionnaire_response(answered(shipped).submit("es", NOW), shipped.content, "en")
    FhirQuestionnaireResponse.model_validate(response)
    assert "meta" not in response
