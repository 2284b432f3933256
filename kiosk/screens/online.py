"""Online-Dienste: the online applications the office offers, as large rows, and the way
to the step-by-step guides ("Anleitungen")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import OnlineService, localized
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton, ButtonList, KineticScrollArea, WrapLabel


class OnlineScreen(Screen):
    screen_id = ScreenId.ONLINE

    def __init__(self, tr: Translator, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(tr, parent)
        self.store = store
        self.title = WrapLabel("title")
        self.summary = WrapLabel("muted")
        self.rows = ButtonList(min_column_px=700)
        self.empty = WrapLabel("banner")
        self.guides = BigButton("primary", "help")
        self.guides.setObjectName("online-guides")
        self.guides.clicked.connect(lambda: self.choose(Action.SHOW_GUIDES))
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.rows)
        inner.addWidget(self.empty)
        inner.addStretch(1)
        self.body.addWidget(self.title)
        self.body.addWidget(self.summary)
        self.body.addWidget(KineticScrollArea(holder), 1)
        self.body.addWidget(self.guides)
        self._services: tuple[OnlineService, ...] = ()

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._services = self.store.online_services()
        arrow = "arrow_back" if self.tr_.language.rtl else "arrow_forward"
        self.rows.set_items(
            [(o.id, arrow) for o in self._services], lambda key: self.choose(Action.PICK_ONLINE, online_id=key)
        )
        self.empty.setVisible(not self._services)
        self.guides.setVisible(bool(self.store.guides()))

    def retranslate(self) -> None:
        _ = self.gettext
        lang = self.tr_.code
        self.title.setText(_("Online-Dienste"))
        self.summary.setText(
            _("Diese Anträge können Sie auch von zu Hause stellen. Tippen Sie auf einen Dienst, um mehr zu erfahren.")
        )
        for service, button in zip(self._services, self.rows.buttons, strict=True):
            button.setText(localized(service.title, lang))
        self.empty.setText(_("Zurzeit gibt es hier keine Online-Dienste. Bitte fragen Sie an der Infothek."))
        self.guides.setText(_("Anleitungen: Schritt für Schritt zum Online-Zugang"))

    def main_text(self) -> str:
        return f"{self.title.text()}. {self.summary.text()}"
