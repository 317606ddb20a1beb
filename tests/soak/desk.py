"""The front desk around the soak's kiosk: a printer that keeps what it prints, staff who unlock
the kiosk with the corner gesture and the PIN, and a patient who walks away.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextDocument

from kiosk.printing.pages import Paper
from kiosk.ui.window import KioskWindow
from tests.soak.touch import Touch
from tests.ui.conftest import find_button
from tests.ui.screen_text import visible_text
from tests.ui.test_staff_mode import PIN, corner_taps

WRONG_PIN = "1357"


@dataclass(frozen=True, slots=True)
class Printed:
    """One document as it came out of the printer."""

    kind: str      # "summary" or "urgent-slip"
    visit_id: str
    title: str
    text: str


class FakePrinter:
    """Stands where CUPS would: the print queue hands it each document, which it keeps."""

    def __init__(self) -> None:
        self.printed: list[Printed] = []

    def __call__(self, document: QTextDocument, printer_name: str | None,
                 paper: Paper | None = None, job_name: str = "kiosk") -> None:
        kind, visit_id = job_name.split(" ")  # a print job is named by its kind and visit id
        self.printed.append(Printed(
            kind, visit_id, document.metaInformation(QTextDocument.MetaInformation.DocumentTitle),
            document.toPlainText()))


def type_pin(touch: Touch, window: KioskWindow, pin: str) -> None:
    for digit in pin:
        touch.tap(find_button(window, f"staff_pin_{digit}"))
    touch.tap(find_button(window, "staff_pin_ok"))


def unlock(touch: Touch, window: KioskWindow, wrong_first: bool = False) -> None:
    """Staff type the PIN on the pad on screen (a wrong one first, now and then)."""
    assert window.place.screen == "staff_pin"
    if wrong_first:
        type_pin(touch, window, WRONG_PIN)
        assert "Wrong PIN" in visible_text(window.page("staff_pin"))
    type_pin(touch, window, PIN)


def staff_look_in(touch: Touch, window: KioskWindow, walk_off: bool,
                  wrong_first: bool = False) -> None:
    """With no patient at the kiosk: the corner gesture, the PIN, a look at today's visits,
    then Close (or staff walk off and staff mode closes itself)."""
    corner_taps(touch.qtbot, window, 5)
    unlock(touch, window, wrong_first)
    assert window.place.screen == "staff_dashboard"
    assert "Today's visits" in visible_text(window.page("staff_dashboard"))
    if walk_off:
        walk_away(touch, window)
    else:
        touch.tap(find_button(window, "staff_close"))
    assert window.place.screen == "attract"


def walk_away(touch: Touch, window: KioskWindow) -> None:
    """Nobody touches the screen: the idle timer runs out (made a millisecond long, so nobody
    waits for it), then the "Are you still there?" countdown, and the kiosk is wiped. Staff
    mode, left alone, closes itself the same way."""
    quiet = window._loaded.settings.kiosk.idle_seconds
    staff = window.place.screen.startswith("staff_")
    shown: list[str] = []

    def note(screen: str) -> None:
        shown.append(screen)

    window.place_changed.connect(note)
    with touch.qtbot.waitSignal(window.wiped, timeout=10_000):
        window.idle.set_seconds(0.001)
    window.place_changed.disconnect(note)
    window.idle.set_seconds(quiet)
    assert window.place.screen == "attract" and window.visit is None
    assert shown[0] == ("attract" if staff else "idle_warning"), shown
