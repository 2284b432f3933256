"""Writes ``status.json`` into the data dir every minute, for IT's monitoring tools.

The printer is asked through the print service (CUPS may take a moment); collecting and
writing run in a pool thread, so the GUI never waits for the disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer

from kiosk.ops.status import collect_status, write_status_file
from kiosk.printing.printers import PrinterStatus
from kiosk.workers.print_service import PrintService

log = logging.getLogger(__name__)


class _Write(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self.work = work

    def run(self) -> None:
        try:
            self.work()
        except Exception:  # monitoring must never take the kiosk down
            log.exception("could not write status.json")


class StatusReporter(QObject):
    def __init__(
        self,
        data_dir: Path,
        printing: PrintService,
        now: Callable[[], datetime],
        timezone: str,
        interval_s: int = 60,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir, self.printing, self.now, self.timezone = data_dir, printing, now, timezone
        self.started_at = now()
        self._timer = QTimer(self, interval=interval_s * 1000)
        self._timer.timeout.connect(self.printing.check_status)
        self.printing.status_ready.connect(self._write)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self) -> None:
        self._timer.start()
        self.printing.check_status()

    def stop(self) -> None:
        self._timer.stop()
        self._pool.waitForDone(3000)

    def _write(self, printer: PrinterStatus) -> None:
        moment, started = self.now(), self.started_at
        state = printer.fault.value

        def work() -> None:
            write_status_file(self.data_dir, collect_status(self.data_dir, moment, started, state, self.timezone))

        self._pool.start(_Write(work))
