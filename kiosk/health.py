"""How a kiosk is doing, for the staff's Printer and content screen and `self-test --json`.

Read without changing anything: the kiosk's and the content's versions, how long it has run
and how its last run ended (kiosk/run_record.py), the free disk and the visit store's size, what
waits to print and, with a FHIR server, what waits for the record system. No patient data.
No Qt.
"""

from __future__ import annotations

import datetime
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.content.model import Loaded
from kiosk.records.store_health import undelivered, waiting_jobs
from kiosk.run_record import RUN_FILE_NAME

STORE_NAME = "visits.sqlite3"


@dataclass(frozen=True, slots=True)
class Health:
    kiosk_version: str
    content_version: str
    started_at: str | None
    uptime_seconds: int | None
    last_run: str
    last_run_kind: str  # first, stopped or unstopped (a crash, a kill, the watchdog)
    last_run_at: str | None  # when it stopped, or was last seen alive
    free_disk_bytes: int
    store_bytes: int
    waiting_to_print: int
    last_print_error: str | None
    record_system: bool
    waiting_for_record_system: int
    refused_by_record_system: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def measure(data: Path, loaded: Loaded, now: datetime.datetime | None = None) -> Health:
    """The kiosk whose data folder is `data`, as it is now."""
    from kiosk.fhir.publication import content_version

    now = now or datetime.datetime.now(datetime.UTC)
    run = _run(data)
    started = run.get("started_at") if not run.get("stopped_at") else None
    uptime = (int((now - datetime.datetime.fromisoformat(started)).total_seconds())
              if isinstance(started, str) else None)
    store = data / STORE_NAME
    stored = store.exists() and store.stat().st_size > 0
    jobs = waiting_jobs(store) if stored else []
    waiting = undelivered(store) if stored else []
    return Health(
        kiosk_version=__version__,
        content_version=(f"{loaded.content.questionnaire.version}"
                         f" ({content_version(loaded.content)})"),
        started_at=started if isinstance(started, str) else None,
        uptime_seconds=uptime,
        last_run=(f"last run stopped: {run.get('why', '?')} at {run['stopped_at']}"
                  if run.get("stopped_at") else str(run.get("previous", "no run recorded yet"))),
        last_run_kind=("stopped" if run.get("stopped_at")
                       else str(run.get("previous_kind", "first"))),
        last_run_at=run.get("stopped_at") or run.get("previous_at"),
        free_disk_bytes=shutil.disk_usage(data).free,
        store_bytes=sum(part.stat().st_size for part in data.glob(f"{STORE_NAME}*")),
        waiting_to_print=len(jobs),
        last_print_error=next((error for error in reversed(jobs) if error), None),
        record_system=bool(loaded.settings.fhir.server),
        waiting_for_record_system=sum(1 for state, _, _ in waiting if state != "refused"),
        refused_by_record_system=sum(1 for state, _, _ in waiting if state == "refused"))


def _run(data: Path) -> dict[str, Any]:
    try:
        said = json.loads((data / RUN_FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return said if isinstance(said, dict) else {}


def duration(seconds: int | None) -> str:
    """`3 d 4 h`, `2 h 5 min`, `45 min`: how long, to the unit that matters."""
    if seconds is None:
        return "-"
    minutes, hours, days = seconds // 60 % 60, seconds // 3600 % 24, seconds // 86400
    if days:
        return f"{days} d {hours} h"
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def size(count: int) -> str:
    """`12.3 GB`, `840 KB`: a number of bytes as people read it."""
    value = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


def moment(at: str | None) -> str:
    """`2026-12-01 15:27 UTC`: a recorded time as staff read it."""
    return f"{at[:16].replace('T', ' ')} UTC" if at else "-"
