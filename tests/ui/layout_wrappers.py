"""Counting PySide's Python stand-ins for layout items still alive: there should be none."""

from __future__ import annotations

import gc

import shiboken6

LAYOUT_ITEMS = ("QWidgetItem", "QLayoutItem", "QSpacerItem")


def layout_item_wrappers() -> list[str]:
    """The type of every live wrapper of a layout item (after a garbage collection)."""
    gc.collect()
    return [type(kept).__name__ for kept in shiboken6.getAllValidWrappers()
            if type(kept).__name__ in LAYOUT_ITEMS]
