"""Memory and idle CPU of the kiosk: RSS after start and after N simulated visitor sessions,
then CPU use while Home sits idle.

A session taps through the real buttons: a language on Home, Stelle finden, a situation,
Zurück, Start, and ends like an idle timeout does (``end_session``: wipe, default language).
Offscreen, 1920x1080, default content, a fresh temporary data dir. Nothing sleeps: each tap
is delivered, then the posted events (layout, deferred deletes, paint) are processed once, as
the event loop would between two taps. Every screen is painted in every 10th session
(``--paint-every``); the others paint Home at their end only (painting is most of the cost).

    uv run python benchmarks/memory_idle.py [--sessions 2000] [--idle-seconds 60]
    uv run python benchmarks/memory_idle.py --sessions 10000 --checkpoints 8   # the long run
    uv run python benchmarks/memory_idle.py --sessions 1000 --trace            # who grows
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import sys
import tempfile
import time
import tracemalloc
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
    parser.add_argument("--checkpoints", type=int, default=4, help="RSS readings spread over the sessions")
    parser.add_argument("--paint-every", type=int, default=10, help="paint every screen of every n-th session")
    parser.add_argument("--trace", action="store_true", help="tracemalloc: what grew between checkpoints")
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
        visible = [b for b in window.findChildren(BigButton, name) if b.isVisible()]
        if not visible:  # Home and the language overlay both hold lang-* buttons: the shown one
            raise SystemExit(f"button {name} not visible on {kiosk.flow.current.screen}")
        QTest.mouseClick(visible[0], Qt.MouseButton.LeftButton)
        settle()

    def settle() -> None:
        app.processEvents()
        # A running kiosk frees deleteLater()'d widgets in its event loop; this driver has no
        # exec(), so hand the deferred deletes over explicitly (else they pile up unfreed).
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    situations = kiosk.store.situations()
    codes = [lang.code for lang in LANGUAGES]

    def session(i: int) -> None:
        # Painting 1920x1080 offscreen is ~20 ms a screen here: every screen of every
        # --paint-every'th session is painted, the others paint only Home at their end.
        window.setUpdatesEnabled(i % args.paint_every == 0)
        tap(f"lang-{codes[1 + i % (len(codes) - 1)]}")
        tap("home-find")
        tap(f"item-{situations[i % len(situations)].id}")
        QTest.mouseClick(window.navbar.back_button, Qt.MouseButton.LeftButton)
        settle()
        QTest.mouseClick(window.navbar.home_button, Qt.MouseButton.LeftButton)
        settle()
        window.end_session()  # what the idle timeout calls
        window.setUpdatesEnabled(True)
        settle()
        assert kiosk.flow.current.screen is ScreenId.HOME and kiosk.tr.code == codes[0]

    for i in range(20):  # warm-up: every screen built once, caches filled
        session(i)
    gc.collect()
    after_start = rss_mb()
    if args.trace:
        tracemalloc.start(8)
        snapshot = tracemalloc.take_snapshot()
    start = time.perf_counter()
    checkpoints = []
    every = max(1, args.sessions // args.checkpoints)
    for i in range(args.sessions):
        session(i)
        if (i + 1) % every == 0:
            gc.collect()
            checkpoints.append((i + 1, rss_mb()))
            heap = f", Python heap {tracemalloc.get_traced_memory()[0] / MB:.2f} MB" if args.trace else ""
            took = time.perf_counter() - start
            print(f"{i + 1} sessions: RSS {checkpoints[-1][1]:.1f} MB{heap}, {took:.0f} s", flush=True)
            if args.trace:
                snapshot = _print_growth(snapshot)
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
    if sys.platform == "linux":  # how much of the RSS is freed heap that glibc keeps for reuse
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        print(f"RSS after malloc_trim(0): {rss_mb():.1f} MB")
    return 0


def _print_growth(before: tracemalloc.Snapshot) -> tracemalloc.Snapshot:
    """The ten allocation sites that grew most since ``before``; returns the new snapshot."""
    after = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    for stat in after.compare_to(before, "traceback")[:10]:
        if stat.size_diff <= 0:
            break
        frames = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in stat.traceback[:6])
        print(f"  {stat.size_diff / 1024:+8.1f} kB {stat.count_diff:+6d} blocks  {frames}")
    return after


if __name__ == "__main__":
    sys.exit(main())
