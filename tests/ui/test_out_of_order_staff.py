"""Out of order for patients, open to staff: with the clinic's files broken, a patient sees only
the out-of-order message, while the corner gesture and the PIN still open staff mode on the last
good content, where staff see the print queue, exit the kiosk, and load the fixed files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Options, start
from kiosk.content.cache import load_cached
from kiosk.content.files import DEFAULT_THEME
from kiosk.content.model import Loaded
from kiosk.content.settings_file import set_value
from kiosk.records.staff_pin import hash_pin
from kiosk.records.store import VisitStore
from kiosk.ui import qt_messages
from kiosk.ui.window import KioskWindow
from tests.records.test_store import submitted
from tests.ui.conftest import find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_staff_mode import PIN, corner_taps, type_pin

OUT_OF_ORDER = ("This screen is out of order", "Please ask at the front desk. We are sorry.",
                "Esta pantalla no funciona", "Por favor, pregunte en la recepción. Disculpe.")


@dataclass(frozen=True)
class Clinic:
    """The clinic's files and the kiosk's data folder; `queued` is a visit waiting to print."""

    content: Path
    settings: Path
    data: Path
    queued: str


def break_ui_words(content: Path) -> None:
    ui = content / "en" / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("home: Home", "hme: Home"),
                  encoding="utf-8")


def fix_ui_words(content: Path) -> None:
    ui = content / "en" / "ui.yaml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("hme: Home", "home: Home"),
                  encoding="utf-8")


@pytest.fixture
def clinic(shipped: Loaded, content_copy: Path, settings_copy: Path, data_dir: Path) -> Clinic:
    """A kiosk that ran on good files with a PIN set and left a visit waiting to print; then the
    clinic broke a word file."""
    settings_copy.write_text(settings_copy.read_text(encoding="utf-8").replace(
        "animations: true", "animations: false"), encoding="utf-8")
    set_value(settings_copy, "staff", "pin_hash", hash_pin(PIN))
    data_dir.mkdir(parents=True)
    load_cached(content_copy, settings_copy, DEFAULT_THEME, data_dir / "content-cache.pickle")
    store = VisitStore(data_dir / "visits.sqlite3")
    waiting = submitted(shipped, "likely-candidate")
    store.save_submitted(waiting)
    store.close()
    break_ui_words(content_copy)
    return Clinic(content_copy, settings_copy, data_dir, waiting.visit_id)


StartKiosk = Callable[[Clinic], KioskWindow]


@pytest.fixture
def start_kiosk(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[StartKiosk]:
    """Start the kiosk as `kiosk --data … --content … --settings …` does, in kiosk mode, and
    wait until its back office (store and printer) runs."""
    monkeypatch.setattr(qt_messages, "route_to_log", lambda: None)  # pytest-qt sees Qt's words
    name = QApplication.applicationName()
    started: list[KioskWindow] = []

    def start_kiosk(clinic: Clinic) -> KioskWindow:
        options = Options(settings=clinic.settings, content=clinic.content, data=clinic.data)
        _, window = start(options, clinic.data)
        assert isinstance(window, KioskWindow)
        qtbot.addWidget(window)
        started.append(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)

        def back_office_runs() -> None:
            assert window.store is not None and window.print_queue is not None

        qtbot.waitUntil(back_office_runs)
        return window

    yield start_kiosk
    for window in started:
        window.allow_close()
        window.close()
    QApplication.setApplicationName(name)


def buttons_on_screen(window: KioskWindow) -> list[str]:
    return [b.objectName() for b in window.findChildren(QAbstractButton) if b.isVisible()]


def assert_out_of_order(window: KioskWindow) -> None:
    shown = visible_text(window)
    assert all(words in shown for words in OUT_OF_ORDER), shown
    assert buttons_on_screen(window) == [], "nothing for a patient to touch"


def open_staff_mode(qtbot: QtBot, window: KioskWindow) -> None:
    corner_taps(qtbot, window, 5)
    assert "Enter the staff PIN" in visible_text(window)
    type_pin(qtbot, window, PIN)
    assert "Today's visits" in visible_text(window)


def test_a_patient_sees_only_the_message_and_touching_it_does_nothing(
        qtbot: QtBot, start_kiosk: StartKiosk, clinic: Clinic) -> None:
    window = start_kiosk(clinic)
    assert_out_of_order(window)
    shown = visible_text(window)
    assert "hme" not in shown and "Traceback" not in shown
    assert "Touch the screen to begin" not in shown, "no welcome loop"
    middle = window.rect().center()
    for _ in range(3):
        target = window.childAt(middle) or window
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, middle))
    assert_out_of_order(window)
    assert window.close() is False, "kiosk mode keeps the screen up"
    assert window.isVisible()


def test_the_gesture_and_pin_open_the_visits_with_one_waiting_to_print(
        qtbot: QtBot, start_kiosk: StartKiosk, clinic: Clinic) -> None:
    window = start_kiosk(clinic)
    corner_taps(qtbot, window, 5)
    assert "Enter the staff PIN" in visible_text(window)
    type_pin(qtbot, window, PIN)
    shown = visible_text(window)
    assert "Today's visits" in shown and "Waiting to print: 1." in shown
    assert "Maria Example" in shown
    tap(qtbot, find_button(window, f"staff_reprint_{clinic.queued}"))
    assert window.store is not None
    assert [job.copy for job in window.store.jobs() if job.kind == "summary"] == [False, True]
    assert "Waiting to print: 2." in visible_text(window)


def test_staff_exit_closes_the_out_of_order_kiosk(
        qtbot: QtBot, start_kiosk: StartKiosk, clinic: Clinic) -> None:
    window = start_kiosk(clinic)
    open_staff_mode(qtbot, window)
    tap(qtbot, find_button(window, "staff_exit"))
    assert "Close the kiosk?" in visible_text(window)
    tap(qtbot, find_button(window, "staff_exit_yes"))
    assert not window.isVisible()


def test_leaving_staff_mode_shows_the_message_again(
        qtbot: QtBot, start_kiosk: StartKiosk, clinic: Clinic) -> None:
    window = start_kiosk(clinic)
    corner_taps(qtbot, window, 5)
    tap(qtbot, find_button(window, "staff_pin_cancel"))
    assert_out_of_order(window)
    open_staff_mode(qtbot, window)
    tap(qtbot, find_button(window, "staff_tools"))
    tap(qtbot, find_button(window, "staff_tools_back"))
    tap(qtbot, find_button(window, "staff_close"))
    assert_out_of_order(window)


def test_loading_still_broken_files_shows_the_errors_and_stays_out_of_order(
        qtbot: QtBot, start_kiosk: StartKiosk, clinic: Clinic) -> None:
    window = start_kiosk(clinic)
    open_staff_mode(qtbot, window)
    tap(qtbot, find_button(window, "staff_tools"))
    tap(qtbot, find_button(window, "staff_check_content"))
    assert "hme: unknown key (did you mean 'home'?)" in visible_text(window)
    tap(qtbot, find_button(window, "staff_reload_content"))
    shown = visible_text(window)
    assert "keeps the old content" in shown and "hme: unknown key" in shown
    tap(qtbot, find_button(window, "staff_tools_back"))
    tap(qtbot, find_button(window, "staff_close"))
    assert_out_of_order(window)


def test_fixed_files_loaded_by_staff_bring_the_kiosk_back_for_patients(
        qtbot: QtBot, start_kiosk: StartKiosk, clinic: Clinic) -> None:
    window = start_kiosk(clinic)
    fix_ui_words(clinic.content)
    clinic.settings.write_text(clinic.settings.read_text(encoding="utf-8").replace(
        "Riverside Spine Center", "Lakeside Back Clinic"), encoding="utf-8")
    open_staff_mode(qtbot, window)
    tap(qtbot, find_button(window, "staff_tools"))
    tap(qtbot, find_button(window, "staff_check_content"))
    assert "The content files are correct." in visible_text(window)
    tap(qtbot, find_button(window, "staff_reload_content"))
    shown = visible_text(window)
    assert "Touch the screen to begin" in shown, "the welcome loop is back"
    assert not any(words in shown for words in OUT_OF_ORDER)
    tap(qtbot, window.page("attract"))
    shown = visible_text(window)
    assert "Welcome to Lakeside Back Clinic" in shown
    assert window.bar.isVisible() and "bar_language_es" in \
        buttons_on_screen(window)
    assert window.store is not None
    actions = [action for _, action, _ in window.store.audit_trail()]
    assert actions[-1] == "content reloaded"


def test_without_a_last_good_copy_the_shipped_settings_keep_their_no_pin_message(
        qtbot: QtBot, start_kiosk: StartKiosk, content_copy: Path, settings_copy: Path,
        data_dir: Path) -> None:
    """The kiosk never ran on good files here: staff mode runs on the shipped settings, which
    have no PIN, so the pad says what it always says without one."""
    data_dir.mkdir(parents=True)
    break_ui_words(content_copy)
    window = start_kiosk(Clinic(content_copy, settings_copy, data_dir, ""))
    assert_out_of_order(window)
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, "1234")
    assert "No staff PIN is set" in visible_text(window)
    tap(qtbot, find_button(window, "staff_pin_cancel"))
    assert_out_of_order(window)
