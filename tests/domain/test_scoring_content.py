"""Scored measures are content: a clinic turns an opt-in instrument on in its settings (its page
then appears, with the instrument's notice on its first screen, and exports to FHIR), and every
mistake in an instrument, its words or the setting is a content error with its file and line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as FhirQuestionnaireResponse,
)

from kiosk.content.loader import DEFAULT_CONTENT, DEFAULT_THEME, load_all
from kiosk.fhir.resources import questionnaire_resource, questionnaire_response
from kiosk.intake.session import IntakeSession
from tests.domain.editing import edit, line_of
from tests.domain.instrument_content import english_only_clinic, turn_on
from tests.domain.test_content_errors import errors_of

KEELE = "© Keele University 01/08/07. Funded by Arthritis Research UK."
START_BACK = ["start-back-intro", "start-back-leg-pain", "start-back-shoulder-neck",
              "start-back-walking", "start-back-dressing", "start-back-activity-safe",
              "start-back-worrying", "start-back-never-better", "start-back-enjoyment",
              "start-back-bothersome"]


def test_turning_start_back_on_adds_its_page_with_keeles_notice_first(tmp_path: Path) -> None:
    content, settings = english_only_clinic(tmp_path, "start-back")
    loaded = load_all(content, settings, DEFAULT_THEME)
    pages = [page.id for page in loaded.content.questionnaire.pages]
    assert pages[-3:] == ["your-health", "start-back", "your-goals"]
    session = IntakeSession(loaded.content.questionnaire, loaded.content.rules)
    shown = [item.id for item in session.visible_items()]
    assert shown[shown.index("smoking") + 1:shown.index("goals")] == START_BACK
    first = loaded.content.words("en").questionnaire.items["start-back-intro"]
    assert first.text.startswith("Thinking about the last 2 weeks")
    assert first.help == KEELE
    assert loaded.content.words("en").questionnaire.instruments["start-back"].notice == KEELE


def test_without_the_setting_neither_page_is_asked(tmp_path: Path) -> None:
    content, settings = english_only_clinic(tmp_path)
    loaded = load_all(content, settings, DEFAULT_THEME)
    asked = {item.id for item in loaded.content.questionnaire.items()}
    assert not asked & {*START_BACK, "peg-pain", "peg-enjoyment", "peg-activity"}
    assert [i.id for i in loaded.content.questionnaire.scoring] == ["pain-rating"]


def test_a_bilingual_clinic_cannot_turn_on_what_has_stand_in_spanish_words(
        settings_copy: Path) -> None:
    settings = turn_on(settings_copy, "start-back")
    line = line_of(settings, "instruments: [start-back]")
    assert errors_of(DEFAULT_CONTENT, settings) == [
        f"{settings}:{line}: kiosk.instruments[0]: 'start-back' cannot be asked yet: its"
        " questions have stand-in words in es/questionnaire.yaml"
        " (instruments.start-back.wording: stand-in); put in its published wording there first"]


def test_the_setting_names_unknown_repeated_and_always_asked_instruments(
        tmp_path: Path) -> None:
    content, settings = english_only_clinic(tmp_path, "start-bak", "pain-rating", "peg", "peg")
    line = line_of(settings, "instruments: [")
    assert errors_of(content, settings) == [
        f"{settings}:{line}: kiosk.instruments[0]: no instrument 'start-bak' in"
        " questionnaire.yaml (did you mean 'start-back'?)",
        f"{settings}:{line}: kiosk.instruments[1]: 'pain-rating' is asked at every visit;"
        " list only opt-in instruments (peg, start-back)",
        f"{settings}:{line}: kiosk.instruments[3]: 'peg' is listed twice"]


@pytest.mark.parametrize(("old", "new", "at", "says"), [
    ("items: [start-back-activity-safe, start-back-worrying,",
     "items: [start-back-activity-safe, start-back-worry,", "start-back-worry,",
     "scoring[2].scores[1].items[1]: 'start-back-worry' is not a question of instrument"
     " 'start-back' (did you mean 'start-back-worrying'?)"),
    ("      extremely: 1\n", "", "    values:",
     "scoring[2].values: option 'extremely' of 'start-back-bothersome' has no value; give it"
     " one under values (or item_values.start-back-bothersome)"),
    ("{id: mild, min: 1, max: 4}", "{id: mild, min: 1, max: 3}", "        bands:",
     "scoring[0].scores[0].bands: no band for 4"),
    ("{id: moderate, min: 5, max: 6}", "{id: moderate, min: 4, max: 6}", "{id: moderate,",
     "scoring[0].scores[0].bands[2]: overlaps band 'mild': 4 to 4 would have two bands"),
    ("{id: severe, min: 7, max: 10}", "{id: severe, min: 7, max: 9}", "        bands:",
     "scoring[0].scores[0].bands: no band for 10"),
    ("{id: high, score: distress, min: 4}", "{id: high, score: distres, min: 4}", "distres,",
     "scoring[2].scores[0].bands[0].score: no score 'distres' in this instrument (did you"
     " mean 'distress'?)"),
    ("    page: peg\n", "    page: pegs\n", "page: pegs",
     "scoring[1].page: no page 'pegs' (did you mean 'peg'?)"),
    ("    items: [pain-now]\n", "    items: [goals-other]\n", "items: [goals-other]",
     "scoring[0].items[0]: 'goals-other' is a text question; only scale, number, yes/no and"
     " single-choice answers can be scored"),
    ("        rule: mean\n        decimals: 1\n", "        rule: mean\n        decimals: 1\n"
     "        max_missing: 3\n", "max_missing: 3",
     "scoring[1].scores[0].max_missing: must be from 0 to 2 (the score has 3 questions)"),
])
def test_a_mistake_in_an_instrument_is_reported_at_its_line(
        content_copy: Path, old: str, new: str, at: str, says: str) -> None:
    questionnaire = content_copy / "questionnaire.yaml"
    edit(questionnaire, old, new)
    assert errors_of(content_copy) == [f"{questionnaire}:{line_of(questionnaire, at)}: {says}"]


def test_a_band_after_the_scores_own_bands_would_never_apply(content_copy: Path) -> None:
    questionnaire = content_copy / "questionnaire.yaml"
    edit(questionnaire, "          - {id: high, score: distress, min: 4}\n", "")
    edit(questionnaire, "          - {id: low, min: 0, max: 3}\n",
         "          - {id: low, min: 0, max: 3}\n"
         "          - {id: high, score: distress, min: 4}\n")
    line = line_of(questionnaire, "{id: high, score: distress")
    assert errors_of(content_copy) == [
        f"{questionnaire}:{line}: scoring[2].scores[0].bands[2].score: a band on another"
        " score must come before the score's own bands (they give every value a band, so it"
        " would never apply)"]


@pytest.mark.parametrize(("language", "old", "new", "at", "says"), [
    ("en", "      high: High risk\n", "", "    bands:\n      low: Low risk",
     "instruments.start-back.bands: translation missing for 'high'"),
    ("en", "    notice: © Keele University 01/08/07.", "    notice: © Keele University 2007.",
     "    notice:",
     "instruments.start-back.notice: the patient must see the notice too: give it as the help"
     " of a note (type: display) on page 'start-back'"),
    ("es", "      pain-now: Dolor actual\n",
     "      pain-now: Dolor actual\n    wording: stand-in\n",
     "    wording: stand-in\n    bands:",
     "instruments.pain-rating.wording: an instrument asked at every visit needs its published"
     " wording in every language (or opt_in: true in questionnaire.yaml)"),
])
def test_a_mistake_in_an_instruments_words_is_reported_at_its_line(
        content_copy: Path, language: str, old: str, new: str, at: str, says: str) -> None:
    words = content_copy / language / "questionnaire.yaml"
    edit(words, old, new)
    assert errors_of(content_copy) == [f"{words}:{_line_of_lines(words, at)}: {says}"]


def _line_of_lines(path: Path, lines: str) -> int:
    """The line number where `lines` (one line, or several that follow one another) start."""
    text = path.read_text(encoding="utf-8")
    assert lines in text
    return text[:text.index(lines)].count("\n") + 1


def test_no_branch_or_rule_may_depend_on_an_opt_in_question(content_copy: Path) -> None:
    questionnaire = content_copy / "questionnaire.yaml"
    edit(questionnaire, "      - id: goals-other\n        type: text\n",
         "      - id: goals-other\n        type: text\n"
         "        show_if: {question: peg-pain, op: \">\", value: 5}\n")
    rules = content_copy / "rules.yaml"
    edit(rules, "when: {question: leg-weakness-worse, op: \"=\", value: \"yes\"}",
         "when: {question: start-back-leg-pain, op: \"=\", value: agree}")
    branch = line_of(questionnaire, "show_if: {question: peg-pain")
    rule = line_of(rules, "question: start-back-leg-pain")
    assert errors_of(content_copy) == [
        f"{questionnaire}:{branch}: pages[9].items[1].show_if: 'peg-pain' belongs to the opt-in"
        " instrument 'peg', which a kiosk may not ask",
        f"{rules}:{rule}: red_flags[6].when: 'start-back-leg-pain' belongs to the opt-in"
        " instrument 'start-back', which a kiosk may not ask"]


def test_the_measures_export_as_a_valid_fhir_questionnaire_and_response(
        tmp_path: Path) -> None:
    content, settings = english_only_clinic(tmp_path, "peg", "start-back")
    loaded = load_all(content, settings, DEFAULT_THEME)
    exported = questionnaire_resource(loaded.content, "en")
    FhirQuestionnaire.model_validate(exported)
    groups = {group["linkId"]: group["item"] for group in exported["item"]}
    intro = groups["start-back"][0]
    assert intro["type"] == "display" and KEELE in intro["text"]
    assert [o["valueCoding"]["display"] for o in groups["start-back"][1]["answerOption"]] == [
        "Disagree", "Agree"]
    session = IntakeSession(loaded.content.questionnaire, loaded.content.rules)
    for item_id, value in {"peg-pain": 6, "peg-enjoyment": 7, "peg-activity": 8,
                           "start-back-leg-pain": "agree",
                           "start-back-bothersome": "very-much"}.items():
        session.answer(item_id, value)
    when = datetime.datetime(2025, 3, 14, 9, 30, tzinfo=datetime.UTC)
    response = questionnaire_response(session.snapshot("en", now=when), loaded.content, "en")
    FhirQuestionnaireResponse.model_validate(response)
    answered = {item["linkId"]: item["answer"] for group in response["item"]
                for item in group["item"]}
    assert answered["peg-activity"] == [{"valueInteger": 8}]
    assert answered["start-back-bothersome"][0]["valueCoding"]["display"] == "Very much"
