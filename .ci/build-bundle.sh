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

echo "== sync in a child process: frozen"
# kiosk/__main__.py runs PyInstaller's multiprocessing hook only in the child (kiosk.spec):
# a signed v2 bundle from a real HTTP server on 127.0.0.1, checked and built in the child.
uv run python - "$BIN" "$tmp" <<'PY'
import functools, os, subprocess, sys, threading
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path
from kiosk.cli import main
from kiosk.paths import default_content_dir
binary, tmp = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
key, src, www = tmp / "signing.pem", tmp / "src", tmp / "www"
for path in default_content_dir().rglob("*"):
    if path.is_file() and "__pycache__" not in path.parts:
        target = src / path.relative_to(default_content_dir())
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes().replace(b"content_version = 1", b"content_version = 2"))
public = subprocess.run([sys.executable, "-m", "kiosk", "content", "keygen", str(key)], capture_output=True, text=True, check=True).stdout.strip()
www.mkdir()
assert main(["content", "build", str(src), str(www / "b.zip"), "--key", str(key)]) == 0
handler = functools.partial(SimpleHTTPRequestHandler, directory=str(www))
server = HTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
env = dict(os.environ, KIOSK_DATA_DIR=str(tmp / "data"), KIOSK_SYNC_TRUSTED_KEYS=public)
url = f"http://127.0.0.1:{server.server_port}/b.zip"
proc = subprocess.run([str(binary), "sync", "--isolated", "--url", url], capture_output=True, text=True, env=env, cwd=tmp, timeout=120)
print(proc.stdout.strip())
if proc.returncode != 0 or "updated: content_version 2" not in proc.stdout:
    sys.exit(f"the frozen sync failed ({proc.returncode}): {proc.stderr[-800:]}")
PY

echo "== size"
du -sm dist/kiosk
