"""One office card: where it is, how to get there, its hours and whether it is open now.

During a closure (closure week, single day, public holiday) the card says so with the
reason and names the alternative office with a button to its card; a closure starting
soon is announced the same way. Rooms, phone numbers and times stay left to right in
Arabic (``office_card.ltr``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import office_card
from kiosk.content.hours import StatusKind
from kiosk.content.hours_text import office_hours_lines
from kiosk.content.model import HoursKind, Office, localized
from kiosk.content.office_card import ClosureNotice
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton, Card, KineticScrollArea, WrapLabel, set_role

STATUS_ROLES = {StatusKind.OPEN: "status-ok", StatusKind.CLOSED: "status-alert"}


class OfficeScreen(Screen):
    screen_id = ScreenId.OFFICE

    def __init__(
        self,
        tr: Translator,
        store: ContentStore,
        now: Callable[[], datetime],
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr, parent)
        self.store, self.now, self.timezone = store, now, timezone
        self.title = WrapLabel("title")
        self.title.setObjectName("office-name")
        self.status = WrapLabel("banner")
        self.status.setObjectName("office-status")
        self.closure = Card()
        self.closure.setObjectName("office-closure")
        self.closure_title = WrapLabel("subtitle")
        self.closure_title.setObjectName("office-closure-title")
        self.closure_reason = WrapLabel()
        self.closure_reason.setObjectName("office-closure-reason")
        self.alternative = WrapLabel()
        self.alternative.setObjectName("office-alternative")
        self.alternative_button = BigButton("primary", "arrow_forward")
        self.alternative_button.setObjectName("office-alternative-open")
        self.alternative_button.clicked.connect(self._open_alternative)
        for widget in (self.closure_title, self.closure_reason, self.alternative):
            self.closure.inner.addWidget(widget)
        self.where = Card()
        self.building = WrapLabel()
        self.building.setObjectName("office-building")
        self.place = WrapLabel("subtitle")
        self.place.setObjectName("office-place")
        self.directions = WrapLabel()
        self.directions.setObjectName("office-directions")
        for widget in (self.building, self.place, self.directions):
            self.where.inner.addWidget(widget)
        self.hours_card = Card()
        self.appointment = WrapLabel()
        self.appointment.setObjectName("office-appointment")
        self.hours = WrapLabel()
        self.hours.setObjectName("office-hours")
        self.phone = WrapLabel("subtitle")
        self.phone.setObjectName("office-phone")
        for widget in (self.hours, self.phone, self.appointment):
            self.hours_card.inner.addWidget(widget)
        for label in (self.place, self.hours, self.phone):
            label.setTextFormat(Qt.TextFormat.PlainText)

        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status, self.closure, self.alternative_button, self.where, self.hours_card):
            column.addWidget(widget)
        column.addStretch(1)
        self.body.addWidget(self.title)
        self.body.addWidget(KineticScrollArea(holder), 1)
        self._office: Office | None = None
        self._notice: ClosureNotice | None = None

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._office = self.store.office(params.get("office_id", ""))
        office = self._office
        for widget in (self.status, self.where, self.hours_card):
            widget.setVisible(office is not None)
        self.appointment.setVisible(bool(office and office.appointment_only))
        self.phone.setVisible(bool(office and office.phone))
        self.alternative_button.set_icon_name("arrow_back" if self.tr_.language.rtl else "arrow_forward")

    def _open_alternative(self) -> None:
        if self._notice is not None and self._notice.alternative is not None:
            self.choose(Action.PICK_OFFICE, office_id=self._notice.alternative.id)

    def retranslate(self) -> None:
        _ = self.gettext
        tr, lang, office = self.tr_, self.tr_.code, self._office
        self.alternative_button.set_icon_name("arrow_back" if tr.language.rtl else "arrow_forward")
        if office is None:
            self.title.setText(_("Diese Stelle gibt es nicht mehr."))
            self.closure.setVisible(False)
            return
        self.title.setText(localized(office.name, lang))
        status = office_card.office_status(office, self.store, self.now(), self.timezone)
        self.status.setText(office_card.status_line(status, office, self.store, tr))
        set_role(self.status, STATUS_ROLES.get(status.kind, "banner"))
        self._show_closure(office_card.closure_notice(office, status, self.store, tr))
        self.building.setText(office.building)
        self.place.setText(office_card.place_line(office, tr))
        self.directions.setText(localized(office.directions, lang))
        self.directions.setVisible(bool(self.directions.text()))
        self.appointment.setText(_("Bitte rufen Sie an und vereinbaren Sie einen Termin."))
        self.hours.setText(self._hours_text(office))
        self.hours.setVisible(bool(self.hours.text()))
        self.phone.setText(office_card.phone_line(office, tr))

    def _hours_text(self, office: Office) -> str:
        """Each kind of hours under its heading; times kept left to right."""
        blocks = []
        for heading, lines in office_hours_lines(office, self.tr_):
            blocks.append("\n".join([f"{heading}:", *(f"   {office_card.ltr(line)}" for line in lines)]))
        if not blocks and not office.appointment_only:
            return self.gettext("Zurzeit keine Sprechzeiten. Bitte fragen Sie an der Infothek.")
        return "\n\n".join(blocks)

    def _show_closure(self, notice: ClosureNotice | None) -> None:
        self._notice = notice
        self.closure.setVisible(notice is not None)
        self.alternative_button.setVisible(bool(notice and notice.alternative))
        if notice is None:
            return
        tr = self.tr_
        self.closure_title.setText(office_card.closure_heading(notice, tr))
        self.closure_reason.setText(notice.reason)
        self.closure_reason.setVisible(bool(notice.reason))
        alternative = notice.alternative
        self.alternative.setVisible(alternative is not None)
        self.alternative_button.setVisible(alternative is not None)
        if alternative is not None:
            self.alternative.setText(office_card.alternative_line(alternative, tr))
            self.alternative_button.setText(
                self.gettext("Weiter zu: {office}").format(office=localized(alternative.name, tr.code))
            )

    def main_text(self) -> str:
        parts = [self.title.text(), self.status.text(), self.place.text(), self.directions.text()]
        return ". ".join(p for p in parts if p)

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        """Plain, appointment-only, phone hours, and an office with a closure in its content
        (announced while upcoming, "geschlossen" while it runs)."""
        offices = store.offices()
        shots: list[tuple[str, dict[str, Any]]] = []
        infothek = store.infothek()
        if infothek:
            shots.append(("infothek", {"office_id": infothek.id}))
        appointment = next((o for o in offices if o.appointment_only), None)
        if appointment:
            shots.append(("termin", {"office_id": appointment.id}))
        closing = next((o for o in offices if o.closures), None)
        if closing:
            shots.append(("closure", {"office_id": closing.id}))
        phone = next((o for o in offices if any(h.kind == HoursKind.PHONE for h in o.hours) and not o.closures), None)
        if phone:
            shots.append(("", {"office_id": phone.id}))
        return shots
