"""Anleitungen: the list of step-by-step guides (content data, so offices add their own)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Guide, localized
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import ButtonList, KineticScrollArea, WrapLabel


class GuidesScreen(Screen):
    screen_id = ScreenId.GUIDES

    def __init__(self, tr: Translator, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(tr, parent)
        self.store = store
        self.title = WrapLabel("title")
        self.summary = WrapLabel("muted")
        self.rows = ButtonList(min_column_px=700)
        self.empty = WrapLabel("banner")
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.rows)
        inner.addWidget(self.empty)
        inner.addStretch(1)
        self.body.addWidget(self.title)
        self.body.addWidget(self.summary)
        self.body.addWidget(KineticScrollArea(holder), 1)
        self._guides: tuple[Guide, ...] = ()

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._guides = self.store.guides()
        arrow = "arrow_back" if self.tr_.language.rtl else "arrow_forward"
        self.rows.set_items(
            [(g.id, arrow) for g in self._guides], lambda key: self.choose(Action.PICK_GUIDE, guide_id=key)
        )
        self.empty.setVisible(not self._guides)

    def retranslate(self) -> None:
        _ = self.gettext
        lang = self.tr_.code
        self.title.setText(_("Anleitungen"))
        self.summary.setText(_("Wir zeigen Ihnen Schritt für Schritt, was zu tun ist. Sie können jederzeit zurück."))
        for guide, button in zip(self._guides, self.rows.buttons, strict=True):
            summary = localized(guide.summary, lang)
            title = localized(guide.title, lang)
            button.setText(f"{title}\n{summary}" if summary else title)
        self.empty.setText(_("Zurzeit gibt es hier keine Anleitungen. Bitte fragen Sie an der Infothek."))

    def main_text(self) -> str:
        return f"{self.title.text()}. {self.summary.text()}"
