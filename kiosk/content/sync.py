"""The nightly sync: fetch the signed bundle, check everything, swap content.db, keep the last good.

Qt-free and blocking: the app runs ``sync_once`` in a worker thread, ``kiosk sync`` runs it
directly. It never raises; every outcome is a ``SyncResult`` that is also written to
``state.db`` (table ``sync_results``) for staff.

Switching content in the app. ``before_replace`` is called in the worker thread right
before ``os.replace``; the app's hook waits until the screen is back at Home (never in a
visitor's session), closes its ContentStore in the GUI thread and keeps content reads
paused; ``after_replace`` (always called, also when the replace failed) lets the app
reopen the store. On Windows an open handle blocks the replace, hence the deliberate close.
On Linux an open connection simply keeps reading the old file until it is reopened, so the
hook there only has to note "new content ready" and the app reopens at the next Home.
"""

from __future__ import annotations

import http.client
import logging
import os
import shutil
import sqlite3
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.content.bundle import BundleError, read_bundle
from kiosk.content.swap import NEW_FILE, PART_PREFIX, Busy, Hook, SwapError, install_content, install_lock
from kiosk.i18n import N_
from kiosk.settings import Settings
from kiosk.state import open_state

log = logging.getLogger(__name__)

UPDATED, UNCHANGED, FAILED = "updated", "unchanged", "failed"

# What staff read for a result reason (translate with tr.gettext where shown).
REASON_TEXT: dict[str, str] = {
    "": N_("Alles in Ordnung."),
    "not_configured": N_("Es ist keine Adresse für die Aktualisierung eingestellt."),
    "url": N_("Eine Adresse ist nicht erlaubt (nur https und freigegebene Server)."),
    "http": N_("Der Server hat mit einem Fehler geantwortet."),
    "timeout": N_("Der Server hat nicht rechtzeitig geantwortet."),
    "network": N_("Der Server ist nicht erreichbar."),
    "truncated": N_("Die Übertragung wurde unterbrochen."),
    "too_large": N_("Das Inhaltspaket ist zu groß."),
    "zip_bomb": N_("Das Inhaltspaket ist beschädigt oder manipuliert (zu stark gepackt)."),
    "unsafe_path": N_("Das Inhaltspaket enthält unzulässige Dateinamen."),
    "unlisted": N_("Das Inhaltspaket enthält Dateien, die nicht im Verzeichnis stehen."),
    "unsigned": N_("Das Inhaltspaket ist nicht signiert."),
    "untrusted_key": N_("Das Inhaltspaket ist mit einem nicht vertrauenswürdigen Schlüssel signiert."),
    "signature": N_("Die Signatur des Inhaltspakets ist ungültig."),
    "manifest": N_("Das Verzeichnis des Inhaltspakets ist fehlerhaft."),
    "hash_mismatch": N_("Eine Datei im Inhaltspaket wurde verändert oder fehlt."),
    "rollback": N_("Das Inhaltspaket ist älter als die installierten Inhalte."),
    "schema": N_("Die Inhalte enthalten einen Fehler."),
    "corrupt": N_("Das Inhaltspaket ist beschädigt."),
    "swap": N_("Die neuen Inhalte konnten nicht eingespielt werden."),
    "busy": N_("Es läuft gerade schon eine Aktualisierung."),
    "internal": N_("Unerwarteter Fehler bei der Aktualisierung."),
}
CHUNK = 256 * 1024
TOTAL_TIMEOUT_FACTOR = 10  # a whole download may take 10x sync_timeout_s (each read: 1x)


@dataclass(frozen=True, slots=True)
class SyncResult:
    status: str  # updated | unchanged | failed
    reason: str  # "" or a code from REASON_TEXT (a BundleError code or a network/swap one)
    content_version: int  # the version in use after this sync
    finished_at: str  # ISO 8601, UTC
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status != FAILED


class _Failed(Exception):
    def __init__(self, reason: str, message: str) -> None:
        self.reason, self.message = reason, message
        super().__init__(message)


