"""A print button with its status line, shared by the service, online-service and guide
screens: "Wird gedruckt ..." while the job runs (button disabled: one job per tap), then
"Bitte nehmen Sie ..." or the failure text with the way to continue (the QR code on
screen, or where to go when there is none)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Guide
from kiosk.i18n import N_, Translator
from kiosk.ui.widgets import BigButton, WrapLabel, set_role
from kiosk.workers.handout_printer import PaperPrinter

TAKE_CHECKLIST = N_("Bitte nehmen Sie Ihre Checkliste unten aus dem Drucker.")
SCAN_QR = N_("Sie können den QR-Code mit Ihrem Handy abfotografieren.")
NOT_READY = N_("Der Drucker ist gerade nicht bereit.")


class PrintState(Enum):
    IDLE = "idle"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"


class PrintControl(QWidget):
    """``set_job`` gives what one tap prints (a callable returning the job id) or None.

    ``done`` is the German source of the "take your paper" line; ``fallback`` returns the
    translated way to continue after a failure (called when shown, in the current language).
    """

    def __init__(
        self,
        tr: Translator,
        printer: PaperPrinter,
        name: str,
        done: str = TAKE_CHECKLIST,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.printer = printer
        self.done = done
        self.fallback: Callable[[], str] = lambda: tr.gettext(SCAN_QR)
        self.button = BigButton("primary", "print")
        self.button.setObjectName(name)
        self.button.clicked.connect(self.start)
        self.status = WrapLabel("banner")
        self.status.setObjectName(f"{name}-status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.status)
        self.state = PrintState.IDLE
        self._message = ""
        self._job: Callable[[], int] | None = None
        self._ticket = 0
        printer.finished.connect(self._on_finished)
        self._show_state()

    def set_job(self, job: Callable[[], int] | None) -> None:
        self._job = job
        self.reset()
        self.setVisible(job is not None)

    def reset(self) -> None:
        self.state = PrintState.IDLE
        self._ticket = 0
        self._message = ""
        self._show_state()

    def start(self) -> None:
        if self._job is None or self.state is PrintState.PRINTING:
            return  # a second tap while printing must not print twice
        self.state = PrintState.PRINTING
        self._ticket = self._job()
        self._show_state()

    def _on_finished(self, ticket: int, ok: bool, message: str) -> None:
        if ticket != self._ticket:
            return  # another screen's job, or one from a session that has ended
        self.state = PrintState.DONE if ok else PrintState.FAILED
        self._message = message
        self._show_state()

    def _show_state(self) -> None:
        roles = {PrintState.DONE: "status-ok", PrintState.FAILED: "status-alert"}
        set_role(self.status, roles.get(self.state, "banner"))
        self.status.setVisible(self.state is not PrintState.IDLE)
        self.button.setEnabled(self.state is not PrintState.PRINTING)
        self.retranslate()

    def retranslate(self) -> None:
        """The status line only; the owning screen sets the button's text."""
        _ = self.tr_.gettext
        texts = {
            PrintState.IDLE: "",
            PrintState.PRINTING: _("Wird gedruckt ..."),
            PrintState.DONE: _(self.done),
            # a printer's message is German source marked with N_ where it is made
            PrintState.FAILED: f"{_(self._message) if self._message else _(NOT_READY)} {self.fallback()}",
        }
        self.status.setText(texts[self.state])


class ChecklistPrintControl(PrintControl):
    """Prints a guide's checklist (online-service and guide screens)."""

    def set_guide(self, guide: Guide | None) -> None:
        self.set_job(None if guide is None else lambda: self.printer.start(guide, self.tr_.code))
