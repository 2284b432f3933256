"""Wartemarke ziehen: choose the concern, get a number, take the paper.

One large button per queue category (from content) with its waiting area; a category
that gives no ticket right now says why on its button (paused by staff with their reason,
outside issuing hours with when again, daily cap). One tap disables every button at
once, so a double tap never issues two numbers. Issuing, printing and recording run in
the ``TicketDesk`` worker (its docstring says why); the screen only shows results.

The number stays large on screen. If the paper has not come out after ``print_wait_s``
the visitor is told at once to note the number (the final outcome is still recorded when
it comes); then the screen stays ``fault_return_s`` instead of ``return_s``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.content import hours
from kiosk.content.hours_text import status_text
from kiosk.content.model import Office, QueueCategory, localized
from kiosk.content.store import ContentStore
from kiosk.flow import ScreenId
from kiosk.i18n import Translator
from kiosk.printing.printers import Fault, JobResult
from kiosk.queue.ticket_text import again_text, earliest_again, refusal_text
from kiosk.queue.tickets import Refusal, Ticket, TicketService, availability, format_number
from kiosk.ui.screen import Screen
from kiosk.ui.ticket_view import PrintState, TicketNumberView, TicketTiming
from kiosk.ui.widgets import ButtonList, Card, KineticScrollArea, WrapLabel, set_role
from kiosk.workers.ticket_desk import TicketDesk


class TicketScreen(Screen):
    screen_id = ScreenId.TICKET

    def __init__(
        self,
        tr: Translator,
        store: ContentStore,
        tickets: TicketService,
        desk: TicketDesk,
        now: Callable[[], datetime],
        timezone: str,
        timing: TicketTiming,
        parent: QWidget | None = None,
    ) -> None:
        """``tickets`` is the GUI thread's service, used here only to read pauses and
        counts; every write goes through ``desk``."""
        super().__init__(tr, parent)
        self.store, self.tickets, self.desk, self.now, self.timing = store, tickets, desk, now, timing
        self.timezone = timezone
        self.title = WrapLabel("title")
        self.subtitle = WrapLabel("muted")
        self.notice = WrapLabel("banner")
        self.notice.setObjectName("ticket-notice")
        self.infothek = Card()
        self.infothek.setObjectName("ticket-infothek")
        self.infothek_text = WrapLabel()
        self.infothek_status = WrapLabel("muted")
        self.infothek.inner.addWidget(self.infothek_text)
        self.infothek.inner.addWidget(self.infothek_status)
        self.choices = ButtonList(min_column_px=720)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.notice, self.infothek, self.choices):
            column.addWidget(widget)
        column.addStretch(1)
        choose = QWidget()
        choose_layout = QVBoxLayout(choose)
        choose_layout.setContentsMargins(0, 0, 0, 0)
        choose_layout.addWidget(self.title)
        choose_layout.addWidget(self.subtitle)
        choose_layout.addWidget(KineticScrollArea(holder), 1)
        self.result = TicketNumberView(tr)
        self.result.tapped.connect(self._on_result_tapped)
        self.result.done.connect(self.go_home.emit)
        self.pages = QStackedWidget()
        self.pages.addWidget(choose)
        self.pages.addWidget(self.result)
        self.body.addWidget(self.pages)
        self._slow = QTimer(self, singleShot=True, timeout=self._on_slow)
        self._return = QTimer(self, singleShot=True, timeout=self.go_home.emit)
        self._categories: tuple[QueueCategory, ...] = ()
        self._refusals: list[Refusal | None] = []
        self._local = now()
        self._refused: Refusal | None = None  # a tap that got no ticket
        self._request = 0  # the issue request this screen waits for; 0: none
        self._ticket_id = 0  # the shown ticket, whose print outcome is awaited
        self._shown_category: QueueCategory | None = None
        desk.issued.connect(self._on_issued)
        desk.printed.connect(self._on_printed)

    # --- entering -----------------------------------------------------------------------
    def on_enter(self, params: Mapping[str, Any]) -> None:
        """``at`` (ISO time) shows the buttons as they are then, ``show`` a number in a print
        state: both for ``kiosk screenshots``, drawn by the same code, never issuing."""
        self._reset()
        self._categories = self.store.queues()
        at = params.get("at")
        self._local = datetime.fromisoformat(at).replace(tzinfo=ZoneInfo(self.timezone)) if at else self.now()
        self.choices.set_items([(c.id, "confirmation_number") for c in self._categories], self._take)
        self._refresh()
        shown = params.get("show")
        if shown:
            category = self.store.queue(shown["category_id"]) or self._categories[0]
            display = format_number(category.prefix, shown["number"], len(str(category.last)))
            self._show_number(display, category)
            fault = Fault(shown.get("print", "ok"))
            self._show_outcome(JobResult(fault), start_timer=False)

    def _refresh(self) -> None:
        """Which categories give a ticket now; enable exactly those."""
        paused = self.tickets.pauses()
        issued = self.tickets.issued_today(self._local)
        self._refusals = [availability(c, self._local, paused, issued) for c in self._categories]
        for button, refusal in zip(self.choices.buttons, self._refusals, strict=True):
            button.setEnabled(refusal is None)

    def _reset(self) -> None:
        self._slow.stop()
        self._return.stop()
        self._request = self._ticket_id = 0
        self._refused = None
        self.pages.setCurrentIndex(0)
        self.result.show_ticket("", "", "")

    def on_leave(self) -> None:
        self._reset()  # a number issued meanwhile still prints and is recorded by the desk

    # --- the tap --------------------------------------------------------------------------
    def _take(self, category_id: str) -> None:
        if self._request:
            return  # one tap, one ticket
        for button in self.choices.buttons:
            button.setEnabled(False)  # all at once, before anything else can run
        category = next(c for c in self._categories if c.id == category_id)
        office = self.store.office(category.office_id)
        self._request = self.desk.take(category, office, self.tr_.code, self.now())
        self._refused = None
        self.retranslate()

    def _on_issued(self, request: int, result: Ticket | Refusal) -> None:
        if request != self._request:
            return  # a request from a visitor who has left
        if isinstance(result, Refusal):
            self._request = 0
            self._refused = result
            self._local = self.now()
            self._refresh()
            self.retranslate()
            return
        category = next(c for c in self._categories if c.id == result.category_id)
        self._ticket_id = result.id
        self._show_number(result.display, category)
        self._slow.start(round(self.timing.print_wait_s * 1000))

    def _show_number(self, display: str, category: QueueCategory) -> None:
        self._shown_category = category
        self.result.show_ticket(display, "", "")
        self.pages.setCurrentWidget(self.result)
        self.retranslate()

    def _on_slow(self) -> None:
        if self.result.state is PrintState.PRINTING:
            self.result.set_state(PrintState.SLOW)
            self._return.start(round(self.timing.fault_return_s * 1000))

    def _on_printed(self, ticket_id: int, result: JobResult) -> None:
        if ticket_id == self._ticket_id and self._ticket_id:
            self._show_outcome(result)

    def _show_outcome(self, result: JobResult, start_timer: bool = True) -> None:
        self._slow.stop()
        self.result.set_state(PrintState.DONE if result.ok else PrintState.FAILED, result.fault)
        seconds = self.timing.return_s if result.ok else self.timing.fault_return_s
        if start_timer:
            self._return.start(round(seconds * 1000))

    def _on_result_tapped(self) -> None:
        if self.result.state is PrintState.DONE and self._ticket_id:
            self.go_home.emit()  # the paper is out: a tap may end it early

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        _ = self.gettext
        lang = self.tr_.code
        today = self._local.date()
        self.title.setText(_("Wartemarke ziehen"))
        self.subtitle.setText(_("Wofür brauchen Sie eine Wartemarke? Bitte tippen Sie auf Ihr Anliegen."))
        for category, refusal, button in zip(self._categories, self._refusals, self.choices.buttons, strict=True):
            lines = [localized(category.title, lang), localized(category.waiting_area, lang)]
            if refusal is not None:
                lines.append(refusal_text(refusal, today, self.tr_))
            button.setText("\n".join(line for line in lines if line))
        self._notice_text()
        if self.pages.currentWidget() is self.result and self._shown_category is not None:
            category = self._shown_category
            office = self.store.office(category.office_id)
            self.result.concern.setText(localized(category.title, lang))
            self.result.where.setText(self._where(category, office))
        self.result.retranslate()

    def _where(self, category: QueueCategory, office: Office | None) -> str:
        lines = [localized(category.waiting_area, self.tr_.code)]
        if office is not None and office.room:
            room = self.gettext("Raum {room}").format(room=office.room)
            lines.append(f"{localized(office.name, self.tr_.code)}, {room}")
        return "\n".join(line for line in lines if line)

    def _notice_text(self) -> None:
        """The line above the buttons: waiting for a number, a refused tap, or no ticket at all."""
        _ = self.gettext
        nothing = bool(self._refusals) and all(r is not None for r in self._refusals)
        parts = []
        if self._request:
            parts.append(_("Einen Moment bitte, Ihre Nummer wird vergeben ..."))
        elif self._refused is not None:
            parts.append(refusal_text(self._refused, self._local.date(), self.tr_))
        if nothing and not self._request:
            parts.append(_("Zurzeit werden keine Wartemarken ausgegeben."))
            again = earliest_again(self._refusals)
            if again is not None:
                parts.append(again_text(again, self._local.date(), self.tr_))
        self.notice.setText(" ".join(dict.fromkeys(parts)))
        self.notice.setVisible(bool(parts))
        set_role(self.notice, "status-alert" if self._refused is not None else "banner")
        self._infothek_text(nothing)

    def _infothek_text(self, show: bool) -> None:
        office = self.store.infothek()
        self.infothek.setVisible(show and office is not None)
        if not show or office is None:
            return
        _ = self.gettext
        lang = self.tr_.code
        place = ", ".join(p for p in (localized(office.floor, lang), _("Raum {room}").format(room=office.room)) if p)
        self.infothek_text.setText(
            _("Bei Fragen hilft Ihnen: {office}, {place}.").format(office=localized(office.name, lang), place=place)
        )
        state = hours.status(office, self.store.meta().state, self._local, self.timezone)
        self.infothek_status.setText(status_text(state, self.tr_, office))

    def main_text(self) -> str:
        if self.pages.currentWidget() is self.result:
            return self.result.main_text()
        return f"{self.title.text()}. {self.subtitle.text()} {self.notice.text()}"

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        first = store.queues()[0].id if store.queues() else ""
        variants: list[tuple[str, dict[str, Any]]] = [
            ("", {"at": "2026-11-23T09:30"}),  # a Monday morning: every default queue issues
            ("some-closed", {"at": "2026-11-25T09:00"}),  # a Wednesday: only some do
            ("outside-hours", {"at": "2026-11-21T10:00"}),  # a Saturday: none until Monday
        ]
        if first:
            variants += [
                ("number", {"show": {"category_id": first, "number": 17, "print": "ok"}}),
                ("print-failed", {"show": {"category_id": first, "number": 17, "print": "disabled"}}),
            ]
        return variants
