"""One service (Leistung): what it is, who gets it, what to bring, where to go.

Each office card shows the computed open-now line and opens the office screen; a service
with an online application shows its QR code; "Handzettel drucken" puts all of it on
paper. "Hat Ihnen das geholfen?" adds one to an anonymous counter and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import office_card
from kiosk.content.model import Office, OnlineService, Service, localized
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import N_, Translator
from kiosk.staff.stats import Event
from kiosk.ui.checklist import ChecklistItem
from kiosk.ui.print_control import SCAN_QR, PrintControl
from kiosk.ui.qr_view import QrView
from kiosk.ui.screen import Screen
from kiosk.ui.spacing import OWN_SPACING
from kiosk.ui.widgets import BigButton, ButtonList, Card, KineticScrollArea, WrapLabel
from kiosk.workers.handout_printer import PaperPrinter

SIDE_BY_SIDE_IN_QR_SIDES = 2.5  # narrower (portrait): the QR code goes below the text
TAKE_HANDOUT = N_("Bitte nehmen Sie Ihren Handzettel unten aus dem Drucker.")
Record = Callable[[Event, str], None]


class ServiceScreen(Screen):
    screen_id = ScreenId.SERVICE

    def __init__(
        self,
        tr: Translator,
        store: ContentStore,
        printer: PaperPrinter,
        now: Callable[[], datetime],
        timezone: str,
        record: Record,
        parent: QWidget | None = None,
    ) -> None:
        """``record(event, service id)`` counts a view or a feedback answer (stats)."""
        super().__init__(tr, parent)
        self.store, self.now, self.timezone, self.record = store, now, timezone, record
        self.title = WrapLabel("title")
        self.title.setObjectName("service-title")
        self.summary = WrapLabel()
        self.summary.setObjectName("service-summary")
        self.print_control = PrintControl(tr, printer, "service-print", done=TAKE_HANDOUT)
        self.print_control.fallback = self._print_fallback
        self.who_title, self.who = WrapLabel("subtitle"), WrapLabel()
        self.who.setObjectName("service-eligibility")
        self.docs_card = Card()
        self.docs_title = WrapLabel("subtitle")
        self.docs_card.inner.addWidget(self.docs_title)
        self.docs: list[ChecklistItem] = []  # one item per document, rebuilt per service
        self.help_title = WrapLabel("subtitle")
        self.lotse_hint = WrapLabel("banner")
        self.lotse_hint.setObjectName("service-lotse-hint")
        self.offices = ButtonList(min_column_px=700)
        self.feedback = self._build_feedback()
        self.qr_hint = WrapLabel("muted")
        self.qr = QrView()
        self.qr.setObjectName("service-qr")

        text = QWidget()
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.summary, self.print_control, self.who_title, self.who, self.docs_card):
            column.addWidget(widget)
        for widget in (self.help_title, self.lotse_hint, self.offices, self.feedback):
            column.addWidget(widget)
        column.addStretch(1)
        self.qr_column = QWidget()
        qr_layout = QVBoxLayout(self.qr_column)
        qr_layout.setContentsMargins(0, 0, 0, 0)
        qr_layout.addWidget(self.qr_hint)
        qr_layout.addWidget(self.qr)
        qr_layout.addStretch(1)
        # one scroll area for both columns: the QR code's minimum side must never push the
        # window taller than a 1024x600 screen (large text)
        holder = QWidget()
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, holder)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(40)  # the QR hint must not read as the end of the summary's line
        self.row.setProperty(OWN_SPACING, True)
        self.row.addWidget(text, 3)
        self.row.addWidget(self.qr_column, 2)
        self.body.addWidget(self.title)
        self.body.addWidget(KineticScrollArea(holder), 1)
        self._service: Service | None = None
        self._online: OnlineService | None = None
        self._offices: list[Office] = []

    def _build_feedback(self) -> Card:
        card = Card()
        card.setObjectName("service-feedback")
        self.question = WrapLabel("subtitle")
        self.question.setObjectName("service-feedback-question")
        self.yes = BigButton("", "check_circle")
        self.yes.setObjectName("service-feedback-yes")
        self.no = BigButton("", "cancel")
        self.no.setObjectName("service-feedback-no")
        self.yes.clicked.connect(lambda: self._answer(True))
        self.no.clicked.connect(lambda: self._answer(False))
        self.thanks = WrapLabel("status-ok")
        self.thanks.setObjectName("service-feedback-thanks")
        self.answers = QWidget()
        buttons = QHBoxLayout(self.answers)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.yes)
        buttons.addWidget(self.no)
        card.inner.addWidget(self.question)
        card.inner.addWidget(self.answers)
        card.inner.addWidget(self.thanks)
        return card

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_row()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_row()

    def _fit_row(self) -> None:
        """QR code beside the text when there is room for both, else below it."""
        wide = self.width() >= SIDE_BY_SIDE_IN_QR_SIDES * self.qr.code.min_side()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.row.direction() != direction:
            self.row.setDirection(direction)
        for item in self.docs:  # a long compound ("Neben-Kosten-Abrechnung") never clipped
            label, words = item.label, item.text().split()
            label.setMinimumWidth(max((label.fontMetrics().horizontalAdvance(w) for w in words), default=0) + 4)

    # --- filling ----------------------------------------------------------------------
    def on_enter(self, params: Mapping[str, Any]) -> None:
        service = self._service = self.store.service(params.get("service_id", ""))
        self._online = self.store.online_service(service.online_id) if service and service.online_id else None
        office_ids = list(service.office_ids) if service else []
        situation = self.store.situation(params.get("situation_id", ""))
        lotse = self.store.lotse()
        needs_lotse = bool(service and situation and situation.needs_lotse and lotse)
        if needs_lotse and lotse.id not in office_ids:
            office_ids.append(lotse.id)  # a case across several offices: the Lotse brings it together
        self._offices = [o for o in (self.store.office(i) for i in office_ids) if o is not None]
        self.lotse_hint.setVisible(needs_lotse)
        arrow = "arrow_back" if self.tr_.language.rtl else "arrow_forward"
        self.offices.set_items([(o.id, arrow) for o in self._offices], self._open_office)
        online = self._online
        self.qr_column.setVisible(online is not None)
        self.qr.set_url(online.url if online else "", online.short_url if online else "")
        self.print_control.set_job(self._print if service else None)
        for widget in (self.who_title, self.who):
            widget.setVisible(bool(service and service.eligibility))
        self.docs_card.setVisible(bool(service and service.documents))
        self._build_documents(len(service.documents) if service else 0)
        self.help_title.setVisible(bool(self._offices))
        self.feedback.setVisible(service is not None)
        self._show_feedback(answered=False)
        if service is not None:
            self.record(Event.SERVICE_VIEWED, service.id)

    def _build_documents(self, count: int) -> None:
        while len(self.docs) > count:
            item = self.docs.pop()
            self.docs_card.inner.removeWidget(item)
            item.hide()
            item.deleteLater()
        while len(self.docs) < count:
            item = ChecklistItem()
            item.setObjectName(f"service-document-{len(self.docs)}")
            self.docs_card.inner.addWidget(item)
            self.docs.append(item)

    def on_leave(self) -> None:
        self.print_control.reset()
        self._show_feedback(answered=False)

    def _open_office(self, office_id: str) -> None:
        self.choose(Action.PICK_OFFICE, office_id=office_id)

    def _print(self) -> int:
        service, online = self._service, self._online
        office = self._offices[0] if self._offices else None
        return self.print_control.printer.start_handout(service, office, online.url if online else None, self.tr_.code)

    def _print_fallback(self) -> str:
        """After a failed print: the QR code on screen, or the office to go to."""
        if self._online is not None or not self._offices:
            return self.gettext(SCAN_QR)
        return office_card.alternative_line(self._offices[0], self.tr_)

    def _answer(self, helped: bool) -> None:
        if self._service is None or not self.answers.isVisible():
            return
        self.record(Event.FEEDBACK_YES if helped else Event.FEEDBACK_NO, self._service.id)
        self._show_feedback(answered=True)

    def _show_feedback(self, answered: bool) -> None:
        self.question.setVisible(not answered)
        self.answers.setVisible(not answered)
        self.thanks.setVisible(answered)

    # --- texts ------------------------------------------------------------------------
    def retranslate(self) -> None:
        _ = self.gettext
        lang = self.tr_.code
        service = self._service
        if service is None:
            self.title.setText(_("Diese Leistung gibt es nicht mehr."))
            self.summary.setText(_("Bitte tippen Sie auf Zurück."))
            return
        self.title.setText(localized(service.title, lang))
        self.summary.setText(localized(service.summary, lang))
        self.print_control.button.setText(_("Handzettel drucken"))
        self.print_control.retranslate()
        self.who_title.setText(_("Wer bekommt das?"))
        self.who.setText(localized(service.eligibility, lang))
        self.docs_title.setText(_("Das bringen Sie mit"))
        for item, document in zip(self.docs, service.documents, strict=True):
            item.setText(localized(document, lang))
        self.help_title.setText(_("Hier bekommen Sie Hilfe"))
        self.lotse_hint.setText(
            _("Ihr Anliegen betrifft mehrere Stellen. Der Lotse hilft Ihnen, alles zusammenzubringen.")
        )
        now = self.now()
        for office, button in zip(self._offices, self.offices.buttons, strict=True):
            status = office_card.office_status(office, self.store, now, self.timezone)
            lines = [
                localized(office.name, lang),
                office_card.place_line(office, self.tr_),
                office_card.status_line(status, office, self.store, self.tr_),
            ]
            button.setText("\n".join(line for line in lines if line))
        self._fit_row()
        self.qr_hint.setText(_("Mit der Handy-Kamera fotografieren und online beantragen:"))
        self.question.setText(_("Hat Ihnen das geholfen?"))
        self.yes.setText(_("Ja"))
        self.no.setText(_("Nein"))
        self.thanks.setText(_("Vielen Dank für Ihre Antwort!"))

    def main_text(self) -> str:
        return f"{self.title.text()}. {self.summary.text()}"

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        """A service with an online QR, one with several offices, one from a Lotse situation."""
        services = [s for sit in store.situations() for s in store.services_in(sit.id)]
        shots: list[tuple[str, dict[str, Any]]] = []
        online = next((s for s in services if s.online_id), None)
        if online:
            shots.append(("online", {"service_id": online.id}))
        several = next((s for s in services if len(s.office_ids) > 1 and not s.online_id), None)
        if several:
            shots.append(("offices", {"service_id": several.id}))
        lotse = next((sit for sit in store.situations() if sit.needs_lotse), None)
        if lotse and lotse.service_ids:
            shots.append(("lotse", {"service_id": lotse.service_ids[0], "situation_id": lotse.id}))
        return shots
