"""Behind the out-of-order screen the back office keeps running: visits already queued still
go to the printer, old visits are still deleted on time, and staff mode still opens (its use
through the screen is tested in tests/ui/test_out_of_order_staff.py)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import threading
from pathlib import Path

from kiosk.content.cache import load_cached
from kiosk.content.files import DEFAULT_THEME
from kiosk.content.model import Loaded
from kiosk.records.store import VisitStore
from tests.conftest import ROOT
from tests.records.test_store import submitted


def test_a_broken_edit_keeps_printing_and_retention_going(
        shipped: Loaded, content_copy: Path, settings_copy: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    load_cached(content_copy, settings_copy, DEFAULT_THEME, data_dir / "content-cache.pickle")
    store = VisitStore(data_dir / "visits.sqlite3")
    waiting = submitted(shipped, "likely-candidate")
    store.save_submitted(waiting)
    old = submitted(shipped, "review",
                    datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=30))
    store.save_submitted(old)
    store.close()
    (content_copy / "questionnaire.yaml").write_text("pages: [\n", encoding="utf-8")  # broken

    command = [sys.executable, "main.py", "--windowed", "--data", str(data_dir),
               "--content", str(content_copy), "--settings", str(settings_copy)]
    kiosk = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                             stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    guard = threading.Timer(60, kiosk.kill)  # ends the read below if the kiosk never says it
    guard.start()
    seen: list[str] = []
    wanted = {"out-of-order": "showing the out-of-order screen",
              "staff mode": "staff mode still opens behind the screen",
              "retention": "retention: 1 visits deleted",
              "printing": f"print of summary for visit {waiting.visit_id} failed"}
    try:
        assert kiosk.stderr is not None
        for line in kiosk.stderr:
            seen.append(line)
            if all(any(text in said for said in seen) for text in wanted.values()):
                break
    finally:
        guard.cancel()
        kiosk.terminate()
        kiosk.communicate()
    for what, text in wanted.items():
        assert any(text in line for line in seen), f"no {what}: {''.join(seen)[-2000:]}"
    store = VisitStore(data_dir / "visits.sqlite3")
    assert store.visit(old.visit_id, shipped.content.questionnaire) is None
    [job] = store.jobs()
    assert job.visit_id == waiting.visit_id and job.attempts == 1 and job.last_error
