"""Tap -> next screen shown, and keystroke -> results shown, in-process on the real kiosk.

Run: ``uv run python benchmarks/transitions.py [--taps 1000] [--size 1920x1080]``.
Offscreen Qt (no GPU, no compositor): the numbers are the app's own work, not the display's.

"Shown" means the target screen is current and has received a paint event after the tap
(an event filter counts them); ``QApplication.processEvents()`` is spun until then. The
tap is a real mouse press/release through ``QTest.mouseClick`` on the button.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.app import build_kiosk, ensure_qapp
from kiosk.flow import ScreenId
from kiosk.settings import Settings


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[int, int] = {}
        self.watched: set[int] = set()

    def watch(self, widget: QWidget) -> None:
        if id(widget) not in self.watched:
            self.watched.add(id(widget))
            widget.installEventFilter(self)

    def count(self, widget: QWidget) -> int:
        return self.counts.get(id(widget), 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.counts[id(watched)] = self.counts.get(id(watched), 0) + 1
        return False


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(name: str, ms: list[float]) -> str:
    return (
        f"{name}: n={len(ms)} median={statistics.median(ms):.2f} ms p99={percentile(ms, 99):.2f} ms "
        f"max={max(ms):.2f} ms"
    )


def settle(app: QApplication) -> None:
    """One event-loop turn as ``exec()`` would do it: posted events, paints, deferred deletes.

    ``processEvents`` alone never runs ``deleteLater``, so rebuilt button lists would pile up.
    """
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def tap_until_painted(app: QApplication, kiosk, counter: PaintCounter, button: QWidget, target: ScreenId) -> float:
    start = time.perf_counter()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    screen = kiosk.navigator.screen(target)
    counter.watch(screen)
    before = counter.count(screen)
    while True:
        settle(app)
        if kiosk.flow.current.screen is target and counter.count(screen) > before:
            return (time.perf_counter() - start) * 1000
        if time.perf_counter() - start > 5:
            raise RuntimeError(f"{target} not shown within 5 s")


def bench_transitions(app: QApplication, kiosk, counter: PaintCounter, taps: int) -> list[float]:
    first = kiosk.store.situations()[0].id
    window = kiosk.window

    def find(name: str) -> QPushButton:
        button = window.findChild(QPushButton, name)
        assert button is not None, name
        return button

    # Home -> Situations -> Services -> Back -> Back -> ... (4 taps a round)
    steps = [
        (lambda: find("home-find"), ScreenId.SITUATIONS),
        (lambda: find(f"item-{first}"), ScreenId.SERVICES),
        (lambda: window.navbar.back_button, ScreenId.SITUATIONS),
        (lambda: window.navbar.back_button, ScreenId.HOME),
    ]
    for screen_id in (ScreenId.HOME, ScreenId.SITUATIONS, ScreenId.SERVICES):
        counter.watch(kiosk.navigator.screen(screen_id))
    times: list[float] = []
    for i in range(taps + 8):  # the first round builds the screens: warm-up, not counted
        button_of, target = steps[i % len(steps)]
        ms = tap_until_painted(app, kiosk, counter, button_of(), target)
        if i >= 8:
            times.append(ms)
    for j, name in enumerate(("Home -> Situations", "Situations -> Services", "Back to Situations", "Back to Home")):
        print("  " + summary(name, times[j::4]))
    return times


QUERIES = ("wohngeld", "miete", "rente reicht nicht", "xyzzy", "buergergeld", "grundsicherung")


def bench_keystrokes(app: QApplication, kiosk, counter: PaintCounter, rounds: int) -> tuple[list[float], list[float]]:
    """(tap -> field and results painted, the screen's own query+update work) per keystroke."""
    from kiosk.ui.keyboard import key_name

    window = kiosk.window
    kiosk.navigator.home()
    tap_until_painted(app, kiosk, counter, window.findChild(QPushButton, "home-search"), ScreenId.SEARCH)
    screen = kiosk.navigator.current_screen
    counter.watch(screen.field)
    work: list[float] = []
    original = screen._on_text

    def timed(text: str) -> None:
        start = time.perf_counter()
        original(text)
        work.append((time.perf_counter() - start) * 1000)

    screen.keyboard.text_changed.disconnect(original)
    screen.keyboard.text_changed.connect(timed)
    shown: list[float] = []
    for _ in range(rounds):
        for query in QUERIES:
            for char in query:
                key = screen.keyboard.keys["space" if char == " " else key_name(char)]
                before = counter.count(screen.field)
                start = time.perf_counter()
                QTest.mouseClick(key, Qt.MouseButton.LeftButton)
                while counter.count(screen.field) == before:
                    settle(app)
                shown.append((time.perf_counter() - start) * 1000)
            QTest.mouseClick(screen.keyboard.keys["clear"], Qt.MouseButton.LeftButton)
            settle(app)
    return shown, work


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=10, help="rounds of typing the sample queries")
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = ensure_qapp()
    kiosk = build_kiosk(Path(tempfile.mkdtemp()), Settings().replace(fullscreen=False, idle_timeout_s=3600))
    kiosk.window.resize(width, height)
    kiosk.window.show()
    kiosk.idle.start()  # as ``kiosk run`` does: the idle watcher hears every input event
    app.processEvents()
    counter = PaintCounter()
    try:
        print(f"window {width}x{height}, {kiosk.store.service_count()} services, Qt platform {app.platformName()}")
        transitions = bench_transitions(app, kiosk, counter, args.taps)
        print(summary("tap -> next screen painted, all", transitions))
        shown, work = bench_keystrokes(app, kiosk, counter, args.rounds)
        print(summary("keystroke -> field and results painted", shown))
        print(summary("keystroke: search + result rows update (in the screen)", work))
    finally:
        kiosk.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
