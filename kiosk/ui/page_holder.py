"""Pages kept inside a scroll area, one shown at a time, each styled once.

A scroll area can hold one widget, and swapping it takes the old one out of the window and
puts the new one in, which styles every widget of the page again (a few milliseconds a page:
the reader did it at each turn of a page). The holder stays the scroll area's widget; its
pages are its children from when they are made (ahead, while the kiosk waits), and turning a
page hides one and shows another. The holder takes the size of the page in view, so the
scroll area scrolls that page's length. Pages are kept by a key of the screen's choosing (a
section, a language, a look): `kept` makes one the first time it is asked for, `keep_only`
lets the others go.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable

import shiboken6
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.parts import take_in_hidden


class PageHolder(QWidget):
    """Holds pages and shows one (`show_page`), at most as wide as the page allows."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._current: QWidget | None = None
        self._kept: dict[Hashable, QWidget] = {}

    @property
    def current(self) -> QWidget | None:
        return self._current

    def adopt(self, page: QWidget) -> None:
        """Take `page` in, hidden and styled, to be shown later."""
        take_in_hidden(self, page)

    def show_page(self, page: QWidget) -> None:
        if page.parentWidget() is not self:
            self.adopt(page)
        if self._current is not None and self._current is not page:
            self._current.hide()
        self._current = page
        self._place()
        page.show()
        self.updateGeometry()  # the scroll area measures the new page

    def kept(self, key: Hashable, make: Callable[[], QWidget]) -> QWidget:
        """The page kept under `key`, made with `make` (and taken in, styled) if it was not."""
        page = self._kept.get(key)
        if page is None:
            page = self._kept[key] = make()
            self.adopt(page)
        return page

    def keep_only(self, keys: Collection[Hashable]) -> None:
        """The pages kept under other keys go, at once (between two of the patient's touches),
        but never the page in view."""
        for key, page in list(self._kept.items()):
            if key not in keys and page is not self._current:
                del self._kept[key]
                shiboken6.delete(page)

    def _width_for(self, width: int) -> int:
        assert self._current is not None
        return min(width, self._current.maximumWidth())

    def _place(self) -> None:
        if self._current is not None:
            width = self._width_for(self.width())
            self._current.setGeometry(0, 0, width,
                                      max(self.height(), self.heightForWidth(self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._place()

    def event(self, event: QEvent) -> bool:
        """The page in view asks for another size (its words changed: a language): the holder
        places it again and tells the scroll area of its own new size."""
        if event.type() == QEvent.Type.LayoutRequest and self._current is not None:
            self._place()
            self.updateGeometry()
        return super().event(event)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        if self._current is None:
            return 0
        height = self._current.heightForWidth(self._width_for(width))
        return height if height >= 0 else self._current.sizeHint().height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._current.sizeHint() if self._current is not None else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return (self._current.minimumSizeHint() if self._current is not None
                else QSize(0, 0))
