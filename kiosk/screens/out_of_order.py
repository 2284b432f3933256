"""Out of order: the calm screen shown after repeated crashes, instead of a flapping kiosk.

No nav bar (the window hides it here) and no buttons: it points visitors to the Infothek
from the content. Only the staff gesture leaves it; a staff restart clears the crashes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.content.model import HoursKind, Office, localized
from kiosk.content.store import ContentStore
from kiosk.flow import ScreenId
from kiosk.i18n import Translator
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import Card, WrapLabel


class OutOfOrderScreen(Screen):
    screen_id = ScreenId.OUT_OF_ORDER

    def __init__(self, tr: Translator, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(tr, parent)
        self.store = store
        self.title = WrapLabel("title")
        self.title.setObjectName("out-of-order-title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = Card()
        self.place_name = WrapLabel("subtitle")
        self.place_where = WrapLabel("")
        self.place_hours = WrapLabel("muted")
        for label in (self.place_name, self.place_where, self.place_hours):
            self.card.inner.addWidget(label)
        self.body.addStretch(2)
        self.body.addWidget(self.title)
        self.body.addSpacing(self.fontMetrics().height())
        self.body.addWidget(self.card)
        self.body.addStretch(3)
        self._infothek: Office | None = None

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._infothek = self.store.infothek()
        self.card.setVisible(self._infothek is not None)

    def retranslate(self) -> None:
        _ = self.gettext
        self.title.setText(_("Dieses Terminal ist gerade außer Betrieb. Bitte wenden Sie sich an die Information."))
        office = self._infothek
        if office is None:
            return
        lang = self.tr_.code
        self.place_name.setText(localized(office.name, lang))
        where = [part for part in (localized(office.floor, lang), _("Raum {room}").format(room=office.room)) if part]
        self.place_where.setText(", ".join(where) if office.room else localized(office.floor, lang))
        self.place_hours.setText(self._hours_line(office))

    def _hours_line(self, office: Office) -> str:
        """Walk-in hours grouped by time, e.g. 'Montag bis Freitag: 08:00 Uhr bis 16:00 Uhr'."""
        _ = self.gettext
        by_time: dict[tuple, list[int]] = {}
        for slot in office.hours:
            if slot.kind is HoursKind.WALK_IN:
                by_time.setdefault((slot.start, slot.end), []).append(slot.weekday)
        parts = []
        for (start, end), days in by_time.items():
            days = sorted(set(days))
            consecutive = days == list(range(days[0], days[-1] + 1))
            if len(days) > 2 and consecutive:
                day_text = _("{first} bis {last}").format(
                    first=self.tr_.weekday(days[0]), last=self.tr_.weekday(days[-1])
                )
            else:
                day_text = ", ".join(self.tr_.weekday(d) for d in days)
            parts.append(
                _("{days}: {start} bis {end}").format(days=day_text, start=self.tr_.time(start), end=self.tr_.time(end))
            )
        return "\n".join(parts)

    def main_text(self) -> str:
        return f"{self.title.text()} {self.place_name.text()}. {self.place_where.text()}. {self.place_hours.text()}"
