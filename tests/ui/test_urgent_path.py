"""A red flag is never lost: the visit is saved with its urgent slip the moment the flag fires,
and whatever the patient, staff or the idle timer do next, the desk has it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.back_office import keep_visits
from kiosk.content.model import Loaded
from kiosk.printing.summary import summary_html
from kiosk.records.store import VisitStore
from kiosk.ui import style
from kiosk.ui.window import KioskWindow
from tests.conftest import ROOT
from tests.ui.conftest import WindowFactory, find_button, tap
from tests.ui.screen_text import visible_text
from tests.ui.test_questionnaire import CANDIDATE, answer_until, begin, question_screen
from tests.ui.test_staff_mode import PIN, corner_taps, staff_window, type_pin

SADDLE = {**CANDIDATE, "saddle-numbness": "yes"}


def flagged(qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path,
            **staff: object) -> tuple[KioskWindow, VisitStore, str]:
    """A patient answers Yes to new saddle numbness; the urgent screen is up."""
    window = staff_window(make_window, shipped, tmp_path, **staff)
    assert window.store is not None
    begin(qtbot, window)
    answer_until(qtbot, window, SADDLE, "urgent")
    assert window.visit is not None
    return window, window.store, window.visit.visit_id


def staff_continue(qtbot: QtBot, window: KioskWindow) -> None:
    """Staff unlock the urgent screen with the PIN and hand back to the patient."""
    tap(qtbot, find_button(window, "urgent_staff"))
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, "staff_urgent_continue"))


def send(qtbot: QtBot, window: KioskWindow) -> None:
    """The patient sends their answers from the review list."""
    tap(qtbot, find_button(window, "review_send"))


def jobs_of(store: VisitStore, visit_id: str) -> list[tuple[str, bool]]:
    return [(job.kind, job.copy) for job in store.jobs() if job.visit_id == visit_id]


def summary_text(store: VisitStore, shipped: Loaded, visit_id: str) -> str:
    visit = store.visit(visit_id, shipped.content.questionnaire)
    assert visit is not None
    html = summary_html(visit, shipped.content, "en", "Clinic")
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ").split())


def test_the_flag_saves_the_visit_and_queues_the_slip_before_anyone_acts(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    _, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path)
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.status == "open"
    assert stored.outcome.category == "urgent"
    assert stored.answers["first-name"] == "Ana" and stored.answers["saddle-numbness"] == "yes"
    assert [flag.flag_id for flag in stored.fired] == ["saddle-numbness"]
    assert jobs_of(store, visit_id) == [("urgent-slip", False)]
    assert store.next_job() is not None and store.next_job().kind == "urgent-slip"  # type: ignore[union-attr]
    assert ("urgent flag: visit saved, slip queued", visit_id) in [
        (action, vid) for _, action, vid in store.audit_trail()]


def test_flag_then_idle_the_urgent_visit_stays_stored_with_its_slip(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path)
    window.idle.idle.emit()  # the patient walked away; nobody touches the screen
    assert window.place.screen == "urgent", "the urgent screen outlasts the idle timer"
    window.wipe()  # even a wipe (a restart of the screens) keeps what was flagged
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.status == "unfinished"
    assert jobs_of(store, visit_id) == [("urgent-slip", False), ("summary", False)]
    assert window.place.screen == "attract" and window.visit is None


def test_flag_then_staff_see_the_visit_and_end_it_here(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path)

    def slip_tried() -> None:  # the tests have no printer: the first try fails
        assert store.jobs()[0].last_error is not None

    qtbot.waitUntil(slip_tried)
    tap(qtbot, find_button(window, "urgent_staff"))
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_urgent"
    shown = visible_text(window)
    assert f"URGENT: visit {visit_id}" in shown
    assert "Saddle anaesthesia — new: answered Yes at" in shown, "staff see which flag fired"
    assert "Ana Example" in shown
    assert ("Urgent slip: not printed yet: the printer had a problem (no printer is set and"
            " there is no default printer)") in shown, "the desk sees the slip did not print"
    assert "Saddle anaesthesia (new)\nYes" in shown, "answers in the specialist's words"
    assert "around your bottom" not in shown
    assert ("urgent screen unlocked by staff", visit_id) in [
        (action, vid) for _, action, vid in store.audit_trail()]
    tap(qtbot, find_button(window, "staff_urgent_end"))
    assert window.place.screen == "attract" and window.visit is None
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.status == "unfinished"
    assert jobs_of(store, visit_id) == [("urgent-slip", False), ("summary", False)]
    text = summary_text(store, shipped, visit_id)
    assert "Questionnaire not finished" in text and "URGENT" in text
    assert "Saved (not sent)" in text and "Submitted" not in text


def test_flag_then_staff_continue_then_send_gives_one_visit_one_slip_one_urgent_summary(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path)
    staff_continue(qtbot, window)
    assert window.place.screen == "question"
    assert question_screen(window).item.id == "bladder-problems"  # type: ignore[union-attr]
    answer_until(qtbot, window, SADDLE, "review")
    send(qtbot, window)
    assert window.place.screen == "thanks"
    assert [v.visit_id for v in store.visits()] == [visit_id], "one visit, the same one"
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.status == "complete"
    assert stored.outcome.category == "urgent" and stored.answers["goals"] == ("avoid-surgery",)
    assert jobs_of(store, visit_id) == [("urgent-slip", False), ("summary", False)]
    assert "URGENT - red flag" in summary_text(store, shipped, visit_id)
    window.wipe()  # the thank-you ends; nothing more is queued
    assert len(jobs_of(store, visit_id)) == 2


def test_a_flag_answer_changed_back_stays_on_the_record_with_both_answers(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path)
    staff_continue(qtbot, window)
    tap(qtbot, find_button(window, "bar_back"))
    assert question_screen(window).item.id == "saddle-numbness"  # type: ignore[union-attr]
    answer_until(qtbot, window, CANDIDATE, "review")  # now "No"
    assert window.place.screen == "review"
    send(qtbot, window)
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.answers["saddle-numbness"] == "no"
    assert stored.outcome.category == "urgent", "the flag fired: the specialist decides"
    text = summary_text(store, shipped, visit_id)
    assert re.search(r"Saddle anaesthesia — new \(answered Yes at \d\d:\d\d, changed to No at"
                     r" \d\d:\d\d\)", text), text
    assert jobs_of(store, visit_id) == [("urgent-slip", False), ("summary", False)]


def test_staff_unlock_from_the_urgent_screen_can_be_cancelled_and_nothing_is_lost(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path)
    tap(qtbot, find_button(window, "urgent_staff"))
    assert window.place.screen == "staff_pin"
    tap(qtbot, find_button(window, "staff_pin_cancel"))
    assert window.place.screen == "urgent" and window.visit is not None
    tap(qtbot, find_button(window, "urgent_staff"))
    type_pin(qtbot, window, PIN)
    window.idle.idle.emit()  # staff walked off with the view open: it closes itself
    assert window.place.screen == "urgent", "back to the urgent screen, not wiped"
    assert window.visit is not None and window.visit.visit_id == visit_id
    assert jobs_of(store, visit_id) == [("urgent-slip", False)]


def test_a_second_flag_later_in_the_visit_updates_it_and_prints_a_slip_naming_it(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path)
    staff_continue(qtbot, window)
    answer_until(qtbot, window, {**SADDLE, "bladder-problems": "yes"}, "urgent")
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None
    assert [flag.flag_id for flag in stored.fired] == ["saddle-numbness", "bladder-problems"]
    assert jobs_of(store, visit_id) == [("urgent-slip", False), ("urgent-slip", False)]


def test_answers_after_the_flag_are_kept_as_the_patient_goes_on(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path)
    staff_continue(qtbot, window)
    answer_until(qtbot, window, SADDLE, "diagnoses")
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.answers["weight-loss"] == "no"
    window.idle.idle.emit()  # the patient walks away mid-questions: the warning, then the wipe
    assert window.place.screen == "idle_warning"
    window.wipe()
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.status == "unfinished"
    assert stored.answers["weight-loss"] == "no"


def test_the_dashboard_puts_urgent_visits_first_with_their_flags_finished_or_not(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    from tests.records.test_store import submitted

    window, store, visit_id = flagged(qtbot, make_window, shipped, tmp_path)
    tap(qtbot, find_button(window, "urgent_staff"))
    type_pin(qtbot, window, PIN)
    tap(qtbot, find_button(window, "staff_urgent_end"))
    store.save_submitted(submitted(shipped, "likely-candidate"))  # a later, calm visit
    corner_taps(qtbot, window, 5)
    assert window.place.screen == "staff_pin", window.place
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    dashboard = window.page("staff_dashboard")
    rows = sorted((w for w in dashboard.findChildren(QWidget)
                   if w.objectName().startswith("staff_visit_V-") and w.isVisible()),
                  key=lambda w: w.y())
    first = visible_text(rows[0])
    assert visit_id in rows[0].objectName()
    assert "URGENT, not yet seen" in first and "questionnaire not finished" in first
    assert "Saddle anaesthesia — new" in first
    tap(qtbot, find_button(window, f"staff_seen_{visit_id}"))
    assert "URGENT, not yet seen" not in visible_text(dashboard)


def test_staff_gesture_mid_visit_asks_first_and_keep_returns_to_the_same_place(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    begin(qtbot, window)
    tap(qtbot, find_button(window, "bar_text_size_largest"))
    answer_until(qtbot, window, CANDIDATE, "pain-now")
    answers = dict(window.visit.answers)  # type: ignore[union-attr]
    patients_px = biggest_text_px(window)
    corner_taps(qtbot, window, 5)
    assert window.place.screen == "staff_keep"
    assert "A patient's answers are on screen" in visible_text(window)
    normal = style.metrics(shipped.theme, "normal", window.width(), window.height(),
                           shipped.settings.screen)
    assert biggest_text_px(window) == normal.title, "staff read at the clinic's own size"
    assert patients_px > normal.title
    tap(qtbot, find_button(window, "staff_keep_return"))
    assert window.place.screen == "question"
    assert question_screen(window).item.id == "pain-now"  # type: ignore[union-attr]
    assert dict(window.visit.answers) == answers  # type: ignore[union-attr]
    assert window.text_size == "largest", "the patient's text size is given back"
    assert biggest_text_px(window) == patients_px


def biggest_text_px(window: KioskWindow) -> int:
    """The largest text on the screen in view (its title), in pixels."""
    return max(label.fontInfo().pixelSize() for label in window.findChildren(QLabel)
               if label.isVisible() and label.text() and label.window() is window
               and not window.bar.isAncestorOf(label))


def test_staff_gesture_mid_visit_clear_needs_the_pin_then_opens_staff_mode(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window = staff_window(make_window, shipped, tmp_path)
    begin(qtbot, window)
    answer_until(qtbot, window, CANDIDATE, "pain-now")
    corner_taps(qtbot, window, 5)
    tap(qtbot, find_button(window, "staff_keep_clear"))
    assert window.place.screen == "staff_pin"
    tap(qtbot, find_button(window, "staff_pin_cancel"))
    assert window.place.screen == "question", "without the PIN nothing is cleared"
    assert window.visit is not None and window.visit.answers["first-name"] == "Ana"
    corner_taps(qtbot, window, 5)
    tap(qtbot, find_button(window, "staff_keep_clear"))
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_dashboard"
    assert not window.has_patient_answers(), "cleared, on staff's word"
    tap(qtbot, find_button(window, "staff_close"))
    assert window.place.screen == "attract"


def test_the_process_killed_an_instant_after_the_flag_still_has_the_visit_and_its_slip(
        qtbot: QtBot, shipped: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "visits.sqlite3"
    script = f"""
