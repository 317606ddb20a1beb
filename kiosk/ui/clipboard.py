"""The clipboard forgets what a patient copied, so the next patient cannot paste it."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication


def forget_clipboard() -> None:
    """Clear what Ctrl+C on a hardware keyboard (or a selection) left behind, in every
    clipboard the platform has."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)
