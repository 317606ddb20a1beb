"""What a person would see as broken on a screen: cut-off words, controls off screen, cut by
what holds them or smaller than a fingertip, a text box hidden under the keyboard, a window
pushed out of full screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from kiosk.ui.window import KioskWindow

#: The smallest a control may be for a finger (WCAG 2.5.5 asks 44 px; the kiosk 48).
MIN_TARGET_PX = 48


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _label_cut(label: QLabel) -> bool:
    """Whether the label's words need more room than it has."""
    if label.wordWrap():
        return label.height() < label.heightForWidth(label.width())
    room = label.contentsRect()
    margin = label.margin() * 2 + label.indent() if label.indent() > 0 else label.margin() * 2
    needed = label.fontMetrics().boundingRect(
        QRect(0, 0, 100_000, 100_000), int(Qt.AlignmentFlag.AlignLeft), label.text())
    return needed.width() > room.width() - margin + 1 or needed.height() > room.height() + 1


def _cut_by_holder(widget: QWidget) -> bool:
    """Whether the widget sticks out of the widget holding it (which would cut it off); the
    page inside a scroll area is free to be taller than the area."""
    parent = widget.parentWidget()
    if parent is None or isinstance(parent, QAbstractScrollArea):
        return False
    if parent.objectName() == "qt_scrollarea_viewport":
        return False
    return not parent.rect().contains(widget.geometry())


def problems(window: KioskWindow, size: tuple[int, int]) -> list[str]:
    """Everything wrong with the screen on show, in words a tester would write down."""
    found: list[str] = []
    width, height = size
    if (window.width(), window.height()) != size:
        found.append(f"the window was resized to {window.width()}x{window.height()}")
    hint = window.minimumSizeHint()
    if hint.width() > width or hint.height() > height:
        found.append(f"the window asks for at least {hint.width()}x{hint.height()}")
    screen = window.page(window.place.screen)
    roots = [screen, *([window.bar] if window.bar.isVisible() else [])]
    for root in roots:
        for area in root.findChildren(QScrollArea):
            page = area.widget()
            # A page laid out to the area's width must fit it; a page of its own size (a
            # sheet of paper, zoomed) is there to be dragged sideways.
            if (_shown(area) and page is not None and area.widgetResizable()
                    and page.width() > area.viewport().width()):
                found.append(f"{area.objectName()} is cut off at the side")
        for label in root.findChildren(QLabel):
            if _shown(label) and label.text() and _label_cut(label):
                found.append(f"label {label.objectName() or label.text()[:40]!r} is cut off")
        for widget in [*root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
            holder = widget.parentWidget()
            if _shown(widget) and holder is not None and _cut_by_holder(widget):
                found.append(f"{widget.objectName() or type(widget).__name__} sticks out of "
                             f"{holder.objectName() or type(holder).__name__}")
        for control in root.findChildren(QAbstractButton):
            if not _shown(control):
                continue
            if min(control.width(), control.height()) < MIN_TARGET_PX:
                found.append(f"button {control.objectName()} is smaller than a fingertip "
                             f"({control.width()}x{control.height()})")
            if (isinstance(control, QPushButton) and control.text() and control.layout() is None
                    and control.width() < control.sizeHint().width()):
                found.append(f"button {control.objectName()} is narrower than its words "
                             f"({control.width()} < {control.sizeHint().width()})")
            holder = scroll_area_of(control)
            frame = holder.widget() if holder is not None else window
            assert frame is not None
            where = QRect(control.mapTo(frame, control.rect().topLeft()), control.size())
            if not frame.rect().contains(where):
                found.append(f"button {control.objectName()} is off screen")
    found += _typing_hidden(window)
    return found


def _typing_hidden(window: KioskWindow) -> list[str]:
    """The text box being typed into must be on screen, above the on-screen keyboard."""
    field = QApplication.focusWidget()
    if not isinstance(field, QLineEdit) or not field.isVisible() or field.window() is not window:
        return []
    keyboard = getattr(window, "keyboard", None)
    top = window.height()
    if keyboard is not None and keyboard.isVisible() and keyboard.height() > 0:
        top = keyboard.mapTo(window, keyboard.rect().topLeft()).y()
    where = QRect(field.mapTo(window, field.rect().topLeft()), field.size())
    if where.top() < 0 or where.bottom() > top:
        return [f"the text box {field.objectName()} is hidden (at {where.top()}-{where.bottom()},"
                f" keyboard from {top})"]
    return []
