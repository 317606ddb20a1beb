"""What a clinic's FHIR server receives: one Questionnaire per content version (every language
in it) with the CodeSystem of the kiosk's codes, and each visit as a transaction Bundle that is
stored once however often it is sent. Every resource is validated with `fhir.resources` R4B.
"""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle as FhirBundle
from fhir.resources.R4B.codesystem import CodeSystem as FhirCodeSystem
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire

from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_THEME, load_all
from kiosk.content.model import Content, Loaded
from kiosk.fhir.bundle import visit_bundle
from kiosk.fhir.publication import Publication, content_version
from kiosk.fhir.questionnaire import questionnaire_and_codes
from kiosk.intake.questionnaire import Condition
from kiosk.intake.rules import RedFlag
from kiosk.intake.session import SubmittedVisit
from tests.domain.test_fhir import EXAMPLES, NOW, session_of, visit_of
from tests.domain.test_record_number import with_format

BASE = "https://fhir.riverside-spine.example/fhir"
TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"


def published(shipped: Loaded) -> tuple[dict[str, Any], dict[str, Any]]:
    questionnaire, codes = questionnaire_and_codes(
        shipped.content, Publication.of(shipped.content, shipped.settings), "en",
        datetime.date(2025, 3, 14))
    return questionnaire, codes


def by_link_id(questionnaire: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["linkId"]: item for group in questionnaire["item"] for item in group["item"]}


def translations(node: dict[str, Any], key: str) -> dict[str, str]:
    """language -> words of the translation extensions on `_key`."""
    found = {}
    for extension in node.get(f"_{key}", {}).get("extension", []):
        assert extension["url"] == TRANSLATION
        parts = {part["url"]: part for part in extension["extension"]}
        found[parts["lang"]["valueCode"]] = parts["content"]["valueString"]
    return found


def test_one_questionnaire_carries_both_languages(shipped: Loaded) -> None:
    questionnaire, codes = published(shipped)
    FhirQuestionnaire.model_validate(questionnaire)
    FhirCodeSystem.model_validate(codes)
    assert questionnaire["url"] == f"{BASE}/Questionnaire/spine-intake"
    assert (questionnaire["status"], questionnaire["date"], questionnaire["publisher"]) == (
        "active", "2025-03-14", "Riverside Spine Center")
    es = shipped.content.words("es").questionnaire
    items = by_link_id(questionnaire)
    first_name = items["first-name"]
    assert first_name["text"] == shipped.content.words("en").questionnaire.items[
        "first-name"].text
    assert translations(first_name, "text") == {"es": es.items["first-name"].text}
    mri = items["mri-when"]["answerOption"][0]["valueCoding"]
    assert translations(mri, "display") == {
        "es": es.items["mri-when"].options["within-year"]}  # type: ignore[index]
    assert translations(questionnaire["item"][0], "text") == {"es": es.pages["about-you"].title}


def test_the_code_system_holds_every_own_option_in_both_languages(shipped: Loaded) -> None:
    questionnaire, codes = published(shipped)
    assert (codes["url"], codes["version"]) == (f"{BASE}/CodeSystem/spine-intake",
                                                questionnaire["version"])
    concepts = {concept["code"]: concept for concept in codes["concept"]}
    options = {child["code"]: child for concept in codes["concept"]
               for child in concept.get("concept", [])}
    for item in by_link_id(questionnaire).values():
        for option in item.get("answerOption", []):
            coding = option["valueCoding"]
            if coding["system"] == codes["url"]:
                known = options.get(coding["code"]) or concepts[coding["code"]]
                assert known["display"] == coding["display"]
                assert [d["language"] for d in known.get("designation", [])] == ["es"]
    physio = options["physio-helped.lasting"]
    assert physio["designation"][0]["value"] == shipped.content.words(
        "es").questionnaire.items["physio-helped"].options["lasting"]  # type: ignore[index]
    saddle = concepts["flag.saddle-numbness"]
    assert saddle["property"] == [{"code": "level", "valueCode": "urgent"}]
    assert saddle["display"] == shipped.content.words("en").rules.rules["saddle-numbness"]


def test_loinc_codes_on_the_questions_that_have_one(shipped: Loaded) -> None:
    items = by_link_id(published(shipped)[0])
    assert items["pain-now"]["code"] == [{"system": "http://loinc.org", "code": "72514-3",
                                          "display": "Pain severity - 0-10 verbal numeric"
                                          " rating [Score] - Reported"}]
    assert items["birth-date"]["code"][0]["code"] == "21112-8"
    assert items["smoking"]["code"][0]["code"] == "72166-2"
    assert [o["valueCoding"]["code"] for o in items["smoking"]["answerOption"]] == [
        "266919005", "8517006", "77176002"]
    assert [o["valueCoding"]["code"] for o in items["night-pain"]["answerOption"]] == [
        "LA33-6", "LA32-8", "unsure"]
    (goals,) = items["goals"]["code"]
    assert {key: goals[key] for key in ("system", "code", "display")} == {
        "system": f"{BASE}/CodeSystem/spine-intake", "code": "goals",
        "display": shipped.content.words("en").questionnaire.clinical("goals")}


