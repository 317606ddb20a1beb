"""The patient's way in and the reading part of the kiosk, as the window runs it.

A mix-in of the window: the attract loop (a touch starts a visit in the language shown),
home, the list of sections and the section reader, each built on first use.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from kiosk.content.model import Loaded
from kiosk.ui.parts import Screen
from kiosk.ui.place import Place
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from kiosk.ui.ahead import ReadyAhead
    from kiosk.ui.look_flow import ScreenStyle

log = logging.getLogger(__name__)


class EducationFlow:
    """The attract, home and reading screens of the kiosk window (see KioskWindow)."""

    _loaded: Loaded
    ahead: ReadyAhead

    if TYPE_CHECKING:
        def go(self, place: Place, remember: bool = True) -> None: ...
        def set_language(self, language: str) -> None: ...
        def wipe(self) -> None: ...
        def start_questionnaire(self) -> None: ...
        def patient_looks(self) -> tuple[ScreenStyle, ...]: ...

    def education_screens(self) -> dict[str, Any]:
        """The factories of these screens, by name."""
        return {"attract": self._make_attract, "home": self._make_home,
                "sections": self._make_sections, "reader": self._make_reader}

    def _make_attract(self) -> Screen:
        attract = AttractScreen(self._loaded.content, self._loaded.settings.kiosk.attract_seconds,
                                self._loaded.settings.clinic.name)
        attract.touched.connect(self._start_visit)
        return attract

    def _start_visit(self, language: str) -> None:
        self.set_language(language)
        self.go(Place("home"), remember=False)

    def _make_home(self) -> Screen:
        clinic, content = self._loaded.settings.clinic, self._loaded.content
        picture = content.structure.home_illustration
        home = HomeScreen(clinic.name, clinic.logo,
                          content.illustration_path(picture) if picture else None)
        home.learn_requested.connect(lambda: self.go(Place("sections")))
        home.questionnaire_requested.connect(self.start_questionnaire)
        home.answers_deleted.connect(self._answers_deleted)
        return home

    def _answers_deleted(self) -> None:
        log.info("the patient deleted their answers from home")
        self.wipe()

    def _make_sections(self) -> Screen:
        from kiosk.ui.screens.section_list import SectionListScreen

        sections = SectionListScreen(self._loaded.content, self.patient_looks)
        sections.section_chosen.connect(lambda sid: self.go(Place("reader", sid)))
        sections.ahead_wanted.connect(lambda: self.ahead.add(sections.work_ahead()))
        return sections

    def _make_reader(self) -> Screen:
        from kiosk.ui.screens.reader import SectionReaderScreen

        reader = SectionReaderScreen(self._loaded.content, self.patient_looks)
        reader.section_chosen.connect(lambda sid: self.go(Place("reader", sid)))
        reader.list_requested.connect(lambda: self.go(Place("sections")))
        reader.questionnaire_requested.connect(self.start_questionnaire)
        reader.ahead_wanted.connect(lambda: self.ahead.add(reader.work_ahead()))
        return reader
