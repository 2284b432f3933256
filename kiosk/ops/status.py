"""What staff and IT need to see at a glance, as one plain dict (no Qt).

``collect_status`` never raises for a missing or foreign part: content.db absent, a
state.db table another module has not created yet, or a module not installed in this
build all come out as ``None`` ("unknown"), because the status panel is what people
open when something is already wrong. The running app writes the dict to
``status.json`` (``write_status_file``) so ``kiosk status`` and IT tools can read
uptime and printer state, which only the running process knows.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk import __version__

log = logging.getLogger(__name__)
STATUS_FILE = "status.json"
CONTENT_FILE = "content.db"  # the same name as kiosk.content.install.CONTENT_FILE (not imported: slow)


def collect_status(
    data_dir: Path,
    now: datetime | None = None,
    started_at: datetime | None = None,
    printer: str | None = None,
    timezone: str = "Europe/Berlin",
) -> dict[str, Any]:
    """A JSON-ready dict; ``started_at`` and ``printer`` come from the running app."""
    now = now or datetime.now(UTC)
    status: dict[str, Any] = {
        "generated_at": now.astimezone(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "started_at": started_at.astimezone(UTC).isoformat(timespec="seconds") if started_at else None,
        "uptime_s": int((now - started_at).total_seconds()) if started_at else None,
        "printer": printer,
        "content": _content(data_dir),
        **_disk(data_dir),
    }
    status.update(_from_state(data_dir, now, timezone))
    return status


def _content(data_dir: Path) -> dict[str, Any] | None:
    path = data_dir / CONTENT_FILE
    if not path.exists():
        return None
    from kiosk.content.store import ContentStore

    store = ContentStore(path)
    try:
        meta = store.meta()
        return {
            "version": meta.content_version,
            "created_at": meta.created_at,
            "publisher": meta.publisher,
            "source": meta.source,
        }
    except (sqlite3.Error, KeyError, TypeError, ValueError) as exc:
        log.warning("status: content.db unreadable: %s", exc)
        return None
    finally:
        store.close()


def _disk(data_dir: Path) -> dict[str, int | None]:
    """Of the data dir, or of its nearest existing parent (same disk) before first start."""
    folder = data_dir
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        usage = shutil.disk_usage(folder)
    except OSError:
        return {"disk_free_bytes": None, "disk_total_bytes": None}
    return {"disk_free_bytes": usage.free, "disk_total_bytes": usage.total}


def _from_state(data_dir: Path, now: datetime, timezone: str) -> dict[str, Any]:
    from kiosk.staff import admin, notices
    from kiosk.state import open_state

    empty = {"tickets_today": None, "last_sync": None, "pin_set": None, "pin_locked_until": None, "notice": None}
    try:
        db = open_state(data_dir)
    except (sqlite3.Error, OSError) as exc:
        log.warning("status: state.db unreadable: %s", exc)
        return empty
    try:
        lock = admin.lock_state(db, now)
        notice = notices.current_notice(db, now)
        return {
            "tickets_today": _tickets_today(db, now, timezone),
            "last_sync": _last_sync(db),
            "pin_set": admin.has_pin(db),
            "pin_locked_until": lock.locked_until.isoformat(timespec="seconds") if lock.locked_until else None,
            "notice": {"text": notice.text, "until": notice.until.isoformat(timespec="seconds")} if notice else None,
        }
    except sqlite3.Error as exc:
        log.warning("status: state.db unreadable: %s", exc)
        return empty
    finally:
        db.close()


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _tickets_today(db: sqlite3.Connection, now: datetime, timezone: str) -> dict[str, int] | None:
    """Per category id; ``None`` when this build has no tickets yet."""
    try:
        from kiosk.queue.tickets import issued_today  # type: ignore[import-not-found]
    except ImportError:
        issued_today = None
    try:
        if issued_today is not None:
            return dict(issued_today(db, now, timezone))
        if not _has_table(db, "tickets"):
            return None
        from zoneinfo import ZoneInfo

        day = now.astimezone(ZoneInfo(timezone)).date().isoformat()
        rows = db.execute("SELECT category_id, COUNT(*) FROM tickets WHERE day = ? GROUP BY category_id", (day,))
        return {str(cat): int(n) for cat, n in rows}
    except (sqlite3.Error, TypeError, ValueError) as exc:
        log.warning("status: tickets unreadable: %s", exc)
        return None


_SYNC_FIELDS = ("status", "reason", "content_version", "finished_at")


def _last_sync(db: sqlite3.Connection) -> dict[str, Any] | None:
    """The newest sync result, or ``None`` if there was none (or no sync in this build)."""
    try:
        from kiosk.content.sync import last_result  # type: ignore[import-not-found]
    except ImportError:
        last_result = None
    try:
        if last_result is not None:
            result = last_result(db)
            return {f: getattr(result, f) for f in _SYNC_FIELDS} if result else None
        if not _has_table(db, "sync_results"):
            return None
        row = db.execute(f"SELECT {', '.join(_SYNC_FIELDS)} FROM sync_results ORDER BY id DESC LIMIT 1").fetchone()
        return dict(zip(_SYNC_FIELDS, row, strict=True)) if row else None
    except (sqlite3.Error, AttributeError, TypeError) as exc:
        log.warning("status: sync results unreadable: %s", exc)
        return None


def write_status_file(data_dir: Path, status: dict[str, Any]) -> Path:
    """Replace ``status.json`` atomically: a reader sees the old file or the new, never half."""
    target = data_dir / STATUS_FILE
    tmp = data_dir / f"{STATUS_FILE}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as out:
        json.dump(status, out, ensure_ascii=False, indent=2, sort_keys=True)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    return target


def read_status_file(data_dir: Path) -> dict[str, Any] | None:
    """The last status the running app wrote, or ``None``."""
    try:
        data = json.loads((data_dir / STATUS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
