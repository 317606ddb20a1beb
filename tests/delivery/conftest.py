"""What the delivery tests share: the kiosk window as the widget tests build it, and a visit
store that delivers (as the kiosk's is when the settings name a FHIR server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.records.store import VisitStore
from tests.ui.conftest import make_window

__all__ = ["make_window", "store"]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[VisitStore]:
    kept = VisitStore(tmp_path / "visits.sqlite3")
    kept.delivers = True
    yield kept
    kept.close()
