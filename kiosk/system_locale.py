"""A usable text locale before Qt starts, whatever the machine's settings name.

A kiosk PC (or a test machine) may name a locale in LANG or LC_ALL that was never generated,
for example en_US.UTF-8 on a minimal Debian. The C library then falls back to plain ASCII and
Qt starts with a warning and without UTF-8. The kiosk's words come from its own content files
and never depend on the system locale, so C.UTF-8 (always present) serves instead.
"""

from __future__ import annotations

import locale
import os

FALLBACK = "C.UTF-8"


def ensure_usable_locale() -> str | None:
    """Use C.UTF-8 when the locale the environment names is not installed; returns the name
    that was replaced (for the log), or None when the environment's own locale works."""
    try:
        locale.setlocale(locale.LC_ALL, "")
    except locale.Error:
        wanted = os.environ.get("LC_ALL") or os.environ.get("LC_CTYPE") or os.environ.get("LANG")
        os.environ["LC_ALL"] = FALLBACK
        locale.setlocale(locale.LC_ALL, FALLBACK)
        return wanted or "(unset)"
    return None
