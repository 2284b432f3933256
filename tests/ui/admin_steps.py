"""Steps for the staff-area tests: a kiosk with a (cheaply hashed) PIN, the gesture, the pad."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk, build_kiosk, ensure_qapp
from kiosk.flow import ScreenId
from kiosk.printing.printers import FilePrinter
from kiosk.settings import Settings
from kiosk.staff import admin
from kiosk.state import open_state

from .taps import tap

PIN = "480913"
WRONG = "111234"
# The same check_pin code path with a cheaper hash: these tests check the flow, not the cost
# (the scrypt parameters are stored with the hash; production keeps DEFAULT_PARAMS).
CHEAP = admin.ScryptParams(n=2**8, r=8, p=1)


def set_pin(data_dir: Path, pin: str = PIN) -> None:
    db = open_state(data_dir)
    try:
        admin.set_pin(db, pin, params=CHEAP)
    finally:
        db.close()


def make_kiosk(data_dir: Path, prints: Path, **settings: object) -> Kiosk:
    ensure_qapp()
    values = {"fullscreen": False, "idle_timeout_s": 600, "idle_warning_s": 20, **settings}
    kiosk = build_kiosk(data_dir, Settings().replace(**values), printer=FilePrinter(prints))
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    kiosk.idle.start()
    QApplication.processEvents()  # the event loop's first pass: the window's input filter starts there
    return kiosk


def corner_taps(qtbot, kiosk: Kiosk, times: int = 5) -> None:
    window = kiosk.window
    corner = QPoint(window.width() - 5, 5)
    for _ in range(times):
        qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=corner)


def settle_worker(kiosk: Kiosk) -> None:
    """Let queued admin jobs run and their results arrive in the GUI thread; twice, since a
    result's handler may queue one more job (the audit entry of a pause or resume)."""
    for _ in range(2):
        assert kiosk.admin_worker.wait_idle(20)
        for _ in range(5):
            QApplication.processEvents()


def type_pin(qtbot, kiosk: Kiosk, pin: str) -> None:
    screen = kiosk.navigator.current_screen
    assert screen.screen_id is ScreenId.ADMIN_PIN
    qtbot.waitUntil(lambda: screen.pad.isEnabled(), timeout=5000)
    for digit in pin:
        qtbot.mouseClick(screen.pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.pad.keys["ok"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.checking, timeout=10000)
    settle_worker(kiosk)


def log_in(qtbot, kiosk: Kiosk, pin: str = PIN, shortcut: bool = False) -> None:
    if shortcut:  # Ctrl+Alt+A on an attached keyboard
        mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        QTest.keyClick(kiosk.window, Qt.Key.Key_A, mods)
    else:
        corner_taps(qtbot, kiosk)
    type_pin(qtbot, kiosk, pin)
    assert kiosk.flow.current.screen is ScreenId.ADMIN


def open_page(qtbot, kiosk: Kiosk, key: str) -> None:
    tap(qtbot, kiosk, f"item-{key}")
    settle_worker(kiosk)


def log_out(qtbot, kiosk: Kiosk) -> None:
    """Back to the menu (if on a page), then "Abmelden"."""
    page = kiosk.navigator.current_screen.current_page
    if page is not None:
        tap(qtbot, kiosk, f"admin-{page.key}-back")
    tap(qtbot, kiosk, "admin-logout")
