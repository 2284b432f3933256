"""One online service: what it is, what you need, a large QR code and the short URL.

The kiosk never opens a web page: the link exists only as the QR code, the printed URL
and the printed checklist of the linked guide ("Anleitung drucken").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Guide, OnlineService, localized
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.print_control import ChecklistPrintControl
from kiosk.ui.qr_view import QrView
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton, Card, KineticScrollArea, WrapLabel
from kiosk.workers.handout_printer import ChecklistPrinter


class OnlineServiceScreen(Screen):
    screen_id = ScreenId.ONLINE_SERVICE

    def __init__(
        self, tr: Translator, store: ContentStore, printer: ChecklistPrinter, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr, parent)
        self.store = store
        self.title = WrapLabel("title")
        self.summary = WrapLabel()
        self.needs_card = Card()
        self.needs_title = WrapLabel("subtitle")
        self.needs_list = WrapLabel()
        self.needs_list.setObjectName("online-requirements")
        self.needs_card.inner.addWidget(self.needs_title)
        self.needs_card.inner.addWidget(self.needs_list)
        self.print_control = ChecklistPrintControl(tr, printer, "online-print")
        self.steps = BigButton("", "arrow_forward")
        self.steps.setObjectName("online-guide")
        self.steps.clicked.connect(self._open_guide)
        self.qr_hint = WrapLabel("muted")
        self.qr = QrView()
        self.qr.setObjectName("online-qr")

        text = QWidget()
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.needs_card)
        column.addWidget(self.print_control)
        column.addWidget(self.steps)
        column.addStretch(1)
        qr_column = QVBoxLayout()
        qr_column.addWidget(self.qr_hint)
        qr_column.addWidget(self.qr)
        qr_column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(KineticScrollArea(text), 3)
        row.addLayout(qr_column, 2)
        self.body.addWidget(self.title)
        self.body.addLayout(row, 1)
        self._online: OnlineService | None = None
        self._guide: Guide | None = None

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._online = self.store.online_service(params.get("online_id", ""))
        online = self._online
        self._guide = self.store.guide(online.guide_id) if online and online.guide_id else None
        self.qr.setVisible(online is not None)
        self.qr_hint.setVisible(online is not None)
        self.qr.set_url(online.url if online else "", online.short_url if online else "")
        self.print_control.set_guide(self._guide)
        self.steps.setVisible(self._guide is not None)
        self.steps.set_icon_name("arrow_back" if self.tr_.language.rtl else "arrow_forward")
        self.needs_card.setVisible(bool(online and online.requirements))

    def on_leave(self) -> None:
        self.print_control.reset()

    def _open_guide(self) -> None:
        if self._guide is not None:
            self.choose(Action.PICK_GUIDE, guide_id=self._guide.id)

    def retranslate(self) -> None:
        _ = self.gettext
        lang = self.tr_.code
        online = self._online
        self.steps.set_icon_name("arrow_back" if self.tr_.language.rtl else "arrow_forward")
        if online is None:
            self.title.setText(_("Diesen Online-Dienst gibt es nicht mehr."))
            self.summary.setText(_("Bitte tippen Sie auf Zurück."))
            return
        self.title.setText(localized(online.title, lang))
        self.summary.setText(localized(online.summary, lang))
        self.needs_title.setText(_("Das brauchen Sie"))
        self.needs_list.setText("\n".join(f"•  {localized(r, lang)}" for r in online.requirements))
        self.qr_hint.setText(_("Mit der Handy-Kamera fotografieren und zu Hause weitermachen:"))
        self.print_control.button.setText(_("Anleitung drucken"))
        self.print_control.retranslate()
        self.steps.setText(_("Schritt für Schritt"))

    def main_text(self) -> str:
        return f"{self.title.text()}. {self.summary.text()} {self.needs_title.text()}: {self.needs_list.text()}"

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        return [(o.id, {"online_id": o.id}) for o in store.online_services()]
