"""Render and print off the GUI thread; results come back as a signal.

Every printout (ticket, handout, checklist, test page) goes through here: a render
function (reportlab, Qt-free) and the configured ``Printer`` run in one worker thread, so
jobs queue and never interleave, and a slow or stuck printer never freezes the screen.
No widget is touched from the worker; ``finished`` arrives in the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kiosk.printing.pdfdoc import RenderedPdf
from kiosk.printing.printers import Fault, JobResult, Kind, Printer, PrinterStatus

log = logging.getLogger(__name__)
Render = Callable[[], RenderedPdf]


class _Job(QRunnable):
    def __init__(self, work: Callable[[], JobResult], report: Callable[[JobResult], None]) -> None:
        super().__init__()
        self.work, self.report = work, report

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # a broken driver or layout must never take the kiosk down
            log.exception("print job failed")
            result = JobResult(Fault.SUBMIT_FAILED, f"{type(exc).__name__}: {exc}")
        self.report(result)


class PrintService(QObject):
    finished = Signal(int, object)  # job id, JobResult
    status_ready = Signal(object)  # PrinterStatus

    def __init__(self, printer: Printer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one printer: jobs queue in order
        self._ids = itertools.count(1)

    def submit(self, render: Render, kind: Kind) -> int:
        """Start a job; returns its id, which ``finished`` carries back."""
        job_id = next(self._ids)

        def work() -> JobResult:
            pdf = render()
            return self.printer.print_pdf(pdf.data, kind, pdf.page_size_mm)

        self._pool.start(_Job(work, lambda result: self.finished.emit(job_id, result)))
        return job_id

    def check_status(self) -> None:
        """Ask the printer how it is (may take a moment with CUPS); answer via ``status_ready``."""

        def work() -> JobResult:
            status: PrinterStatus = self.printer.status()
            self.status_ready.emit(status)
            return JobResult(status.fault, status.detail)

        self._pool.start(_Job(work, lambda _result: None))

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until all queued jobs are done (shutdown and tests)."""
        return self._pool.waitForDone(timeout_ms)
