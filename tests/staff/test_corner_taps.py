"""The hidden gesture: enough taps, quickly enough, in the right corner; nothing else opens it."""

from __future__ import annotations

from kiosk.content.settings import StaffSettings
from kiosk.ui.staff_gesture import CornerTaps

SCREEN = (1920, 1080)


def taps(counter: CornerTaps, times: list[float], x: int = 1900, y: int = 20) -> list[bool]:
    return [counter.tap(x, y, *SCREEN, seconds) for seconds in times]


def test_five_quick_taps_in_the_top_right_corner_open_it() -> None:
    assert taps(CornerTaps(StaffSettings()), [0, 0.4, 0.8, 1.2, 1.6]) == [False] * 4 + [True]


def test_too_slow_does_not_open_it() -> None:
    assert not any(taps(CornerTaps(StaffSettings()), [0, 1, 2, 3, 3.5]))


def test_a_slow_start_is_forgiven_once_the_last_five_are_quick() -> None:
    assert taps(CornerTaps(StaffSettings()), [0, 5, 5.2, 5.4, 5.6, 5.8])[-1]


def test_the_wrong_corner_or_a_tap_elsewhere_starts_again() -> None:
    counter = CornerTaps(StaffSettings())
    assert not any(taps(counter, [0, 0.2, 0.4, 0.6, 0.8], x=20))
    taps(counter, [1, 1.2, 1.4])
    assert not counter.tap(900, 500, *SCREEN, 1.5)
    assert taps(counter, [1.6, 1.7, 1.8, 1.9]) == [False] * 4


def test_the_clinic_chooses_the_corner_and_the_count() -> None:
    counter = CornerTaps(StaffSettings(corner="bottom-left", taps=3, corner_px=50))
    assert taps(counter, [0, 0.1, 0.2], x=10, y=1070) == [False, False, True]
