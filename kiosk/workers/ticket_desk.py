"""Issue a ticket, print it and record the outcome, without ever blocking the GUI thread.

Why a worker with its own ``state.db`` connection: ``TicketService.issue`` runs
``BEGIN IMMEDIATE``, which waits up to the busy timeout while another process (a second
kiosk process, a staff command) holds the write lock. In the GUI thread that would freeze
the screen, and the GUI's connection (``Kiosk.state_db``) must not be used from two
threads at once. So every write here (issue, stats counter, ``mark_printed``) runs in one
worker thread on a connection this desk opens itself in its first job; requests run in
order. The GUI thread only reads (pauses, counts for the buttons), which WAL never blocks.

The pipeline does not depend on the screen: once a number is issued it is printed and
its outcome recorded even if the visitor has left. Results arrive as signals in the GUI
thread; nothing here touches a widget.
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kiosk.content.model import Office, QueueCategory
from kiosk.printing.printers import JobResult
from kiosk.queue.tickets import Refusal, RefusalReason, Ticket, TicketService
from kiosk.staff import stats
from kiosk.workers.ticket_printer import TicketPrinter

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 5000  # a visitor waits at most this long for the write lock, then "try again"


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self.work = work

    def run(self) -> None:
        try:
            self.work()
        except Exception:  # a broken database must never take the kiosk down
            log.exception("ticket job failed")


class TicketDesk(QObject):
    issued = Signal(int, object)  # request id, Ticket | Refusal
    printed = Signal(int, object)  # ticket id, JobResult (shown at once; recording follows)
    recorded = Signal(int, bool)  # ticket id, printed: the outcome is in state.db
    _issued_in_worker = Signal(int, object, object)  # request id, result, print context

    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        printer: TicketPrinter,
        timezone: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._connect = connect
        self._db: sqlite3.Connection | None = None
        self._service: TicketService | None = None
        self._timezone = timezone
        self.printer = printer
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one connection, used by one job at a time
        self._ids = itertools.count(1)
        self._issued_in_worker.connect(self._after_issue)
        printer.finished.connect(self._after_print)

    def _tickets(self) -> TicketService:
        """Opened in the worker on first use (a constructor does no I/O)."""
        if self._service is None:
            self._db = self._connect()
            self._db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._service = TicketService(self._db, self._timezone)
        return self._service

    def take(self, category: QueueCategory, office: Office | None, language: str, now: datetime) -> int:
        """Issue one number of ``category`` (then print it in ``language``); returns the
        request id that ``issued`` carries back."""
        request = next(self._ids)

        def work() -> None:
            try:
                result: Ticket | Refusal = self._tickets().issue(category, now)
            except sqlite3.Error as exc:
                log.error("issuing a ticket failed: %s", exc)
                result = Refusal(RefusalReason.BUSY, detail=str(exc))
            if isinstance(result, Ticket):
                try:
                    stats.record(self._db, stats.Event.TICKET_ISSUED, category.id, now)
                except sqlite3.Error as exc:  # a lost counter is no reason to lose the ticket
                    log.warning("ticket counter not recorded: %s", exc)
            self._issued_in_worker.emit(request, result, (category, office, language))

        self._pool.start(_Job(work))
        return request

    def _after_issue(self, request: int, result: Ticket | Refusal, context: tuple) -> None:
        if isinstance(result, Ticket):
            category, office, language = context
            self.printer.start(result, category, office, language)
        self.issued.emit(request, result)

    def _after_print(self, ticket_id: int, result: JobResult) -> None:
        self.printed.emit(ticket_id, result)
        reason = "" if result.ok else result.fault.value

        def work() -> None:
            try:
                self._tickets().mark_printed(ticket_id, result.ok, reason)
            except sqlite3.Error as exc:
                log.error("print outcome of ticket %s not recorded: %s", ticket_id, exc)
                return
            self.recorded.emit(ticket_id, result.ok)

        self._pool.start(_Job(work))

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Until queued requests are done (tests, shutdown)."""
        return self._pool.waitForDone(timeout_ms)

    def close(self) -> None:
        self.wait()
        if self._db is not None:
            self._db.close()
            self._db = None
            self._service = None
