"""The kiosk's languages: code, own name and script (never a flag), babel locale, RTL.

German is the source language. ``N_`` marks a module-level string for extraction; it is
translated where it is shown.
"""

from __future__ import annotations

from typing import NamedTuple

DOMAIN = "kiosk"


class Language(NamedTuple):
    code: str  # our code; also the catalog folder and the content translation key
    native_name: str  # in its own name and script; never a flag
    babel_locale: str  # for dates, times and plural rules
    rtl: bool = False


LANGUAGES: tuple[Language, ...] = (
    Language("de", "Deutsch", "de_DE"),
    Language("ls", "Leichte Sprache", "de_DE"),
    Language("en", "English", "en_GB"),
    Language("tr", "Türkçe", "tr_TR"),
    Language("ar", "العربية", "ar", rtl=True),
    Language("uk", "Українська", "uk_UA"),
    Language("ru", "Русский", "ru_RU"),
)
SOURCE_LANGUAGE = "de"
_BY_CODE = {lang.code: lang for lang in LANGUAGES}


def language(code: str) -> Language:
    return _BY_CODE.get(code, _BY_CODE[SOURCE_LANGUAGE])


def N_(message: str) -> str:
    return message
