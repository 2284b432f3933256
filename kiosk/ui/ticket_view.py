"""The issued number, large, with where to wait and whether the paper came out.

Part of the ticket screen (kept apart so the screen stays short). The number stays
readable whatever the printer does: on a fault the status line asks the visitor to note
it. A tap anywhere is reported as ``tapped``; the screen decides what it means.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.printing.printers import Fault
from kiosk.ui.widgets import BigButton, WrapLabel, set_role


class PrintState(Enum):
    PRINTING = "printing"  # job under way, not yet long
    DONE = "done"  # paper came out
    SLOW = "slow"  # still not done after ``print_wait_s``: told as a fault, the job goes on
    FAILED = "failed"  # the printer said no (or gave up)


@dataclass(frozen=True, slots=True)
class TicketTiming:
    """From settings: how long the number stays, and when "still printing" becomes a fault."""

    return_s: float = 8.0
    fault_return_s: float = 45.0
    print_wait_s: float = 3.0


class TicketNumberView(QWidget):
    tapped = Signal()
    done = Signal()

    def __init__(self, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.caption = WrapLabel("subtitle")
        self.number = WrapLabel("big-number")
        self.number.setObjectName("ticket-number")
        self.concern = WrapLabel("subtitle")
        self.where = WrapLabel()
        self.where.setObjectName("ticket-where")
        self.status = WrapLabel("banner")
        self.status.setObjectName("ticket-status")
        self.hint = WrapLabel("muted")
        self.finish = BigButton("primary", "check_circle")
        self.finish.setObjectName("ticket-done")
        self.finish.clicked.connect(self.done)
        for label in (self.caption, self.number, self.concern, self.where, self.status, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # the number reads left to right in every language ("A 017", also in Arabic)
        self.number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        for widget in (self.caption, self.number, self.concern, self.where, self.status, self.hint):
            layout.addWidget(widget)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.finish, 2)
        row.addStretch(1)
        layout.addLayout(row)
        self.state = PrintState.PRINTING
        self.fault: Fault | None = None

    def show_ticket(self, display: str, concern: str, where: str) -> None:
        self.number.setText(display)
        self.concern.setText(concern)
        self.where.setText(where)
        self.set_state(PrintState.PRINTING)

    def set_state(self, state: PrintState, fault: Fault | None = None) -> None:
        self.state, self.fault = state, fault
        roles = {PrintState.DONE: "status-ok", PrintState.SLOW: "status-alert", PrintState.FAILED: "status-alert"}
        set_role(self.status, roles.get(state, "banner"))
        self.retranslate()

    def retranslate(self) -> None:
        _ = self.tr_.gettext
        self.caption.setText(_("Ihre Nummer:"))
        self.hint.setText(_("Bitte warten Sie im Wartebereich. Ihre Nummer wird auf dem Bildschirm aufgerufen."))
        self.finish.setText(_("Fertig"))
        if self.state is PrintState.PRINTING:
            text = _("Ihre Wartemarke wird gedruckt ...")
        elif self.state is PrintState.DONE:
            text = _("Bitte entnehmen Sie Ihre Wartemarke.")
        else:  # the technical reason (e.g. paper out) is for staff: recorded, not shown
            text = _("Der Drucker ist gerade nicht bereit. Bitte merken Sie sich Ihre Nummer.")
        self.status.setText(text)

    def main_text(self) -> str:
        parts = (self.caption, self.number, self.concern, self.where, self.status, self.hint)
        return " ".join(label.text() for label in parts)

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        self.tapped.emit()
