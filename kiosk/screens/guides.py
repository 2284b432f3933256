"""Anleitungen: the list of step-by-step guides (content data, so offices add their own)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.content.model import Guide, localized
from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.ui.list_screen import ListScreen


class GuidesScreen(ListScreen):
    screen_id = ScreenId.GUIDES

    def __init__(self, tr: Translator, store: ContentStore, parent: QWidget | None = None) -> None:
        super().__init__(tr, store, parent)
        self._guides: tuple[Guide, ...] = ()

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._guides = self.store.guides()
        self.show_rows([g.id for g in self._guides], lambda key: self.choose(Action.PICK_GUIDE, guide_id=key))

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
