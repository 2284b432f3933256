#!/bin/sh
# Stop the cupsd that cups-setup.sh started, by the PID it recorded (never by name).
set -eu
PIDFILE="${CUPSD_PIDFILE:-/tmp/kiosk-cupsd.pid}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ -f "$PIDFILE" ]; then
  $SUDO kill "$(cat "$PIDFILE")" 2>/dev/null || true
  rm -f "$PIDFILE"
else
  echo "no $PIDFILE: cupsd was not started by cups-setup.sh; leaving it alone"
fi
