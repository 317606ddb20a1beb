"""The review list: reached straight from the last question, grouped by part with the answers
in bold, short enough to take in at a glance, each answer one tap from its question, and
Send on the same screen."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QFontInfo, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.back_office import keep_visits
from kiosk.content.model import Loaded
from kiosk.content.wording import answer_words
from kiosk.ui import style
from kiosk.ui.answers import ScaleAnswer
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.screens.review_list import AnswerRow
from kiosk.ui.window import KioskWindow, Place
from tests.conftest import with_kiosk
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.layout_checks import problems
from tests.ui.screen_text import visible_text
from tests.ui.test_questionnaire import CANDIDATE, answer_until, begin, question_screen

#: The candidate's answers as the session keeps them.
VALUES: dict[str, Any] = {
    **{key: tuple(value) if isinstance(value, list) else value
       for key, value in CANDIDATE.items()},
    "birth-date": datetime.date(1970, 1, 1), "pain-duration": 24,
}


def review_of(window: KioskWindow) -> ReviewScreen:
    screen = window.page("review")
    assert isinstance(screen, ReviewScreen)
    return screen


def reviewing(window: KioskWindow, values: dict[str, Any] = VALUES) -> ReviewScreen:
    """Open the review list with `values` answered (the questions themselves are tested in
    test_questionnaire)."""
    window.start_questionnaire()
    session = window.visit
    assert session is not None
    for item in session.questionnaire.items():
        if item.id in values and session.is_visible(item.id):
            session.answer(item.id, values[item.id])
    review = review_of(window)
    review.refresh()
    window.go(Place("review"))
    return review


def shown(label: QLabel) -> str:
    return label.text().replace("\u200b", "")


def reading_order(review: ReviewScreen) -> list[QWidget]:
    """Headings and rows as a patient reads them: down the first column, then the next."""
    pieces: list[QWidget] = [w for w in review.findChildren(QLabel)
                             if w.objectName().startswith("review_part_")]
    pieces += review.rows()

    def place(widget: QWidget) -> tuple[int, int]:
        at = widget.mapTo(review, QPoint(0, 0))
        return at.x(), at.y()

    return sorted((w for w in pieces if w.isVisible()), key=place)


def test_the_last_question_leads_straight_to_the_review_list(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "goals-other")
    screens: list[str] = []
    window.place_changed.connect(screens.append)
    tap(qtbot, find_button(window, "question_next"))
    assert screens == ["review"]
    text = visible_text(window)
    assert "Check your answers" in text
    assert "You have answered all the questions" not in text
    assert "Your answers go to the specialist you will see today." in text
    assert "Send your answers?" not in text


def test_answers_are_grouped_under_their_part_headings_in_order(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    review = reviewing(window)
    words = loaded.content.words("en").questionnaire
    expected: list[str] = []
    for page in loaded.content.questionnaire.pages:
        asked = [item for item in page.items
                 if item.asks and window.visit is not None and window.visit.is_visible(item.id)]
        if asked:
            expected.append(words.pages[page.id].title)
            expected += [words.items[item.id].text for item in asked]
    read = [shown(w) if isinstance(w, QLabel) else shown(w.question)
            for w in reading_order(review) if isinstance(w, (QLabel, AnswerRow))]
    assert read == expected
    assert read[0] == "About you" and "Your goals" in read


def test_each_answer_is_bold_under_its_question(
        qtbot: QtBot, window: KioskWindow, loaded: Loaded) -> None:
    review = reviewing(window)
    session = window.visit
    assert session is not None
    words = loaded.content.words("en")
    rows = {row.item_id: row for row in review.rows()}
    for item, answer in session.review():
        row = rows[item.id]
        assert row.isVisible() and row.answer.isVisible()
        if answer is None:
            continue
        assert shown(row.answer) == answer_words(item, answer, words)
        assert QFontInfo(row.answer.font()).weight() >= QFont.Weight.Bold, item.id
        assert QFontInfo(row.question.font()).weight() < QFont.Weight.Bold, item.id
        assert row.answer.mapTo(row, QPoint(0, 0)).y() > row.question.mapTo(row, QPoint(0, 0)).y()
    assert shown(rows["smoking"].answer) == "I have never smoked"
    assert shown(rows["pain-duration"].answer) == "2 years"
    assert shown(rows["physio-helped"].change) == "Change"


def test_a_required_question_left_blank_stands_out(qtbot: QtBot, window: KioskWindow) -> None:
    review = reviewing(window, {k: v for k, v in VALUES.items() if k != "smoking"})
    rows = {row.item_id: row for row in review.rows()}
    assert shown(rows["smoking"].answer) == "Not answered"
    assert rows["smoking"].answer.property("role") == "warning"
    assert shown(rows["goals-other"].answer) == "Not answered", "optional, left blank"
    assert rows["goals-other"].answer.property("role") != "warning"
    tap(qtbot, find_button(window, "review_send"))
    assert window.place.screen == "question"
    assert question_screen(window).item is not None
    assert question_screen(window).item.id == "smoking"  # type: ignore[union-attr]
    assert "Please answer this question to go on." in visible_text(window)


def test_a_typical_visit_fits_in_about_one_screen(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(loaded, size=(1920, 1080))
    review = reviewing(window)
    scroll = review.findChild(QScrollArea, "review_scroll")
    assert scroll is not None
    page = scroll.widget()
    assert page is not None and len(review.rows()) >= 28

    def about_one_screen() -> None:  # 43 questions, text sized for reading at arm's length
        screens = page.height() / scroll.viewport().height()
        assert screens <= 1.75, f"the review is {screens:.2f} screens tall"

    qtbot.waitUntil(about_one_screen)  # once the list is laid out at the window's width


@pytest.mark.walk  # every size, text size and language: runs beside the rest
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
@pytest.mark.parametrize("text_size", ["normal", "largest"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_review_is_readable_and_touchable_at_every_size(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int],
        text_size: str, language: str) -> None:
    window = make_window(loaded, size=size)
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, f"bar_text_size_{text_size}"))
    tap(qtbot, find_button(window, f"bar_language_{language}"))
    typed = {item.id: "W" * item.max_length for item in loaded.content.questionnaire.items()
             if item.type == "text"}  # as long as each field allows, and without a space
    review = reviewing(window, {**VALUES, **typed})
    scroll = review.findChild(QScrollArea, "review_scroll")
    assert scroll is not None
    touch = style.metrics(loaded.theme, text_size, *size,  # type: ignore[arg-type]
                          loaded.settings.screen).touch

    def readable() -> None:
        found = problems(window, size)
        assert not found, "; ".join(found)
        for row in review.rows():
            assert row.height() >= touch, f"{row.objectName()} is {row.height()} px tall"

    qtbot.waitUntil(readable)  # once the list is laid out at the window's width
    send = find_button(window, "review_send")
    assert send.isVisible() and not send.visibleRegion().isEmpty()
    tap(qtbot, find_button(window, "review_goals-other"))
    assert window.place.screen == "question", "the last row is reached by scrolling"


def test_change_opens_the_question_and_next_comes_back_to_the_list(
        qtbot: QtBot, window: KioskWindow) -> None:
    reviewing(window)
    tap(qtbot, find_button(window, "review_pain-now"))
    assert window.place.screen == "question"
    assert "How bad is your pain right now?" in visible_text(window)
    widget = question_screen(window)._answer
    assert isinstance(widget, ScaleAnswer)
    tap(qtbot, widget.buttons[3])
    tap(qtbot, find_button(window, "question_next"))
    assert window.place.screen == "review"
    rows = {row.item_id: row for row in review_of(window).rows()}
    assert shown(rows["pain-now"].answer) == "3 / 10"


def test_a_one_tap_question_opened_from_the_list_says_the_list_comes_back(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(with_kiosk(loaded, auto_advance_seconds=0.05))
    reviewing(window)
    tap(qtbot, find_button(window, "review_smoking"))
    shown_now = visible_text(window)
    assert "When you touch another answer, your list of answers opens again." in shown_now
    assert "the next question opens by itself" not in shown_now
    tap(qtbot, find_button(window, "choice_smoking_current"))
    qtbot.waitUntil(lambda: window.place.screen == "review")


def test_send_on_the_review_list_sends_once_and_thanks(
        qtbot: QtBot, window: KioskWindow, tmp_path: Path) -> None:
    store = keep_visits(window, window._loaded, tmp_path / "visits.sqlite3")
    sent: list[object] = []
    window.visit_submitted.connect(sent.append)
    reviewing(window)
    send = find_button(window, "review_send")
    assert send.text() == "Send my answers"
    at = QPointF(send.rect().center())
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease) * 2:
        QApplication.postEvent(send, QMouseEvent(kind, at, at, Qt.MouseButton.LeftButton,
                                                 Qt.MouseButton.LeftButton,
                                                 Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: window.place.screen == "thanks")
    QApplication.processEvents()  # the second tap of the double tap
    assert window.place.screen == "thanks"
    assert "Thank you" in visible_text(window)
    assert len(sent) == 1 and len(store.visits()) == 1
    assert window.visit is None


def test_the_review_list_in_spanish(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.page("attract"))
    tap(qtbot, find_button(window, "bar_language_es"))
    review = reviewing(window)
    text = visible_text(window)
    assert "Revise sus respuestas" in text and "Sus datos" in text
    assert "no podrá cambiarlas en esta pantalla" in text
    assert find_button(window, "review_send").text() == "Enviar mis respuestas"
    assert {shown(row.change) for row in review.rows()} == {"Cambiar"}


def test_a_long_word_of_an_answer_wraps_whole(qtbot: QtBot, window: KioskWindow) -> None:
    values = dict(VALUES)
    values["pain-medicines-now"] = ("paracetamol", "anti-inflammatories", "opioids")
    review = reviewing(window, values)
    row = {row.item_id: row for row in review.rows()}["pain-medicines-now"]
    assert "anti-inflammatory;" in row.answer.text(), "no break inside a word of the content"


def test_a_blank_question_answered_from_the_list_stops_standing_out(
        qtbot: QtBot, window: KioskWindow) -> None:
    review = reviewing(window, {k: v for k, v in VALUES.items() if k != "smoking"})
    rows = {row.item_id: row for row in review.rows()}
    warning = rows["smoking"].answer.palette().color(rows["smoking"].answer.foregroundRole())
    answered = rows["pain-now"].answer.palette().color(rows["pain-now"].answer.foregroundRole())
    assert warning != answered
    tap(qtbot, find_button(window, "review_smoking"))
    widget = question_screen(window)._answer
    assert widget is not None
    widget.set_value("never")
    widget.changed.emit()  # as a tap on "I have never smoked" does
    tap(qtbot, find_button(window, "question_next"))
    assert window.place.screen == "review"
    row = {row.item_id: row for row in review_of(window).rows()}["smoking"]
    assert shown(row.answer) == "I have never smoked"
    assert row.answer.property("role") == "answer"
    assert row.answer.palette().color(row.answer.foregroundRole()) == answered
