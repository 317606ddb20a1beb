"""What cannot be undone asks first, right where the finger is: a visit's Delete asks in that
visit's row and names the patient; Delete all visits and Exit kiosk sit in different parts of
the screen, each asking beside itself."""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.model import Loaded
from kiosk.content.wording import date_words
from kiosk.ui.window import KioskWindow
from tests.records.test_store import submitted
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.test_staff_mode import PIN, corner_taps, staff_window, type_pin


def on_window(window: KioskWindow, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def label(window: KioskWindow, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found


def open_dashboard(qtbot: QtBot, window: KioskWindow) -> None:
    corner_taps(qtbot, window, 5)
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"


def test_deleting_a_visit_asks_in_its_row_naming_the_patient(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None
    first, second = submitted(shipped, "review"), submitted(shipped, "likely-candidate")
    store.save_submitted(first)
    store.save_submitted(second)
    open_dashboard(qtbot, window)
    delete = find_button(window, f"staff_delete_{first.visit_id}")
    where = on_window(window, delete)
    tap(qtbot, delete)
    question = label(window, f"staff_delete_{first.visit_id}_question")
    assert question.isVisible() and not delete.isVisible()
    born = date_words(datetime.date(1981, 2, 27), shipped.content.words("en"))
    assert question.text() == f"Delete the visit of Alex Sample (born {born})?"
    assert first.visit_id not in question.text()
    asked = on_window(window, question)
    row = window.findChild(QWidget, f"staff_visit_{first.visit_id}")
    assert row is not None and on_window(window, row).contains(asked), "in the visit's own row"
    assert abs(asked.center().y() - where.center().y()) < 80, "level with the tapped button"
    yes = find_button(window, f"staff_delete_{first.visit_id}_yes")
    assert abs(on_window(window, yes).center().y() - where.center().y()) < 80
    assert not find_button(window, f"staff_delete_{second.visit_id}_yes").isVisible(), \
        "the other visit is not asked about"
    tap(qtbot, find_button(window, f"staff_delete_{first.visit_id}_no"))
    assert len(store.visits()) == 2 and delete.isVisible()
    tap(qtbot, delete)
    tap(qtbot, find_button(window, f"staff_delete_{first.visit_id}_yes"))
    assert [v.visit_id for v in store.visits()] == [second.visit_id]


def test_delete_all_and_exit_are_far_apart_and_each_asks_beside_itself(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    store = window.store
    assert store is not None
    store.save_submitted(submitted(shipped, "review"))
    open_dashboard(qtbot, window)
    purge, leave = find_button(window, "staff_purge"), find_button(window, "staff_exit")
    purge_at, exit_at = on_window(window, purge), on_window(window, leave)
    assert abs(purge_at.center().y() - exit_at.center().y()) > window.height() / 2, \
        "Delete all visits is not beside Exit kiosk"
    tap(qtbot, purge)
    question = label(window, "staff_purge_question")
    assert question.text() == "Delete every stored visit now? This cannot be undone."
    asked = on_window(window, question)
    assert abs(asked.center().y() - purge_at.center().y()) < 80
    assert find_button(window, "staff_exit").isVisible(), "Exit kiosk stays as it was"
    tap(qtbot, leave)
    assert not question.isVisible(), "one question at a time"
    exit_question = label(window, "staff_exit_question")
    assert exit_question.text().startswith("Close the kiosk?")
    assert abs(on_window(window, exit_question).center().y() - exit_at.center().y()) < 80
    tap(qtbot, find_button(window, "staff_exit_no"))
    assert window.isVisible()
    tap(qtbot, purge)
    tap(qtbot, find_button(window, "staff_purge_yes"))
    assert store.visits() == []
