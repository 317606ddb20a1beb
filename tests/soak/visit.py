"""One whole visit at the soak's kiosk, from the welcome loop back to it, drawn at random.

A visit may start with staff looking in, read a section first, switch language in the middle
of the questions, be left to the idle wipe, be interrupted by staff (who keep or clear the
answers), raise an urgent red flag (staff then go on with the patient, or end the visit),
change an answer on the review list, and end with the thank-you.
What happened is kept in a `Visit` for the checks at the end of the soak.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal

from kiosk.content.screen_words import UiWords
from kiosk.intake.questionnaire import Answer, Item
from kiosk.intake.session import SubmittedVisit
from kiosk.ui.answers import ChoiceAnswer
from kiosk.ui.window import KioskWindow
from tests.soak.desk import staff_look_in, unlock, walk_away
from tests.soak.patient import Patient
from tests.soak.touch import Touch
from tests.ui.conftest import find_button
from tests.ui.screen_text import visible_text
from tests.ui.test_questionnaire import question_screen
from tests.ui.test_staff_mode import corner_taps

#: Every kind of event in the soak; the first visits have one each, so that every screen the
#: kiosk keeps has been built before the first count of objects.
EVENTS = ("read", "staff_first", "language", "urgent", "urgent_end", "leave", "staff_keep",
          "staff_clear", "review_change", "moves_on", "unhurried")
#: How many questions a patient answers at most (the questionnaire has about forty-five).
LONGEST = 60

#: thanked: sent by the patient; left: wiped by the idle timer; cleared: by staff;
#: unfinished: a visit a red flag saved, ended (by staff, the idle timer or a clear) unsent.
Ending = Literal["thanked", "left", "cleared", "unfinished"]


@dataclass
class Plan:
    """What will happen in one visit, drawn before it starts."""

    unhurried: bool = False            # the screen is drawn after every touch
    read: bool = False                 # a section first
    staff_first: bool = False          # staff look in before the patient comes
    staff_walk_off: bool = False       # ... and leave staff mode to close itself
    wrong_pin: bool = False            # staff mistype the PIN once
    language_at: int | None = None     # switch language at this question
    leave_at: int | None = None        # walk away at this question
    staff_at: int | None = None        # staff open staff mode at this question
    staff_clear: bool = False          # ... and clear the answers (else keep them)
    urgent_end: bool = False           # after a red flag, staff end the visit (else go on)
    always_urgent: bool = False        # the first red-flag question is answered to raise it
    review_change: bool = False        # an answer changed on the review list
    moves_on: bool = False             # one-tap answers left to move on by themselves

    @classmethod
    def draw(cls, rng: random.Random, forced: str | None = None) -> Plan:
        """A random visit; `forced` names an event it must have."""
        def chance(p: float, event: str) -> bool:
            return forced == event or rng.random() < p

        plan = cls(unhurried=chance(0.03, "unhurried"), read=chance(0.1, "read"),
                   staff_first=chance(0.06, "staff_first"), staff_walk_off=rng.random() < 0.3,
                   wrong_pin=rng.random() < 0.1, urgent_end=chance(0.3, "urgent_end"),
                   always_urgent=forced in ("urgent", "urgent_end"),
                   review_change=chance(0.1, "review_change"),
                   moves_on=chance(0.5, "moves_on"))
        if chance(0.2, "language"):
            plan.language_at = rng.randint(1, 30)
        if chance(0.1, "leave"):
            plan.leave_at = rng.randint(1, 32)
        if chance(0.06, "staff_keep") or forced == "staff_clear":
            plan.staff_at = rng.randint(3, 30)
            plan.staff_clear = chance(0.25, "staff_clear")
        return plan


@dataclass
class Visit:
    """What one visit left behind: its id (once it had one), what the patient gave, how it
    ended, and how many times the urgent screen came up for it."""

    number: int
    plan: Plan
    given: dict[str, Answer] = field(default_factory=dict)
    visit_id: str | None = None
    ending: Ending | None = None
    urgent_events: int = 0

    @property
    def stored(self) -> bool:
        """Whether the kiosk must have kept it: sent, or saved by a red flag."""
        return self.ending == "thanked" or self.urgent_events > 0


def words(window: KioskWindow) -> UiWords:
    """The kiosk's words in the language on screen now."""
    return window._loaded.content.words(window.language).ui


def run_visit(touch: Touch, window: KioskWindow, patient: Patient, visit: Visit,
              sent: list[SubmittedVisit]) -> None:
    """One patient from the welcome loop back to it; `sent` is every visit the window has
    handed on so far (the last one is the one just thanked for)."""
    plan = visit.plan
    assert window.place.screen == "attract"
    if plan.staff_first:
        staff_look_in(touch, window, plan.staff_walk_off, plan.wrong_pin)
    touch.tap(window.page("attract"))
    if plan.read:
        touch.tap(find_button(window, "home_learn"))
        touch.tap(find_button(window, "tile_risks"))
        assert "Risks to know about" in visible_text(window.page("reader"))
        touch.tap(find_button(window, "bar_home"))
    touch.tap(find_button(window, "home_questionnaire"))
    if _answer_all(touch, window, patient, visit) and window.place.screen == "review":
        _review_and_send(touch, window, patient, visit, sent)
    visit.given = dict(patient.given)
    if visit.ending == "thanked":
        touch.tap(find_button(window, "thanks_done"))
    assert window.place.screen == "attract" and window.visit is None


