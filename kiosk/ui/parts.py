"""Small building blocks every screen uses: labelled text, touch buttons, pictures, scrolling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import LanguageWords


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


def button(name: str, role: str = "") -> QPushButton:
    """A touch button: named for tests and screen readers, never takes keyboard focus."""
    widget = QPushButton()
    widget.setObjectName(name)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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


def touch_scroll(name: str, page: QWidget | None = None) -> QScrollArea:
    """A scroll area a finger drags and flicks, showing `page` at its width."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    if page is not None:
        area.setWidget(page)
    kinetic(area)
    return area


def clear_rows(layout: QLayout, keep: QWidget | None = None) -> None:
    """Empty a layout of rows at once (not at the next event loop turn), except `keep`."""
    while (entry := layout.takeAt(0)) is not None:
        if (widget := entry.widget()) is not None and widget is not keep:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def kinetic(area: QAbstractScrollArea) -> None:
    """Let a finger drag and flick the area, as on a phone."""
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    # A tap reaches the control under the finger at once; only a drag becomes a scroll.
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    scroller.setScrollerProperties(properties)


class Picture(QWidget):
    """An SVG illustration that keeps its proportions at any width."""

    def __init__(self, path: Path, max_height: int = 0) -> None:
        super().__init__()
        self._renderer = QSvgRenderer(self)
        self._max_height = max_height
        self._ratio = 0.5
        self._pixmap: QPixmap | None = None
        self.load(path)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def load(self, path: Path) -> None:
        """Show another picture in the same place."""
        self._renderer.load(str(path))
        self._pixmap = None
        size = self._renderer.defaultSize()
        self._ratio = size.height() / size.width() if size.width() else 0.5
        self.updateGeometry()
        self.update()

    def set_max_height(self, pixels: int) -> None:
        self._max_height = pixels
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        height = round(width * self._ratio)
        return min(height, self._max_height) if self._max_height else height

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = 600
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        """Draw the picture from a pixmap rendered once per size (SVG is slow to draw)."""
        height = self.height()
        width = min(self.width(), round(height / self._ratio)) if self._ratio else self.width()
        ratio = self.devicePixelRatioF()
        if self._pixmap is None or self._pixmap.size() != QSize(round(width * ratio),
                                                                 round(height * ratio)):
            self._pixmap = QPixmap(round(width * ratio), round(height * ratio))
            self._pixmap.fill(QColor(0, 0, 0, 0))
            self._pixmap.setDevicePixelRatio(ratio)
            drawing = QPainter(self._pixmap)
            drawing.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(drawing, QRectF(0, 0, width, height))
            drawing.end()
        painter = QPainter(self)
        painter.drawPixmap((self.width() - width) // 2, 0, self._pixmap)
        painter.end()


class LaidOutButton(QPushButton):
    """A button whose contents are widgets in a layout (wrapped words, an icon): it is as big
    as that layout asks, not as its own text would be."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()


class CardButton(LaidOutButton):
    """A large touch target holding a title, a line under it and, optionally, an icon."""

    def __init__(self, name: str, role: str, icon: Path | None = None) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title = text("", "card-title")
        self.line = text("", "card-line")
        self.icon_picture = Picture(icon) if icon is not None else None
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.line)
        words.addStretch(1)
        row = QHBoxLayout(self)
        if self.icon_picture is not None:
            row.addWidget(self.icon_picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        for child in (self.icon_picture, self.title, self.line):
            if child is not None:
                child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_words(self, title: str, line: str) -> None:
        self.title.setText(title)
        self.line.setText(line)
        self.setAccessibleName(title)
        self.setAccessibleDescription(line)

    def apply_metrics(self, body_px: int, height_in_lines: int) -> None:
        if self.icon_picture is not None:
            self.icon_picture.setFixedSize(body_px * 3, body_px * 3)
        self.setMinimumHeight(body_px * height_in_lines)


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

    def apply_metrics(self, body_px: int) -> None:
        """Adjust sizes that a style sheet cannot express (picture heights, columns)."""

    def handle_back(self) -> bool:
        """Back in the bar: True when the screen stepped back itself (a previous question)."""
        return False


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
