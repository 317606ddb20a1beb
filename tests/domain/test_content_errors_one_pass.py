"""One load reports every mistake in every file: a mistake never hides another, in the same
file or in another, and a check that needs a broken part is skipped rather than misreported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content.loader import DEFAULT_THEME, load_all
from kiosk.decoding.errors import ContentInvalid
from tests.domain.editing import edit, line_of

TYPES = "text, yesno, single, multiple, number, scale, duration, date, bodymap, display"


def errors_of(content: Path, settings: Path, theme: Path = DEFAULT_THEME) -> list[str]:
    with pytest.raises(ContentInvalid) as caught:
        load_all(content, settings, theme)
    return [str(error) for error in caught.value.errors]


@pytest.fixture
def theme_copy(tmp_path: Path) -> Path:
    target = tmp_path / "theme.yaml"
    shutil.copy(DEFAULT_THEME, target)
    return target


def make_mistakes_everywhere(content: Path, settings: Path, theme: Path) -> list[str]:
    """An editor's bad afternoon: mistakes in six files, three of them in one file. Returns the
    errors one load must report, in the order the files are read."""
    questionnaire = content / "questionnaire.yaml"
    edit(questionnaire, "- id: pain-duration\n        type: duration",
         "- id: pain-duration\n        type: durration")
    edit(questionnaire, "{question: treatments-tried, op: \"=\", value: physio}",
         "{question: treatment-tried, op: \"=\", value: physio}")
    edit(questionnaire, "value: medicines}", "value: medicine}")
    rules = content / "rules.yaml"
    edit(rules, "value: arthritis}", "value: arthritus}")
    spanish = content / "es" / "questionnaire.yaml"
    text = spanish.read_text(encoding="utf-8")
    short = text.index("      short: ", text.index("  physio-helped:"))
    spanish.write_text(text[:short] + text[text.index("\n", short) + 1:], encoding="utf-8")
    edit(settings, "warning_seconds: 30", "warning_seconds: 5")
    edit(theme, 'text: "#1c2a33"', 'text: "#1c2a3"')
    edit(theme, "largest: 40", "largest: 400")
    return [
        f"{questionnaire}:{line_of(questionnaire, 'type: durration')}: pages[1].items[0].type:"
        f" 'durration' is not one of: {TYPES} (did you mean 'duration'?)",
        f"{questionnaire}:{line_of(questionnaire, 'question: treatment-tried')}:"
        " pages[5].items[1].show_if.question: no question 'treatment-tried'"
        " (did you mean 'treatments-tried'?)",
        f"{questionnaire}:{line_of(questionnaire, 'value: medicine}')}:"
        " pages[5].items[2].show_if.value: 'medicine' is not an option of 'treatments-tried'"
        " (did you mean 'medicines'?)",
        f"{rules}:{line_of(rules, 'value: arthritus')}: inclusion[1].when.any[2].value:"
        " 'arthritus' is not an option of 'diagnoses' (did you mean 'arthritis'?)",
        f"{spanish}:{line_of(spanish, '  physio-helped:', then='    options:')}:"
        " items.physio-helped.options: translation missing for 'short'",
        f"{theme}:{line_of(theme, 'text: ')}: colours.text: '#1c2a3' is not a colour like"
        " '#1f6f8b'",
        f"{theme}:{line_of(theme, 'largest: 400')}: body_px.largest: must be from 14 to 96"
        " pixels (it is 400)",
        f"{settings}:{line_of(settings, 'warning_seconds')}: kiosk.warning_seconds: must be"
        " from 20 to 600 seconds, so a patient has time to answer 'Are you still there?'"
        " (it is 5)",
    ]


def test_every_mistake_in_every_file_is_reported_by_one_load(
        content_copy: Path, settings_copy: Path, theme_copy: Path) -> None:
    expected = make_mistakes_everywhere(content_copy, settings_copy, theme_copy)
    assert errors_of(content_copy, settings_copy, theme_copy) == expected


def test_a_question_of_unknown_type_is_still_a_question_to_the_other_files(
        content_copy: Path, settings_copy: Path) -> None:
    """rules.yaml compares pain-duration with '>' and both languages have its words: none of
    that is reported, since only the type is wrong and it is reported once."""
    questionnaire = content_copy / "questionnaire.yaml"
    edit(questionnaire, "- id: pain-duration\n        type: duration",
         "- id: pain-duration\n        type: months")
    assert errors_of(content_copy, settings_copy) == [
        f"{questionnaire}:{line_of(questionnaire, 'type: months')}: pages[1].items[0].type:"
        f" 'months' is not one of: {TYPES}"]


def test_words_for_an_item_whose_id_cannot_be_read_are_not_called_unknown(
        content_copy: Path, settings_copy: Path) -> None:
    """Both languages have words for pain-now, which lost its id: the words may well be for
    that item, so only the missing id is reported."""
    questionnaire = content_copy / "questionnaire.yaml"
    edit(questionnaire, "- id: pain-now\n        type: scale", "- type: scale")
    assert errors_of(content_copy, settings_copy) == [
        f"{questionnaire}:{line_of(questionnaire, '- type: scale')}: pages[1].items[2].id:"
        " required key is missing"]


def test_a_broken_structure_file_still_lets_each_language_be_checked(
        content_copy: Path, settings_copy: Path) -> None:
    structure = content_copy / "structure.yaml"
    edit(structure, "languages: [en, es]", "languages: en")
    education = content_copy / "es" / "education.yaml"
    edit(education, "  cost:\n", "  cots:\n")
    ui = content_copy / "es" / "ui.yaml"
    edit(ui, "idle_title:", "idle_titel:")
    errors = errors_of(content_copy, settings_copy)
    assert f"{structure}:{line_of(structure, 'languages: en')}: languages: expected a list," \
           " got 'en'" in errors
    assert (f"{education}:{line_of(education, 'cots:')}: sections.cots: no such section in"
            " structure.yaml (did you mean 'cost'?)") in errors
    assert (f"{ui}:{line_of(ui, 'idle_titel:')}: idle_titel: unknown key"
            " (did you mean 'idle_title'?)") in errors


def test_unreadable_settings_never_hide_any_theme_mistake(
        content_copy: Path, settings_copy: Path, theme_copy: Path) -> None:
    settings_copy.write_text("clinic: [name: broken\n", encoding="utf-8")
    edit(theme_copy, 'text: "#1c2a33"', 'text: "#1c2a3"')
    edit(theme_copy, 'muted: "#4a5963"', 'muted: "#c5d0d6"')
    edit(theme_copy, 'urgent: "#b3261e"', "urgent: red")
    edit(theme_copy, "largest: 40", "largest: 30")
    errors = errors_of(content_copy, settings_copy, theme_copy)
    t = theme_copy
    muted = line_of(t, "muted:")
    assert [e for e in errors if e.startswith(f"{t}:")] == [
        f"{t}:{line_of(t, 'text: ')}: colours.text: '#1c2a3' is not a colour like '#1f6f8b'",
        f"{t}:{line_of(t, 'urgent: red')}: colours.urgent: 'red' is not a colour like"
        " '#1f6f8b'",
        f"{t}:{muted}: colours.muted: contrast on background is 1.5:1; at least 4.5:1 is"
        " needed",
        f"{t}:{muted}: colours.muted: contrast on surface is 1.6:1; at least 4.5:1 is needed",
        f"{t}:{muted}: colours.muted: contrast on pressed is 1.2:1; at least 4.5:1 is needed",
        f"{t}:{line_of(t, 'body_px:')}: body_px: the sizes must grow: normal <= large <="
        " largest",
    ]
    assert any(e.startswith(f"{settings_copy}:") and "not valid YAML" in e for e in errors)


def test_settings_are_checked_against_the_languages_even_when_other_content_is_broken(
        content_copy: Path, settings_copy: Path) -> None:
    edit(content_copy / "questionnaire.yaml", "type: scale", "type: slider")
    edit(settings_copy, "language: en", "language: de")
    errors = errors_of(content_copy, settings_copy)
    assert (f"{settings_copy}:{line_of(settings_copy, 'language: de')}: kiosk.language: 'de'"
            " is not one of the content's languages") in errors
    assert len(errors) == 2


def test_a_date_that_does_not_exist_is_a_content_error(
        content_copy: Path, settings_copy: Path) -> None:
    rules = content_copy / "rules.yaml"
    edit(rules, "value: arthritis}", "value: 2025-02-30}")
    questionnaire = content_copy / "questionnaire.yaml"
    edit(questionnaire, "unsure_for_review: 3", "unsure_for_review: 2025-13-01")
    assert errors_of(content_copy, settings_copy) == [
        f"{questionnaire}:{line_of(questionnaire, 'unsure_for_review:')}: unsure_for_review:"
        " '2025-13-01' cannot be read as a date (month must be in 1..12)",
        f"{rules}:{line_of(rules, '2025-02-30')}: inclusion[1].when.any[2].value: '2025-02-30'"
        " cannot be read as a date (day is out of range for month)"]
