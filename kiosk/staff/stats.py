"""Anonymous usage counters in state.db: what was looked up, how often, at which hour.

Only counts per (day, hour, event, key) are kept: never a query text, never a visitor,
never a time finer than the hour. ``key`` is a content id (service, queue category) or
"" and is checked to look like one, so free text cannot slip in by mistake.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from datetime import datetime
from enum import StrEnum
from pathlib import Path


class Event(StrEnum):
    SERVICE_VIEWED = "service_viewed"  # key: service id
    FEEDBACK_YES = "feedback_yes"  # key: service id ("did this help?" yes)
    FEEDBACK_NO = "feedback_no"  # key: service id
    TICKET_ISSUED = "ticket_issued"  # key: queue category id
    SEARCH_NO_RESULT = "search_no_result"  # key: "" (the query itself is never stored)


_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$|^$")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS stats (
    day TEXT NOT NULL, hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    event TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (day, hour, event, key)
) WITHOUT ROWID
"""
CSV_HEADER = ("day", "hour", "event", "key", "count")


def ensure_schema(db: sqlite3.Connection) -> None:
    db.execute(_SCHEMA)


def record(db: sqlite3.Connection, event: Event, key: str = "", when: datetime | None = None) -> None:
    """Add one to the counter of ``event``/``key`` in the hour of ``when`` (local time of
    the kiosk; pass an aware datetime in the office zone, default: now).

    Raises ValueError for a key that is not an id: a caller passing free text (a search
    query, a name) is a privacy bug that should fail loudly in tests.
    """
    if not _KEY.match(key):
        raise ValueError("stats keys are content ids, never free text")
    if event == Event.SEARCH_NO_RESULT and key:
        raise ValueError("searches without result are counted only, never keyed")
    when = when or datetime.now().astimezone()
    ensure_schema(db)
    db.execute(
        "INSERT INTO stats VALUES (?, ?, ?, ?, 1) ON CONFLICT (day, hour, event, key) DO UPDATE SET count = count + 1",
        (when.date().isoformat(), when.hour, Event(event).value, key),
    )


def counts(db: sqlite3.Connection, event: Event | None = None) -> list[tuple[str, int, str, str, int]]:
    """All counters (optionally of one event), oldest first."""
    ensure_schema(db)
    sql = "SELECT day, hour, event, key, count FROM stats"
    args: tuple = ()
    if event is not None:
        sql += " WHERE event = ?"
        args = (Event(event).value,)
    return db.execute(sql + " ORDER BY day, hour, event, key", args).fetchall()


def totals(db: sqlite3.Connection, event: Event) -> dict[str, int]:
    """key -> count summed over all days, e.g. the most viewed services."""
    ensure_schema(db)
    rows = db.execute("SELECT key, sum(count) FROM stats WHERE event = ? GROUP BY key", (Event(event).value,))
    return dict(rows.fetchall())


def export_csv(db: sqlite3.Connection, path: Path) -> int:
    """Write every counter to ``path`` (UTF-8, comma separated, header row), written
    beside the target and renamed so a USB stick never holds half a file. Returns the
    number of rows."""
    rows = counts(db)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as fp:
        writer = csv.writer(fp)
        writer.writerow(CSV_HEADER)
        writer.writerows(rows)
    tmp.replace(path)
    return len(rows)
