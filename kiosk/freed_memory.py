"""Giving the memory a visit freed back to the system.

The C library keeps the memory that Python and Qt free for reuse, and a heap with a few live
blocks among the freed ones cannot shrink: over a day of visits the kiosk's resident size would
creep up with pages that hold nothing. After each visit, once the next patient's screens are
ready, the kiosk asks the GNU C library to hand whole free pages back (`malloc_trim`). Where
the C library has no such call (not glibc) this does nothing.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable


@functools.cache
def _trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # no C library loaded by name, or not glibc
        return None
    return trim


def give_back_freed_memory() -> bool:
    """Hand the C library's free pages back to the system; True when some were."""
    trim = _trim()
    return bool(trim(0)) if trim is not None else False
