"""The section reader: one education topic, scrolled by touch, with previous and next."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.content.model import Content, LanguageWords, Section
from kiosk.ui.flick import touch_scroll
from kiosk.ui.key_stops import Stop
from kiosk.ui.look_flow import ScreenStyle
from kiosk.ui.looked_screen import LookedScreen
from kiosk.ui.nesting import nest
from kiosk.ui.page_holder import PageHolder
from kiosk.ui.parts import FlowRow, button, set_button_text, text
from kiosk.ui.reader_pages import ReaderPages
from kiosk.ui.style import restyle_by


class SectionReaderScreen(LookedScreen):
    """Shows one section at a time; `section_chosen(id)` asks for another, `list_requested` for
    the list of all topics, `questionnaire_requested` for the questions.

    Every topic offers the way on to the questions; on the last topic it is the main action,
    since there is no next topic to read.
    """

    section_chosen = Signal(str)
    list_requested = Signal()
    questionnaire_requested = Signal()
    ahead_wanted = Signal()  # another section is in view: its pages can be got ready

    def __init__(self, content: Content,
                 looks: Callable[[], Sequence[ScreenStyle]] = lambda: ()) -> None:
        super().__init__("reader")
        self._content = content
        self._ids = [plan.id for plan in content.structure.sections]
        self._section_id = self._ids[0]
        self._words: LanguageWords | None = None

        self._position = text("", "muted", "reader_position")
        self._title = text("", "title", "reader_title")
        self._holder = PageHolder("reader_pages")
        self._pages = ReaderPages(content, self._holder, looks)
        self._scroll = touch_scroll("reader_scroll", self._holder)
        self._fraction = 0.0
        self._reflowing = False
        bar = self._scroll.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._reflowed)
        self._disclaimer = text("", "small", "reader_disclaimer")

        self._previous = button("reader_previous")
        self._all = button("reader_all")
        self._questions = button("reader_questions")
        self._next = button("reader_next", "primary")
        self._previous.clicked.connect(lambda: self._step(-1))
        self._next.clicked.connect(lambda: self._step(+1))
        self._all.clicked.connect(self.list_requested)
        self._questions.clicked.connect(self.questionnaire_requested)
        onward = FlowRow("reader_nav_onward")  # kept together, on the right
        onward.add(self._questions, Qt.AlignmentFlag.AlignRight)
        onward.add(self._next, Qt.AlignmentFlag.AlignRight)
        nav = FlowRow("reader_nav")
        nav.add(self._previous)
        nav.add_stretch()
        nav.add(onward, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(64, 32, 64, 16)
        # All topics stands by where the patient is in the list, at the top: the row at the
        # bottom keeps three buttons, which fit on a narrow screen at the largest text.
        where = QHBoxLayout()
        where.addWidget(self._position, 1)
        where.addWidget(self._all, 0, Qt.AlignmentFlag.AlignTop)
        nest(layout, where)
        layout.addWidget(self._title)
        layout.addSpacing(8)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self._disclaimer)
        layout.addWidget(nav)
        self.chrome = (self._position, self._all, self._title, self._disclaimer, nav, bar)

    @property
    def section_id(self) -> str:
        return self._section_id

    def key_stops(self) -> list[Stop]:
        """All topics at the top, the reading area (the arrows scroll it, Space and Enter
        turn its page), then the way on at the bottom."""
        return [self._all, self._scroll, self._previous, self._questions, self._next]

    def show_section(self, section_id: str) -> None:
        """Open a section at its top."""
        self._section_id = section_id
        self._fraction = 0.0
        self._render()
        self._scroll.verticalScrollBar().setValue(0)
        self.ahead_wanted.emit()

    def _step(self, delta: int) -> None:
        index = self._ids.index(self._section_id) + delta
        if 0 <= index < len(self._ids):
            self.section_chosen.emit(self._ids[index])

    def show_words(self, words: LanguageWords) -> None:
        self._words = words
        self._render()

    def show_look(self) -> None:
        self._centre_column()
        self._render()

    def reading_position(self) -> float:
        """How far down the section the patient has scrolled, from 0 to 1."""
        return self._fraction

    def _scrolled(self, value: int) -> None:
        maximum = self._scroll.verticalScrollBar().maximum()
        if not self._reflowing and maximum > 0:
            self._fraction = value / maximum

    def _reflowed(self, minimum: int, maximum: int) -> None:
        """The text was laid out again (language, text size, screen): keep the same place."""
        self._reflowing = True
        self._scroll.verticalScrollBar().setValue(round(self._fraction * maximum))
        self._reflowing = False

    def _centre_column(self) -> None:
        """On a wide screen the reading column sits in the middle, not against the left edge."""
        column = self.look.body * 34 + 24
        side = max(64, (self.width() - column) // 2)
        self._layout.setContentsMargins(side, 32, side, 16)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._centre_column()

    def _section(self) -> Section:
        assert self._words is not None
        sections = self._content.sections(self._words.code)
        return sections[self._ids.index(self._section_id)]

    def _render(self) -> None:
        if self._words is None:
            return
        section, ui = self._section(), self._words.ui
        self._position.setText(ui.section_position.format(
            number=section.number, total=len(self._ids)))
        self._title.setText(section.words.title)
        self._disclaimer.setText(self._words.education.disclaimer)
        set_button_text(self._previous, ui.previous_section)
        set_button_text(self._all, ui.all_sections)
        set_button_text(self._next, ui.next_section)
        set_button_text(self._questions, ui.reader_questions)
        last = section.number == len(self._ids)
        self._previous.setVisible(section.number > 1)
        self._next.setVisible(not last)
        restyle_by(self._questions, "role", "primary" if last else "")
        self._fill_page(section)

    def work_ahead(self) -> list[Callable[[], object]]:
        """The pages kept ahead (see kiosk/ui/reader_pages.py), one step each, so that turning
        a page, switching the language or the text size never waits for one (done while the
        patient reads); then the others go."""
        code = self._words.code if self._words is not None else self._content.structure.languages[0]
        return self._pages.work_ahead(self._ids.index(self._section_id), code, self.look)

    def _fill_page(self, section: Section) -> None:
        """Show the section's page."""
        assert self._words is not None
        page = self._pages.page(section, self._words.code, self.look)
        if self._holder.current is not page:
            self._reflowing = True  # the new page's length resets the bar; the place is kept
            self._holder.show_page(page)
            self._reflowing = False
            bar = self._scroll.verticalScrollBar()
            bar.setValue(round(self._fraction * bar.maximum()))

