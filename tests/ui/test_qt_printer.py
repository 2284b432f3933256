"""The Windows boundary backend, exercised offscreen: QtPdf renders our PDF into a
QPrinter whose output is a PDF file, so we can measure what it would have printed."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.i18n import Translator
from kiosk.printing.layouts import ticket_pdf
from kiosk.printing.printers import Fault
from kiosk.queue.tickets import Ticket

pytest.importorskip("PySide6.QtPdf", reason="QtPdf comes with pyside6-addons")
from kiosk.workers.qt_printer import QtPrinter


@pytest.fixture
def ticket_document(default_content):
    queue = default_content.queues[0]
    ticket = Ticket(1, queue.id, "A", 17, 3, "2026-11-23", datetime(2026, 11, 23, 9, 5, tzinfo=UTC))
    return ticket_pdf(ticket, queue, None, Translator("de"))


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils missing")
def test_qt_backend_renders_the_ticket_onto_an_80_mm_page(qapp, ticket_document, tmp_path: Path):
    out = tmp_path / "qt.pdf"
    result = QtPrinter("ignored", output_file=out).print_pdf(
        ticket_document.data, "ticket", ticket_document.page_size_mm
    )
    assert result.ok, result
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    width_pt, height_pt = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert round(width_pt / 72 * 25.4) == 80
    assert round(height_pt / 72 * 25.4) == round(ticket_document.page_size_mm[1])


def test_qt_backend_reports_an_unknown_printer_as_missing(qapp, ticket_document):
    result = QtPrinter("no-such-printer-here").print_pdf(ticket_document.data, "ticket", ticket_document.page_size_mm)
    assert result.fault == Fault.QUEUE_MISSING


def test_qt_backend_reports_a_broken_pdf_as_a_fault(qapp, tmp_path: Path):
    result = QtPrinter("x", output_file=tmp_path / "o.pdf").print_pdf(b"not a pdf", "ticket", (80, 90))
    assert result.fault == Fault.SUBMIT_FAILED
