"""The staff PIN, its persistent lockout, the admin session and the audit log (no Qt).

Contract:
- There is no default PIN. Only a scrypt hash (random salt, n/r/p stored beside it) is
  kept in ``state.db``; a PIN is never stored, logged or audited.
- After ``MAX_TRIES`` wrong PINs the pad locks for 1 minute; every further wrong PIN
  (one is allowed after each lock ends) locks for twice as long, capped at ``MAX_LOCK``.
  While locked an attempt is refused *without* checking the PIN and does not extend the
  lock. A right PIN resets the count. The lock lives in ``state.db``, so a restart or a
  second process does not lift it.
- ``check_pin`` reads and writes the counter in one ``BEGIN IMMEDIATE`` transaction, so
  two processes cannot race past the limit.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from kiosk.i18n import N_

MAX_TRIES = 5
FIRST_LOCK = timedelta(minutes=1)
MAX_LOCK = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class ScryptParams:
    """Cost of one PIN check; stored with each hash so it can be raised later.

    n=2**14, r=8, p=1 (the scrypt paper's interactive-login choice) costs 16 MiB and about
    0.12 s (p99 0.25 s) per check on the 2-core dev machine (benchmarks/admin_pin.py): it makes an offline
    guess at a stolen state.db cost something, yet the pad still answers at once. With only
    10**6-10**8 PINs no hash makes offline guessing impossible; the lockout stops online
    guessing, and state.db must stay readable only by the kiosk account.
    """

    n: int = 2**14
    r: int = 8
    p: int = 1
    dklen: int = 32

    @property
    def maxmem(self) -> int:
        return 128 * self.r * (self.n + self.p + 2) + 1024 * 1024


DEFAULT_PARAMS = ScryptParams()

SCHEMA = """
CREATE TABLE IF NOT EXISTS admin_pin (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    hash BLOB NOT NULL,
    salt BLOB NOT NULL,
    n INTEGER NOT NULL,
    r INTEGER NOT NULL,
    p INTEGER NOT NULL,
    set_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS admin_lockout (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    failures INTEGER NOT NULL,      -- wrong PINs since the last right one
    locked_until REAL NOT NULL      -- POSIX seconds; 0: not locked
);
CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,               -- UTC, ISO 8601
    action TEXT NOT NULL,
    result TEXT NOT NULL
);
"""

AUDIT_KEEP = 10_000  # rows; enough for years of staff use, bounded against a tapping loop
_CODE = re.compile(r"[a-z0-9_.:-]{1,64}")


def ensure_schema(db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA)


# --- PIN rules ------------------------------------------------------------------------


class InvalidPin(ValueError):
    """``str(exc)`` is a German message (marked with N_) for staff."""


PIN_FORMAT = N_("Die PIN muss aus 6 bis 8 Ziffern bestehen.")
PIN_SAME_DIGIT = N_("Die PIN darf nicht nur aus einer Ziffer bestehen.")
PIN_RUN = N_("Die PIN darf keine Zahlenfolge wie 123456 oder 654321 sein.")


def validate_pin(pin: str) -> None:
    """Raise ``InvalidPin`` unless ``pin`` is 6-8 ASCII digits and not trivially guessable."""
    if not re.fullmatch(r"[0-9]{6,8}", pin):
        raise InvalidPin(PIN_FORMAT)
    if len(set(pin)) == 1:
        raise InvalidPin(PIN_SAME_DIGIT)
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):  # 123456, 678901, 654321, 210987
        raise InvalidPin(PIN_RUN)


def _hash(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=params.n, r=params.r, p=params.p, maxmem=params.maxmem, dklen=params.dklen
    )


def _verify(pin: str, stored: bytes, salt: bytes, params: ScryptParams) -> bool:
    """The only place a typed PIN is compared; tests count calls to prove the limit."""
    try:
        candidate = _hash(pin, salt, params)
    except (UnicodeEncodeError, ValueError):
        return False
    return hmac.compare_digest(candidate, stored)


def has_pin(db: sqlite3.Connection) -> bool:
    ensure_schema(db)
    return db.execute("SELECT 1 FROM admin_pin WHERE id = 1").fetchone() is not None


def set_pin(
    db: sqlite3.Connection, pin: str, now: datetime | None = None, params: ScryptParams = DEFAULT_PARAMS
) -> None:
    """Store a new PIN's hash and lift any lock (whoever can run ``kiosk pin set`` is IT).

    Raises ``InvalidPin``. Does not audit: the caller knows which action it was.
    """
    validate_pin(pin)
    now = now or datetime.now(UTC)
    salt = secrets.token_bytes(16)
    digest = _hash(pin, salt, params)
    ensure_schema(db)
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(
            "INSERT OR REPLACE INTO admin_pin (id, hash, salt, n, r, p, set_at) VALUES (1, ?, ?, ?, ?, ?, ?)",
            (digest, salt, params.n, params.r, params.p, now.astimezone(UTC).isoformat()),
        )
        db.execute("DELETE FROM admin_lockout")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


# --- checking -------------------------------------------------------------------------


class PinOutcome(StrEnum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    NO_PIN = "no_pin"


@dataclass(frozen=True, slots=True)
class PinResult:
    outcome: PinOutcome
    tries_left: int = 0  # WRONG: wrong PINs still allowed before the lock
    locked_until: datetime | None = None  # LOCKED (also after the try that caused it)

    @property
    def accepted(self) -> bool:
        return self.outcome is PinOutcome.ACCEPTED


def lock_duration(failures: int) -> timedelta:
    """The lock after the ``failures``-th wrong PIN in a row (zero below the limit)."""
    if failures < MAX_TRIES:
        return timedelta(0)
    doublings = failures - MAX_TRIES
    if doublings >= 20:  # 2**20 minutes is far past the cap; avoid huge numbers
        return MAX_LOCK
    return min(FIRST_LOCK * (2**doublings), MAX_LOCK)


@dataclass(frozen=True, slots=True)
class LockState:
    failures: int
    locked_until: datetime | None  # None when not locked at ``now``


def lock_state(db: sqlite3.Connection, now: datetime) -> LockState:
    """For ``kiosk pin status`` and the pad: read-only, does not count as an attempt."""
    ensure_schema(db)
    failures, until = _read_lock(db)
    return LockState(failures, _as_time(until) if until > now.timestamp() else None)


def check_pin(db: sqlite3.Connection, pin: str, now: datetime) -> PinResult:
    """Check a typed PIN against the policy; every call is audited (never the PIN)."""
    ensure_schema(db)
    db.execute("BEGIN IMMEDIATE")
    try:
        result = _check_locked(db, pin, now)
        _audit(db, "login", result.outcome.value, now)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return result


def _check_locked(db: sqlite3.Connection, pin: str, now: datetime) -> PinResult:
    row = db.execute("SELECT hash, salt, n, r, p FROM admin_pin WHERE id = 1").fetchone()
    if row is None:
        return PinResult(PinOutcome.NO_PIN)
    failures, until = _read_lock(db)
    if until > now.timestamp() + MAX_LOCK.total_seconds():  # the clock was set back: never lock longer than the cap
        until = now.timestamp() + MAX_LOCK.total_seconds()
        db.execute("UPDATE admin_lockout SET locked_until = ? WHERE id = 1", (until,))
    if until > now.timestamp():
        return PinResult(PinOutcome.LOCKED, locked_until=_as_time(until))
    stored, salt, n, r, p = row
    if _verify(pin, stored, salt, ScryptParams(n=n, r=r, p=p, dklen=len(stored))):
        db.execute("DELETE FROM admin_lockout")
        return PinResult(PinOutcome.ACCEPTED)
    failures += 1
    lock = lock_duration(failures)
    new_until = now.timestamp() + lock.total_seconds() if lock else 0.0
    db.execute(
        "INSERT OR REPLACE INTO admin_lockout (id, failures, locked_until) VALUES (1, ?, ?)", (failures, new_until)
    )
    if lock:
        return PinResult(PinOutcome.LOCKED, locked_until=_as_time(new_until))
    return PinResult(PinOutcome.WRONG, tries_left=MAX_TRIES - failures)


def _read_lock(db: sqlite3.Connection) -> tuple[int, float]:
    row = db.execute("SELECT failures, locked_until FROM admin_lockout WHERE id = 1").fetchone()
    return (row[0], row[1]) if row else (0, 0.0)


def _as_time(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


# --- audit log ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    action: str
    result: str


def audit(db: sqlite3.Connection, action: str, result: str, now: datetime | None = None) -> None:
    """Record an admin action. ``action`` and ``result`` must be short codes
    (``[a-z0-9_.:-]``), which keeps typed text such as a PIN or a notice out of the log."""
    ensure_schema(db)
    _audit(db, action, result, now or datetime.now(UTC))


def _audit(db: sqlite3.Connection, action: str, result: str, now: datetime) -> None:
    for code in (action, result):
        if not _CODE.fullmatch(code):
            raise ValueError(f"audit codes must match {_CODE.pattern}: {code!r}")
    db.execute(
        "INSERT INTO audit_log (at, action, result) VALUES (?, ?, ?)",
        (now.astimezone(UTC).isoformat(timespec="seconds"), action, result),
    )
    db.execute("DELETE FROM audit_log WHERE id <= (SELECT max(id) FROM audit_log) - ?", (AUDIT_KEEP,))


def recent_audit(db: sqlite3.Connection, limit: int = 50) -> list[AuditEntry]:
    """Newest first."""
    ensure_schema(db)
    rows = db.execute("SELECT at, action, result FROM audit_log ORDER BY id DESC LIMIT ?", (limit,))
    return [AuditEntry(datetime.fromisoformat(at), action, result) for at, action, result in rows]


# --- session --------------------------------------------------------------------------


@dataclass(slots=True)
class AdminSession:
    """An open admin panel; it ends ``timeout_s`` after the last touch (settings.admin_timeout_s)."""

    last_touch: datetime
    timeout_s: float = 120

    def touch(self, now: datetime) -> None:
        self.last_touch = max(self.last_touch, now)

    def expires_at(self) -> datetime:
        return self.last_touch + timedelta(seconds=self.timeout_s)

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at()
