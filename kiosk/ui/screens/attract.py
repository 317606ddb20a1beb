"""The attract loop: highlights of the education content rotate until someone touches the screen.

Frames alternate languages (each highlight in English, then in Spanish, …), so every passer-by
sees that the kiosk speaks their language; a touch, or any key, starts in the language on
screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout

from kiosk.content.model import Content, LanguageWords
from kiosk.ui.key_stops import Stop
from kiosk.ui.parts import Screen, text
from kiosk.ui.picture import Picture


class AttractScreen(Screen):
    """Rotating highlights and an invitation to touch; any touch emits `touched(language)`."""

    has_bar = False
    touched = Signal(str)

    def __init__(self, content: Content, seconds: float, clinic_name: str) -> None:
        super().__init__("attract")
        self._content = content
        self._frame = 0
        self._languages = content.structure.languages
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(seconds * 1000)))
        self._timer.timeout.connect(self.next_frame)

        self._clinic = text(clinic_name, "subtitle", "attract_clinic")
        self._title = text("", "attract-title", "attract_title")
        self._picture = Picture(content.illustration_path(content.structure.sections[0].icon))
        self._picture.setObjectName("attract_picture")
        self._highlight = text("", "attract-highlight", "attract_highlight")
        self._touch = text("", "attract-touch", "attract_touch")
        for label in (self._clinic, self._title, self._highlight, self._touch):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.addWidget(self._clinic)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addSpacing(24)
        layout.addWidget(self._picture, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addSpacing(24)
        layout.addWidget(self._highlight)
        layout.addStretch(2)
        layout.addWidget(self._touch)
        # The picture gives up its height (all of it, if need be) when a long highlight on a
        # small screen needs it.
        self._picture.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.apply_metrics(26)
        self.show_frame(0)

    @property
    def frame_count(self) -> int:
        return len(self._content.structure.sections) * len(self._languages)

    def frame_language(self) -> str:
        return self._languages[self._frame % len(self._languages)]

    def show_frame(self, frame: int) -> None:
        """Show highlight number `frame` (in reading order, each in every language in turn)."""
        self._frame = frame % self.frame_count
        language = self.frame_language()
        section = self._content.sections(language)[self._frame // len(self._languages)]
        words = self._content.words(language).ui
        self._title.setText(words.attract_title)
        self._highlight.setText(section.words.highlight)
        self._touch.setText(words.attract_touch)
        self._picture.load(self._content.illustration_path(section.plan.icon))

    def next_frame(self) -> None:
        self.show_frame(self._frame + 1)

    def show_words(self, words: LanguageWords) -> None:
        """The loop shows every language in turn, whatever the patient chose."""

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.show_frame(0)
        self._timer.start()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._timer.stop()

    def apply_metrics(self, body_px: int) -> None:
        self._picture.setMinimumSize(0, 0)
        self._picture.setMaximumSize(body_px * 6, body_px * 6)
        self._picture.set_least(body_px * 2)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        event.accept()
        self.touched.emit(self.frame_language())

    def key_stops(self) -> list[Stop]:
        return []  # nothing to reach: any key starts

    def any_key(self) -> bool:
        """Any key starts, as a touch does (a keyboard or a switch at the screen)."""
        self.touched.emit(self.frame_language())
        return True
