#!/usr/bin/env bash
# Sets up the kiosk's Python environment in .venv: checks Python and the system libraries Qt
# needs (installing them when run as root, printing the apt-get line otherwise), then installs
# the kiosk. Sourced by kiosk.sh and test.sh. Idempotent: a second run takes about a second.
#   usage: source deploy/setup.sh [kiosk|test]
set -euo pipefail

KIOSK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PURPOSE="${1:-kiosk}"
PYTHON="${PYTHON:-python3}"
VENV="$KIOSK_ROOT/.venv"

# shared library (as ldconfig names it) -> Debian package
BASE_LIBS=(
  libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1
  libfreetype.so.6:libfreetype6 libxkbcommon.so.0:libxkbcommon0 libglib-2.0.so.0:libglib2.0-0
  libdbus-1.so.3:libdbus-1-3 libX11.so.6:libx11-6 libxcb.so.1:libxcb1 libpng16.so.16:libpng16-16
  libpulse.so.0:libpulse0
)
XCB_LIBS=(
  libX11-xcb.so.1:libx11-xcb1 libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4
  libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1
  libxcb-randr.so.0:libxcb-randr0 libxcb-render-util.so.0:libxcb-render-util0
  libxcb-shape.so.0:libxcb-shape0 libxcb-xkb.so.1:libxcb-xkb1 libxcb-sync.so.1:libxcb-sync1
  libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-shm.so.0:libxcb-shm0 libxcb-util.so.1:libxcb-util1
  libxkbcommon-x11.so.0:libxkbcommon-x11-0
)

say() { printf 'kiosk setup: %s\n' "$*" >&2; }

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  say "Python 3.11 or newer is needed ('$PYTHON' is $("$PYTHON" --version 2>&1 || echo missing))."
  say "On Debian: apt-get install -y python3 python3-venv"
  exit 1
fi

missing=()
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
known_libs="$( (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null || true)"
check_libs() {
  local entry
  for entry in "$@"; do
    grep -q "^[[:space:]]*${entry%%:*} " <<<"$known_libs" || missing+=("${entry##*:}")
  done
}
check_libs "${BASE_LIBS[@]}"
# The family exactly: "Noto Sans Mono" or "Noto Sans Symbols" is not the kiosk's "Noto Sans".
fonts="$(fc-list : family 2>/dev/null | tr ',' '\n' || true)"
grep -qx "Noto Sans" <<<"$fonts" || missing+=(fontconfig fonts-noto-core)
command -v espeak-ng >/dev/null || missing+=(espeak-ng)  # the voice of Read aloud
[ "$PURPOSE" = test ] && ! command -v sox >/dev/null && missing+=(sox)  # tests listen with it
if [ "$PURPOSE" = test ]; then  # the deployment tests check the units and scripts with these
  command -v systemd-analyze >/dev/null || missing+=(systemd)
  command -v shellcheck >/dev/null || missing+=(shellcheck)
  command -v cage >/dev/null || missing+=(cage)
  command -v xinit >/dev/null || missing+=(xinit)
fi
needs_display=no
if [ "$PURPOSE" = kiosk ] && [ "${QT_QPA_PLATFORM:-xcb}" = xcb ]; then
  needs_display=yes
  check_libs "${XCB_LIBS[@]}"
fi

if ((${#missing[@]})); then
  line="apt-get install -y --no-install-recommends ${missing[*]}"
  say "Qt, the fonts or the voice need Debian packages that are missing. Install them with:"
  printf '\n    %s\n\n' "$line" >&2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "running it now (as root)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive $line -qq >/dev/null
  else
    exit 1
  fi
fi

stamp="$VENV/.kiosk-installed"
wanted="$("$PYTHON" --version 2>&1) $(sha256sum "$KIOSK_ROOT/pyproject.toml" | cut -c1-16)"
installed="$(cat "$stamp" 2>/dev/null || true)"
if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  installed=""
fi
case "$PURPOSE:$installed" in
  kiosk:"$wanted"* | test:"$wanted [test]") ;;  # up to date (a test set-up serves the kiosk)
  *)
    extras=""
    [ "$PURPOSE" = test ] && extras="[test]"
    say "installing the kiosk${extras:+ and its test tools} into $VENV"
    # setuptools' "Editable installation" banner warns of nothing that applies here.
    PYTHONWARNINGS="ignore:Editable installation" \
      "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$KIOSK_ROOT$extras"
    echo "$wanted${extras:+ $extras}" >"$stamp"
    ;;
esac
# The tests' FHIR engine (tests/fhir_engine): Medplum's FHIR router on Node.js 20.19+ or 22.12+.
if [ "$PURPOSE" = test ]; then
  engine="$KIOSK_ROOT/tests/fhir_engine"
  if ! command -v node >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Node.js for the tests' FHIR engine (apt-get install nodejs npm)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends nodejs npm >/dev/null; } || true
  fi
  node_ok='const [a, b] = process.versions.node.split(".").map(Number);
    process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a > 22 ? 0 : 1)'
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    say "Node.js or npm is missing: the FHIR engine tests will FAIL. Install Node.js 20.19 or"
    say "newer with npm (Debian 13: apt-get install nodejs npm), then run this again."
  elif ! node -e "$node_ok"; then
    say "Node.js $(node --version) is too old for the tests' FHIR engine (20.19+ or 22.12+;"
    say "Debian 12's nodejs is 18: use Debian 13's or NodeSource's): those tests will FAIL."
  else
    engine_stamp="$engine/node_modules/.kiosk-installed"
    engine_wanted="$(node --version) $(sha256sum "$engine/package-lock.json" | cut -c1-16)"
    if [ "$(cat "$engine_stamp" 2>/dev/null || true)" != "$engine_wanted" ]; then
      say "installing the tests' FHIR engine (npm ci in tests/fhir_engine)"
      if npm ci --prefix "$engine" --no-audit --no-fund --loglevel=error >/dev/null; then
        echo "$engine_wanted" >"$engine_stamp"
      else
        say "npm ci in tests/fhir_engine failed: the FHIR engine tests will FAIL."
      fi
    fi
  fi
fi
# Byte-code for the kiosk's own modules, even where PYTHONDONTWRITEBYTECODE is set (start-up).
"$VENV/bin/python" -m compileall -q "$KIOSK_ROOT/kiosk" >/dev/null || true
export KIOSK_NEEDS_DISPLAY="$needs_display"
