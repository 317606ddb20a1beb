"""Read a screen the way a patient does: the text of every visible label and button."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def visible_text(root: QWidget) -> str:
    parts = [w.text() for w in root.findChildren(QLabel) if w.isVisible() and w.text()]
    parts += [b.text() for b in root.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    return "\n".join(parts)
