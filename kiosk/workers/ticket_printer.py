"""Ticket printing on top of the shared ``PrintService``: one job per issued ticket.

The service renders (``ticket_pdf``) and prints off the GUI thread; this adapter reports
back only its own jobs, as ``finished(ticket id, JobResult)`` in the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.content.model import Office, QueueCategory
from kiosk.i18n import Translator
from kiosk.printing.printers import JobResult
from kiosk.queue.tickets import Ticket
from kiosk.workers.print_service import PrintService


class TicketPrinter(QObject):
    finished = Signal(int, object)  # ticket id, JobResult

    def __init__(self, service: PrintService, timezone: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.timezone = timezone
        self._jobs: dict[int, int] = {}  # print job id -> ticket id
        service.finished.connect(self._on_finished)

    def start(self, ticket: Ticket, category: QueueCategory, office: Office | None, language: str) -> int:
        """``ticket_pdf`` prints the visitor's language and German below it when they differ
        (Arabic: German only, reportlab cannot shape it)."""
        from kiosk.printing.layouts import ticket_pdf  # page layouts load with the first printout

        tr = Translator(language)
        zone = self.timezone
        job = self.service.submit(lambda: ticket_pdf(ticket, category, office, tr, zone), "ticket")
        self._jobs[job] = ticket.id
        return job

    def _on_finished(self, job: int, result: JobResult) -> None:
        ticket_id = self._jobs.pop(job, None)
        if ticket_id is not None:
            self.finished.emit(ticket_id, result)
