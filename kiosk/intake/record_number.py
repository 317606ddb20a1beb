"""The optional record-number question: a clinic record number or appointment code.

The question (item id `record-number`) is written in the questionnaire like any other, but a
clinic decides in its settings whether it is asked, and what a valid answer looks like: a
regular expression the whole answer must match. Without a pattern the question is left out
of the questionnaire altogether, so no visit, summary or export ever names it.
"""

from __future__ import annotations

import dataclasses
import re

from kiosk.intake.questionnaire import Page, Questionnaire

RECORD_NUMBER = "record-number"
#: A format longer than this is no record number, and a pattern this long is a mistake.
MAX_PATTERN_LENGTH = 200


def pattern_problem(pattern: str) -> str | None:
    """What is wrong with a record-number pattern, in words for the settings' editor."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"a pattern of at most {MAX_PATTERN_LENGTH} characters is expected"
    try:
        re.compile(pattern)
    except re.error as wrong:
        return f"is not a regular expression ({wrong})"
    return None


def asked_with(questionnaire: Questionnaire, pattern: str | None) -> Questionnaire:
    """The questionnaire as the kiosk asks it: the record-number question checked against
    `pattern`, or left out without one."""
    pages = []
    for page in questionnaire.pages:
        items = tuple(
            dataclasses.replace(item, pattern=pattern) if item.id == RECORD_NUMBER else item
            for item in page.items if item.id != RECORD_NUMBER or pattern)
        if items:
            pages.append(Page(page.id, items))
    return dataclasses.replace(questionnaire, pages=tuple(pages))
