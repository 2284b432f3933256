"""The ``qt`` printer backend: a **Windows boundary**. On the office PCs there is no CUPS;
the Windows spooler is reached through ``QPrinter``.

Why render the PDF with QtPdf (in the ``pyside6-addons`` wheel, extra "windows") instead of drawing the layout with
QPainter: the paper then comes from one layout code path (reportlab) on every platform,
and what the CUPS tests check is exactly what Windows prints. Pages are rasterised at the
printer's resolution (capped at 300 dpi; thermal roll printers have 203 dpi), which is
sharp enough for text and QR codes.

Faults are values like every backend. The spooler cannot report paper-out before a job
(FACTS.md); ``status`` reports a missing printer or one in the Error state. Call from a
worker thread; QPainter on a QPrinter does not need the GUI thread.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.printing.printers import Fault, JobResult, Kind, Printer, PrinterStatus

MAX_DPI = 300


class QtPrinter:
    """Prints to the named Windows (or any Qt-visible) printer; with ``output_file`` it
    writes a PDF instead (used by tests, and to check the path on a PC without a printer)."""

    def __init__(self, printer_name: str, timeout_s: float = 10.0, output_file: Path | None = None) -> None:
        self.printer_name = printer_name
        self.timeout_s = timeout_s  # the spooler takes the job at once; kept for the interface
        self.output_file = output_file
        self.name = f"qt:{output_file or printer_name}"

    def status(self) -> PrinterStatus:
        if self.output_file is not None:
            return PrinterStatus(Fault.OK, f"PDF output {self.output_file}")
        info = QPrinterInfo.printerInfo(self.printer_name)
        if info.isNull():
            return PrinterStatus(Fault.QUEUE_MISSING, f"no printer named {self.printer_name!r}")
        if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            return PrinterStatus(Fault.DISABLED, f"printer state {info.state().name}")
        return PrinterStatus(Fault.OK, f"printer state {info.state().name}")

    def print_pdf(self, pdf: bytes, kind: Kind, page_size_mm: tuple[float, float]) -> JobResult:
        status = self.status()
        if not status.ok:
            return JobResult(status.fault, status.detail)
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / f"{kind}.pdf"
            source.write_bytes(pdf)
            document = QPdfDocument()
            if document.load(str(source)) != QPdfDocument.Error.None_:
                return JobResult(Fault.SUBMIT_FAILED, f"QtPdf could not read the PDF: {document.status().name}")
            ok = self._paint(document, page_size_mm)
            document.close()
        if not ok:
            return JobResult(Fault.SUBMIT_FAILED, "QPainter could not start or finish the job")
        return JobResult(Fault.OK, job=str(self.output_file or self.printer_name))

    def _paint(self, document: QPdfDocument, page_size_mm: tuple[float, float]) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.output_file is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
        else:
            printer.setPrinterName(self.printer_name)
        printer.setFullPage(True)
        size = QPageSize(
            QSizeF(*page_size_mm), QPageSize.Unit.Millimeter, "kiosk", QPageSize.SizeMatchPolicy.ExactMatch
        )
        printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            target: QRect = printer.pageLayout().fullRectPixels(printer.resolution())
            dpi = min(printer.resolution(), MAX_DPI)
            for index in range(document.pageCount()):
                if index and not printer.newPage():
                    return False
                points = document.pagePointSize(index)
                pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                painter.drawImage(target, document.render(index, pixels))
        finally:
            ended = painter.end()
        return ended


def qt_printer_factory() -> Callable[[str, float], Printer]:
    """What ``make_printer`` needs for ``printer_backend = "qt"``; makes sure a Qt
    application exists (the CLI has none)."""
    if QGuiApplication.instance() is None:
        from PySide6.QtWidgets import QApplication

        QApplication([])

    def factory(queue: str, timeout_s: float) -> Printer:
        return QtPrinter(queue, timeout_s)

    return factory
