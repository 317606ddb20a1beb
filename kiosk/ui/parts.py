"""Small building blocks every screen uses: labelled text, touch buttons, pictures, screens."""

from __future__ import annotations

import re
from collections.abc import Collection

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.content.model import LanguageWords
from kiosk.ui.key_stops import Stop, found_stops
from kiosk.ui.nesting import discard


def text(content: str = "", role: str = "", name: str = "") -> QLabel:
    """A wrapped label with a style role; plain text only (content never becomes markup)."""
    label = QLabel(content)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    return label


#: Longest run of letters shown without a place to wrap it: longer than any word of the
#: content ("anti-inflammatory;", "Immunosuppressant"), so only a typed run without spaces
#: is ever cut.
WRAP_EVERY = 20


def breakable(words: str) -> str:
    """`words` with an invisible break (a zero-width space) inside every very long word, so a
    wrapped label can wrap anything a patient typed, a string with no spaces included; the
    text read aloud and printed stays as it was."""
    return re.sub(rf"\S{{{WRAP_EVERY}}}(?=\S)", lambda run: run.group() + "\u200b", words)


def button(name: str, role: str = "") -> QPushButton:
    """A touch button, named for tests and screen readers. A keyboard reaches it; a touch
    leaves the keys where they were (so no focus ring follows a finger)."""
    widget = QPushButton()
    widget.setObjectName(name)
    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    if role:
        widget.setProperty("role", role)
    return widget


def set_button_text(widget: QPushButton, label: str, description: str = "") -> None:
    widget.setText(label)
    widget.setAccessibleName(label)
    if description:
        widget.setAccessibleDescription(description)


def centred(widget: QWidget) -> QHBoxLayout:
    """A row holding `widget` in the middle; a wrapped label keeps its full height."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget, 100)
    row.addStretch(1)
    return row


def take_in_hidden(parent: QWidget, widget: QWidget) -> None:
    """Make `widget` a hidden child of `parent`, styled now so that showing it later is quick."""
    widget.hide()
    widget.setParent(parent)
    widget.ensurePolished()


def let_go(widget: QWidget) -> None:
    """Take `widget` off the screen at once; Qt deletes it at the next turn of the event loop.
    It stays its parent's child until then: a styled widget taken out of the window is first
    restyled with everything in it (milliseconds for a screen), all for nothing."""
    widget.hide()
    widget.deleteLater()


def clear_rows(layout: QLayout, keep: Collection[QWidget] = ()) -> None:
    """Empty a layout of rows at once (not at the next event loop turn); the widgets in `keep`
    are only taken out, to be placed again."""
    while (entry := layout.takeAt(0)) is not None:
        if (widget := entry.widget()) is not None and widget not in keep:
            let_go(widget)
        discard(entry)


class LaidOutButton(QPushButton):
    """A button whose contents are widgets in a layout (wrapped words, an icon): it is as big
    as that layout asks, not as its own text would be, and as tall as its words need at the
    width it is given (a plain button's height is fixed)."""

    def __init__(self) -> None:
        super().__init__()
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()


class FlowRow(QWidget):
    """Controls side by side while they fit, one under another when they do not.

    Its narrowest is its widest control, never the whole row, so on a narrow screen or at a
    large text size the row wraps instead of making the window wider than the screen. Under
    one another, each control keeps the side it was given (a primary action stays right).
    """

    def __init__(self, name: str, spacing: int = 12) -> None:
        super().__init__()
        self.setObjectName(name)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        self._sides: dict[int, Qt.AlignmentFlag] = {}
        # The row's own list: a layout item's Python wrapper (from itemAt) would outlive the
        # item and could later stand for another object at the same address.
        self._widgets: list[QWidget] = []

    def add(self, widget: QWidget, side: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
            stretch: int = 0) -> None:
        """Add `widget`; `side` is where it sits when the row has wrapped."""
        self._box.addWidget(widget, stretch)
        self._widgets.append(widget)
        self._sides[id(widget)] = side

    def add_stretch(self) -> None:
        """Space that pushes what follows to the right while the controls are side by side."""
        self._box.addStretch(1)

    @property
    def wrapped(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def _controls(self) -> list[QWidget]:
        self._widgets = [w for w in self._widgets
                         if shiboken6.isValid(w) and w.parentWidget() is self]
        return list(self._widgets)

    def _shown(self) -> list[QWidget]:
        return [w for w in self._controls() if not w.isHidden()]

    def side_by_side_width(self) -> int:
        """How wide the row is with every shown control side by side."""
        shown = self._shown()
        widths = [max(w.sizeHint().width(), w.minimumSizeHint().width(), w.minimumWidth())
                  for w in shown]
        return sum(widths) + self._box.spacing() * max(0, len(shown) - 1)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As wide as the controls side by side (so a row laid out at its preferred width
        unwraps), as tall as they stand now."""
        return QSize(self.side_by_side_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        widths = [max(w.minimumSizeHint().width(), w.minimumWidth()) for w in self._shown()]
        return QSize(max(widths, default=0), super().minimumSizeHint().height())

    def _fit(self) -> None:
        wrap = self.side_by_side_width() > self.width()
        if wrap == self.wrapped:
            return
        self._box.setDirection(QBoxLayout.Direction.TopToBottom if wrap
                               else QBoxLayout.Direction.LeftToRight)
        for widget in self._controls():
            side = self._sides.get(id(widget), Qt.AlignmentFlag.AlignLeft)
            self._box.setAlignment(widget, side if wrap else Qt.AlignmentFlag(0))
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._fit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a control's words changed
            self._fit()
        return handled


class Screen(QWidget):
    """A full-window page of the kiosk; shows its words in whatever language is chosen."""

    #: Shown with the bottom bar (Back, Home, language, text size)?
    has_bar = True

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("screen", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def show_words(self, words: LanguageWords) -> None:
        """Put every visible text in `words`' language."""
        raise NotImplementedError

    def drop_sized(self, body_px: int) -> None:
        """Let go of whatever was drawn for a text size other than `body_px` and is made again
        for the new one, before the screen is styled for it (restyling it would be wasted)."""

    def take_style(self, sheet: str, font: QFont) -> None:
        """The style sheet and font of the patient's look (see kiosk/ui/look_flow.py)."""
        self.setStyleSheet(sheet)
        self.setFont(font)

    def apply_metrics(self, body_px: int) -> None:
        """Adjust sizes that a style sheet cannot express (picture heights, columns)."""

    def handle_back(self) -> bool:
        """Back in the bar: True when the screen stepped back itself (a previous question)."""
        return False

    def key_stops(self) -> list[Stop]:
        """What Tab reaches on this screen, in reading order (see `kiosk.ui.key_moves`); by
        default every visible control, top to bottom and left to right."""
        return found_stops(self)

    def any_key(self) -> bool:
        """A key was pressed on this screen: True when the screen took it for itself."""
        return False

    def rest_focus(self) -> None:
        """Where the keys go when the screen opens for a patient who touches: the screen
        itself, so that no control looks picked before it is touched."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)


class StaffScreen(Screen):
    """A front-desk screen: no patient bar, and always in the clinic's own (printing)
    language, whatever language the patient chose."""

    has_bar = False

    def __init__(self, name: str, staff_words: LanguageWords) -> None:
        super().__init__(name)
        self.staff_words = staff_words

    def show_words(self, words: LanguageWords) -> None:
        self.show_staff_words(self.staff_words)

    def show_staff_words(self, words: LanguageWords) -> None:
        """Put every visible text in the clinic's language."""
        raise NotImplementedError
