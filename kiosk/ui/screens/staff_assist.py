"""Help a patient: front-desk staff set the kiosk up for one patient, then hand it over or sit
with them.

Staff choose the patient's language, text size, whether the kiosk reads aloud (offered only
where it has a voice) and the colours, each as a row of choices with the one chosen filled and
ticked. "Hand to the patient" opens the home screen set up that way; "Fill it in together"
opens the first question. Either way staff mode closes, and the visit is marked as completed
with staff help. Every time the screen opens it starts from the clinic's own settings, so
nothing chosen for one patient is offered to the next.

The screen is in the clinic's (printing) language, as every staff screen; each language is
named in it and in its own words ("Spanish · Español"), so the patient can point at theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import LanguageWords, Loaded
from kiosk.content.settings import TEXT_SIZES, TextSize
from kiosk.ui.access_bar import CONTRAST_WORDS, contrast_name
from kiosk.ui.flick import touch_scroll
from kiosk.ui.parts import FlowRow, StaffScreen, button, set_button_text, text

#: The contrast modes, the clinic's own colours first.
CONTRAST_MODES = tuple(CONTRAST_WORDS)


@dataclass(frozen=True, slots=True)
class AssistedStart:
    """How staff set the kiosk up for a patient, and whether they fill it in together."""

    language: str
    text_size: TextSize
    read_aloud: bool
    contrast: str
    together: bool


class ChoiceRow:
    """A heading and its choices beside it (one under another where they do not fit):
    exactly one is chosen, shown filled and with a tick, never by colour alone."""

    def __init__(self, name: str, keys: list[str]) -> None:
        self.heading = text("", "subtitle", f"{name}_heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.row = FlowRow(name, 12)
        self._group = QButtonGroup(self.row)
        self._group.setExclusive(True)
        self._labels: dict[str, str] = {}
        self.buttons: dict[str, QPushButton] = {}
        for key in keys:
            choice = button(f"{name}_{key}", "choice")
            choice.setCheckable(True)
            choice.toggled.connect(lambda _on=False, k=key: self._mark(k))
            self._group.addButton(choice)
            self.buttons[key] = choice
            self.row.add(choice)
        self.row.add_stretch()

    def set_words(self, heading: str, labels: dict[str, str]) -> None:
        self.heading.setText(heading)
        self._labels = dict(labels)
        for key, choice in self.buttons.items():
            set_button_text(choice, labels[key], heading)
            self._mark(key)

    def set_visible(self, shown: bool) -> None:
        self.heading.setVisible(shown)
        self.row.setVisible(shown)

    @property
    def shown(self) -> bool:
        return not self.row.isHidden()

    def choose(self, key: str) -> None:
        self.buttons[key].setChecked(True)

    @property
    def chosen(self) -> str:
        return next(key for key, choice in self.buttons.items() if choice.isChecked())

    def _mark(self, key: str) -> None:
        choice = self.buttons[key]
        label = self._labels.get(key, "")
        choice.setText(f"\u2713 {label}" if choice.isChecked() else label)


class StaffAssistScreen(StaffScreen):
    """Emits `started` with an AssistedStart, or `back` for today's visits."""

    started = Signal(object)
    back = Signal()

    def __init__(self, loaded: Loaded) -> None:
        super().__init__("staff_assist", loaded.content.words(loaded.settings.printing.language))
        self._loaded = loaded
        self._title = text("", "title", "staff_assist_title")
        self._note = text("", "muted", "staff_assist_note")
        self.language = ChoiceRow("staff_assist_language",
                                  list(loaded.content.structure.languages))
        self.text_size = ChoiceRow("staff_assist_size", list(TEXT_SIZES))
        self.read_aloud = ChoiceRow("staff_assist_read", ["on", "off"])
        self.colours = ChoiceRow("staff_assist_colours", list(CONTRAST_MODES))
        page = QWidget()
        rows = QGridLayout(page)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setHorizontalSpacing(32)
        rows.setVerticalSpacing(24)
        self._rows = (self.language, self.text_size, self.read_aloud, self.colours)
        for number, row in enumerate(self._rows):
            rows.addWidget(row.heading, number, 0, Qt.AlignmentFlag.AlignTop)
            rows.addWidget(row.row, number, 1)
        rows.setColumnStretch(1, 1)
        rows.setRowStretch(4, 1)
        scroll = touch_scroll("staff_assist_scroll", page)
        self._back = button("staff_assist_back")
        self._back.clicked.connect(self.back)
        self._together = button("staff_assist_together")
        self._together.clicked.connect(lambda: self._start(together=True))
        self._hand_over = button("staff_assist_hand_over", "primary")
        self._hand_over.clicked.connect(lambda: self._start(together=False))
        bottom = FlowRow("staff_assist_actions", 12)
        bottom.add(self._back)
        bottom.add_stretch()
        bottom.add(self._together, Qt.AlignmentFlag.AlignRight)
        bottom.add(self._hand_over, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.setSpacing(16)
        layout.addWidget(self._title)
        layout.addWidget(self._note)
        layout.addWidget(scroll, 1)
        layout.addWidget(bottom)
        self.open(can_read_aloud=False)

    def open(self, can_read_aloud: bool) -> None:
        """Start from the clinic's own settings; offer reading aloud only where the kiosk
        has a voice."""
        kiosk = self._loaded.settings.kiosk
        self.language.choose(kiosk.language)
        self.text_size.choose(kiosk.text_size)
        self.read_aloud.choose("off")
        self.read_aloud.set_visible(can_read_aloud)
        self.colours.choose("clinic")

    def apply_metrics(self, body_px: int) -> None:
        """Each heading as tall as a choice, so it stands level with the first one (also
        where the choices wrap one under another, on a narrow screen)."""
        for row in self._rows:
            first = next(iter(row.buttons.values()))
            first.ensurePolished()
            row.heading.setMinimumHeight(first.sizeHint().height())

    def _start(self, together: bool) -> None:
        size = next(size for size in TEXT_SIZES if size == self.text_size.chosen)
        self.started.emit(AssistedStart(
            language=self.language.chosen, text_size=size,
            read_aloud=self.read_aloud.shown and self.read_aloud.chosen == "on",
            contrast=self.colours.chosen, together=together))

    def show_staff_words(self, words: LanguageWords) -> None:
        staff, ui = words.staff, words.ui
        content = self._loaded.content
        self._title.setText(staff.assist_title)
        self._note.setText(staff.assist_note)
        self.language.set_words(staff.assist_language, {
            code: _language_label(words.summary.language_names.get(code, ""),
                                  content.words(code).ui.language_name)
            for code in content.structure.languages})
        self.text_size.set_words(ui.text_size, {
            "normal": ui.text_size_normal, "large": ui.text_size_large,
            "largest": ui.text_size_largest})
        self.read_aloud.set_words(ui.read_aloud, {"on": staff.assist_on, "off": staff.assist_off})
        self.colours.set_words(ui.contrast, {mode: contrast_name(ui, mode)
                                             for mode in CONTRAST_MODES})
        set_button_text(self._back, staff.back_to_visits)
        set_button_text(self._together, staff.assist_together)
        set_button_text(self._hand_over, staff.assist_hand_over)


def _language_label(in_clinic_words: str, in_its_own: str) -> str:
    """A language named for staff and for the patient: "Spanish · Español"."""
    if not in_clinic_words or in_clinic_words == in_its_own:
        return in_its_own
    return f"{in_clinic_words} \u00b7 {in_its_own}"
