"""Tells systemd the kiosk is up (READY=1 once Home shows) and alive (WATCHDOG=1 on a timer).

The timer lives on the GUI thread on purpose: if the event loop freezes, the pings stop
and systemd restarts the kiosk after ``WatchdogSec``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk.ops.watchdog import sd_notify, watchdog_interval_ms


class KeepAlive(QObject):
    def __init__(self, parent: QObject | None = None, environ: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self._environ = environ
        self.ready_sent = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.ping)
        interval = watchdog_interval_ms(environ)
        if interval is not None:
            self.timer.start(interval)

    def ready(self) -> None:
        """Call once the first screen is on display; later calls do nothing."""
        if not self.ready_sent:
            self.ready_sent = True
            sd_notify("READY=1\nSTATUS=Startseite angezeigt", self._environ)

    def ready_soon(self) -> None:
        """READY=1 on the event loop's first pass, when the shown window has been painted."""
        QTimer.singleShot(0, self.ready)

    def ping(self) -> None:
        sd_notify("WATCHDOG=1", self._environ)

    def stopping(self) -> None:
        self.timer.stop()
        sd_notify("STOPPING=1", self._environ)
