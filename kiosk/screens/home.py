"""Home: three large actions, search, the language picker and the staff notice."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget

from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.language_picker import LanguagePicker
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton, WrapLabel


class HomeScreen(Screen):
    screen_id = ScreenId.HOME

    def __init__(
        self,
        tr: Translator,
        notice: Callable[[], str | None],
        set_language: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr, parent)
        self._notice = notice
        self.title = WrapLabel("title")
        self.subtitle = WrapLabel("muted")
        self.banner = WrapLabel("banner")
        self.banner.setObjectName("notice-banner")
        self.banner.hide()
        self.find = BigButton("primary", "location_on", vertical=True)
        self.find.setObjectName("home-find")
        self.ticket = BigButton("primary", "confirmation_number", vertical=True)
        self.ticket.setObjectName("home-ticket")
        self.online = BigButton("primary", "computer", vertical=True)
        self.online.setObjectName("home-online")
        self.search = BigButton("", "search")
        self.search.setObjectName("home-search")
        self.find.clicked.connect(lambda: self.choose(Action.FIND_OFFICE))
        self.ticket.clicked.connect(lambda: self.choose(Action.TAKE_TICKET))
        self.online.clicked.connect(lambda: self.choose(Action.ONLINE))
        self.search.clicked.connect(lambda: self.choose(Action.SEARCH))
        self.languages = LanguagePicker(columns=4)
        self.languages.picked.connect(set_language)
        self.language_label = WrapLabel("muted")

        self.actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for button in (self.find, self.ticket, self.online):
            self.actions.addWidget(button, 1)
        search_row = QHBoxLayout()
        search_row.addStretch(1)
        search_row.addWidget(self.search, 2)
        search_row.addStretch(1)
        self.body.addWidget(self.title)
        self.body.addWidget(self.subtitle)
        self.body.addWidget(self.banner)
        self.body.addStretch(1)
        self.body.addLayout(self.actions)
        self.body.addLayout(search_row)
        self.body.addStretch(1)
        self.body.addWidget(self.language_label)
        self.body.addWidget(self.languages)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        portrait = self.height() > self.width() * 1.1
        self.actions.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.languages.set_columns(4 if portrait else len(self.languages.buttons))

    def on_enter(self, params: Mapping[str, Any]) -> None:
        text = self._notice()
        self.banner.setVisible(bool(text))
        self.banner.setText(text or "")

    def retranslate(self) -> None:
        _ = self.gettext
        self.title.setText(_("Willkommen im Bürgerservice"))
        self.subtitle.setText(_("Tippen Sie auf das, was Sie heute brauchen."))
        self.find.setText(_("Stelle finden"))
        self.ticket.setText(_("Wartemarke ziehen"))
        self.online.setText(_("Online-Dienste und Registrierung"))
        self.search.setText(_("Suchen"))
        self.language_label.setText(_("Sprache:"))
        self.languages.set_current(self.tr_.code)

    def main_text(self) -> str:
        return f"{self.title.text()} {self.subtitle.text()}"
