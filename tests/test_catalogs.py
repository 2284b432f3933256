"""The gettext catalogs are complete: a fresh template, every message translated in every
language, placeholders kept, all plural forms, nothing left in German.

``kiosk.i18n.catalogs.check()`` is the tool behind ``kiosk i18n check``; these tests use it so
the command and CI agree, and add what it does not look at (placeholders, plural forms).
"""

from __future__ import annotations

import gettext
import io
import re
from functools import cache

import pytest
from babel.messages.catalog import Catalog, Message

from kiosk.i18n import catalogs
from kiosk.i18n.catalogs import Problem

CODES = [lang.code for lang in catalogs.TARGETS]
NOT_GERMAN = [code for code in CODES if code != "ls"]  # Leichte Sprache is German on purpose
# A msgstr may equal the German msgid only for a true cognate or a brand name. Kept empty on
# purpose: add (code, msgid) pairs here one by one, each with a comment saying why.
ALLOWED_IN_GERMAN: frozenset[tuple[str, str]] = frozenset()
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@cache
def problems() -> tuple[Problem, ...]:
    return tuple(catalogs.check())


@cache
def catalog(code: str) -> Catalog:
    lang = next(lang for lang in catalogs.TARGETS if lang.code == code)
    return catalogs.read_catalog(catalogs.po_path(code), catalogs._babel_locale(lang))


def _messages(code: str) -> list[Message]:
    return [m for m in catalog(code) if m.id]


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_template_holds_exactly_the_strings_marked_in_the_sources():
    stale = [str(p) for p in problems() if p.code == "pot"]
    assert stale == [], "run: uv run kiosk i18n extract && uv run kiosk i18n update"


@pytest.mark.parametrize("code", CODES)
def test_catalog_has_every_message_of_the_template_translated(code):
    gaps = [
        str(p)
        for p in problems()
        if p.code == code and p.what in {"catalog missing", "missing", "untranslated", "fuzzy"}
    ]
    assert gaps == []


@pytest.mark.parametrize("code", NOT_GERMAN)
def test_catalog_leaves_no_string_in_german(code):
    german = [
        p.msgid
        for p in problems()
        if p.code == code and p.what == "left in German" and (code, p.msgid) not in ALLOWED_IN_GERMAN
    ]
    assert german == []


@pytest.mark.parametrize("code", CODES)
def test_translations_keep_the_placeholders_of_the_german_source(code):
    wrong = []
    for message in _messages(code):
        sources = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        allowed = [_placeholders(source) for source in sources]
        wrong += [(sources[0], s) for s in strings if s and _placeholders(s) not in allowed]
    assert wrong == []


@pytest.mark.parametrize("code", CODES)
def test_plural_messages_have_every_plural_form_of_the_language(code):
    expected = Catalog(locale=catalog(code).locale).num_plurals  # babel's (CLDR) rule
    assert catalog(code).num_plurals == expected
    plurals = [m for m in _messages(code) if m.pluralizable]
    assert plurals, "the template has ngettext messages"
    for message in plurals:
        assert len(message.string) == expected and all(message.string), message.id[0]


def test_leichte_sprache_uses_german_plural_rules():
    assert (catalog("ls").num_plurals, catalog("ls").plural_expr) == (2, "(n != 1)")


def _compiled(code: str) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(catalogs.compile_catalog(code)))


IDLE_SINGULAR = "Ohne Eingabe beginnt das Terminal in {n} Sekunde von vorn. Ihre Angaben werden dann gelöscht."
IDLE_PLURAL = "Ohne Eingabe beginnt das Terminal in {n} Sekunden von vorn. Ihre Angaben werden dann gelöscht."


@pytest.mark.parametrize(
    ("n", "word"), [(1, "секунду"), (21, "секунду"), (3, "секунды"), (5, "секунд"), (12, "секунд")]
)
def test_compiled_russian_catalog_picks_the_plural_form_by_number(n, word):
    text = _compiled("ru").ngettext(IDLE_SINGULAR, IDLE_PLURAL, n).format(n=n)
    assert f"через {n} {word}." in text


@pytest.mark.parametrize(("n", "word"), [(5, "ثوانٍ"), (15, "ثانية")])
def test_compiled_arabic_catalog_picks_the_plural_form_by_number(n, word):
    text = _compiled("ar").ngettext(IDLE_SINGULAR, IDLE_PLURAL, n).format(n=n)
    assert f"{n} {word}" in text


def test_check_reports_a_stale_template_and_a_string_left_in_german(tmp_path):
    """The guard itself: a copy of the catalogs with one id gone from the template and
    one translation reverted to German is not accepted."""
    import shutil

    locales = tmp_path / "locales"
    shutil.copytree(catalogs.pot_path().parent, locales)
    template = catalogs.read_catalog(catalogs.pot_path(locales))
    template.delete("Zurück")
    catalogs._write(template, catalogs.pot_path(locales), omit_header=False, include_lineno=False)
    ru = catalogs.read_catalog(catalogs.po_path("ru", locales), "ru")
    ru["Suchen"].string = "Suchen"
    catalogs._write(ru, catalogs.po_path("ru", locales), include_lineno=False)

    found = {(p.code, p.what, p.msgid) for p in catalogs.check(locales)}

    assert ("pot", "in the sources but not in kiosk.pot", "Zurück") in found
    assert ("ru", "left in German", "Suchen") in found
