"""The visitor session on screen: the visitor's language and modes applied, and everything of
them wiped when they leave or go idle (place, inputs, language, modes, overlays, speech).

The idle warning shows only when there is something to wipe (``Flow.untouched``); its
"Weiter" keeps the session.
"""

from __future__ import annotations

from kiosk.flow import Flow
from kiosk.i18n import Translator
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.look import Look
from kiosk.ui.navigator import Navigator
from kiosk.ui.overlay_host import OverlayHost
from kiosk.ui.speech import ReadAloud


class SessionKeeper:
    def __init__(
        self,
        flow: Flow,
        tr: Translator,
        navigator: Navigator,
        idle: IdleWatcher,
        look: Look,
        overlays: OverlayHost,
        read_aloud: ReadAloud,
    ) -> None:
        self.flow, self.tr_, self.navigator, self.idle = flow, tr, navigator, idle
        self.look, self.overlays, self.read_aloud = look, overlays, read_aloud

    def end(self) -> None:
        """Wipe the visitor session: place, inputs, language and modes; the start screen in
        the default language."""
        self.overlays.hide_all()
        self.read_aloud.stop()
        self.navigator.wipe()
        place = self.flow.end_session()
        self.tr_.set_language(self.flow.default_language)
        self.look.apply()
        self.navigator.show_place(place)
        self.idle.reset()

    def set_modes(
        self, *, large_text: bool | None = None, high_contrast: bool | None = None, low_position: bool | None = None
    ) -> None:
        session = self.flow.session
        if large_text is not None:
            session.large_text = large_text
        if high_contrast is not None:
            session.high_contrast = high_contrast
        if low_position is not None:
            session.low_position = low_position
        self.look.apply()

    def set_language(self, code: str) -> None:
        self.flow.session.language = code
        self.tr_.set_language(code)

    def language_picked(self, code: str) -> None:
        self.overlays.hide_language()
        self.set_language(code)

    def idle_warning(self) -> None:
        if self.flow.untouched:
            self.idle.reset()  # nothing to wipe: nobody is using the terminal
            return
        self.overlays.hide_language()
        self.overlays.show(self.overlays.idle)

    def resume(self) -> None:
        self.overlays.hide_idle()
        self.idle.reset()
