"""Write a validated ``Content`` into a fresh ``content.db``.

The database is built beside its final place and moved in with ``os.replace`` by the
caller, so a reader only ever sees a whole old or a whole new file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from kiosk.content.codec import dumps, encode
from kiosk.content.model import Content

SCHEMA_VERSION = 1

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE offices (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE services (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE situations (id TEXT PRIMARY KEY, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE situation_services (situation_id TEXT, service_id TEXT, ord INTEGER,
    PRIMARY KEY (situation_id, service_id));
CREATE TABLE online_services (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE guides (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE queues (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE assets (name TEXT PRIMARY KEY, data BLOB NOT NULL);
"""


def _dump(obj: object) -> str:
    return dumps(obj)


def write_content_db(content: Content, path: Path, bundle_info: Mapping[str, str] | None = None) -> None:
    """Create ``path`` (which must not exist) holding ``content``, its search index and, when
    given, the ``bundle_info`` table (where the content came from), in one transaction.

    No journal and no syncing while building: the file is new and only moved in (after an
    integrity check and an fsync, kiosk.content.swap) once it is whole, so a crash mid-build
    leaves nothing a reader would open. The big page cache keeps the index's inserts in memory.
    """
    from kiosk.content import search_index  # the index owns its own tables

    if path.exists():
        raise FileExistsError(path)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-131072")  # 128 MiB at most; 20,000 services need ~60
        with db:
            db.executescript(_TABLES)
            meta = encode(content.meta) | {"schema_version": SCHEMA_VERSION}
            db.executemany("INSERT INTO meta VALUES (?, ?)", [(k, json.dumps(v)) for k, v in meta.items()])
            db.executemany("INSERT INTO offices VALUES (?, ?)", [(o.id, _dump(o)) for o in content.offices])
            db.executemany("INSERT INTO services VALUES (?, ?)", [(s.id, _dump(s)) for s in content.services])
            db.executemany(
                "INSERT INTO situations VALUES (?, ?, ?)",
                [(s.id, i, _dump(s)) for i, s in enumerate(content.situations)],
            )
            db.executemany(
                "INSERT OR IGNORE INTO situation_services VALUES (?, ?, ?)",
                [(s.id, sid, i) for s in content.situations for i, sid in enumerate(s.service_ids)],
            )
            db.executemany(
                "INSERT INTO online_services VALUES (?, ?)", [(o.id, _dump(o)) for o in content.online_services]
            )
            db.executemany("INSERT INTO guides VALUES (?, ?)", [(g.id, _dump(g)) for g in content.guides])
            db.executemany("INSERT INTO queues VALUES (?, ?)", [(q.id, _dump(q)) for q in content.queues])
            db.executemany("INSERT INTO assets VALUES (?, ?)", sorted(content.assets.items()))
            search_index.create(db, content)
            if bundle_info is not None:
                db.execute("CREATE TABLE bundle_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.executemany("INSERT INTO bundle_info VALUES (?, ?)", list(bundle_info.items()))
    finally:
        db.close()
