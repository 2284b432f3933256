"""Queue numbers (Wartemarken) in ``state.db``: one number per tap, never a duplicate.

Numbering is per queue category and *local* day (the ``timezone`` setting): the first
ticket of a day gets ``category.first``; the n-th gets ``first + n - 1``, wrapping back to
``first`` after ``last`` or refused, as ``when_exhausted`` says. A ticket is one row with
``UNIQUE(category_id, day, seq)``, written inside one ``BEGIN IMMEDIATE`` transaction, so
two processes sharing the data dir serialise on SQLite's write lock, and a process killed
at any moment leaves either the whole row or nothing (WAL + ``synchronous=FULL``).

Refusals are values, not exceptions: the screen shows their ``message`` (German source,
translate with ``tr.gettext``) and, outside issuing hours, when tickets are available again.
Nothing personal is stored: a ticket is a category, a number and a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from kiosk.content.model import Hours, QueueCategory, WhenExhausted

DEFAULT_TIMEZONE = "Europe/Berlin"


def N_(message: str) -> str:
    """The same marker as ``kiosk.i18n.N_`` (extraction looks for the name), kept local so
    issuing a ticket never imports babel: a worker process starts in a third of the time."""
    return message


SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY,
    category_id TEXT NOT NULL,
    day TEXT NOT NULL,              -- local date, ISO
    seq INTEGER NOT NULL,           -- 1-based count within the day
    number INTEGER NOT NULL,        -- what the visitor reads (after wrapping)
    issued_at TEXT NOT NULL,        -- UTC, ISO
    printed INTEGER,                -- NULL: not yet known, 1: printed, 0: not printed
    print_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (category_id, day, seq)
);
CREATE TABLE IF NOT EXISTS ticket_pauses (
    category_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    since TEXT NOT NULL
);
"""


class RefusalReason(StrEnum):
    OUTSIDE_HOURS = "outside_hours"
    DAILY_CAP = "daily_cap"
    EXHAUSTED = "exhausted"
    PAUSED = "paused"
    BUSY = "busy"


REFUSAL_MESSAGES: dict[RefusalReason, str] = {
    RefusalReason.OUTSIDE_HOURS: N_("Zurzeit werden keine Wartemarken ausgegeben."),
    RefusalReason.DAILY_CAP: N_("Für heute sind alle Wartemarken vergeben."),
    RefusalReason.EXHAUSTED: N_("Für heute sind alle Wartemarken vergeben."),
    RefusalReason.PAUSED: N_("Die Ausgabe von Wartemarken ist gerade unterbrochen."),
    RefusalReason.BUSY: N_("Bitte versuchen Sie es gleich noch einmal."),
}


@dataclass(frozen=True, slots=True)
class Ticket:
    id: int
    category_id: str
    prefix: str
    number: int
    width: int  # digits of the category's ``last``: numbers are zero-padded to it
    day: str
    issued_at: datetime  # aware, UTC

    @property
    def display(self) -> str:
        """How the number is printed and shown, e.g. ``A 017``."""
        return format_number(self.prefix, self.number, self.width)


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: RefusalReason
    next_issue: datetime | None = None  # local time; set for OUTSIDE_HOURS when known
    detail: str = ""  # the staff's pause reason; never personal data

    @property
    def message(self) -> str:
        """German source text; show it through ``Translator.gettext``."""
        return REFUSAL_MESSAGES[self.reason]


def format_number(prefix: str, number: int, width: int) -> str:
    digits = str(number).zfill(width)
    return f"{prefix} {digits}" if prefix else digits


def ensure_schema(db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA)


def _local(now: datetime, tz: ZoneInfo) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(tz)


def is_issuing(hours: Sequence[Hours], local: datetime) -> bool:
    """No hours at all means tickets are issued around the clock."""
    if not hours:
        return True
    t = local.time()
    return any(h.weekday == local.weekday() and h.start <= t < h.end for h in hours)


def next_issue_time(hours: Sequence[Hours], local: datetime) -> datetime | None:
    """The next start of an issuing slot after ``local`` (within a week), else None."""
    best: datetime | None = None
    for offset in range(8):
        day = (local + timedelta(days=offset)).date()
        for h in hours:
            if h.weekday != day.weekday():
                continue
            start = datetime.combine(day, h.start, tzinfo=local.tzinfo)
            if start > local and (best is None or start < best):
                best = start
        if best is not None:
            return best
    return None


