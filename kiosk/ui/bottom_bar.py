"""The bar at the bottom of every patient screen: Back, Home, read aloud, colours, language
and text size (and, while the kiosk reads aloud, the speech row)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Content, LanguageWords
from kiosk.content.screen_words import UiWords
from kiosk.content.settings import TEXT_SIZES, TextSize
from kiosk.ui.access_bar import SpeechRow, access_buttons, contrast_name, side_by_side
from kiosk.ui.nesting import nest
from kiosk.ui.parts import button, set_button_text, text

#: Room kept between the groups of the bar, in pixels.
GROUP_GAP = 24


class BottomBar(QFrame):
    """Emits what the patient asked for; the window decides what it means.

    Back and Home sit on the left, then Read aloud and Colours, the languages and the text
    size on the right. Where one line is too narrow (a portrait screen, longer Spanish words)
    the text size, with its label, goes to a second line rather than lose its label, and then
    Read aloud and Colours too. The speech row, while on, is a line of its own.
    """

    back_requested = Signal()
    home_requested = Signal()
    language_chosen = Signal(str)
    text_size_chosen = Signal(str)
    read_aloud_switched = Signal(bool)
    contrast_requested = Signal()

    def __init__(self, content: Content) -> None:
        super().__init__()
        self.setObjectName("bottom_bar")
        self.setProperty("role", "bar")
        self.back = button("bar_back")
        self.home = button("bar_home")
        self.back.clicked.connect(self.back_requested)
        self.home.clicked.connect(self.home_requested)
        for place in (self.back, self.home):
            # Hidden on the home screen, where they lead nowhere, without moving the rest.
            policy = place.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            place.setSizePolicy(policy)

        self.languages: dict[str, QPushButton] = {}
        language_group = QButtonGroup(self)
        for code in content.structure.languages:
            choice = button(f"bar_language_{code}", "choice")
            choice.setCheckable(True)
            set_button_text(choice, content.words(code).ui.language_name)
            choice.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            language_group.addButton(choice)
            self.languages[code] = choice

        self.size_label = text("", "muted", "bar_text_size_label")
        self.size_label.setWordWrap(False)
        self.size_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.sizes: dict[str, QPushButton] = {}
        size_group = QButtonGroup(self)
        for step, size in enumerate(TEXT_SIZES):
            choice = button(f"bar_text_size_{size}", "choice")
            choice.setCheckable(True)
            choice.setText("A")
            choice.setProperty("step", step)
            choice.clicked.connect(lambda _=False, s=size: self.text_size_chosen.emit(s))
            size_group.addButton(choice)
            self.sizes[size] = choice

        self.read_aloud, self.contrast = access_buttons()
        self.read_aloud.clicked.connect(self.read_aloud_switched)
        self.contrast.clicked.connect(self.contrast_requested)
        self.speech = SpeechRow()
        self.speech.hide()

        self.places = side_by_side("bar_places", [self.back, self.home])
        self.access = side_by_side("bar_access", [self.read_aloud, self.contrast])
        self.language_choices = side_by_side("bar_languages", list(self.languages.values()))
        self.size_choices = side_by_side("bar_text_sizes", [self.size_label, *self.sizes.values()])
        self._first = QHBoxLayout()
        self._first.setSpacing(GROUP_GAP)
        self._first.addWidget(self.places)
        self._first.addWidget(self.access)
        self._first.addStretch(1)
        self._first.addWidget(self.language_choices)
        self._first.addWidget(self.size_choices)
        self._second = QHBoxLayout()
        self._second.setSpacing(GROUP_GAP)
        self._second.addStretch(1)
        self._moved: list[QWidget] = []  # groups on the second line, in their order there
        self._typing = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        outer.setSpacing(12)
        outer.addWidget(self.speech)
        nest(outer, self._first)
        nest(outer, self._second)

    @property
    def two_lines(self) -> bool:
        """Whether the text size has gone to a line of its own."""
        return bool(self._moved)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override
        holder = self.parentWidget()
        if visible and self.isHidden() and holder is not None:
            self._fit(holder.width())  # before its width counts in the window's
        super().setVisible(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._fit(event.size().width())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # words changed with the language
            self._fit(self.width())
        return handled

    def _room(self, width: int) -> int:
        outer = self.layout()
        margins = outer.contentsMargins() if outer is not None else self.contentsMargins()
        return width - margins.left() - margins.right()

    def _fit(self, width: int) -> None:
        """One line while everything fits on it; else the text size goes to a second line,
        then Read aloud and Colours too; only where even that line is too narrow does the
        'Text size' label give way."""
        room = self._room(width)
        self.speech.fit(room)
        label = self.size_label.sizeHint().width() + 12
        sizes = self.size_choices.sizeHint().width()
        if self.size_label.isHidden():
            sizes += label
        places = self.places.sizeHint().width()
        access = self.access.sizeHint().width()
        languages = self.language_choices.sizeHint().width()
        if places + access + languages + sizes + 3 * GROUP_GAP <= room:
            moved: list[QWidget] = []
        elif places + access + languages + 2 * GROUP_GAP <= room:
            moved = [self.size_choices]
        else:
            moved = [self.access, self.size_choices]
        if moved != self._moved:
            self._place_groups(moved)
            for group in (self.access, self.size_choices):
                group.setVisible(not (self._typing and group in moved))
        second = sum(w.sizeHint().width() for w in moved if w is not self.size_choices)
        keep_label = sizes + second + (GROUP_GAP if second else 0) <= room
        if keep_label == self.size_label.isHidden():
            self.size_label.setVisible(keep_label)

    def _place_groups(self, moved: list[QWidget]) -> None:
        for group in self._moved:
            self._second.removeWidget(group)
        self._first.removeWidget(self.access)
        self._first.removeWidget(self.size_choices)
        if self.access not in moved:
            self._first.insertWidget(1, self.access)
        if self.size_choices not in moved:
            self._first.addWidget(self.size_choices)
        for index, group in enumerate(moved):
            self._second.insertWidget(index, group)
        self._moved = moved
        outer = self.layout()
        if outer is not None:  # in place now, not at the next turn of the event loop
            outer.activate()

    def show_state(self, words: LanguageWords, text_size: TextSize, can_go_back: bool,
                   at_home: bool) -> None:
        """Back and Home are left out on the home screen, where they lead nowhere; elsewhere
        Back is there while there is somewhere to go back to."""
        ui = words.ui
        set_button_text(self.back, f"\u2039  {ui.back}")
        set_button_text(self.home, ui.home)
        self.back.setVisible(can_go_back and not at_home)
        self.back.setEnabled(can_go_back)
        self.home.setVisible(not at_home)
        self.size_label.setText(ui.text_size)
        names = {"normal": ui.text_size_normal, "large": ui.text_size_large,
                 "largest": ui.text_size_largest}
        # The new choice is checked first: in an exclusive group the old one cannot be
        # unchecked before another is, and its check mark would stay beside the new one's.
        self.sizes[text_size].setChecked(True)
        for size, choice in self.sizes.items():
            choice.setAccessibleName(names[size])
            choice.setToolTip(names[size])
            choice.setText(_mark("A", choice.isChecked()))
        self.languages[words.code].setChecked(True)
        for choice in self.languages.values():
            choice.setText(_mark(choice.accessibleName(), choice.isChecked()))

    def show_access(self, ui: UiWords, read_aloud: bool, can_read: bool, contrast: str,
                    typing: bool = False) -> None:
        """Read aloud (on or off; left out where the kiosk has no voice) and the colours on
        screen, named in the language on screen. The speech row gives its line up to the
        on-screen keyboard while the patient types, and so do Read aloud, Colours and the
        text size where they stand on a line of their own."""
        self._typing = typing
        self.read_aloud.setVisible(can_read)
        self.read_aloud.setChecked(read_aloud)
        set_button_text(self.read_aloud, ui.read_aloud)
        self.read_aloud.setText(_mark(ui.read_aloud, read_aloud))
        self.speech.setVisible(read_aloud and can_read and not typing)
        for group in (self.access, self.size_choices):
            group.setVisible(not (typing and group in self._moved))
        set_button_text(self.contrast, ui.contrast)
        self.contrast.setText(f"\u25d0 {ui.contrast}")
        current = contrast_name(ui, contrast)
        self.contrast.setAccessibleName(f"{ui.contrast}: {current}")
        self.contrast.setToolTip(current)


def _mark(label: str, selected: bool) -> str:
    """Selected choices carry a check mark as well as a fill, never colour alone."""
    return f"\u2713 {label}" if selected else label
