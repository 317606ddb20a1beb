"""A private CUPS server for the tests: its own configuration and spool under a temporary folder,
listening on a Unix socket only, browsing off, with one cups-pdf queue. It never looks for
printers on any network; the tests reach it through CUPS_SERVER (set in tests/conftest.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import CUPS_FOLDER

CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
QUEUE = "Kiosk_Test_PDF"


def missing() -> str | None:
    """Why a real CUPS test cannot run here, or None when it can."""
    for program in ("cupsd", "lpadmin", "lpstat"):
        if shutil.which(program) is None and not Path(f"/usr/sbin/{program}").exists():
            return f"{program} is not installed (Debian: cups cups-bsd printer-driver-cups-pdf)"
    if not CUPS_PDF_PPD.exists():
        return "cups-pdf is not installed (Debian: printer-driver-cups-pdf)"
    if os.geteuid() != 0:
        return "the cups-pdf backend needs the tests to run as root"
    return None


def _program(name: str) -> str:
    return shutil.which(name) or f"/usr/sbin/{name}"


class PrivateCups:
    """Start, stop and ask a cupsd that serves only this test session."""

    def __init__(self, root: Path, socket: Path) -> None:
        self.root = root
        self.socket = socket
        self.process: subprocess.Popen[bytes] | None = None
        conf = root / "conf"
        for folder in ("conf/ppd", "spool/tmp", "cache", "state", "log"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        # CUPS filters run as the unprivileged user lp: they must reach the spool and temp.
        for shared in (root.parent, root, root / "spool", root / "conf", root / "cache"):
            shared.chmod(0o755)
        (root / "spool" / "tmp").chmod(0o1777)
        self.cupsd_conf = conf / "cupsd.conf"
        self.files_conf = conf / "cups-files.conf"
        self.cupsd_conf.write_text(
            f"Listen {socket}\nBrowsing No\nBrowseLocalProtocols none\nDefaultShared No\n"
            "WebInterface No\nLogLevel warn\nMaxJobs 100\nPreserveJobFiles No\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
            encoding="utf-8")
        self.files_conf.write_text(
            f"ServerRoot {conf}\nRequestRoot {root / 'spool'}\nTempDir {root / 'spool/tmp'}\n"
            f"CacheDir {root / 'cache'}\nStateDir {root / 'state'}\n"
            f"ErrorLog {root / 'log/error_log'}\nAccessLog {root / 'log/access_log'}\n"
            f"PageLog {root / 'log/page_log'}\nSystemGroup root\n",
            encoding="utf-8")

    def start(self) -> None:
        """Start cupsd; wait for `running()` (the tests use qtbot.waitUntil)."""
        self.process = subprocess.Popen(
            [_program("cupsd"), "-f", "-c", str(self.cupsd_conf), "-s", str(self.files_conf)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def running(self) -> None:
        """Asserts the server answers (for qtbot.waitUntil)."""
        assert self.process is not None and self.process.poll() is None, self.log()
        assert self.socket.exists() and self.lpstat("-r").stdout.strip() == "scheduler is running"

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=20)
            self.process = None
        self.socket.unlink(missing_ok=True)

    def add_pdf_queue(self, name: str = QUEUE) -> None:
        subprocess.run([_program("lpadmin"), "-h", str(self.socket), "-p", name, "-E",
                        "-v", "cups-pdf:/", "-P", str(CUPS_PDF_PPD)], check=True,
                       capture_output=True)

    def lpstat(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([_program("lpstat"), "-h", str(self.socket), *args],
                              capture_output=True, text=True)

    def completed_jobs(self, queue: str = QUEUE) -> list[str]:
        out = self.lpstat("-W", "completed", "-o", queue).stdout
        return [line.split()[0] for line in out.splitlines() if line.strip()]

    def log(self) -> str:
        error_log = self.root / "log" / "error_log"
        return error_log.read_text(encoding="utf-8", errors="replace")[-2000:] \
            if error_log.exists() else "(no log)"


def running_cups(qtbot: QtBot) -> Iterator[PrivateCups]:
    """A private CUPS server, running, with one PDF printer (`QUEUE`); stopped when the
    test is done. The body of the tests' `cups` fixtures."""
    server = PrivateCups(CUPS_FOLDER / "server", CUPS_FOLDER / "cups.sock")
    server.start()
    qtbot.waitUntil(server.running, timeout=20_000)
    server.add_pdf_queue()
    yield server
    server.stop()
