#!/usr/bin/env bash
# Build the Linux onedir bundle and smoke-test it: --version, and the frozen `kiosk screenshots`
# renders every screen offscreen (proves data files, fonts, catalogs and Qt plugins are in)
# with as many PNGs as the venv renders for the same arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
ARGS=(--lang de ar --size 1024x600)

echo "== pyinstaller"
start=$(date +%s)
uv run --group build pyinstaller kiosk.spec --noconfirm --log-level WARN
echo "built in $(( $(date +%s) - start )) s"

BIN=dist/kiosk/kiosk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== --version"
version=$("$BIN" --version)
expected="kiosk $(uv run python -c 'import kiosk; print(kiosk.__version__)')"
echo "$version"
[ "$version" = "$expected" ] || { echo "expected '$expected'"; exit 1; }

echo "== screenshots: frozen vs venv"
# cd away from the checkout so the frozen app cannot pick up files from the source tree
(cd "$tmp" && "$OLDPWD/$BIN" screenshots "$tmp/frozen" "${ARGS[@]}" 2>/dev/null)
uv run kiosk screenshots "$tmp/venv" "${ARGS[@]}" 2>/dev/null
frozen=$(find "$tmp/frozen" -name '*.png' | wc -l)
venv=$(find "$tmp/venv" -name '*.png' | wc -l)
echo "frozen: $frozen PNGs, venv: $venv PNGs"
[ "$frozen" -gt 0 ] && [ "$frozen" -eq "$venv" ] || { echo "screenshot count differs"; exit 1; }
# and paints them alike: a missing font, icon or image plugin would still give a PNG
uv run python - "$tmp" <<'PY'
import sys
from PySide6.QtGui import QImage
for shot in ("de-home.png", "ar-home.png", "de-situations.png", "de-service-offices.png"):
    frozen, venv = (QImage(f"{sys.argv[1]}/{side}/{shot}") for side in ("frozen", "venv"))
    if frozen.isNull() or frozen != venv:
        sys.exit(f"{shot}: the frozen app paints it differently")
print("frozen and venv paint Home, a list and a service page alike")
PY

echo "== size"
du -sm dist/kiosk
