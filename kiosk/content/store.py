"""Read-only queries on content.db, returning model objects.

Screens and services ask the store; nobody else reads content.db. The connection is
opened read-only and can be closed on purpose, so a sync can replace the file even on
Windows, where an open handle blocks ``os.replace``.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from pathlib import Path
from typing import TypeVar

from kiosk.content import search_index
from kiosk.content.codec import decode
from kiosk.content.model import (
    ContentMeta,
    Guide,
    LifeSituation,
    Office,
    OfficeRole,
    OnlineService,
    QueueCategory,
    Service,
)

T = TypeVar("T")


@functools.lru_cache(maxsize=4096)
def _decoded(cls: type[T], text: str) -> T:
    """Entries are frozen and keyed by their JSON text, so a cached one is never stale (not
    even across a content swap); decoding was most of a screen change (about 1 ms a service)."""
    return decode(cls, json.loads(text))


class ContentStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        return self._db

    def close(self) -> None:
        """Drop the file handle (before a swap); the next query reopens."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self._cached.cache_clear()

    def _one(self, cls: type[T], table: str, ident: str) -> T | None:
        row = self.db.execute(f"SELECT data FROM {table} WHERE id = ?", (ident,)).fetchone()
        return _decoded(cls, row[0]) if row else None

    def _all(self, cls: type[T], sql: str, args: tuple = ()) -> list[T]:
        return [_decoded(cls, r[0]) for r in self.db.execute(sql, args)]

    @functools.lru_cache(maxsize=64)  # noqa: B019 - the store lives as long as the app
    def _cached(self, key: str) -> object:
        if key == "meta":
            raw = {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM meta")}
            raw.pop("schema_version", None)
            return decode(ContentMeta, raw)
        if key == "situations":
            return tuple(self._all(LifeSituation, "SELECT data FROM situations ORDER BY ord"))
        if key == "online":
            return tuple(self._all(OnlineService, "SELECT data FROM online_services ORDER BY id"))
        if key == "guides":
            return tuple(self._all(Guide, "SELECT data FROM guides ORDER BY id"))
        if key == "queues":
            return tuple(self._all(QueueCategory, "SELECT data FROM queues ORDER BY json_extract(data, '$.prefix')"))
        raise KeyError(key)

    def meta(self) -> ContentMeta:
        return self._cached("meta")  # type: ignore[return-value]

    def situations(self) -> tuple[LifeSituation, ...]:
        return self._cached("situations")  # type: ignore[return-value]

    def situation(self, ident: str) -> LifeSituation | None:
        return next((s for s in self.situations() if s.id == ident), None)

    def services_in(self, situation_id: str) -> list[Service]:
        return self._all(
            Service,
            "SELECT s.data FROM situation_services ss JOIN services s ON s.id = ss.service_id "
            "WHERE ss.situation_id = ? ORDER BY ss.ord",
            (situation_id,),
        )

    def service(self, ident: str) -> Service | None:
        return self._one(Service, "services", ident)

    def services(self, idents: list[str]) -> list[Service]:
        found = [self.service(i) for i in idents]
        return [s for s in found if s is not None]

    def service_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM services").fetchone()[0]

    def office(self, ident: str) -> Office | None:
        return self._one(Office, "offices", ident)

    def offices(self) -> list[Office]:
        return self._all(Office, "SELECT data FROM offices ORDER BY id")

    def offices_with_role(self, role: OfficeRole) -> list[Office]:
        return [o for o in self.offices() if o.role == role]

    def infothek(self) -> Office | None:
        return self.office(self.meta().infothek_id)

    def lotse(self) -> Office | None:
        return self.office(self.meta().lotse_id)

    def online_services(self) -> tuple[OnlineService, ...]:
        return self._cached("online")  # type: ignore[return-value]

    def online_service(self, ident: str) -> OnlineService | None:
        return next((o for o in self.online_services() if o.id == ident), None)

    def guides(self) -> tuple[Guide, ...]:
        return self._cached("guides")  # type: ignore[return-value]

    def guide(self, ident: str) -> Guide | None:
        return next((g for g in self.guides() if g.id == ident), None)

    def queues(self) -> tuple[QueueCategory, ...]:
        return self._cached("queues")  # type: ignore[return-value]

    def queue(self, ident: str) -> QueueCategory | None:
        return next((q for q in self.queues() if q.id == ident), None)

    def asset(self, name: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM assets WHERE name = ?", (name,)).fetchone()
        return bytes(row[0]) if row else None

    def search(self, query: str, lang: str, limit: int = 20) -> list[Service]:
        return self.services(search_index.search(self.db, query, lang, limit))

    def counts(self) -> dict[str, int]:
        tables = ("offices", "services", "situations", "online_services", "guides", "queues", "assets")
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
