"""The clinic's record-number settings applied to its content, and checked against it.

`kiosk.record_number_pattern` decides whether the record-number question is asked and what a
valid answer looks like (kiosk.intake.record_number); `kiosk.record_number_format` says that
format in plain words in each of the content's languages, and is shown to the patient as the
question's help.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from kiosk.content.model import Content, LanguageWords
from kiosk.content.settings import KioskSettings
from kiosk.decoding.decode import is_valid
from kiosk.decoding.errors import did_you_mean
from kiosk.intake.record_number import RECORD_NUMBER, asked_with, pattern_problem


def check_record_number(kiosk: KioskSettings, languages: tuple[str, ...] | None,
                        report: Callable[[str, str], None]) -> None:
    """The pattern is a regular expression, and when it is set each content language says
    the format in words (and no other language does)."""
    pattern, formats = kiosk.record_number_pattern, kiosk.record_number_format
    if isinstance(pattern, str) and pattern:
        problem = pattern_problem(pattern)
        if problem is not None:
            report("kiosk.record_number_pattern", problem)
    if not is_valid(formats) or not isinstance(formats, dict) or languages is None:
        return
    for language in formats:
        if language not in languages:
            report(f"kiosk.record_number_format.{language}", "not one of the content's"
                   " languages" + did_you_mean(language, languages))
    if isinstance(pattern, str) and pattern:
        for language in languages:
            if language not in formats:
                report("kiosk.record_number_format", f"the format in words is missing for"
                       f" {language!r} (the patient reads it under the question)")


def with_record_number(content: Content, kiosk: KioskSettings) -> Content:
    """`content` as this kiosk asks it: the record-number question left out when no pattern
    is set; otherwise checked against the pattern, with the format in words as its help."""
    questionnaire = asked_with(content.questionnaire, kiosk.record_number_pattern)
    if questionnaire == content.questionnaire:
        return content
    languages = dict(content.languages)
    if kiosk.record_number_pattern:
        for code, words in content.languages.items():
            if code in kiosk.record_number_format:
                languages[code] = _with_help(words, kiosk.record_number_format[code])
    return dataclasses.replace(content, questionnaire=questionnaire, languages=languages)


def _with_help(words: LanguageWords, help_text: str) -> LanguageWords:
    items = dict(words.questionnaire.items)
    items[RECORD_NUMBER] = dataclasses.replace(items[RECORD_NUMBER], help=help_text)
    questionnaire = dataclasses.replace(words.questionnaire, items=items)
    return dataclasses.replace(words, questionnaire=questionnaire)
