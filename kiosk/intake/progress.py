"""How far a patient has come through the questionnaire, told by its parts.

"Question 20 of about 28" turning into "21 of about 31" when an answer opens more questions
reads as going backwards. Progress is told instead by part ("Part 5 of 8: What doctors have
told you"), which branching never changes, and the bar shows the share of the questionnaire
behind the patient: each part an equal share, filled in as its questions are answered. The
session keeps the furthest share reached, so the bar never shrinks during a visit.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.intake.questionnaire import Item, Questionnaire


@dataclass(frozen=True, slots=True)
class PartProgress:
    """The current question's part (1-based) of all parts, and the share done (0 to 1)."""

    number: int
    total: int
    page_id: str
    done: float


def part_progress(questionnaire: Questionnaire, visible: list[Item],
                  current: str | None) -> PartProgress:
    """Where `current` stands: its part, and the share of the questionnaire before it (the
    parts before its own, and the questions before it within its part)."""
    pages = questionnaire.pages
    if current is None:
        return PartProgress(len(pages), len(pages), pages[-1].id, 1.0)
    page = questionnaire.page_of(current)
    index = pages.index(page)
    in_page = {item.id for item in page.items}
    shown = [item.id for item in visible if item.asks and item.id in in_page]
    within = shown.index(current) / len(shown) if current in shown else 0.0
    return PartProgress(index + 1, len(pages), page.id, (index + within) / len(pages))
