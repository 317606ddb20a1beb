"""The words of a question on its screen: the question, its help or hint, and their room.

The room is what keeps answers in place: it is as tall as the longest question of the same
kind needs at the screen's width and text size (measured once for each), so the answers below
start at the same height on every question of that kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords
from kiosk.intake.questionnaire import Item
from kiosk.ui.parts import text


class QuestionWords(QWidget):
    """The question (title), its help, or the "pick all that apply" hint of a pick-any."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("question_words")
        self.title = text("", "title", "question_text")
        self.help = text("", "muted", "question_help")
        self.hint = text("", "muted", "question_hint")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.title, self.help, self.hint):
            self._layout.addWidget(label)
        self._layout.addStretch(1)
        self._tallest: dict[tuple[str, int, str, int], int] = {}

    def show_item(self, item: Item, words: LanguageWords) -> tuple[str, str]:
        """Show `item`'s words; returns the question and the note read after it by
        assistive technology (its help, and whether it needs an answer)."""
        item_words = words.questionnaire.items[item.id]
        self.title.setText(item_words.text)
        self.help.setText(item_words.help or "")
        self.help.setVisible(bool(item_words.help))
        self.hint.setText(words.ui.question_pick_any)
        self.hint.setVisible(item.type == "multiple" and not item_words.help)
        needed = words.ui.question_needs_answer if item.required else ""
        return item_words.text, " ".join(part for part in (item_words.help, needed) if part)

    def tallest(self, kind: Iterable[Item], item_type: str, words: LanguageWords,
                width: int) -> int:
        """The height the longest of `kind` (questions of one type) needs at `width`."""
        key = (item_type, width, words.code, self.title.font().pixelSize())
        tallest = self._tallest.get(key)
        if tallest is None:  # measured once per kind, width, language and text size
            tallest = self._tallest[key] = max(self.height_of(other, words, width)
                                               for other in kind)
        return tallest

    def room_for(self, item: Item, kind: Sequence[Item], words: LanguageWords, width: int,
                 left: int, spare: int) -> int:
        """The height the words of `item` get: the tallest of its kind where `left` (the
        height beside the kind's tallest answers) allows; two lines of the question at least
        (one while typing, when the keyboard takes half the screen); all of its own words
        where they fit beside its own answers (`spare` more than `left`)."""
        if item.type == "bodymap":  # its map and list scroll below: its words come whole
            return self.height_of(item, words, width)
        tallest = self.tallest(kind, item.type, words, width)
        least = min(tallest, self.lines(1 if item.type == "text" else 2, width))
        room = max(least, min(tallest, left))
        own = self.height_of(item, words, width)
        return own if room < own <= left + spare else room

    def lines(self, count: int, width: int) -> int:
        """The height of `count` lines of the question at `width`."""
        return wrapped_height(self.title, "\n".join(["Ag"] * count), width)

    def height_of(self, item: Item, words: LanguageWords, width: int) -> int:
        """How tall `item`'s words are at `width`."""
        item_words = words.questionnaire.items[item.id]
        spacing = max(0, self._layout.spacing())
        height = wrapped_height(self.title, item_words.text, width)
        if item_words.help:
            height += spacing + wrapped_height(self.help, item_words.help, width)
        elif item.type == "multiple":
            height += spacing + wrapped_height(self.hint, words.ui.question_pick_any, width)
        return height


def wrapped_height(label: QLabel, words: str, width: int) -> int:
    """How tall `label` would be showing `words` at `width` (its font, margins and wrap)."""
    margins = label.contentsMargins()
    room = max(1, width - margins.left() - margins.right())
    shown = QFontMetrics(label.font()).boundingRect(
        QRect(0, 0, room, 100_000), int(Qt.TextFlag.TextWordWrap), words)
    return shown.height() + margins.top() + margins.bottom()
