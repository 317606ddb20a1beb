"""A clinic editor's mistakes in the questionnaire and rules files are reported as
file:line: key.path: message, one error per mistake, pointing at the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import load_content
from kiosk.decoding.errors import ContentInvalid
from tests.domain.editing import edit, line_of


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_content(content)
    return [str(e) for e in caught.value.errors]


def test_a_branch_on_a_misspelt_question_suggests_the_right_one(content_copy: Path) -> None:
    questionnaire = content_copy / "questionnaire.yaml"
    edit(questionnaire, "{question: treatments-tried, op:", "{question: treatment-tried, op:")
    line = line_of(questionnaire, "question: treatment-tried")
    assert errors_of(content_copy) == [
        f"{questionnaire}:{line}: pages[5].items[1].show_if.question: no question"
        " 'treatment-tried' (did you mean 'treatments-tried'?)"]


def test_a_branch_cannot_depend_on_a_later_question(content_copy: Path) -> None:
    questionnaire = content_copy / "questionnaire.yaml"
    edit(questionnaire, 'show_if: {question: diagnoses, op: "=", value: stenosis}',
         'show_if: {question: cancer-history, op: "=", value: "yes"}')
    line = line_of(questionnaire, "show_if: {question: cancer-history")
    assert errors_of(content_copy) == [
        f"{questionnaire}:{line}: pages[4].items[1].show_if.question: 'cancer-history' comes"
        " later; a question can only depend on earlier ones"]


def test_a_rule_value_that_is_not_an_option_of_its_question(content_copy: Path) -> None:
    rules = content_copy / "rules.yaml"
    edit(rules, "{question: diagnoses, op: \"=\", value: arthritis}",
         "{question: diagnoses, op: \"=\", value: arthritus}")
    line = line_of(rules, "value: arthritus")
    assert errors_of(content_copy) == [
        f"{rules}:{line}: inclusion[1].when.any[2].value: 'arthritus' is not an option of"
        " 'diagnoses' (did you mean 'arthritis'?)"]


def test_a_branch_value_that_is_not_an_option_of_its_question(content_copy: Path) -> None:
    questionnaire = content_copy / "questionnaire.yaml"
    edit(questionnaire, "op: \"=\", value: physio}", "op: \"=\", value: physiotherapy}")
    line = line_of(questionnaire, "value: physiotherapy")
    assert errors_of(content_copy) == [
        f"{questionnaire}:{line}: pages[5].items[1].show_if.value: 'physiotherapy' is not an"
        " option of 'treatments-tried' (did you mean 'physio'?)"]


def test_greater_than_on_a_yes_no_question_is_refused(content_copy: Path) -> None:
    rules = content_copy / "rules.yaml"
    edit(rules, "{question: bowel-control, op: \"=\", value: \"yes\"}",
         "{question: bowel-control, op: \">\", value: \"yes\"}")
    line = line_of(rules, "op: \">\"")
    assert errors_of(content_copy) == [
        f"{rules}:{line}: red_flags[4].when.op: '>' needs a number, scale, duration or date"
        " question; 'bowel-control' is yesno"]


def test_a_missing_option_word_in_spanish_is_reported(content_copy: Path) -> None:
    words = content_copy / "es" / "questionnaire.yaml"
    text = words.read_text(encoding="utf-8")
    physio = text.index("  physio-helped:")
    short = text.index("      short: ", physio)
    words.write_text(text[:short] + text[text.index("\n", short) + 1:], encoding="utf-8")
    line = line_of(words, "  physio-helped:", then="    options:")
    assert errors_of(content_copy) == [
        f"{words}:{line}: items.physio-helped.options: translation missing for 'short'"]


def test_an_english_question_the_questionnaire_does_not_have_is_reported(
        content_copy: Path) -> None:
    words = content_copy / "en" / "questionnaire.yaml"
    edit(words, "items:\n", "items:\n  pain-yesterday:\n    text: How bad was it yesterday?\n")
    line = line_of(words, "pain-yesterday:")
    assert errors_of(content_copy) == [
        f"{words}:{line}: items.pain-yesterday: no such id in the structure"]


def test_a_misspelt_english_question_id_suggests_the_right_one(content_copy: Path) -> None:
    words = content_copy / "en" / "questionnaire.yaml"
    edit(words, "  pain-worst:\n", "  pain-worse:\n")
    line = line_of(words, "pain-worse:")
    errors = errors_of(content_copy)
    assert (f"{words}:{line}: items.pain-worse: no such id in the structure"
            " (did you mean 'pain-worst'?)") in errors
    assert any(e.startswith(f"{words}:") and e.endswith("items: translation missing for"
                                                        " 'pain-worst'") for e in errors)


def test_a_rule_without_a_spanish_label_is_reported(content_copy: Path) -> None:
    words = content_copy / "es" / "rules.yaml"
    edit(words, "  weight-loss: Pérdida de peso sin proponérselo\n", "")
    line = line_of(words, "rules:")
    assert errors_of(content_copy) == [
        f"{words}:{line}: rules: translation missing for 'weight-loss'"]


def test_the_not_sure_count_message_must_keep_its_count(content_copy: Path) -> None:
    words = content_copy / "es" / "rules.yaml"
    edit(words, "'No lo sé': {count}\"", "'No lo sé': varias\"")
    line = line_of(words, "too_many_unsure:")
    assert errors_of(content_copy) == [
        f"{words}:{line}: too_many_unsure: must contain the placeholder {{count}} and no other"]
