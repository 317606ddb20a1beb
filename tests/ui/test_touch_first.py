"""Answering by touch as a patient in pain would: answers that stay where the finger expects
them, one tap for a one-tap answer, marks that say "pick one" or "pick any", and progress that
only grows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.intake.questionnaire import Item
from kiosk.ui.answers import ChoiceAnswer, ScaleAnswer
from kiosk.ui.number_answers import DurationAnswer
from kiosk.ui.progress_line import ProgressLine
from kiosk.ui.text_answer import TextAnswer
from kiosk.ui.window import KioskWindow
from tests.conftest import with_kiosk
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_questionnaire import CANDIDATE, begin, question_screen, touch_answer

#: A pause short enough for tests (the clinic's default is 0.8 s).
PAUSE = 0.05


def choices(window: KioskWindow) -> ChoiceAnswer:
    widget = question_screen(window)._answer
    assert isinstance(widget, ChoiceAnswer), "a choice question is on screen"
    return widget


def at(window: KioskWindow, widget: object) -> QPoint:
    from PySide6.QtWidgets import QWidget
    assert isinstance(widget, QWidget)
    return widget.mapTo(window, widget.rect().topLeft())


def laid_out() -> None:
    """Lay out what is waiting to be laid out, as happens before the screen is painted."""
    for _ in range(4):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def moved_on(window: KioskWindow, asked: Item) -> bool:
    return window.place.screen != "question" or question_screen(window).item is not asked


def yes_no_items(loaded: Loaded) -> list[str]:
    return [item.id for item in loaded.content.questionnaire.items() if item.type == "yesno"]


@pytest.mark.parametrize(("size", "text_size", "language"), [
    ((1280, 800), "normal", "en"), ((1920, 1080), "large", "es"),
    ((1080, 1920), "largest", "en"), ((1280, 800), "largest", "es")])
def test_yes_no_and_not_sure_stand_in_the_same_places_on_every_yes_no_question(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int],
        text_size: str, language: str) -> None:
    window = make_window(with_kiosk(loaded, text_size=text_size), size=size)
    begin(qtbot, window)
    tap(qtbot, find_button(window, f"bar_language_{language}"))
    screen = question_screen(window)
    places: dict[str, set[tuple[int, int]]] = {"yes": set(), "no": set(), "unsure": set()}
    where: dict[tuple[str, int], str] = {}
    for item_id in yes_no_items(loaded):
        if window.visit is not None and not window.visit.is_visible(item_id):
            continue
        screen.open(item_id)

        laid_out()
        widget = choices(window)
        assert list(widget.buttons)[:3] == ["yes", "no", "unsure"], "always in this order"
        for choice, spots in places.items():
            point = at(window, widget.buttons[choice])
            spots.add((point.x(), point.y()))
            where[(choice, point.y())] = item_id
    for choice, spots in places.items():
        assert len(spots) == 1, f"{choice!r} moves between questions: " + ", ".join(
            f"{where[(choice, y)]} at {y}" for _, y in sorted(spots))


def test_a_one_tap_answer_shows_the_choice_then_moves_on_and_back_returns_to_it(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(with_kiosk(loaded, auto_advance_seconds=60.0))
    begin(qtbot, window)
    screen = question_screen(window)
    screen.open("bladder-problems")  # after a yes/no question: its answers in the same places
    tap(qtbot, choices(window).buttons["no"])
    assert screen.item is not None and screen.item.id == "bladder-problems", \
        "the choice is shown before the next question opens"
    assert choices(window).buttons["no"].isChecked() and screen.advancing
    with qtbot.waitSignal(screen.pause.timeout):
        screen.pause.start(1)  # the pause comes to its end
    assert screen.item is not None and screen.item.id == "bowel-control"
    assert "Do you have new trouble controlling your bowels" in visible_text(window)
    tap(qtbot, find_button(window, "bar_back"))
    assert screen.item is not None and screen.item.id == "bladder-problems"
    assert choices(window).buttons["no"].isChecked(), "Back shows the answer given"


def test_a_new_tap_during_the_pause_counts_and_next_never_skips_a_question(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(with_kiosk(loaded, auto_advance_seconds=60.0))
    begin(qtbot, window)
    screen = question_screen(window)
    screen.open("bladder-problems")
    tap(qtbot, choices(window).buttons["yes"])
    tap(qtbot, choices(window).buttons["no"])  # changed their mind
    assert screen.advancing
    tap(qtbot, find_button(window, "question_next"))  # did not wait for the pause
    assert screen.item is not None and screen.item.id == "bowel-control"
    assert not question_screen(window).advancing, "Next ended the pause: it skips nothing"
    assert window.visit is not None and window.visit.answers["bladder-problems"] == "no"


def test_choices_of_many_and_typed_answers_keep_next(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(with_kiosk(loaded, auto_advance_seconds=PAUSE))
    begin(qtbot, window)
    screen = question_screen(window)
    screen.open("treatments-tried")
    tap(qtbot, choices(window).buttons["physio"])
    assert not screen.advancing, "several may be picked: the patient says when with Next"
    assert screen.item is not None and screen.item.id == "treatments-tried"
    tap(qtbot, find_button(window, "question_next"))
    assert screen.item is not None and screen.item.id == "physio-helped"


def test_each_one_tap_question_says_that_answers_move_on_before_a_touch(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(with_kiosk(loaded, auto_advance_seconds=PAUSE))
    begin(qtbot, window)
    tap(qtbot, find_button(window, "bar_language_es"))
    note = "Al tocar una respuesta, la siguiente pregunta se abre sola"
    assert note not in visible_text(window), "typing a name moves on with Next or Return"
    question_screen(window).open("pain-location")
    assert note not in visible_text(window), "several may be picked: Next moves on"
    question_screen(window).open("pain-now")
    assert note in visible_text(window), "told before the first one-tap answer"
    question_screen(window).open("bladder-problems")
    assert note in visible_text(window)
    question_screen(window).open("saddle-numbness")
    assert note not in visible_text(window), "after the pain scale it waits for Next"
    assert "Aquí las respuestas son distintas. Toque una y después toque Siguiente." in (
        visible_text(window))


@pytest.mark.parametrize(("size", "text_size"), [
    ((1280, 800), "normal"), ((1920, 1080), "large"), ((1080, 1920), "normal")])
def test_a_tap_in_the_rhythm_of_the_yes_no_questions_does_not_answer_the_next_kind(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded, size: tuple[int, int],
        text_size: str) -> None:
    """A patient who has touched "No" question after question touches the same place on "Do
    you smoke?": the answer there is only shown chosen, the screen says its answers are
    different and waits for Next, so the patient sees it and can change it."""
    window = make_window(with_kiosk(loaded, auto_advance_seconds=60.0, text_size=text_size),
                         size=size)
    begin(qtbot, window)
    screen = question_screen(window)
    screen.open("medicine-allergies")
    laid_out()
    no = choices(window).buttons["no"]
    where_no_was = at(window, no) + QPoint(no.width() // 2, no.height() // 2)
    tap(qtbot, no)
    with qtbot.waitSignal(screen.pause.timeout):
        screen.pause.start(1)
    assert screen.item is not None and screen.item.id == "smoking"
    assert "The answers are different here. Touch one, then touch Next." in visible_text(window)
    assert "the next question opens by itself" not in visible_text(window)
    laid_out()
    under = [button for button in choices(window).buttons.values()
             if button.rect().contains(button.mapFrom(window, where_no_was))]
    assert len(under) == 1, "an answer to smoking stands where No was"
    tap(qtbot, under[0])
    assert screen.item.id == "smoking" and not screen.advancing, "the touch only chose"
    assert under[0].isChecked()
    tap(qtbot, choices(window).buttons["never"])  # seen, and put right
    assert not screen.advancing
    tap(qtbot, find_button(window, "question_next"))
    assert moved_on(window, loaded.content.questionnaire.item("smoking"))
    assert window.visit is not None and window.visit.answers["smoking"] == "never"


def test_without_the_setting_every_question_waits_for_next(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(with_kiosk(loaded, auto_advance_seconds=0.0))
    begin(qtbot, window)
    screen = question_screen(window)
    screen.open("saddle-numbness")
    tap(qtbot, choices(window).buttons["no"])
    assert not screen.advancing
    assert "opens by itself" not in visible_text(window)


def test_pick_one_looks_like_a_radio_choice_and_pick_any_like_check_boxes(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    screen = question_screen(window)
    screen.open("treatments-tried")
    many = choices(window)
    assert {b.mark.shape for b in many.buttons.values()} == {"box"}
    picked, left = many.buttons["surgery"], many.buttons["medicines"]
    tap(qtbot, picked)
    assert picked.words.text() == "Back surgery", "the mark is not glued to the words"
    assert picked.mark.chosen and not left.mark.chosen
    assert picked.words.font().weight() >= QFont.Weight.Bold > left.words.font().weight()
    inside = QPoint(picked.width() - 8, picked.height() // 2)
    filled = picked.grab().toImage().pixelColor(inside).lightness()
    empty = left.grab().toImage().pixelColor(inside).lightness()
    assert filled < empty - 100, "the chosen answer is filled, not only coloured"
    screen.open("saddle-numbness")
    assert {b.mark.shape for b in choices(window).buttons.values()} == {"radio"}


def test_a_chosen_number_is_filled_and_bold_with_its_mark_away_from_the_digit(
        qtbot: QtBot, window: KioskWindow) -> None:
    begin(qtbot, window)
    question_screen(window).open("pain-now")
    scale = question_screen(window)._answer
    assert isinstance(scale, ScaleAnswer)
    tap(qtbot, scale.buttons[7])
    assert scale.buttons[7].text() == "7", "no tick beside the digit (it would read like √7)"
    assert scale.buttons[7].isChecked() and not scale.buttons[6].isChecked()
    assert scale.buttons[7].font().weight() > scale.buttons[6].font().weight()


def test_progress_names_the_part_and_never_shrinks_when_answers_open_more_questions(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    window = make_window(with_kiosk(loaded, auto_advance_seconds=0.0))
    begin(qtbot, window)
    screen = question_screen(window)
    bar = screen.findChild(ProgressLine, "question_progress_bar")
    assert bar is not None
    screen.open("diagnoses")
    assert "Part 5 of 8: What doctors have told you" in visible_text(window)
    tap(qtbot, choices(window).buttons["ddd"])
    tap(qtbot, find_button(window, "question_next"))
    tap(qtbot, choices(window).buttons["no"])  # no MRI: the scan's date is not asked
    tap(qtbot, find_button(window, "question_next"))
    seen = [bar.value()]
    tap(qtbot, choices(window).buttons["physio"])
    for more in ("medicines", "injections", "surgery"):  # each opens one more question
        tap(qtbot, choices(window).buttons[more])
        seen.append(bar.value())
    tap(qtbot, find_button(window, "question_next"))
    seen.append(bar.value())
    assert "Part 6 of 8" in visible_text(window)
    assert seen == sorted(seen), f"the bar went backwards: {seen}"
    tap(qtbot, find_button(window, "bar_back"))
    assert bar.value() == seen[-1], "going back does not take progress away"


def test_a_likely_candidate_needs_one_tap_per_question_then_send(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    """Counted as a patient touches: a one-tap question takes its answer and nothing more
    (but where its answers differ from the one-tap question's before it: then it waits for
    Next); any other takes what is typed or picked, then one tap to go on; the review one tap
    to send. No screen in between asks for more."""
    window = make_window(with_kiosk(loaded, auto_advance_seconds=PAUSE))
    begin(qtbot, window)
    screen = question_screen(window)
    go_on_taps, questions, others = 0, 0, 0
    while window.place.screen == "question":
        item, widget = screen.item, screen._answer
        assert item is not None and widget is not None
        assert item.asks, f"{item.id} asks nothing, yet costs the patient a tap"
        questions += 1
        plan = CANDIDATE.get(item.id)
        if isinstance(widget, DurationAnswer):  # the number, then its unit
            tap(qtbot, widget.typed.pad.keys["2"])
            tap(qtbot, widget.years)
        elif isinstance(widget, TextAnswer):
            widget.field.setFocus()
            qtbot.keyClicks(widget.field, str(plan or ""))
        elif plan is not None:
            touch_answer(qtbot, window, plan)
        if moved_on(window, item):
            continue  # the pause was over before the tap was done
        if screen.advancing:
            with qtbot.waitSignal(screen.pause.timeout):
                pass
            assert moved_on(window, item)
            continue
        others += 1
        if isinstance(widget, TextAnswer):
            qtbot.keyClick(widget.field, Qt.Key.Key_Return)  # the keyboard's Return
        else:
            tap(qtbot, find_button(window, "question_next"))
        go_on_taps += 1
    assert window.place.screen == "review", "the last answer leads straight to the review"
    tap(qtbot, find_button(window, "review_send"))
    assert window.place.screen == "thanks", "Send sends: no screen asks again"
    one_tap = questions - others
    assert one_tap >= 20, f"most questions are answered by one tap ({one_tap} of {questions})"
    assert go_on_taps == others, "one tap to go on, only where there is more than one answer"


def test_a_yes_no_question_with_one_more_answer_at_its_end_still_moves_on_by_itself(
        qtbot: QtBot, make_window: WindowFactory, loaded: Loaded) -> None:
    """"I prefer not to say" comes after "I'm not sure": Yes, No and Not sure stand where
    they stood, so one tap still answers and moves on, there and on the question after."""
    window = make_window(with_kiosk(loaded, auto_advance_seconds=60.0))
    begin(qtbot, window)
    screen = question_screen(window)
    screen.open("injected-drugs")
    assert "prefer-not" in choices(window).buttons
    tap(qtbot, choices(window).buttons["no"])
    assert screen.advancing
    tap(qtbot, find_button(window, "question_next"))
    assert screen.item is not None and screen.item.id == "new-or-changed-pain"
    assert "prefer-not" not in choices(window).buttons
    tap(qtbot, choices(window).buttons["no"])
    assert screen.advancing
