"""Wartemarke ziehen: Home -> concern -> number on screen and on paper -> Home; faults.

A real kiosk on the default content with the real ``file`` printer backend (or a real
failing one). The wall clock is the one fake (a boundary): a fixed Monday morning, when
every default queue issues, or a Saturday, when none does.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from kiosk.app import Kiosk
from kiosk.flow import ScreenId
from kiosk.printing.printers import (
    CupsPrinter,
    Fault,
    FilePrinter,
    JobResult,
    Kind,
    PrinterStatus,
    UnavailablePrinter,
)
from kiosk.queue.tickets import Ticket
from kiosk.ui.widgets import BigButton, WrapLabel
from tests.printing.pdftools import needs_poppler, page_mm, text
from tests.ui.conftest import MONDAY_0930

BERLIN = ZoneInfo("Europe/Berlin")

SATURDAY_1000 = datetime(2026, 11, 21, 10, 0, tzinfo=BERLIN)
QUICK = {"ticket_return_s": 0.3, "ticket_fault_return_s": 60.0}


class NeverFinishingPrinter:
    """Fake at the boundary: a printer that takes the job and does not answer until the
    test releases it (a jammed roll printer, a spooler that hangs)."""

    name = "fake:never-finishing"

    def __init__(self, folder: Path) -> None:
        self.release = threading.Event()
        self.file = FilePrinter(folder)

    def status(self) -> PrinterStatus:
        return PrinterStatus(Fault.OK)

    def print_pdf(self, pdf: bytes, kind: Kind, page_size_mm: tuple[float, float]) -> JobResult:
        self.release.wait(30)
        return self.file.print_pdf(pdf, kind, page_size_mm)


def _button(kiosk: Kiosk, name: str) -> BigButton:
    button = kiosk.window.findChild(BigButton, name)
    assert button is not None and button.isVisible(), name
    return button


def _tap(qtbot, kiosk: Kiosk, name: str) -> None:
    button = _button(kiosk, name)
    qtbot.wait(200)  # the kinetic scroller swallows a press right after the last one; people are slower
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _label(kiosk: Kiosk, name: str) -> WrapLabel:
    return kiosk.navigator.current_screen.findChild(WrapLabel, name)


def _take_ticket(qtbot, kiosk: Kiosk, category_id: str = "beratung") -> None:
    _tap(qtbot, kiosk, "home-ticket")
    assert kiosk.flow.current.screen is ScreenId.TICKET
    _tap(qtbot, kiosk, f"item-{category_id}")


def _issued(kiosk: Kiosk, qtbot) -> Ticket:
    with qtbot.waitSignal(kiosk.ticket_desk.issued, timeout=10000) as signal:
        pass
    result = signal.args[1]
    assert isinstance(result, Ticket), result
    return result


def _ticket_rows(kiosk: Kiosk) -> list[tuple]:
    return kiosk.state_db.execute("SELECT number, printed, print_reason FROM tickets").fetchall()


def _wait_recorded(qtbot, kiosk: Kiosk) -> None:
    def recorded() -> bool:
        rows = _ticket_rows(kiosk)
        return bool(rows) and all(row[1] is not None for row in rows)

    qtbot.waitUntil(recorded, timeout=15000)


@needs_poppler
def test_journey_home_concern_number_on_screen_and_paper_then_home_again(qtbot, make_kiosk, tmp_path):
    # GIVEN the kiosk on a Monday morning with the file printer
    prints = tmp_path / "prints"
    kiosk = make_kiosk(FilePrinter(prints), **QUICK)
    # WHEN the visitor taps "Wartemarke ziehen" and then their concern
    _tap(qtbot, kiosk, "home-ticket")
    assert _button(kiosk, "item-beratung").text().startswith("Beratung im Sozialbüro\nWartebereich A")
    with qtbot.waitSignal(kiosk.ticket_desk.issued, timeout=10000) as issued:
        _tap(qtbot, kiosk, "item-beratung")
    ticket = issued.args[1]
    # THEN the number shows large, with where to wait
    assert _label(kiosk, "ticket-number").text() == ticket.display == "A 01"
    assert "Wartebereich A" in _label(kiosk, "ticket-where").text()
    # AND it is printed (the PDF says the number) and recorded as printed
    qtbot.waitUntil(lambda: "Bitte entnehmen Sie Ihre Wartemarke." in _label(kiosk, "ticket-status").text())
    (pdf,) = prints.glob("ticket-*.pdf")
    assert "A 01" in text(pdf, tmp_path) and round(page_mm(pdf, tmp_path)[0]) == 80
    _wait_recorded(qtbot, kiosk)
    assert _ticket_rows(kiosk) == [(1, 1, "")]
    # AND after the return time the kiosk is on Home again
    qtbot.waitUntil(lambda: kiosk.flow.current.screen is ScreenId.HOME, timeout=5000)


def test_double_tap_issues_exactly_one_ticket(qtbot, make_kiosk, tmp_path):
    # GIVEN the category list
    kiosk = make_kiosk(FilePrinter(tmp_path / "prints"), ticket_return_s=60.0)
    _tap(qtbot, kiosk, "home-ticket")
    button = _button(kiosk, "item-grundsicherung")
    # WHEN the visitor taps twice in quick succession
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # THEN every button is disabled by the first tap already, before any result is back
    assert not any(b.isEnabled() for b in kiosk.navigator.current_screen.choices.buttons)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    button.click()
    _wait_recorded(qtbot, kiosk)
    kiosk.ticket_desk.wait()
    # AND exactly one number was issued and printed
    assert _ticket_rows(kiosk) == [(100, 1, "")]
    assert len(list((tmp_path / "prints").glob("ticket-*.pdf"))) == 1


@pytest.mark.parametrize(
    ("printer", "fault"),
    [
        (UnavailablePrinter("qt", "no Qt printing here"), "unavailable"),
        (CupsPrinter("KIOSK_DOES_NOT_EXIST", timeout_s=10), None),  # queue missing, or no cupsd at all
    ],
    ids=["unavailable", "cups-queue-missing"],
)
def test_failing_printer_keeps_the_number_on_screen_and_records_not_printed(qtbot, make_kiosk, printer, fault):
    # GIVEN a printer that cannot print
    kiosk = make_kiosk(printer, **QUICK)
    # WHEN a ticket is taken
    _take_ticket(qtbot, kiosk)
    ticket = _issued(kiosk, qtbot)
    # THEN the visitor is asked to note the number, which stays large on screen
    status = _label(kiosk, "ticket-status")
    qtbot.waitUntil(lambda: "Bitte merken Sie sich Ihre Nummer." in status.text(), timeout=3000)
    assert "Der Drucker ist gerade nicht bereit." in status.text()
    assert _label(kiosk, "ticket-number").text() == ticket.display
    # AND the ticket is recorded as not printed, with the fault code
    _wait_recorded(qtbot, kiosk)
    ((_number, printed, reason),) = _ticket_rows(kiosk)
    assert printed == 0 and reason in ({fault} if fault else {"queue_missing", "no_scheduler"})
    # AND the screen stays longer than the short return time, so the number can be noted
    qtbot.wait(600)
    assert kiosk.flow.current.screen is ScreenId.TICKET


def test_printer_that_does_not_finish_is_told_within_3_s_and_the_late_result_recorded(qtbot, make_kiosk, tmp_path):
    # GIVEN a printer that takes the job and hangs (print_wait_s is the default 3 s)
    printer = NeverFinishingPrinter(tmp_path / "prints")
    kiosk = make_kiosk(printer)
    # WHEN a ticket is taken
    _take_ticket(qtbot, kiosk)
    ticket = _issued(kiosk, qtbot)
    # THEN without any answer from the printer the screen says to note the number (by 3 s)
    status = _label(kiosk, "ticket-status")
    qtbot.waitUntil(lambda: "Bitte merken Sie sich Ihre Nummer." in status.text(), timeout=3500)
    assert _label(kiosk, "ticket-number").text() == ticket.display
    assert kiosk.tickets.printed(ticket.id) is None  # nothing known yet: nothing recorded
    # WHEN the printer finally gets the job out  THEN that outcome is recorded and shown
    printer.release.set()
    _wait_recorded(qtbot, kiosk)
    assert kiosk.tickets.printed(ticket.id) is True
    assert "Bitte entnehmen Sie Ihre Wartemarke." in status.text()


def test_tap_on_the_printed_number_returns_home_early(qtbot, make_kiosk, tmp_path):
    kiosk = make_kiosk(FilePrinter(tmp_path / "prints"), ticket_return_s=60.0)
    _take_ticket(qtbot, kiosk)
    qtbot.waitUntil(lambda: "Bitte entnehmen" in _label(kiosk, "ticket-status").text(), timeout=10000)
    qtbot.mouseClick(_label(kiosk, "ticket-number"), Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.HOME


def test_paused_category_shows_the_staff_reason_and_cannot_be_tapped(qtbot, make_kiosk, tmp_path):
    # GIVEN staff paused one category with a reason
    kiosk = make_kiosk(FilePrinter(tmp_path / "prints"))
    kiosk.tickets.pause("wohngeld", "Heute nur mit Termin")
    # WHEN the visitor opens the ticket screen
    _tap(qtbot, kiosk, "home-ticket")
    # THEN that button says why and is disabled; the others still issue
    button = _button(kiosk, "item-wohngeld")
    assert "Die Ausgabe ist gerade unterbrochen: Heute nur mit Termin" in button.text()
    assert not button.isEnabled() and _button(kiosk, "item-beratung").isEnabled()


def test_outside_issuing_hours_says_when_tickets_come_again_and_where_to_go_now(qtbot, make_kiosk, tmp_path):
    # GIVEN a Saturday, when no default queue issues
    kiosk = make_kiosk(FilePrinter(tmp_path / "prints"), at=SATURDAY_1000)
    # WHEN the visitor opens the ticket screen
    _tap(qtbot, kiosk, "home-ticket")
    # THEN it says so, when the first tickets come again, and points to the Infothek
    notice = _label(kiosk, "ticket-notice").text()
    assert "Zurzeit werden keine Wartemarken ausgegeben." in notice
    assert "Wartemarken gibt es wieder am Montag ab 07:30 Uhr." in notice
    assert "Infothek" in kiosk.navigator.current_screen.infothek_text.text()
    assert "am Montag ab 09:00 Uhr" in _button(kiosk, "item-beratung").text()
    assert not any(b.isEnabled() for b in kiosk.navigator.current_screen.choices.buttons)


def test_daily_cap_reached_says_so_plainly(qtbot, make_kiosk, tmp_path):
    # GIVEN all 60 numbers of the Sozialbüro's daily cap issued today
    kiosk = make_kiosk(FilePrinter(tmp_path / "prints"))
    category = kiosk.store.queue("beratung")
    for _ in range(category.daily_cap):
        assert isinstance(kiosk.tickets.issue(category, MONDAY_0930), Ticket)
    # WHEN the visitor opens the ticket screen  THEN that button says so and is disabled
    _tap(qtbot, kiosk, "home-ticket")
    button = _button(kiosk, "item-beratung")
    assert "Für heute sind alle Wartemarken vergeben." in button.text() and not button.isEnabled()


def _ticket_pdf_language(tmp_path: Path, make_kiosk, qtbot, language: str) -> str:
    prints = tmp_path / "prints"
    kiosk = make_kiosk(FilePrinter(prints))
    kiosk.window.set_language(language)
    _take_ticket(qtbot, kiosk, "wohngeld")
    _wait_recorded(qtbot, kiosk)
    (pdf,) = prints.glob("ticket-*.pdf")
    return text(pdf, tmp_path)


@needs_poppler
def test_ticket_is_printed_in_the_visitors_language_and_in_german(qtbot, make_kiosk, tmp_path):
    printed = _ticket_pdf_language(tmp_path, make_kiosk, qtbot, "tr")
    assert "C 300" in printed and "Konut yardımı" in printed and "Wohngeld" in printed
