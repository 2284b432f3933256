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

``isolated=True`` (the app) runs the heavy part - download, checks, loader, building
content.db.new (kiosk.content.fetch) - in a child process (kiosk.content.isolate), so it
does not share the GIL with the GUI thread; this process then only keeps the bundle as
last good and swaps the file in. Both ways run exactly the same checks.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from kiosk.content.bundle import BundleError
from kiosk.content.fetch import Failed, Job, Prepared, prepare_import, prepare_sync
from kiosk.content.swap import NEW_FILE, Busy, Hook, SwapError, install_built, install_lock
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
T = TypeVar("T")


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
    isolated: bool = False,
) -> SyncResult:
    """One sync: conditional GET, checks, swap. See the module docstring for the hooks and ``isolated``."""
    url = url or settings.sync_url
    version = current_version
    status, reason, message = FAILED, "", ""
    db = open_state(data_dir)
    try:
        ensure_schema(db)
        try:
            with install_lock(data_dir):
                version = _run(db, data_dir, settings, current_version, url, before_replace, after_replace, isolated)
            status = UPDATED if version != current_version else UNCHANGED
        except Busy as exc:
            reason, message = "busy", str(exc)
        except Failed as exc:
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
    isolated: bool = False,
) -> SyncResult:
    """Install a bundle from a file (USB stick) with exactly the checks of a sync; recorded like one."""
    status, reason, message, version = FAILED, "", "", current_version
    job = Job(data_dir, tuple(trusted_keys), max_bytes)
    try:
        with install_lock(data_dir):
            prepared = _step(isolated, prepare_import, job, bundle, current_version)
            _install(data_dir, prepared, before_replace, after_replace)
            version = prepared.version
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


def _step(isolated: bool, step: Callable[..., T], *args: Any) -> T:
    if not isolated:
        return step(*args)
    from kiosk.content.isolate import run_isolated

    return run_isolated(step, *args)


def _install(data_dir: Path, prepared: Prepared, before_replace: Hook | None, after_replace: Hook | None) -> None:
    """Keep the checked bundle as last good and swap content.db.new in; leaves neither behind on failure."""
    assert prepared.new_db is not None and prepared.bundle is not None
    try:
        install_built(
            data_dir,
            prepared.new_db,
            prepared.bundle,
            signed_by=prepared.signed_by,
            move_bundle=True,
            before_replace=before_replace,
            after_replace=after_replace,
        )
    finally:
        prepared.bundle.unlink(missing_ok=True)
        (data_dir / NEW_FILE).unlink(missing_ok=True)


def _run(
    db: sqlite3.Connection,
    data_dir: Path,
    settings: Settings,
    current_version: int,
    url: str,
    before_replace: Hook | None,
    after_replace: Hook | None,
    isolated: bool,
) -> int:
    if not url:
        raise Failed("not_configured", "no sync_url is set")
    if urlsplit(url).scheme not in ("https", "http"):  # the signature, not the transport, proves the content
        raise Failed("url", f"the sync address must be https:// (or http://), not '{url}'")
    row = db.execute("SELECT etag, last_modified, version FROM sync_http WHERE url = ?", (url,)).fetchone()
    headers = {"User-Agent": "buergerservice-kiosk"}
    if row and row[2] == current_version:  # validators only count for the content actually in use
        if row[0]:
            headers["If-None-Match"] = row[0]
        if row[1]:
            headers["If-Modified-Since"] = row[1]
    data_dir.mkdir(parents=True, exist_ok=True)
    job = Job(data_dir, tuple(settings.sync_trusted_keys), settings.sync_max_bytes, settings.sync_timeout_s)
    prepared = _step(isolated, prepare_sync, job, url, headers, current_version)
    if prepared is None:
        return current_version
    if prepared.new_db is not None:
        _install(data_dir, prepared, before_replace, after_replace)
    _remember(db, url, prepared)
    return prepared.version


def _remember(db: sqlite3.Connection, url: str, prepared: Prepared) -> None:
    db.execute(
        "INSERT OR REPLACE INTO sync_http (url, etag, last_modified, version) VALUES (?, ?, ?, ?)",
        (url, prepared.etag, prepared.last_modified, prepared.version),
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
