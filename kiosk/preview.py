"""`preview`: render every screen to PNG offscreen, so an editor can review content anywhere.

A section whose text is longer than the screen is drawn unrolled: the screen as it looks, with
the scrolling part stretched to show all of its text. The staff screens are drawn too, in the
clinic's language at the normal text size, on a few invented visits kept in memory only; the
on-screen keyboard shows where the kiosk shows it (a question typed in), nowhere else.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from kiosk.app import Options, load
from kiosk.content.model import Loaded
from kiosk.content.settings import StaffSettings
from kiosk.decoding.errors import ContentInvalid
from kiosk.intake.questionnaire import Condition, Questionnaire
from kiosk.intake.session import IntakeSession
from kiosk.records.store import VisitStore
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.idle_warning import IdleWarningScreen
from kiosk.ui.screens.out_of_order import OutOfOrderScreen
from kiosk.ui.window import KioskWindow, Place

if TYPE_CHECKING:
    from kiosk.ui.screens.question import QuestionScreen


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def _unrolled(window: QWidget, scroll: QScrollArea | None) -> QImage:
    """The window's image; a scroll area in it is drawn at its content's full height."""
    shot = window.grab().toImage()
    page = scroll.widget() if scroll is not None else None
    if scroll is None or page is None or page.height() <= scroll.viewport().height():
        return shot
    top = scroll.mapTo(window, QPoint(0, 0)).y()
    bottom = top + scroll.height()
    extra = page.height() - scroll.viewport().height()
    image = QImage(shot.width(), shot.height() + extra, QImage.Format.Format_ARGB32)
    image.fill(window.palette().window().color())
    painter = QPainter(image)
    painter.drawImage(QPoint(0, 0), shot, QRect(0, 0, shot.width(), top))
    painter.fillRect(QRect(0, top, shot.width(), page.height()),
                     window.palette().window().color())
    x = scroll.mapTo(window, QPoint(0, 0)).x() + scroll.viewport().x()
    painter.drawImage(QPoint(x, top), page.grab().toImage())
    painter.drawImage(QPoint(0, top + page.height()), shot,
                      QRect(0, bottom, shot.width(), shot.height() - bottom))
    painter.end()
    return image


def _save(image: QImage, out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    if not image.save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def _reveal(session: IntakeSession, condition: Condition | None) -> None:
    """Answer what a simple show-if asks for, so a branch's question can be drawn."""
    if condition is None:
        return
    for part in (*condition.all, *condition.any[:1]):
        _reveal(session, part)
    if condition.question and condition.op == "=" and condition.value is not None:
        item = session.item(condition.question)
        session.answer(item.id, (condition.value,) if item.type == "multiple" else condition.value)


def _shoot_questionnaire(window: KioskWindow, questionnaire: Questionnaire,
                         shoot: Callable[..., None]) -> None:
    """Every question (branches opened as needed), then each of the review list, confirm,
    urgent and thanks screens that the window has."""
    screens = set(window.questionnaire_screens())
    window.start_questionnaire()
    question = cast("QuestionScreen", window.page("question"))
    session = window.visit
    assert session is not None
    scroll = question.findChild(QScrollArea, "question_scroll")
    for number, item in enumerate(questionnaire.items(), start=1):
        if not session.is_visible(item.id):
            _reveal(session, item.show_if)
        if session.is_visible(item.id):
            question.open(item.id)
            shoot(f"question-{number:02d}-{item.id}", scroll)
    if "review" in screens:
        review = window.page("review")
        refresh = getattr(review, "refresh", None)
        if callable(refresh):
            refresh()
        window.go(Place("review"))
        shoot("review", review.findChild(QScrollArea, "review_scroll"))
    for name in ("confirm", "urgent"):
        if name in screens:
            window.go(Place(name))
            shoot(name)
    _shoot_staff_urgent(window, session, shoot)
    if "thanks" in screens:
        window.go(Place("thanks"))
        shoot("thanks")


def _shoot_staff_urgent(window: KioskWindow, session: IntakeSession,
                        shoot: Callable[..., None]) -> None:
    """The urgent visit in staff's hands, and the keep-or-clear question (staff screens are
    always at the clinic's own text size)."""
    from kiosk.ui.screens.staff_urgent import StaffUrgentScreen

    patient_size = window.text_size
    window.set_text_size("normal")
    session.answer("saddle-numbness", "yes")
    session.fire_flags()
    staff = cast("StaffUrgentScreen", window.page("staff_urgent"))
    staff.show_visit(session.snapshot(window.language, "open"))
    window.go(Place("staff_urgent"))
    shoot("staff-urgent", staff.findChild(QScrollArea, "staff_urgent_scroll"))
    window.go(Place("staff_keep"))
    shoot("staff-keep")
    window.set_text_size(patient_size)


#: Invented visits for the staff screens: example answers, minutes before the preview.
SAMPLE_VISITS = (("urgent", 12), ("likely-candidate", 40), ("review", 75), ("not-suitable", 130))


def with_unknown_pin(staff: StaffSettings) -> StaffSettings:
    """Staff settings with a PIN nobody knows, so the pad is drawn as the front desk sees it."""
    from kiosk.records.staff_pin import hash_pin

    return dataclasses.replace(staff, pin_hash=hash_pin(str(secrets.randbelow(9 * 10**7)
                                                             + 10**7)))


