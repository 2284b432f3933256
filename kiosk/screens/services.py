"""The services (Leistungen) of one life situation, as large rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import LifeSituation, Service, localized
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton, ButtonList, KineticScrollArea, WrapLabel


class ServicesScreen(Screen):
    screen_id = ScreenId.SERVICES

    def __init__(self, tr: Translator, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(tr, parent)
        self.store = store
        self.title = WrapLabel("title")
        self.summary = WrapLabel("muted")
        self.search = BigButton("", "search")
        self.search.setObjectName("services-search")
        self.search.clicked.connect(lambda: self.choose(Action.SEARCH))
        header = QHBoxLayout()
        header.addWidget(self.title, 3)
        header.addWidget(self.search, 1)
        self.rows = ButtonList(min_column_px=700)
        self.lotse_hint = WrapLabel("banner")
        self.lotse_button = BigButton("", "support_agent")
        self.lotse_button.setObjectName("services-lotse")
        self.lotse_button.clicked.connect(self._show_lotse)
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.rows)
        inner.addWidget(self.lotse_hint)
        inner.addWidget(self.lotse_button)
        inner.addStretch(1)
        self.body.addLayout(header)
        self.body.addWidget(self.summary)
        self.body.addWidget(KineticScrollArea(holder), 1)
        self._situation: LifeSituation | None = None
        self._services: list[Service] = []

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._situation = self.store.situation(params.get("situation_id", ""))
        self._services = self.store.services_in(self._situation.id) if self._situation else []
        self.rows.set_items(
            [(s.id, "arrow_back" if self.tr_.language.rtl else "arrow_forward") for s in self._services],
            lambda key: self.choose(Action.PICK_SERVICE, service_id=key, situation_id=self._situation.id),
        )
        needs_lotse = bool(self._situation and self._situation.needs_lotse and self.store.lotse())
        self.lotse_hint.setVisible(needs_lotse)
        self.lotse_button.setVisible(needs_lotse)

    def _show_lotse(self) -> None:
        lotse = self.store.lotse()
        if lotse:
            self.choose(Action.PICK_OFFICE, office_id=lotse.id)

    def retranslate(self) -> None:
        _ = self.gettext
        lang = self.tr_.code
        self.search.setText(_("Suchen"))
        if self._situation is None:
            self.title.setText(_("Dieses Thema gibt es nicht mehr."))
            self.summary.setText(_("Bitte tippen Sie auf Zurück."))
            return
        self.title.setText(localized(self._situation.title, lang))
        self.summary.setText(localized(self._situation.summary, lang))
        for service, button in zip(self._services, self.rows.buttons, strict=True):
            button.setText(localized(service.title, lang))
        self.lotse_hint.setText(
            _("Ihr Anliegen betrifft mehrere Stellen. Der Lotse hilft Ihnen, alles zusammenzubringen.")
        )
        lotse = self.store.lotse()
        self.lotse_button.setText(localized(lotse.name, lang) if lotse else "")

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        situations = store.situations()
        shots = [("", {"situation_id": situations[0].id})] if situations else []
        lotse = next((s for s in situations if s.needs_lotse), None)
        if lotse:
            shots.append(("lotse", {"situation_id": lotse.id}))
        return shots

    def main_text(self) -> str:
        return f"{self.title.text()}. {self.summary.text()}"
