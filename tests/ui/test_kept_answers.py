"""A patient who leaves the questions for home sees their answers are kept, can go on with
them, or delete them before walking away (asked once more), so the next person cannot open
them; a visit a red flag saved is the staff's, and offers no delete."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.ui.place import Place
from kiosk.ui.text_answer import TextAnswer
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_questionnaire import begin, question_screen

NOTE = "If you are leaving now, you can delete what you have entered."


def type_first_name(qtbot: QtBot, window: KioskWindow, name: str) -> None:
    field = question_screen(window)._answer
    assert isinstance(field, TextAnswer)
    field.field.setFocus()
    qtbot.keyClicks(field.field, name)


def test_home_during_the_questions_offers_to_go_on_with_the_answers_or_delete_them(
        qtbot: QtBot, window: KioskWindow) -> None:
    assert "Delete my answers" not in visible_text(window)
    begin(qtbot, window)
    type_first_name(qtbot, window, "Wren")
    tap(qtbot, find_button(window, "bar_home"))
    shown = visible_text(window)
    assert "Go on with my answers" in shown and "Your answers so far are still here" in shown
    assert "See if it may be right for me" not in shown
    assert NOTE in shown and "Delete my answers" in shown
    tap(qtbot, find_button(window, "home_questionnaire"))
    assert window.place.screen == "question"
    assert "What is your first name?" in visible_text(window)
    field = question_screen(window)._answer
    assert isinstance(field, TextAnswer) and field.field.text() == "Wren"


def test_deleting_asks_once_more_then_forgets_everything_the_patient_entered(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    tap(qtbot, find_button(window, "bar_language_es"))
    type_first_name(qtbot, window, "Wren")
    tap(qtbot, find_button(window, "bar_home"))
    tap(qtbot, find_button(window, "home_kept_delete"))
    shown = visible_text(window)
    assert "¿Borrar ahora todas sus respuestas?" in shown
    assert "Sí, borrarlas" in shown and "No, guardarlas" in shown
    assert "Borrar mis respuestas" not in shown
    tap(qtbot, find_button(window, "home_kept_no"))  # a stray touch loses nothing
    assert "Si ya se va, puede borrar lo que escribió." in visible_text(window)
    kept = window.visit
    assert kept is not None and kept.answers["first-name"] == "Wren"

    tap(qtbot, find_button(window, "home_kept_delete"))
    tap(qtbot, find_button(window, "home_kept_yes"))
    assert window.place.screen == "attract", "the kiosk is ready for the next person"
    assert window.visit is None
    tap(qtbot, window.page("attract"))
    shown = visible_text(window)
    assert "See if it may be right for me" in shown, "English again, nothing kept"
    assert "Delete my answers" not in shown and NOTE not in shown
    tap(qtbot, find_button(window, "home_questionnaire"))
    field = question_screen(window)._answer
    assert isinstance(field, TextAnswer) and field.field.text() == ""


def test_a_visit_a_red_flag_saved_can_be_gone_on_with_but_not_deleted_from_home(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    type_first_name(qtbot, window, "Wren")
    visit = window.visit
    assert visit is not None
    visit.answer("saddle-numbness", "yes")
    assert visit.fire_flags(), "saddle numbness is an urgent flag"
    window.go(Place("home"))
    shown = visible_text(window)
    assert "Go on with my answers" in shown
    assert "Delete my answers" not in shown and NOTE not in shown
