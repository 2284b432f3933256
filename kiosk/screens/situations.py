"""Lebenslagen: a grid of large tiles; the first step to the right office."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import localized
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton, ButtonList, KineticScrollArea, WrapLabel


class SituationsScreen(Screen):
    screen_id = ScreenId.SITUATIONS

    def __init__(self, tr: Translator, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(tr, parent)
        self.store = store
        self.title = WrapLabel("title")
        self.search = BigButton("", "search")
        self.search.setObjectName("situations-search")
        self.search.clicked.connect(lambda: self.choose(Action.SEARCH))
        header = QHBoxLayout()
        header.addWidget(self.title, 3)
        header.addWidget(self.search, 1)
        self.tiles = ButtonList(min_column_px=480)
        holder = QWidget()
        QVBoxLayout(holder).addWidget(self.tiles)
        holder.layout().addStretch(1)
        holder.layout().setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(header)
        self.body.addWidget(KineticScrollArea(holder), 1)
        self._situations = ()

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._situations = self.store.situations()
        self.tiles.set_items(
            [(s.id, s.icon) for s in self._situations],
            lambda key: self.choose(Action.PICK_SITUATION, situation_id=key),
        )

    def retranslate(self) -> None:
        _ = self.gettext
        self.title.setText(_("Worum geht es?"))
        self.search.setText(_("Suchen"))
        lang = self.tr_.code
        for situation, button in zip(self._situations, self.tiles.buttons, strict=True):
            button.setText(localized(situation.title, lang))

    def main_text(self) -> str:
        return self.title.text()
