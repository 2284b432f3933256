"""The kiosk's rules for input, applied to every event of the application by one filter:
any touch, click, key or wheel restarts the idle wait; no context menu ever opens; Esc,
Alt+F4, Ctrl+Q and Ctrl+W close nothing; Ctrl+Alt+A and five taps in the top right corner
open the staff entry."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QInputEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.staff.gesture import CornerTapDetector
from kiosk.ui.idle import INPUT_EVENTS, IdleWatcher
from kiosk.ui.qt_names import ALT, CONTROL, KEY_A, KEY_ESCAPE, KEY_F4, KEY_Q, KEY_W, KEYPAD_MODIFIER

# key and modifiers as one int (QKeyCombination.toCombined), the keypad's flag left out
BLOCKED_KEYS = frozenset({KEY_ESCAPE, ALT | KEY_F4, CONTROL | KEY_Q, CONTROL | KEY_W})
STAFF_KEYS = CONTROL | ALT | KEY_A  # the staff entry from an attached keyboard


class InputRules(QObject):
    """The application's one Python event filter for visitors (``install`` / ``remove``);
    ``window`` is the kiosk window, whose top right corner holds the staff gesture."""

    def __init__(self, window: QWidget, idle: IdleWatcher, open_staff_entry: Callable[[], None]) -> None:
        super().__init__(window)
        self.window, self.idle, self.open_staff_entry = window, idle, open_staff_entry
        self._corner = CornerTapDetector()
        self._state = "waiting"  # -> "due" (window shown) -> "on" -> "off" (kiosk closed)

    def install_soon(self) -> None:
        """From the event loop's next pass on (the window calls this at its first show):
        input only arrives through the loop, while building, styling, showing and first
        painting Home are ~2,000 events, and the ~250 the filter saw from the show on cost
        ~12 M instructions of start-up in Python."""
        if self._state == "waiting":
            self._state = "due"
            QTimer.singleShot(0, self._install)

    def _install(self) -> None:
        if self._state == "due":  # not when the kiosk was closed right after it showed
            self._state = "on"
            QApplication.instance().installEventFilter(self)

    def remove(self) -> None:
        """A closed kiosk must not go on filtering (a test run builds hundreds of kiosks, and
        each filter left over slowed every later event)."""
        self._state = "off"
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Every event of the application passes here (~250 per tap: paints, layouts, shows);
        only input events matter. ``isinstance`` sorts them out for almost nothing, while
        ``event.type()`` builds a Python enum (~2.5 us) and a second filter would double the
        call into Python (~2 us), so the idle watcher is told from here."""
        if not isinstance(event, QInputEvent):
            return False
        kind = event.type()
        if kind in INPUT_EVENTS:
            self.idle.input_seen()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            keys = event.keyCombination().toCombined() & ~KEYPAD_MODIFIER
            if keys == STAFF_KEYS:
                self.open_staff_entry()
            return keys == STAFF_KEYS or keys in BLOCKED_KEYS
        if kind == QEvent.Type.MouseButtonPress and watched is self.window.windowHandle():
            pos = event.position()
            window = self.window
            if self._corner.press(pos.x(), pos.y(), window.width(), window.height(), time.monotonic()):
                self.open_staff_entry()
        return False
