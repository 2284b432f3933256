"""The composition root: settings -> stores -> services -> screens -> window, in one place.

``Kiosk`` builds the running kiosk in the order below and hands each part what it needs
through its constructor; nothing else wires. What Home does not need is a ``LateParts``
part, built on first use or in the event loop's free moments after Home shows
(``kiosk.app.late_parts``). ``Kiosk`` needs a running QApplication.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app.clock import Clock
from kiosk.app.late_parts import LateParts
from kiosk.app.screens import SCREENS, ScreenNeeds
from kiosk.app.staff_wiring import StaffWiring
from kiosk.flow import Flow, Place, ScreenId, rules
from kiosk.i18n import Translator
from kiosk.ops import crash
from kiosk.screens.staff.gate import AdminGate
from kiosk.settings import Settings
from kiosk.staff.notices import current_notice
from kiosk.state import open_state
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.navigator import Navigator
from kiosk.ui.speech import ReadAloud
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.content.store import ContentStore
    from kiosk.content.sync_runner import SyncRunner
    from kiosk.printing.printers import Printer
    from kiosk.queue.tickets import TicketService
    from kiosk.staff.stats import Event
    from kiosk.ui.screen import Screen
    from kiosk.workers.content_switch import ContentSwitcher
    from kiosk.workers.handout_printer import PaperPrinter
    from kiosk.workers.print_service import PrintService
    from kiosk.workers.staff_work import AdminWorker
    from kiosk.workers.status_reporter import StatusReporter
    from kiosk.workers.ticket_desk import TicketDesk

log = logging.getLogger(__name__)


class Kiosk:
    """Everything the running kiosk is made of; ``kiosk run``, the screenshots and the tests
    drive it through these parts."""

    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        language: str | None = None,
        printer: Printer | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """``printer`` replaces the one ``printer_backend`` names and ``clock`` the wall clock
        (an aware datetime): tests pass fakes at these boundaries."""
        data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir, self.settings = data_dir, settings
        self.clock = Clock(settings.timezone, clock)
        self.now = self.clock.now
        self.started_at = self.clock.instant()
        self.state_db = open_state(data_dir)
        self._printer = printer

        default_language = language or settings.default_language
        self.tr = Translator(default_language)
        self.staff_tr = Translator("de")  # the staff area is German only, whatever the visitor chose
        self.flow = Flow(default_language)
        self.parts = LateParts(data_dir, settings, self.state_db, self._configured_printer, self._wire_switcher)
        self.admin_gate = AdminGate(settings.admin_timeout_s, self.now)
        self.sync: SyncRunner | None = None  # started by start_background (a real run only)
        self.reporter: StatusReporter | None = None
        self.exit_request: str | None = None  # "restart" or "exit", set by the staff panel

        self.specs = SCREENS
        needs = ScreenNeeds(
            tr=self.tr,
            staff_tr=self.staff_tr,
            settings=settings,
            clock=self.clock,
            parts=self.parts,
            admin_gate=self.admin_gate,
            notice=self._notice,
            set_language=self._set_language,
            count=self._count,
            staff_panel=self._staff_panel,
        )
        self.navigator = Navigator(self.flow, {sid: partial(spec.build, needs) for sid, spec in SCREENS.items()})
        self.idle = IdleWatcher(settings.idle_timeout_s, settings.idle_warning_s)
        self.window = KioskWindow(self.flow, self.tr, self.navigator, self.idle, ReadAloud(settings.speech_engine))
        self.navigator.place_changed.connect(self._on_place)
        self.admin_gate.expired.connect(self._on_admin_expired)
        self.navigator.show_place(self.flow.current)  # styled by the window's first resize (show)

    # --- the late parts, as tools and tests reach them (built on first use) --------------
    @property
    def store(self) -> ContentStore:
        return self.parts.store

    @property
    def printing(self) -> PrintService:
        return self.parts.printing

    @property
    def checklist_printer(self) -> PaperPrinter:  # checklists and handouts
        return self.parts.checklist_printer

    @property
    def tickets(self) -> TicketService:
        return self.parts.tickets

    @property
    def ticket_desk(self) -> TicketDesk:
        return self.parts.ticket_desk

    @property
    def switcher(self) -> ContentSwitcher:
        return self.parts.switcher

    @property
    def admin_worker(self) -> AdminWorker:
        return self.parts.admin_worker

    # --- what the parts are handed ------------------------------------------------------
    def _configured_printer(self) -> Printer:
        from kiosk.printing.printers import make_printer

        return self._printer or make_printer(self.settings, self.data_dir, _qt_printer)

    def _notice(self) -> str | None:
        current = current_notice(self.state_db, self.clock.instant())
        return current.text if current else None

    def _set_language(self, code: str) -> None:
        self.window.set_language(code)

    def _count(self, event: Event, key: str) -> None:
        from kiosk.staff import stats

        stats.record(self.state_db, event, key, self.now())

    def _staff_panel(self, cls: type[Screen]) -> Screen:
        wiring = StaffWiring(
            data_dir=self.data_dir,
            settings=self.settings,
            staff_tr=self.staff_tr,
            clock=self.clock,
            started_at=self.started_at,
            parts=self.parts,
            gate=self.admin_gate,
            next_sync=lambda: self.sync.next_due if self.sync is not None else None,
            request_exit=self.request_exit,
            end_session=self.window.end_session,
            theme=self.window.theme_buttons,
        )
        return wiring.panel(cls)

    def _wire_switcher(self, switcher: ContentSwitcher) -> None:
        """The content switch, built late, learns where the visitor is; after a switch Home
        shows the new content."""
        switcher.on_place(rules(self.flow.current.screen).content_switch)
        switcher.switched.connect(self._on_content_switched)

    def _on_content_switched(self) -> None:
        if self.flow.current.screen is ScreenId.HOME:
            self.navigator.show_place(self.flow.current)

    def _on_place(self, place: Place) -> None:
        screen_rules = rules(place.screen)
        if self.parts.built("switcher"):
            self.switcher.on_place(screen_rules.content_switch)
        # the staff panel has its own timeout; the visitor idle warning must not end it earlier
        self.idle.set_enabled(screen_rules.idle_wait)
        if not screen_rules.idle_wait:
            self.window.hide_idle_warning()

    def _on_admin_expired(self) -> None:
        if self.flow.current.screen is ScreenId.ADMIN:
            self.window.end_session()

    # --- the kiosk's life ---------------------------------------------------------------
    def request_exit(self, kind: str = "exit") -> None:
        """Leave the event loop; ``kiosk run`` then shuts down and, for "restart", replaces
        the process with a fresh one (``kiosk.staff.restart``)."""
        self.exit_request = kind
        self.window.allow_close = True
        self.window.close()  # the operating system's desktop shows at once
        QTimer.singleShot(0, lambda: QApplication.instance().quit())

    def start_background(self) -> None:
        """Nightly sync and the status file: only for a real run, not screenshots or tests."""
        if self.parts.stopped:  # shut down before its turn came
            return
        from kiosk.content.sync_runner import SyncRunner  # http, the bundle checks: not needed to show Home
        from kiosk.workers.status_reporter import StatusReporter

        crash.rotate_logging(self.data_dir)
        self.window.refresh_read_aloud()
        self.parts.build("store")  # content.db is in place before the sync and the status file read it
        switcher = self.switcher
        self.sync = SyncRunner(
            self.data_dir,
            self.settings,
            switcher.report,
            before_replace=switcher.before_replace,
            after_replace=switcher.after_replace,
        )
        self.sync.start()
        self.reporter = StatusReporter(self.data_dir, self.printing, self.now, self.settings.timezone)
        self.reporter.start()

    def shutdown(self) -> None:
        """Stops and closes what was built (a part never used is not built now to close it)."""
        self.parts.stop()
        self.idle.stop()
        self.navigator.wipe()  # screens stop their timers (e.g. the ticket's return to Home)
        self.admin_gate.close()
        if self.sync is not None:
            self.sync.stop()
        if self.reporter is not None:
            self.reporter.stop()
        self.parts.close()
        self.window.allow_close = True
        self.window.close()
        self.window.input_rules.remove()
        self.state_db.close()


def _qt_printer(queue: str, timeout_s: float) -> Printer:
    """The Windows printing path; QtPdf comes with pyside6-addons, so import only when chosen."""
    from kiosk.workers.qt_printer import qt_printer_factory

    return qt_printer_factory()(queue, timeout_s)
