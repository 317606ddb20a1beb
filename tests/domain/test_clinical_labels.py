"""The specialist's clinical labels: one for every question and option in every language, the
patient's words untouched, and an editor's missing or empty label reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import Loaded, load_content
from kiosk.content.wording import answer_words
from kiosk.decoding.errors import ContentInvalid
from tests.domain.editing import edit, line_of


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_content(content)
    return [str(e) for e in caught.value.errors]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_question_and_every_option_has_a_clinical_label(shipped: Loaded,
                                                              language: str) -> None:
    words = shipped.content.words(language).questionnaire
    for item in shipped.content.questionnaire.items():
        assert words.clinical(item.id) != words.items[item.id].text
        for choice in item.choices():
            label = words.clinical_option(item.id, choice)
            assert label and label != choice, (item.id, choice)


def test_the_specialist_reads_clinical_terms_where_the_patient_read_plain_words(
        shipped: Loaded) -> None:
    content = shipped.content
    words = content.words("en")
    saddle = content.questionnaire.item("saddle-numbness")
    assert "bottom" in words.questionnaire.items["saddle-numbness"].text
    assert words.questionnaire.clinical("saddle-numbness") == "Saddle anaesthesia (new)"
    assert words.questionnaire.clinical("bladder-problems") == (
        "Urinary retention / incontinence (new)")
    assert words.questionnaire.clinical_answer(saddle, "unsure") == "Unsure"
    assert answer_words(saddle, "unsure", words) == "I'm not sure"  # what the patient saw
    medicines = content.questionnaire.item("pain-medicines-now")
    assert words.questionnaire.clinical_answer(medicines, ("anti-inflammatories", "opioids")) \
        == "NSAID; Opioid"
    drugs = content.questionnaire.item("injected-drugs")
    spanish = content.words("es").questionnaire
    assert spanish.clinical_answer(drugs, "prefer-not") == "Prefiere decirlo al médico"


def test_free_text_stays_the_patients_own_words(shipped: Loaded) -> None:
    content = shipped.content
    other = content.questionnaire.item("goals-other")
    words = content.words("en").questionnaire
    assert words.clinical_answer(other, "no") == "no"  # typed text, not the option "No"
    assert words.clinical("goals-other") == "Other goal (patient's words)"


def test_a_question_without_a_clinical_label_is_reported_at_its_line(content_copy: Path) -> None:
    words = content_copy / "es" / "questionnaire.yaml"
    edit(words, "    clinical: Osteoporosis\n", "")
    line = line_of(words, "  thin-bones:")
    assert errors_of(content_copy) == [
        f"{words}:{line}: items.thin-bones: needs 'clinical': the short label the specialist"
        " reads"]


def test_an_empty_label_and_a_label_for_no_option_are_reported(content_copy: Path) -> None:
    words = content_copy / "en" / "questionnaire.yaml"
    edit(words, "      opioids: Opioid\n", "      opioid: Opioid\n")
    edit(words, "    clinical: Drug allergy\n", "    clinical: ''\n")
    empty = line_of(words, "    clinical: ''")
    wrong = line_of(words, "      opioid: Opioid")
    block = line_of(words, "  pain-medicines-now:", then="    clinical_options:")
    assert sorted(errors_of(content_copy)) == sorted([
        f"{words}:{empty}: items.medicine-allergies.clinical: text is empty",
        f"{words}:{wrong}: items.pain-medicines-now.clinical_options.opioid: no such id in the"
        " structure (did you mean 'opioids'?)",
        f"{words}:{block}: items.pain-medicines-now.clinical_options: translation missing for"
        " 'opioids'"])


def test_a_missing_label_for_an_answer_the_kiosk_adds_is_reported(content_copy: Path) -> None:
    words = content_copy / "es" / "questionnaire.yaml"
    edit(words, "  unsure: No sabe\n", "")
    line = line_of(words, "clinical_answers:")
    assert errors_of(content_copy) == [
        f"{words}:{line}: clinical_answers: translation missing for 'unsure'"]
