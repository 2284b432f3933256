"""Make sure a valid ``content.db`` is in the data dir before the app reads it.

Missing or corrupt: rebuild from the embedded default (the sync work adds "from the last
good bundle" first). Built beside the target and moved in with ``os.replace``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from kiosk.paths import default_content_dir

log = logging.getLogger(__name__)
CONTENT_FILE = "content.db"


def is_valid_db(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            return ok and db.execute("SELECT count(*) FROM meta").fetchone()[0] > 0
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False


def install_default(data_dir: Path) -> Path:
    # Imported here: only a first start or a broken content.db needs the builder (-0.1 s start-up).
    from kiosk.content.build import write_content_db
    from kiosk.content.source import load_dir

    target = data_dir / CONTENT_FILE
    tmp = data_dir / f"{CONTENT_FILE}.building-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    write_content_db(load_dir(default_content_dir()), tmp)
    os.replace(tmp, target)
    return target


def ensure_content_db(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / CONTENT_FILE
    if is_valid_db(target):
        return target
    if target.exists():
        log.error("content.db is corrupt; rebuilding from the embedded default content")
    else:
        log.info("no content.db yet; building it from the embedded default content")
    return install_default(data_dir)
