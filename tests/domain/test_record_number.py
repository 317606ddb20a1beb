"""The optional record number or appointment code: asked only when the clinic's settings give
its format, checked against that format, and explained to the patient in their language."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire

from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_THEME, Loaded, load_all
from kiosk.decoding.errors import ContentInvalid
from kiosk.fhir.resources import questionnaire_resource, questionnaire_response
from kiosk.intake.answers import AnswerInvalid
from kiosk.intake.session import IntakeSession
from tests.domain.editing import edit, line_of

FORMAT = '''  record_number_pattern: "MRN-[0-9]{6}"
  record_number_format:
    en: It starts with MRN and a dash, then 6 numbers, for example MRN-123456.
    es: Empieza con MRN y un guion, y luego 6 números, por ejemplo MRN-123456.
'''


def with_format(settings: Path, lines: str = FORMAT) -> Path:
    edit(settings, "kiosk:\n", "kiosk:\n" + lines)
    return settings


def test_without_a_format_in_settings_the_question_is_not_asked(shipped: Loaded) -> None:
    asked = [item.id for item in shipped.content.questionnaire.items()]
    assert "record-number" not in asked
    assert asked[:3] == ["first-name", "last-name", "birth-date"]


def test_with_a_format_it_is_asked_after_the_date_of_birth_and_may_be_skipped(
        settings_copy: Path) -> None:
    loaded = load_all(DEFAULT_CONTENT, with_format(settings_copy), DEFAULT_THEME)
    session = IntakeSession(loaded.content.questionnaire, loaded.content.rules,
                            today=datetime.date(2025, 6, 1))
    asked = [item.id for item in session.visible_items()]
    assert asked[asked.index("birth-date") + 1] == "record-number"
    assert not session.item("record-number").required
    session.answer("record-number", " MRN-004217 ")
    assert session.answers["record-number"] == "MRN-004217"  # the summary reads it here


@pytest.mark.parametrize("typed", ["004217", "MRN-04217", "MRN-0042170", "mrn 004217"])
def test_a_code_in_another_format_is_refused(settings_copy: Path, typed: str) -> None:
    loaded = load_all(DEFAULT_CONTENT, with_format(settings_copy), DEFAULT_THEME)
    session = IntakeSession(loaded.content.questionnaire, loaded.content.rules)
    with pytest.raises(AnswerInvalid) as refused:
        session.answer("record-number", typed)
    assert refused.value.reason == "wrong-format"
    assert "record-number" not in session.answers


@pytest.mark.parametrize(("language", "says"), [("en", "for example MRN-123456"),
                                                ("es", "por ejemplo MRN-123456")])
def test_the_patient_reads_the_format_in_their_language(settings_copy: Path, language: str,
                                                        says: str) -> None:
    loaded = load_all(DEFAULT_CONTENT, with_format(settings_copy), DEFAULT_THEME)
    help_text = loaded.content.words(language).questionnaire.items["record-number"].help
    assert help_text is not None and says in help_text


def test_a_broken_pattern_and_a_missing_language_are_reported_at_their_lines(
        settings_copy: Path) -> None:
    settings = with_format(settings_copy, '''  record_number_pattern: "MRN-[0-9{6}"
  record_number_format:
    en: It starts with MRN.
    fr: Il commence par MRN.
''')
    with pytest.raises(ContentInvalid) as caught:
        load_all(DEFAULT_CONTENT, settings, DEFAULT_THEME)
    found = [str(error) for error in caught.value.errors]
    pattern = line_of(settings, "record_number_pattern:")
    french = line_of(settings, "    fr:")
    formats = line_of(settings, "  record_number_format:")
    assert len(found) == 3
    assert found[0].startswith(f"{settings}:{pattern}: kiosk.record_number_pattern: is not a"
                               " regular expression (")
    assert found[1] == (f"{settings}:{french}: kiosk.record_number_format.fr: not one of the"
                        " content's languages")
    assert found[2] == (f"{settings}:{formats}: kiosk.record_number_format: the format in words"
                        " is missing for 'es' (the patient reads it under the question)")


def test_the_fhir_questionnaire_carries_the_format_and_a_visit_exports_the_number(
        settings_copy: Path) -> None:
    loaded = load_all(DEFAULT_CONTENT, with_format(settings_copy), DEFAULT_THEME)
    exported = questionnaire_resource(loaded.content, "en")
    about_you = next(page for page in exported["item"] if page["linkId"] == "about-you")
    record = next(item for item in about_you["item"] if item["linkId"] == "record-number")
    assert {"url": "http://hl7.org/fhir/StructureDefinition/regex",
            "valueString": "MRN-[0-9]{6}"} in record["extension"]
    assert "required" not in record
    FhirQuestionnaire.model_validate(exported)
    session = IntakeSession(loaded.content.questionnaire, loaded.content.rules)
    session.answer("record-number", "MRN-004217")
    response = questionnaire_response(session.snapshot("en"), loaded.content, "en")
    answered = {item["linkId"]: item for page in response["item"] for item in page["item"]}
    assert answered["record-number"]["answer"][0]["valueString"] == "MRN-004217"
