"""Memory and idle CPU of the kiosk: RSS after start and after N simulated visitor sessions,
then CPU use while Home sits idle.

A session taps through the real buttons: Home -> Stelle finden -> a situation -> Zurück ->
Start, switches the language in the nav bar, and ends like an idle timeout does. Offscreen,
1920x1080, default content, a fresh temporary data dir.

    uv run python benchmarks/memory_idle.py [--sessions 2000] [--idle-seconds 60]
    uv run python benchmarks/memory_idle.py --sessions 10000      # the long run
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtTest import QTest

from kiosk.app import build_kiosk, ensure_qapp
from kiosk.flow import ScreenId
from kiosk.i18n import LANGUAGES
from kiosk.settings import Settings
from kiosk.ui.widgets import BigButton

MB = 1024 * 1024


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / MB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    args = parser.parse_args()

    app = ensure_qapp()
    data_dir = Path(tempfile.mkdtemp(prefix="kiosk-mem-"))
    kiosk = build_kiosk(data_dir, Settings().replace(fullscreen=False))
    window = kiosk.window
    window.resize(1920, 1080)
    window.show()
    kiosk.idle.start()
    app.processEvents()

    def tap(name: str) -> None:
        button = window.findChild(BigButton, name)
        if button is None or not button.isVisible():
            raise SystemExit(f"button {name} not visible on {kiosk.flow.current.screen}")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        app.processEvents()

    situations = kiosk.store.situations()
    codes = [lang.code for lang in LANGUAGES]

    def session(i: int) -> None:
        tap("home-find")
        tap(f"item-{situations[i % len(situations)].id}")
        QTest.mouseClick(window.navbar.back_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(window.navbar.home_button, Qt.MouseButton.LeftButton)
        app.processEvents()
        window.set_language(codes[1 + i % (len(codes) - 1)])
        app.processEvents()
        window.end_session()
        app.processEvents()
        # A running kiosk frees deleteLater()'d widgets in its event loop; this driver has no
        # exec(), so hand the deferred deletes over explicitly (else they pile up unfreed).
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert kiosk.flow.current.screen is ScreenId.HOME

    for i in range(20):  # warm-up: every screen built once, caches filled
        session(i)
    gc.collect()
    after_start = rss_mb()
    start = time.perf_counter()
    checkpoints = []
    for i in range(args.sessions):
        session(i)
        if (i + 1) % max(1, args.sessions // 4) == 0:
            gc.collect()
            checkpoints.append((i + 1, rss_mb()))
    elapsed = time.perf_counter() - start
    gc.collect()
    after_sessions = rss_mb()

    proc = psutil.Process()
    cpu_before = sum(proc.cpu_times()[:2])
    wall_before = time.perf_counter()
    QTimer.singleShot(int(args.idle_seconds * 1000), lambda: app.exit(0))  # quit() asks the window, which refuses
    app.exec()
    cpu = sum(proc.cpu_times()[:2]) - cpu_before
    wall = time.perf_counter() - wall_before
    kiosk.shutdown()

    print(f"Python {sys.version.split()[0]}, offscreen 1920x1080, default content")
    print("| measure | value | goal |")
    print("|---|---|---|")
    print(f"| RSS after start (20 warm-up sessions) | {after_start:.1f} MB | <= 150 MB |")
    print(f"| RSS after {args.sessions} sessions | {after_sessions:.1f} MB | |")
    print(f"| growth | {after_sessions - after_start:+.1f} MB | <= 5 MB |")
    print(f"| session speed | {elapsed / args.sessions * 1000:.1f} ms per session | |")
    print(f"| idle CPU on Home over {wall:.0f} s | {cpu / wall * 100:.2f} % of a core | <= 0.5 % |")
    print("checkpoints (sessions, RSS MB): " + ", ".join(f"{n}: {mb:.1f}" for n, mb in checkpoints))
    return 0


if __name__ == "__main__":
    sys.exit(main())
