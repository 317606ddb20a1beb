"""No Python stand-in for a layout's item outlives it: a wrapper of a deleted QWidgetItem would
later answer for whatever object Qt puts at its address (a style, a widget), and the screen in
hand would fail at random. The pain map in both languages and the staff dashboard leave none
behind (a whole visit by touch is checked in test_questionnaire.py), and every nested layout
goes through kiosk.ui.nesting."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.ui.place import Place
from kiosk.ui.screens.question import QuestionScreen
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.layout_wrappers import layout_item_wrappers
from tests.ui.test_questionnaire import begin
from tests.ui.test_staff_mode import PIN, corner_taps, staff_window, type_pin

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def test_the_staff_dashboard_the_pain_map_and_a_language_change_leave_none(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    begin(qtbot, window)
    question = window.page("question")
    assert isinstance(question, QuestionScreen)
    for language in ("es", "en"):
        window.set_language(language)
        question.open("pain-location")
    window.go(Place("home"))
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    tap(qtbot, find_button(window, "staff_close"))
    assert layout_item_wrappers() == []


def test_every_nested_layout_goes_through_nest() -> None:
    """One place for the rule: a plain addLayout would bring the stale stand-ins back."""
    found = [f"{path}:{number}" for path in sorted(KIOSK.rglob("*.py"))
             if path.name != "nesting.py"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if ".addLayout(" in line or ".insertLayout(" in line]
    assert found == []
