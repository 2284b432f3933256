"""Composition root: settings -> stores -> services -> screens -> window.

The only module that wires things together; every screen gets what it needs through its
constructor. ``build_kiosk`` needs a running QApplication.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
import sys
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app.late_parts import LateParts
from kiosk.flow import Action, Flow, Place, ScreenId
from kiosk.i18n import Translator
from kiosk.ops import crash
from kiosk.screens.staff.gate import AdminGate
from kiosk.settings import Settings
from kiosk.staff.notices import current_notice
from kiosk.state import open_state
from kiosk.ui import theme
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.navigator import Navigator
from kiosk.ui.qt_names import blank_cursor, set_enum
from kiosk.ui.screen import Screen
from kiosk.ui.speech import ReadAloud
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.content.store import ContentStore
    from kiosk.content.sync_runner import SyncRunner
    from kiosk.printing.printers import Printer
    from kiosk.queue.tickets import TicketService
    from kiosk.staff.stats import Event
    from kiosk.workers.content_switch import ContentSwitcher
    from kiosk.workers.handout_printer import PaperPrinter
    from kiosk.workers.print_service import PrintService
    from kiosk.workers.staff_work import AdminWorker
    from kiosk.workers.status_reporter import StatusReporter
    from kiosk.workers.ticket_desk import TicketDesk

log = logging.getLogger(__name__)
BACKGROUND_DELAY_MS = 2000
LATE_PARTS_DELAY_MS = 100  # after Home's first paint


class ScreenSpec(NamedTuple):
    """A screen class named by its module in ``kiosk.screens`` ("service.ServiceScreen") and a
    factory given that class. Only Home is imported before Home shows; every other screen's
    module loads when the screen is first built (start-up time; see benchmarks/startup.py)."""

    name: str
    make: Callable[[type[Screen]], Screen]

    @property
    def cls(self) -> type[Screen]:
        module, _, cls_name = self.name.rpartition(".")
        return getattr(importlib.import_module(f"kiosk.screens.{module}"), cls_name)

    def build(self) -> Screen:
        return self.make(self.cls)


class Kiosk:
    """Everything the running kiosk is made of; tests drive it through these parts.

    A plain class, not a dataclass: ``dataclasses`` is ~10 M instructions to import, and
    nothing else before Home needs it."""

    def __init__(
        self,
        data_dir: Path,
        settings: Settings,
        tr: Translator,
        flow: Flow,
        navigator: Navigator,
        window: KioskWindow,
        idle: IdleWatcher,
        specs: dict[ScreenId, ScreenSpec],
        state_db: sqlite3.Connection,
        now: Callable[[], datetime],
        parts: LateParts,  # what Home does not need, built when first used
        admin_gate: AdminGate,
    ) -> None:
        self.data_dir, self.settings, self.tr, self.flow = data_dir, settings, tr, flow
        self.navigator, self.window, self.idle, self.specs = navigator, window, idle, specs
        self.state_db, self.now, self.parts, self.admin_gate = state_db, now, parts, admin_gate
        self.sync: SyncRunner | None = None  # imported when the kiosk really runs
        self.reporter: StatusReporter | None = None
        self.exit_request: str | None = None  # "restart" or "exit", set by the admin panel

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

    def request_exit(self, kind: str = "exit") -> None:
        """Leave the event loop; ``kiosk run`` then shuts down and, for "restart", replaces
        the process with a fresh one (``kiosk.staff.restart``)."""
        self.exit_request = kind
        self.window.allow_close = True
        self.window.close()  # the operating system's desktop shows at once
        QTimer.singleShot(0, lambda: QApplication.instance().quit())

    def start_background(self) -> None:
        """Nightly sync and other background work: only for a real run, not screenshots/tests."""
        if self.parts.stopped:  # shut down before its turn came
            return
        from kiosk.content.sync_runner import SyncRunner  # http, the bundle checks: not needed to show Home
        from kiosk.workers.status_reporter import StatusReporter

        crash.rotate_logging(self.data_dir)
        self.window.refresh_read_aloud()
        self.parts.build("store")  # content.db is in place before the sync and the status file read it

        self.sync = SyncRunner(
            self.data_dir,
            self.settings,
            self.switcher.report,
            before_replace=self.switcher.before_replace,
            after_replace=self.switcher.after_replace,
        )
        self.sync.start()
        self.reporter = StatusReporter(self.data_dir, self.printing, self.now, self.settings.timezone)
        self.reporter.start()

    def shutdown(self) -> None:
        """Stops and closes what was built (a part never used is not built now to close it)."""
        built = self.parts.built
        self.parts.stop()
        self.parts.wait_for_content_check(10)
        self.idle.stop()
        self.navigator.wipe()  # screens stop their timers (e.g. the ticket's return to Home)
        self.admin_gate.close()
        if built("admin_worker"):
            self.admin_worker.wait_idle(5)
            self.admin_worker.stop()
        if self.sync is not None:
            self.sync.stop()
        if self.reporter is not None:
            self.reporter.stop()
        if built("printing"):
            self.printing.wait(5000)
        if built("ticket_desk"):
            self.ticket_desk.close()
        self.window.allow_close = True
        self.window.close()
        self.window.input_rules.remove()
        if built("store"):
            self.store.close()
        self.state_db.close()


def ensure_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Bürgerservice-Terminal")
    theme.load_fonts()
    return app


def _qt_printer(queue: str, timeout_s: float):
    """The Windows printing path; QtPdf comes with pyside6-addons, so import only when chosen."""
    from kiosk.workers.qt_printer import qt_printer_factory

    return qt_printer_factory()(queue, timeout_s)


def build_kiosk(
    data_dir: Path,
    settings: Settings,
    language: str | None = None,
    printer: Printer | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Kiosk:
    """``printer`` replaces the one ``printer_backend`` names and ``clock`` the wall clock
    (an aware datetime; tests pass fakes at these boundaries)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    state_db = open_state(data_dir)

    @cache
    def zone() -> tzinfo:
        from zoneinfo import ZoneInfo  # ~9 M instructions: Home shows no local time

        return ZoneInfo(settings.timezone)

    def now() -> datetime:
        """The office's local time (hours, tickets)."""
        return clock() if clock is not None else datetime.now(zone())

    def instant() -> datetime:
        """The same moment in UTC, where only the moment matters (notice end, start time)."""
        return clock() if clock is not None else datetime.now(UTC)

    def configured_printer() -> Printer:
        from kiosk.printing.printers import make_printer

        return printer or make_printer(settings, data_dir, _qt_printer)

    default_language = language or settings.default_language
    tr = Translator(default_language)
    flow = Flow(default_language)
    navigator_ref: list[Navigator] = []

    def wire_switcher(switcher: ContentSwitcher) -> None:
        # The admin panel is no visitor session either: fresh content may switch in there.
        switcher.on_place(flow.current.screen in (ScreenId.HOME, ScreenId.ADMIN))
        switcher.switched.connect(
            lambda: navigator_ref[0].show_place(flow.current) if flow.current.screen is ScreenId.HOME else None
        )

    parts = LateParts(data_dir, settings, state_db, configured_printer, wire_switcher)

    def notice() -> str | None:
        current = current_notice(state_db, instant())
        return current.text if current else None

    window_ref: list[KioskWindow] = []
    kiosk_ref: list[Kiosk] = []
    started_at = instant()
    admin_gate = AdminGate(settings.admin_timeout_s, now)
    staff_tr = Translator("de")  # the staff area is German only, whatever the visitor chose

    def count(event: Event, key: str) -> None:
        from kiosk.staff import stats

        stats.record(state_db, event, key, now())

    def count_no_result() -> None:
        from kiosk.staff.stats import Event

        count(Event.SEARCH_NO_RESULT, "")

    def set_language(code: str) -> None:
        window_ref[0].set_language(code)

    def ticket_screen(cls: type[Screen]) -> Screen:
        from kiosk.ui.ticket_view import TicketTiming

        timing = TicketTiming(settings.ticket_return_s, settings.ticket_fault_return_s, settings.ticket_print_wait_s)
        return cls(tr, parts.store, parts.tickets, parts.ticket_desk, now, settings.timezone, timing)

    def staff_panel(cls: type[Screen]) -> Screen:
        from kiosk.app.staff_wiring import admin_screen

        return admin_screen(cls, kiosk_ref[0], staff_tr, started_at)

    specs: dict[ScreenId, ScreenSpec] = {
        ScreenId.HOME: ScreenSpec("home.HomeScreen", lambda cls: cls(tr, notice, set_language)),
        ScreenId.SITUATIONS: ScreenSpec("situations.SituationsScreen", lambda cls: cls(tr, parts.store)),
        ScreenId.SERVICES: ScreenSpec("services.ServicesScreen", lambda cls: cls(tr, parts.store)),
        ScreenId.SERVICE: ScreenSpec(
            "service.ServiceScreen",
            lambda cls: cls(tr, parts.store, parts.checklist_printer, now, settings.timezone, count),
        ),
        ScreenId.OFFICE: ScreenSpec("office.OfficeScreen", lambda cls: cls(tr, parts.store, now, settings.timezone)),
        ScreenId.ONLINE: ScreenSpec("online.OnlineScreen", lambda cls: cls(tr, parts.store)),
        ScreenId.ONLINE_SERVICE: ScreenSpec(
            "online_service.OnlineServiceScreen", lambda cls: cls(tr, parts.store, parts.checklist_printer)
        ),
        ScreenId.GUIDES: ScreenSpec("guides.GuidesScreen", lambda cls: cls(tr, parts.store)),
        ScreenId.GUIDE: ScreenSpec("guide.GuideScreen", lambda cls: cls(tr, parts.store, parts.checklist_printer)),
        ScreenId.SEARCH: ScreenSpec(
            "search.SearchScreen",
            lambda cls: cls(tr, parts.store, on_no_result=count_no_result),
        ),
        ScreenId.TICKET: ScreenSpec("ticket.TicketScreen", ticket_screen),
        ScreenId.OUT_OF_ORDER: ScreenSpec("out_of_order.OutOfOrderScreen", lambda cls: cls(tr, parts.store)),
        ScreenId.ADMIN_PIN: ScreenSpec(
            "staff.pin_entry.AdminPinScreen",
            lambda cls: cls(staff_tr, parts.admin_worker, admin_gate, now, settings.timezone),
        ),
        ScreenId.ADMIN: ScreenSpec("staff.panel.AdminScreen", staff_panel),
    }
    navigator = Navigator(flow, {sid: spec.build for sid, spec in specs.items()})
    navigator_ref.append(navigator)
    idle = IdleWatcher(settings.idle_timeout_s, settings.idle_warning_s)
    window = KioskWindow(flow, tr, navigator, idle, ReadAloud(settings.speech_engine))
    window_ref.append(window)
    kiosk = Kiosk(data_dir, settings, tr, flow, navigator, window, idle, specs, state_db, now, parts, admin_gate)
    kiosk_ref.append(kiosk)
    navigator.place_changed.connect(
        lambda place: (
            parts.switcher.on_place(place.screen in (ScreenId.HOME, ScreenId.ADMIN))
            if parts.built("switcher")
            else None
        )
    )

    # The admin panel has its own timeout; the visitor idle warning must not end it earlier.
    def on_admin_place(place: Place) -> None:
        idle.set_enabled(place.screen is not ScreenId.ADMIN)
        if place.screen is ScreenId.ADMIN:
            window.hide_idle_warning()

    navigator.place_changed.connect(on_admin_place)
    admin_gate.expired.connect(lambda: window.end_session() if flow.current.screen is ScreenId.ADMIN else None)
    navigator.show_place(flow.current)  # styled by the window's first resize (show)
    return kiosk


