"""Languages and their texts: gettext catalogs, the current language, babel formatting; no Qt.

``languages`` lists the seven languages (own names, RTL), ``catalogs`` extracts, updates,
compiles and checks the gettext catalogs (babel). May import ``kiosk.paths`` only.

This module: the Translator.

German is the source language: a missing catalog or message shows German. Screens get a
``Translator`` in their constructor and call ``tr.gettext`` in ``retranslate()``;
module-level strings are marked with ``N_`` and translated where shown.
"""

from __future__ import annotations

import gettext
import io
import logging
import re
from collections.abc import Callable
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # babel is imported on first use: Home shows no dates (-0.1 s start-up)
    from babel import Locale

from kiosk import paths
from kiosk.i18n.languages import DOMAIN, LANGUAGES, N_, SOURCE_LANGUAGE, Language, language

__all__ = ["DOMAIN", "LANGUAGES", "N_", "SOURCE_LANGUAGE", "Language", "Translator", "catalog", "language"]

log = logging.getLogger(__name__)


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class _SafeTranslations(gettext.GNUTranslations):
    """A translation whose {placeholders} differ from the source falls back to German,
    so a slip in a catalog never crashes a screen (Electrum's i18n does the same)."""

    def gettext(self, message: str) -> str:
        translated = super().gettext(message)
        return translated if _same_placeholders(message, translated) else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        translated = super().ngettext(singular, plural, n)
        source = singular if n == 1 else plural
        return translated if _same_placeholders(source, translated) else source


def _same_placeholders(source: str, translated: str) -> bool:
    return sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(translated))


@cache
def catalog(code: str, locales: Path | None = None) -> gettext.NullTranslations:
    """The compiled catalog; a missing or stale .mo is compiled from the .po in memory,
    so a fresh checkout (no .mo files) and an edited .po both just work."""
    if code == SOURCE_LANGUAGE or language(code).code != code:  # unknown codes show German
        return gettext.NullTranslations()
    folder = locales or paths.locales_dir()
    po = folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        return _SafeTranslations(io.BytesIO(mo.read_bytes()))
    if po.exists():
        from kiosk.i18n.catalogs import compile_catalog

        return _SafeTranslations(io.BytesIO(compile_catalog(code, folder)))
    log.warning("no catalog for %s; showing German", code)
    return gettext.NullTranslations()


class Translator:
    """The current language and its catalog; tells listeners when the language changes."""

    def __init__(self, code: str = SOURCE_LANGUAGE) -> None:
        self._language = language(code)
        self._listeners: list[Callable[[Language], None]] = []

    @property
    def language(self) -> Language:
        return self._language

    @property
    def code(self) -> str:
        return self._language.code

    def set_language(self, code: str) -> None:
        new = language(code)
        if new == self._language:
            return
        self._language = new
        for listener in list(self._listeners):
            listener(new)

    def on_change(self, listener: Callable[[Language], None]) -> None:
        self._listeners.append(listener)

    def gettext(self, message: str) -> str:
        return catalog(self.code).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return catalog(self.code).ngettext(singular, plural, n)

    # --- babel formatting in the current language -------------------------------------
    @property
    def locale(self) -> Locale:
        return _locale(self._language.babel_locale)

    def time(self, value: time | datetime) -> str:
        """24 h clock; German adds 'Uhr' (12:00 Uhr), as people write it."""
        from babel.dates import format_time

        text = format_time(value, "HH:mm", locale=self.locale)
        return f"{text} Uhr" if self.locale.language == "de" else text

    def date(self, value: date, fmt: str = "full") -> str:
        from babel.dates import format_date

        return format_date(value, fmt, locale=self.locale)

    def weekday(self, value: date | int) -> str:
        index = value if isinstance(value, int) else value.weekday()
        return self.locale.days["format"]["wide"][index]


@cache
def _locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)
