"""The staff notice on Home ("Hinweis anzeigen"), kept in ``state.db`` (no Qt).

Staff type the text; visitors read it. So it is cleaned on the way in: control and
format characters (including bidi overrides) are removed, whitespace runs become one
space, and more than ``MAX_LENGTH`` characters are refused rather than cut mid-word.
There is at most one notice; it disappears on its own at its end time. Callers audit
the action (``kiosk.staff.admin.audit``); the text itself never goes into the audit log.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import UTC, datetime
from typing import NamedTuple

from kiosk.i18n import N_

MAX_LENGTH = 200

SCHEMA = """
CREATE TABLE IF NOT EXISTS notice (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    text TEXT NOT NULL,
    until TEXT NOT NULL,   -- UTC, ISO 8601
    set_at TEXT NOT NULL
);
"""

NOTICE_EMPTY = N_("Bitte geben Sie einen Text für den Hinweis ein.")
NOTICE_TOO_LONG = N_("Der Hinweis ist zu lang. Erlaubt sind höchstens {max} Zeichen.")
NOTICE_PAST = N_("Das Ende des Hinweises muss in der Zukunft liegen.")


class InvalidNotice(ValueError):
    """``str(exc)`` is a German message (N_-marked; may hold ``{max}``, see ``.values``)."""

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message)
        self.message = message
        self.values = values


class Notice(NamedTuple):
    text: str
    until: datetime


def ensure_schema(db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA)


def clean_text(text: str) -> str:
    """Drop control/format/private/unassigned characters; collapse whitespace to one space."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        if char.isspace():
            kept.append(" ")
        elif not unicodedata.category(char).startswith("C"):
            kept.append(char)
    return " ".join("".join(kept).split())


def set_notice(db: sqlite3.Connection, text: str, until: datetime, now: datetime | None = None) -> Notice:
    """Replace the notice; raises ``InvalidNotice``. ``until`` must be timezone-aware."""
    now = now or datetime.now(UTC)
    cleaned = clean_text(text)
    if not cleaned:
        raise InvalidNotice(NOTICE_EMPTY)
    if len(cleaned) > MAX_LENGTH:
        raise InvalidNotice(NOTICE_TOO_LONG, max=MAX_LENGTH)
    if until <= now:
        raise InvalidNotice(NOTICE_PAST)
    ensure_schema(db)
    db.execute(
        "INSERT OR REPLACE INTO notice (id, text, until, set_at) VALUES (1, ?, ?, ?)",
        (cleaned, until.astimezone(UTC).isoformat(), now.astimezone(UTC).isoformat()),
    )
    return Notice(cleaned, until.astimezone(UTC))


def clear_notice(db: sqlite3.Connection) -> bool:
    """True if there was a notice to remove."""
    ensure_schema(db)
    return db.execute("DELETE FROM notice").rowcount > 0


def current_notice(db: sqlite3.Connection, now: datetime) -> Notice | None:
    """The notice to show at ``now``; an expired one is not returned (and stays until replaced)."""
    ensure_schema(db)
    row = db.execute("SELECT text, until FROM notice WHERE id = 1").fetchone()
    if row is None:
        return None
    until = datetime.fromisoformat(row[1])
    return Notice(row[0], until) if until > now else None
