"""Test set-up: Qt offscreen, fast durations, and the shipped content loaded once."""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from kiosk.system_locale import ensure_usable_locale

ensure_usable_locale()  # a machine naming a locale it does not have still runs the tests
#: Printing in tests reaches only the private CUPS server of tests/printing (or nothing).
CUPS_FOLDER = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
os.environ["CUPS_SERVER"] = str(CUPS_FOLDER / "cups.sock")
os.environ.setdefault("XDG_DATA_HOME", "/nonexistent-test-home")

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402

from kiosk.content.loader import (  # noqa: E402 - the environment must be set first
    DEFAULT_CONTENT,
    DEFAULT_SETTINGS,
    DEFAULT_THEME,
    Loaded,
    load_all,
)
from kiosk.ui.keyboard import enable_virtual_keyboard  # noqa: E402
from kiosk.ui.qt_messages import KNOWN_NOISE  # noqa: E402
from tests.fhir_engine.engine import fhir_engine, fresh_fhir_engine  # noqa: E402, F401 - fixtures

enable_virtual_keyboard()  # before pytest-qt makes the QApplication

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Qt's known harmless messages are not failures; every other Qt warning is."""
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(*KNOWN_NOISE, extend=True))


@pytest.fixture(autouse=True)
def closed_widgets_deleted() -> Iterator[None]:
    """A test's widgets are gone when it ends. pytest-qt closes them and asks Qt to delete
    them, which Qt does only at a later wait, perhaps tests later; until then each closed
    kiosk window kept its timers and its application-wide event filters, and every later
    test's events went through them all."""
    yield
    if QCoreApplication.instance() is not None:
        loop_turned()


def loop_turned() -> None:
    """What the kiosk let go (hidden, deleted at the next turn of its event loop) is gone, as
    it is before a person's next touch or look; a test's own clicks do not turn the loop."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def shipped() -> Loaded:
    """The content, theme and settings exactly as they ship."""
    return load_all(DEFAULT_CONTENT, DEFAULT_SETTINGS, DEFAULT_THEME)


def with_kiosk(loaded: Loaded, **changes: object) -> Loaded:
    """`loaded` with some kiosk settings changed (durations in tests are milliseconds)."""
    kiosk = dataclasses.replace(loaded.settings.kiosk, **changes)  # type: ignore[arg-type]
    return dataclasses.replace(loaded, settings=dataclasses.replace(loaded.settings, kiosk=kiosk))


@pytest.fixture
def loaded(shipped: Loaded) -> Loaded:
    """Shipped content with animations off, an idle time no test reaches by accident, and
    one-tap answers that wait for Next (a test tapping an answer, then Next, never races the
    pause; the tests of the pause set it themselves)."""
    return with_kiosk(shipped, animations=False, idle_seconds=600.0, auto_advance_seconds=0.0)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content folder, for tests that break it."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT, target)
    return target


@pytest.fixture
def settings_copy(tmp_path: Path) -> Path:
    target = tmp_path / "settings.yaml"
    shutil.copy(DEFAULT_SETTINGS, target)
    return target


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Where a test's kiosk keeps logs and data; never the real home folder."""
    return tmp_path / "data"
