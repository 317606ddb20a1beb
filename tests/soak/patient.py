"""A patient who answers the questionnaire at random, by touch, and remembers what they gave.

Every answer goes in through the answer widget on screen: choices, scale numbers, the
duration's unit and number keys, the date's number keys (now and then with the suggested
century), and typed text key by key. What the patient meant to give is kept as the visit
keeps it (option ids, months, a date, the cleaned text), so the store and the printed summary
can be checked against it.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.content.model import Content
from kiosk.intake.questionnaire import Answer, Item
from kiosk.intake.typed_date import digits_for
from kiosk.ui.answers import ChoiceAnswer, ScaleAnswer
from kiosk.ui.number_answers import DateAnswer, DurationAnswer
from kiosk.ui.pain_map import PainMapAnswer
from kiosk.ui.text_answer import TextAnswer
from kiosk.ui.window import KioskWindow
from tests.soak.touch import Touch
from tests.ui.test_questionnaire import question_screen

#: The chance that a patient answers one urgent red-flag question in the way that raises it
#: (five such questions: about one visit in seven goes to the front desk).
URGENT_CHANCE = 0.03
#: Names typed on the on-screen keyboard (apostrophes, hyphens, spaces and accents included).
FIRST_NAMES = ("Ana", "Li", "Mary Jo", "Zoë", "José", "Noor", "Anne-Marie", "Kwame", "Sam")
LAST_NAMES = ("Example", "O'Neil", "Nguyen", "García", "Smith-Jones", "Kowalski", "Ito")
#: Other goals, typed as patients do, markup-like characters and all: the specialist reads
#: them exactly as typed.
OTHER_GOALS = ("walk the dog again", "play with <my> grandkids & garden", "sit through a film",
               "fewer pills")


def urgent_answers(content: Content) -> dict[str, Answer]:
    """Question id -> the answer that raises an urgent red flag, from the clinic's rules."""
    found: dict[str, Answer] = {}
    for flag in content.rules.red_flags:
        when = flag.when
        if (flag.level == "urgent" and when.question and when.op == "="
                and when.value is not None):
            found[when.question] = when.value
    return found


def type_into(qtbot: QtBot, field: QLineEdit, typed: str) -> None:
    """Type `typed` into the focused field: plain letters as key presses, an accented letter
    as the on-screen keyboard gives it (a character committed through the input method)."""
    for char in typed:
        if char.isascii():
            qtbot.keyClick(field, char)
        else:
            committed = QInputMethodEvent()
            committed.setCommitString(char)
            QCoreApplication.sendEvent(field, committed)


@dataclass
class Patient:
    """One visit's patient: what they give at each question, drawn from `rng`."""

    rng: random.Random
    urgent: dict[str, Answer]
    given: dict[str, Answer] = field(default_factory=dict)

    def answer(self, touch: Touch, window: KioskWindow) -> None:
        """Answer the question on screen with a random valid answer, by touch."""
        screen = question_screen(window)
        item, widget = screen.item, screen._answer
        assert item is not None and widget is not None, "a question is on screen"
        if isinstance(widget, ChoiceAnswer):
            self._choose(touch, item, widget)
        elif isinstance(widget, ScaleAnswer):
            number = self.rng.randrange(len(widget.buttons))
            touch.tap(widget.buttons[number])
            self.given[item.id] = number
        elif isinstance(widget, DurationAnswer):
            in_years = self.rng.random() < 0.6
            number = self.rng.randint(1, 30 if in_years else 24)
            unit = widget.years if in_years else widget.months
            if self.rng.random() < 0.5:  # the unit first, or the number first
                touch.tap(unit)
            for digit in str(number):
                touch.tap(widget.typed.pad.keys[digit])
            if not unit.isChecked():
                touch.tap(unit)
            self.given[item.id] = number * (12 if in_years else 1)
        elif isinstance(widget, DateAnswer):
            self._pick_date(touch, item, widget)
        elif isinstance(widget, TextAnswer):
            self._type(touch, item, widget)
        elif isinstance(widget, PainMapAnswer):
            regions = self.rng.sample(sorted(widget.boxes), self.rng.randint(1, 3))
            for region in regions:
                touch.tap(widget.boxes[region])
            marked = widget.value()
            assert isinstance(marked, tuple) and set(marked) == set(regions), "each tap marks it"
            self.given[item.id] = marked

    def _choose(self, touch: Touch, item: Item, widget: ChoiceAnswer) -> None:
        choices = list(item.choices())
        if item.type != "multiple":
            raising = self.urgent.get(item.id)
            if raising is not None:  # mostly the calm answers; now and then the urgent one
                calm = [c for c in choices if c != raising]
                picked = (str(raising) if self.rng.random() < URGENT_CHANCE
                          else self.rng.choice(calm))
            else:
                picked = self.rng.choice(choices)
            touch.tap(widget.buttons[picked])
            self.given[item.id] = picked
            return
        options = [c for c in choices if c != "none"]
        if item.none and self.rng.random() < 0.1:
            chosen = ["none"]
        else:
            chosen = self.rng.sample(options, self.rng.randint(1, min(3, len(options))))
        for choice in chosen:
            touch.tap(widget.buttons[choice])
        self.given[item.id] = tuple(c for c in choices if c in chosen)  # in the order shown

    def _pick_date(self, touch: Touch, item: Item, widget: DateAnswer) -> None:
        """A birth date typed on the pad; now and then the year's two last digits and the
        suggested century."""
        born = datetime.date(self.rng.randint(1930, 2004), self.rng.randint(1, 12),
                             self.rng.randint(1, 28))
        keypad = widget.keypad
        digits = digits_for(born, widget.date_order)
        by_century = widget.date_order != "ymd" and self.rng.random() < 0.5
        if by_century:  # the year's last two digits only
            digits = digits[:-4] + digits[-2:]
        for digit in digits:
            touch.tap(keypad.pad.keys[digit])
        if by_century:
            touch.tap(keypad.century)
        assert keypad.value() == born
        self.given[item.id] = born

    def _type(self, touch: Touch, item: Item, widget: TextAnswer) -> None:
        if item.id == "first-name":
            typed = self.rng.choice(FIRST_NAMES)
        elif item.id == "last-name":
            typed = self.rng.choice(LAST_NAMES)
        elif self.rng.random() < 0.5:
            typed = self.rng.choice(OTHER_GOALS)
        else:
            return  # an optional question the patient leaves blank
        field = widget.field
        assert field.isVisible() and field.text() == "", "each visit starts with empty fields"
        field.setFocus()  # as a tap on the field does: the on-screen keyboard opens
        type_into(touch.qtbot, field, typed)
        assert field.text() == typed
        self.given[item.id] = typed

    def change_scale(self, touch: Touch, window: KioskWindow) -> None:
        """On a scale question opened from the review list: a different number."""
        screen = question_screen(window)
        item, widget = screen.item, screen._answer
        assert item is not None and isinstance(widget, ScaleAnswer)
        number = self.rng.choice([n for n in range(len(widget.buttons))
                                  if n != self.given.get(item.id)])
        touch.tap(widget.buttons[number])
        self.given[item.id] = number

    @property
    def name(self) -> str:
        return f"{self.given.get('first-name', '')} {self.given.get('last-name', '')}"
