"""The kiosk's parts that Home does not need: content store, printing, tickets, content switch.

Each is built on first use (a tap on "Stelle finden" builds the store), or else one at a time
in the event loop's free moments after Home shows (``build_all_soon``). Their imports and
set-up were ~30 ms before Home could show (see benchmarks/startup.py); built one per event
loop pass, none of them holds up a tap for longer than a frame. content.db's integrity check
reads the whole file (~60 ms for 20,000 services on the dev VM, more on a slow PC), so it runs
in a worker thread meanwhile. The composition root (``kiosk.app``) says what each part is
made of; this module only decides when.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from kiosk.settings import Settings

if TYPE_CHECKING:
    from concurrent.futures import Future

    from kiosk.content.store import ContentStore
    from kiosk.printing.printers import Printer
    from kiosk.queue.tickets import TicketService
    from kiosk.workers.content_switch import ContentSwitcher
    from kiosk.workers.handout_printer import PaperPrinter
    from kiosk.workers.print_service import PrintService
    from kiosk.workers.staff_work import AdminWorker
    from kiosk.workers.ticket_desk import TicketDesk

log = logging.getLogger(__name__)
BUILD_ORDER = (
    "printing",
    "checklist_printer",
    "tickets",
    "ticket_desk",
    "admin_worker",
    "store",
    "switcher",
)
NEED_CONTENT = {"store", "switcher"}  # wait for the content check without blocking the event loop
CHECK_POLL_MS = 20


def _checked_content_db(data_dir: Path) -> Path:
    """In the worker thread: the import too (the install and swap modules are ~5 ms)."""
    from kiosk.content.install import ensure_content_db

    return ensure_content_db(data_dir)


class LateParts:
    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        state_db: sqlite3.Connection,
        make_printer: Callable[[], Printer],
        on_switcher: Callable[[ContentSwitcher], None],
    ) -> None:
        """``make_printer`` gives the configured printer; ``on_switcher`` wires the content
        switch into the shell once it exists (the flow's place, Home refreshed after a switch)."""
        self.data_dir, self.settings, self.state_db = data_dir, settings, state_db
        self._make_printer = make_printer
        self._on_switcher = on_switcher
        self._content_db: Future[Path] | None = None
        self.stopped = False  # shut down: work queued for later (here and the kiosk's) does not start

    def built(self, name: str) -> bool:
        """Whether ``name`` exists yet (shutting down closes only what was built)."""
        return name in self.__dict__

    def build(self, *names: str) -> None:
        """Build these parts now, if they are not yet."""
        for name in names:
            getattr(self, name)

    def build_all_soon(self, delay_ms: int) -> None:
        """After ``delay_ms`` (Home painted), check content.db in a worker thread and build the
        parts not yet used, one per event loop pass."""
        QTimer.singleShot(delay_ms, self._start_building)

    def stop(self) -> None:
        """The kiosk shuts down: the passes ``build_all_soon`` queued end without building."""
        self.stopped = True

    def close(self, timeout_s: float = 5.0) -> None:
        """After ``stop``: let what was built finish its work and close it; a part never
        used is not built now to be closed."""
        self.wait_for_content_check(10)
        built = self.__dict__
        if "admin_worker" in built:
            self.admin_worker.wait_idle(timeout_s)
            self.admin_worker.stop()
        if "printing" in built:
            self.printing.wait(round(timeout_s * 1000))
        if "ticket_desk" in built:
            self.ticket_desk.close()
        if "store" in built:
            self.store.close()

    def _start_building(self) -> None:
        if self.stopped:
            return
        self.check_content_in_background()
        self._build_next()

    def check_content_in_background(self) -> None:
        if self._content_db is not None or self.built("store"):
            return
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(1, thread_name_prefix="content-check")
        self._content_db = pool.submit(_checked_content_db, self.data_dir)
        pool.shutdown(wait=False)  # its thread ends with this one job

    def wait_for_content_check(self, timeout_s: float) -> None:
        """Shutting down: a first start may be writing content.db from the default content."""
        if self._content_db is not None:
            from concurrent.futures import wait

            wait([self._content_db], timeout_s)

    def _build_next(self) -> None:
        if self.stopped:
            return
        checking = self._content_db is not None and not self._content_db.done()
        for name in BUILD_ORDER:
            if not self.built(name):
                if checking and name in NEED_CONTENT:
                    QTimer.singleShot(CHECK_POLL_MS, self._build_next)
                    return
                self.build(name)
                QTimer.singleShot(0, self._build_next)
                return
        log.debug("all parts built")

    @cached_property
    def store(self) -> ContentStore:
        """On a tap before the check is done, waits for it (it never blocked less before)."""
        from kiosk.content.install import ensure_content_db
        from kiosk.content.store import ContentStore

        path = self._content_db.result() if self._content_db is not None else ensure_content_db(self.data_dir)
        return ContentStore(path)

    @cached_property
    def printing(self) -> PrintService:
        from kiosk.workers.print_service import PrintService

        return PrintService(self._make_printer())

    @cached_property
    def checklist_printer(self) -> PaperPrinter:
        """Checklists and handouts (queue tickets go through ``ticket_desk``)."""
        from kiosk.printing.pdfdoc import Paper
        from kiosk.workers.handout_printer import PaperPrinter

        return PaperPrinter(self.printing, Paper(self.settings.handout_paper))

    @cached_property
    def tickets(self) -> TicketService:
        from kiosk.queue.tickets import TicketService

        return TicketService(self.state_db, self.settings.timezone)

    @cached_property
    def ticket_desk(self) -> TicketDesk:
        """Issuing and recording tickets waits for state.db's write lock: a worker with its
        own connection."""
        from kiosk.state import open_state
        from kiosk.workers.ticket_desk import TicketDesk
        from kiosk.workers.ticket_printer import TicketPrinter

        timezone = self.settings.timezone
        return TicketDesk(lambda: open_state(self.data_dir), TicketPrinter(self.printing, timezone), timezone)

    @cached_property
    def switcher(self) -> ContentSwitcher:
        from kiosk.workers.content_switch import ContentSwitcher

        switcher = ContentSwitcher(self.store)
        self._on_switcher(switcher)
        return switcher

    @cached_property
    def admin_worker(self) -> AdminWorker:
        from kiosk.workers.staff_work import AdminWorker

        return AdminWorker(self.data_dir)
