"""The ticket screen printing through a real cupsd and the cups-pdf queue KIOSK.

The issue's acceptance: a ticket taken on screen comes out of the ``cups`` backend 80 mm
wide with its number; with the queue disabled ("paper out") the visitor sees the fault
at once, the number stays, and the ticket is recorded as not printed.
"""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from kiosk.printing.printers import CupsPrinter
from tests.printing.pdftools import page_mm, text
from tests.printing.test_cups import QUEUE, _output_of, _queue_ready
from tests.ui.test_ticket_screen import _button, _label, _tap, _ticket_rows, _wait_recorded

pytestmark = [pytest.mark.cups, pytest.mark.skipif(bool(_queue_ready()), reason=_queue_ready() or "ready")]


def test_ticket_taken_on_screen_comes_out_of_cups_80_mm_wide_with_its_number(qtbot, make_kiosk, tmp_path):
    # GIVEN the kiosk printing to the real KIOSK queue
    kiosk = make_kiosk(CupsPrinter(QUEUE), ticket_return_s=60.0)
    _tap(qtbot, kiosk, "home-ticket")
    # WHEN the visitor takes a ticket
    with qtbot.waitSignal(kiosk.ticket_desk.printed, timeout=15000) as printed:
        qtbot.mouseClick(_button(kiosk, "item-wohngeld"), Qt.MouseButton.LeftButton)
    ticket_id, result = printed.args
    # THEN cups-pdf wrote it: 80 mm wide, with the number shown on screen
    assert result.ok, result
    number = _label(kiosk, "ticket-number").text()
    out = _output_of(result.job)
    assert round(page_mm(out, tmp_path)[0]) == 80 and number in text(out, tmp_path)
    _wait_recorded(qtbot, kiosk)
    assert kiosk.tickets.printed(ticket_id) is True


@pytest.fixture
def paper_out():
    subprocess.run(["cupsdisable", "-r", "paper out", QUEUE], check=True)
    yield
    subprocess.run(["cupsenable", QUEUE], check=True)


def test_paper_out_shows_the_fault_on_screen_and_records_not_printed(qtbot, make_kiosk, paper_out):
    # GIVEN the KIOSK queue disabled with "paper out"
    kiosk = make_kiosk(CupsPrinter(QUEUE), ticket_return_s=60.0)
    _tap(qtbot, kiosk, "home-ticket")
    # WHEN the visitor takes a ticket
    _tap(qtbot, kiosk, "item-wohngeld")
    # THEN within 3 s the screen asks to note the number, which stays on screen
    status = _label(kiosk, "ticket-status")
    qtbot.waitUntil(lambda: "Bitte merken Sie sich Ihre Nummer." in status.text(), timeout=3000)
    assert _label(kiosk, "ticket-number").text().startswith("C ")
    # AND the ticket is recorded as not printed because the printer is disabled
    _wait_recorded(qtbot, kiosk)
    assert [row[1:] for row in _ticket_rows(kiosk)] == [(0, "disabled")]