def with_word(content: Content, item_id: str, text: str) -> Content:
    spanish = content.languages["es"]
    items = {**spanish.questionnaire.items,
             item_id: dataclasses.replace(spanish.questionnaire.items[item_id], text=text)}
    words = dataclasses.replace(spanish, questionnaire=dataclasses.replace(
        spanish.questionnaire, items=items))
    return dataclasses.replace(content, languages={**content.languages, "es": words})


def test_the_version_changes_with_a_word_or_a_rule_and_not_otherwise(shipped: Loaded) -> None:
    content = shipped.content
    version = content_version(content)
    assert content_version(dataclasses.replace(content)) == version  # the same content again
    assert content_version(with_word(content, "smoking", "¿Fuma?")) != version
    flag = RedFlag("night-pain-now", "review", Condition("night-pain", "=", "yes"))
    rules = dataclasses.replace(content.rules, red_flags=(*content.rules.red_flags, flag))
    assert content_version(dataclasses.replace(content, rules=rules)) != version


def bundle_of(shipped: Loaded, visit: SubmittedVisit) -> dict[str, Any]:
    bundle = visit_bundle(visit, shipped.content,
                          Publication.of(shipped.content, shipped.settings), "en")
    FhirBundle.model_validate(bundle)
    return bundle


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [entry["resource"] for entry in bundle["entry"]
            if entry["resource"]["resourceType"] == kind]


def test_a_visit_is_a_transaction_of_a_patient_and_the_response_to_the_questionnaire(
        shipped: Loaded) -> None:
    visit = visit_of(EXAMPLES / "likely-candidate.yaml", shipped.content)
    bundle = bundle_of(shipped, visit)
    assert bundle["type"] == "transaction"
    (patient,) = resources(bundle, "Patient")
    (response,) = resources(bundle, "QuestionnaireResponse")
    assert patient["name"] == [{"use": "usual", "family": visit.answers["last-name"],
                                "given": [visit.answers["first-name"]]}]
    assert patient["birthDate"] == str(visit.answers["birth-date"])
    patient_url = bundle["entry"][0]["fullUrl"]
    assert patient_url.startswith("urn:uuid:")
    assert response["subject"] == response["source"] == {"reference": patient_url}
    assert response["identifier"] == {"system": f"{BASE}/visit",
                                      "value": f"2025/{visit.visit_id}"}
    assert response["questionnaire"] == (f"{BASE}/Questionnaire/spine-intake|"
                                         f"{content_version(shipped.content)}")
    (score,) = resources(bundle, "Observation")
    assert score["code"]["coding"][0]["code"] == "72514-3"
    assert score["valueInteger"] == visit.answers["pain-now"]
    assert score["derivedFrom"] == [{"reference": bundle["entry"][1]["fullUrl"]}]
    assert not resources(bundle, "Flag")


def test_a_flagged_visit_yields_its_flags(shipped: Loaded) -> None:
    visit = visit_of(EXAMPLES / "urgent.yaml", shipped.content)
    bundle = bundle_of(shipped, visit)
    flags = resources(bundle, "Flag")
    expected = [reason.rule_id for reason in visit.outcome.reasons
                if reason.kind in ("urgent", "review") and reason.rule_id is not None]
    assert "saddle-numbness" in expected
    labels = shipped.content.words("en").rules.rules
    assert [(flag["code"]["coding"][0]["code"], flag["code"]["text"]) for flag in flags] == [
        (f"flag.{rule}", labels[rule]) for rule in expected]
    for flag in flags:
        assert flag["status"] == "active"
        assert flag["category"][0]["coding"][0]["code"] == "clinical"
        assert flag["subject"] == {"reference": bundle["entry"][0]["fullUrl"]}


def test_a_record_number_is_the_patients_identifier_at_the_clinic(
        settings_copy: Path) -> None:
    clinic = load_all(DEFAULT_CONTENT, with_format(settings_copy), DEFAULT_THEME)
    session = session_of(EXAMPLES / "likely-candidate.yaml", clinic.content)
    session.answer("record-number", "MRN-004217")
    (patient,) = resources(bundle_of(clinic, session.submit("en", NOW)), "Patient")
    assert {"system": f"{BASE}/record-number", "value": "MRN-004217",
            "use": "usual"} in patient["identifier"]


