"""Gettext catalogs: extract from the sources, update, compile, check — all with babel.

``locales/kiosk.pot`` is extracted from ``kiosk/``; each language has
``locales/<code>/LC_MESSAGES/kiosk.po``. Compiled ``.mo`` files are build products (not
committed): ``kiosk.i18n`` compiles a missing or stale one in memory, the bundle build
and the tests compile them to disk. Leichte Sprache (``ls``) is not a CLDR locale, so
catalogs are created here rather than with ``pybabel init``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from kiosk import paths
from kiosk.i18n.languages import DOMAIN, LANGUAGES, SOURCE_LANGUAGE, Language

KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
STABLE_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # keeps the template free of diff noise
TARGETS: tuple[Language, ...] = tuple(lang for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE)


def pot_path(locales: Path | None = None) -> Path:
    return (locales or paths.locales_dir()) / f"{DOMAIN}.pot"


def po_path(code: str, locales: Path | None = None) -> Path:
    return (locales or paths.locales_dir()) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str, locales: Path | None = None) -> Path:
    return po_path(code, locales).with_suffix(".mo")


def _babel_locale(lang: Language) -> str:
    return lang.babel_locale.split("_")[0]


def extract(source: Path | None = None) -> Catalog:
    """Every marked string under ``kiosk/`` (sorted, with source locations)."""
    source = source or paths.resource_root() / "kiosk"
    catalog = Catalog(
        project="buergerservice-kiosk", locale=SOURCE_LANGUAGE, charset="utf-8", creation_date=STABLE_DATE
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        source, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(message, None, [(f"kiosk/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path, **kwargs) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, **kwargs)
    path.write_bytes(buffer.getvalue())


def write_pot(locales: Path | None = None) -> Catalog:
    template = extract()
    _write(template, pot_path(locales), omit_header=False, include_lineno=False)
    return template


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fp:
        return read_po(fp, locale=locale)


def update(locales: Path | None = None) -> list[Path]:
    """Bring every language's .po in line with the template (new ids empty, old ones dropped)."""
    template = read_catalog(pot_path(locales))
    written = []
    for lang in TARGETS:
        path = po_path(lang.code, locales)
        if path.exists():
            catalog = read_catalog(path, _babel_locale(lang))
        else:
            catalog = Catalog(locale=_babel_locale(lang), project="buergerservice-kiosk", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write(catalog, path, include_lineno=False, ignore_obsolete=True)
        written.append(path)
    return written


def compile_catalog(code: str, locales: Path | None = None) -> bytes:
    """The .mo bytes for one language, fuzzy entries left out."""
    lang = next(lang for lang in TARGETS if lang.code == code)
    catalog = read_catalog(po_path(code, locales), _babel_locale(lang))
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all(locales: Path | None = None) -> list[Path]:
    written = []
    for lang in TARGETS:
        if po_path(lang.code, locales).exists():
            path = mo_path(lang.code, locales)
            path.write_bytes(compile_catalog(lang.code, locales))
            written.append(path)
    return written


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    msgid: str
    what: str

    def __str__(self) -> str:
        return f"{self.code}: {self.what}: {self.msgid!r}"


def _ids(catalog: Catalog) -> set[str]:
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def check(locales: Path | None = None) -> list[Problem]:
    """Template stale, messages missing, untranslated, fuzzy or left in German."""
    problems: list[Problem] = []
    fresh = _ids(extract())
    committed = _ids(read_catalog(pot_path(locales))) if pot_path(locales).exists() else set()
    problems += [Problem("pot", m, "in the sources but not in kiosk.pot") for m in sorted(fresh - committed)]
    problems += [Problem("pot", m, "in kiosk.pot but no longer in the sources") for m in sorted(committed - fresh)]
    for lang in TARGETS:
        path = po_path(lang.code, locales)
        if not path.exists():
            problems.append(Problem(lang.code, "", "catalog missing"))
            continue
        catalog = read_catalog(path, _babel_locale(lang))
        problems += [Problem(lang.code, m, "missing") for m in sorted(fresh - _ids(catalog))]
        for message in catalog:
            if not message.id:
                continue
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
            if message.fuzzy:
                problems.append(Problem(lang.code, msgid, "fuzzy"))
            elif not all(strings):
                problems.append(Problem(lang.code, msgid, "untranslated"))
            elif lang.code != "ls" and strings[0] == msgid and any(c.isalpha() for c in msgid) and len(msgid) > 3:
                problems.append(Problem(lang.code, msgid, "left in German"))
    return problems


def untranslated(code: str, locales: Path | None = None) -> Iterable[str]:
    lang = next(lang for lang in TARGETS if lang.code == code)
    for message in read_catalog(po_path(code, locales), _babel_locale(lang)):
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.id and not all(strings):
            yield message.id if isinstance(message.id, str) else message.id[0]
