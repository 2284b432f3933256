"""Handout and checklist printing for the screens, on top of the shared ``PrintService``.

The service renders and prints off the GUI thread (one queue for every printout); this
adapter turns "print this guide's checklist / this service's handout in this language"
into a service job and reports back only its own jobs as ``finished(job id, ok, German
message)``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.content.model import Guide, Office, Service
from kiosk.i18n import Translator
from kiosk.printing.pdfdoc import Paper
from kiosk.printing.printers import JobResult
from kiosk.workers.print_service import PrintService, Render


class PaperPrinter(QObject):
    finished = Signal(int, bool, str)  # job id, ok, message (German source, translate when shown)

    def __init__(self, service: PrintService, paper: Paper, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.paper = paper
        self._jobs: set[int] = set()
        service.finished.connect(self._on_finished)

    def _submit(self, render: Render) -> int:
        job = self.service.submit(render, "handout")
        self._jobs.add(job)
        return job

    def start(self, guide: Guide, language: str) -> int:
        """The checklist lists the steps of the guide's longest path (every step a visitor
        may still meet at home), then the guide's own checklist and its QR code."""
        from kiosk.content import guide_walk
        from kiosk.printing.layouts import checklist_pdf  # page layouts load with the first printout

        steps = [guide.step(i) for i in guide_walk.longest_path(guide)]
        tr = Translator(language)
        paper = self.paper
        return self._submit(lambda: checklist_pdf(guide, steps, tr, paper))

    def start_handout(self, service: Service, office: Office | None, url: str | None, language: str) -> int:
        """The service's handout: short text, documents, the office card and the QR code."""
        from kiosk.printing.layouts import handout_pdf

        tr = Translator(language)
        paper = self.paper
        return self._submit(lambda: handout_pdf(service, office, url, tr, paper))

    def _on_finished(self, job: int, result: JobResult) -> None:
        if job in self._jobs:
            self._jobs.discard(job)
            self.finished.emit(job, result.ok, "" if result.ok else result.message)

    def wait(self, timeout_ms: int = 30000) -> bool:
        return self.service.wait(timeout_ms)


ChecklistPrinter = PaperPrinter  # the guide screens' name for it
