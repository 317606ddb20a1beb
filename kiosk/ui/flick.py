"""Scrolling by touch: every scroll area of the kiosk is dragged and flicked by a finger, as
on a phone, and a tap still reaches the control under it at once."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QWidget,
)


def touch_scroll(name: str, page: QWidget | None = None) -> QScrollArea:
    """A scroll area a finger drags and flicks, showing `page` at its width."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    if page is not None:
        area.setWidget(page)
    kinetic(area)
    return area


class _FlickGesture:
    """The one drag-and-flick gesture every scroll area of the kiosk shares.

    `QScroller.grabGesture` registers a new gesture type for each area it is given, and the
    Qt binding keeps every new type number it hands back for good; the questions and the
    review list are built afresh for each patient, so a gesture of their own would grow the
    kiosk's memory with every visit. The gesture is registered once instead, on an object of
    its own; each area has its own scroller (the gesture drives the scroller of the area it
    started on) and grabs the shared type. The object has no parent: the binding deletes it
    while the application, and with it Qt's gesture machinery, still exists (as a child of
    the application it would go after that machinery, and take the kiosk down as it closes).
    """

    owner: QObject | None = None
    kind: Qt.GestureType | None = None

    @classmethod
    def grab(cls, widget: QWidget) -> None:
        owner = cls.owner
        if owner is None or not shiboken6.isValid(owner) or cls.kind is None:
            owner = QObject()
            owner.setObjectName("kiosk_flick_gesture")
            cls.kind = QScroller.grabGesture(
                owner, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
            cls.owner = owner
        widget.grabGesture(cls.kind)


def flicks(area: QAbstractScrollArea, on: bool) -> None:
    """Whether a finger's drag on `area` scrolls it (on), or the scroll area around it."""
    kind = _FlickGesture.kind
    if kind is None:
        return
    if on:
        area.viewport().grabGesture(kind)
    else:
        area.viewport().ungrabGesture(kind)


def kinetic(area: QAbstractScrollArea) -> None:
    """Let a finger drag and flick the area, as on a phone. A touch on it (or on a button in
    it) leaves the keys where they are: a scroll area takes them on a click by default, and a
    tap on Next just above the on-screen keyboard then took them from the text box, the
    keyboard closed under the finger, and Next moved away before it lifted."""
    area.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab still reaches a reading area
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    viewport = area.viewport()
    scroller = QScroller.scroller(viewport)  # before the gesture, which drives this scroller
    _FlickGesture.grab(viewport)
    properties = scroller.scrollerProperties()
    # A tap reaches the control under the finger at once; only a drag becomes a scroll.
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    scroller.setScrollerProperties(properties)
