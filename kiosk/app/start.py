"""Starting the kiosk: the QApplication, the crash rule, the window on screen, then the rest.

Start-up order: crash handling and logging (``kiosk run``), Qt, Home built, the window styled
once at its first real size, shown, ``READY=1``; then the late parts, one per event-loop pass
from 100 ms after Home shows; the speech engine, sync and status file 2 s later. Measured by
``benchmarks/startup.py``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from kiosk.app.kiosk import Kiosk
from kiosk.settings import Settings
from kiosk.ui import theme

if TYPE_CHECKING:
    from kiosk.printing.printers import Printer

log = logging.getLogger(__name__)
BACKGROUND_DELAY_MS = 2000
LATE_PARTS_DELAY_MS = 100  # after Home's first paint


def ensure_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Bürgerservice-Terminal")
    theme.load_fonts()
    return app


def build_kiosk(
    data_dir: Path,
    settings: Settings,
    language: str | None = None,
    printer: Printer | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Kiosk:
    """The kiosk, built and on Home, not shown yet (``show``). Needs a running QApplication."""
    return Kiosk(data_dir, settings, language, printer, clock)


def show(kiosk: Kiosk, fullscreen: bool) -> None:
    window = kiosk.window
    if fullscreen:
        # the frameless hint on the native window: its flags are what Qt's platform layer
        # (xcb, Windows, Wayland) reads
        window.winId()
        window.windowHandle().setFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    kiosk.idle.start()
    # The rest of the kiosk, then sync, status file and warm-ups, once Home is on screen: a
    # visitor never waits for them.
    kiosk.parts.build_all_soon(LATE_PARTS_DELAY_MS)
    QTimer.singleShot(BACKGROUND_DELAY_MS, kiosk.start_background)


def enter_out_of_order(kiosk: Kiosk) -> None:
    """Show the out-of-order screen and keep it: every way back to the beginning lands there
    (``Flow.start``). Only the staff gesture leads away from it; a restart (after
    ``kiosk.ops.crash.clear_crashes``) brings the normal kiosk back."""
    kiosk.navigator.show_place(kiosk.flow.enter_out_of_order())


def start_kiosk(data_dir: Path, settings: Settings, language: str | None = None) -> Kiosk:
    """``build_kiosk`` plus the crash rule: after 3 crashes within 5 minutes, out of order."""
    from kiosk.ops.crash import too_many_crashes

    kiosk = build_kiosk(data_dir, settings, language)
    if too_many_crashes(data_dir):
        log.warning("3 crashes within 5 minutes: showing the out-of-order screen until staff restart")
        enter_out_of_order(kiosk)
    return kiosk
