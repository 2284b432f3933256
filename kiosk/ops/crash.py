"""Crashes: log them, die so the supervisor restarts us, and stop flapping after three.

An uncaught exception (main thread, any thread, or a Qt slot: PySide6 hands those to
``sys.excepthook``) is written to the rotating log in ``<data dir>/logs/`` and the process
exits with code 70 (EX_SOFTWARE); systemd or the Windows task restarts it. Each crash time
goes into ``state.db``; when the last three crashes lie within five minutes, ``kiosk run``
starts on the calm out-of-order screen until staff restart it (``clear_crashes``).

Privacy: the log gets the exception type and the stack (file, line, function), never the
exception message or local values: those may carry what a visitor typed.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType

from kiosk.state import open_state

log = logging.getLogger("kiosk.ops.crash")

LOG_FILE = "kiosk.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 4  # 5 files of 1 MB at most
EXIT_CODE = 70
CRASH_LIMIT = 3
CRASH_WINDOW_S = 300.0
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def setup_logging(data_dir: Path, level: int = logging.INFO) -> logging.Handler:
    """Root logging to stderr (journald) and to the log file; returns the file handler.

    The file handler does not rotate yet: ``logging.handlers`` costs 8 ms of start-up, so
    ``rotate_logging`` swaps in the rotating one once Home shows."""
    folder = log_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(level)
    handler = logging.FileHandler(folder / LOG_FILE, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    if not any(type(h) is logging.StreamHandler for h in root.handlers):
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(stream)
    return handler


def rotate_logging(data_dir: Path) -> logging.Handler | None:
    """Replace ``setup_logging``'s plain file handler with one that rotates (1 MB, five
    files kept); None when logging was not set up there (tests, screenshots)."""
    import logging.handlers

    path = log_dir(data_dir) / LOG_FILE
    root = logging.getLogger()
    plain = [h for h in root.handlers if type(h) is logging.FileHandler and Path(h.baseFilename) == path]
    if not plain:
        return None
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    for old in plain:
        root.removeHandler(old)
        old.close()
    return handler


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Exception type and stack frames only: no message, no locals (they may hold visitor input)."""
    frames = "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n' for f in traceback.extract_tb(tb))
    return f"Traceback (most recent call last):\n{frames}{exc_type.__module__}.{exc_type.__qualname__}"


def install(data_dir: Path) -> None:
    """Make every uncaught exception fatal: log it, count it, exit 70."""

    def die(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            os._exit(130)
        try:
            log.critical("uncaught exception, exiting for a restart\n%s", describe(exc_type, tb))
            record_crash(data_dir)
            logging.shutdown()
        finally:
            sys.stderr.flush()
            os._exit(EXIT_CODE)

    sys.excepthook = die
    threading.excepthook = lambda args: die(args.exc_type, args.exc_value, args.exc_traceback)


def _db(data_dir: Path):
    db = open_state(data_dir)
    db.execute("CREATE TABLE IF NOT EXISTS crashes (at REAL NOT NULL)")
    return db


def record_crash(data_dir: Path, at: float | None = None) -> None:
    db = _db(data_dir)
    try:
        db.execute("INSERT INTO crashes (at) VALUES (?)", (time.time() if at is None else at,))
        db.execute(
            "DELETE FROM crashes WHERE at < (SELECT MIN(at) FROM (SELECT at FROM crashes ORDER BY at DESC LIMIT 20))"
        )
    finally:
        db.close()


def crash_times(data_dir: Path) -> list[float]:
    """Recorded crash times, newest first."""
    db = _db(data_dir)
    try:
        return [row[0] for row in db.execute("SELECT at FROM crashes ORDER BY at DESC")]
    finally:
        db.close()


def too_many_crashes(data_dir: Path) -> bool:
    """True when the last three crashes lie within five minutes: stay out of order.

    Sticky on purpose: the out-of-order screen does not crash, so nothing would clear it but
    a staff restart (``clear_crashes``); a reboot alone does not bring a broken kiosk back.
    """
    times = crash_times(data_dir)[:CRASH_LIMIT]
    return len(times) == CRASH_LIMIT and times[0] - times[-1] <= CRASH_WINDOW_S


def clear_crashes(data_dir: Path) -> None:
    """Forget all crashes (staff restart from the admin panel)."""
    db = _db(data_dir)
    try:
        db.execute("DELETE FROM crashes")
    finally:
        db.close()
