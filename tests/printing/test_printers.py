"""Printer backends: faults come back as values; the file backend writes whole PDFs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.printing.printers import CupsPrinter, Fault, FilePrinter, UnavailablePrinter, make_printer, page_size_option
from kiosk.settings import Settings

PDF = b"%PDF-1.4\n% kiosk test\n%%EOF\n"
needs_lpstat = pytest.mark.skipif(not shutil.which("lpstat"), reason="CUPS client tools (lpstat) not installed")


def test_file_backend_is_the_default_and_writes_into_the_data_dir(data_dir: Path):
    printer = make_printer(Settings(), data_dir)
    result = printer.print_pdf(PDF, "ticket", (80, 90))
    assert isinstance(printer, FilePrinter) and result.ok
    assert Path(result.job).parent == data_dir / "prints" and Path(result.job).read_bytes() == PDF


def test_file_backend_honours_the_output_dir_setting(tmp_path: Path, data_dir: Path):
    printer = make_printer(Settings({"printer_output_dir": str(tmp_path / "out")}), data_dir)
    assert Path(printer.print_pdf(PDF, "handout", (210, 297)).job).parent == tmp_path / "out"


def test_file_backend_reports_an_unwritable_folder_as_a_fault(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    printer = FilePrinter(blocker / "prints")
    assert printer.status().fault == Fault.WRITE_FAILED
    assert printer.print_pdf(PDF, "ticket", (80, 90)).fault == Fault.WRITE_FAILED


def test_qt_backend_without_the_shell_is_unavailable_not_a_crash(data_dir: Path):
    printer = make_printer(Settings({"printer_backend": "qt"}), data_dir)
    assert isinstance(printer, UnavailablePrinter)
    assert printer.print_pdf(PDF, "ticket", (80, 90)).fault == Fault.UNAVAILABLE


def test_roll_page_size_is_custom_and_a4_is_named():
    assert page_size_option((80.0, 97.0)) == "Custom.80x97mm"
    assert page_size_option((210.0, 297.0)) == "A4"


@needs_lpstat
def test_cups_backend_reports_a_stopped_cupsd_without_raising(monkeypatch: pytest.MonkeyPatch):
    # GIVEN lpstat pointed at an address where no cupsd listens
    monkeypatch.setenv("CUPS_SERVER", "127.0.0.1:9")
    result = CupsPrinter("KIOSK", timeout_s=2).print_pdf(PDF, "ticket", (80, 90))
    assert result.fault == Fault.NO_SCHEDULER
    assert result.message == "Der Druckdienst läuft nicht."
