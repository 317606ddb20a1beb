"""Laying out a screen that is not in view, so that showing it later only paints it.

Qt lays out a hidden widget only when it is shown: a screen got ready while the patient reads
another (the review list, filled in after each answer) still had every one of its widgets
sized, moved and measured at the moment it opened, the first time in a visit. Here that is
done while the kiosk waits, at the size the screen will have: the screen takes the size of
the place screens are shown in, each widget gets the move and resize Qt keeps for it until it
is shown, and each layout places its widgets. Showing the screen then finds every size as it
is and lays out nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QMoveEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

#: Rounds at most: a layout that places a widget gives it a resize of its own, which its own
#: layout follows in the next round.
MOST_ROUNDS = 8

_MOVE = Qt.WidgetAttribute.WA_PendingMoveEvent
_RESIZE = Qt.WidgetAttribute.WA_PendingResizeEvent


def lay_out_ahead(screen: QWidget, place: QRect) -> None:
    """Lay out `screen`, hidden, at `place` (where the window shows its screens); nothing is
    done to a screen in view, which Qt keeps laid out itself."""
    if screen.isVisible():
        return
    if screen.geometry() != place:
        screen.setGeometry(place)
    for _ in range(MOST_ROUNDS):
        if not _one_round(screen):
            return


def _one_round(screen: QWidget) -> bool:
    """One pass over the screen's widgets that will show with it; True while any had a resize
    still to be told or a layout to redo (a screen already laid out costs only a look)."""
    told = False
    areas: list[QAbstractScrollArea] = []
    for widget in (screen, *screen.findChildren(QWidget)):
        if widget is not screen and (widget.isWindow() or not widget.isVisibleTo(screen)):
            continue  # a window of its own, or hidden when the screen shows
        if widget.testAttribute(_MOVE):  # a move changes no size: no other round for it
            QApplication.sendEvent(widget, QMoveEvent(widget.pos(), widget.pos()))
            widget.setAttribute(_MOVE, False)
        if widget.testAttribute(_RESIZE):
            QApplication.sendEvent(widget, QResizeEvent(widget.size(), QSize()))
            widget.setAttribute(_RESIZE, False)
            told = True
        layout = widget.layout()
        if layout is not None and layout.activate():
            told = True
        if isinstance(widget, QAbstractScrollArea):
            areas.append(widget)
    if told:
        for area in areas:
            _measure_scrolling(area)
    return told


def _measure_scrolling(area: QAbstractScrollArea) -> None:
    """A scroll area measures what it holds, and shows its bar for it, when told of a layout
    request and of a resize: Qt tells a hidden one neither."""
    QApplication.sendEvent(area, QEvent(QEvent.Type.LayoutRequest))
    QApplication.sendEvent(area, QResizeEvent(area.size(), area.size()))
