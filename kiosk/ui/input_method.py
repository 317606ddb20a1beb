"""Choose Qt Virtual Keyboard as the input method before the QApplication exists.

Kept apart from the keyboard widget so that starting the kiosk does not load Qt Quick before
the first frame; the widget itself is built just after it.
"""

from __future__ import annotations

import os

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
