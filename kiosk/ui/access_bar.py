"""The bar's access controls: "Read aloud" and "Colours", and the speech row under them.

"Read aloud" turns speech on for the rest of the visit; while it is on, a row of its own shows
Pause (or Go on), Repeat, and the volume and speed, each with a minus and a plus and the
level in words ("3 of 5"). "Colours" steps through the contrast modes (the clinic's colours,
black on white, white on black, yellow on black); its name says the one on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.screen_words import UiWords
from kiosk.ui.nesting import discard, nest
from kiosk.ui.parts import button, set_button_text, text

#: Each contrast mode's name in the words of the screen.
CONTRAST_WORDS = {
    "clinic": "contrast_clinic",
    "black-on-white": "contrast_black_on_white",
    "white-on-black": "contrast_white_on_black",
    "yellow-on-black": "contrast_yellow_on_black",
}


def contrast_name(ui: UiWords, mode: str) -> str:
    return str(getattr(ui, CONTRAST_WORDS[mode]))


class SpeechRow(QWidget):
    """Pause or go on, repeat, volume and speed: shown while the kiosk reads aloud."""

    pause_pressed = Signal()
    repeat_pressed = Signal()
    louder = Signal()
    quieter = Signal()
    faster = Signal()
    slower = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("bar_speech")
        self.pause = button("bar_speech_pause")
        self.repeat = button("bar_speech_repeat")
        self.quieter_button = button("bar_speech_quieter")
        self.louder_button = button("bar_speech_louder")
        self.slower_button = button("bar_speech_slower")
        self.faster_button = button("bar_speech_faster")
        self.volume_label = self._label("bar_speech_volume")
        self.volume_level = self._label("bar_speech_volume_level")
        self.speed_label = self._label("bar_speech_speed")
        self.speed_level = self._label("bar_speech_speed_level")
        for control, signal in ((self.pause, self.pause_pressed),
                                (self.repeat, self.repeat_pressed),
                                (self.quieter_button, self.quieter),
                                (self.louder_button, self.louder),
                                (self.slower_button, self.slower),
                                (self.faster_button, self.faster)):
            control.clicked.connect(signal)
        for control in (self.quieter_button, self.slower_button):
            control.setText("\u2212")
        for control in (self.louder_button, self.faster_button):
            control.setText("+")
        self.pause_repeat = side_by_side("bar_speech_actions", [self.pause, self.repeat])
        self.volume = side_by_side("bar_speech_volume_group", [
            self.volume_label, self.quieter_button, self.volume_level, self.louder_button])
        self.speed = side_by_side("bar_speech_speed_group", [
            self.speed_label, self.slower_button, self.speed_level, self.faster_button])
        self._lines = [QHBoxLayout() for _ in range(3)]
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        for line in self._lines:
            line.setSpacing(24)
            nest(outer, line)
        self._shape: tuple[int, ...] = ()
        self.fit(10_000)

    def fit(self, room: int) -> None:
        """Pause and Repeat, the volume, the speed: side by side while they fit in `room`,
        each that does not fit starting a line of its own (never wider than `room`)."""
        groups = (self.pause_repeat, self.volume, self.speed)
        gap = self._lines[0].spacing()
        shape: list[int] = []
        used = 0
        for group in groups:
            width = group.sizeHint().width()
            if shape and used + gap + width > room:
                shape.append(shape[-1] + 1)
                used = width
            else:
                shape.append(shape[-1] if shape else 0)
                used += (gap if used else 0) + width
        if tuple(shape) == self._shape:
            return
        self._shape = tuple(shape)
        for row in self._lines:
            while row.count():
                discard(row.takeAt(0))
        for group, number in zip(groups, shape, strict=True):
            if self._lines[number].count():
                self._lines[number].addStretch(1)
            self._lines[number].addWidget(group)
        for row in self._lines:  # a group alone on its line keeps its own width
            if row.count() == 1:
                row.addStretch(1)

    @staticmethod
    def _label(name: str) -> QLabel:
        label = text("", "muted", name)
        label.setWordWrap(False)
        label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        return label

    def show_state(self, ui: UiWords, paused: bool, volume: tuple[int, int],
                   speed: tuple[int, int]) -> None:
        """The words of the row, and the levels as "3 of 5" (`volume`, `speed`: level, levels)."""
        set_button_text(self.pause, ui.speech_resume if paused else ui.speech_pause)
        set_button_text(self.repeat, ui.speech_repeat)
        self.volume_label.setText(ui.speech_volume)
        self.speed_label.setText(ui.speech_speed)
        for label, (level, levels), name in ((self.volume_level, volume, ui.speech_volume),
                                             (self.speed_level, speed, ui.speech_speed)):
            label.setText(ui.speech_level.format(level=level, levels=levels))
            label.setAccessibleName(f"{name}: {label.text()}")
        for control, words, (level, levels), top in (
                (self.quieter_button, ui.speech_quieter, volume, False),
                (self.louder_button, ui.speech_louder, volume, True),
                (self.slower_button, ui.speech_slower, speed, False),
                (self.faster_button, ui.speech_faster, speed, True)):
            control.setAccessibleName(words)
            control.setToolTip(words)
            control.setEnabled(level < levels if top else level > 1)


def side_by_side(name: str, widgets: list[QWidget]) -> QWidget:
    """Controls side by side, kept together (a group of the bar)."""
    group = QWidget()
    group.setObjectName(name)
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(12)
    for widget in widgets:
        row.addWidget(widget)
    return group


def access_buttons() -> tuple[QPushButton, QPushButton]:
    """The bar's "Read aloud" switch and its "Colours" button."""
    read_aloud = button("bar_read_aloud", "choice")
    read_aloud.setCheckable(True)
    colours = button("bar_contrast")
    return read_aloud, colours
