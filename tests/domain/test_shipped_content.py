"""The content, theme and settings the kiosk ships with are complete, valid and readable."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from kiosk.content.colour import contrast_ratio
from kiosk.content.loader import Loaded
from kiosk.content.readability import english_grade, spanish_ease

CLINIC_TOPICS = ("back-pain", "usual-treatments", "what-it-is", "how-it-may-help", "benefits",
                 "candidates", "procedure", "risks", "results", "cost", "aftercare", "faqs")


def test_every_article_topic_and_the_evidence_is_a_section(shipped: Loaded) -> None:
    ids = [plan.id for plan in shipped.content.structure.sections]
    assert ids == [*CLINIC_TOPICS, "evidence"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_section_has_words_in_both_languages(shipped: Loaded, language: str) -> None:
    sections = shipped.content.sections(language)
    assert len(sections) == 13
    for section in sections:
        assert section.words.title and section.words.highlight and section.words.body


def test_english_sections_read_at_grade_eight_or_below(shipped: Loaded) -> None:
    grades = {s.id: english_grade(s.words.plain_text()) for s in shipped.content.sections("en")}
    too_hard = {sid: round(g, 1) for sid, g in grades.items() if g > 8.0}
    assert not too_hard, f"reading grade above 8: {too_hard}"


def test_spanish_sections_are_easy_to_read(shipped: Loaded) -> None:
    ease = {s.id: spanish_ease(s.words.plain_text()) for s in shipped.content.sections("es")}
    too_hard = {sid: round(e) for sid, e in ease.items() if e < 65}
    assert not too_hard, f"Fernández-Huerta ease below 65: {too_hard}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_disclaimer_says_not_advice_and_not_approved(shipped: Loaded, language: str) -> None:
    disclaimer = shipped.content.words(language).education.disclaimer.lower()
    assert "fda" in disclaimer
    assert ("not medical advice" in disclaimer) if language == "en" else (
        "no un consejo médico" in disclaimer)


def test_cost_section_gives_the_articles_us_price_range(shipped: Loaded) -> None:
    cost = next(s for s in shipped.content.sections("en") if s.id == "cost")
    assert re.search(r"\$5,000.*\$10,000", cost.words.plain_text(), re.DOTALL)


def test_results_section_says_the_figures_lack_a_comparison_group(shipped: Loaded) -> None:
    results = next(s for s in shipped.content.sections("en") if s.id == "results")
    text = results.words.plain_text()
    assert "50" in text and "80" in text
    assert "comparison" in text.lower() or "compare" in text.lower()


def test_faqs_answer_seven_questions(shipped: Loaded) -> None:
    faqs = next(s for s in shipped.content.sections("en") if s.id == "faqs")
    questions = [b.text for b in faqs.words.body if b.kind == "heading"]
    assert len(questions) == 7 and all(q.endswith("?") for q in questions)


def test_theme_and_accent_colours_meet_contrast(shipped: Loaded) -> None:
    colours = shipped.theme.colours
    assert contrast_ratio(colours.text, colours.background) >= 4.5
    assert contrast_ratio(colours.muted, colours.background) >= 4.5
    assert contrast_ratio(shipped.settings.clinic.accent_color, colours.on_accent) >= 4.5


def test_idle_warning_gives_at_least_twenty_seconds(shipped: Loaded) -> None:
    assert shipped.settings.kiosk.warning_seconds >= 20
    assert shipped.settings.kiosk.idle_seconds == 90


@pytest.mark.parametrize(("language", "easy_enough"), [
    ("en", lambda text: english_grade(text) <= 8.0),
    ("es", lambda text: spanish_ease(text) >= 65)])
def test_each_part_of_the_questionnaire_reads_as_easily_as_the_sections(
        shipped: Loaded, language: str, easy_enough: Callable[[str], bool]) -> None:
    """The patient's words only: the specialist's clinical labels are not read by patients."""
    words = shipped.content.words(language).questionnaire
    hard = []
    for page in shipped.content.questionnaire.pages:
        said = [words.items[item.id] for item in page.items]
        text = ". ".join(f"{item.text} {item.help or ''}" for item in said)
        if not easy_enough(text):
            hard.append(page.id)
    assert not hard, f"hard to read: {hard}"
