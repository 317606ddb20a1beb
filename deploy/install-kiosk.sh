#!/usr/bin/env bash
# Install (or bring up to date) the waiting-room kiosk on a Debian 12 touchscreen PC, as root:
#
#   sudo bash deploy/install-kiosk.sh [--x11] [--no-start]
#
# Idempotent: run it again after `git pull` to update. It installs the Debian packages a kiosk
# PC needs, makes the unprivileged user "kiosk", copies this checkout to /opt/spine-kiosk (with
# its own .venv), puts the clinic's settings in /etc/spine-kiosk/settings.yaml (only the first
# time: a clinic's settings are never overwritten), keeps visits and logs in /var/lib/spine-kiosk,
# installs the systemd units, turns sleep and console blanking off and starts the kiosk on tty1
# under Cage (--x11: on a bare X server instead). Undo with deploy/uninstall-kiosk.sh.
# Rolling back: deploy/README.md.
set -euo pipefail

SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX=/opt/spine-kiosk
CONFIG=/etc/spine-kiosk
STATE=/var/lib/spine-kiosk
USER_NAME=kiosk
UNITS=(spine-kiosk.service spine-kiosk-out-of-order.service spine-kiosk-x11.service
       spine-kiosk-x11-out-of-order.service)
PACKAGES=(
  python3 python3-venv rsync                      # the kiosk's Python and its copy
  cage xwayland libwayland-client0 libwayland-cursor0 libwayland-egl1 libxkbcommon0  # Cage
  # (Debian 12's Cage will not start without Xwayland)
  xserver-xorg-core xserver-xorg-input-libinput xinit x11-xserver-utils    # the X11 way
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libegl1 libgl1
  libfontconfig1 libglib2.0-0 libdbus-1-3 fontconfig fonts-noto-core       # Qt and its font
  cups cups-client cups-bsd                        # printing the specialist's summary
  espeak-ng libpulse0 pipewire-pulse wireplumber   # Read aloud
)

say() { printf 'install-kiosk: %s\n' "$*"; }

graphics=spine-kiosk.service
start=yes
for arg in "$@"; do
  case "$arg" in
    --x11) graphics=spine-kiosk-x11.service ;;
    --no-start) start=no ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) say "unknown option $arg (see --help)"; exit 2 ;;
  esac
done
if [ "$(id -u)" != 0 ]; then
  say "run it as root: sudo bash $0 $*"
  exit 1
fi

say "Debian packages"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${PACKAGES[@]}" >/dev/null

if ! id "$USER_NAME" >/dev/null 2>&1; then
  say "user $USER_NAME"
  useradd --system --create-home --home-dir "$STATE/home" --shell /usr/sbin/nologin \
    --comment "Waiting-room kiosk" "$USER_NAME"
fi
for group in video render input audio lpadmin; do
  getent group "$group" >/dev/null && usermod -a -G "$group" "$USER_NAME"
done

say "the kiosk in $PREFIX"
mkdir -p "$PREFIX"
if [ "$SOURCE" != "$PREFIX" ]; then
  rsync -a --delete --exclude /.venv --exclude /.git --exclude /tests/fhir_engine/node_modules \
    "$SOURCE/" "$PREFIX/"
fi
chown -R root:root "$PREFIX"
chmod -R go-w "$PREFIX"
# Debian's own Python, which the user "kiosk" can run (not one under root's home).
if [ -e "$PREFIX/.venv" ] && \
   [ "$(readlink -f "$PREFIX/.venv/bin/python")" != "$(readlink -f /usr/bin/python3)" ]; then
  rm -rf "$PREFIX/.venv"
fi
PYTHON=/usr/bin/python3 bash "$PREFIX/deploy/setup.sh" kiosk

install -d -m 0700 -o "$USER_NAME" -g "$USER_NAME" "$CONFIG" "$STATE"
if [ ! -e "$CONFIG/settings.yaml" ]; then
  say "first settings in $CONFIG/settings.yaml (edit them; they are never overwritten)"
  install -m 0600 -o "$USER_NAME" -g "$USER_NAME" "$PREFIX/resources/settings.yaml" \
    "$CONFIG/settings.yaml"
fi

say "systemd units, no sleep, no console blanking"
for unit in "${UNITS[@]}"; do
  install -m 0644 "$PREFIX/deploy/systemd/$unit" "/etc/systemd/system/$unit"
done
# Building an image, or in a container, systemd is not running: the units are installed and
# enabled all the same and start at the next boot.
booted=no
[ -d /run/systemd/system ] && booted=yes
[ "$booted" = yes ] && systemctl daemon-reload
systemctl mask --quiet sleep.target suspend.target hibernate.target hybrid-sleep.target
systemctl set-default --quiet graphical.target
systemctl disable --quiet getty@tty1.service 2>/dev/null || true
if [ -f /etc/default/grub ] && ! grep -q 'consoleblank=0' /etc/default/grub; then
  sed -i 's/^GRUB_CMDLINE_LINUX_DEFAULT="/&consoleblank=0 /' /etc/default/grub
  if command -v update-grub >/dev/null; then update-grub >/dev/null 2>&1 || true; fi
fi
for unit in spine-kiosk.service spine-kiosk-x11.service; do
  [ "$unit" = "$graphics" ] || systemctl disable --quiet "$unit" 2>/dev/null || true
done
systemctl enable --quiet "$graphics"

if [ "$start" = yes ] && [ "$booted" = no ]; then
  say "systemd is not running here: $graphics starts at the next boot"
elif [ "$start" = yes ]; then
  say "starting $graphics (it restarts if it was running)"
  systemctl reset-failed "${UNITS[@]}" 2>/dev/null || true
  systemctl restart "$graphics"
fi
say "done. Next: set the staff PIN with"
say "  sudo -u $USER_NAME $PREFIX/.venv/bin/kiosk set-pin --settings $CONFIG/settings.yaml --data $STATE"
say "then check the installation with"
say "  sudo -u $USER_NAME $PREFIX/.venv/bin/kiosk self-test --settings $CONFIG/settings.yaml --data $STATE"
