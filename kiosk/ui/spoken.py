"""What the kiosk says aloud for a screen: its words in reading order, as a patient sees them.

A screen is read the way it is laid out: headings and text as written, the answers of a
question as one list after "The answers are:", each other button by its name followed by the
word "button", so a patient with their eyes closed knows what can be pressed. Only what is on
screen is read (a hidden note, a closed branch, the bottom bar are not). Rich text is read as
plain words; marks that only draw (a check mark, an arrow) are left out.
"""

from __future__ import annotations

import re

from PySide6.QtGui import Qt, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from kiosk.content.screen_words import UiWords
from kiosk.ui.answer_base import AnswerWidget

#: Marks drawn beside words that mean nothing read aloud.
_MARKS = re.compile(r"[\u2713\u2714\u2039\u203a\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf]")


def plain(words: str) -> str:
    """`words` as they are heard: rich text flattened, drawn marks and extra spaces gone."""
    if Qt.mightBeRichText(words):
        words = QTextDocumentFragment.fromHtml(words).toPlainText()
    return " ".join(_MARKS.sub(" ", words).split())


def control_name(widget: QWidget) -> str:
    """What a control is called: its accessible name, else the words on it."""
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text()
    return plain(name)


#: Kinds of question whose controls are the answers themselves, read as a list of them.
CHOOSING = ("yesno", "single", "multiple", "scale")


def answer_words(answer: AnswerWidget, ui: UiWords) -> list[str]:
    """The answers of a question in the order they are laid out: for a choice, after "The
    answers are:", the chosen ones said as chosen; the words beside them (a scale's ends, a
    unit, a hint) where they stand. A keypad's keys are not read one by one, and a label that
    only names the box beside it is read once."""
    controls = [c for c in answer.controls() if c.isVisibleTo(answer)]
    choosing = answer.item.type in CHOOSING
    if choosing:
        controls += [b for b in answer.findChildren(QAbstractButton)
                     if b.isCheckable() and b not in controls and b.isVisibleTo(answer)]
    names = {control_name(c) for c in controls}
    said: list[str] = []
    for widget in _in_reading_order(answer, answer):
        if widget in controls:
            name = control_name(widget)
            chosen = choosing and isinstance(widget, QAbstractButton) and widget.isChecked()
            said.append(ui.spoken_chosen.format(answer=name) if chosen else f"{name}.")
        elif isinstance(widget, QLabel) and plain(widget.text()) not in names:
            said.append(plain(widget.text()))
        elif isinstance(widget, QLineEdit) and widget.text():
            said.append(widget.text())
    said = [_one_stop(part) for part in said if part.strip(". ")]
    return [ui.spoken_choices, *said] if choosing and controls else said


def _in_reading_order(widget: QWidget, screen: QWidget) -> list[QWidget]:
    """The visible widgets inside `widget`, depth first, each level in reading order: top to
    bottom, and left to right along a row (widgets whose heights overlap share a row)."""
    found: list[QWidget] = []
    for child in _rows(widget, screen):
        found.append(child)
        if not isinstance(child, QAbstractButton | AnswerWidget):
            found.extend(_in_reading_order(child, screen))
    return found


def _rows(widget: QWidget, screen: QWidget) -> list[QWidget]:
    children = [c for c in widget.children()
                if isinstance(c, QWidget) and c.isVisibleTo(screen) and not c.isWindow()]
    children.sort(key=lambda c: c.geometry().top())
    ordered: list[QWidget] = []
    row: list[QWidget] = []
    bottom = -1
    for child in children:
        if row and child.geometry().top() >= bottom:
            ordered.extend(sorted(row, key=lambda c: c.geometry().left()))
            row = []
        if not row:
            bottom = child.geometry().center().y()
        row.append(child)
    ordered.extend(sorted(row, key=lambda c: c.geometry().left()))
    return ordered


def screen_words(screen: QWidget, ui: UiWords) -> list[str]:
    """Every visible text of `screen` in reading order (the order the screen lays them out)."""
    said: list[str] = []
    _read(screen, ui, said)
    return [_one_stop(part) for part in said if part]


def _one_stop(part: str) -> str:
    """"Why does it hurt?." read as "Why does it hurt?": one mark ends a sentence."""
    return part[:-1] if len(part) > 1 and part[-1] == "." and part[-2] in "?!.:" else part


def _read(screen: QWidget, ui: UiWords, said: list[str]) -> None:
    for widget in _in_reading_order(screen, screen):
        if isinstance(widget, AnswerWidget):
            said.extend(answer_words(widget, ui))
        elif isinstance(widget, QAbstractButton):
            if not _inside_answer(widget, screen):
                name = control_name(widget)
                if name:
                    said.append(ui.spoken_button.format(label=name))
        elif isinstance(widget, QLabel) and not _inside_answer(widget, screen):
            said.append(plain(widget.text()))
        elif isinstance(widget, QLineEdit) and not _inside_answer(widget, screen):
            said.append(control_name(widget))


def _inside_answer(widget: QWidget, screen: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not screen:
        if isinstance(parent, AnswerWidget):
            return True
        parent = parent.parentWidget()
    return False


def focus_words(widget: QWidget, ui: UiWords) -> str:
    """What a keyboard user hears when `widget` takes focus: its name, whether it is chosen,
    and, once, what question it answers."""
    name = control_name(widget)
    if isinstance(widget, QAbstractButton):
        if widget.isCheckable() and widget.isChecked():
            name = ui.spoken_chosen.format(answer=name)
        elif not widget.isCheckable():
            name = ui.spoken_button.format(label=name)
    return _one_stop(name)
