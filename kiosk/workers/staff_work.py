"""Staff work off the GUI thread: PIN checks, audit entries, notices, pauses, sync, import.

``AdminWorker`` owns one daemon thread and its *own* ``state.db`` connection (the GUI's
connection is shared with the ticket service; a second thread on it could slip into
another's transaction). Jobs run one after another in submission order, so an audit entry
written after an action lands after it. ``done`` is called in the GUI thread with the
job's return value, or with the exception it raised (callers show "Fehler", never crash).
No widget may be touched inside a job.

Long content jobs (sync, USB import: seconds to minutes) go to ``run_long`` so they never
hold up PIN checks and audit entries queued behind them.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.state import open_state

log = logging.getLogger(__name__)
Job = Callable[[sqlite3.Connection], Any]
Done = Callable[[Any], None]


class AdminWorker(QObject):
    _delivered = Signal(object, object)  # (done, value): emitted in a worker thread, handled in the GUI's

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._jobs: queue.Queue[tuple[Job, Done] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._lock = threading.Lock()
        self._delivered.connect(self._deliver)

    def submit(self, job: Job, done: Done | None = None) -> None:
        with self._lock:
            self._pending += 1
            self._idle.clear()
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="admin-worker", daemon=True)
            self._thread.start()
        self._jobs.put((job, done or (lambda _value: None)))

    def run_long(self, work: Callable[[], Any], done: Done | None = None) -> None:
        """``work`` (no connection: it opens what it needs) in its own daemon thread."""
        with self._lock:
            self._pending += 1
            self._idle.clear()

        def run() -> None:
            self._finish(done or (lambda _value: None), _call(work))

        threading.Thread(target=run, name="admin-long", daemon=True).start()

    def _loop(self) -> None:
        db = open_state(self.data_dir)
        try:
            while (item := self._jobs.get()) is not None:
                job, done = item
                self._finish(done, _call(lambda job=job: job(db)))
        finally:
            db.close()

    def _finish(self, done: Done, value: Any) -> None:
        self._delivered.emit(done, value)
        with self._lock:
            self._pending -= 1
            if self._pending == 0:
                self._idle.set()

    def _deliver(self, done: Done, value: Any) -> None:
        try:
            done(value)
        except Exception:
            log.exception("admin job result could not be shown")

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """Block until every submitted job has run (shutdown, screenshots, tests); results
        still arrive through the event loop afterwards."""
        return self._idle.wait(timeout_s)

    def stop(self, timeout_s: float = 5.0) -> None:
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(timeout_s)
            self._thread = None


def _call(work: Callable[[], Any]) -> Any:
    try:
        return work()
    except Exception as exc:  # a staff action must report, not take the kiosk down
        log.exception("admin job failed")
        return exc
