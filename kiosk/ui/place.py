"""Where a patient can be in the kiosk, and which screens hold what they entered."""

from __future__ import annotations

from dataclasses import dataclass

#: Screens that hold what a patient entered (or staff saw): destroyed by a wipe, built afresh.
#: The others hold only clinic content and are kept, reset to their start.
PATIENT_SCREENS = frozenset({"question", "review", "urgent", "thanks",
                             "staff_pin", "staff_dashboard", "staff_tools", "staff_summary",
                             "staff_keep", "staff_urgent"})
#: Screens for staff: always at the clinic's own text size ("normal"), whatever the patient
#: chose, so opening one changes no patient's screen.
STAFF_SCREENS = frozenset({"staff_pin", "staff_dashboard", "staff_tools", "staff_summary",
                           "staff_keep", "staff_urgent", "staff_assist"})


@dataclass(frozen=True, slots=True)
class Place:
    """Where the patient is: a screen, and for the reader, which section."""

    screen: str
    section_id: str | None = None
