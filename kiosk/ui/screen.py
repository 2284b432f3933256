"""The base of every screen: build widgets once, set texts in ``retranslate``.

A screen never navigates itself and never knows another screen: it calls
``self.choose(Action.X, **params)`` and the Navigator asks the flow where that leads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator

if TYPE_CHECKING:
    from kiosk.content.store import ContentStore


class Screen(QWidget):
    """Subclasses set ``screen_id``, build widgets in ``__init__`` (no I/O there), fill
    them in ``on_enter`` and set every visible text in ``retranslate``."""

    screen_id: ClassVar[ScreenId]
    chosen = Signal(object, dict)  # (Action, params) -> Navigator
    go_home = Signal()  # e.g. after a ticket was printed: start over on Home
    go_back = Signal()  # the same as the nav bar's Back (e.g. "Zurück" on a guide's first step)

    def __init__(self, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.params: Mapping[str, Any] = {}
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)

    def choose(self, action: Action, **params: Any) -> None:
        self.chosen.emit(action, params)

    def gettext(self, message: str) -> str:
        return self.tr_.gettext(message)

    def enter(self, params: Mapping[str, Any]) -> None:
        self.params = params
        self.on_enter(params)
        self.retranslate()

    # --- for subclasses ---------------------------------------------------------------
    def on_enter(self, params: Mapping[str, Any]) -> None:
        """Fill the screen for these params (content ids); texts come in retranslate()."""

    def on_leave(self) -> None:
        """Drop anything the visitor typed or chose here (privacy: wiped per session)."""

    def retranslate(self) -> None:
        """Set every visible text in the current language; runs on language change."""

    def main_text(self) -> str:
        """The screen's main text, read aloud on request."""
        return ""

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        """(name suffix, params) pairs that ``kiosk screenshots`` renders; '' = plain."""
        return [("", {})]
