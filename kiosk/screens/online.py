"""Online-Dienste: the online applications the office offers, as large rows, and the way
to the step-by-step guides ("Anleitungen")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.content.model import OnlineService, localized
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.list_screen import ListScreen
from kiosk.ui.widgets import BigButton


class OnlineScreen(ListScreen):
    screen_id = ScreenId.ONLINE

    def __init__(self, tr: Translator, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(tr, store, parent)
        self.guides = BigButton("primary", "help")
        self.guides.setObjectName("online-guides")
        self.guides.clicked.connect(lambda: self.choose(Action.SHOW_GUIDES))
        self.body.addWidget(self.guides)
        self._services: tuple[OnlineService, ...] = ()

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._services = self.store.online_services()
        self.show_rows([o.id for o in self._services], lambda key: self.choose(Action.PICK_ONLINE, online_id=key))
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
