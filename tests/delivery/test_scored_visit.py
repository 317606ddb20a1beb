"""A visit with the clinic's scored measures turned on is taken by the real FHIR engine as R4:
its answers with their ordinal values, and one Observation per score."""

from __future__ import annotations

from pathlib import Path

from kiosk.fhir.bundle import visit_bundle
from kiosk.fhir.publication import Publication
from tests.fhir_engine.client import call, search
from tests.printing.test_summary import submitted
from tests.printing.test_summary_scores import PEG, START_BACK, with_instruments


def test_a_scored_visit_is_stored_with_its_scores(fresh_fhir_engine: str,
                                                  tmp_path: Path) -> None:
    clinic = with_instruments(tmp_path / "clinic")
    visit = submitted(clinic, "likely-candidate.yaml", changes={**START_BACK, **PEG})
    bundle = visit_bundle(visit, clinic.content, Publication.of(clinic.content, clinic.settings),
                          "en")
    reply = call("POST", fresh_fhir_engine, bundle)
    assert reply.status == 200, reply.issues()
    stored = {o["code"]["coding"][0]["code"]: o for o in search(fresh_fhir_engine, "Observation")}
    assert stored["score.start-back.total"]["valueInteger"] == 4
    assert stored["score.peg.peg"]["valueQuantity"]["value"] == 7.0
    (response,) = search(fresh_fhir_engine, "QuestionnaireResponse")
    leg = next(item for group in response["item"] for item in group["item"]
               if item["linkId"] == "start-back-leg-pain")
    assert leg["answer"][0]["valueCoding"]["extension"][0]["valueDecimal"] == 1
