"""What a screen reader would say: every control a person can touch or type into has a name in
the language on screen, and an answer says which question it answers and whether it must be
answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.back_office import keep_visits
from kiosk.content.model import Loaded
from kiosk.ui.screens.question import QuestionScreen
from kiosk.ui.window import KioskWindow, Place
from tests.conftest import with_kiosk
from tests.records.test_store import submitted
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.test_screen_sizes import every_question
from tests.ui.test_staff_mode import PIN, corner_taps, type_pin, with_pin


def nameless(window: KioskWindow) -> list[str]:
    """The visible controls of the screen on show (and the bar) that have no name."""
    screen = window.page(window.place.screen)
    roots: list[QWidget] = [screen, *([window.bar] if window.bar.isVisible() else [])]
    controls = [control for root in roots
                for control in [*root.findChildren(QAbstractButton), *root.findChildren(QLineEdit)]
                if control.isVisible()]
    return [control.objectName() or type(control).__name__ for control in controls
            if not control.accessibleName().strip()]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_of_a_patients_visit_has_a_name(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, language: str) -> None:
    window = make_window(loaded)
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, f"bar_language_{language}"))
    seen: dict[str, list[str]] = {}
    for place in (Place("home"), Place("sections"), Place("reader", "risks")):
        window.go(place)
        seen[place.screen] = nameless(window)
    window.start_questionnaire()
    for item_id in every_question(window, loaded):
        seen[item_id] = nameless(window)
    for name in ("review", "urgent", "thanks", "idle_warning"):
        window.go(Place(name))
        seen[name] = nameless(window)
    assert {where: names for where, names in seen.items() if names} == {}


def test_every_staff_control_has_a_name(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    loaded = with_pin(with_kiosk(shipped, animations=False, idle_seconds=600.0))
    window = make_window(loaded)
    keep_visits(window, loaded, tmp_path / "visits.sqlite3")
    assert window.store is not None
    window.store.save_submitted(submitted(shipped, "likely-candidate"))
    corner_taps(qtbot, window, 5)
    assert nameless(window) == [], "PIN pad"
    type_pin(qtbot, window, PIN)
    assert nameless(window) == [], "dashboard"
    visit_id = window.store.visits()[0].visit_id
    tap(qtbot, find_button(window, f"staff_delete_{visit_id}"))
    assert nameless(window) == [], "delete question"
    tap(qtbot, find_button(window, f"staff_delete_{visit_id}_no"))
    tap(qtbot, find_button(window, f"staff_view_{visit_id}"))
    assert nameless(window) == [], "summary"
    tap(qtbot, find_button(window, "staff_summary_back"))
    tap(qtbot, find_button(window, "staff_tools"))
    assert nameless(window) == [], "tools"


def test_an_answer_says_its_question_and_whether_it_needs_an_answer(
        qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "bar_language_es"))
    tap(qtbot, find_button(window, "home_questionnaire"))
    field = window.findChild(QLineEdit, "text_first-name")
    assert field is not None
    assert field.accessibleName() == "¿Cuál es su nombre?"
    assert "Esta pregunta necesita una respuesta." in field.accessibleDescription()
    question = window.page("question")
    assert isinstance(question, QuestionScreen)
    question.open("saddle-numbness")
    no = find_button(window, "choice_saddle-numbness_no")
    assert no.accessibleName() == "No" and no.isCheckable(), "read as a choice, chosen or not"
    assert no.accessibleDescription().startswith("¿Tiene adormecimiento nuevo")
    assert "necesita una respuesta" in no.accessibleDescription()
    question.open("goals-other")
    other = window.findChild(QLineEdit, "text_goals-other")
    assert other is not None and other.accessibleName()
    assert "necesita una respuesta" not in other.accessibleDescription(), "it is optional"
