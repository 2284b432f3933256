"""The longest GUI event-loop stall while the nightly sync runs inside a running kiosk.

A real kiosk (offscreen, 1920x1080) sits on Home; its SyncRunner fetches a signed bundle of
N generated services from 127.0.0.1 and swaps it in through the app's ContentSwitcher
(close the store at Home, os.replace, reopen). As in the app, the download, checks and the
content.db.new build run in a child process (``isolated``). A 1 ms QTimer heartbeat on the
GUI thread records the largest gap between two ticks; the GUI thread's own part of the
swap (closing the store, the ``switched`` slots re-showing Home, the result) is timed too.
Goal: <= 16 ms (one frame at 60 Hz).

    uv run python benchmarks/sync_stall.py [--services 20000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from nacl.signing import SigningKey
from PySide6.QtCore import QTimer
from sync import generated_files, serve

from kiosk.app import build_kiosk, ensure_qapp
from kiosk.content.bundle import build_bundle_files
from kiosk.content.keys import public_key_b64
from kiosk.content.sync_runner import SyncRunner
from kiosk.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument(
        "--idle-seconds", type=float, default=3.0, help="heartbeat without a sync first (the box's own noise)"
    )
    args = parser.parse_args()
    key = SigningKey.generate()
    root = Path(tempfile.mkdtemp(prefix="kiosk-stall-"))
    build_bundle_files(generated_files(args.services), root / "bundle.zip", key)
    httpd, url = serve((root / "bundle.zip").read_bytes())
    settings = Settings().replace(
        fullscreen=False, sync_url=url, sync_trusted_keys=[public_key_b64(key)], sync_max_bytes=200_000_000
    )
    app = ensure_qapp()
    kiosk = build_kiosk(root / "data", settings)
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    app.processEvents()

    gaps: list[float] = []
    ends: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        ends.append(now)
        last[0] = now

    swap_marks: list[tuple[str, float]] = []  # GUI-thread moments of the swap
    kiosk.switcher._switch_requested.connect(lambda: swap_marks.append(("close store", time.perf_counter())))
    kiosk.switcher.switched.connect(lambda: swap_marks.append(("switched: Home re-shown", time.perf_counter())))

    heartbeat = QTimer(interval=1)
    heartbeat.timeout.connect(beat)
    results = []

    def finished(result: object) -> None:
        results.append(result)
        QTimer.singleShot(200, lambda: app.exit(0))  # quit() asks the window, which refuses to close

    kiosk.switcher.sync_finished.connect(finished)
    kiosk.switcher.sync_finished.connect(lambda _r: swap_marks.append(("result", time.perf_counter())))
    planned = [0]

    def once(now, failures):  # at once, then not again during the run
        planned[0] += 1
        return now if planned[0] == 1 else now + timedelta(days=1)

    runner = SyncRunner(
        kiosk.data_dir,
        settings,
        kiosk.switcher.report,
        before_replace=kiosk.switcher.before_replace,
        after_replace=kiosk.switcher.after_replace,
        plan=once,
    )
    last[0] = time.perf_counter()  # the first gap is the first beat's, not the set-up above
    heartbeat.start()
    if args.idle_seconds > 0:  # the same heartbeat with no sync: what the load alone does
        QTimer.singleShot(int(args.idle_seconds * 1000), lambda: app.exit(0))
        app.exec()
        idle = sorted(g * 1000 for g in gaps)
        print(
            f"idle heartbeat ({args.idle_seconds:.0f} s, no sync): p99 {idle[int(len(idle) * 0.99)]:.1f} ms, "
            f"longest {idle[-1]:.1f} ms"
        )
        gaps.clear()
        ends.clear()
        last[0] = time.perf_counter()
    started = time.perf_counter()
    runner.start()
    app.exec()
    total = time.perf_counter() - started
    runner.stop()
    httpd.shutdown()
    assert results and results[0].status == "updated", results
    assert kiosk.store.service_count() > args.services
    ms = sorted(g * 1000 for g in gaps)
    print(f"sync of {args.services} services in the running app: {total:.1f} s, result {results[0].status}")
    print(
        f"GUI heartbeat gaps: median {statistics.median(ms):.1f} ms, p99 {ms[int(len(ms) * 0.99)]:.1f} ms, "
        f"longest {ms[-1]:.1f} ms (goal <= 16 ms); {len(ms)} ticks"
    )
    top = sorted(zip(gaps, ends, strict=True), reverse=True)[:5]
    print(
        "  longest gaps (ms @ s after start): " + ", ".join(f"{g * 1000:.1f} @ {e - g - started:.2f}" for g, e in top)
    )
    for name, at in swap_marks:  # the gap that spans a moment holds that slot's work (+ its neighbours)
        spanning = [g for g, end in zip(gaps, ends, strict=True) if end - g <= at <= end]
        print(f"  gap around '{name}' ({at - started:.2f} s): {max(spanning, default=0) * 1000:.1f} ms")
    kiosk.shutdown()


if __name__ == "__main__":
    main()
