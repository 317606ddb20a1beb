"""A clinic holding a licence for a scored instrument adds it as content, following README
"Adding a licensed instrument": `check-content` accepts it, the kiosk asks and scores it once
the settings turn it on, and a mistake in it is reported with its file, line and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.loader import DEFAULT_THEME, load_all
from kiosk.content.simulate import score_line
from kiosk.intake.scoring import scores
from kiosk.intake.session import IntakeSession
from tests.domain.editing import edit, line_of
from tests.domain.instrument_content import add_instrument, clinic_copy, turn_on

INSTRUMENT = "Example licensed instrument (invented, 4 items), Task limitation index"


def check(capsys: pytest.CaptureFixture[str], content: Path, settings: Path) -> list[str]:
    main(["check-content", "--settings", str(settings), str(content)])
    return capsys.readouterr().out.splitlines()


def test_an_added_instrument_passes_check_content_and_is_asked_and_scored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, settings = clinic_copy(tmp_path)
    add_instrument(content)
    turn_on(settings, "daily-tasks-index")
    assert check(capsys, content, settings) == [
        "content OK: 13 sections, 47 questions, 2 languages (en, es)"]
    loaded = load_all(content, settings, DEFAULT_THEME)
    session = IntakeSession(loaded.content.questionnaire, loaded.content.rules)
    for item_id, value in {"daily-tasks-stairs": "a-little", "daily-tasks-shopping": "some",
                           "daily-tasks-garden": "a-lot"}.items():
        session.answer(item_id, value)
    found = {s.instrument: s for s in scores(loaded.content.questionnaire, session.answers)}
    # percent of the most the 3 answered questions could give: (1 + 2 + 3) / 12 = 50 %
    assert score_line(found["daily-tasks-index"], loaded.content.words("en")) == (
        f"{INSTRUMENT}: 50 (0-100), Marked limitation; answered 3 of 4")
    spanish = loaded.content.words("es").questionnaire
    assert spanish.items["daily-tasks-notice"].help == (
        "© Example Rights Holder. Used under licence TEST-0001.")


def test_until_the_settings_turn_it_on_it_is_not_asked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, settings = clinic_copy(tmp_path)
    add_instrument(content)
    assert check(capsys, content, settings) == [
        "content OK: 13 sections, 43 questions, 2 languages (en, es)"]


def test_a_misspelt_option_value_is_reported_with_the_option_it_meant(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, settings = clinic_copy(tmp_path)
    add_instrument(content)
    questionnaire = content / "questionnaire.yaml"
    edit(questionnaire, "cannot: 4", "canot: 4")
    values = line_of(questionnaire, "id: daily-tasks-index", "values:")
    misspelt = line_of(questionnaire, "canot: 4")
    assert check(capsys, content, settings) == [
        f"{questionnaire}:{misspelt}: scoring[3].values.canot: no question of the instrument"
        " has the option 'canot' (did you mean 'cannot'?)",
        *[f"{questionnaire}:{values}: scoring[3].values: option 'cannot' of"
          f" 'daily-tasks-{task}' has no value; give it one under values (or"
          f" item_values.daily-tasks-{task})" for task in ("stairs", "shopping", "garden",
                                                           "driving")],
        "5 error(s) found"]


def test_bands_leaving_a_value_unlabelled_are_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, settings = clinic_copy(tmp_path)
    add_instrument(content)
    questionnaire = content / "questionnaire.yaml"
    edit(questionnaire, "min: 21", "min: 25")
    bands = line_of(questionnaire, "id: daily-tasks-index", "bands:")
    assert check(capsys, content, settings) == [
        f"{questionnaire}:{bands}: scoring[3].scores[0].bands: no band for 21 to 24",
        "1 error(s) found"]
