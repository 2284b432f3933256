"""The nightly sync as a background thread, Qt-free: the app starts it and gets results back.

``SyncRunner`` sleeps until the next planned time (a random moment in ``sync_window``; after
failures 5, 10, 20, 40 minutes, then hourly), runs ``sync_once`` and hands the result to
``on_result`` - in the worker thread, so the app must forward it to the GUI thread (e.g. a
Qt signal); no widget calls in the callbacks. ``before_replace``/``after_replace`` are passed
through to ``sync_once`` (see kiosk.content.sync for the switching protocol). ``isolated``
(default on: the runner is the app's) does the heavy part in a child process, away from
the GUI thread's GIL.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kiosk.content.schedule import next_retry, next_sync_time
from kiosk.content.swap import Hook, installed_version
from kiosk.content.sync import SyncResult, sync_once
from kiosk.settings import Settings

log = logging.getLogger(__name__)

Plan = Callable[[datetime, int], datetime]  # (now, failures in a row) -> when to run next


class SyncRunner:
    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        on_result: Callable[[SyncResult], None],
        *,
        before_replace: Hook | None = None,
        after_replace: Hook | None = None,
        plan: Plan | None = None,
        now: Callable[[], datetime] = datetime.now,
        isolated: bool = True,
    ) -> None:
        self.data_dir, self.settings, self.on_result = data_dir, settings, on_result
        self.before_replace, self.after_replace = before_replace, after_replace
        self.isolated = isolated
        self._rng = random.Random()
        self.plan = plan or self._default_plan
        self._now = now
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="content-sync", daemon=True)
        self.next_due: datetime | None = None  # when the loop runs next (the staff status shows it)

    def _default_plan(self, now: datetime, failures: int) -> datetime:
        if failures:
            return next_retry(now, failures)
        return next_sync_time(now, self.settings.sync_window, self._rng)

    def start(self) -> None:
        if self.settings.sync_url:
            self._thread.start()
        else:
            log.info("no sync_url set: the nightly sync is off")

    def run_now(self) -> None:
        """Skip the wait (staff button "Jetzt aktualisieren")."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop waiting; a sync in progress finishes (its swap is atomic) unless it outlasts ``timeout``."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            due = self.plan(self._now(), failures)
            self.next_due = due
            delay = max(0.0, (due - self._now()).total_seconds())
            self._wake.wait(delay)
            self._wake.clear()
            if self._stop.is_set():
                return
            result = sync_once(
                self.data_dir,
                self.settings,
                installed_version(self.data_dir),
                before_replace=self.before_replace,
                after_replace=self.after_replace,
                isolated=self.isolated,
            )
            failures = 0 if result.ok else failures + 1
            try:
                self.on_result(result)
            except Exception:  # the app's callback must not end the nightly sync
                log.exception("on_result failed")
