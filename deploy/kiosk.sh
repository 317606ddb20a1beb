#!/usr/bin/env bash
# Sets up everything the kiosk needs, then starts it. Arguments go to the kiosk, e.g.
#   bash deploy/kiosk.sh              full-screen kiosk mode
#   bash deploy/kiosk.sh --windowed   a 1280x800 window, for trying it on a desktop
set -euo pipefail
# shellcheck source=setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" kiosk
if [ "$KIOSK_NEEDS_DISPLAY" = yes ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "kiosk: no screen found (DISPLAY is not set). On a machine without one, try:" >&2
  echo "    xvfb-run -s '-screen 0 1920x1080x24' bash deploy/kiosk.sh --windowed" >&2
  exit 1
fi
exec "$KIOSK_ROOT/.venv/bin/python" "$KIOSK_ROOT/main.py" "$@"