def _answer_all(touch: Touch, window: KioskWindow, patient: Patient, visit: Visit) -> bool:
    """Question after question until the review list; False if the visit ended on the way."""
    plan = visit.plan
    for number in range(1, LONGEST + 1):
        if window.place.screen != "question":
            return True
        if number == plan.language_at:
            other = "es" if window.language == "en" else "en"
            touch.tap(find_button(window, f"bar_language_{other}"))
        if number == plan.leave_at:
            walk_away(touch, window)
            visit.ending = "unfinished" if visit.urgent_events else "left"
            return False
        if (number == plan.staff_at and window.has_patient_answers()
                and _staff_interrupt(touch, window, visit)):
            return False
        screen = question_screen(window)
        item, widget = screen.item, screen._answer
        assert item is not None
        if plan.always_urgent and item.id in patient.urgent and not visit.urgent_events:
            raising = patient.urgent[item.id]
            assert isinstance(widget, ChoiceAnswer)
            touch.tap(widget.buttons[str(raising)])
            patient.given[item.id] = raising
        else:
            patient.answer(touch, window)
        if _moved_on(window, item):
            pass  # the pause ended while an unhurried patient's screen was being drawn
        elif plan.moves_on and screen.advancing:  # a one-tap answer: wait, do not tap Next
            with touch.qtbot.waitSignal(screen.pause.timeout):
                pass
            assert _moved_on(window, item)
        else:
            touch.tap(find_button(window, "question_next"))
        if window.place.screen == "urgent" and _urgent(touch, window, visit):
            return False
    raise AssertionError(f"still on the questions after {LONGEST} answers")


def _moved_on(window: KioskWindow, asked: Item) -> bool:
    """Whether the question `asked` has given way (to the next one, review or urgent)."""
    return window.place.screen != "question" or question_screen(window).item is not asked


def _urgent(touch: Touch, window: KioskWindow, visit: Visit) -> bool:
    """The desk screen after a red flag: staff unlock it, then go on or end the visit. True
    if the visit ended here."""
    visit.urgent_events += 1
    assert window.visit is not None
    visit.visit_id = window.visit.visit_id
    assert words(window).urgent_title in visible_text(window.page("urgent"))
    touch.tap(find_button(window, "urgent_staff"))
    unlock(touch, window, visit.plan.wrong_pin)
    assert window.place.screen == "staff_urgent"
    assert f"URGENT: visit {visit.visit_id}" in visible_text(window.page("staff_urgent"))
    if visit.plan.urgent_end:
        touch.tap(find_button(window, "staff_urgent_end"))
        visit.ending = "unfinished"
        return True
    touch.tap(find_button(window, "staff_urgent_continue"))
    assert window.place.screen in ("question", "review")
    return False


def _staff_interrupt(touch: Touch, window: KioskWindow, visit: Visit) -> bool:
    """Staff open staff mode while a patient's answers are on screen: they keep them (the
    patient goes on where they were) or clear them with the PIN. True if cleared."""
    item = question_screen(window).item
    corner_taps(touch.qtbot, window, 5)
    assert window.place.screen == "staff_keep"
    if not visit.plan.staff_clear:
        touch.tap(find_button(window, "staff_keep_return"))
        assert window.place.screen == "question" and question_screen(window).item == item
        return False
    touch.tap(find_button(window, "staff_keep_clear"))
    unlock(touch, window)
    assert window.place.screen == "staff_dashboard" and not window.has_patient_answers()
    touch.tap(find_button(window, "staff_close"))
    visit.ending = "unfinished" if visit.urgent_events else "cleared"
    return True


def _review_and_send(touch: Touch, window: KioskWindow, patient: Patient, visit: Visit,
                     sent: list[SubmittedVisit]) -> None:
    """The review list (an answer changed now and then), send: the thank-you."""
    shown = visible_text(window.page("review"))
    assert words(window).review_title in shown and str(patient.given["last-name"]) in shown
    if visit.plan.review_change:
        touch.tap(find_button(window, "review_pain-now"))
        patient.change_scale(touch, window)
        if window.place.screen == "question":  # else the pause already took them back
            touch.tap(find_button(window, "question_next"))
        assert window.place.screen == "review"
    before = len(sent)
    touch.tap(find_button(window, "review_send"))
    assert window.place.screen == "thanks"
    assert words(window).thanks_title in visible_text(window.page("thanks"))
    assert len(sent) == before + 1 and sent[-1].status == "complete"
    visit.visit_id = sent[-1].visit_id
    visit.ending = "thanked"
