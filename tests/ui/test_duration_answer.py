"""How long the pain has lasted: typed on the number pad, in months or years, never pre-filled."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content.loader import Loaded
from kiosk.ui.number_answers import DurationAnswer
from tests.ui.conftest import shown_alone, tap
from tests.ui.screen_text import visible_text

DurationFactory = Callable[[str], DurationAnswer]


@pytest.fixture
def make_duration(qtbot: QtBot, loaded: Loaded) -> DurationFactory:
    def make(language: str) -> DurationAnswer:
        widget = DurationAnswer(loaded.content.questionnaire.item("pain-duration"))
        shown_alone(qtbot, widget, loaded.content.words(language), (900, 700))
        return widget

    return make


def type_number(qtbot: QtBot, widget: DurationAnswer, digits: str) -> None:
    for digit in digits:
        tap(qtbot, widget.typed.pad.keys[digit])


def test_a_fresh_duration_has_nothing_chosen_or_typed(make_duration: DurationFactory) -> None:
    widget = make_duration("en")
    assert widget.value() is None
    assert not widget.months.isChecked() and not widget.years.isChecked()
    assert "\u2713" not in visible_text(widget), "no unit is marked as chosen"
    assert widget.typed.box.text() == "\u2013\u2013" and widget.typed.answer_line.text() == ""


def test_one_month_reads_singular_in_both_languages(
        qtbot: QtBot, make_duration: DurationFactory) -> None:
    for language, words in (("en", "1 month"), ("es", "1 mes")):
        widget = make_duration(language)
        type_number(qtbot, widget, "1")
        assert widget.value() is None, "no unit chosen yet"
        tap(qtbot, widget.months)
        assert widget.value() == 1
        assert widget.typed.answer_line.text() == words
        assert widget.months.isChecked() and not widget.years.isChecked()


def test_years_are_kept_as_months_and_read_plural(
        qtbot: QtBot, make_duration: DurationFactory) -> None:
    widget = make_duration("es")
    tap(qtbot, widget.years)
    assert widget.value() is None, "no number typed yet"
    type_number(qtbot, widget, "3")
    assert widget.value() == 36 and widget.typed.answer_line.text() == "3 años"
    tap(qtbot, widget.typed.pad.delete)
    assert widget.value() is None and widget.typed.answer_line.text() == ""


def test_more_than_80_years_cannot_be_typed(qtbot: QtBot, make_duration: DurationFactory) -> None:
    widget = make_duration("en")
    tap(qtbot, widget.years)
    type_number(qtbot, widget, "95")
    assert widget.value() == 9 * 12 and "9 years" in visible_text(widget)


def test_coming_back_shows_the_answer_given(make_duration: DurationFactory) -> None:
    widget = make_duration("en")
    widget.set_value(24)
    assert widget.years.isChecked() and widget.typed.box.text() == "2"
    assert widget.typed.answer_line.text() == "2 years" and widget.value() == 24
    widget.set_value(None)
    assert widget.value() is None and not widget.years.isChecked()
