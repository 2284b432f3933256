"""Idle CPU of a real ``kiosk run`` process sitting on Home, and its RSS after start.

Unlike memory_idle.py (in-process, after simulated sessions) this measures the process as
systemd runs it: NOTIFY_SOCKET and WATCHDOG_USEC are set, so the watchdog timer, the status
reporter, the idle watcher and the sync scheduler all run. The clock starts once READY=1
has arrived and the background work has started (``--settle`` seconds later).
Goal: <= 0.5 % of one core.

    uv run python benchmarks/idle_cpu.py [--seconds 60] [--frozen]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--settle", type=float, default=5.0, help="wait after READY=1 (background work starts)")
    parser.add_argument("--frozen", action="store_true", help="measure dist/kiosk/kiosk instead of the venv")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kiosk-idle-"))
    notify = folder / "notify"
    cmd = [str(ROOT / "dist" / "kiosk" / "kiosk")] if args.frozen else [sys.executable, "-m", "kiosk"]
    env = dict(os.environ) | {
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_DATA_DIR": str(folder / "data"),
        "NOTIFY_SOCKET": str(notify),
        "WATCHDOG_USEC": "30000000",
    }
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(notify))
        sock.settimeout(60)
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        proc = subprocess.Popen([*cmd, "run", "--windowed"], env=env, **quiet)
        try:
            while not sock.recv(4096).startswith(b"READY=1"):
                pass
            time.sleep(args.settle)
            sock.setblocking(False)
            ps = psutil.Process(proc.pid)
            rss = ps.memory_info().rss / 2**20
            before, start = sum(ps.cpu_times()[:2]), time.perf_counter()
            pings = 0
            end = start + args.seconds
            while time.perf_counter() < end:
                time.sleep(0.5)
                try:
                    while True:
                        pings += sock.recv(4096).startswith(b"WATCHDOG=1")
                except BlockingIOError:
                    pass
            cpu, wall = sum(ps.cpu_times()[:2]) - before, time.perf_counter() - start
        finally:
            proc.kill()
            proc.wait()
    print(f"{'frozen' if args.frozen else 'venv'} kiosk run, offscreen, Home, {wall:.0f} s")
    print(f"RSS after start: {rss:.1f} MB; idle CPU: {cpu / wall * 100:.2f} % of a core ({cpu:.2f} s CPU)")
    print(f"watchdog pings received: {pings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
