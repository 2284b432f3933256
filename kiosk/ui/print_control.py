"""A "print the checklist" button with its status line, shared by the online-service and
guide screens: "Wird gedruckt ..." while the job runs, then "Bitte nehmen Sie Ihre
Checkliste" or the failure text (the QR code stays on screen as the way to continue)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Guide
from kiosk.i18n import Translator
from kiosk.ui.print_worker import ChecklistPrinter
from kiosk.ui.widgets import BigButton, WrapLabel, set_role


class PrintState(Enum):
    IDLE = "idle"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"


class ChecklistPrintControl(QWidget):
    def __init__(self, tr: Translator, printer: ChecklistPrinter, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.printer = printer
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
        self._guide: Guide | None = None
        self._ticket = 0
        printer.finished.connect(self._on_finished)
        self._show_state()

    def set_guide(self, guide: Guide | None) -> None:
        self._guide = guide
        self.reset()
        self.setVisible(guide is not None)

    def reset(self) -> None:
        self.state = PrintState.IDLE
        self._ticket = 0
        self._message = ""
        self._show_state()

    def start(self) -> None:
        if self._guide is None or self.state is PrintState.PRINTING:
            return  # a second tap while printing must not print twice
        self.state = PrintState.PRINTING
        self._ticket = self.printer.start(self._guide, self.tr_.code)
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
            PrintState.DONE: _("Bitte nehmen Sie Ihre Checkliste unten aus dem Drucker."),
            # a printer's message is German source marked with N_ where it is made
            PrintState.FAILED: (_(self._message) if self._message else _("Der Drucker ist gerade nicht bereit."))
            + " "
            + _("Sie können den QR-Code mit Ihrem Handy abfotografieren."),
        }
        self.status.setText(texts[self.state])
