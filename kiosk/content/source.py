"""Read a content source (TOML files, see docs/content-format.md) into ``Content``.

The loader is the one gate every content set passes, whether it comes from the embedded
default, a USB stick or the nightly sync: anything it accepts is safe to show. Errors
name the file, the entry and the field, so an office can fix its own typo. The fields are
read by ``kiosk.content.entry``, each kind's rules are in ``kiosk.content.records``; the
links between entries are checked here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

# tomllib's own parser (TOML 1.0; <2.4 keeps it 1.0), compiled with mypyc: ~2x faster, and
# parsing is most of checking a bundle of 20,000 files.
import tomli

from kiosk.content import records
from kiosk.content.entry import ID_PATTERN, LANGUAGES, ContentError, Entry
from kiosk.content.model import Content

__all__ = ["ASSET_SUFFIXES", "KINDS", "LANGUAGES", "ContentError", "load_dir", "load_files", "read_source_dir"]

ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
KINDS = ("offices", "services", "situations", "online", "guides", "queues")


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
    meta = records.meta(Entry("content.toml", "", _parse("content.toml", files["content.toml"])))
    entries: dict[str, list[Entry]] = {kind: [] for kind in KINDS}
    assets: dict[str, bytes] = {}
    for name in sorted(files):
        plain = _PLAIN_ENTRY.fullmatch(name)
        if plain:  # the usual kind/id.toml, without building a path object for each file
            entries[plain[1]].append(Entry(name, plain[2], _parse(name, files[name])))
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
        entries[path.parts[0]].append(Entry(name, path.stem, _parse(name, files[name])))

    hosts = meta.allowed_hosts
    content = Content(
        meta=meta,
        offices=tuple(records.office(e) for e in entries["offices"]),
        services=tuple(records.service(e) for e in entries["services"]),
        situations=tuple(sorted((records.situation(e) for e in entries["situations"]), key=lambda s: (s.order, s.id))),
        online_services=tuple(records.online(e, hosts) for e in entries["online"]),
        guides=tuple(records.guide(e, hosts) for e in entries["guides"]),
        queues=tuple(records.queue(e) for e in entries["queues"]),
        assets=assets,
    )
    _check_links(content, entries)
    return content


def _check_links(content: Content, entries: Mapping[str, list[Entry]]) -> None:
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
