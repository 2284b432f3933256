"""The shape of a screen that lists content entries (the online services, the guides): a
title, a line under it, one large row per entry, and a banner when there is none."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import ButtonList, KineticScrollArea, WrapLabel

if TYPE_CHECKING:
    from kiosk.content.store import ContentStore


class ListScreen(Screen):
    """``show_rows`` in ``on_enter``; the subclass sets the texts in ``retranslate``
    (``title``, ``summary``, ``empty`` and each of ``rows.buttons``)."""

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

    def show_rows(self, ids: Sequence[str], pick: Callable[[str], None]) -> None:
        """One row per id, with an arrow the way the text reads; the banner when empty."""
        arrow = "arrow_back" if self.tr_.language.rtl else "arrow_forward"
        self.rows.set_items([(ident, arrow) for ident in ids], pick)
        self.empty.setVisible(not ids)

    def main_text(self) -> str:
        return f"{self.title.text()}. {self.summary.text()}"