def ensure_schema(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS sync_results (id INTEGER PRIMARY KEY, finished_at TEXT NOT NULL, "
        "status TEXT NOT NULL, reason TEXT NOT NULL, content_version INTEGER NOT NULL, message TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS sync_http (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, version INTEGER)"
    )


def last_result(db: sqlite3.Connection) -> SyncResult | None:
    """The most recent sync result, for the staff panel and ``kiosk content info``."""
    ensure_schema(db)
    row = db.execute(
        "SELECT status, reason, content_version, finished_at, message FROM sync_results ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return SyncResult(*row) if row else None


def record(db: sqlite3.Connection, result: SyncResult) -> None:
    ensure_schema(db)
    db.execute(
        "INSERT INTO sync_results (finished_at, status, reason, content_version, message) VALUES (?, ?, ?, ?, ?)",
        (result.finished_at, result.status, result.reason, result.content_version, result.message[:500]),
    )
    # keep a year of nightly results, not forever
    db.execute("DELETE FROM sync_results WHERE id <= (SELECT max(id) FROM sync_results) - 1000")


def sync_once(
    data_dir: Path,
    settings: Settings,
    current_version: int,
    *,
    url: str | None = None,
    before_replace: Hook | None = None,
    after_replace: Hook | None = None,
) -> SyncResult:
    """One sync: conditional GET, checks, swap. See the module docstring for the hooks."""
    url = url or settings.sync_url
    version = current_version
    status, reason, message = FAILED, "", ""
    db = open_state(data_dir)
    try:
        ensure_schema(db)
        try:
            with install_lock(data_dir):
                version = _run(db, data_dir, settings, current_version, url, before_replace, after_replace)
            status = UPDATED if version != current_version else UNCHANGED
        except Busy as exc:
            reason, message = "busy", str(exc)
        except _Failed as exc:
            reason, message = exc.reason, exc.message
        except BundleError as exc:
            reason, message = exc.reason, exc.message
        except SwapError as exc:
            reason, message = "swap", str(exc)
        except Exception as exc:  # a worker thread must report, not die
            log.exception("sync failed unexpectedly")
            reason, message = "internal", f"{type(exc).__name__}: {exc}"
        result = SyncResult(status, reason, version, _now(), message)
        record(db, result)
    finally:
        db.close()
    (log.info if result.ok else log.warning)("sync %s %s %s", result.status, result.reason, result.message)
    return result


def import_bundle(
    data_dir: Path,
    bundle: Path,
    trusted_keys: list[str],
    max_bytes: int,
    current_version: int,
    *,
    before_replace: Hook | None = None,
    after_replace: Hook | None = None,
) -> SyncResult:
    """Install a bundle from a file (USB stick) with exactly the checks of a sync; recorded like one."""
    status, reason, message, version = FAILED, "", "", current_version
    try:
        with install_lock(data_dir):
            version = _import(data_dir, bundle, trusted_keys, max_bytes, current_version, before_replace, after_replace)
        status = UPDATED
    except Busy as exc:
        reason, message = "busy", str(exc)
    except BundleError as exc:
        reason, message = exc.reason, exc.message
    except SwapError as exc:
        reason, message = "swap", str(exc)
    except OSError as exc:
        reason, message = "corrupt", f"the file cannot be read ({exc})"
    result = SyncResult(status, reason, version, _now(), message)
    db = open_state(data_dir)
    try:
        record(db, result)
    finally:
        db.close()
    return result


def _import(
    data_dir: Path,
    bundle: Path,
    trusted_keys: list[str],
    max_bytes: int,
    current_version: int,
    before_replace: Hook | None,
    after_replace: Hook | None,
) -> int:
    if bundle.stat().st_size > max_bytes:
        raise BundleError("too_large", f"the bundle has {bundle.stat().st_size} bytes; at most {max_bytes}")
    fd, name = tempfile.mkstemp(prefix=PART_PREFIX + "import-", suffix=".part", dir=data_dir)
    os.close(fd)
    copy = Path(name)  # check the copy we keep, not a file on a stick that may change meanwhile
    try:
        shutil.copyfile(bundle, copy)
        manifest, content = read_bundle(copy, trusted_keys, max_bytes, installed_version=current_version)
        info = {
            "source": f"import {bundle.name}",
            "created_at": manifest.created_at,
            "publisher": manifest.publisher,
            "signed_by": manifest.signed_by,
        }
        install_content(
            data_dir,
            content,
            info,
            copy,
            signed_by=manifest.signed_by,
            move_bundle=True,
            before_replace=before_replace,
            after_replace=after_replace,
        )
    finally:
        copy.unlink(missing_ok=True)
    return manifest.content_version


def _run(
    db: sqlite3.Connection,
    data_dir: Path,
    settings: Settings,
    current_version: int,
    url: str,
    before_replace: Hook | None,
    after_replace: Hook | None,
) -> int:
    if not url:
        raise _Failed("not_configured", "no sync_url is set")
    if urlsplit(url).scheme not in ("https", "http"):  # the signature, not the transport, proves the content
        raise _Failed("url", f"the sync address must be https:// (or http://), not '{url}'")
    row = db.execute("SELECT etag, last_modified, version FROM sync_http WHERE url = ?", (url,)).fetchone()
    headers = {"User-Agent": "buergerservice-kiosk"}
    if row and row[2] == current_version:  # validators only count for the content actually in use
        if row[0]:
            headers["If-None-Match"] = row[0]
        if row[1]:
            headers["If-Modified-Since"] = row[1]
    data_dir.mkdir(parents=True, exist_ok=True)
    part = _download(url, headers, settings, data_dir)
    if part is None:
        return current_version
    try:
        # the same version again (a server without ETag) is checked, then reported unchanged
        manifest, content = read_bundle(
            part.path, settings.sync_trusted_keys, settings.sync_max_bytes, installed_version=current_version - 1
        )
        if manifest.content_version == current_version:
            _remember(db, url, part, current_version)
            return current_version
        info = {
            "source": f"sync {url}",
            "created_at": manifest.created_at,
            "publisher": manifest.publisher,
            "signed_by": manifest.signed_by,
        }
        install_content(
            data_dir,
            content,
            info,
            part.path,
            signed_by=manifest.signed_by,
            move_bundle=True,
            before_replace=before_replace,
            after_replace=after_replace,
        )
    finally:
        part.path.unlink(missing_ok=True)
        (data_dir / NEW_FILE).unlink(missing_ok=True)
    _remember(db, url, part, manifest.content_version)
    return manifest.content_version


def _remember(db: sqlite3.Connection, url: str, part: _Part, version: int) -> None:
    db.execute(
        "INSERT OR REPLACE INTO sync_http (url, etag, last_modified, version) VALUES (?, ?, ?, ?)",
        (url, part.etag, part.last_modified, version),
    )


@dataclass(frozen=True, slots=True)
class _Part:
    path: Path
    etag: str | None
    last_modified: str | None


def _download(url: str, headers: dict[str, str], settings: Settings, data_dir: Path) -> _Part | None:
    """Stream the bundle into sync-*.part in the data dir; None on 304 Not Modified."""
    limit = settings.sync_max_bytes
    request = urllib.request.Request(url, headers=headers)
    fd, name = tempfile.mkstemp(prefix=PART_PREFIX, suffix=".part", dir=data_dir)
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                with urllib.request.urlopen(request, timeout=settings.sync_timeout_s) as resp:
                    declared = resp.headers.get("Content-Length")
                    if declared is not None and declared.isdigit() and int(declared) > limit:
                        raise _Failed("too_large", f"the server announces {declared} bytes; at most {limit}")
                    received, deadline = 0, time.monotonic() + TOTAL_TIMEOUT_FACTOR * settings.sync_timeout_s
                    while chunk := resp.read1(CHUNK):  # at most one socket read: the deadline is checked often
                        if time.monotonic() > deadline:  # a server dripping one byte per timeout
                            raise _Failed("timeout", "the download takes too long")
                        received += len(chunk)
                        if received > limit:
                            raise _Failed("too_large", f"the download exceeds {limit} bytes")
                        out.write(chunk)
                    if declared is not None and declared.isdigit() and received != int(declared):
                        raise _Failed("truncated", f"received {received} of {declared} bytes")
                    etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
            except urllib.error.HTTPError as exc:
                if exc.code == 304:
                    path.unlink(missing_ok=True)
                    return None
                raise _Failed("http", f"the server answered HTTP {exc.code}") from None
            except http.client.IncompleteRead as exc:
                raise _Failed("truncated", f"the connection closed early ({len(exc.partial)} bytes)") from None
            except TimeoutError as exc:
                raise _Failed("timeout", f"no answer within {settings.sync_timeout_s} s") from exc
            except urllib.error.URLError as exc:
                if isinstance(exc.reason, TimeoutError):
                    raise _Failed("timeout", f"no answer within {settings.sync_timeout_s} s") from None
                raise _Failed("network", f"the server cannot be reached ({exc.reason})") from None
            except (http.client.HTTPException, ConnectionError) as exc:
                raise _Failed("network", f"the download broke off ({type(exc).__name__})") from None
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return _Part(path, etag, modified)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
