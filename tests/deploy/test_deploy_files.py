"""The files that run the kiosk on a clinic's PC: systemd accepts the units, the install and
uninstall scripts pass bash and shellcheck, and every unit starts the kiosk with options the
kiosk has, under a watchdog, ending in the out-of-order screen rather than a restart storm."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.command_line import command_parser
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
SCRIPTS = [DEPLOY / name for name in ("install-kiosk.sh", "uninstall-kiosk.sh", "setup.sh",
                                      "kiosk.sh", "test.sh", "x11-session")]
INSTALLED = "/opt/spine-kiosk"
INSTALL_HINT = "apt-get install systemd shellcheck cage xinit (.ci/run does, as root)"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: {INSTALL_HINT}", pytrace=False)
    return found


def unit(path: Path) -> configparser.ConfigParser:
    parsed = configparser.ConfigParser(strict=False, interpolation=None)
    parsed.optionxform = str  # type: ignore[assignment,method-assign]
    parsed.read(path, encoding="utf-8")
    return parsed


def test_systemd_accepts_every_unit(tmp_path: Path) -> None:
    assert [path.name for path in UNITS] == [
        "spine-kiosk-out-of-order.service", "spine-kiosk-x11-out-of-order.service",
        "spine-kiosk-x11.service", "spine-kiosk.service"]
    # systemd checks that each command exists: the units as installed, with the kiosk's
    # folder (/opt/spine-kiosk on a kiosk PC) here, its Python this test's own.
    prefix = tmp_path / "spine-kiosk"
    (prefix / ".venv" / "bin").mkdir(parents=True)
    (prefix / ".venv" / "bin" / "python").symlink_to(sys.executable)
    installed = []
    for path in UNITS:
        copy = tmp_path / path.name
        copy.write_text(path.read_text(encoding="utf-8").replace(INSTALLED, str(prefix)),
                        encoding="utf-8")
        installed.append(str(copy))
    done = subprocess.run([tool("systemd-analyze"), "verify", *installed],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_every_script_passes_bash_and_shellcheck(script: Path) -> None:
    assert subprocess.run(["bash", "-n", str(script)], timeout=30).returncode == 0
    done = subprocess.run([tool("shellcheck"), "-x", "-P", "SCRIPTDIR", str(script)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize("path", UNITS, ids=lambda path: path.name)
def test_each_unit_runs_the_kiosk_as_its_own_user_under_a_watchdog(path: Path) -> None:
    service = unit(path)["Service"]
    assert (service["Type"], service["NotifyAccess"]) == ("notify", "main")
    assert int(service["WatchdogSec"]) >= 10
    assert service["User"] == "kiosk" and service["User"] != "root"
    # X11 (under Cage, its Xwayland): Qt's virtual keyboard works only as an X11 client
    assert "QT_QPA_PLATFORM=xcb" in service["Environment"].split()
    command = shlex.split(service["ExecStart"])
    # The login session (PAMName) moves the kiosk out of the unit: the main process passes its
    # notifications on and ends the session's processes (tests/deploy/test_service_session.py).
    assert service["PAMName"] == "login"
    assert command[:4] == ["/opt/spine-kiosk/.venv/bin/python", "-m", "kiosk.service_session",
                           "--"]
    kiosk_args = command[command.index("/opt/spine-kiosk/.venv/bin/kiosk") + 1:] \
        if "/opt/spine-kiosk/.venv/bin/kiosk" in command else None
    if kiosk_args is None:  # the X11 way: its session script starts the kiosk
        session = (DEPLOY / "x11-session").read_text(encoding="utf-8")
        assert "/opt/spine-kiosk/deploy/x11-session" in command
        kiosk_args = shlex.split(session.split("exec /opt/spine-kiosk/.venv/bin/kiosk", 1)[1]
                                 .replace("\\\n", " ").replace('"$@"', ""))
    options = command_parser().parse_args(kiosk_args)  # the kiosk has every option named
    assert options.command is None, "the kiosk itself, not one of its commands"
    assert str(options.data) == "/var/lib/spine-kiosk"


@pytest.mark.parametrize("name", ["spine-kiosk", "spine-kiosk-x11"])
def test_repeated_failures_end_in_the_out_of_order_screen_not_a_restart_storm(name: str) -> None:
    main = unit(DEPLOY / "systemd" / f"{name}.service")
    spare = unit(DEPLOY / "systemd" / f"{name}-out-of-order.service")
    assert main["Service"]["Restart"] == "always"
    assert int(main["Unit"]["StartLimitBurst"]) <= 5
    assert int(main["Unit"]["StartLimitIntervalSec"]) >= 300
    assert main["Unit"]["OnFailure"] == f"{name}-out-of-order.service"
    assert f"{name}-out-of-order.service" in " ".join(
        unit_values(DEPLOY / "systemd" / f"{name}.service", "Unit", "Conflicts"))
    assert spare["Service"]["Restart"] == "always"  # a crash must not leave a blank console
    assert int(spare["Unit"]["StartLimitBurst"]) > int(main["Unit"]["StartLimitBurst"])
    command = shlex.split(spare["Service"]["ExecStart"])
    assert "--out-of-order" in command
    # the same way of drawing as the unit it stands in for
    assert command[4] == shlex.split(main["Service"]["ExecStart"])[4]
    assert spare["Service"]["Environment"] == main["Service"]["Environment"]


def unit_values(path: Path, section: str, key: str) -> list[str]:
    """Every value of a key a unit sets more than once (configparser keeps only the last)."""
    values, current = [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == section and line.startswith(f"{key}="):
            values.append(line.split("=", 1)[1])
    return values


@pytest.mark.parametrize("script", ["install-kiosk.sh", "uninstall-kiosk.sh"])
def test_the_scripts_explain_themselves(script: str) -> None:
    done = subprocess.run(["bash", str(DEPLOY / script), "--help"], capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 0
    assert f"sudo bash deploy/{script}" in done.stdout
    wrong = subprocess.run(["bash", str(DEPLOY / script), "--frobnicate"], capture_output=True,
                           text=True, timeout=30)
    assert wrong.returncode == 2 and "unknown option --frobnicate" in wrong.stdout
