"""The soak drives a kiosk window built as the widget tests build theirs."""

from __future__ import annotations

from tests.ui.conftest import make_window

__all__ = ["make_window"]
