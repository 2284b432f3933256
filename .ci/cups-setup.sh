#!/bin/sh
# Install CUPS with the cups-pdf "printer", start cupsd (no systemd in CI containers) and
# add the KIOSK queue with an 80 mm roll page size. Safe to run again: every step checks first.
set -eu
QUEUE="${KIOSK_PRINTER_QUEUE:-KIOSK}"
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

need=""
for tool in cupsd:cups lpadmin:cups pdfinfo:poppler-utils pdftotext:poppler-utils zbarimg:zbar-tools; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${tool%%:*}" ] || need="$need ${tool#*:}"
done
[ -f "$PPD" ] || need="$need printer-driver-cups-pdf"
if [ -n "$need" ]; then
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    cups printer-driver-cups-pdf poppler-utils zbar-tools
fi

PIDFILE="${CUPSD_PIDFILE:-/tmp/kiosk-cupsd.pid}"
running() { lpstat -r 2>/dev/null | grep -q "scheduler is running"; }
if ! running; then
  # Foreground mode in the background, so we know its PID and cups-stop.sh can end exactly it.
  $SUDO setsid /usr/sbin/cupsd -f </dev/null >/dev/null 2>&1 &
  echo $! >"$PIDFILE"
  i=0
  until running; do
    i=$((i + 1)); [ "$i" -le 50 ] || { echo "cupsd did not start" >&2; exit 1; }
    sleep 0.1
  done
fi

if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
  $SUDO lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD"
fi
$SUDO lpadmin -p "$QUEUE" -o PageSize=Custom.80x120mm
$SUDO cupsenable "$QUEUE"
$SUDO cupsaccept "$QUEUE"
lpstat -p "$QUEUE"
