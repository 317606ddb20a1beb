"""Putting one layout inside another without leaving stale Python stand-ins behind.

When a layout that already holds widgets is added to another, PySide wraps each of its items
(QWidgetItem) in a Python object and keeps it alive for as long as the outer layout lives. Qt
deletes an item when its widget leaves the layout (removeWidget, setParent(None), deletion), but
the Python object stays in PySide's table under the item's old address; an object Qt later puts
at that address (a style, another item) is then handed to Python as that stale QWidgetItem and
the screen fails at random. `nest` adds the layout and lets those stand-ins go at once (the
items and their widgets are untouched): every layout of the kiosk is nested through it. An
item taken out of a layout is the taker's to free: `discard` does it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QBoxLayout, QLayout, QLayoutItem


def nest(outer: QBoxLayout, inner: QLayout, stretch: int = 0, index: int | None = None) -> None:
    """Add `inner` to `outer` (at `index`, else last) with `stretch`."""
    if index is None:
        outer.addLayout(inner, stretch)
    else:
        outer.insertLayout(index, inner, stretch)
    _let_go(inner)


def _let_go(layout: QLayout) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner = item.layout()
        if inner is not None:
            _let_go(inner)
        else:
            shiboken6.invalidate(item)


def discard(item: QLayoutItem | None) -> None:
    """Free an item taken out of a layout (takeAt leaves it to the caller); a nested layout is
    left to its owner."""
    if item is not None and item.layout() is None:
        shiboken6.delete(item)
