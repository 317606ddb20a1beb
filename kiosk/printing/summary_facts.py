"""The visit's answers as the specialist's page prints them: each fact once, in clinical words.

Every section of the summary takes its answers from one `Facts`, which remembers what is
already on the page: a later section leaves out what an earlier one printed, or points to it
("see above"), so no answer is printed twice. Strings from a patient or from content are
escaped here, so a patient who types `<b>` sees `<b>` printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from kiosk.content.model import Content, LanguageWords
from kiosk.content.screen_words import SummaryWords
from kiosk.content.wording import clinical_words
from kiosk.intake.questionnaire import Answer, Item, Questionnaire
from kiosk.intake.session import SubmittedVisit

MUTED = "#4a5963"


def e(text: str) -> str:
    """Text escaped for the page's HTML."""
    return escape(text, quote=True)


#: Qt sizes an image's width and height as pixels of a 96 dpi screen, scaled to the paint
#: device: on the page's 72 dpi (points) device, 4 "pixels" are 3 points.
IMAGE_UNITS_PER_PT = 96 / 72


def picture(name: str, width_pt: float, height_pt: float) -> str:
    """An image the document holds as `name`, `width_pt` by `height_pt` points on the page."""
    return (f'<img src="{name}" width="{width_pt * IMAGE_UNITS_PER_PT:.1f}"'
            f' height="{height_pt * IMAGE_UNITS_PER_PT:.1f}" />')


def follow_ups(questionnaire: Questionnaire, item_id: str) -> list[Item]:
    """Items asked only because of an answer to `item_id` (their show-if looks at it alone)."""
    return [item for item in questionnaire.items()
            if item.show_if is not None and item.show_if.questions() == [item_id]]


class Facts:
    """One visit's answers in the printing language, and which of them are on the page."""

    def __init__(self, visit: SubmittedVisit, content: Content, language: str) -> None:
        self.visit = visit
        self.content = content
        self.answers: Mapping[str, Answer] = visit.answers
        self.questionnaire = content.questionnaire
        self.items = {item.id: item for item in content.questionnaire.items()}
        self.words: LanguageWords = content.words(language)
        self.say: SummaryWords = self.words.summary
        self.shown: set[str] = set()

    def label(self, item_id: str) -> str:
        """A question by its clinical label (the specialist's words, never the patient's)."""
        return e(self.words.questionnaire.clinical(item_id))

    def said(self, item_id: str) -> str:
        """An answer in clinical words, plain text (not escaped, not marked as printed)."""
        return clinical_words(self.items[item_id], self.answers[item_id], self.words)

    def value(self, item_id: str) -> str:
        """An answer as printed, escaped: typed text in quotes and italics, exactly as typed
        (the patient's own words), any other answer in bold. Marks it as printed."""
        self.shown.add(item_id)
        answer = self.answers[item_id]
        if self.items[item_id].type == "text":
            return f"<i>\u201c{e(str(answer))}\u201d</i>"
        return f"<b>{e(self.said(item_id))}</b>"

    def fact(self, item_id: str) -> str:
        """`Label: answer`, marked as printed."""
        return f'<span style="color: {MUTED};">{self.label(item_id)}:</span> {self.value(item_id)}'

    def plain(self, item_id: str) -> str:
        """A typed answer as plain escaped text (a name, a record number), marked as printed."""
        self.shown.add(item_id)
        answer = self.answers.get(item_id)
        return e(str(answer)) if answer is not None else ""

    def answered(self, item_ids: Iterable[str]) -> list[str]:
        return [item_id for item_id in item_ids if item_id in self.answers]

    def evidence(self, item_ids: Iterable[str]) -> str:
        """The answers behind a criterion, each `label: answer`; those already on the page
        are left out, and if that leaves none, "see above"."""
        ids = list(dict.fromkeys(self.answered(item_ids)))
        fresh = [item_id for item_id in ids if item_id not in self.shown]
        if not fresh:
            return e(self.say.see_above) if ids else ""
        return "; ".join(self.fact(item_id) for item_id in fresh)

    def unprinted_options(self, item_id: str) -> tuple[str, ...]:
        """The options chosen for a multiple-choice question whose follow-up question (which
        names the option, e.g. "Response to physiotherapy") is not on the page already."""
        answer = self.answers[item_id]
        picked = answer if isinstance(answer, tuple) else (str(answer),)
        named = {str(item.show_if.value) for item in follow_ups(self.questionnaire, item_id)
                 if item.show_if is not None and item.show_if.op == "=" and item.id in self.shown}
        return tuple(option for option in picked if option not in named)

    def parents(self, item_ids: Iterable[str]) -> list[str]:
        """The answered questions that decide whether these (unanswered) questions are asked:
        why a criterion has no answer behind it ("Treatments tried: None")."""
        found: list[str] = []
        for item_id in item_ids:
            item = self.items.get(item_id)
            if item is None or item_id in self.answers or item.show_if is None:
                continue
            found.extend(q for q in item.show_if.questions() if q in self.answers)
        return list(dict.fromkeys(found))