def _sample_store(loaded: Loaded) -> tuple[VisitStore, list[str]]:
    """A store in memory with a few invented visits, the urgent one not yet seen and the
    oldest ones printed; and their visit ids, newest first."""
    from kiosk.content.files import RESOURCES
    from kiosk.content.simulate import visit_from_file

    store = VisitStore(None)
    now = datetime.datetime.now(datetime.UTC)
    ids: list[str] = []
    for example, minutes in SAMPLE_VISITS:
        visit = visit_from_file(RESOURCES / "examples" / f"{example}.yaml", loaded.content,
                                loaded.settings.printing.language, io.StringIO(),
                                now - datetime.timedelta(minutes=minutes))
        if visit is None:  # a clinic's own questions that the examples no longer fit
            continue
        store.save_submitted(visit)
        ids.append(visit.visit_id)
    for job in store.jobs():
        if job.visit_id in ids[2:]:
            store.mark_printed(job)
    return store, ids


def shoot_staff(window: KioskWindow, loaded: Loaded, shoot: Callable[..., None]) -> None:
    """The PIN pad, today's visits, a delete question, one summary and the tools."""
    from kiosk.ui.screens.staff_confirm import AskInPlace
    from kiosk.ui.screens.staff_dashboard import StaffDashboardScreen
    from kiosk.ui.screens.staff_pin import StaffPinScreen
    from kiosk.ui.screens.staff_summary import StaffSummaryScreen
    from kiosk.ui.screens.staff_tools import StaffToolsScreen

    patient_size = window.text_size
    window.set_text_size("normal")
    store, ids = _sample_store(loaded)
    window.store = store
    cast("StaffPinScreen", window.page("staff_pin")).open(urgent=False)
    window.go(Place("staff_pin"), remember=False)
    shoot("staff-pin")
    dashboard = cast("StaffDashboardScreen", window.page("staff_dashboard"))
    dashboard.refresh()
    window.go(Place("staff_dashboard"), remember=False)
    scroll = dashboard.findChild(QScrollArea, "staff_visits_scroll")
    shoot("staff-dashboard", scroll)
    if len(ids) > 1:
        delete = dashboard.findChild(AskInPlace, f"staff_delete_{ids[1]}_place")
        if delete is not None:
            delete.ask()
            _settle()  # the row makes room for the question, then the list takes the row
            shoot("staff-delete", scroll)
            delete.cancel()
    visit = store.visit(ids[0], loaded.content.questionnaire) if ids else None
    if visit is not None:
        summary = cast("StaffSummaryScreen", window.page("staff_summary"))
        summary.show_visit(visit)
        window.go(Place("staff_summary"), remember=False)
        shoot("staff-summary")
    cast("StaffToolsScreen", window.page("staff_tools")).refresh()
    window.go(Place("staff_tools"), remember=False)
    shoot("staff-tools")
    window.set_text_size(patient_size)


def preview(options: Options, out: Path, language: str | None, size: tuple[int, int],
            text_size: str | None) -> int:
    """Write one PNG per screen into `out`; returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        loaded = load(options)
    except ContentInvalid as invalid:
        print(invalid, file=sys.stderr)
        print("preview needs valid content; fix the errors above", file=sys.stderr)
        return 1
    kiosk = dataclasses.replace(loaded.settings.kiosk, animations=False)
    loaded = dataclasses.replace(loaded, settings=dataclasses.replace(
        loaded.settings, kiosk=kiosk, staff=with_unknown_pin(loaded.settings.staff)))
    language = language or loaded.settings.kiosk.language
    if language not in loaded.content.structure.languages:
        print(f"no language {language!r}; the content has "
              f"{', '.join(loaded.content.structure.languages)}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    window = KioskWindow(loaded, kiosk_mode=False)
    window.prepare_keyboard()
    window.resize(*size)
    window.show()
    if text_size:
        window.set_text_size(text_size)
    window.set_language(language)
    written: list[Path] = []

    def shoot(name: str, scroll: QScrollArea | None = None) -> None:
        _settle()
        written.append(_save(_unrolled(window, scroll), out, name))

    attract = window.page("attract")
    assert isinstance(attract, AttractScreen)
    languages = loaded.content.structure.languages
    for number, section in enumerate(loaded.content.sections(language), start=1):
        attract.show_frame((number - 1) * len(languages) + languages.index(language))
        shoot(f"attract-{number:02d}-{section.id}")
    window.go(Place("home"))
    window.set_language(language)
    shoot("home")
    window.go(Place("sections"))
    shoot("sections", window.page("sections").findChild(QScrollArea, "sections_scroll"))
    for section in loaded.content.sections(language):
        window.go(Place("reader", section.id))
        scroll = window.page("reader").findChild(QScrollArea, "reader_scroll")
        shoot(f"section-{section.number:02d}-{section.id}", scroll)
    _shoot_questionnaire(window, loaded.content.questionnaire, shoot)
    shoot_staff(window, loaded, shoot)
    warning = window.page("idle_warning")
    assert isinstance(warning, IdleWarningScreen)
    window.go(Place("idle_warning"))
    warning.start()
    shoot("idle-warning")
    warning.stop()
    window.allow_close()
    window.close()
    broken = OutOfOrderScreen(kiosk_mode=False)
    broken.resize(*size)
    broken.show()
    _settle()
    written.append(_save(broken.grab().toImage(), out, "out-of-order"))
    broken.close()
    for path in written:
        print(path)
    print(f"{len(written)} screens written to {out} ({language}, {size[0]}x{size[1]}"
          f"{', ' + text_size if text_size else ''})")
    app.processEvents()
    return 0


