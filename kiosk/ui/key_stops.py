"""The places a keyboard or a switch reaches on a screen, in reading order.

A screen lists its stops: single controls, and groups of choices that belong together (the
answers of a question, the 0-10 scale, a number pad, the bar's languages). A group is one
Tab stop whose arrows move inside it; Tab enters it at its chosen control, or its first. Any
screen that does not list its own stops gets every visible control, read top to bottom and
left to right, with the buttons of an exclusive button group (the bar's languages, its text
sizes) as one group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

#: The property that makes Return go on from a control rather than press it: the box a number
#: is typed into and the fields of a date, which a keyboard types into like a text box.
RETURN_GOES_ON = "return_goes_on"


@dataclass(frozen=True, eq=False)
class Group:
    """Choices that take one Tab stop; the arrows move between them. `grid`: laid out in
    rows and columns (a number pad), so Up and Down go to the key above or below; otherwise
    every arrow steps along the list, as in a radio group."""

    controls: Sequence[QWidget]
    grid: bool = False

    def shown(self) -> list[QWidget]:
        return [control for control in self.controls if reachable(control)]

    def entry(self) -> QWidget | None:
        """Where Tab enters: the chosen control (the first chosen of several), else the first."""
        shown = self.shown()
        chosen = [c for c in shown if isinstance(c, QAbstractButton) and c.isChecked()]
        return (chosen or shown or [None])[0]


Stop = QWidget | Group


def reachable(widget: QWidget) -> bool:
    """On screen and usable: a hidden or disabled control is no stop."""
    return widget.isVisible() and widget.isEnabled()


def return_goes_on(widget: QWidget) -> None:
    """Return on `widget` goes on to what follows (as in a text box), not press it."""
    widget.setProperty(RETURN_GOES_ON, True)


def found_stops(root: QWidget) -> list[Stop]:
    """Every visible control under `root` that a keyboard may reach, in reading order; the
    buttons of one exclusive button group make one group, where its first button stands."""
    controls = [widget for widget in root.findChildren(QWidget)
                if isinstance(widget, QAbstractButton | QLineEdit) and _keyed(widget)
                and reachable(widget)]
    stops: list[Stop] = []
    grouped: set[int] = set()
    for control in in_reading_order(controls, root):
        group = control.group() if isinstance(control, QAbstractButton) else None
        if group is None or not group.exclusive():
            stops.append(control)
        elif id(group) not in grouped:
            grouped.add(id(group))
            members = [b for b in group.buttons() if reachable(b)]
            stops.append(Group(in_reading_order(members, root)))
    return stops


def _keyed(widget: QWidget) -> bool:
    """Whether a keyboard may reach `widget`. Qt takes Tab away from the unchosen buttons
    of an exclusive group (a group is one Tab stop); they still belong to their group."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return True
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        group = widget.group()
        return widget.autoExclusive() or (group is not None and group.exclusive())
    return False


def in_reading_order(widgets: Sequence[QWidget], root: QWidget) -> list[QWidget]:
    """`widgets` top to bottom, and left to right along a line (widgets whose heights
    overlap the middle of a line's first widget share that line)."""
    placed = sorted(((_where(widget, root), widget) for widget in widgets),
                    key=lambda pair: (pair[0].top(), pair[0].left()))
    ordered: list[QWidget] = []
    line: list[tuple[QRect, QWidget]] = []
    middle = 0
    for rect, widget in placed:
        if line and rect.top() >= middle:
            ordered.extend(w for _, w in sorted(line, key=lambda pair: pair[0].left()))
            line = []
        if not line:
            middle = rect.center().y()
        line.append((rect, widget))
    ordered.extend(w for _, w in sorted(line, key=lambda pair: pair[0].left()))
    return ordered


def _where(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root.window(), QPoint(0, 0)), widget.size())
