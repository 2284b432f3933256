"""The window's overlays (the language choice, the idle warning): built at first use, never
at start (the language overlay's seven buttons are ~5 ms of start-up, the idle warning a
panel nobody sees then), themed and placed with the window's look."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kiosk.i18n import Translator
from kiosk.ui.look import Look

if TYPE_CHECKING:
    from kiosk.ui.idle_overlay import IdleOverlay
    from kiosk.ui.language_overlay import LanguageOverlay
    from kiosk.ui.overlay import Overlay


class OverlayHost:
    def __init__(
        self,
        window: QWidget,
        tr: Translator,
        look: Look,
        on_language_picked: Callable[[str], None],
        on_resume: Callable[[], None],
    ) -> None:
        self.window, self.tr_, self.look = window, tr, look
        self._on_language_picked, self._on_resume = on_language_picked, on_resume
        self._idle: IdleOverlay | None = None
        self._language: LanguageOverlay | None = None

    @property
    def language(self) -> LanguageOverlay:
        if self._language is None:
            from kiosk.ui.language_overlay import LanguageOverlay

            overlay = LanguageOverlay(self.tr_, self.window)
            overlay.picked.connect(self._on_language_picked)
            self._language = self._adopt(overlay)
        return self._language

    @property
    def idle(self) -> IdleOverlay:
        if self._idle is None:
            from kiosk.ui.idle_overlay import IdleOverlay

            overlay = IdleOverlay(self.tr_, self.window)
            overlay.resume.connect(self._on_resume)
            self._idle = self._adopt(overlay)
        return self._idle

    def _adopt(self, overlay: Overlay) -> Overlay:
        """A just-built overlay: hidden, in the current look and place (a later look reaches
        it as one of the window's children)."""
        overlay.hide()
        if self.look.applied:
            self.look.theme_buttons(overlay)
            self.place()
        return overlay

    def built(self) -> list[Overlay]:
        return [o for o in (self._idle, self._language) if o is not None]

    def place(self) -> None:
        m, w = self.look.metrics, self.window
        for overlay in self.built():
            overlay.place(w.width(), w.height(), self.look.overlay_top(), m.px(60), m.px(1240))

    def show(self, overlay: Overlay) -> None:
        """``overlay`` over the current screen, in the current language and place."""
        overlay.retranslate()
        self.place()
        overlay.show()
        overlay.raise_()

    def hide_all(self) -> None:
        for overlay in self.built():
            overlay.hide()

    def hide_language(self) -> None:
        if self._language is not None:
            self._language.hide()

    def hide_idle(self) -> None:
        if self._idle is not None:
            self._idle.hide()

    def retranslate(self) -> None:
        for overlay in self.built():
            overlay.retranslate()
