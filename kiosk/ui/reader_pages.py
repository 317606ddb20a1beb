"""The section reader's pages: one per section, language and look, made while the patient reads.

A page carries the style sheet and font of its look (the patient's text size in the clinic's
colours or a high-contrast mode; none at the kiosk's resting size, where it follows the window),
so a page made ahead for another text size is styled for it already, and a change of size
restyles no page: the reader shows the page made for the new look and the others go while the
patient reads. Kept at any time: every section in the language in view, the section in view in
the other languages, and the section in view at the other text sizes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Block, Content, Section
from kiosk.ui.bullet_text import BulletText
from kiosk.ui.page_holder import PageHolder
from kiosk.ui.parts import text
from kiosk.ui.picture import Picture

if TYPE_CHECKING:
    from kiosk.ui.look_flow import ScreenStyle


class ReaderPages:
    """The pages in `holder`; `looks()` gives the look of every text size in the colours in
    use (the reader makes the section in view ahead in each)."""

    def __init__(self, content: Content, holder: PageHolder,
                 looks: Callable[[], Sequence[ScreenStyle]]) -> None:
        self._content = content
        self._holder = holder
        self._looks = looks

    def page(self, section: Section, code: str, look: ScreenStyle) -> QWidget:
        """The section's page in language `code` and `look`, made now if it was not."""
        return self._holder.kept((section.id, code, look.sheet),
                                 lambda: _built(self._content, section, look))

    def work_ahead(self, index: int, code: str, look: ScreenStyle) -> list[Callable[[], object]]:
        """Steps that make the pages to keep (see the module) for the section at `index` in
        view in language `code` and `look`, one each, then let the others go."""
        sections = {language: self._content.sections(language)
                    for language in self._content.structure.languages}
        wanted: list[tuple[Section, str, ScreenStyle]] = [
            (section, code, look) for section in sections[code]]
        wanted.extend((sections[other][index], other, look) for other in sections
                      if other != code)
        wanted.extend((sections[code][index], code, other_look) for other_look in self._looks()
                      if other_look.sheet != look.sheet)
        steps: list[Callable[[], object]] = [functools.partial(self.page, *one)
                                             for one in wanted]
        keep = {(section.id, language, kept.sheet) for section, language, kept in wanted}
        steps.append(functools.partial(self._holder.keep_only, keep))
        return steps


def _built(content: Content, section: Section, look: ScreenStyle) -> QWidget:
    body = look.body
    page = QWidget()
    page.setObjectName("reader_page")
    if look.sheet:
        page.setStyleSheet(look.sheet)
        page.setFont(look.font)
    page.setMaximumWidth(body * 34)
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 24, 24)
    if section.plan.illustration:
        picture = Picture(content.illustration_path(section.plan.illustration), body * 11)
        picture.setObjectName("reader_picture")
        picture.setAccessibleName(section.words.picture or "")
        column.addWidget(picture)
        column.addWidget(text(section.words.picture or "", "caption", "reader_caption"))
        column.addSpacing(body)
    for block in section.words.body:
        _add_block(column, block, body)
    column.addStretch(1)
    return page


def _add_block(column: QVBoxLayout, block: Block, body: int) -> None:
    if block.kind == "heading":
        column.addSpacing(body // 2)
        column.addWidget(text(block.text, "subtitle"))
    elif block.kind == "text":
        column.addWidget(text(block.text))
    else:
        for item in block.items:
            column.addWidget(BulletText(item, body))
    column.addSpacing(body // 3)