def test_sending_a_visit_again_asks_the_server_the_same_questions(shipped: Loaded) -> None:
    visit = visit_of(EXAMPLES / "urgent.yaml", shipped.content)
    publication = Publication.of(shipped.content, shipped.settings)
    once = visit_bundle(visit, shipped.content, publication, "en")
    twice = visit_bundle(visit, shipped.content, publication, "en")
    assert once == twice
    other = dataclasses.replace(visit, visit_id="V-0314-2222")
    assert not {e["fullUrl"] for e in once["entry"]} & {
        e["fullUrl"] for e in visit_bundle(other, shipped.content, publication, "en")["entry"]}
    for entry in once["entry"]:
        request, kind = entry["request"], entry["resource"]["resourceType"]
        if kind in ("QuestionnaireResponse", "Observation"):  # a later sending replaces it
            assert request["method"] == "PUT"
            assert request["url"].startswith(f"{kind}?identifier=")
            assert visit.visit_id in request["url"]
        else:  # the Patient and the Flags are created once
            assert request["method"] == "POST"
            assert request["ifNoneExist"].startswith("identifier=")
            assert visit.visit_id in request["ifNoneExist"]
    full_urls = [entry["fullUrl"] for entry in once["entry"]]
    assert len(set(full_urls)) == len(full_urls)


def test_a_clinic_that_asks_for_them_gets_a_front_desk_task_per_urgent_flag(
        shipped: Loaded) -> None:
    fhir = dataclasses.replace(shipped.settings.fhir, front_desk_tasks=True)
    clinic = dataclasses.replace(shipped, settings=dataclasses.replace(shipped.settings,
                                                                       fhir=fhir))
    urgent = visit_of(EXAMPLES / "urgent.yaml", clinic.content)
    bundle = bundle_of(clinic, urgent)
    (task,) = resources(bundle, "Task")
    flag_entry = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Flag"
                      and e["resource"]["code"]["coding"][0]["code"] == "flag.saddle-numbness")
    assert (task["status"], task["intent"], task["priority"]) == ("requested", "order", "stat")
    assert task["focus"] == {"reference": flag_entry["fullUrl"]}
    assert task["for"] == flag_entry["resource"]["subject"]
    assert task["description"] == ("See the patient now: urgent red flag at the waiting-room"
                                   " kiosk (Saddle anaesthesia \u2014 new).")
    assert bundle["entry"][bundle["entry"].index(flag_entry) + 1]["request"]["ifNoneExist"] == (
        f"identifier={BASE}/task|{task['identifier'][0]['value']}")
    spanish = visit_bundle(urgent, clinic.content, Publication.of(clinic.content, clinic.settings),
                           "es")
    assert resources(spanish, "Task")[0]["description"].startswith("Atienda al paciente ahora")
    review = visit_of(EXAMPLES / "review.yaml", clinic.content)
    assert resources(bundle_of(clinic, review), "Task") == [], "a review flag waits for the visit"
    assert resources(bundle_of(shipped, urgent), "Task") == [], "only when the clinic asks"


def test_a_scored_measures_options_carry_their_values_as_ordinal_values(
        tmp_path: Path) -> None:
    from tests.printing.test_summary import submitted
    from tests.printing.test_summary_scores import PEG, START_BACK, with_instruments

    clinic = with_instruments(tmp_path / "clinic")
    publication = Publication.of(clinic.content, clinic.settings)
    questionnaire, _ = questionnaire_and_codes(clinic.content, publication, "en",
                                               datetime.date(2025, 3, 14))
    FhirQuestionnaire.model_validate(questionnaire)
    bothersome = by_link_id(questionnaire)["start-back-bothersome"]["answerOption"]
    ordinal = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    # Keele's scoring: "Not at all", "Slightly" and "Moderately" score 0; "Very much" and
    # "Extremely" score 1.
    assert [(o["valueCoding"]["code"], o["valueCoding"]["extension"]) for o in bothersome] == [
        (f"start-back-bothersome.{choice}", [{"url": ordinal, "valueDecimal": value}])
        for choice, value in (("not-at-all", 0), ("slightly", 0), ("moderately", 0),
                              ("very-much", 1), ("extremely", 1))]
    visit = submitted(clinic, "likely-candidate.yaml", changes={**START_BACK, **PEG})
    answers = {item["linkId"]: item["answer"] for group in resources(
        bundle_of(clinic, visit), "QuestionnaireResponse")[0]["item"] for item in group["item"]}
    assert answers["start-back-leg-pain"][0]["valueCoding"]["extension"] == [
        {"url": ordinal, "valueDecimal": 1}]
    assert "extension" not in answers["smoking"][0]["valueCoding"], "not a scored question"
