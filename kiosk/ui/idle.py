"""One idle watcher for the whole app: any touch resets it (the kiosk window reports input
from its application-wide filter); expiry wipes the session.

After ``idle_timeout_s`` without input a warning counts down (>= 20 s) with one large
"Weiter" button (``kiosk.ui.idle_overlay``); when it reaches zero the window ends the
visitor session.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    warn = Signal()  # show the countdown
    expired = Signal()  # wipe the session
    tick = Signal(int)  # seconds left in the countdown

    def __init__(self, timeout_s: int, warning_s: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.warning_s = max(20, warning_s)
        self._idle = QTimer(self, singleShot=True, interval=max(1, timeout_s) * 1000)
        self._idle.timeout.connect(self._start_warning)
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._count)
        self._left = 0
        self.enabled = True
        self._running = False

    def start(self) -> None:
        """Count from now; the window reports input (``input_seen``) from its application-wide
        filter, so there is one Python filter for every event of the app, not two."""
        self._running = True
        self.reset()

    def stop(self) -> None:
        self._running = False
        self._idle.stop()
        self._countdown.stop()

    @property
    def warning(self) -> bool:
        return self._countdown.isActive()

    def reset(self) -> None:
        self._countdown.stop()
        if self.enabled:
            self._idle.start()

    def set_enabled(self, on: bool) -> None:
        """Off while the staff panel shows (it has its own timeout); on again resets the wait."""
        if on == self.enabled:
            return
        self.enabled = on
        if on:
            self.reset()
        else:
            self._idle.stop()
            self._countdown.stop()

    def input_seen(self) -> None:
        """A touch, click, key or wheel anywhere (``INPUT_EVENTS``): the wait starts again,
        except during the countdown, which only the warning ends ("Weiter" or a tap beside
        its panel: the overlay covers every other control)."""
        if self._running and self.enabled and not self.warning:
            self._idle.start()

    def _start_warning(self) -> None:
        self._left = self.warning_s
        self._countdown.start()
        self.warn.emit()
        self.tick.emit(self._left)

    def _count(self) -> None:
        self._left -= 1
        self.tick.emit(self._left)
        if self._left <= 0:
            self._countdown.stop()
            self.expired.emit()

    def expire_now(self) -> None:
        """For tests and the monkey: behave exactly as if the countdown ran out."""
        self._countdown.stop()
        self.expired.emit()
