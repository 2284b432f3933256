"""What the admin panel's pages may use, handed over by the composition root in one place.

Blocking callables (``sync_now``, ``import_bundle``) must run through
``worker.run_long``; ``audit`` queues an entry (codes only, never typed text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.content.store import ContentStore
from kiosk.i18n import Translator
from kiosk.settings import Settings
from kiosk.staff import admin
from kiosk.workers.print_service import PrintService
from kiosk.workers.staff_work import AdminWorker


@dataclass
class AdminTools:
    tr: Translator  # German: the staff area is German only
    worker: AdminWorker
    data_dir: Path
    settings: Settings
    store: ContentStore
    printing: PrintService
    now: Callable[[], datetime]
    started_at: datetime
    sync_now: Callable[[], Any]  # -> SyncResult; blocking
    import_bundle: Callable[[Path], Any]  # -> SyncResult; blocking
    next_sync: Callable[[], datetime | None]
    restart: Callable[[], None]
    quit: Callable[[], None]

    def audit(self, action: str, result: str) -> None:
        self.worker.submit(lambda db: admin.audit(db, action, result))
