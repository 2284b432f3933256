"""Search in the visitor's own words: a large field, our keyboard, results as they type.

Each keystroke asks ``ContentStore.search`` for a handful of services (best first) and
shows them as large rows in a fixed pool of buttons built once, so typing never creates
widgets. A query of three or more letters that finds nothing never dead-ends: a calm
panel offers all life situations, the Infothek and the Lotse.

Privacy: the typed text is the visitor's; it is wiped in ``on_leave`` and never logged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.content.model import Service, localized
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton, ButtonList, Card, KineticScrollArea, WrapLabel

RESULT_LIMIT = 10
NO_MATCH_MIN_LETTERS = 3  # below this a miss is just "keep typing", not "nothing found"
KEYBOARD_SHARE = 0.45  # of the window height in landscape
PORTRAIT_KEYBOARD_SHARE = 0.3
SHORT_WINDOW_PX = 800  # below this the no-match panel drops its second line


class SearchScreen(Screen):
    screen_id = ScreenId.SEARCH

    def __init__(
        self,
        tr: Translator,
        store: ContentStore,
        on_no_result: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``on_no_result`` runs once each time the no-match help appears (an anonymous
        counter, e.g. ``stats.record(db, Event.SEARCH_NO_RESULT)``); it never gets the query."""
        super().__init__(tr, parent)
        self.store = store
        self._on_no_result = on_no_result
        self.field = QLineEdit()
        self.field.setObjectName("search-field")
        self.field.setReadOnly(True)
        self.field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.keyboard = OnScreenKeyboard(tr, self.field)
        self.keyboard.text_changed.connect(self._on_text)

        self.hint = WrapLabel("muted")
        self.hint.setObjectName("search-hint")
        self.results = ButtonList(min_column_px=700, role="tile")
        self._pool = self.results.set_items([(str(i), "arrow_forward") for i in range(RESULT_LIMIT)], self._pick)
        self._found: list[Service] = []
        self.no_match = self._build_no_match()

        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.hint)
        inner.addWidget(self.results)
        inner.addWidget(self.no_match)
        inner.addStretch(1)
        self.scroll = KineticScrollArea(holder)
        self.body.addWidget(self.field)
        self.body.addWidget(self.scroll, 1)
        self.body.addWidget(self.keyboard)
        self._show_state()

    def _build_no_match(self) -> Card:
        card = Card()
        card.setObjectName("search-no-match")
        self.no_match_title = WrapLabel("subtitle")
        self.no_match_text = WrapLabel("muted")
        self.browse = BigButton("primary", "groups")
        self.browse.setObjectName("search-browse")
        self.browse.clicked.connect(lambda: self.choose(Action.BROWSE))
        self.infothek = BigButton("", "info")
        self.infothek.setObjectName("search-infothek")
        self.infothek.clicked.connect(lambda: self._pick_office(self.store.meta().infothek_id))
        self.lotse = BigButton("", "support_agent")
        self.lotse.setObjectName("search-lotse")
        self.lotse.clicked.connect(lambda: self._pick_office(self.store.meta().lotse_id))
        self.choices = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for button in (self.browse, self.infothek, self.lotse):
            self.choices.addWidget(button, 1)
        card.inner.addWidget(self.no_match_title)
        card.inner.addWidget(self.no_match_text)
        card.inner.addLayout(self.choices)
        return card

    # --- typing -------------------------------------------------------------------------
    def _on_text(self, text: str) -> None:
        query = text.strip()
        self._found = self.store.search(query, self.tr_.code, RESULT_LIMIT) if query else []
        self._show_state()
        self._label_results()

    def _show_state(self) -> None:
        query = self.keyboard.text().strip()
        rtl = self.tr_.language.rtl
        arrow = "arrow_back" if rtl else "arrow_forward"
        for i, button in enumerate(self._pool):
            if i < len(self._found):
                button.setObjectName(f"item-{self._found[i].id}")
                if button.icon_name != arrow:
                    button.set_icon_name(arrow)
                button.show()
            else:
                button.hide()
        letters = sum(c.isalpha() for c in query)
        missed = not self._found and letters >= NO_MATCH_MIN_LETTERS
        if missed and self.no_match.isHidden() and self._on_no_result is not None:
            self._on_no_result()
        self.no_match.setVisible(missed)
        self.hint.setVisible(not self._found and letters < NO_MATCH_MIN_LETTERS)

    def _label_results(self) -> None:
        lang = self.tr_.code
        for service, button in zip(self._found, self._pool, strict=False):
            button.setText(localized(service.title, lang))

    def _pick(self, key: str) -> None:
        index = int(key)
        if index < len(self._found):
            self.choose(Action.PICK_SERVICE, service_id=self._found[index].id)

    def _pick_office(self, office_id: str) -> None:
        if office_id:
            self.choose(Action.PICK_OFFICE, office_id=office_id)

    # --- screen contract ----------------------------------------------------------------
    def on_enter(self, params: Mapping[str, Any]) -> None:
        """``query`` is only for screenshots and tests; a visitor always starts empty."""
        self.keyboard.set_text(str(params.get("query", "")))
        self._on_text(self.keyboard.text())

    def on_leave(self) -> None:
        self.keyboard.clear()
        self._found = []
        self._show_state()

    def retranslate(self) -> None:
        _ = self.gettext
        self.field.setPlaceholderText(_("Suchbegriff, z. B. Wohngeld"))
        self.hint.setText(_("Tippen Sie auf die Buchstaben. Passende Angebote erscheinen hier."))
        self.no_match_title.setText(_("Dazu haben wir nichts gefunden."))
        self.no_match_text.setText(_("Versuchen Sie ein anderes Wort, oder wählen Sie hier:"))
        self.browse.setText(_("Alle Lebenslagen"))
        self.infothek.setText(_("Infothek fragen"))
        self.lotse.setText(_("Lotse hilft weiter"))
        self.keyboard.retranslate()
        self._show_state()
        self._label_results()

    def main_text(self) -> str:
        if self.no_match.isVisible():
            return self.no_match_title.text()
        return self.hint.text() if self.hint.isVisible() else self.field.placeholderText()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_keyboard()

    def _fit_keyboard(self) -> None:
        """About 45 % of the window in landscape, less in portrait; never below the keys' minimum."""
        window = self.window()
        width, height = window.width(), window.height()
        share = KEYBOARD_SHARE if width >= height else PORTRAIT_KEYBOARD_SHARE
        self.keyboard.fit(round(height * share), width, height)
        portrait = height > width * 1.1
        self.no_match_text.setVisible(height >= SHORT_WINDOW_PX)  # 1024x600: the three choices must show
        self.choices.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        return [("", {}), ("typing", {"query": "wohn"}), ("no-match", {"query": "xyzzy"})]
