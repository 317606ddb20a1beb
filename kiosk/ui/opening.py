"""The opening: a picture of the welcome loop, on screen the moment the kiosk starts, while the
kiosk's window is built behind it.

The window is a few hundred milliseconds of imports and building away from its first frame,
and the welcome loop it starts on looks the same on every start until the clinic's files, the
kiosk's drawing code or the screen change. So the kiosk keeps a picture of that first frame,
stamped with everything it was drawn from, and the next start shows the picture first when
the stamp and the screen's size still match. The picture is taken only of the welcome loop
as the kiosk starts, before anyone has touched it: it holds nothing of any patient. A touch or
a key on the picture is not lost: it goes to the kiosk's window once that window is shown.
"""

from __future__ import annotations

import logging
import mmap
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.stamp import stamp
from kiosk.paths import write_private

if TYPE_CHECKING:
    from PySide6.QtGui import QInputEvent, QKeyEvent, QMouseEvent, QPaintEvent

log = logging.getLogger(__name__)

PICTURE_FILE = "opening.picture"
#: The file's first line; its second is "<stamp> <width> <height> <bytes a line> <format>
#: <device pixel ratio>", then the pixels as they are in memory (no decoding to wait for).
MAGIC = b"spine-kiosk welcome loop picture 1\n"
UI_CODE = Path(__file__).resolve().parent
#: The code that draws the welcome loop: a change to any of it makes a stored picture stale.
DRAWING_CODE = (UI_CODE, UI_CODE / "screens", UI_CODE.parent / "content")


def drawn_from(sources: Iterable[Path]) -> str:
    """The stamp of the clinic's files (`sources`) and of the kiosk's drawing code."""
    code = [file for folder in DRAWING_CODE for file in sorted(folder.glob("*.py"))]
    return stamp([*sources, *code])


class StoredPicture:
    """The picture's pixels, mapped from its file (the page cache's own copy, not read into
    memory), and the image drawn straight from them."""

    def __init__(self, pixels: memoryview, width: int, height: int, line: int, kind: int,
                 ratio: float) -> None:
        self.pixels = pixels  # the image reads them in place: they live as long as it does
        self.image = QImage(pixels, width, height, line, QImage.Format(kind))
        self.image.setDevicePixelRatio(ratio)


def stored_picture(data: Path, key: str, size: QSize) -> StoredPicture | None:
    """The stored picture of the welcome loop, if it was drawn from `key` at `size`. (A new
    picture replaces the file whole, never writes into it: the mapping stays whole.)"""
    try:
        with (data / PICTURE_FILE).open("rb") as file:
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file
        return None
    try:
        header_end = mapped.find(b"\n", len(MAGIC)) + 1
        if mapped[:len(MAGIC)] != MAGIC or header_end == 0:
            return None
        stamped, *numbers = mapped[len(MAGIC):header_end].decode("ascii").split()
        width, height, line, kind = (int(number) for number in numbers[:4])
        ratio = float(numbers[4])
    except (ValueError, IndexError, UnicodeDecodeError):
        return None
    if stamped != key or QSize(round(width / ratio), round(height / ratio)) != size:
        return None
    if len(mapped) - header_end != line * height:
        return None
    return StoredPicture(memoryview(mapped)[header_end:], width, height, line, kind, ratio)


def keep_picture(window: QWidget, data: Path, key: str) -> None:
    """Store a picture of `window` (the welcome loop just drawn) for the next start, unless
    the stored one is already of the same stamp and size."""
    if stored_picture(data, key, window.size()) is not None:
        return
    image = window.grab().toImage()
    header = (f"{key} {image.width()} {image.height()} {image.bytesPerLine()} "
              f"{image.format().value} {image.devicePixelRatio()}\n")
    try:
        write_private(data / PICTURE_FILE, MAGIC + header.encode("ascii")
                      + bytes(image.constBits()))
    except OSError as exc:
        log.warning("the welcome loop's picture not stored: %s", exc)


class Opening(QWidget):
    """The stored picture, full size; input it receives is handed on to the kiosk's window."""

    def __init__(self, picture: StoredPicture) -> None:
        super().__init__()
        self.setObjectName("Opening")
        self._picture = picture
        self._held: list[QInputEvent] = []
        self._kiosk: QWidget | None = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        QPainter(self).drawImage(0, 0, self._picture.image)

    def hand_over(self, kiosk: QWidget) -> None:
        """The kiosk's window is shown: input held so far, and any that still comes here, go
        to it."""
        self._kiosk = kiosk
        held, self._held = self._held, []
        for event in held:
            self._pass_on(event)

    # Input is taken by the handlers (not by type in `event`): the event classes then load
    # only when the first touch or key comes.
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._take(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._take(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._take(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self._take(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self._take(event)

    def _take(self, event: QInputEvent) -> None:
        event.accept()
        if self._kiosk is None:
            self._held.append(event.clone())
        else:
            self._pass_on(event)

    def _pass_on(self, event: QInputEvent) -> None:
        assert self._kiosk is not None
        target = self._kiosk.windowHandle()
        if target is not None:  # the window's own handling finds the screen under a touch
            QApplication.sendEvent(target, event)
