"""Read aloud: the current screen's main text in the current language, if a voice exists.

QtTextToSpeech lives in the optional ``pyside6-addons`` wheel (extra ``speech``). Without
it, without an engine, or without a voice for the visitor's language, ``available_for``
says no and the button stays hidden: never a button that does nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject

from kiosk.i18n import Language

log = logging.getLogger(__name__)


class ReadAloud(QObject):
    def __init__(self, engine: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine_name = engine  # "" = the first real engine (never the test engine "mock")
        self._tts = None
        self._tried = False

    def _engine(self):
        if self._tried:
            return self._tts
        self._tried = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            log.info("read aloud unavailable: QtTextToSpeech is not installed (extra 'speech')")
            return None
        engines = QTextToSpeech.availableEngines()
        wanted = [self.engine_name] if self.engine_name else [e for e in engines if e != "mock"]
        for name in wanted:
            if name in engines:
                tts = QTextToSpeech(name, self)
                if tts.state() != QTextToSpeech.State.Error:
                    self._tts = tts
                    break
        if self._tts is None:
            log.info("read aloud unavailable: no working speech engine among %s", engines)
        return self._tts

    def _locale_for(self, language: Language) -> QLocale | None:
        tts = self._engine()
        if tts is None:
            return None
        code = language.babel_locale.split("_")[0]
        for locale in tts.availableLocales():
            if locale.name().split("_")[0] == code:
                return locale
        return None

    def available_for(self, language: Language, probe: bool = True) -> bool:
        """``probe=False`` answers without starting the engine (no until it was started):
        loading the speech plugin and asking speechd for voices costs 30-50 ms, which the
        first Home must not wait for (``Kiosk.start_background`` starts it later)."""
        if not probe and not self._tried:
            return False
        return self._locale_for(language) is not None

    def say(self, text: str, language: Language) -> bool:
        locale = self._locale_for(language)
        if locale is None or not text.strip():
            return False
        self._tts.setLocale(locale)
        self._tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()
