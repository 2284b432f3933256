"""Start-up time: process start -> Home shown, for the kiosk (venv and frozen) beside a bare
PySide6 window started the same way (from the venv, and frozen by PyInstaller like the kiosk).

"Shown" is measured the way systemd sees it: the parent binds a notify socket, starts the
process with NOTIFY_SOCKET set and stops the clock when READY=1 arrives (the kiosk sends it on
the event loop's first pass after Home is shown; the bare window does the same from a 0-ms
timer). All runs offscreen, in one session, alternating, after one warm-up run each.

When dist/kiosk exists (``.ci/build-bundle.sh``), the frozen kiosk runs too, and so does the
bare window frozen the same way (onedir, stripped; built once into build/bare-window/ with
PyInstaller from the build group): the frozen kiosk's ratio is taken against it.

    uv run --group build python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import os, socket, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget(); w.resize(1280, 800); w.show()
def ready():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.connect(os.environ["NOTIFY_SOCKET"]); s.send(b"READY=1")
QTimer.singleShot(0, ready)
app.exec()
"""


@contextmanager
def until_ready(
    cmd: list[str], env: dict[str, str], folder: Path, timeout_s: float = 60, stderr: int = subprocess.DEVNULL
) -> Iterator[subprocess.Popen]:
    """Start ``cmd`` with a systemd notify socket; the block runs once it has sent READY=1,
    and the process is killed after it unless the block ended it."""
    path = folder / "notify"
    path.unlink(missing_ok=True)
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(timeout_s)
        env = env | {"NOTIFY_SOCKET": str(path)}
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=stderr, text=True)
        try:
            while not sock.recv(4096).startswith(b"READY=1"):
                pass
            yield proc
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()


def time_to_ready(cmd: list[str], env: dict[str, str], folder: Path) -> float:
    start = time.perf_counter()
    with until_ready(cmd, env, folder):
        return time.perf_counter() - start


def child_env(folder: Path) -> dict[str, str]:
    """Offscreen, a data dir of the run's own, and bytecode as deployed."""
    env = dict(os.environ) | {"QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(folder / "data")}
    # A deployed venv or bundle starts from bytecode; with this set (as on the dev VM) every
    # start would compile the kiosk's sources again, which no office PC does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def warm_up(commands: dict[str, list[str]], env: dict[str, str], folder: Path) -> None:
    for cmd in commands.values():  # disk cache, first-start content.db
        time_to_ready(cmd, env, folder)


def alternating(commands: dict[str, list[str]], env: dict[str, str], folder: Path, runs: int) -> dict[str, list[float]]:
    """Seconds to READY=1 of each command, ``runs`` rounds of one start each, after a warm-up:
    a box that speeds up or slows down during the run moves every command alike."""
    warm_up(commands, env, folder)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(time_to_ready(cmd, env, folder))
    return times


def frozen_bare_window() -> Path | None:
    """BARE frozen by PyInstaller as kiosk.spec freezes the kiosk (onedir, stripped), built
    again only when BARE changed; None without PyInstaller."""
    if importlib.util.find_spec("PyInstaller") is None:
        return None
    out = ROOT / "build" / "bare-window"
    script, binary = out / "bare_window.py", out / "dist" / "bare_window" / "bare_window"
    if binary.exists() and script.read_text(encoding="utf-8") == BARE:
        return binary
    out.mkdir(parents=True, exist_ok=True)
    script.write_text(BARE, encoding="utf-8")
    build = [sys.executable, "-m", "PyInstaller", str(script), "--noconfirm", "--log-level", "ERROR"]
    places = ["--distpath", str(out / "dist"), "--workpath", str(out / "work"), "--specpath", str(out)]
    strip = [] if sys.platform == "win32" else ["--strip"]
    built = subprocess.run(build + places + strip, capture_output=True, text=True)
    if built.returncode != 0:
        raise RuntimeError(f"PyInstaller could not freeze the bare window: {built.stderr[-800:]}")
    return binary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kb-", dir="/tmp"))
    env = child_env(folder)
    commands = {
        "bare PySide6 window": [sys.executable, "-c", BARE],
        "kiosk (venv)": [sys.executable, "-m", "kiosk", "run", "--windowed"],
    }
    frozen = ROOT / "dist" / "kiosk" / "kiosk"
    bare_frozen = frozen_bare_window() if frozen.exists() else None
    if bare_frozen is not None:
        commands["bare PySide6 window (frozen)"] = [str(bare_frozen)]
    if frozen.exists():
        commands["kiosk (frozen)"] = [str(frozen), "run", "--windowed"]
    times = alternating(commands, env, folder, args.runs)
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{args.runs} runs each, offscreen, Python {sys.version.split()[0]}")
    print("| process | median s | p90 s | min s | vs bare (venv) | vs bare started the same way |")
    print("|---|---|---|---|---|---|")
    for name, values in times.items():
        values.sort()
        p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
        same_way = medians.get("bare PySide6 window (frozen)" if "frozen" in name else "bare PySide6 window")
        ratio = f"{medians[name] / same_way:.2f}x" if same_way else "-"
        vs_venv = medians[name] / medians["bare PySide6 window"]
        print(f"| {name} | {medians[name]:.3f} | {p90:.3f} | {values[0]:.3f} | {vs_venv:.2f}x | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
