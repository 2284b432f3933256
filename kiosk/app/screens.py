"""The screen table: each screen's class and what it is built from.

A screen's module is imported when the screen is first built (a visitor's first tap, or
``kiosk screenshots``), not before Home shows: the twelve other screen modules bring the
content store, printing and the staff area with them, ~0.5 s on the test VM. Each loader
below imports its module by name in code, so a typo is an import error, never a string that
``importlib`` resolves at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.flow import ScreenId
from kiosk.i18n import Translator
from kiosk.screens.home import HomeScreen
from kiosk.settings import Settings
from kiosk.ui.screen import Screen

if TYPE_CHECKING:
    from kiosk.app.clock import Clock
    from kiosk.app.late_parts import LateParts
    from kiosk.screens.staff.gate import AdminGate
    from kiosk.staff.stats import Event


@dataclass(frozen=True)
class ScreenNeeds:
    """Everything the screens are built from, handed over by the composition root."""

    tr: Translator  # the visitor's language
    staff_tr: Translator  # German: the staff area is German only, whatever the visitor chose
    settings: Settings
    clock: Clock
    parts: LateParts  # the content store, printing, tickets ..., built on first use
    admin_gate: AdminGate
    notice: Callable[[], str | None]  # the staff notice on Home, if one is current
    set_language: Callable[[str], None]  # Home's language buttons
    count: Callable[[Event, str], None]  # an anonymous counter (kiosk.staff.stats)
    staff_panel: Callable[[type[Screen]], Screen]  # the panel with its tools (kiosk.app.staff_wiring)


@dataclass(frozen=True)
class ScreenSpec:
    load: Callable[[], type[Screen]]  # imports the screen's module
    make: Callable[[type[Screen], ScreenNeeds], Screen]

    @property
    def cls(self) -> type[Screen]:
        return self.load()

    def build(self, needs: ScreenNeeds) -> Screen:
        return self.make(self.load(), needs)


def _situations() -> type[Screen]:
    from kiosk.screens.situations import SituationsScreen

    return SituationsScreen


def _services() -> type[Screen]:
    from kiosk.screens.services import ServicesScreen

    return ServicesScreen


def _service() -> type[Screen]:
    from kiosk.screens.service import ServiceScreen

    return ServiceScreen


def _office() -> type[Screen]:
    from kiosk.screens.office import OfficeScreen

    return OfficeScreen


def _online() -> type[Screen]:
    from kiosk.screens.online import OnlineScreen

    return OnlineScreen


def _online_service() -> type[Screen]:
    from kiosk.screens.online_service import OnlineServiceScreen

    return OnlineServiceScreen


def _guides() -> type[Screen]:
    from kiosk.screens.guides import GuidesScreen

    return GuidesScreen


def _guide() -> type[Screen]:
    from kiosk.screens.guide import GuideScreen

    return GuideScreen


def _search() -> type[Screen]:
    from kiosk.screens.search import SearchScreen

    return SearchScreen


def _ticket() -> type[Screen]:
    from kiosk.screens.ticket import TicketScreen

    return TicketScreen


def _out_of_order() -> type[Screen]:
    from kiosk.screens.out_of_order import OutOfOrderScreen

    return OutOfOrderScreen


def _admin_pin() -> type[Screen]:
    from kiosk.screens.staff.pin_entry import AdminPinScreen

    return AdminPinScreen


def _admin() -> type[Screen]:
    from kiosk.screens.staff.panel import AdminScreen

    return AdminScreen


def _ticket_screen(cls: type[Screen], n: ScreenNeeds) -> Screen:
    from kiosk.ui.ticket_view import TicketTiming

    s = n.settings
    timing = TicketTiming(s.ticket_return_s, s.ticket_fault_return_s, s.ticket_print_wait_s)
    return cls(n.tr, n.parts.store, n.parts.tickets, n.parts.ticket_desk, n.clock.now, s.timezone, timing)


SCREENS: dict[ScreenId, ScreenSpec] = {
    ScreenId.HOME: ScreenSpec(lambda: HomeScreen, lambda cls, n: cls(n.tr, n.notice, n.set_language)),
    ScreenId.SITUATIONS: ScreenSpec(_situations, lambda cls, n: cls(n.tr, n.parts.store)),
    ScreenId.SERVICES: ScreenSpec(_services, lambda cls, n: cls(n.tr, n.parts.store)),
    ScreenId.SERVICE: ScreenSpec(
        _service,
        lambda cls, n: cls(n.tr, n.parts.store, n.parts.checklist_printer, n.clock.now, n.settings.timezone, n.count),
    ),
    ScreenId.OFFICE: ScreenSpec(_office, lambda cls, n: cls(n.tr, n.parts.store, n.clock.now, n.settings.timezone)),
    ScreenId.ONLINE: ScreenSpec(_online, lambda cls, n: cls(n.tr, n.parts.store)),
    ScreenId.ONLINE_SERVICE: ScreenSpec(
        _online_service, lambda cls, n: cls(n.tr, n.parts.store, n.parts.checklist_printer)
    ),
    ScreenId.GUIDES: ScreenSpec(_guides, lambda cls, n: cls(n.tr, n.parts.store)),
    ScreenId.GUIDE: ScreenSpec(_guide, lambda cls, n: cls(n.tr, n.parts.store, n.parts.checklist_printer)),
    ScreenId.SEARCH: ScreenSpec(
        _search, lambda cls, n: cls(n.tr, n.parts.store, on_no_result=lambda: n.count(_no_result(), ""))
    ),
    ScreenId.TICKET: ScreenSpec(_ticket, _ticket_screen),
    ScreenId.OUT_OF_ORDER: ScreenSpec(_out_of_order, lambda cls, n: cls(n.tr, n.parts.store)),
    ScreenId.ADMIN_PIN: ScreenSpec(
        _admin_pin,
        lambda cls, n: cls(n.staff_tr, n.parts.admin_worker, n.admin_gate, n.clock.now, n.settings.timezone),
    ),
    ScreenId.ADMIN: ScreenSpec(_admin, lambda cls, n: n.staff_panel(cls)),
}


def _no_result() -> Event:
    from kiosk.staff.stats import Event

    return Event.SEARCH_NO_RESULT
