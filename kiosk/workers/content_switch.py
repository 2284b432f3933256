"""Switch to freshly synced content only on Home, never in a visitor's session.

The sync worker calls ``before_replace`` right before ``os.replace``; it blocks there until
the GUI thread, at Home, has closed the ContentStore (on Windows an open handle blocks the
replace). ``after_replace`` lets the store reopen and Home refresh. Results of every sync
reach the GUI thread as ``sync_finished``.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from kiosk.content.store import ContentStore

log = logging.getLogger(__name__)


class SwitchAborted(RuntimeError):
    """The screen did not reach Home in time; the sync keeps the old content."""


class ContentSwitcher(QObject):
    _switch_requested = Signal()
    switched = Signal()  # new content is in place: screens should refill
    sync_finished = Signal(object)  # SyncResult, in the GUI thread

    def __init__(self, store: ContentStore, wait_s: float = 600.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.wait_s = wait_s
        self.at_home = True
        self._pending = False
        self._closed = threading.Event()
        self._switch_requested.connect(self._on_switch_requested)

    # --- worker thread ----------------------------------------------------------------
    def before_replace(self) -> None:
        self._closed.clear()
        self._switch_requested.emit()
        if not self._closed.wait(self.wait_s):
            raise SwitchAborted("the terminal did not return to Home in time")

    def after_replace(self) -> None:
        self._switched_signal()

    def report(self, result: object) -> None:
        self.sync_finished.emit(result)

    # --- GUI thread -------------------------------------------------------------------
    def _switched_signal(self) -> None:
        self.switched.emit()

    def _on_switch_requested(self) -> None:
        self._pending = True
        if self.at_home:
            self._close_now()

    def on_place(self, at_home: bool) -> None:
        """The window tells where the visitor is; a pending switch happens on Home."""
        self.at_home = at_home
        if at_home and self._pending:
            self._close_now()

    def _close_now(self) -> None:
        self._pending = False
        self.store.close()  # reopens on the next query, from the new file
        self._closed.set()
