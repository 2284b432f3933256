"""Where start-up goes: the phases of ``kiosk run`` until Home's first event-loop pass.

Each start is a fresh child process that goes through ``kiosk run``'s steps one by one and
marks each on the monotonic clock, which it shares with this parent (so "python up" is the
interpreter's own start). Medians over ``--runs`` starts, after one warm-up; the total is a
little below benchmarks/startup.py's (no READY=1 round trip). Use it to see what a change
moved; startup.py's ratio to a bare window is the figure to report.

    uv run python benchmarks/startup_phases.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import os, time
T0 = float(os.environ["T0"])
marks = [("python up", time.monotonic())]
def mark(name): marks.append((name, time.monotonic()))
import kiosk.cli; mark("kiosk.cli")
from pathlib import Path
from kiosk.ops import crash
data = Path(os.environ["KIOSK_DATA_DIR"]); crash.setup_logging(data); crash.install(data); mark("crash handling")
import PySide6.QtWidgets; mark("PySide6 import")
import kiosk.app as app_module; mark("kiosk modules")
from kiosk.settings import Settings; from kiosk.workers.keepalive import KeepAlive; mark("keepalive")
settings = Settings.load(data); app = app_module.ensure_qapp(); mark("QApplication + fonts")
kiosk = app_module.start_kiosk(data, settings, None); mark("Home built")
app_module.show(kiosk, fullscreen=False); mark("styled + shown")
from PySide6.QtCore import QTimer
def first_pass():
    mark("first pass")
    previous = T0
    for name, at in marks:
        print(f"{name}\t{(at - previous) * 1000:.2f}\t{(at - T0) * 1000:.2f}")
        previous = at
    os._exit(0)
QTimer.singleShot(0, first_pass)
app.exec()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ) | {"QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": tempfile.mkdtemp(prefix="kp-")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a deployed kiosk starts from bytecode
    phases: dict[str, list[tuple[float, float]]] = {}
    for run in range(args.runs + 1):
        env["T0"] = repr(time.monotonic())
        out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
        if run == 0:
            continue  # warm-up: disk cache, first-start content.db
        for line in out.stdout.splitlines():
            name, took, at = line.split("\t")
            phases.setdefault(name, []).append((float(took), float(at)))
    print(f"{args.runs} starts, offscreen, Python {sys.version.split()[0]}")
    print("| phase | median ms | at ms |")
    print("|---|---|---|")
    for name, values in phases.items():
        took = statistics.median(v[0] for v in values)
        at = statistics.median(v[1] for v in values)
        print(f"| {name} | {took:.1f} | {at:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