import os, signal
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kiosk.back_office import keep_visits
from kiosk.content.loader import load_all
from kiosk.ui.window import KioskWindow
app = QApplication([])
loaded = load_all()
window = KioskWindow(loaded, kiosk_mode=False)
keep_visits(window, loaded, Path({str(path)!r}))
def killed(screen):
    if screen == "urgent":
        print(window.visit.visit_id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
window.place_changed.connect(killed)
window.start_questionnaire()
session = window.visit
session.answer("first-name", "Ana")
session.answer("last-name", "Example")
session.go_to("saddle-numbness")
session.answer("saddle-numbness", "yes")
window.page("question").go_next()
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == -9, result.stderr
    visit_id = result.stdout.strip()
    store = VisitStore(path)
    stored = store.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.status == "open"
    assert stored.answers["first-name"] == "Ana"
    assert [flag.flag_id for flag in stored.fired] == ["saddle-numbness"]
    slip = store.next_job()
    assert slip is not None and (slip.visit_id, slip.kind) == (visit_id, "urgent-slip")
    store.close()
    # The kiosk starts again: nobody is answering that visit now; it is ended, not lost.
    restarted = KioskWindow(shipped, kiosk_mode=False)
    qtbot.addWidget(restarted)
    again = keep_visits(restarted, shipped, path)
    stored = again.visit(visit_id, shipped.content.questionnaire)
    assert stored is not None and stored.status == "unfinished"
    assert jobs_of(again, visit_id) == [("urgent-slip", False), ("summary", False)]
    assert again.next_job().kind == "urgent-slip"  # type: ignore[union-attr]
    assert restarted.place.screen == "attract", "never a previous patient's screen"


def test_the_urgent_visit_is_laid_out_while_staff_come_and_shown_only_after_their_pin(
        qtbot: QtBot, make_window: WindowFactory, shipped: Loaded, tmp_path: Path) -> None:
    window, _, visit_id = flagged(qtbot, make_window, shipped, tmp_path)
    qtbot.waitUntil(lambda: not window.ahead.busy)  # staff are on their way
    made = {label.objectName(): label for label in window.findChildren(QLabel)
            if label.objectName().startswith("staff_urgent_answer_")}
    assert made, "the answers are laid out for staff before they come"
    assert not any(label.isVisible() for label in made.values())
    assert "Ana" not in visible_text(window), "nothing of the patient's before the PIN"
    tap(qtbot, find_button(window, "urgent_staff"))
    type_pin(qtbot, window, PIN)
    assert window.place.screen == "staff_urgent"
    shown = visible_text(window)
    assert visit_id in shown and "Ana" in shown
    assert window.findChild(QLabel, "staff_urgent_answer_first-name") is made[
        "staff_urgent_answer_first-name"], "the rows laid out ahead are the ones shown"
