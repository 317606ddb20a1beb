"""Records: what the kiosk keeps on disk (visits, print jobs, audit), for a short time."""

import sqlite3

#: What a visit store that has stopped working raises: damaged, full, read-only, vanished.
STORE_FAULTS: tuple[type[Exception], ...] = (sqlite3.Error, OSError)