def show(kiosk: Kiosk, fullscreen: bool) -> None:
    window = kiosk.window
    if fullscreen:
        # Both by name, not by a ``Qt`` enum (kiosk.ui.qt_names): the frameless hint goes to the
        # native window, whose flags are what Qt's platform layer (xcb, Windows, Wayland) reads.
        window.winId()
        set_enum(window.windowHandle(), "flags", "Window|FramelessWindowHint")
        QApplication.setOverrideCursor(blank_cursor())
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    kiosk.idle.start()
    # The rest of the kiosk, then sync, status file and warm-ups, once Home is on screen: a
    # visitor never waits for them.
    kiosk.parts.build_all_soon(LATE_PARTS_DELAY_MS)
    QTimer.singleShot(BACKGROUND_DELAY_MS, kiosk.start_background)


def enter_out_of_order(kiosk: Kiosk) -> None:
    """Show the out-of-order screen and keep it: every way back to Home lands there again.

    Only the staff gesture leads away from it; a restart (after ``kiosk.ops.crash.clear_crashes``)
    brings the normal kiosk back.
    """
    kiosk.window.before_home(lambda: kiosk.navigator.go(Action.OUT_OF_ORDER))
    kiosk.navigator.go(Action.OUT_OF_ORDER)


def start_kiosk(data_dir: Path, settings: Settings, language: str | None = None) -> Kiosk:
    """``build_kiosk`` plus the crash rule: after 3 crashes within 5 minutes, out of order."""
    from kiosk.ops.crash import too_many_crashes

    kiosk = build_kiosk(data_dir, settings, language)
    if too_many_crashes(data_dir):
        log.warning("3 crashes within 5 minutes: showing the out-of-order screen until staff restart")
        enter_out_of_order(kiosk)
    return kiosk
