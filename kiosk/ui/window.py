"""The kiosk window: one stack of screens, the bottom bar, navigation, idle warning and wipe.

Screens other than the attract loop and home are built the first time they are needed. The
patient's place (screen and section), language and text size live here and nowhere else, so
a wipe that resets them leaves nothing of the last patient behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Loaded
from kiosk.content.settings import TextSize
from kiosk.freed_memory import give_back_freed_memory
from kiosk.intake.session import IntakeSession
from kiosk.ui import key_moves, style
from kiosk.ui.access_flow import AccessFlow
from kiosk.ui.after_paint import after_first_paint
from kiosk.ui.ahead import QUIET_MS, ReadyAhead
from kiosk.ui.bottom_bar import BottomBar
from kiosk.ui.clipboard import forget_clipboard
from kiosk.ui.education_flow import EducationFlow
from kiosk.ui.idle import IdleWatch
from kiosk.ui.idle_flow import UNTIMED_SCREENS, IdleFlow
from kiosk.ui.keyboard_flow import KeyboardFlow
from kiosk.ui.look_flow import LookFlow
from kiosk.ui.out_of_order_flow import OUT_OF_ORDER, OutOfOrderFlow
from kiosk.ui.parts import Screen
from kiosk.ui.place import Place
from kiosk.ui.questionnaire_flow import QuestionnaireFlow
from kiosk.ui.screen_fade import ScreenFade
from kiosk.ui.staff_flow import StaffFlow

if TYPE_CHECKING:  # built on first use, so their modules load after the first frame
    from kiosk.fhir.courier import Courier
    from kiosk.printing.queue import PrintQueue
    from kiosk.records.store import VisitStore
    from kiosk.ui.screens.home import HomeScreen
    from kiosk.ui.screens.idle_warning import IdleWarningScreen
    from kiosk.ui.screens.reader import SectionReaderScreen
    from kiosk.ui.screens.section_list import SectionListScreen

log = logging.getLogger(__name__)

__all__ = ["KioskWindow", "Place"]


class KioskWindow(EducationFlow, QuestionnaireFlow, StaffFlow, IdleFlow, OutOfOrderFlow,
                  AccessFlow, LookFlow, KeyboardFlow, QWidget):
    """The whole patient-facing kiosk; `out_of_order`: the clinic's files are broken, so
    patients see only the out-of-order message while staff mode works on `loaded`."""

    place_changed = Signal(str)
    wiped = Signal()
    visit_submitted = Signal(object)  # a SubmittedVisit at its end: sent, or urgent unfinished
    urgent_raised = Signal(object)    # a SubmittedVisit an urgent flag saves now (open)
    visit_progressed = Signal(object)  # an open urgent visit's answers as they stand

    def __init__(self, loaded: Loaded, kiosk_mode: bool = True,
                 out_of_order: bool = False) -> None:
        super().__init__()
        self.out_of_order = out_of_order
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._loaded = loaded
        self._kiosk_mode = kiosk_mode
        self._allow_close = not kiosk_mode
        settings = loaded.settings
        self.language = settings.kiosk.language
        self.text_size: TextSize = settings.kiosk.text_size
        self._history: list[Place] = []
        self.visit: IntakeSession | None = None
        self._place = Place("attract")
        self._before_warning = self._place
        self._screens: dict[str, Screen] = {}
        #: The language and body text size each built screen was last brought up to date in.
        self._shown_in: dict[str, tuple[str, int]] = {}
        self._metrics: style.Metrics | None = None
        #: The style sheet each built screen has of its own ("": none, the window's alone;
        #: the sheet a screen is given for its text size: `LookFlow._style_of`).
        self._screen_style: dict[str, str] = {}

        self._stack = QStackedWidget()
        self._fade = ScreenFade(self._stack, self)
        # The screens give up height to the keyboard rather than push the bar off the screen.
        self._stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.bar = BottomBar(loaded.content)
        self.bar.back_requested.connect(self.go_back)
        self.bar.home_requested.connect(lambda: self.go(Place("home")))
        self.bar.language_chosen.connect(self.set_language)
        self.bar.text_size_chosen.connect(self.set_text_size)
        self.setup_access()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.bar)
        self._layout = layout
        self.keyboard = None  # made before the window is first shown (`prepare_keyboard`)

        self._factories: dict[str, Callable[[], Screen]] = {
            **self.education_screens(),
            **self.questionnaire_screens(),
            **self.staff_screens(),
            **self.idle_screens(),
            **self.out_of_order_screens(),
        }
        self.idle = IdleWatch(settings.kiosk.idle_seconds, self)
        self.idle.idle.connect(self._on_idle)
        self.store: VisitStore | None = None
        self.print_queue: PrintQueue | None = None
        self.courier: Courier | None = None  # delivers to the clinic's FHIR server, if any
        self.settings_path: Path | None = None
        self.content_loader: Callable[[], Loaded] | None = None
        self.watch_for_staff()
        self.ahead = ReadyAhead(self, self.page, lambda: self.isVisible() and (
            self.idle.since_input_ms() >= QUIET_MS), can_build=self._can_build)
        self._apply_style()
        self.go(self.resting_place(), remember=False)
        if not out_of_order:
            after_first_paint(self, self.ahead.start)

    # -- screens -------------------------------------------------------------------------

    def page(self, name: str) -> Screen:
        """The screen called `name`, built on first use, in the patient's language and text
        size. A change of either is made at once only on the screen in view; every other
        screen catches up here, when it is next asked for, so a change costs one screen."""
        if name not in self._screens:
            built = self._factories[name]()
            self._screens[name] = built
            self._shown_in.pop(name, None)  # a screen of that name built before is gone
            self._screen_style.pop(name, None)
            self._stack.addWidget(built)
        screen = self._screens[name]
        body, sheet, font = self._style_of(name)
        shown_in = self._shown_in.get(name)
        resized = shown_in is None or shown_in[1] != body
        if resized:
            screen.drop_sized(body)
        # The style before the sizes: a screen may measure its words.
        if self._screen_style.get(name, "") != sheet:
            screen.take_style(sheet, font)
            self._screen_style[name] = sheet
        if resized:
            screen.apply_metrics(body)
        if shown_in is None or shown_in[0] != self.language:
            screen.show_words(self._loaded.content.words(self.language))
        self._shown_in[name] = (self.language, body)
        return screen

    def _can_build(self, name: str) -> bool:
        """Whether screen `name` can be built now (staff's screens need the visit store)."""
        return not name.startswith("staff") or self.store is not None

    def built_screens(self) -> list[str]:
        return list(self._screens)

    # -- navigation ----------------------------------------------------------------------

    @property
    def place(self) -> Place:
        return self._place

    def go(self, place: Place, remember: bool = True) -> None:
        """Show `place`; remember the current one for Back unless told not to."""
        if remember and place != self._place and self._place.screen not in (
                "attract", "idle_warning"):
            self._history.append(self._place)
        target = self.page(place.screen)
        if place.screen == "reader" and place.section_id:
            cast("SectionReaderScreen", target).show_section(place.section_id)
        if place.screen == "sections" and place.screen != self._place.screen:
            cast("SectionListScreen", target).scroll_to_top()
        if place.screen == "home":
            cast("HomeScreen", target).show_kept(*self.kept_answers())
        self._place = place
        self._stack.setCurrentWidget(target)
        self._fade_in(target)
        self._show_bar()
        key_moves.arrive(self, target)
        self.screen_changed()
        if place.screen in UNTIMED_SCREENS or place.screen == OUT_OF_ORDER:
            self.idle.stop()
        else:
            self.idle.start()
        self.place_changed.emit(place.screen)

    def go_back(self) -> None:
        if self._screens[self._place.screen].handle_back():
            self.screen_changed()  # a question stepped back to the one before
        elif self._history:
            self.go(self._history.pop(), remember=False)

    def _show_bar(self) -> None:
        current = self._screens[self._place.screen]
        self.bar.setVisible(current.has_bar)
        self.bar.show_state(self._loaded.content.words(self.language), self.text_size,
                            bool(self._history), self._place.screen == "home")
        self.show_access()

    def _fade_in(self, target: QWidget) -> None:
        """Fade `target` in (when the clinic has animations on and the window is shown)."""
        self._fade.end()
        if self._loaded.settings.kiosk.animations and self.isVisible():
            self._fade.fade_in(target)

    @property
    def fading(self) -> bool:
        """Whether a screen is fading in right now."""
        return self._fade.running

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self._fit_keyboard()
        if style.metrics(self._loaded.theme, self.text_size, self.width(), self.height(),
                         self._loaded.settings.screen) != self._metrics:
            self._apply_style()

    # -- idle and wipe -------------------------------------------------------------------

    def use_content(self, loaded: Loaded) -> None:
        """New content and settings (staff reloaded them): every screen is built again and
        the kiosk starts afresh on them, back in service if it was out of order."""
        self.go(self.resting_place(), remember=False)
        self._loaded = loaded
        resting = self._place.screen
        for name in [n for n in self._screens if n != resting] + [resting]:
            screen = self._screens.pop(name)
            self._stack.removeWidget(screen)
            screen.deleteLater()
        self.leave_out_of_order()
        self.idle.set_seconds(loaded.settings.kiosk.idle_seconds)  # staff mode is over
        log.info("content reloaded")
        self.wipe()  # a flagged visit is ended as unfinished, never dropped

    def wipe(self) -> None:
        """Forget everything the patient touched and return to where the kiosk rests."""
        log.info("visit wiped")
        self.ahead.stop()  # what was being got ready for this patient is theirs
        if "idle_warning" in self._screens:
            cast("IdleWarningScreen", self._screens["idle_warning"]).stop()
        self.go(self.resting_place(), remember=False)
        self._forget_patient()
        forget_clipboard()
        self.language = self._loaded.settings.kiosk.language
        self.text_size = self._loaded.settings.kiosk.text_size
        self.forget_access()
        self._apply_style()
        self.set_language(self.language)
        self.ahead.stop()  # not each screen caught up twice: the start below rebuilds them
        if not self.out_of_order:
            self.ahead.start()  # what the next patient opens, ready while the kiosk waits
            self.ahead.add([give_back_freed_memory])  # what this visit freed, after that
        self.wiped.emit()

    # -- kiosk lock-down -----------------------------------------------------------------

    def allow_close(self) -> None:
        """Staff exit: the next close request is honoured."""
        self._allow_close = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._allow_close:
            self.idle.detach()
            self.idle.stop()  # a closed kiosk times nobody out
            if "idle_warning" in self._screens:
                cast("IdleWarningScreen", self._screens["idle_warning"]).stop()
            event.accept()
        else:
            log.info("close request ignored in kiosk mode")
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)
