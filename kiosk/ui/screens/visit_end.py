"""The end of a visit: a thank-you that says what happens next (the answers are sent from the
review list).

It gives no verdict: whether the treatment may suit the patient is the specialist's decision,
at the visit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout

from kiosk.content.model import LanguageWords
from kiosk.ui.key_stops import Stop
from kiosk.ui.nesting import nest
from kiosk.ui.parts import Screen, button, centred, set_button_text, text


class ThanksScreen(Screen):
    """Thank you and what happens next; Done (or a short wait) starts over for the next one."""

    has_bar = False
    done = Signal()

    def __init__(self, seconds: float) -> None:
        super().__init__("thanks")
        self._title = text("", "attract-title", "thanks_title")
        self._body = text("", "", "thanks_body")
        self._done = button("thanks_done", "big")
        self._done.clicked.connect(self.done)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(seconds * 1000)))
        self._timer.timeout.connect(self.done)
        self._kept = True
        self._words: LanguageWords | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 64, 96, 48)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addSpacing(24)
        nest(layout, centred(self._body))
        layout.addSpacing(40)
        layout.addWidget(self._done, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._body.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._timer.start()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._timer.stop()

    def apply_metrics(self, body_px: int) -> None:
        self._body.setMaximumWidth(body_px * 34)

    def key_stops(self) -> list[Stop]:
        return [self._done]

    def set_kept(self, kept: bool) -> None:
        """Thank the patient only for answers that were kept; otherwise send them, calmly, to
        the front desk (the summary prints from memory when the printer works)."""
        self._kept = kept
        if self._words is not None:
            self.show_words(self._words)

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        ui = words.ui
        self._title.setText(ui.thanks_title if self._kept else ui.unsaved_title)
        self._body.setText(ui.thanks_body if self._kept else ui.unsaved_body)
        set_button_text(self._done, ui.thanks_done)
