"""Delivery tests that drive the kiosk window build it as the widget tests do."""

from __future__ import annotations

from tests.ui.conftest import make_window

__all__ = ["make_window"]
