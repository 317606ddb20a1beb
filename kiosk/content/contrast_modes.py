"""The names of the kiosk's contrast modes, on their own so that the command line can offer
them without loading the theme's classes before the kiosk's first frame."""

from __future__ import annotations

from typing import Literal

ContrastMode = Literal["clinic", "black-on-white", "white-on-black", "yellow-on-black"]
#: Every contrast mode, the clinic's own look first.
CONTRAST_MODES: tuple[ContrastMode, ...] = ("clinic", "black-on-white", "white-on-black",
                                            "yellow-on-black")
