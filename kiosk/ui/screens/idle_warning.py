"""'Are you still there?': a visible countdown and one big button before the screen is cleared."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout

from kiosk.content.model import LanguageWords
from kiosk.ui.key_stops import Stop
from kiosk.ui.nesting import nest
from kiosk.ui.parts import Screen, button, centred, set_button_text, text


class IdleWarningScreen(Screen):
    """Counts down `seconds`; emits `expired` at zero or `continued` when the patient answers."""

    has_bar = False
    expired = Signal()
    continued = Signal()

    def __init__(self, seconds: float) -> None:
        super().__init__("idle_warning")
        self._total_ms = max(1, round(seconds * 1000))
        self._words: LanguageWords | None = None
        self._clock = QElapsedTimer()
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(self._total_ms)
        self._deadline.timeout.connect(self._expire)
        self._tick = QTimer(self)
        self._tick.setInterval(min(1000, self._total_ms))
        self._tick.timeout.connect(self._show_remaining)

        self._title = text("", "title", "idle_title")
        self._body = text("", "", "idle_body")
        self._countdown = text("", "countdown", "idle_countdown")
        self._continue = button("idle_continue", "big")
        self._continue.clicked.connect(self._answer)
        for label in (self._title, self._body, self._countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 64, 96, 64)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addSpacing(24)
        nest(layout, centred(self._body))
        layout.addSpacing(24)
        layout.addWidget(self._countdown)
        layout.addSpacing(32)
        layout.addWidget(self._continue, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

    def start(self) -> None:
        self._clock.start()
        self._deadline.start()
        self._tick.start()
        self._show_remaining()

    def stop(self) -> None:
        self._deadline.stop()
        self._tick.stop()

    @property
    def running(self) -> bool:
        return self._deadline.isActive()

    def remaining_seconds(self) -> int:
        if not self._clock.isValid():
            return math.ceil(self._total_ms / 1000)
        left = max(0, self._total_ms - self._clock.elapsed())
        return math.ceil(left / 1000)

    def _show_remaining(self) -> None:
        if self._words is not None:
            self._countdown.setText(
                countdown_words(self._words, self.remaining_seconds()))

    def _expire(self) -> None:
        self.stop()
        self.expired.emit()

    def _answer(self) -> None:
        self.stop()
        self.continued.emit()

    def apply_metrics(self, body_px: int) -> None:
        self._body.setMaximumWidth(body_px * 34)

    def key_stops(self) -> list[Stop]:
        return [self._continue]

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        self._title.setText(words.ui.idle_title)
        self._body.setText(words.ui.idle_body)
        set_button_text(self._continue, words.ui.idle_continue)
        self._show_remaining()


def countdown_words(words: LanguageWords, seconds: int) -> str:
    """"Clearing in 12 seconds", and in its last second "Clearing in 1 second"."""
    ui = words.ui
    return ui.idle_countdown_one if seconds == 1 else ui.idle_countdown.format(seconds=seconds)
