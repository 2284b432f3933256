"""Printing through a real cupsd and the cups-pdf queue KIOSK (.ci/cups-setup.sh sets it up).

The cups-pdf "printer" writes each job as a PDF into its Out folder, so we can check what
would have come out of the roll printer: its width, the number and the URL.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from kiosk.i18n import Translator
from kiosk.printing.layouts import handout_pdf, ticket_pdf
from kiosk.printing.pdfdoc import Paper
from kiosk.printing.printers import CupsPrinter, Fault

from .conftest import URL
from .pdftools import page_mm, text

QUEUE = "KIOSK"


def _queue_ready() -> str:
    if not shutil.which("lpstat"):
        return "CUPS client tools not installed (run .ci/cups-setup.sh)"
    out = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, env=os.environ | {"LANG": "C"})
    if out.returncode != 0:
        return f"no {QUEUE} queue or cupsd not running (run .ci/cups-setup.sh)"
    return ""


pytestmark = [pytest.mark.cups, pytest.mark.skipif(bool(_queue_ready()), reason=_queue_ready() or "ready")]


def _out_dir() -> Path:
    """cups-pdf's Out folder from its config; ${HOME} is the submitting user's home."""
    conf = Path("/etc/cups/cups-pdf.conf")
    out = "${HOME}/PDF"
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            if re.match(r"^\s*Out\s+", line):
                out = line.split(None, 1)[1].strip()
    return Path(out.replace("${HOME}", str(Path.home())))


def _output_of(job: str, timeout: float = 10.0) -> Path:
    number = job.rsplit("-", 1)[1]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = sorted(_out_dir().glob(f"*job_{number}.pdf"))
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"cups-pdf wrote no file for {job} in {_out_dir()}")


def test_ticket_printed_through_cups_comes_out_80_mm_wide_with_its_number(ticket, queue, offices, tmp_path):
    pdf = ticket_pdf(ticket, queue, offices[queue.office_id], Translator("de"))
    result = CupsPrinter(QUEUE).print_pdf(pdf.data, "ticket", pdf.page_size_mm)
    assert result.ok, result
    out = _output_of(result.job)
    assert round(page_mm(out, tmp_path)[0]) == 80
    assert f"{queue.prefix} 017" in text(out, tmp_path)


def test_roll_handout_printed_through_cups_is_80_mm_wide_with_the_url(service, offices, tmp_path):
    pdf = handout_pdf(service, offices["sozialbuero"], URL, Translator("de"), Paper.ROLL)
    result = CupsPrinter(QUEUE).print_pdf(pdf.data, "handout", pdf.page_size_mm)
    assert result.ok, result
    out = _output_of(result.job)
    assert round(page_mm(out, tmp_path)[0]) == 80
    assert URL in text(out, tmp_path)


@pytest.fixture
def paper_out():
    subprocess.run(["cupsdisable", "-r", "paper out", QUEUE], check=True)
    yield
    subprocess.run(["cupsenable", QUEUE], check=True)


def test_disabled_queue_paper_out_is_reported_within_3_seconds(paper_out, ticket, queue, offices):
    # GIVEN staff or the driver disabled the queue with "paper out"
    pdf = ticket_pdf(ticket, queue, offices[queue.office_id], Translator("de"))
    started = time.monotonic()
    # WHEN a ticket is printed  THEN the fault comes back quickly, as a value, with the reason
    result = CupsPrinter(QUEUE).print_pdf(pdf.data, "ticket", pdf.page_size_mm)
    assert time.monotonic() - started < 3
    assert result.fault == Fault.DISABLED and "paper out" in result.detail


def test_job_stuck_after_submission_times_out_and_is_cancelled(ticket, queue, offices):
    # GIVEN a job submitted and then the queue disabled before it is processed
    printer = CupsPrinter(QUEUE, timeout_s=1.0)
    pdf = ticket_pdf(ticket, queue, offices[queue.office_id], Translator("de"))
    subprocess.run(["cupsdisable", "-r", "paper out", QUEUE], check=True)
    try:
        submitted = printer.submit(pdf.data, "ticket", pdf.page_size_mm)
        # WHEN waiting for it  THEN it fails with the queue's reason and is not left to print later
        result = printer.wait(submitted.job)
        pending = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True).stdout
    finally:
        subprocess.run(["cupsenable", QUEUE], check=True)
    assert result.fault == Fault.DISABLED and submitted.job not in pending


def test_missing_queue_is_reported_as_not_set_up():
    assert CupsPrinter("KIOSK_DOES_NOT_EXIST").status().fault == Fault.QUEUE_MISSING
