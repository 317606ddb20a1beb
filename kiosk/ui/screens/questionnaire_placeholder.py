"""Stands where the eligibility questionnaire will be: says so plainly and points to the desk."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from kiosk.content.model import LanguageWords
from kiosk.ui.parts import Screen, text


class QuestionnairePlaceholderScreen(Screen):
    """Tells the patient the questions are not on this screen yet."""

    def __init__(self) -> None:
        super().__init__("questionnaire")
        self._title = text("", "title", "questionnaire_title")
        self._body = text("", "", "questionnaire_body")
        self._ask = text("", "subtitle", "questionnaire_ask")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 32)
        layout.addWidget(self._title)
        layout.addSpacing(24)
        layout.addWidget(self._body)
        layout.addSpacing(24)
        layout.addWidget(self._ask)
        layout.addStretch(1)

    def apply_metrics(self, body_px: int) -> None:
        self._body.setMaximumWidth(body_px * 34)

    def show_words(self, words: LanguageWords) -> None:
        self._title.setText(words.ui.identity_title)
        self._body.setText(words.ui.identity_intro)
        self._ask.setText(words.ui.question_required)
