"""Random patients for the full-visit benchmark: a valid answer to any question, drawn from a seed.

Answers are made from the questionnaire's model alone (the item's type, choices, range, length
and format), so a clinic's own questionnaire gets answered too. Every answer is checked with
the kiosk's own rules (`kiosk.intake.answers.checked`) before it is put in. Choices are drawn
evenly, except the answers that raise an urgent red flag: those are given now and then
(URGENT_CHANCE a question), so most patients reach the review list and some go to the desk.
An optional question is left blank now and then.
"""

from __future__ import annotations

import datetime
import random
import re
import string
from dataclasses import dataclass

from kiosk.content.model import Content
from kiosk.intake.answers import MAX_DURATION_MONTHS, AnswerInvalid, checked
from kiosk.intake.questionnaire import SCALE_MAX, Answer, Item

#: The chance that a patient gives the answer that raises an urgent red flag, per such question
#: (with five of them in the shipped questionnaire: about one visit in seven).
URGENT_CHANCE = 0.03
#: The chance that an optional question is left blank.
BLANK_CHANCE = 0.3
#: The chance that a pick-any question is answered "none" where it offers "none".
NONE_CHANCE = 0.1
#: Most choices ticked on a pick-any question, or regions marked on the pain map.
MOST_PICKED = 3
#: Names as patients type them, accents, hyphens and apostrophes included.
FIRST_NAMES = ("Ana", "Li", "Mary Jo", "Zoë", "José", "Noor", "Anne-Marie", "Kwame", "Sam")
LAST_NAMES = ("Example", "O'Neil", "Nguyen", "García", "Smith-Jones", "Kowalski", "Ito")
#: Words for any other text question, markup-like characters and all.
PHRASES = ("walk the dog again", "play with <my> grandkids & garden", "sit through a film",
           "fewer pills", "ibuprofeno 400 mg", "penicillin", "a cream from the pharmacy")
#: Patients born between these years (and at least this old).
BORN_FROM, YOUNGEST_YEARS = 1930, 18


def urgent_answers(content: Content) -> dict[str, str]:
    """Question id -> the answer that raises an urgent red flag, from the clinic's rules."""
    found: dict[str, str] = {}
    for flag in content.rules.red_flags:
        when = flag.when
        if flag.level == "urgent" and when.question and when.op == "=" and when.value is not None:
            found[when.question] = str(when.value)
    return found


@dataclass
class Patient:
    """Draws one answer at a time from `rng`; `urgent` says which answers raise an urgent flag."""

    rng: random.Random
    urgent: dict[str, str]
    today: datetime.date

    def answer(self, item: Item) -> Answer | None:
        """A random answer `item` accepts, or None where the patient leaves it blank (an
        optional question, now and then; a note; a format no drawn text matched)."""
        if not item.asks or (not item.required and self.rng.random() < BLANK_CHANCE):
            return None
        value = self._draw(item)
        if value is None:
            return None
        try:
            return checked(item, value, self.today)
        except AnswerInvalid as refused:  # a drawing mistake here, not the kiosk's
            raise AssertionError(f"drew an invalid answer: {refused}") from None

    def _draw(self, item: Item) -> Answer | None:
        rng, kind = self.rng, item.type
        if kind in ("yesno", "single"):
            return self._one_of(item)
        if kind == "multiple":
            options = [c for c in item.choices() if c != "none"]
            if item.none and rng.random() < NONE_CHANCE:
                return ("none",)
            return tuple(rng.sample(options, rng.randint(1, min(MOST_PICKED, len(options)))))
        if kind == "bodymap":
            regions = item.choices()
            return tuple(rng.sample(regions, rng.randint(1, min(MOST_PICKED, len(regions)))))
        if kind == "scale":
            return rng.randint(0, SCALE_MAX)
        if kind == "duration":
            in_years = rng.random() < 0.6
            months = rng.randint(1, 30) * 12 if in_years else rng.randint(1, 24)
            return min(months, MAX_DURATION_MONTHS)
        if kind == "number":  # typed on the pad: whole numbers in the widget's range
            low = int(item.min) if item.min is not None else 0
            high = int(item.max) if item.max is not None else 999
            return rng.randint(low, high)
        if kind == "date":
            return self._birth_date()
        if kind == "text":
            return self._text(item)
        return None

    def _one_of(self, item: Item) -> str:
        choices = item.choices()
        raising = self.urgent.get(item.id)
        if raising is None or raising not in choices:
            return self.rng.choice(choices)
        if self.rng.random() < URGENT_CHANCE:
            return raising
        return self.rng.choice([c for c in choices if c != raising])

    def _birth_date(self) -> datetime.date:
        latest = self.today.replace(year=self.today.year - YOUNGEST_YEARS, day=1)
        earliest = datetime.date(BORN_FROM, 1, 1)
        return earliest + datetime.timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def _text(self, item: Item) -> str | None:
        if item.pattern is not None:
            return self._matching(item.pattern, item.max_length)
        words = {"first-name": FIRST_NAMES, "last-name": LAST_NAMES}.get(item.id, PHRASES)
        return self.rng.choice(words)[:item.max_length].strip() or "A"

    def _matching(self, pattern: str, longest: int) -> str | None:
        """A text that matches a question's format: drawn digits, letters and both, of each
        length up to the question's limit; None if none of them does."""
        kinds = (string.digits, string.ascii_uppercase, string.ascii_uppercase + string.digits)
        for length in range(1, min(longest, 20) + 1):
            for letters in kinds:
                drawn = "".join(self.rng.choice(letters) for _ in range(length))
                if re.fullmatch(pattern, drawn):
                    return drawn
        return None
