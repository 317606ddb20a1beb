"""The bar at the bottom of every patient screen: Back, Home, language and text size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import Content, LanguageWords
from kiosk.content.settings import TEXT_SIZES, TextSize
from kiosk.ui.parts import FlowRow, button, set_button_text, text


class BottomBar(QFrame):
    """Emits what the patient asked for; the window decides what it means."""

    back_requested = Signal()
    home_requested = Signal()
    language_chosen = Signal(str)
    text_size_chosen = Signal(str)

    def __init__(self, content: Content) -> None:
        super().__init__()
        self.setObjectName("bottom_bar")
        self.setProperty("role", "bar")
        self.back = button("bar_back")
        self.home = button("bar_home")
        self.back.clicked.connect(self.back_requested)
        self.home.clicked.connect(self.home_requested)

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

        # Back and Home on the left, the choices on the right; on a narrow screen the choices
        # go under Back and Home rather than widen the window.
        places = QWidget()
        places_row = QHBoxLayout(places)
        places_row.setContentsMargins(0, 0, 0, 0)
        places_row.setSpacing(12)
        places_row.addWidget(self.back)
        places_row.addWidget(self.home)
        self.choices = QWidget()
        choices_row = QHBoxLayout(self.choices)
        choices_row.setContentsMargins(0, 0, 0, 0)
        choices_row.setSpacing(12)
        for choice in self.languages.values():
            choices_row.addWidget(choice)
        choices_row.addSpacing(24)
        choices_row.addWidget(self.size_label)
        for choice in self.sizes.values():
            choices_row.addWidget(choice)
        self.row = FlowRow("bottom_bar_row")
        self.row.add(places)
        self.row.add_stretch()
        self.row.add(self.choices, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        outer.addWidget(self.row)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Where space is short the 'Text size' label gives way first (the A buttons keep
        their names), then the choices move under Back and Home."""
        self._fit_label(event.size().width())

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # words changed with the language
            self._fit_label(self.width())
        return handled

    def _fit_label(self, width: int) -> None:
        margins = self.contentsMargins()
        outer = self.layout()
        if outer is not None:
            inner = outer.contentsMargins()
            width -= inner.left() + inner.right()
        width -= margins.left() + margins.right()
        label = self.size_label.sizeHint().width() + 12
        choices = self.choices.sizeHint().width() - (label if self.size_label.isVisible() else 0)
        row = self.row.side_by_side_width() - (label if self.size_label.isVisible() else 0)
        fits = row + label <= width if row <= width else choices + label <= width
        if fits != self.size_label.isVisible():
            self.size_label.setVisible(fits)

    def show_state(self, words: LanguageWords, text_size: TextSize, can_go_back: bool,
                   at_home: bool) -> None:
        ui = words.ui
        set_button_text(self.back, f"\u2039  {ui.back}")
        set_button_text(self.home, ui.home)
        self.back.setEnabled(can_go_back)
        self.home.setEnabled(not at_home)
        self.size_label.setText(ui.text_size)
        names = {"normal": ui.text_size_normal, "large": ui.text_size_large,
                 "largest": ui.text_size_largest}
        for size, choice in self.sizes.items():
            choice.setAccessibleName(names[size])
            choice.setToolTip(names[size])
            choice.setChecked(size == text_size)
            choice.setText(_mark("A", choice.isChecked()))
        for code, choice in self.languages.items():
            choice.setChecked(code == words.code)
            choice.setText(_mark(choice.accessibleName(), choice.isChecked()))


def _mark(label: str, selected: bool) -> str:
    """Selected choices carry a check mark as well as a fill, never colour alone."""
    return f"\u2713 {label}" if selected else label
