"""Read a content source (TOML files, see docs/content-format.md) into ``Content``.

The loader is the one gate every content set passes, whether it comes from the embedded
default, a USB stick or the nightly sync: anything it accepts is safe to show. Errors
name the file, the entry and the field, so an office can fix its own typo.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, time
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar
from urllib.parse import urlsplit

# tomllib's own parser (TOML 1.0; <2.4 keeps it 1.0), compiled with mypyc: ~2x faster, and
# parsing is most of checking a bundle of 20,000 files.
import tomli

from kiosk.content.model import (
    Closure,
    Content,
    ContentMeta,
    Guide,
    GuideStep,
    Hours,
    HoursKind,
    LifeSituation,
    LocalText,
    Office,
    OfficeRole,
    OnlineService,
    QueueCategory,
    Service,
    WhenExhausted,
)

LANGUAGES = ("de", "en", "tr", "ar", "uk", "ru", "ls")
_LANGUAGE_SET = frozenset(LANGUAGES)
WEEKDAYS = ("mo", "di", "mi", "do", "fr", "sa", "so")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
KINDS = ("offices", "services", "situations", "online", "guides", "queues")
MAX_TEXT = 4000

T = TypeVar("T")


class ContentError(ValueError):
    """Content that must not be shown. Says where: file, entry and field."""

    def __init__(self, file: str, message: str, entry: str = "", field: str = "") -> None:
        self.file, self.entry, self.field, self.message = file, entry, field, message
        where = file + (f", entry '{entry}'" if entry else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")


class _Entry:
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
        return _local_text(self, field, self._get(field, required), required)

    def texts(self, field: str) -> tuple[LocalText, ...]:
        value = self._get(field, False) or []
        if not isinstance(value, list):
            raise self.error(field, "must be a list of translated texts")
        return tuple(_local_text(self, f"{field}[{i}]", item, True) for i, item in enumerate(value))

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


def _local_text(entry: _Entry, field: str, value: Any, required: bool) -> LocalText:
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


def check_url(url: str, allowed_hosts: Iterable[str], entry: _Entry, field: str) -> None:
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


def _clock(entry: _Entry, field: str, value: Any) -> time:
    if not isinstance(value, str) or not re.fullmatch(r"\d{2}:\d{2}", value):
        raise entry.error(field, f"'{value}' must be a time like 09:00")
    try:
        return time.fromisoformat(value)
    except ValueError:
        raise entry.error(field, f"'{value}' is not a valid time") from None


def _day(entry: _Entry, field: str, value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise entry.error(field, f"'{value}' must be a date like 2026-08-10") from None


def _hours(entry: _Entry, field: str, force_kind: HoursKind | None = None) -> tuple[Hours, ...]:
    result: list[Hours] = []
    for i, row in enumerate(entry.table_list(field)):
        where = f"{field}[{i}]"
        sub = _Entry(entry.file, entry.entry, row)
        kind = force_kind or sub.choice("kind", HoursKind, HoursKind.WALK_IN)
        days = row.get("days")
        if not isinstance(days, list) or not days or any(d not in WEEKDAYS for d in days):
            raise entry.error(f"{where}.days", f"must list weekdays from {' '.join(WEEKDAYS)}")
        start = _clock(entry, f"{where}.from", row.get("from"))
        end = _clock(entry, f"{where}.to", row.get("to"))
        if end <= start:
            raise entry.error(f"{where}.to", "must be later than 'from'")
        result.extend(Hours(kind, WEEKDAYS.index(d), start, end) for d in days)
    return tuple(sorted(result, key=lambda h: (h.kind, h.weekday, h.start)))


def _office(e: _Entry) -> Office:
    closures = []
    for i, row in enumerate(e.table_list("closures")):
        sub = _Entry(e.file, e.entry, row)
        start = _day(e, f"closures[{i}].from", row.get("from"))
        end = _day(e, f"closures[{i}].to", row.get("to", row.get("from")))
        if end < start:
            raise e.error(f"closures[{i}].to", "must not be before 'from'")
        closures.append(Closure(start, end, sub.text("reason", False), sub.optional_id("alternative")))
    return Office(
        id=e.entry,
        name=e.text("name"),
        building=e.string("building"),
        floor=e.text("floor"),
        room=e.string("room"),
        directions=e.text("directions", False),
        phone=e.string("phone", False),
        email=e.string("email", False),
        appointment_only=e.boolean("appointment_only"),
        role=e.choice("role", OfficeRole, OfficeRole.OFFICE),
        hours=_hours(e, "hours"),
        closures=tuple(closures),
    )


def _service(e: _Entry) -> Service:
    keywords_raw = e.data.get("keywords", {})
    if not isinstance(keywords_raw, dict):
        raise e.error("keywords", "must be a table of languages with lists of words")
    keywords: dict[str, tuple[str, ...]] = {}
    for code, words in keywords_raw.items():
        if code not in LANGUAGES or not isinstance(words, list):
            raise e.error(f"keywords.{code}", "must be a list of words for a known language")
        keywords[code] = tuple(str(w) for w in words)
    leika = e.string("leika", False) or None
    if leika and not re.fullmatch(r"\d{14}", leika):
        raise e.error("leika", "must be 14 digits")
    return Service(
        id=e.entry,
        title=e.text("title"),
        summary=e.text("summary"),
        eligibility=e.text("eligibility", False),
        documents=e.texts("documents"),
        office_ids=e.ids("offices", required=True),
        online_id=e.optional_id("online"),
        keywords=keywords,
        leika=leika,
    )


def _situation(e: _Entry) -> LifeSituation:
    return LifeSituation(
        id=e.entry,
        title=e.text("title"),
        summary=e.text("summary", False),
        icon=e.string("icon", False, "help"),
        order=e.integer("order", False, 100),
        service_ids=e.ids("services", required=True),
        needs_lotse=e.boolean("needs_lotse"),
    )


def _online(e: _Entry, hosts: tuple[str, ...]) -> OnlineService:
    return OnlineService(
        id=e.entry,
        title=e.text("title"),
        summary=e.text("summary"),
        requirements=e.texts("requirements"),
        url=e.url("url", hosts),
        short_url=e.string("short_url", False) or e.string("url"),
        guide_id=e.optional_id("guide"),
        service_ids=e.ids("services"),
    )


def _guide(e: _Entry, hosts: tuple[str, ...]) -> Guide:
    steps = []
    for i, row in enumerate(e.table_list("steps")):
        sub = _Entry(e.file, e.entry, row)
        step_id = sub.string("id")
        if not ID_PATTERN.match(step_id):
            raise e.error(f"steps[{i}].id", "must be an id (lower case letters, digits, '-')")
        question = sub.text("question", False) or None
        step = GuideStep(
            id=step_id,
            title=sub.text("title"),
            text=sub.text("text"),
            image=sub.string("image", False) or None,
            question=question,
            next_id=sub.optional_id("next"),
            yes_id=sub.optional_id("yes"),
            no_id=sub.optional_id("no"),
        )
        if question and not (step.yes_id and step.no_id):
            raise e.error(f"steps[{i}]", "a question needs both 'yes' and 'no'")
        if question and step.next_id:
            raise e.error(f"steps[{i}].next", "a question step uses 'yes'/'no', not 'next'")
        if not question and (step.yes_id or step.no_id):
            raise e.error(f"steps[{i}]", "'yes'/'no' need a 'question'")
        steps.append(step)
    if not steps:
        raise e.error("steps", "a guide needs at least one step")
    for source in e.ids("sources"):
        if not source.startswith("https://"):
            raise e.error("sources", f"'{source}' must be an https address")
    guide = Guide(
        id=e.entry,
        title=e.text("title"),
        summary=e.text("summary", False),
        url=e.url("url", hosts),
        first_step_id=e.string("first", False) or steps[0].id,
        steps=tuple(steps),
        checklist=e.texts("checklist"),
        sources=e.ids("sources"),
    )
    _check_guide_graph(guide, e)
    return guide


def _check_guide_graph(guide: Guide, e: _Entry) -> None:
    """Every step reachable, every link resolves, no cycles: no dead ends on screen."""
    by_id = {s.id: s for s in guide.steps}
    if len(by_id) != len(guide.steps):
        raise e.error("steps", "two steps share an id")
    if guide.first_step_id not in by_id:
        raise e.error("first", f"no step '{guide.first_step_id}'")
    state: dict[str, str] = {}

    def visit(step_id: str, field: str) -> None:
        if step_id not in by_id:
            raise e.error(field, f"no step '{step_id}'")
        if state.get(step_id) == "open":
            raise e.error(field, f"step '{step_id}' leads back to itself (a loop)")
        if state.get(step_id) == "done":
            return
        state[step_id] = "open"
        step = by_id[step_id]
        for target, name in ((step.next_id, "next"), (step.yes_id, "yes"), (step.no_id, "no")):
            if target:
                visit(target, f"steps[{step_id}].{name}")
        state[step_id] = "done"

    visit(guide.first_step_id, "first")
    unreachable = sorted(set(by_id) - set(state))
    if unreachable:
        raise e.error("steps", f"not reachable from the first step: {', '.join(unreachable)}")


def _queue(e: _Entry) -> QueueCategory:
    prefix = e.string("prefix")
    if not re.fullmatch(r"[A-Z]", prefix):
        raise e.error("prefix", "must be one capital letter A-Z")
    first, last = e.integer("first"), e.integer("last")
    if not 0 <= first < last <= 9999:
        raise e.error("last", "the range must satisfy 0 <= first < last <= 9999")
    cap = e.integer("daily_cap", False, last - first + 1)
    if cap < 1:
        raise e.error("daily_cap", "must be at least 1")
    return QueueCategory(
        id=e.entry,
        title=e.text("title"),
        prefix=prefix,
        first=first,
        last=last,
        when_exhausted=e.choice("when_exhausted", WhenExhausted, WhenExhausted.WRAP),
        daily_cap=cap,
        office_id=e.string("office"),
        waiting_area=e.text("waiting_area"),
        issue_hours=_hours(e, "issue_hours", HoursKind.WALK_IN),
    )


def _meta(e: _Entry) -> ContentMeta:
    hosts = e.ids("allowed_hosts")
    for host in hosts:
        if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", host):
            raise e.error("allowed_hosts", f"'{host}' is not a host name")
    version = e.integer("content_version")
    if version < 1:
        raise e.error("content_version", "must be 1 or larger")
    return ContentMeta(
        publisher=e.string("publisher"),
        content_version=version,
        state=e.string("state"),
        allowed_hosts=hosts,
        infothek_id=e.string("infothek"),
        lotse_id=e.string("lotse"),
        staff_help=e.text("staff_help"),
    )


def _parse(name: str, raw: bytes) -> dict[str, Any]:
    try:
        return tomli.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ContentError(name, "is not UTF-8 text") from None
    except tomli.TOMLDecodeError as exc:
        raise ContentError(name, f"is not valid TOML: {exc}") from None


_PLAIN_ENTRY = re.compile(rf"({'|'.join(KINDS)})/({ID_PATTERN.pattern[1:-1]})\.toml")


def load_files(files: Mapping[str, bytes]) -> Content:
    """Validate a content set given as {relative posix path: bytes}."""
    if "content.toml" not in files:
        raise ContentError("content.toml", "is missing")
    meta = _meta(_Entry("content.toml", "", _parse("content.toml", files["content.toml"])))
    entries: dict[str, list[_Entry]] = {kind: [] for kind in KINDS}
    assets: dict[str, bytes] = {}
    for name in sorted(files):
        plain = _PLAIN_ENTRY.fullmatch(name)
        if plain:  # the usual kind/id.toml, without building a path object for each file
            entries[plain[1]].append(_Entry(name, plain[2], _parse(name, files[name])))
            continue
        path = PurePosixPath(name)
        if name == "content.toml":
            continue
        if path.parts[0] == "assets" and len(path.parts) >= 2:
            if path.suffix.lower() not in ASSET_SUFFIXES:
                raise ContentError(name, f"assets must be one of {', '.join(ASSET_SUFFIXES)}")
            assets[str(PurePosixPath(*path.parts[1:]))] = files[name]
            continue
        if len(path.parts) != 2 or path.parts[0] not in KINDS or path.suffix != ".toml":
            raise ContentError(name, "is not a known content file (see docs/content-format.md)")
        if not ID_PATTERN.match(path.stem):
            raise ContentError(name, "the file name must be an id (lower case letters, digits, '-')")
        entries[path.parts[0]].append(_Entry(name, path.stem, _parse(name, files[name])))

    hosts = meta.allowed_hosts
    content = Content(
        meta=meta,
        offices=tuple(_office(e) for e in entries["offices"]),
        services=tuple(_service(e) for e in entries["services"]),
        situations=tuple(sorted((_situation(e) for e in entries["situations"]), key=lambda s: (s.order, s.id))),
        online_services=tuple(_online(e, hosts) for e in entries["online"]),
        guides=tuple(_guide(e, hosts) for e in entries["guides"]),
        queues=tuple(_queue(e) for e in entries["queues"]),
        assets=assets,
    )
    _check_links(content, entries)
    return content


def _check_links(content: Content, entries: Mapping[str, list[_Entry]]) -> None:
    """Every id that one entry names must exist: a broken link is a dead end on screen."""
    known = {
        "offices": {o.id for o in content.offices},
        "services": {s.id for s in content.services},
        "online": {o.id for o in content.online_services},
        "guides": {g.id for g in content.guides},
    }

    def need(kind: str, ident: str | None, file: str, entry: str, field: str) -> None:
        if ident is not None and ident not in known[kind]:
            raise ContentError(file, f"names '{ident}', but there is no {kind}/{ident}.toml", entry, field)

    meta = content.meta
    need("offices", meta.infothek_id, "content.toml", "", "infothek")
    need("offices", meta.lotse_id, "content.toml", "", "lotse")
    for office in content.offices:
        for i, closure in enumerate(office.closures):
            need(
                "offices", closure.alternative_id, f"offices/{office.id}.toml", office.id, f"closures[{i}].alternative"
            )
    for service in content.services:
        file = f"services/{service.id}.toml"
        if not service.office_ids:
            raise ContentError(file, "needs at least one office", service.id, "offices")
        for office_id in service.office_ids:
            need("offices", office_id, file, service.id, "offices")
        need("online", service.online_id, file, service.id, "online")
    for situation in content.situations:
        for service_id in situation.service_ids:
            need("services", service_id, f"situations/{situation.id}.toml", situation.id, "services")
    for online in content.online_services:
        file = f"online/{online.id}.toml"
        need("guides", online.guide_id, file, online.id, "guide")
        for service_id in online.service_ids:
            need("services", service_id, file, online.id, "services")
    for guide in content.guides:
        for step in guide.steps:
            if step.image and step.image not in content.assets:
                raise ContentError(
                    f"guides/{guide.id}.toml", f"no picture assets/{step.image}", guide.id, f"steps[{step.id}].image"
                )
    prefixes: dict[str, str] = {}
    for queue in content.queues:
        file = f"queues/{queue.id}.toml"
        need("offices", queue.office_id, file, queue.id, "office")
        if queue.prefix in prefixes:
            raise ContentError(
                file, f"prefix '{queue.prefix}' is used by {prefixes[queue.prefix]} too", queue.id, "prefix"
            )
        prefixes[queue.prefix] = queue.id
    del entries


def read_source_dir(folder: Path) -> dict[str, bytes]:
    """All content files below ``folder`` as {posix path: bytes}; links are not followed."""
    files: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and not path.name.startswith("."):
            rel = path.relative_to(folder).as_posix()
            if rel.endswith(".md"):
                continue
            files[rel] = path.read_bytes()
    return files


def load_dir(folder: Path) -> Content:
    return load_files(read_source_dir(folder))
