"""`preview --theme` draws every screen in a contrast mode, or in each of them, for review."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from kiosk.cli import main
from kiosk.content.contrast_modes import CONTRAST_MODES
from kiosk.content.loader import Loaded

# Every screen in every colour mode: a walk, run beside the rest with the soak.
pytestmark = [pytest.mark.slow, pytest.mark.walk]


def colours_in(image: QImage) -> set[str]:
    return {QColor(image.pixel(x, y)).name()
            for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}


def count(image: QImage, colour: str) -> int:
    """How many pixels of `image` are `colour`."""
    pixels = array("I", bytes(image.convertToFormat(QImage.Format.Format_RGB32).constBits()))
    return pixels.count(QColor(colour).rgb() & 0xFFFFFFFF)


def test_all_draws_the_same_screens_in_each_mode_in_its_own_colours(
        qapp: QApplication, tmp_path: Path, shipped: Loaded,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "preview"
    assert main(["preview", "--out", str(out), "--lang", "es", "--size", "1280x800",
                 "--theme", "all"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(CONTRAST_MODES)
    drawn = {mode: sorted(p.stem for p in (out / mode).glob("*.png")) for mode in CONTRAST_MODES}
    screens = drawn["clinic"]
    assert all(names == screens for names in drawn.values())
    assert {"home", "review", "urgent", "idle-warning", "out-of-order",
            "question-03-birth-date"} <= set(screens)
    chosen = [name for name in screens if name.endswith("-chosen")]
    focus = [name for name in screens if name.endswith("-focus")]
    assert len(chosen) == 4, "a yes/no, a pick-one, a pick-any and a 0-10 answer, chosen"
    assert len(focus) == 1 and focus[0].replace("-focus", "-chosen") in chosen
    for mode in CONTRAST_MODES:
        colours = shipped.theme.palette(mode, shipped.settings.clinic.accent_color)
        home = QImage(str(out / mode / "home.png"))
        assert QColor(home.pixel(2, 2)).name() == colours.background, mode
        ringed = QImage(str(out / mode / f"{focus[0]}.png"))
        plain = QImage(str(out / mode / f"{focus[0].replace('-focus', '-chosen')}.png"))
        assert colours.chosen in colours_in(ringed), mode
        assert count(ringed, colours.focus) > count(plain, colours.focus) + 400, \
            f"{mode}: the keyboard's focus ring shows around the chosen answer"
        broken = QImage(str(out / mode / "out-of-order.png"))
        assert QColor(broken.pixel(2, 2)).name() == colours.background, mode
    assert capsys.readouterr().out.strip().endswith("(es, 1280x800, yellow-on-black)")


def test_an_unknown_mode_is_refused_with_the_modes_named(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["preview", "--out", str(tmp_path), "--theme", "pink-on-green"])
    assert refused.value.code == 2
    assert "black-on-white" in capsys.readouterr().err
