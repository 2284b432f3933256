"""What a window pays before it is a kiosk: startup.py's bare window, then that window with
each thing it skips and no touch-screen app can, then the kiosk; all in one run.

startup.py's goal compares the kiosk with a window that shows no text and touches no Qt
enum. This script measures, the same way (process start -> READY=1), what that bare window
costs once it (1) shows one label in the kiosk's bundled fonts (the font database is built
on the first font, the text is shaped), (2) also centres it (the first use of the ``Qt``
namespace makes PySide6 create its 93 Python enums), (3) also imports what ``kiosk run``
needs from the standard library before Home (argparse for its command line, logging for the
crash log, sqlite3 for state.db, zoneinfo for the office's hours, dataclasses). The gap
between (3) and the kiosk is what the kiosk's own code costs.

When dist/kiosk exists, the frozen kiosk runs too, beside the bare window frozen the same
way; its ratio is to that window.

``--instructions`` counts each process's instructions under valgrind's callgrind instead
(one start each, SIGTERM right after READY=1): the same figure on a busy or a quiet box,
to within ~0.1 %, where wall-clock medians of the same command drift by 5-10 % here.

    uv run python benchmarks/startup_floor.py [--runs 21] [--instructions]
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from startup import BARE, ROOT, alternating, child_env, frozen_bare_window, until_ready, warm_up

SHOW = "w.show()"
FONTS = (
    "from PySide6.QtGui import QFont, QFontDatabase\n"
    "from PySide6.QtWidgets import QLabel\n"
    "for name in ('NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSansArabicUI-Regular.ttf',"
    " 'NotoSansArabicUI-Bold.ttf'):\n"
    f"    QFontDatabase.addApplicationFont({str(ROOT / 'assets' / 'fonts')!r} + '/' + name)\n"
    "app.setFont(QFont('Noto Sans'))\n"
    "label = QLabel('Stelle finden', w); label.resize(1280, 800)\n"
)
CENTRED = "from PySide6.QtCore import Qt\nlabel.setAlignment(Qt.AlignmentFlag.AlignCenter)\n"
STDLIB = "import argparse, dataclasses, logging, sqlite3, zoneinfo\n"


def with_parts(*, text: bool = False, centred: bool = False, stdlib: bool = False) -> str:
    """startup.py's bare window with the parts asked for; the same script when none is."""
    assert SHOW in BARE and BARE.startswith("\nimport os, socket, sys\n")
    before_show = (FONTS if text else "") + (CENTRED if centred else "")
    script = BARE.replace(SHOW, f"\n{before_show}{SHOW}" if before_show else SHOW)
    return script.replace("import os, socket, sys\n", "import os, socket, sys\n" + STDLIB, 1) if stdlib else script


def instructions(cmd: list[str], env: dict[str, str], folder: Path) -> int:
    """Instructions from process start to READY=1, counted by callgrind."""
    # --trace-children: PyInstaller's bootloader sets up the bundle, then executes itself again
    # (same pid), and the count must go on through that exec
    valgrind = ["valgrind", "--tool=callgrind", "--trace-children=yes", "--callgrind-out-file=/dev/null", *cmd]
    with until_ready(valgrind, env, folder, timeout_s=300, stderr=subprocess.PIPE) as proc:
        proc.send_signal(signal.SIGTERM)  # neither handles it: callgrind writes its totals
        stderr = proc.communicate()[1]
    found = re.search(r"Collected : (\d+)", stderr)
    if found is None:
        raise RuntimeError(f"callgrind gave no total: {stderr[-400:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--instructions", action="store_true", help="count instructions (valgrind) instead of time")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (Debian package valgrind)")
    folder = Path(tempfile.mkdtemp(prefix="kf-", dir="/tmp"))
    env = child_env(folder)
    commands = {
        "bare PySide6 window (startup.py's)": [sys.executable, "-c", with_parts()],
        "+ one label in the bundled fonts": [sys.executable, "-c", with_parts(text=True)],
        "+ centred (the Qt namespace)": [sys.executable, "-c", with_parts(text=True, centred=True)],
        "+ the stdlib kiosk run needs first": [sys.executable, "-c", with_parts(text=True, centred=True, stdlib=True)],
        "kiosk (venv)": [sys.executable, "-m", "kiosk", "run", "--windowed"],
    }
    frozen = ROOT / "dist" / "kiosk" / "kiosk"
    bare_frozen = frozen_bare_window() if frozen.exists() else None
    if bare_frozen is not None:  # the frozen pair, each against the other (startup.py builds it)
        commands["bare window (frozen)"] = [str(bare_frozen)]
        commands["kiosk (frozen)"] = [str(frozen), "run", "--windowed"]
    if args.instructions:
        warm_up(commands, env, folder)
        counts = {name: instructions(cmd, env, folder) for name, cmd in commands.items()}
        bare = counts["bare PySide6 window (startup.py's)"]
        print(f"instructions to READY=1 (callgrind), offscreen, Python {sys.version.split()[0]}")
        print("| process | instructions | vs bare (kiosk frozen: vs bare frozen) |")
        print("|---|---|---|")
        for name, count in counts.items():
            reference = counts["bare window (frozen)"] if name == "kiosk (frozen)" else bare
            print(f"| {name} | {count / 1e6:,.0f} M | {count / reference:.2f}x |")
        return 0
    times = alternating(commands, env, folder, args.runs)
    bare = statistics.median(times["bare PySide6 window (startup.py's)"])
    print(f"{args.runs} runs each, alternating, offscreen, Python {sys.version.split()[0]}")
    print("| process | median s | vs bare (kiosk frozen: vs bare frozen) |")
    print("|---|---|---|")
    for name, values in times.items():
        median = statistics.median(values)
        reference = statistics.median(times["bare window (frozen)"]) if name == "kiosk (frozen)" else bare
        print(f"| {name} | {median:.3f} | {median / reference:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