class TicketService:
    """Issues and records tickets on one ``state.db`` connection (``kiosk.state.open_state``).

    Safe across processes; within one process use it from one thread at a time (the
    GUI's worker), since a sqlite3 connection is not meant to be shared concurrently.
    """

    def __init__(self, db: sqlite3.Connection, timezone: str = DEFAULT_TIMEZONE) -> None:
        self._db = db
        self._tz = ZoneInfo(timezone)
        ensure_schema(db)

    def issue(self, category: QueueCategory, now: datetime) -> Ticket | Refusal:
        local = _local(now, self._tz)
        if not is_issuing(category.issue_hours, local):
            return Refusal(RefusalReason.OUTSIDE_HOURS, next_issue_time(category.issue_hours, local))
        day = local.date().isoformat()
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")  # waits up to busy_timeout for another process's write
        except sqlite3.OperationalError as exc:
            return Refusal(RefusalReason.BUSY, detail=str(exc))
        try:
            paused = db.execute("SELECT reason FROM ticket_pauses WHERE category_id = ?", (category.id,)).fetchone()
            if paused:
                db.execute("ROLLBACK")
                return Refusal(RefusalReason.PAUSED, detail=paused[0])
            (last_seq,) = db.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM tickets WHERE category_id = ? AND day = ?", (category.id, day)
            ).fetchone()
            seq = last_seq + 1
            refusal = _check_limits(category, seq)
            if refusal:
                db.execute("ROLLBACK")
                return refusal
            number = category.first + (seq - 1) % (category.last - category.first + 1)
            issued_at = now.astimezone(UTC)
            cur = db.execute(
                "INSERT INTO tickets (category_id, day, seq, number, issued_at) VALUES (?, ?, ?, ?, ?)",
                (category.id, day, seq, number, issued_at.isoformat()),
            )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return Ticket(cur.lastrowid, category.id, category.prefix, number, len(str(category.last)), day, issued_at)

    def mark_printed(self, ticket_id: int, ok: bool, reason: str = "") -> None:
        """Record whether the paper came out; ``reason`` is a fault code, not free text."""
        self._db.execute("UPDATE tickets SET printed = ?, print_reason = ? WHERE id = ?", (int(ok), reason, ticket_id))

    def printed(self, ticket_id: int) -> bool | None:
        row = self._db.execute("SELECT printed FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
        return None if row is None or row[0] is None else bool(row[0])

    def pause(self, category_id: str, reason: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO ticket_pauses (category_id, reason, since) VALUES (?, ?, ?)",
            (category_id, reason, datetime.now(UTC).isoformat()),
        )

    def resume(self, category_id: str) -> None:
        self._db.execute("DELETE FROM ticket_pauses WHERE category_id = ?", (category_id,))

    def pauses(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT category_id, reason FROM ticket_pauses"))

    def issued_today(self, now: datetime) -> dict[str, int]:
        return issued_today(self._db, now, self._tz.key)


def availability(
    category: QueueCategory, local: datetime, paused: dict[str, str], issued: dict[str, int]
) -> Refusal | None:
    """What a tap on ``category`` would get at ``local`` (aware, office time), without
    issuing: ``None`` when a ticket would be issued, else the refusal to show beforehand.

    ``paused`` and ``issued`` are ``TicketService.pauses()`` / ``issued_today()``. The
    screen shows this on each button; ``issue`` decides again inside its transaction.
    """
    if not is_issuing(category.issue_hours, local):
        return Refusal(RefusalReason.OUTSIDE_HOURS, next_issue_time(category.issue_hours, local))
    if category.id in paused:
        return Refusal(RefusalReason.PAUSED, detail=paused[category.id])
    return _check_limits(category, issued.get(category.id, 0) + 1)


def _check_limits(category: QueueCategory, seq: int) -> Refusal | None:
    size = category.last - category.first + 1
    if category.daily_cap > 0 and seq > category.daily_cap:
        return Refusal(RefusalReason.DAILY_CAP)
    if seq > size and category.when_exhausted == WhenExhausted.CAP:
        return Refusal(RefusalReason.EXHAUSTED)
    return None


def issued_today(db: sqlite3.Connection, now: datetime, timezone: str = DEFAULT_TIMEZONE) -> dict[str, int]:
    """Tickets issued so far on the local day of ``now``, per category id."""
    ensure_schema(db)
    day = _local(now, ZoneInfo(timezone)).date().isoformat()
    rows = db.execute("SELECT category_id, COUNT(*) FROM tickets WHERE day = ? GROUP BY category_id", (day,))
    return dict(rows)
