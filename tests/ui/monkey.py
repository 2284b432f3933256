"""A seeded random visitor for the real kiosk: the driver behind tests/ui/test_monkey.py.

Every tap goes to the window's QWindow at a point, so Qt delivers it like a touch: to the
widget that is really there (an overlay covers the screen below it, a row scrolled out of
view cannot be hit, the kinetic scroller and the corner gesture see every press). Points
are biased towards visible, enabled buttons so the visitor moves around instead of
tapping empty margins. Each action is written to ``log`` so a failure can be replayed
with the same seed.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.app import Kiosk

LEFT = Qt.MouseButton.LeftButton
NO_MODS = Qt.KeyboardModifier.NoModifier
MODE_SWITCHES = frozenset({"nav-large-text", "nav-contrast", "nav-low"})


class Visitor:
    """One random visitor after another on the same kiosk; ``rng`` decides everything."""

    def __init__(self, kiosk: Kiosk, rng: random.Random, log: deque[str]) -> None:
        self.kiosk, self.rng, self.log = kiosk, rng, log
        self.window = kiosk.window
        self.prints = 0

    # --- what is on screen --------------------------------------------------------------
    def buttons(self) -> list[QAbstractButton]:
        """Buttons a finger can reach now: visible, enabled, not covered by an overlay."""
        overlay = next((o for o in (self.window.idle_overlay, self.window.language_overlay) if o.isVisible()), None)
        root: QWidget = overlay or self.window
        return [
            b
            for b in root.findChildren(QAbstractButton)
            if b.isVisible() and b.isEnabled() and not b.visibleRegion().isEmpty() and b.window() is self.window
        ]

    def point_on(self, button: QAbstractButton) -> QPoint:
        """A random point of the part of ``button`` that is visible, in window coordinates."""
        rect: QRect = button.visibleRegion().boundingRect()
        local = QPoint(
            self.rng.randint(rect.left() + 2, max(rect.left() + 2, rect.right() - 2)),
            self.rng.randint(rect.top() + 2, max(rect.top() + 2, rect.bottom() - 2)),
        )
        return button.mapTo(self.window, local)

    def anywhere(self) -> QPoint:
        return QPoint(self.rng.randrange(self.window.width()), self.rng.randrange(self.window.height()))

    def _weight(self, button: QAbstractButton) -> float:
        name = button.objectName()
        if name.startswith("key-"):
            return 0.2  # the keyboard's 40 keys would otherwise trap the visitor on the search screen
        if name in MODE_SWITCHES:
            return 0.1  # few visitors switch large text, contrast or the low position on and off
        return 1.0

    def _pick(self, buttons: list[QAbstractButton]) -> QAbstractButton | None:
        if not buttons:
            return None
        return self.rng.choices(buttons, weights=[self._weight(b) for b in buttons])[0]

    # --- actions --------------------------------------------------------------------------
    def tap_at(self, point: QPoint, what: str) -> None:
        self.log.append(f"tap {what} at {point.x()},{point.y()} on {self.kiosk.flow.current.screen.name}")
        QTest.mouseClick(self.window.windowHandle(), LEFT, NO_MODS, point)

    def tap_button(self) -> None:
        button = self._pick(self.buttons())
        if button is None:
            self.tap_anywhere()
            return
        self.tap_at(self.point_on(button), button.objectName() or type(button).__name__)

    def tap_anywhere(self) -> None:
        self.tap_at(self.anywhere(), "anywhere")

    def double_tap(self) -> None:
        button = self._pick(self.buttons())
        point = self.point_on(button) if button is not None and self.rng.random() < 0.7 else self.anywhere()
        name = button.objectName() if button is not None else "anywhere"
        self.log.append(f"double tap {name} at {point.x()},{point.y()} on {self.kiosk.flow.current.screen.name}")
        QTest.mouseDClick(self.window.windowHandle(), LEFT, NO_MODS, point)

    def switch_language(self) -> None:
        """Sprache, then one of the languages (or Schließen now and then)."""
        navbar = self.window.navbar
        if navbar.language_button.isVisible() and not self.window.idle_overlay.isVisible():
            self.tap_at(self.point_on(navbar.language_button), "nav-language")
        overlay = self.window.language_overlay
        if overlay.isVisible():
            choices = [b for b in overlay.findChildren(QAbstractButton) if b.isVisible()]
            button = self.rng.choice(choices)
            self.tap_at(self.point_on(button), button.objectName())
        else:  # on Home the languages are on the screen itself
            on_screen = [b for b in self.buttons() if b.objectName().startswith("lang-")]
            if on_screen:
                button = self.rng.choice(on_screen)
                self.tap_at(self.point_on(button), button.objectName())

    def print_something(self) -> bool:
        """Tap a visible print button (checklist, ticket ...); False when none is on screen."""
        printers = [b for b in self.buttons() if "print" in b.objectName() or getattr(b, "icon_name", "") == "print"]
        if not printers:
            return False
        button = self.rng.choice(printers)
        self.prints += 1
        self.tap_at(self.point_on(button), button.objectName())
        return True

    def swipe(self) -> None:
        """Drag a finger up or down (scrolls a list if there is one under it)."""
        start = self.anywhere()
        dy = self.rng.choice((-1, 1)) * self.rng.randint(40, 400)
        end = QPoint(start.x(), min(self.window.height() - 1, max(0, start.y() + dy)))
        self.log.append(
            f"swipe {start.x()},{start.y()} -> {end.x()},{end.y()} on {self.kiosk.flow.current.screen.name}"
        )
        handle = self.window.windowHandle()
        QTest.mousePress(handle, LEFT, NO_MODS, start)
        for step in range(1, 5):
            QTest.mouseMove(handle, start + (end - start) * step / 4, 5)
        QTest.mouseRelease(handle, LEFT, NO_MODS, end, 5)

    def pause(self, wait: Callable[[int], None]) -> None:
        ms = self.rng.randint(20, 250)
        self.log.append(f"pause {ms} ms")
        wait(ms)

    def act(self, wait: Callable[[int], None]) -> None:
        """One action of a visitor, chosen by the seeded generator."""
        roll = self.rng.random()
        if roll < 0.60:
            self.tap_button()
        elif roll < 0.72:
            self.tap_anywhere()
        elif roll < 0.78:
            self.double_tap()
        elif roll < 0.83:
            self.switch_language()
        elif roll < 0.90:
            if not self.print_something():
                self.tap_button()
        elif roll < 0.95:
            self.swipe()
        else:
            self.pause(wait)


def loop_answers(timeout_s: float = 5.0) -> bool:
    """True when the event loop runs a 0-ms timer within ``timeout_s`` (nothing blocks it)."""
    import time

    from PySide6.QtCore import QTimer

    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    deadline = time.monotonic() + timeout_s
    app = QApplication.instance()
    while not answered and time.monotonic() < deadline:
        app.processEvents()
    return bool(answered)
