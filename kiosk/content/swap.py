"""Put checked content in place without ever leaving the kiosk without a whole ``content.db``.

The order is the whole point: build ``content.db.new`` beside the old file, check it with
``PRAGMA integrity_check``, keep the bundle as the last good one, then ``os.replace``.
A crash (power cut, SIGKILL) at any moment leaves either the old or the new file under
``content.db``; leftovers (``content.db.new``, ``*.part``) are swept at the next start.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the builder and the model load only when content is really built
    from kiosk.content.model import Content

log = logging.getLogger(__name__)

CONTENT_FILE = "content.db"
NEW_FILE = "content.db.new"
LAST_GOOD = "last-good.zip"
LAST_GOOD_KEY = "last-good.key"  # the public key that verified last-good.zip when it was accepted
PART_PREFIX = "sync-"  # downloads in progress: sync-*.part

Hook = Callable[[], None]


class SwapError(Exception):
    """The new content.db could not be built or moved in; the old one is untouched."""


class Busy(Exception):
    """Another process (the app's nightly sync, ``kiosk sync``, an import) is installing content."""


LOCK_FILE = "content.lock"


@contextlib.contextmanager
def install_lock(data_dir: Path) -> Iterator[None]:
    """One installer at a time per data dir. The OS drops the lock when its process dies
    (even by SIGKILL), so a crash never leaves the kiosk locked out."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise Busy("another sync or import is running") from None
        yield
    finally:
        os.close(fd)  # closing releases the lock on both systems


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


def installed_version(data_dir: Path) -> int:
    """content_version of the content.db in use; 0 when there is none (or it is unreadable)."""
    path = data_dir / CONTENT_FILE
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'content_version'").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return 0
    return int(json.loads(row[0])) if row else 0


def bundle_info(path: Path) -> dict[str, str]:
    """Where a content.db came from (source, created_at, publisher, signed_by, installed_at)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(db.execute("SELECT key, value FROM bundle_info").fetchall())
    except sqlite3.OperationalError:
        return {}
    finally:
        db.close()


def sweep(data_dir: Path) -> None:
    """Remove leftovers of an interrupted build or download; call only when no sync runs."""
    for path in (data_dir / NEW_FILE, *data_dir.glob(f"{PART_PREFIX}*.part"), *data_dir.glob("content.db.building-*")):
        path.unlink(missing_ok=True)
    for path in data_dir.glob(f"{LAST_GOOD}.*.tmp"):
        path.unlink(missing_ok=True)


def build_new(data_dir: Path, content: Content, info: Mapping[str, str]) -> Path:
    """Build ``content.db.new`` and prove it whole; raises SwapError (and removes it) otherwise."""
    new = data_dir / NEW_FILE
    new.unlink(missing_ok=True)
    try:
        from kiosk.content.build import write_content_db

        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        write_content_db(content, new, {**info, "installed_at": stamp})
    except (OSError, sqlite3.Error) as exc:
        new.unlink(missing_ok=True)
        raise SwapError(f"content.db.new could not be built: {exc}") from exc
    if not is_valid_db(new):
        new.unlink(missing_ok=True)
        raise SwapError("content.db.new failed PRAGMA integrity_check")
    try:
        _fsync_paced(new)  # built unsynced: on disk now, where the builder is (maybe a child process)
    except OSError as exc:
        new.unlink(missing_ok=True)
        raise SwapError(f"content.db.new could not be written to disk: {exc}") from exc
    return new


def keep_last_good(data_dir: Path, bundle: Path, signed_by: str, move: bool) -> None:
    """Keep ``bundle`` as last-good.zip (moved if it already lies in the data dir, else copied)."""
    target = data_dir / LAST_GOOD
    if move:
        os.replace(bundle, target)
    else:
        tmp = data_dir / f"{LAST_GOOD}.{os.getpid()}.tmp"
        shutil.copyfile(bundle, tmp)
        _fsync(tmp)
        os.replace(tmp, target)
    key_tmp = data_dir / f"{LAST_GOOD}.key.{os.getpid()}.tmp"
    key_tmp.write_text(signed_by + "\n", encoding="ascii")
    os.replace(key_tmp, data_dir / LAST_GOOD_KEY)


def replace_db(
    data_dir: Path, new: Path, before_replace: Hook | None = None, after_replace: Hook | None = None
) -> None:
    """Move ``new`` over content.db. ``before_replace`` must leave no open handle on content.db
    (Windows refuses to replace an open file); ``after_replace`` may reopen it."""
    target = data_dir / CONTENT_FILE
    _fsync(new)  # again: cheap after build_new's, and it guards any other caller
    try:
        if before_replace is not None:
            before_replace()
        for attempt in range(5):
            try:
                os.replace(new, target)
                break
            except PermissionError:  # Windows: a reader (virus scanner, backup) still holds it
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))
        _fsync_dir(data_dir)
    except Exception as exc:  # also a failing hook: the old file stays, the new one goes
        new.unlink(missing_ok=True)
        raise SwapError(f"content.db could not be replaced: {exc}") from exc
    finally:
        if after_replace is not None:
            after_replace()


def install_content(
    data_dir: Path,
    content: Content,
    info: Mapping[str, str],
    bundle: Path | None = None,
    *,
    signed_by: str = "",
    move_bundle: bool = False,
    before_replace: Hook | None = None,
    after_replace: Hook | None = None,
) -> None:
    """Build, check, keep the bundle (when given) as last good, and swap in. Raises SwapError."""
    data_dir.mkdir(parents=True, exist_ok=True)
    new = build_new(data_dir, content, info)
    install_built(
        data_dir,
        new,
        bundle,
        signed_by=signed_by,
        move_bundle=move_bundle,
        before_replace=before_replace,
        after_replace=after_replace,
    )


def install_built(
    data_dir: Path,
    new: Path,
    bundle: Path | None = None,
    *,
    signed_by: str = "",
    move_bundle: bool = False,
    before_replace: Hook | None = None,
    after_replace: Hook | None = None,
) -> None:
    """The quick second half of ``install_content`` for a ``new`` file from ``build_new``
    (maybe built by a child process): keep the bundle as last good, swap in. Raises SwapError."""
    if bundle is not None:
        try:
            keep_last_good(data_dir, bundle, signed_by, move_bundle)
        except OSError as exc:
            new.unlink(missing_ok=True)
            raise SwapError(f"the bundle could not be kept: {exc}") from exc
    replace_db(data_dir, new, before_replace, after_replace)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_paced(path: Path, step: int = 4 << 20, pause_s: float = 0.005) -> None:
    """fsync, but start the writeback a few MiB at a time first: one fsync of ~80 MB of dirty
    pages stalled every process of the kiosk PC (the GUI thread too) for 20-40 ms on the test
    VM; paced, the disk gets the same bytes in small bursts. POSIX_FADV_DONTNEED starts the
    writeback of a range without waiting (pages still being written stay cached)."""
    with open(path, "rb+") as fh:
        fd = fh.fileno()
        if hasattr(os, "posix_fadvise"):
            for offset in range(0, os.fstat(fd).st_size, step):
                os.posix_fadvise(fd, offset, step, os.POSIX_FADV_DONTNEED)
                time.sleep(pause_s)
        os.fsync(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
