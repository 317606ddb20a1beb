"""What a FHIR system receives: the questionnaire as an R4 Questionnaire and each visit as a
QuestionnaireResponse to it.

Every resource is validated with the `fhir.resources` R4B models, and every response is read
back against the exported Questionnaire the way an integrating system would: each answered
linkId is a question of it, of the right value type, each coding one of the question's
options, and no question answered that its enableWhen (evaluated here, independently of the
kiosk) disables.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle as FhirBundle
from fhir.resources.R4B.codesystem import CodeSystem as FhirCodeSystem
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as FhirQuestionnaireResponse,
)

from kiosk.content.model import Content, Loaded
from kiosk.content.simulate import read_answers, run
from kiosk.content.wording import option_words
from kiosk.decoding.errors import ContentError
from kiosk.fhir.command import (
    export_answers_response,
    export_questionnaire,
    export_response,
)
from kiosk.fhir.publication import content_version
from kiosk.fhir.resources import questionnaire_resource, questionnaire_response
from kiosk.intake.questionnaire import Condition, Item, ItemWords, Page, PageWords
from kiosk.intake.session import IntakeSession, SubmittedVisit, VisitStatus
from kiosk.records.store import VisitStore
from tests.conftest import ROOT

EXAMPLES = ROOT / "resources" / "examples"
NOW = datetime.datetime(2025, 3, 14, 9, 30, 0, tzinfo=datetime.UTC)
URL = "https://example.org/fhir/Questionnaire/spine-intake"
#: Without the clinic's settings the kiosk's own codes live beside the content's address.
CODES = "https://example.org/fhir/CodeSystem/spine-intake"
LOINC, SNOMED = "http://loinc.org", "http://snomed.info/sct"
#: The standard codes a reader of the export finds, (item, option) -> (system, code, display).
STANDARD_OPTIONS = {("smoking", "never"): (SNOMED, "266919005", "Never smoked tobacco"),
                    ("smoking", "past"): (SNOMED, "8517006", "Ex-smoker"),
                    ("smoking", "current"): (SNOMED, "77176002", "Smoker")}
#: The answer value each FHIR item type takes.
VALUE_KEYS = {"string": "valueString", "choice": "valueCoding", "integer": "valueInteger",
              "decimal": "valueDecimal", "date": "valueDate"}
FHIR_TYPES = {"text": "string", "yesno": "choice", "single": "choice", "multiple": "choice",
              "scale": "integer", "duration": "integer", "date": "date", "display": "display",
              "bodymap": "choice"}


def session_of(example: Path, content: Content) -> IntakeSession:
    """An answer file run through the kiosk's session, as `simulate` runs it."""
    errors: list[ContentError] = []
    answers, lines = read_answers(example, content, errors)
    session, _ = run(answers, content, example, lines, errors)
    assert not errors
    return session


def visit_of(example: Path, content: Content, language: str = "en") -> SubmittedVisit:
    return session_of(example, content).submit(language, NOW)


