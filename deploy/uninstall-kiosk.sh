#!/usr/bin/env bash
# Remove what deploy/install-kiosk.sh installed, as root:
#
#   sudo bash deploy/uninstall-kiosk.sh [--purge]
#
# Stops and removes the kiosk's systemd units and /opt/spine-kiosk, gives tty1 its login prompt
# back and lets the PC sleep again. The clinic's settings (/etc/spine-kiosk) and the kiosk's data
# (/var/lib/spine-kiosk: visits not yet deleted by retention, logs, keys) stay unless --purge,
# which also removes the user "kiosk". Debian packages stay (other software may use them).
set -euo pipefail

PREFIX=/opt/spine-kiosk
CONFIG=/etc/spine-kiosk
STATE=/var/lib/spine-kiosk
USER_NAME=kiosk
UNITS=(spine-kiosk.service spine-kiosk-out-of-order.service spine-kiosk-x11.service
       spine-kiosk-x11-out-of-order.service)

say() { printf 'uninstall-kiosk: %s\n' "$*"; }

purge=no
for arg in "$@"; do
  case "$arg" in
    --purge) purge=yes ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) say "unknown option $arg (see --help)"; exit 2 ;;
  esac
done
if [ "$(id -u)" != 0 ]; then
  say "run it as root: sudo bash $0 $*"
  exit 1
fi

say "stopping and removing the systemd units"
for unit in "${UNITS[@]}"; do
  systemctl disable --now --quiet "$unit" 2>/dev/null || true
  rm -f "/etc/systemd/system/$unit"
  rm -rf "/etc/systemd/system/$unit.d"  # the clinic's own additions to that unit, if any
done
booted=no
[ -d /run/systemd/system ] && booted=yes
if [ "$booted" = yes ]; then
  systemctl daemon-reload
  systemctl reset-failed "${UNITS[@]}" 2>/dev/null || true
fi
systemctl unmask --quiet sleep.target suspend.target hibernate.target hybrid-sleep.target
systemctl enable --quiet getty@tty1.service 2>/dev/null || true
[ "$booted" = yes ] && { systemctl start getty@tty1.service 2>/dev/null || true; }

say "removing $PREFIX"
rm -rf "$PREFIX"
if [ "$purge" = yes ]; then
  say "removing $CONFIG, $STATE and the user $USER_NAME"
  rm -rf "$CONFIG" "$STATE"
  if id "$USER_NAME" >/dev/null 2>&1; then
    # The user's own service manager and sound server outlive the kiosk's session.
    if [ "$booted" = yes ]; then
      loginctl terminate-user "$USER_NAME" 2>/dev/null || true
      systemctl stop "user@$(id -u "$USER_NAME").service" 2>/dev/null || true
    fi
    pkill -KILL -u "$USER_NAME" 2>/dev/null || true
    userdel "$USER_NAME"
  fi
else
  say "kept $CONFIG and $STATE (remove them with --purge)"
fi
say "done"
