"""The section reader: one education topic, scrolled by touch, with previous and next."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Block, Content, LanguageWords, Section
from kiosk.ui.bullet_text import BulletText
from kiosk.ui.flick import touch_scroll
from kiosk.ui.key_stops import Stop
from kiosk.ui.nesting import nest
from kiosk.ui.page_holder import PageHolder
from kiosk.ui.parts import FlowRow, Screen, button, set_button_text, text
from kiosk.ui.picture import Picture


class SectionReaderScreen(Screen):
    """Shows one section at a time; `section_chosen(id)` asks for another, `list_requested` for
    the list of all topics, `questionnaire_requested` for the questions.

    Every topic offers the way on to the questions; on the last topic it is the main action,
    since there is no next topic to read.
    """

    section_chosen = Signal(str)
    list_requested = Signal()
    questionnaire_requested = Signal()
    ahead_wanted = Signal()  # another section is in view: its pages can be got ready

    def __init__(self, content: Content) -> None:
        super().__init__("reader")
        self._content = content
        self._ids = [plan.id for plan in content.structure.sections]
        self._section_id = self._ids[0]
        self._words: LanguageWords | None = None
        self._body_px = 26

        self._position = text("", "muted", "reader_position")
        self._title = text("", "title", "reader_title")
        self._pages: dict[tuple[str, str], QWidget] = {}
        self._holder = PageHolder("reader_pages")
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

    def drop_sized(self, body_px: int) -> None:
        """Pages are laid out for one text size: those of another go."""
        if body_px != self._body_px:
            self._forget_pages()

    def apply_metrics(self, body_px: int) -> None:
        self.drop_sized(body_px)
        self._body_px = body_px
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
        column = self._body_px * 34 + 24
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
        self._questions.setProperty("role", "primary" if last else "")
        self._questions.style().unpolish(self._questions)
        self._questions.style().polish(self._questions)
        self._fill_page(section)

    def work_ahead(self) -> list[Callable[[], object]]:
        """The page of every section in the language in view and of the section in view in
        the other languages, at the text size in use, one step each, so that turning a page or
        switching the language never waits for one (done while the patient reads); then the
        pages of a language no longer in view go. Only those: a new text size deletes every
        page made for the old one, while the patient waits for it."""
        code = self._words.code if self._words is not None else self._content.structure.languages[0]
        index = self._ids.index(self._section_id)
        steps: list[Callable[[], object]] = [
            functools.partial(self._page, section, code)
            for section in self._content.sections(code)]
        steps.extend(functools.partial(self._page, self._content.sections(other)[index], other)
                     for other in self._content.structure.languages if other != code)
        steps.append(functools.partial(self._drop_pages_out_of_view, code))
        return steps

    def _drop_pages_out_of_view(self, code: str) -> None:
        """Pages in another language than `code`, but for the section in view, go."""
        if self._words is None or self._words.code != code:
            return  # the language changed again since: its own steps follow
        for (section_id, language), page in list(self._pages.items()):
            if language != code and section_id != self._section_id:
                del self._pages[(section_id, language)]
                self._holder.drop(page)

    def _page(self, section: Section, code: str) -> QWidget:
        """The section's page in language `code`: built once per language and text size."""
        key = (section.id, code)
        page = self._pages.get(key)
        if page is None:
            page = self._pages[key] = self._build_page(section)
            self._holder.adopt(page)  # styled now, while the kiosk waits
        return page

    def _fill_page(self, section: Section) -> None:
        """Show the section's page."""
        assert self._words is not None
        page = self._page(section, self._words.code)
        if self._holder.current is not page:
            self._reflowing = True  # the new page's length resets the bar; the place is kept
            self._holder.show_page(page)
            self._reflowing = False
            bar = self._scroll.verticalScrollBar()
            bar.setValue(round(self._fraction * bar.maximum()))

    def _forget_pages(self) -> None:
        self._holder.forget()
        self._pages.clear()

    def _build_page(self, section: Section) -> QWidget:
        page = QWidget()
        page.setObjectName("reader_page")
        page.setMaximumWidth(self._body_px * 34)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 24, 24)
        if section.plan.illustration:
            picture = Picture(self._content.illustration_path(section.plan.illustration),
                              self._body_px * 11)
            picture.setObjectName("reader_picture")
            picture.setAccessibleName(section.words.picture or "")
            column.addWidget(picture)
            column.addWidget(text(section.words.picture or "", "caption",
                                        "reader_caption"))
            column.addSpacing(self._body_px)
        for block in section.words.body:
            self._add_block(column, block)
        column.addStretch(1)
        return page

    def _add_block(self, column: QVBoxLayout, block: Block) -> None:
        if block.kind == "heading":
            column.addSpacing(self._body_px // 2)
            column.addWidget(text(block.text, "subtitle"))
        elif block.kind == "text":
            column.addWidget(text(block.text))
        else:
            for item in block.items:
                column.addWidget(BulletText(item, self._body_px))
        column.addSpacing(self._body_px // 3)
