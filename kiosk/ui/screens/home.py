"""The home screen: the clinic's welcome and the two things a patient can do here.

The welcome and the two actions sit in one column in the middle of the screen, at a width
that is comfortable to read. On a landscape screen the picture stands beside the welcome
and the actions side by side; on a portrait screen everything stands one under another, so
the tall screen is used rather than left half empty.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.ui.card_button import CardButton
from kiosk.ui.flick import touch_scroll
from kiosk.ui.kept_answers import KeptAnswers
from kiosk.ui.key_stops import Stop
from kiosk.ui.nesting import nest
from kiosk.ui.parts import Screen, text
from kiosk.ui.picture import Picture

#: Widest the column of the home screen may be, in body text heights.
COLUMN_IN_BODY = 50
#: Least height of each action, in lines of body text.
ACTION_LINES = 6


class HomeScreen(Screen):
    """Welcome, a short note on privacy, and two large actions; while a patient's answers
    are kept, the second goes on with them and a line under both offers to delete them."""

    learn_requested = Signal()
    questionnaire_requested = Signal()
    answers_deleted = Signal()

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
        self._kept_answers = KeptAnswers()
        self._kept_answers.hide()
        self._kept_answers.delete_confirmed.connect(self.answers_deleted)
        self._kept = False
        self._words: LanguageWords | None = None

        welcome = QVBoxLayout()
        welcome.setSpacing(16)
        welcome.addStretch(1)  # beside the picture, the words stand level with its middle
        welcome.addWidget(self._logo, 0, Qt.AlignmentFlag.AlignLeft)
        welcome.addWidget(self._welcome)
        welcome.addWidget(self._intro)
        welcome.addStretch(1)
        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.setSpacing(32)
        nest(self._top, welcome, 3)
        if self._picture is not None:
            self._top.addWidget(self._picture, 2)
        self._actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._actions.setSpacing(32)
        self._actions.addWidget(self._learn, 1)
        self._actions.addWidget(self._ask, 1)

        # The space left over is shared out above, between and below, never in one gap; at a
        # large text size on a small screen the page scrolls rather than squeeze.
        page = QWidget()
        page.setObjectName("home_page")
        self._page = QVBoxLayout(page)
        self._page.setContentsMargins(64, 32, 64, 32)
        self._page.addStretch(1)
        nest(self._page, self._top)
        self._page.addStretch(1)
        nest(self._page, self._actions)
        self._page.addSpacing(24)
        self._page.addWidget(self._kept_answers)
        self._page.addStretch(1)
        self._scroll = touch_scroll("home_scroll", page)
        screen = QVBoxLayout(self)
        screen.setContentsMargins(0, 0, 0, 0)
        screen.addWidget(self._scroll)
        self._body_px = 26
        self._portrait: bool | None = None
        self._roomy = False

    @property
    def portrait(self) -> bool:
        """Whether the screen is laid out one thing under another (a tall screen)."""
        return bool(self._portrait)

    @property
    def roomy(self) -> bool:
        """Whether the screen has room for the larger picture and actions."""
        return self._roomy

    def apply_metrics(self, body_px: int) -> None:
        self._body_px = body_px
        self._portrait = None
        self._arrange()

    def key_stops(self) -> list[Stop]:
        kept = self._kept_answers.key_stops() if self._kept_answers.isVisibleTo(self) else []
        return [self._learn, self._ask, *kept]

    def show_kept(self, kept: bool, deletable: bool) -> None:
        """Whether a patient's answers are kept (the second action goes on with them), and
        whether they may delete them here."""
        self._kept = kept
        self._kept_answers.reset()
        self._kept_answers.setVisible(kept and deletable)
        if self._words is not None:
            self.show_words(self._words)

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        ui = words.ui
        self._welcome.setText(ui.home_welcome.format(clinic=self._clinic_name))
        self._intro.setText(ui.home_intro)
        if self._picture is not None:
            self._picture.setAccessibleName(ui.home_picture)
        self._learn.set_words(ui.home_learn, ui.home_learn_hint)
        if self._kept:
            self._ask.set_words(ui.home_questionnaire_kept, ui.home_questionnaire_kept_hint)
        else:
            self._ask.set_words(ui.home_questionnaire, ui.home_questionnaire_hint)
        self._kept_answers.show_words(words)
        self._fit_room()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._arrange()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._arrange()

    def _arrange(self) -> None:
        """Lay the screen out for its shape and the text size: the column's width and place,
        landscape or portrait, and the size of the words, the picture and the actions.
        Everything here follows from the screen's size, the text size and the words alone,
        so the screen looks the same at every visit, whatever it showed before."""
        body = self._body_px
        width = self.width()
        portrait = self.height() > width
        column = min(body * COLUMN_IN_BODY, max(0, width - 128))
        side = max(48, (width - column) // 2)
        self._page.setContentsMargins(side, body, side, body)
        self._intro.setMaximumWidth(body * 32)
        for action in (self._learn, self._ask):
            layout = action.layout()
            if layout is not None:  # room around the words, inside the action's edge
                layout.setContentsMargins(body, body * 3 // 4, body, body * 3 // 4)
        if portrait != self._portrait:
            self._portrait = portrait
            flow = (QBoxLayout.Direction.TopToBottom if portrait
                    else QBoxLayout.Direction.LeftToRight)
            self._top.setDirection(flow)
            self._actions.setDirection(flow)
            self._top.setSpacing(body * 3 // 2 if portrait else 32)
            self._actions.setSpacing(body if portrait else 32)
        self._fit_room()

    def _fit_room(self) -> None:
        """A larger picture and taller actions where the screen has room for them (a large
        screen, or a tall one), the usual sizes where it has not, and a small picture where
        even those do not fit, so the actions stay on screen without scrolling wherever that
        is possible."""
        if not self.isVisible():
            return  # measured when shown, with the words and sizes it is shown with
        for roomy, small_picture in ((True, False), (False, False), (False, True)):
            self._set_room(roomy, small_picture)
            if self._page_height() <= self.height():
                return

    def _set_room(self, roomy: bool, small_picture: bool = False) -> None:
        """`small_picture`: the last resort before the page scrolls (kept answers' line
        under the actions at a large text size)."""
        body = self._body_px
        self._roomy = roomy
        if self._picture is not None:
            lines = 7 if small_picture else 18 if self.portrait else 12 if roomy else 9
            self._picture.set_max_height(body * lines)
        for action in (self._learn, self._ask):
            action.apply_metrics(body, ACTION_LINES + 1 if roomy else ACTION_LINES)

    def _page_height(self) -> int:
        """How tall the page is at the screen's width, with the words as they are now."""
        self._page.invalidate()
        width = self.width()
        if self._page.hasHeightForWidth():
            return self._page.totalHeightForWidth(width)
        return self._page.totalSizeHint().height()
