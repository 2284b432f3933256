"""The writable state database (``state.db``): counters, lockout, notices, stats, results.

WAL mode so the GUI reads while a worker writes; every module that keeps state creates
its own tables with ``CREATE TABLE IF NOT EXISTS`` in its own ``ensure_schema``. Nothing
personal is ever stored here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

STATE_FILE = "state.db"


def open_state(data_dir: Path) -> sqlite3.Connection:
    """A connection in autocommit mode; use ``BEGIN IMMEDIATE`` for read-modify-write."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(data_dir / STATE_FILE, timeout=10, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")  # a ticket number handed out must survive power loss
    db.execute("PRAGMA busy_timeout=10000")
    return db
