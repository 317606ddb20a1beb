"""The clinic's read-aloud settings: what each visit starts at, and a mistake in them named with
its file and line like any other setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import DEFAULT_SETTINGS, load_all
from kiosk.content.settings import SpeechSettings
from kiosk.decoding.errors import ContentInvalid
from tests.domain.editing import edit, line_of


def test_as_shipped_read_aloud_can_be_turned_on_and_starts_in_the_middle() -> None:
    text = DEFAULT_SETTINGS.read_text(encoding="utf-8")
    assert "\nspeech:" in text, "the shipped settings show the clinic its speech settings"
    settings = load_all().settings
    assert settings.speech == SpeechSettings(enabled=True, volume=3, rate=3)


def test_a_clinic_can_turn_read_aloud_off_and_choose_its_levels(
        content_copy: Path, settings_copy: Path) -> None:
    edit(settings_copy, "  enabled: true", "  enabled: false")
    edit(settings_copy, "  volume: 3", "  volume: 4")
    edit(settings_copy, "  rate: 3", "  rate: 2")
    speech = load_all(content_copy, settings_copy).settings.speech
    assert speech == SpeechSettings(enabled=False, volume=4, rate=2)


def test_mistakes_in_the_speech_settings_name_file_and_line(
        content_copy: Path, settings_copy: Path) -> None:
    edit(settings_copy, "  volume: 3", "  volume: 7")
    edit(settings_copy, "  rate: 3", "  rates: 3")
    edit(settings_copy, "  enabled: true", "  enabled: sometimes")
    with pytest.raises(ContentInvalid) as caught:
        load_all(content_copy, settings_copy)
    s = settings_copy
    assert [str(e) for e in caught.value.errors] == [
        f"{s}:{line_of(s, 'enabled: sometimes')}: speech.enabled: expected true or false,"
        " got 'sometimes'",
        f"{s}:{line_of(s, 'volume: 7')}: speech.volume: 7 is not one of: 1, 2, 3, 4, 5",
        f"{s}:{line_of(s, 'rates: 3')}: speech.rates: unknown key (did you mean 'rate'?)"]