def questions(resource: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every item of a Questionnaire below its page groups, in order (help notes left out)."""
    for group in resource["item"]:
        yield from group["item"]


def answered(response: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """linkId → answers of a QuestionnaireResponse."""
    return {item["linkId"]: item["answer"] for group in response["item"]
            for item in group["item"]}


def answer_value(answer: dict[str, Any]) -> Any:
    key = next(key for key in answer if key.startswith("value"))
    value = answer[key]
    return (value["system"], value["code"]) if key == "valueCoding" else value


def fhir_holds(when: dict[str, Any], given: list[dict[str, Any]]) -> bool:
    """One enableWhen as FHIR R4 defines it (`!=`: no answer equals the value)."""
    if when["operator"] == "exists":
        return bool(given) is when["answerBoolean"]
    key = next(key for key in when if key.startswith("answer"))
    target = when[key]
    wanted = (target["system"], target["code"]) if key == "answerCoding" else target
    values = [answer_value(answer) for answer in given]
    tests = {"=": lambda v: v == wanted, ">": lambda v: v > wanted, "<": lambda v: v < wanted,
             ">=": lambda v: v >= wanted, "<=": lambda v: v <= wanted}
    if when["operator"] == "!=":
        return not any(v == wanted for v in values)
    return any(tests[when["operator"]](v) for v in values)


def enabled(item: dict[str, Any], answers: dict[str, list[dict[str, Any]]]) -> bool:
    whens = item.get("enableWhen", [])
    if not whens:
        return True
    results = [fhir_holds(when, answers.get(when["question"], [])) for when in whens]
    return all(results) if item.get("enableBehavior", "all") == "all" else any(results)


def expected_coding(item: Item, choice: str, content: Content) -> dict[str, str]:
    """What an option's Coding must be: LOINC for a yes/no question's yes and no, SNOMED CT
    for smoking, else the kiosk's code (its own options prefixed by the question)."""
    if item.type == "yesno" and choice in ("yes", "no"):
        return {"system": LOINC, "code": {"yes": "LA33-6", "no": "LA32-8"}[choice],
                "display": choice.capitalize()}
    if (item.id, choice) in STANDARD_OPTIONS:
        system, code, display = STANDARD_OPTIONS[(item.id, choice)]
        return {"system": system, "code": code, "display": display}
    code = choice if choice in ("unsure", "prefer-not", "none") else f"{item.id}.{choice}"
    return {"system": CODES, "code": code,
            "display": option_words(item, choice, content.words("en"))}


def with_items(content: Content, *extra: tuple[Item, str]) -> Content:
    """The shipped content with a last page of extra items (the text the same in each
    language)."""
    page = Page("extra", tuple(item for item, _ in extra))
    questionnaire = dataclasses.replace(
        content.questionnaire, pages=(*content.questionnaire.pages, page))
    languages = {}
    for code, words in content.languages.items():
        texts = {item.id: ItemWords(text, unit="kg" if item.type == "number" else None)
                 for item, text in extra}
        questionnaire_words = dataclasses.replace(
            words.questionnaire, pages={**words.questionnaire.pages, "extra": PageWords("More")},
            items={**words.questionnaire.items, **texts})
        languages[code] = dataclasses.replace(words, questionnaire=questionnaire_words)
    return dataclasses.replace(content, questionnaire=questionnaire, languages=languages)


@pytest.fixture(scope="module")
def exported(shipped: Loaded) -> dict[str, Any]:
    return questionnaire_resource(shipped.content, "en")


# -- the Questionnaire -------------------------------------------------------------------


def test_the_questionnaire_is_a_valid_r4_questionnaire(exported: dict[str, Any]) -> None:
    model = FhirQuestionnaire.model_validate(exported)
    assert (model.url, model.status) == (URL, "active")
    assert model.version is not None and len(model.version) == 12
    int(model.version, 16)  # a short hash of the content
    assert model.name == "SpineIntake" and model.title == "Spine intake"
    json.dumps(exported)  # plain JSON, nothing to convert


def test_each_page_is_a_group_with_its_title_and_items_in_order(
        shipped: Loaded, exported: dict[str, Any]) -> None:
    questionnaire = shipped.content.questionnaire
    words = shipped.content.words("en").questionnaire
    assert [(g["linkId"], g["type"], g["text"]) for g in exported["item"]] == [
        (page.id, "group", words.pages[page.id].title) for page in questionnaire.pages]
    for group, page in zip(exported["item"], questionnaire.pages, strict=True):
        assert [item["linkId"] for item in group["item"]] == [item.id for item in page.items]


def test_every_link_id_is_unique(exported: dict[str, Any]) -> None:
    def link_ids(items: list[dict[str, Any]]) -> Iterator[str]:
        for item in items:
            yield item["linkId"]
            yield from link_ids(item.get("item", []))
    ids = list(link_ids(exported["item"]))
    assert len(ids) == len(set(ids))


def test_every_item_has_the_fhir_type_of_its_kind_and_is_required_as_in_the_kiosk(
        shipped: Loaded, exported: dict[str, Any]) -> None:
    by_id = {item["linkId"]: item for item in questions(exported)}
    for item in shipped.content.questionnaire.items():
        node = by_id[item.id]
        assert node["type"] == FHIR_TYPES[item.type], item.id
        assert node.get("required", False) == item.required, item.id
        assert node.get("repeats", False) == (item.type in ("multiple", "bodymap")), item.id
    assert by_id["first-name"]["maxLength"] == 40
    assert by_id["goals-other"]["maxLength"] == 200


def test_every_choice_is_a_coding_in_the_questionnaires_system_with_its_words(
        shipped: Loaded, exported: dict[str, Any]) -> None:
    content = shipped.content
    by_id = {item["linkId"]: item for item in questions(exported)}
    for item in content.questionnaire.items():
        options = by_id[item.id].get("answerOption", [])
        if item.type not in ("yesno", "single", "multiple", "bodymap"):
            assert not options
            continue
        assert [{k: v for k, v in o["valueCoding"].items() if k != "_display"}
                for o in options] == [expected_coding(item, choice, content)
                                      for choice in item.choices()]
    ui = content.words("en").ui
    drugs = [o["valueCoding"] for o in by_id["injected-drugs"]["answerOption"]]
    assert [(c["code"], c["display"]) for c in drugs] == [
        ("LA33-6", "Yes"), ("LA32-8", "No"), ("unsure", ui.answer_unsure),
        ("prefer-not", ui.answer_prefer_not)]


def test_none_excludes_every_other_pick(exported: dict[str, Any]) -> None:
    by_id = {item["linkId"]: item for item in questions(exported)}
    none = [o for o in by_id["diagnoses"]["answerOption"] if o["valueCoding"]["code"] == "none"]
    assert none[0]["extension"] == [{
        "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive",
        "valueBoolean": True}]


def test_scales_run_from_0_to_10_and_say_what_the_ends_mean(exported: dict[str, Any]) -> None:
    pain_now = next(item for item in questions(exported) if item["linkId"] == "pain-now")
    assert pain_now["type"] == "integer"
    assert pain_now["text"] == ("How bad is your pain right now?"
                                " (0 = No pain, 10 = Worst pain you can imagine)")
    assert pain_now["extension"] == [
        {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
        {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10}]


def test_pain_duration_is_a_whole_number_of_months(exported: dict[str, Any]) -> None:
    duration = next(item for item in questions(exported) if item["linkId"] == "pain-duration")
    assert duration["type"] == "integer"
    unit = duration["extension"][0]
    assert unit["url"] == "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
    assert {k: v for k, v in unit["valueCoding"].items() if k != "_display"} == {
        "system": "http://unitsofmeasure.org", "code": "mo", "display": "Months"}


def test_help_is_a_help_note_below_its_question(exported: dict[str, Any]) -> None:
    first_name = next(item for item in questions(exported) if item["linkId"] == "first-name")
    (note,) = first_name["item"]
    assert (note["linkId"], note["type"]) == ("first-name.help", "display")
    assert note["text"] == "Use the name the clinic knows you by."
    assert note["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "help"


def test_the_questionnaire_words_follow_the_language(shipped: Loaded) -> None:
    spanish = questionnaire_resource(shipped.content, "es")
    FhirQuestionnaire.model_validate(spanish)
    words = shipped.content.words("es")
    assert spanish["language"] == "es"
    assert spanish["item"][0]["text"] == words.questionnaire.pages["about-you"].title
    smoking = next(item for item in questions(spanish) if item["linkId"] == "smoking")
    mri = next(item for item in questions(spanish) if item["linkId"] == "mri-when")
    assert mri["answerOption"][0]["valueCoding"]["display"] == \
        words.questionnaire.items["mri-when"].options["within-year"]  # type: ignore[index]
    # A standard code keeps its code system's display; the patient's words are translations.
    assert smoking["answerOption"][0]["valueCoding"]["display"] == "Never smoked tobacco"


def test_show_if_is_enable_when_on_an_earlier_question_with_one_of_its_codes(
        shipped: Loaded, exported: dict[str, Any]) -> None:
    earlier: dict[str, dict[str, Any]] = {}
    conditional = 0
    for item in questions(exported):
        for when in item.get("enableWhen", []):
            asked = earlier[when["question"]]  # an earlier question, never a later one
            assert when["operator"] in ("=", "!=", ">", "<", ">=", "<=", "exists")
            if "answerCoding" in when:
                codes = [o["valueCoding"]["code"] for o in asked["answerOption"]]
                assert when["answerCoding"]["system"] in (CODES, LOINC, SNOMED)
                assert when["answerCoding"]["code"] in codes
            conditional += 1
        if len(item.get("enableWhen", [])) > 1:
            assert item["enableBehavior"] in ("all", "any")
        earlier[item["linkId"]] = item
    # The shipped show-ifs are all single `question = option` conditions, exported as such.
    shown_if = [item for item in shipped.content.questionnaire.items() if item.show_if]
    assert conditional == len(shown_if) == 8
    assert all(item.show_if is not None and item.show_if.question for item in shown_if)
    physio = next(item for item in questions(exported) if item["linkId"] == "physio-helped")
    assert physio["enableWhen"] == [{"question": "treatments-tried", "operator": "=",
                                     "answerCoding": {"system": CODES,
                                                      "code": "treatments-tried.physio"}}]
    assert "enableBehavior" not in physio


def test_all_and_any_of_simple_conditions_become_enable_behaviour(shipped: Loaded) -> None:
    both = Condition(all=(Condition("pain-now", ">=", 7),
                          Condition(all=(Condition("smoking", "=", "current"),
                                         Condition("goals-other", "exists")))))
    either = Condition(any=(Condition("birth-date", "<", "1960-01-01"),
                            Condition("diagnoses", "=", "stenosis")))
    content = with_items(shipped.content, (Item("both", "yesno", show_if=both), "Both?"),
                         (Item("either", "yesno", show_if=either), "Either?"))
    resource = questionnaire_resource(content, "en")
    FhirQuestionnaire.model_validate(resource)
    extra = resource["item"][-1]["item"]
    assert extra[0]["enableBehavior"] == "all"
    assert extra[0]["enableWhen"] == [
        {"question": "pain-now", "operator": ">=", "answerInteger": 7},
        {"question": "smoking", "operator": "=",
         "answerCoding": {"system": SNOMED, "code": "77176002"}},
        {"question": "goals-other", "operator": "exists", "answerBoolean": True}]
    assert extra[1]["enableBehavior"] == "any"
    assert extra[1]["enableWhen"][0] == {"question": "birth-date", "operator": "<",
                                         "answerDate": "1960-01-01"}


def test_not_equal_also_needs_an_answer_as_in_the_kiosk(shipped: Loaded) -> None:
    """FHIR's `!=` holds for an unanswered question; the kiosk's does not."""
    content = with_items(shipped.content, (
        Item("not-never", "yesno", show_if=Condition("smoking", "!=", "never")), "Why?"))
    resource = questionnaire_resource(content, "en")
    node = resource["item"][-1]["item"][0]
    assert node["enableBehavior"] == "all"
    assert node["enableWhen"] == [
        {"question": "smoking", "operator": "exists", "answerBoolean": True},
        {"question": "smoking", "operator": "!=",
         "answerCoding": {"system": SNOMED, "code": "266919005"}}]


@pytest.mark.parametrize("show_if", [
    Condition(all=(Condition("pain-now", ">", 5),
                   Condition(any=(Condition("smoking", "=", "past"),
                                  Condition("smoking", "=", "current"))))),
    Condition(any=(Condition("pain-now", ">", 5), Condition("smoking", "!=", "never"))),
], ids=["all-of-any", "not-equal-under-any"])
def test_a_show_if_fhir_cannot_express_is_refused_naming_the_item(
        shipped: Loaded, show_if: Condition) -> None:
    content = with_items(shipped.content, (Item("tricky", "yesno", show_if=show_if), "?"))
    with pytest.raises(ValueError, match=r"^tricky: its show-if \("):
        questionnaire_resource(content, "en")


def test_number_questions_are_integer_or_decimal_with_their_unit_and_limits(
        shipped: Loaded) -> None:
    content = with_items(shipped.content,
                         (Item("weight", "number", min=30, max=250), "Weight?"),
                         (Item("height", "number", min=0.5, max=2.5, decimals=2), "Height?"))
    resource = questionnaire_resource(content, "en")
    FhirQuestionnaire.model_validate(resource)
    weight, height = resource["item"][-1]["item"]
    assert weight["type"] == "integer" and height["type"] == "decimal"
    unit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
    assert weight["extension"][0] == {"url": unit, "valueCoding": {"display": "kg"}}
    assert {"url": "http://hl7.org/fhir/StructureDefinition/maxValue",
            "valueInteger": 250} in weight["extension"]
    assert {"url": "http://hl7.org/fhir/StructureDefinition/minValue",
            "valueDecimal": 0.5} in height["extension"]
    assert {"url": "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces",
            "valueInteger": 2} in height["extension"]


def test_a_page_with_an_items_id_is_refused(shipped: Loaded) -> None:
    content = with_items(shipped.content, (Item("more", "text"), "More?"))
    questionnaire = content.questionnaire
    pages = (*questionnaire.pages[:-1], dataclasses.replace(questionnaire.pages[-1],
                                                            id="smoking"))
    clash = dataclasses.replace(content, questionnaire=dataclasses.replace(questionnaire,
                                                                           pages=pages))
    with pytest.raises(ValueError, match=r"'smoking'.*linkIds must be unique"):
        questionnaire_resource(clash, "en")


# -- the QuestionnaireResponse -----------------------------------------------------------


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_visit_is_a_valid_response_that_fits_the_questionnaire(
        example: Path, shipped: Loaded, exported: dict[str, Any]) -> None:
    session = session_of(example, shipped.content)
    visit = session.submit("en", NOW)
    response = questionnaire_response(visit, shipped.content, "en")
    FhirQuestionnaireResponse.model_validate(response)
    assert response["questionnaire"] == f"{URL}|{content_version(shipped.content)}"
    given = answered(response)
    groups = {item["linkId"]: group["linkId"] for group in exported["item"]
              for item in group["item"]}
    for group in response["item"]:
        for item in group["item"]:
            assert groups[item["linkId"]] == group["linkId"]  # a question of that page
    seen: dict[str, list[dict[str, Any]]] = {}
    for item in questions(exported):
        link_id = item["linkId"]
        is_enabled = enabled(item, seen)
        if link_id not in given:
            # A completed response answers every required question FHIR enables.
            assert not (is_enabled and item.get("required")), link_id
            continue
        assert is_enabled, f"{link_id} is answered but its enableWhen disables it"
        answers = given[link_id]
        assert answers and (len(answers) == 1 or item.get("repeats")), link_id
        key = VALUE_KEYS[item["type"]]
        for answer in answers:
            assert [k for k in answer if k.startswith("value")] == [key], link_id
            if key == "valueCoding":
                options = {(o["valueCoding"]["system"], o["valueCoding"]["code"])
                           for o in item["answerOption"]}
                assert (answer[key]["system"], answer[key]["code"]) in options, link_id
                assert answer[key]["system"] in (CODES, LOINC, SNOMED)
        seen[link_id] = answers
    assert set(given) == set(visit.answers)  # nothing invented, nothing lost
    visible = {item.id for item in session.visible_items()}
    assert set(given) <= visible


def test_a_question_branching_hid_is_not_in_the_response(shipped: Loaded) -> None:
    path = EXAMPLES / "branching.yaml"
    assert "physio-helped" in path.read_text(encoding="utf-8")
    response = questionnaire_response(visit_of(path, shipped.content), shipped.content, "en")
    given = answered(response)
    assert "physio-helped" not in given
    assert "medicines-helped" in given and "injections-helped" in given
    assert "physio-helped" not in json.dumps(response)


def test_an_urgent_visit_saved_before_it_was_sent_is_not_a_completed_response(
        shipped: Loaded) -> None:
    session = session_of(EXAMPLES / "urgent.yaml", shipped.content)
    session.fire_flags()
    statuses: list[tuple[VisitStatus, str]] = [
        ("open", "in-progress"), ("unfinished", "stopped"), ("complete", "completed")]
    for status, fhir_status in statuses:
        visit = session.snapshot("en", status)
        assert questionnaire_response(visit, shipped.content, "en")["status"] == fhir_status


def test_the_response_names_the_visit_the_questionnaire_and_when(shipped: Loaded) -> None:
    visit = visit_of(EXAMPLES / "urgent.yaml", shipped.content)
    response = questionnaire_response(visit, shipped.content, "en")
    assert {key: response[key] for key in ("resourceType", "id", "questionnaire", "status",
                                           "authored")} == {
        "resourceType": "QuestionnaireResponse", "id": visit.visit_id,
        "questionnaire": f"{URL}|{content_version(shipped.content)}", "status": "completed",
        "authored": "2025-03-14T09:30:00+00:00"}
    # The outcome is for the specialist, not a patient answer: it is not exported.
    assert set(response) == {"resourceType", "id", "language", "questionnaire", "status",
                             "authored", "item"}
    assert visit.outcome.category == "urgent"
    text = json.dumps(response, ensure_ascii=False)
    assert "outcome" not in text
    assert shipped.content.words("en").rules.outcomes["urgent"] not in text


def test_answers_have_their_fhir_value_types(shipped: Loaded) -> None:
    visit = visit_of(EXAMPLES / "likely-candidate.yaml", shipped.content)
    given = answered(questionnaire_response(visit, shipped.content, "en"))
    birth_date = visit.answers["birth-date"]
    assert isinstance(birth_date, datetime.date)
    assert given["birth-date"] == [{"valueDate": birth_date.isoformat()}]
    assert given["pain-duration"] == [{"valueInteger": visit.answers["pain-duration"]}]
    assert given["pain-now"] == [{"valueInteger": visit.answers["pain-now"]}]
    regions = visit.answers["pain-location"]
    assert isinstance(regions, tuple)
    assert tuple(a["valueCoding"]["code"] for a in given["pain-location"]) == tuple(
        f"pain-location.{region}" for region in regions)
    assert given["saddle-numbness"] == [{"valueCoding": {"system": LOINC, "code": "LA32-8",
                                                         "display": "No"}}]


def test_a_number_answer_is_an_integer_or_a_decimal_as_its_question(shipped: Loaded) -> None:
    content = with_items(shipped.content, (Item("weight", "number"), "Weight?"),
                         (Item("height", "number", decimals=2), "Height?"))
    session = session_of(EXAMPLES / "likely-candidate.yaml", content)
    session.answer("weight", 72)
    session.answer("height", 1.756)
    response = questionnaire_response(session.submit("en", NOW), content, "en")
    FhirQuestionnaireResponse.model_validate(response)
    given = answered(response)
    assert given["weight"] == [{"valueInteger": 72}]
    assert given["height"] == [{"valueDecimal": 1.76}]


def test_a_spanish_visit_exported_in_english_has_english_words_and_the_patients_own_text(
        shipped: Loaded) -> None:
    visit = visit_of(EXAMPLES / "spanish.yaml", shipped.content, language="es")
    response = questionnaire_response(visit, shipped.content, "en")
    given = answered(response)
    en = shipped.content.words("en").questionnaire
    assert response["language"] == "en"
    assert response["item"][0]["text"] == en.pages["about-you"].title
    goals = {a["valueCoding"]["code"]: a["valueCoding"]["display"] for a in given["goals"]}
    assert goals == {f"goals.{code}": en.items["goals"].options[code]  # type: ignore[index]
                     for code in ("less-pain", "avoid-surgery", "work")}
    assert given["smoking"][0]["valueCoding"] == {"system": SNOMED, "code": "266919005",
                                                  "display": "Never smoked tobacco"}
    (goal,) = given["goals-other"]
    assert goal["valueString"] == "Poder cargar a mis nietos y volver a bailar."
    assert goal["_valueString"] == {"extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/language", "valueCode": "es"}]}
    assert given["first-name"][0]["valueString"] == "Lucía"


def test_a_stored_visit_exports_as_the_visit_it_was(shipped: Loaded, tmp_path: Path) -> None:
    visit = visit_of(EXAMPLES / "likely-candidate.yaml", shipped.content)
    store = VisitStore(tmp_path / "visits.sqlite3")
    store.save_submitted(visit)
    stored = store.visit(visit.visit_id, shipped.content.questionnaire)
    store.close()
    assert stored is not None
    assert questionnaire_response(stored, shipped.content, "en") == \
        questionnaire_response(visit, shipped.content, "en")


def test_a_visit_on_another_questionnaire_version_is_refused(shipped: Loaded) -> None:
    visit = visit_of(EXAMPLES / "review.yaml", shipped.content)
    older = dataclasses.replace(visit, questionnaire_version="0")
    with pytest.raises(ValueError, match="answered version 0 of the questionnaire"):
        questionnaire_response(older, shipped.content, "en")


def test_a_visit_holding_a_hidden_answer_is_refused_not_exported(shipped: Loaded) -> None:
    visit = visit_of(EXAMPLES / "branching.yaml", shipped.content)
    forged = dataclasses.replace(visit, answers={**visit.answers, "physio-helped": "no"})
    with pytest.raises(ValueError, match="'physio-helped', which its other answers hide"):
        questionnaire_response(forged, shipped.content, "en")


# -- the export-fhir command's functions ---------------------------------------------------


def test_export_questionnaire_writes_pretty_json_and_says_so(
        shipped: Loaded, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "questionnaire.json"
    assert export_questionnaire(shipped.content, "es", out, settings=shipped.settings,
                                date=datetime.date(2025, 3, 14)) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith('{\n  "resourceType": "Bundle",') and "¿" in text
    bundle = FhirBundle.model_validate(json.loads(text))
    assert bundle.type == "transaction"
    questionnaire, codes = (entry["resource"] for entry in json.loads(text)["entry"])
    FhirQuestionnaire.model_validate(questionnaire)
    FhirCodeSystem.model_validate(codes)
    url = "https://fhir.riverside-spine.example/fhir/Questionnaire/spine-intake"
    version = content_version(shipped.content)
    assert (questionnaire["url"], questionnaire["version"], questionnaire["date"]) == (
        url, version, "2025-03-14")
    assert json.loads(text)["entry"][0]["request"] == {
        "method": "POST", "url": "Questionnaire",
        "ifNoneExist": f"url={url}&version={version}"}
    count = len(shipped.content.questionnaire.items())
    assert capsys.readouterr().out.splitlines() == [
        "note: fhir.canonical_base https://fhir.riverside-spine.example/fhir is an invented"
        " address: set the clinic's own in settings.yaml",
        f"wrote {out}: Questionnaire {url}|{version} ({count} items, 2 languages) and its"
        " CodeSystem"]


def test_export_response_writes_the_visit_and_counts_its_answers(
        shipped: Loaded, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    visit = visit_of(EXAMPLES / "branching.yaml", shipped.content)
    out = tmp_path / "visit.json"
    assert export_response(visit, shipped.content, "en", out) == 0
    FhirBundle.model_validate(json.loads(out.read_text(encoding="utf-8")))
    assert capsys.readouterr().out.splitlines() == [
        f"note: settings.yaml has no fhir.canonical_base: the resources name the content's"
        f" placeholder address {URL}",
        f"wrote {out}: visit {visit.visit_id} as a transaction Bundle (Patient,"
        f" QuestionnaireResponse with {len(visit.answers)} answers, 0 Flags, 1 Observations)"]


def test_export_from_an_answer_file_says_what_branching_dropped(
        shipped: Loaded, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "visit.json"
    status = export_answers_response(EXAMPLES / "spanish.yaml", shipped.content, "en", out,
                                     patient_language="es", now=NOW)
    assert status == 0
    response = json.loads(out.read_text(encoding="utf-8"))["entry"][1]["resource"]
    assert response["authored"] == "2025-03-14T09:30:00+00:00"
    assert answered(response)["goals-other"][0]["_valueString"]["extension"][0][
        "valueCode"] == "es"
    capsys.readouterr()
    assert export_answers_response(EXAMPLES / "branching.yaml", shipped.content, "en",
                                   out, now=NOW) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "physio-helped: dropped, shown only if treatments-tried = physio"
    assert lines[2].startswith(f"wrote {out}: visit V-0314-")


def test_export_from_a_wrong_answer_file_lists_the_errors_and_writes_nothing(
        shipped: Loaded, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("first-name: Kim\npain-now: 12\n", encoding="utf-8")
    out = tmp_path / "visit.json"
    assert export_answers_response(answers, shipped.content, "en", out) == 1
    report = capsys.readouterr().out
    assert f"{answers}:2: pain-now:" in report and "required but not answered" in report
    assert not out.exists()


def test_an_unwritable_file_is_reported_not_raised(
        shipped: Loaded, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no-such-folder" / "questionnaire.json"
    assert export_questionnaire(shipped.content, "en", out) == 1
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"cannot write {out}: ")
