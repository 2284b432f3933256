"""Driver for the restart test: the real ``kiosk run`` with a pretend member of staff.

Started as ``python restart_driver.py run --windowed --data-dir DIR`` (offscreen). Each
start appends one JSON line to ``$RESTART_MARKER`` (generation, pid, start time, screen
shown). The first generation opens the staff area with the corner gesture, types
``$RESTART_PIN`` on the pad and taps "Neu starten"; ``kiosk run`` then replaces the
process (``os.execv`` of the same command line), so this file runs again from the top
as generation two, which records where it came back and quits.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

START = time.time()
MARKER = Path(os.environ["RESTART_MARKER"])
GENERATION = len(MARKER.read_text().splitlines()) + 1 if MARKER.exists() else 1


def _wait(condition, timeout_s: float = 20.0) -> None:
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"driver: timed out in generation {GENERATION}")
        QTest.qWait(50)


def drive() -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from kiosk.ui.window import KioskWindow

    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow))
    screen = window.navigator.current_screen.screen_id.value
    with MARKER.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"generation": GENERATION, "pid": os.getpid(), "started": START, "screen": screen}) + "\n")
    if GENERATION > 1:
        window.allow_close = True  # Qt 6's quit() asks the windows first; the kiosk window refuses
        QApplication.quit()
        return
    for _ in range(5):
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(window.width() - 5, 5))
    pad = window.navigator.current_screen.pad
    _wait(pad.isEnabled)
    for digit in os.environ["RESTART_PIN"]:
        QTest.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(pad.keys["ok"], Qt.MouseButton.LeftButton)
    _wait(lambda: window.navigator.current_screen.screen_id.value == "admin")

    def button(name: str) -> QAbstractButton:
        found = window.findChild(QAbstractButton, name)
        _wait(lambda: found.isVisible())
        return found

    QTest.mouseClick(button("item-restart"), Qt.MouseButton.LeftButton)
    QTest.qWait(300)
    QTest.mouseClick(button("admin-restart-start"), Qt.MouseButton.LeftButton)


def main() -> int:
    from PySide6.QtCore import QTimer

    from kiosk.app import ensure_qapp
    from kiosk.cli import main as kiosk_main

    ensure_qapp()
    QTimer.singleShot(1500, drive)
    return kiosk_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
