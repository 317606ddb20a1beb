"""`preview`: render every screen to PNG offscreen, so an editor can review content anywhere.

A section whose text is longer than the screen is drawn unrolled: the screen as it looks, with
the scrolling part stretched to show all of its text. Every screen can be drawn in any contrast
mode, or in each of them (`--theme all`, a folder per mode); the first question of each kind
of choice is drawn again with an answer chosen, and the first yes/no one with the keyboard's
focus ring on that answer. The staff screens are drawn too (kiosk/preview_staff.py). The
on-screen keyboard shows where the kiosk shows it (a question typed in), nowhere else.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from kiosk.app import Options, load
from kiosk.content.contrast_modes import CONTRAST_MODES
from kiosk.decoding.errors import ContentInvalid
from kiosk.intake.questionnaire import Condition, Item, Questionnaire
from kiosk.intake.session import IntakeSession
from kiosk.preview_staff import settle, shoot_staff, shoot_staff_urgent, with_unknown_pin
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.idle_warning import IdleWarningScreen
from kiosk.ui.screens.out_of_order import OutOfOrderScreen
from kiosk.ui.window import KioskWindow, Place

if TYPE_CHECKING:
    from kiosk.ui.screens.question import QuestionScreen


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


#: Kinds of question drawn a second time with an answer chosen (the first of each kind).
CHOSEN_KINDS = ("yesno", "single", "multiple", "scale")


def _example_answer(item: Item) -> object:
    if item.type == "multiple":
        return item.choices()[:2]
    if item.type == "scale":
        return int(item.max if item.max is not None else 10) - 3
    return item.choices()[0]


def _shoot_chosen(question: QuestionScreen, session: IntakeSession, item: Item, name: str,
                  shoot: Callable[..., None]) -> None:
    """The question with an example answer chosen; for a yes/no question also with the
    keyboard's focus on it. The question is left unanswered again."""
    scroll = question.findChild(QScrollArea, "question_scroll")
    session.answer(item.id, _example_answer(item))
    question.open(item.id)
    shoot(f"{name}-chosen", scroll)
    chosen = [b for b in question.findChildren(QAbstractButton)  # not the answer let go
              if b.isChecked() and b.isVisibleTo(question)]
    if item.type == "yesno" and chosen:
        chosen[0].setFocus(Qt.FocusReason.TabFocusReason)
        shoot(f"{name}-focus", scroll)
        chosen[0].clearFocus()
    session.answer(item.id, None)
    question.open(item.id)


def _shoot_questionnaire(window: KioskWindow, questionnaire: Questionnaire,
                         shoot: Callable[..., None]) -> None:
    """Every question (branches opened as needed), then each of the review list, confirm,
    urgent and thanks screens that the window has."""
    screens = set(window.questionnaire_screens())
    kinds = list(CHOSEN_KINDS)
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
            if item.type in kinds and item.id not in session.answers:
                kinds.remove(item.type)
                _shoot_chosen(question, session, item, f"question-{number:02d}-{item.id}",
                              shoot)
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
    shoot_staff_urgent(window, session, shoot)
    if "thanks" in screens:
        window.go(Place("thanks"))
        shoot("thanks")


def preview(options: Options, out: Path, language: str | None, size: tuple[int, int],
            text_size: str | None, contrast: str = "clinic") -> int:
    """Write one PNG per screen into `out` in contrast mode `contrast`, or with "all" into a
    folder of `out` for each mode; returns the exit status."""
    if contrast != "all":
        return _preview_mode(options, out, language, size, text_size, contrast)
    for mode in CONTRAST_MODES:
        status = _preview_mode(options, out / mode, language, size, text_size, mode)
        if status:
            return status
    return 0


def _preview_mode(options: Options, out: Path, language: str | None, size: tuple[int, int],
                  text_size: str | None, contrast: str) -> int:
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
    window.set_contrast(contrast)
    if text_size:
        window.set_text_size(text_size)
    window.set_language(language)
    written: list[Path] = []

    def shoot(name: str, scroll: QScrollArea | None = None) -> None:
        settle()
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
    broken = OutOfOrderScreen(kiosk_mode=False, colours=loaded.theme.palette(
        contrast, loaded.settings.clinic.accent_color))
    broken.resize(*size)
    broken.show()
    settle()
    written.append(_save(broken.grab().toImage(), out, "out-of-order"))
    broken.close()
    for path in written:
        print(path)
    print(f"{len(written)} screens written to {out} ({language}, {size[0]}x{size[1]}"
          f"{', ' + text_size if text_size else ''}"
          f"{'' if contrast == 'clinic' else ', ' + contrast})")
    app.processEvents()
    return 0


