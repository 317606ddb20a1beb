"""Screens are ready before the patient asks for them, and a change of language or text size,
made at once only on the screen in view, is on every other screen when the patient opens it."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.intake.session import IntakeSession
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.screens.section_list import SectionListScreen
from kiosk.ui.window import KioskWindow, Place
from tests.conftest import loop_turned
from tests.ui.conftest import find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_contrast import colour_at, palette
from tests.ui.test_questionnaire import (
    CANDIDATE,
    answer_until,
    begin,
    next_question,
    question_screen,
    touch_answer,
)

AHEAD = {"home", "sections", "reader", "question", "idle_warning"}


def test_the_education_screens_and_the_questions_are_built_while_the_welcome_loop_shows(
        qtbot: QtBot, window: KioskWindow) -> None:
    assert window.place.screen == "attract"
    qtbot.waitUntil(lambda: set(window.built_screens()) >= AHEAD)
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert window.visit is None, "no visit is started (or timed) before a patient begins"
    assert "review" not in window.built_screens(), "no visit, no answers to list"


def test_the_questions_made_ahead_keep_the_patients_answers_in_the_visit_they_begin(
        qtbot: QtBot, window: KioskWindow) -> None:
    qtbot.waitUntil(lambda: not window.ahead.busy)
    ready = window.page("question")
    begin(qtbot, window)
    assert window.page("question") is ready, "the screen made ahead is the one opened"
    answer_until(qtbot, window, CANDIDATE, "birth-date")
    session = window.visit
    assert session is not None and session.answers["first-name"] == "Ana"
    assert on_screen_id(window) == "birth-date"
    window.wipe()
    qtbot.waitUntil(lambda: not window.ahead.busy)
    again = window.page("question")
    assert again is not ready and window.visit is None, "the next patient's, empty"
    begin(qtbot, window)
    following = visit_of(window)
    assert following is not None and following is not session and not following.answers
    assert on_screen_id(window) == "first-name"


def visit_of(window: KioskWindow) -> IntakeSession | None:
    return window.visit


def on_screen_id(window: KioskWindow) -> str | None:
    item = question_screen(window).item
    return item.id if item is not None else None


def test_after_a_wipe_they_are_ready_again(qtbot: QtBot, window: KioskWindow) -> None:
    qtbot.waitUntil(lambda: not window.ahead.busy)
    window.go(Place("home"))
    window.start_questionnaire()
    window.wipe()
    assert window.ahead.busy
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert set(window.built_screens()) >= AHEAD
    assert window.visit is None


def test_a_language_chosen_on_home_is_on_the_topics_when_they_open(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    qtbot.waitUntil(lambda: not window.ahead.busy)  # the topics were built in English
    window.go(Place("home"))
    tap(qtbot, find_button(window, "bar_language_es"))
    tap(qtbot, find_button(window, "home_learn"))
    assert window.place.screen == "sections"
    topics = window.page("sections")
    assert isinstance(topics, SectionListScreen)
    shown = visible_text(topics)
    for spanish, english in zip(loaded.content.sections("es"), loaded.content.sections("en"),
                                strict=True):
        assert spanish.words.title in shown
        assert english.words.title not in shown


def test_while_the_patient_reads_the_screens_not_in_view_take_the_new_language_and_size(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    qtbot.waitUntil(lambda: set(window.built_screens()) >= AHEAD and not window.ahead.busy)
    window.go(Place("home"))
    title = window.findChild(QLabel, "sections_title")  # built ahead, not in view
    assert title is not None and not title.isVisible()
    english = title.fontInfo().pixelSize()
    window.set_language("es")
    window.set_text_size("largest")
    assert window.ahead.busy, "the topics are brought up to date at the next pause"
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert window.place.screen == "home" and not title.isVisible()
    assert title.text() == loaded.content.words("es").ui.sections_title
    assert title.fontInfo().pixelSize() > english


def test_the_reader_shows_one_page_in_the_new_size_and_language(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    qtbot.waitUntil(lambda: set(window.built_screens()) >= AHEAD and not window.ahead.busy)
    english, spanish = (loaded.content.sections(code)[1] for code in ("en", "es"))
    window.go(Place("reader", english.id))
    reader = window.page("reader")
    window.set_text_size("largest")
    window.set_language("es")
    pages = [page for page in reader.findChildren(QWidget, "reader_page") if page.isVisible()]
    assert len(pages) == 1, "one page in view, none left behind it"
    shown = visible_text(reader)
    assert spanish.words.body[0].text in shown and english.words.body[0].text not in shown


def test_a_text_size_chosen_on_home_is_on_the_topics_when_they_open(
        qtbot: QtBot, window: KioskWindow) -> None:
    qtbot.waitUntil(lambda: not window.ahead.busy)
    window.go(Place("sections"))
    before = max(label.font().pixelSize() for label in window.page("sections")
                 .findChildren(QLabel) if label.isVisible())
    window.go(Place("home"))
    window.set_text_size("largest")
    window.go(Place("sections"))
    after = max(label.font().pixelSize() for label in window.page("sections")
                .findChildren(QLabel) if label.isVisible())
    assert after > before


def test_the_review_list_is_got_ready_while_the_patient_answers_and_opens_with_every_answer(
        qtbot: QtBot, window: KioskWindow) -> None:
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert "review" not in window.built_screens(), "no visit, no review"
    begin(qtbot, window)
    qtbot.waitUntil(lambda: not window.ahead.busy)  # the patient reads the first question
    assert window.place.screen == "question"
    assert "review" in window.built_screens(), "ready before the patient reaches it"
    ready = window.page("review")
    assert isinstance(ready, ReviewScreen) and ready.rows(), "laid out with what is asked"
    answer_until(qtbot, window, CANDIDATE, "review")
    assert window.page("review") is ready
    answers = {row.item_id: row.answer.text().replace("\u200b", "") for row in ready.rows()}
    assert answers["first-name"] == "Ana" and answers["last-name"] == "Example"
    session = window.visit
    assert session is not None
    assert [item for item, said in answers.items() if said == "Not answered"] == [
        item for item in answers if item not in session.answers], "each answer as it stands"
    window.wipe()
    qtbot.waitUntil(lambda: not window.ahead.busy)
    assert "review" not in window.built_screens() and window.visit is None


def test_the_review_list_is_laid_out_before_it_opens_and_only_painted_then(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "goals-other")  # the last question asked
    qtbot.waitUntil(lambda: not window.ahead.busy)  # the patient reads it
    review = window.page("review")
    assert not review.isVisible()
    before = {widget: widget.geometry() for widget in (review, *review.findChildren(QWidget))
              if widget.isVisibleTo(review)}
    next_question(qtbot, window)
    assert window.place.screen == "review" and review.isVisible()
    moved = [widget.objectName() or type(widget).__name__
             for widget, place in before.items() if widget.geometry() != place]
    assert not moved, "every piece already stood where the list shows it"
    assert "Ana" in visible_text(review)


def made_ahead(window: KioskWindow, item_id: str) -> QWidget | None:
    """The answers of question `item_id`, made but not on screen."""
    loop_turned()
    found = window.findChild(QWidget, f"answer_{item_id}")
    return found if found is not None and not found.isVisible() else None


def test_the_next_question_s_answers_are_made_while_the_patient_reads_and_follow_the_branch(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "last-name")
    window.set_language("es")
    touch_answer(qtbot, window, "Ejemplo")
    qtbot.waitUntil(lambda: not window.ahead.busy)  # the patient reads
    ready = made_ahead(window, "birth-date")
    assert ready is not None, "the date's keypad is made before Next"
    next_question(qtbot, window)
    assert ready.isVisible() and question_screen(window)._answer is ready
    assert "¿Cuál es su fecha de nacimiento?" in visible_text(window)
    window.set_language("en")
    answer_until(qtbot, window, CANDIDATE, "had-mri")
    touch_answer(qtbot, window, "yes")  # the MRI's date is asked only after a yes
    qtbot.waitUntil(lambda: made_ahead(window, "mri-when") is not None)
    touch_answer(qtbot, window, "no")
    qtbot.waitUntil(lambda: made_ahead(window, "treatments-tried") is not None)
    assert made_ahead(window, "mri-when") is None, "the answer changed where Next leads"
    window.set_text_size("largest")  # made for the old size: made again for the new one
    assert made_ahead(window, "treatments-tried") is None
    next_question(qtbot, window)
    shown = question_screen(window).item
    assert shown is not None and shown.id == "treatments-tried"
    assert "Which of these have you tried for your back pain?" in visible_text(window)


def largest_words(window: KioskWindow, screen: str) -> int:
    """The pixel size of the largest words on `screen`, opened as a patient opens it."""
    window.go(Place(screen))
    return max(label.fontInfo().pixelSize() for label in window.page(screen)
               .findChildren(QLabel) if label.isVisible())


def ground(window: KioskWindow) -> str:
    return colour_at(window.grab().toImage(), QPoint(2, 2))


def test_a_patient_s_text_size_and_colours_reach_every_screen_and_the_wipe_takes_both_back(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    qtbot.waitUntil(lambda: not window.ahead.busy)
    resting = {screen: largest_words(window, screen) for screen in ("sections", "home")}
    clinic = ground(window)
    window.set_text_size("largest")
    window.set_contrast("white-on-black")
    dark = palette(loaded, "white-on-black").background
    assert largest_words(window, "home") > resting["home"] and ground(window) == dark
    assert largest_words(window, "sections") > resting["sections"] and ground(window) == dark
    window.set_contrast("clinic")  # the size stays, the colours go back
    assert ground(window) == clinic and largest_words(window, "sections") > resting["sections"]
    window.set_contrast("white-on-black")
    window.wipe()
    for screen in ("sections", "home"):
        assert largest_words(window, screen) == resting[screen], f"{screen} after the wipe"
        assert ground(window) == clinic


def test_the_keyboard_is_in_the_first_frame_and_its_keys_load_just_after(
        qtbot: QtBot) -> None:
    from kiosk.app import Options, start

    _, started = start(Options(windowed=True))
    assert isinstance(started, KioskWindow)
    window = started
    qtbot.addWidget(window)
    board = window.keyboard
    assert board is not None and board.view is not None, "its view is there when first shown"
    assert board.root is None, "its keys (Qt Quick, most of its cost) wait for the first frame"
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: board.root is not None)
    window.go(Place("home"))
    window.start_questionnaire()  # the first question asks for a name: the keys open
    qtbot.waitUntil(lambda: board.active and board.height() > 0)
    window.allow_close()
    window.close()
