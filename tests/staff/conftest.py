"""Staff tests that drive the kiosk window build it as the widget tests do; printing tests
reach a private CUPS server of their own (skipped where CUPS is not installed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.printing.cups_server import PrivateCups, missing, running_cups
from tests.ui.conftest import make_window

__all__ = ["cups", "make_window"]


@pytest.fixture
def cups(qtbot: QtBot) -> Iterator[PrivateCups]:
    """A running CUPS server with one PDF printer (tests/printing/cups_server.QUEUE)."""
    why = missing()
    if why is not None:
        pytest.skip(f"no real CUPS test: {why}")
    yield from running_cups(qtbot)
