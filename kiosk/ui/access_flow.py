"""Reading aloud and contrast for the kiosk window: switched from the bar, reset by a wipe.

With "Read aloud" on, each screen is read when it opens and each question when it shows, in
the language on screen; a chosen answer is said back ("You chose: No."); a message that
appears (an answer is needed, a date that does not exist) is read after what is being said;
a keyboard user hears each control as focus reaches it. A touch anywhere but the speech row
stops the voice (the patient has moved on); Pause keeps the place, Repeat starts the screen
again. Volume and speed return to the clinic's settings, and speech and colours to their
defaults, when the visit is wiped. Staff screens are never read.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from kiosk.content.contrast_modes import CONTRAST_MODES
from kiosk.speech.parts import spoken_parts
from kiosk.ui.access_bar import contrast_name
from kiosk.ui.parts import StaffScreen
from kiosk.ui.spoken import focus_words, plain, screen_words

if TYPE_CHECKING:
    from kiosk.content.model import Loaded
    from kiosk.content.screen_words import UiWords
    from kiosk.speech.speaker import Speaker
    from kiosk.ui.bottom_bar import BottomBar
    from kiosk.ui.keyboard import OnScreenKeyboard
    from kiosk.ui.parts import Screen
    from kiosk.ui.place import Place

log = logging.getLogger(__name__)

#: Keys that move focus: a focus change after one of them is read aloud.
_MOVING_KEYS = {int(key) for key in (
    Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left,
    Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)}
#: Presses that are the patient working the speech itself, not moving on.
_SPEECH_CONTROLS = ("bar_read_aloud", "bar_speech")


class AccessFlow:
    """Mixed into KioskWindow: `contrast` and `read_aloud` live here, beside the language and
    the text size, and go back to their defaults with them."""

    if TYPE_CHECKING:
        _loaded: Loaded
        bar: BottomBar
        language: str
        _screens: dict[str, Screen]
        keyboard: OnScreenKeyboard | None

        @property
        def place(self) -> Place: ...
        def page(self, name: str) -> Screen: ...
        def _apply_style(self) -> None: ...

    contrast: str = "clinic"
    read_aloud: bool = False
    _speech_folder: Path | None = None
    _voice = False  # unknown, so left off the bar, until looked for after the first frame

    def setup_access(self) -> None:
        self.speaker: Speaker | None = None
        self._said_once: set[str] = set()
        self._speak_soon = QTimer(self)  # type: ignore[arg-type]
        self._speak_soon.setSingleShot(True)
        self._speak_soon.setInterval(0)
        self._speak_soon.timeout.connect(self.read_screen)
        self._touch_watch = _TouchWatch(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the keyboard opens and closes with the text box
            app.focusChanged.connect(self._focus_moved)
        self.bar.read_aloud_switched.connect(self.set_read_aloud)
        self.bar.contrast_requested.connect(self.next_contrast)
        speech = self.bar.speech
        speech.pause_pressed.connect(self._pause_or_go_on)
        speech.repeat_pressed.connect(self.read_screen)
        for signal, step in ((speech.louder, "louder"), (speech.quieter, "quieter"),
                             (speech.faster, "faster"), (speech.slower, "slower")):
            signal.connect(lambda step=step: self._step(step))

    @property
    def can_read_aloud(self) -> bool:
        """Whether this kiosk has a working voice (else Read aloud is left off the bar)."""
        return self._loaded.settings.speech.enabled and self._voice

    def look_for_voice(self) -> None:
        """Find espeak-ng, its voices and a sound device it can use (a few runs of it: after
        the first frame, not before)."""
        from kiosk.speech.speaker import can_read_aloud

        self._voice = can_read_aloud(self._speech_folder)
        self.show_access()

    @property
    def speech_folder(self) -> Path | None:
        """Where speech goes instead of the sound device (WAV files; tests and previews)."""
        return self._speech_folder

    @speech_folder.setter
    def speech_folder(self, folder: Path | None) -> None:
        self._speech_folder = folder
        self.look_for_voice()

    # -- contrast --------------------------------------------------------------------------

    def set_contrast(self, mode: str) -> None:
        if mode not in CONTRAST_MODES:
            raise ValueError(f"no contrast mode {mode!r}")
        self.contrast = mode
        self._apply_style()
        self.show_access()
        if self.read_aloud:
            self._say([contrast_name(self._ui, mode)])

    def next_contrast(self) -> None:
        """The bar's Colours: the next mode, round to the clinic's colours again."""
        index = CONTRAST_MODES.index(self.contrast)
        self.set_contrast(CONTRAST_MODES[(index + 1) % len(CONTRAST_MODES)])

    # -- speech ----------------------------------------------------------------------------

    @property
    def _ui(self) -> UiWords:
        return self._loaded.content.words(self.language).ui

    def set_read_aloud(self, on: bool) -> None:
        """Read aloud on (the screen is read from its start) or off (silence at once)."""
        if on and self.speaker is None:
            from kiosk.speech.speaker import Speaker

            self.speaker = Speaker(self._loaded.settings.speech, self.speech_folder,
                                   parent=self)  # type: ignore[arg-type]
            self.speaker.state_changed.connect(lambda _state: self.show_access())
            self.speaker.levels_changed.connect(self.show_access)
        self.read_aloud = on and self.speaker is not None and self.speaker.available
        app = QApplication.instance()
        if self.read_aloud and app is not None:
            app.installEventFilter(self._touch_watch)
        elif app is not None:
            app.removeEventFilter(self._touch_watch)
        if not self.read_aloud:
            self._speak_soon.stop()
            if self.speaker is not None:
                self.speaker.stop()
        self.show_access()
        if self.read_aloud:
            self.read_screen()

    def screen_changed(self) -> None:
        """A screen or question came up: read it once the window has laid it out."""
        if self.read_aloud:
            self._speak_soon.start()

    def read_screen(self) -> None:
        """Read the screen on show from its start (also the bar's Repeat)."""
        self._speak_soon.stop()  # read now: not again when the event loop comes round
        screen = self._screens.get(self.place.screen)
        if not self.read_aloud or screen is None or isinstance(screen, StaffScreen):
            return
        self._listen_to_answers(screen)
        words = screen_words(screen, self._ui)
        # How one-tap answers move on is said on the first such question, not on every one.
        note = plain(self._ui.question_moves_on)
        if note in words and note in self._said_once:
            words.remove(note)
        self._said_once.update(words)
        self._say(words)

    def forget_access(self) -> None:
        """The wipe: the clinic's colours, silence, and the clinic's volume and speed."""
        self.contrast = "clinic"
        self._said_once.clear()
        if self.read_aloud:
            self.set_read_aloud(False)
        if self.speaker is not None:
            self.speaker.reset()
        self.show_access()

    def show_access(self) -> None:
        ui = self._ui
        speaker = self.speaker
        focus = QApplication.focusWidget()
        typing = (isinstance(focus, QLineEdit) and self.keyboard is not None
                  and focus.window() is cast(QWidget, self))
        self.bar.show_access(ui, self.read_aloud, self.can_read_aloud, self.contrast, typing)
        if speaker is not None:
            self.bar.speech.show_state(ui, speaker.paused, speaker.volume_level,
                                       speaker.rate_level)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit) or isinstance(_old, QLineEdit):
            self.show_access()

    def _say(self, parts: list[str], after: bool = False) -> None:
        if self.speaker is not None and self.read_aloud and parts:
            self.speaker.say(spoken_parts(parts), self.language, after=after)

    def _pause_or_go_on(self) -> None:
        if self.speaker is None:
            return
        if self.speaker.paused:
            self.speaker.resume()
        else:
            self.speaker.pause()

    def _step(self, step: str) -> None:
        if self.speaker is not None:
            getattr(self.speaker, step)()
            ui = self._ui
            volume = ui.speech_level.format(level=self.speaker.volume_level[0],
                                            levels=self.speaker.volume_level[1])
            speed = ui.speech_level.format(level=self.speaker.rate_level[0],
                                           levels=self.speaker.rate_level[1])
            said = (f"{ui.speech_volume}: {volume}" if step in ("louder", "quieter")
                    else f"{ui.speech_speed}: {speed}")
            self._say([said])

    def _listen_to_answers(self, screen: QWidget) -> None:
        """Say a chosen answer back as the patient picks it."""
        for choice in screen.findChildren(QAbstractButton):
            if choice.isCheckable() and not choice.property("read_back"):
                choice.setProperty("read_back", True)
                choice.toggled.connect(lambda on, c=choice: self._chosen(c, on))

    def _chosen(self, choice: QAbstractButton, on: bool) -> None:
        """Said back only when the patient pressed it (not a field the keypad moved on to)."""
        if not self.read_aloud or not choice.isVisible() or not self._touch_watch.pressed(choice):
            return
        name = plain(choice.accessibleName() or choice.text())
        group = choice.group()
        if on:
            self._say([self._ui.spoken_chosen.format(answer=name)])
        elif group is None or not group.exclusive():
            self._say([self._ui.spoken_unchosen.format(answer=name)])

    def _ours(self, widget: QWidget) -> bool:
        """Whether `widget` is on this window's patient screen (never a staff screen)."""
        return (widget.window() is cast(QWidget, self)
                and not isinstance(self._screens.get(self.place.screen), StaffScreen))

    def _message_shown(self, label: QLabel) -> None:
        if self._ours(label):
            self._say([plain(label.text())], after=True)

    def _focus_reached(self, widget: QWidget) -> None:
        if self._ours(widget):
            self._say([focus_words(widget, self._ui)])


