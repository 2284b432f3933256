"""Runs a checklist print job off the GUI thread and reports back with a signal.

The job itself is Qt-free (``ChecklistJob``: render the PDF, hand it to the printer); it
raises ``PrintFailed`` with a visitor-readable German message when the paper did not come
out. No widget is touched from the worker: the result arrives as ``finished`` in the GUI
thread, tagged with the ticket ``start`` returned, so only the screen that asked reacts.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kiosk.content.model import Guide

log = logging.getLogger(__name__)
ChecklistJob = Callable[[Guide, str], None]  # (guide, language code); blocks; raises on failure


class PrintFailed(Exception):
    """The printout did not come out; ``str(exc)`` is German text for the visitor."""


class _Runnable(QRunnable):
    def __init__(self, job: Callable[[], None], report: Callable[[bool, str], None]) -> None:
        super().__init__()
        self.job, self.report = job, report

    def run(self) -> None:
        try:
            self.job()
        except PrintFailed as exc:
            self.report(False, str(exc))
        except Exception:  # a broken printer driver must never take the kiosk down
            log.exception("checklist print failed")
            self.report(False, "")
        else:
            self.report(True, "")


class ChecklistPrinter(QObject):
    finished = Signal(int, bool, str)  # ticket, ok, message ('' = use the general failure text)

    def __init__(self, job: ChecklistJob, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one printer: jobs queue, never interleave
        self._tickets = itertools.count(1)

    def start(self, guide: Guide, language: str) -> int:
        ticket = next(self._tickets)
        self._pool.start(
            _Runnable(lambda: self._job(guide, language), lambda ok, msg: self.finished.emit(ticket, ok, msg))
        )
        return ticket

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until queued jobs are done (shutdown and tests)."""
        return self._pool.waitForDone(timeout_ms)
