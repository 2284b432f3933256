#!/usr/bin/env bash
# Install (or update) the kiosk on a Debian/Ubuntu PC: user, bundle in /opt/kiosk, systemd unit.
#   sudo packaging/linux/install.sh [path/to/dist/kiosk]
# Updating: run it again with the new bundle; the old folder is kept as /opt/kiosk.previous
# and the switch is a rename, so a failed copy never leaves a half-updated kiosk.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
BUNDLE="${1:-$HERE/../../dist/kiosk}"
PREFIX=/opt/kiosk
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo)"; exit 1; }
[ -x "$BUNDLE/kiosk" ] || { echo "no bundle at $BUNDLE (build it: uv run --group build pyinstaller kiosk.spec)"; exit 1; }

echo "== packages (cage compositor, fonts config, CUPS client)"
if command -v apt-get >/dev/null; then
  apt-get install -y --no-install-recommends cage libwayland-client0 libwayland-cursor0 libwayland-egl1 \
    libegl1 libgl1 libfontconfig1 libxkbcommon0 cups-client
fi

echo "== user kiosk (no password, no shell login)"
if ! id kiosk >/dev/null 2>&1; then
  useradd --system --create-home --home-dir /var/lib/kiosk-home --shell /usr/sbin/nologin kiosk
fi
usermod -a -G video,input,render,lp kiosk 2>/dev/null || usermod -a -G video,input,lp kiosk

echo "== bundle -> $PREFIX"
rm -rf "$PREFIX.new"
cp -a "$BUNDLE" "$PREFIX.new"
mkdir -p "$PREFIX.new/docs"
cp "$HERE/../../docs/deploy.md" "$PREFIX.new/docs/" 2>/dev/null || true
chown -R root:root "$PREFIX.new"
chmod -R go-w "$PREFIX.new"
if [ -d "$PREFIX" ]; then rm -rf "$PREFIX.previous"; mv "$PREFIX" "$PREFIX.previous"; fi
mv "$PREFIX.new" "$PREFIX"

echo "== systemd unit"
install -m 0644 "$HERE/cage.pam" /etc/pam.d/cage
install -m 0644 "$HERE/kiosk.service" /etc/systemd/system/kiosk.service
systemctl daemon-reload
systemctl disable --now getty@tty1.service 2>/dev/null || true
systemctl enable kiosk.service
systemctl set-default graphical.target
systemctl restart kiosk.service
echo "done: journalctl -u kiosk -f   (logs also in /var/lib/kiosk/logs/)"
