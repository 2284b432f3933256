"""Typed access to one TOML table of a content source, and the checks its fields share.

Every failure is a ``ContentError`` that names the file, the entry and the field, so an
office can fix its own typo (docs/content-format.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, time
from typing import Any, TypeVar
from urllib.parse import urlsplit

from kiosk.content.model import Hours, HoursKind, LocalText

LANGUAGES = ("de", "en", "tr", "ar", "uk", "ru", "ls")
_LANGUAGE_SET = frozenset(LANGUAGES)
WEEKDAYS = ("mo", "di", "mi", "do", "fr", "sa", "so")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
MAX_TEXT = 4000

T = TypeVar("T")


class ContentError(ValueError):
    """Content that must not be shown. Says where: file, entry and field."""

    def __init__(self, file: str, message: str, entry: str = "", field: str = "") -> None:
        self.file, self.entry, self.field, self.message = file, entry, field, message
        where = file + (f", entry '{entry}'" if entry else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")


class Entry:
    """Typed access to one TOML table; every failure becomes a ContentError."""

    def __init__(self, file: str, entry: str, data: Mapping[str, Any]) -> None:
        self.file, self.entry, self.data = file, entry, data

    def error(self, field: str, message: str) -> ContentError:
        return ContentError(self.file, message, self.entry, field)

    def _get(self, field: str, required: bool) -> Any:
        if field not in self.data:
            if required:
                raise self.error(field, "is missing")
            return None
        return self.data[field]

    def string(self, field: str, required: bool = True, default: str = "") -> str:
        value = self._get(field, required)
        if value is None:
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.error(field, "must be a non-empty text")
        if len(value) > MAX_TEXT:
            raise self.error(field, f"is longer than {MAX_TEXT} characters")
        return value.strip()

    def integer(self, field: str, required: bool = True, default: int = 0) -> int:
        value = self._get(field, required)
        if value is None:
            return default
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(field, "must be a whole number")
        return value

    def boolean(self, field: str, default: bool = False) -> bool:
        value = self._get(field, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(field, "must be true or false")
        return value

    def text(self, field: str, required: bool = True) -> LocalText:
        return local_text(self, field, self._get(field, required), required)

    def texts(self, field: str) -> tuple[LocalText, ...]:
        value = self._get(field, False) or []
        if not isinstance(value, list):
            raise self.error(field, "must be a list of translated texts")
        return tuple(local_text(self, f"{field}[{i}]", item, True) for i, item in enumerate(value))

    def ids(self, field: str, required: bool = False) -> tuple[str, ...]:
        value = self._get(field, required) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(field, "must be a list of ids")
        return tuple(value)

    def optional_id(self, field: str) -> str | None:
        value = self._get(field, False)
        if value is None:
            return None
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise self.error(field, "must be an id (lower case letters, digits, '-')")
        return value

    def choice(self, field: str, enum: Callable[[str], T], default: T) -> T:
        value = self._get(field, False)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            raise self.error(field, f"'{value}' is not allowed") from None

    def url(self, field: str, allowed_hosts: Iterable[str], required: bool = True) -> str:
        value = self.string(field, required)
        if value:
            check_url(value, allowed_hosts, self, field)
        return value

    def table_list(self, field: str) -> list[Mapping[str, Any]]:
        value = self._get(field, False) or []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(field, "must be a list of tables ([[...]])")
        return value


def local_text(entry: Entry, field: str, value: Any, required: bool) -> LocalText:
    if value is None:
        return {}
    if isinstance(value, str):
        value = {"de": value}
    if not isinstance(value, dict):
        raise entry.error(field, 'must be a table of languages, e.g. { de = "..." }')
    result: dict[str, str] = {}
    for code, text in value.items():
        if code not in _LANGUAGE_SET:
            raise entry.error(field, f"unknown language '{code}' (allowed: {', '.join(LANGUAGES)})")
        if not isinstance(text, str):
            raise entry.error(f"{field}.{code}", "must be a text")
        if len(text) > MAX_TEXT:
            raise entry.error(f"{field}.{code}", f"is longer than {MAX_TEXT} characters")
        stripped = text.strip()
        if stripped:
            result[code] = stripped
    if required and "de" not in result:
        raise entry.error(field, "needs a German text (de)")
    return result


def check_url(url: str, allowed_hosts: Iterable[str], entry: Entry, field: str) -> None:
    """Reject anything a visitor's phone should not be sent to."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        raise entry.error(field, f"'{url}' is not a valid address") from None
    if parts.scheme != "https":
        raise entry.error(field, f"'{url}' must start with https:// (found '{parts.scheme}:')")
    if parts.username or parts.password or any(c.isspace() for c in url):
        raise entry.error(field, f"'{url}' is not a plain web address")
    if host not in {h.lower() for h in allowed_hosts}:
        raise entry.error(field, f"host '{host}' is not in allowed_hosts of content.toml")


def clock(entry: Entry, field: str, value: Any) -> time:
    if not isinstance(value, str) or not re.fullmatch(r"\d{2}:\d{2}", value):
        raise entry.error(field, f"'{value}' must be a time like 09:00")
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise entry.error(field, f"'{value}' is not a valid time") from None


def day(entry: Entry, field: str, value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise entry.error(field, f"'{value}' must be a date like 2026-08-10") from None


def hours_of(entry: Entry, field: str, force_kind: HoursKind | None = None) -> tuple[Hours, ...]:
    result: list[Hours] = []
    for i, row in enumerate(entry.table_list(field)):
        where = f"{field}[{i}]"
        sub = Entry(entry.file, entry.entry, row)
        kind = force_kind or sub.choice("kind", HoursKind, HoursKind.WALK_IN)
        days = row.get("days")
        if not isinstance(days, list) or not days or any(d not in WEEKDAYS for d in days):
            raise entry.error(f"{where}.days", f"must list weekdays from {' '.join(WEEKDAYS)}")
        start = clock(entry, f"{where}.from", row.get("from"))
        end = clock(entry, f"{where}.to", row.get("to"))
        if end <= start:
            raise entry.error(f"{where}.to", "must be later than 'from'")
        result.extend(Hours(kind, WEEKDAYS.index(d), start, end) for d in days)
    return tuple(sorted(result, key=lambda h: (h.kind, h.weekday, h.start)))
