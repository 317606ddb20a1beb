"""One patient's whole visit to the kiosk window, as the changes a patient (and staff) make.

`visit_changes` yields each change as (kind, change) before it is made and looks at the window
again after each, so the visit follows wherever the kiosk goes: the welcome loop, home, the
topics and a few sections (a language switch among them, and a text size on home, the topics,
a section and the first question), then every question the session shows with a random valid
answer (kiosk.intake branching decides which), the review list (now and then an answer
changed from it), send, thank-you and the wipe. Every change goes through the real screens'
own handlers and signals, as a tap would.

An answer that raises an urgent red flag brings the urgent screen: staff tap their button,
the PIN pad takes them (the right PIN, as the pad's `unlocked`), and on the staff's urgent
screen they go on with the patient (or, now and then, end the visit, which prints its
summary). A visit that has not reached the welcome loop again after MOST_CHANGES changes, or
that lands on a screen the plan does not know, is counted as stuck and wiped.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from benchmarks.patients import Patient
from kiosk.content.settings import TEXT_SIZES
from kiosk.ui.window import KioskWindow, Place

if TYPE_CHECKING:
    from kiosk.ui.screens.attract import AttractScreen
    from kiosk.ui.screens.question import QuestionScreen
    from kiosk.ui.screens.review import ReviewScreen
    from kiosk.ui.screens.staff_pin import StaffPinScreen
    from kiosk.ui.screens.staff_urgent import StaffUrgentScreen
    from kiosk.ui.screens.urgent import UrgentScreen
    from kiosk.ui.screens.visit_end import ThanksScreen

#: Changes after which a visit that has not ended counts as stuck.
MOST_CHANGES = 250
#: The chance that staff end an urgent visit rather than go on with the patient.
END_CHANCE = 0.2
#: The chance that a patient changes one answer from the review list before sending.
CHANGE_FROM_REVIEW = 0.2
#: Changes the benchmark makes to put a stuck visit right; they are not timed.
RECOVERY = "recovery"

Change = tuple[str, Callable[[], object]]


@dataclass
class Outcomes:
    """How the visits ended, and what happened on the way."""

    thanked: int = 0
    ended_by_staff: int = 0
    stuck: int = 0
    urgent_screens: int = 0
    answers_refused: int = 0
    questions_answered: int = 0
    changes: int = 0
    stuck_where: list[str] = field(default_factory=list)

    def line(self) -> str:
        where = f" (at {', '.join(self.stuck_where[:5])})" if self.stuck_where else ""
        return (f"visits thanked {self.thanked}, ended by staff after a red flag "
                f"{self.ended_by_staff}, not reaching the end {self.stuck}{where}; urgent "
                f"screens {self.urgent_screens}; questions answered {self.questions_answered}; "
                f"answers the kiosk held back {self.answers_refused}; changes {self.changes}")


def visit_changes(window: KioskWindow, patient: Patient, outcomes: Outcomes
                  ) -> Iterator[Change]:
    """The changes of one visit, from the welcome loop back to it (see the module)."""
    rng = patient.rng
    content = window._loaded.content
    languages = content.structure.languages
    sections = [s.id for s in content.structure.sections]
    first, other = rng.sample(sections, 2)
    attract = cast("AttractScreen", window.page("attract"))
    yield "screen", lambda: attract.touched.emit(rng.choice(languages))
    yield text_size(window, rng, "home")
    yield "screen", lambda: window.go(Place("sections"))
    yield text_size(window, rng, "topics")
    yield "screen", lambda: window.go(Place("reader", first))
    yield "screen", lambda: window.go(Place("reader", other))
    if len(languages) > 1:
        yield "language", lambda: window.set_language(
            rng.choice([lang for lang in languages if lang != window.language]))
    yield "screen", lambda: window.go(Place("reader", rng.choice(sections)))
    yield text_size(window, rng, "reader")
    yield "screen", window.go_back
    yield "screen", lambda: window.go(Place("home"))
    yield "screen", window.start_questionnaire
    yield text_size(window, rng, "a question")
    changed_from_review = False
    for _ in range(MOST_CHANGES):
        screen = window.place.screen
        if screen == "attract":
            return
        if screen == "question":
            yield "question", lambda: answer_and_go_on(window, patient, outcomes)
        elif screen == "review":
            review = cast("ReviewScreen", window.page("review"))
            answered = [item.id for item, answer in window.visit.review()
                        if answer is not None] if window.visit is not None else []
            if answered and not changed_from_review and rng.random() < CHANGE_FROM_REVIEW:
                changed_from_review = True
                yield "screen", functools.partial(review.change_requested.emit,
                                                  rng.choice(answered))
            else:
                yield "send", review.send_requested.emit
                outcomes.thanked += window.place.screen == "thanks"
        elif screen == "thanks":
            yield "wipe", cast("ThanksScreen", window.page("thanks")).done.emit
        elif screen == "urgent":
            outcomes.urgent_screens += 1
            yield "staff", cast("UrgentScreen", window.page("urgent")).acknowledged.emit
        elif screen == "staff_pin":
            yield "staff", cast("StaffPinScreen", window.page("staff_pin")).unlocked.emit
        elif screen == "staff_urgent":
            staff = cast("StaffUrgentScreen", window.page("staff_urgent"))
            if rng.random() < END_CHANCE:
                outcomes.ended_by_staff += 1
                yield "wipe", staff.end_requested.emit
            else:
                yield "staff", staff.continue_requested.emit
        else:
            break
    outcomes.stuck += 1
    outcomes.stuck_where.append(window.place.screen)
    yield RECOVERY, window.wipe


def text_size(window: KioskWindow, rng: random.Random, where: str) -> Change:
    """Another text size, chosen on the screen in view (`where` names it in the figures)."""
    return (f"text size ({where})", lambda: window.set_text_size(
        rng.choice([size for size in TEXT_SIZES if size != window.text_size])))


def answer_and_go_on(window: KioskWindow, patient: Patient, outcomes: Outcomes) -> None:
    """A random valid answer to the question on screen, put in through its answer widget as a
    tap does, then Next."""
    question = cast("QuestionScreen", window.page("question"))
    item, widget = question.item, question._answer
    if item is not None and widget is not None:
        value = patient.answer(item)
        widget.set_value(value)
        widget.changed.emit()  # as a tap on the widget does: the session is told at once
        outcomes.questions_answered += 1
    question.go_next()
    if window.place.screen == "question" and question.item is item:
        outcomes.answers_refused += 1  # still here: the screen says why

