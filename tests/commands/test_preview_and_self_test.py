"""`preview` renders every screen for review; `self-test` checks an installation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.cli import main
from kiosk.content.loader import Loaded
from kiosk.preview import CHOSEN_KINDS
from kiosk.speech.voices import find_engine
from kiosk.ui.window import KioskWindow

pytestmark = pytest.mark.slow


#: What the preview draws of staff mode (in the clinic's language, at the normal text size).
STAFF_SHOTS = {"staff-pin", "staff-dashboard", "staff-delete", "staff-summary", "staff-tools",
               "staff-urgent", "staff-keep"}


def _keyboard_share(image: QImage) -> float:
    """How much of the lower half is the on-screen keyboard's near-black keys."""
    dark = total = 0
    for y in range(image.height() // 2, image.height(), 8):
        for x in range(0, image.width(), 8):
            colour = image.pixelColor(x, y)
            total += 1
            dark += colour.red() < 40 and colour.green() < 40 and colour.blue() < 50
    return dark / total


def _colours(image: QImage) -> int:
    """Distinct colours in a smoothed thumbnail: a blank image has one or two."""
    small = image.scaled(160, 100, Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    return len({small.pixel(x, y) for x in range(160) for y in range(100)})


@pytest.mark.walk  # every screen rendered: runs beside the rest
@pytest.mark.parametrize("language", ["en", "es"])
def test_preview_writes_one_png_per_screen(
        qapp: QApplication, tmp_path: Path, shipped: Loaded, language: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "preview"
    assert main(["preview", "--out", str(out), "--lang", language, "--size", "1280x800"]) == 0
    names = sorted(p.stem for p in out.glob("*.png"))
    sections = shipped.content.sections(language)
    window = KioskWindow(shipped, kiosk_mode=False)
    patient_screens = {"review", "confirm", "urgent", "thanks"} & set(
        window.questionnaire_screens())
    window.deleteLater()
    expected = {"home", "sections", "idle-warning", "out-of-order", *patient_screens,
                *STAFF_SHOTS}
    items = list(enumerate(shipped.content.questionnaire.items(), start=1))
    expected |= {f"question-{n:02d}-{item.id}" for n, item in items}
    firsts = {kind: next(f"question-{n:02d}-{item.id}" for n, item in items if item.type == kind)
              for kind in CHOSEN_KINDS}
    expected |= {f"{name}-chosen" for name in firsts.values()} | {f"{firsts['yesno']}-focus"}
    expected |= {f"attract-{s.number:02d}-{s.id}" for s in sections}
    expected |= {f"section-{s.number:02d}-{s.id}" for s in sections}
    assert set(names) == expected
    for name in names:
        image = QImage(str(out / f"{name}.png"))
        assert image.width() == 1280 and image.height() >= 800, name
        assert _colours(image) > 20, f"{name} looks blank"
        typed = name in {"question-01-first-name", "question-02-last-name"}
        if typed or name in STAFF_SHOTS:
            assert (_keyboard_share(image) > 0.1) == typed, \
                f"{name}: the keyboard shows only where a patient types"
    assert capsys.readouterr().out.strip().endswith(f"({language}, 1280x800)")


def test_preview_refuses_an_unknown_language(qapp: QApplication, tmp_path: Path) -> None:
    assert main(["preview", "--out", str(tmp_path), "--lang", "fr"]) == 2


def test_self_test_checks_everything_and_says_there_is_no_printer(
        qapp: QApplication, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["self-test", "--data", str(data_dir)]) == 1, "no printer: the install is not ready"
    lines = capsys.readouterr().out.splitlines()
    engine = find_engine()
    heard = engine is not None and engine.sound_problem() is None  # a sound card, or none
    assert [line.split(":")[0] for line in lines] == [
        "ok    settings and content", "ok    data folder", "ok    home screen", "ok    font",
        "FAIL  printers",
        "ok    visit store", "ok    print queue", "ok    speech" if heard else "note  speech",
        "ok    record system", "ok    health", "FAILED"]
    assert lines[3] == "ok    font: the screens draw in 'Noto Sans', the theme's font"
    assert lines[4] == ("FAIL  printers: no printer is set and there is no default printer;"
                        " printers Qt sees: none")
    assert lines[-3] == ("ok    record system: none in the settings (fhir.server): visits are"
                         " printed, not delivered")
    assert lines[-2].startswith(f"ok    health: kiosk {__version__}, content 2 (")
    assert lines[-1].startswith("FAILED: 1 of 10 checks failed")
    assert data_dir.is_dir() and (data_dir.stat().st_mode & 0o777) == 0o700


def test_self_test_fails_on_broken_settings(
        qapp: QApplication, data_dir: Path, settings_copy: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    settings_copy.write_text(settings_copy.read_text(encoding="utf-8").replace(
        "warning_seconds: 30", "warning_seconds: 3"), encoding="utf-8")
    assert main(["self-test", "--data", str(data_dir), "--settings", str(settings_copy)]) == 1
    out = capsys.readouterr().out
    assert "FAIL  settings and content:" in out and "kiosk.warning_seconds" in out
    assert "FAIL  home screen: skipped: content did not load" in out


def test_self_test_names_the_font_the_screens_really_draw_in(
        qapp: QApplication, data_dir: Path, tmp_path: Path) -> None:
    """A family that is only like the theme's ("Noto Sans Mono" for "Noto Sans") is a fail."""
    import io

    from kiosk.app import Options
    from kiosk.content.files import DEFAULT_THEME
    from kiosk.self_test import self_test

    theme = tmp_path / "theme.yaml"
    theme.write_text(DEFAULT_THEME.read_text(encoding="utf-8").replace(
        "font_family: Noto Sans", "font_family: Noto Sans Kiosk Display"), encoding="utf-8")
    out = io.StringIO()
    self_test(Options(theme=theme, data=data_dir), out)
    [line] = [line for line in out.getvalue().splitlines() if line.startswith("FAIL  font")]
    assert line.startswith("FAIL  font: the theme's font 'Noto Sans Kiosk Display' is not"
                           " installed: the screens draw in '")
    assert line.endswith("(Debian: apt-get install fonts-noto-core)")


def test_self_test_json_gives_a_fleet_tool_every_check_and_the_kiosks_health(
        qapp: QApplication, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from kiosk.run_record import RunRecord

    data_dir.mkdir(parents=True)
    RunRecord(data_dir).stopped("SIGTERM received")
    capsys.readouterr()
    assert main(["self-test", "--json", "--data", str(data_dir)]) == 1
    said = json.loads(capsys.readouterr().out)
    assert said["passed"] is False and said["failed"] == 1
    assert [(c["check"], c["verdict"]) for c in said["checks"]][:5] == [
        ("settings and content", "ok"), ("data folder", "ok"), ("home screen", "ok"),
        ("font", "ok"), ("printers", "fail")]
    health = said["health"]
    assert health["kiosk_version"] == __version__
    assert health["last_run"].startswith("last run stopped: SIGTERM received at ")
    assert health["uptime_seconds"] is None, "not running now"
    assert health["free_disk_bytes"] > 0 and health["waiting_to_print"] == 0
    assert health["record_system"] is False
