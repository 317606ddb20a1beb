"""The home screen: the clinic's welcome and the two things a patient can do here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.ui.parts import CardButton, Picture, Screen, text, touch_scroll


class HomeScreen(Screen):
    """Welcome, a short note on privacy, and two large actions."""

    learn_requested = Signal()
    questionnaire_requested = Signal()

    def __init__(self, clinic_name: str, logo: str | None, picture: Path | None) -> None:
        super().__init__("home")
        self._clinic_name = clinic_name
        self._logo = QLabel()
        self._logo.setObjectName("home_logo")
        if logo:
            self._logo.setPixmap(QPixmap(logo).scaledToHeight(
                120, Qt.TransformationMode.SmoothTransformation))
            self._logo.setAccessibleName(clinic_name)
        else:
            self._logo.hide()
        self._welcome = text("", "title", "home_welcome")
        self._intro = text("", "", "home_intro")
        self._picture = Picture(picture) if picture is not None else None
        if self._picture is not None:
            self._picture.setObjectName("home_picture")
        self._learn = CardButton("home_learn", "action")
        self._ask = CardButton("home_questionnaire", "action")
        self._learn.clicked.connect(self.learn_requested)
        self._ask.clicked.connect(self.questionnaire_requested)

        actions = QHBoxLayout()
        actions.setSpacing(32)
        actions.addWidget(self._learn, 1)
        actions.addWidget(self._ask, 1)

        # At a large text size on a small screen the welcome scrolls rather than squeeze.
        page = QWidget()
        page.setObjectName("home_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(64, 48, 64, 32)
        layout.addWidget(self._logo, 0, Qt.AlignmentFlag.AlignLeft)
        welcome = QVBoxLayout()
        welcome.addWidget(self._welcome)
        welcome.addSpacing(16)
        welcome.addWidget(self._intro)
        welcome.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(welcome, 3)
        if self._picture is not None:
            top.addWidget(self._picture, 2)
        layout.addLayout(top, 3)
        layout.addStretch(1)
        layout.addLayout(actions)
        layout.addStretch(1)
        self._scroll = touch_scroll("home_scroll", page)
        screen = QVBoxLayout(self)
        screen.setContentsMargins(0, 0, 0, 0)
        screen.addWidget(self._scroll)
        self._body_px = 26

    def apply_metrics(self, body_px: int) -> None:
        self._body_px = body_px
        self._intro.setMaximumWidth(body_px * 32)
        if self._picture is not None:
            self._picture.set_max_height(body_px * 12)
        for action in (self._learn, self._ask):
            action.apply_metrics(body_px, 6)

    def show_words(self, words: LanguageWords) -> None:
        ui = words.ui
        self._welcome.setText(ui.home_welcome.format(clinic=self._clinic_name))
        self._intro.setText(ui.home_intro)
        if self._picture is not None:
            self._picture.setAccessibleName(ui.home_picture)
        self._learn.set_words(ui.home_learn, ui.home_learn_hint)
        self._ask.set_words(ui.home_questionnaire, ui.home_questionnaire_hint)
