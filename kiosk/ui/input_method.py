"""Choose Qt Virtual Keyboard as the input method before the QApplication exists, and keep
the field being typed into in sight.

Kept apart from the keyboard widget so that starting the kiosk (and a text answer) does not load
Qt Quick; the keyboard widget itself is built before the window is first shown.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QScrollArea, QWidget

IM_MODULE = "qtvirtualkeyboard"


def choose_virtual_keyboard() -> bool:
    """Set the environment for the embedded keyboard; True when it was already chosen.

    Values already in the environment win (a clinic can switch the keyboard off with
    QT_IM_MODULE=none). The keyboard never opens its own top-level window, and Qt Quick draws
    with the software renderer, so the keyboard needs no OpenGL.
    """
    chosen_before = os.environ.get("QT_IM_MODULE") == IM_MODULE
    os.environ.setdefault("QT_IM_MODULE", IM_MODULE)
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    return chosen_before


def keep_in_view(widget: QWidget) -> None:
    """Scroll the nearest scroll area holding `widget` so that all of it is in sight (the
    field being typed into, above the on-screen keyboard)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None and widget.isVisible():
        area.ensureWidgetVisible(widget, 0, 8)
