"""Where the shipped content, theme and settings live."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
DEFAULT_CONTENT = RESOURCES / "content"
DEFAULT_SETTINGS = RESOURCES / "settings.yaml"
DEFAULT_THEME = RESOURCES / "theme" / "theme.yaml"