class _TouchWatch(QObject):
    """While reading aloud: a touch elsewhere stops the voice, a message that appears is
    read, and focus moved by a key is read."""

    def __init__(self, flow: AccessFlow) -> None:
        super().__init__(cast(QWidget, flow))  # ends with the window, and with it its watch
        self._flow = flow
        self._keyed = False
        self._pressed: QWidget | None = None  # what the last touch or key went to

    def pressed(self, control: QWidget) -> bool:
        """Whether the last touch or key went to `control` (or to something inside it)."""
        widget = self._pressed
        while widget is not None:
            if widget is control:
                return True
            widget = widget.parentWidget()
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            self._pressed = watched if isinstance(watched, QWidget) else None
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            if isinstance(watched, QWidget) and not _is_speech_control(watched):
                speaker = self._flow.speaker
                if speaker is not None:
                    speaker.stop()
        elif kind == QEvent.Type.KeyPress:
            self._keyed = _key(event) in _MOVING_KEYS
        elif kind == QEvent.Type.FocusIn and self._keyed and isinstance(watched, QWidget):
            self._keyed = False
            self._flow._focus_reached(watched)
        elif (kind == QEvent.Type.Show and isinstance(watched, QLabel)
              and watched.property("role") == "warning"):
            self._flow._message_shown(watched)
        return False


def _key(event: Any) -> int:
    return int(event.key()) if hasattr(event, "key") else 0


def _is_speech_control(widget: QWidget | None) -> bool:
    while widget is not None:
        if widget.objectName() in _SPEECH_CONTROLS:
            return True
        widget = widget.parentWidget()
    return False
