"""The heavy part of a sync or an import: download, every check, and ``content.db.new`` built.

It ends with a finished, integrity-checked ``content.db.new`` and the checked bundle beside
it in the data dir, described by a small ``Prepared``; putting them in place (last good,
swap, hooks) is left to kiosk.content.sync, in the process that shows the content. So the
functions here may run in a child process (kiosk.content.isolate): their arguments and
results are plain, picklable values, and whatever they leave behind on a crash
(``sync-*.part``, ``content.db.new``) is swept at the next start.
"""

from __future__ import annotations

import contextlib
import gc
import http.client
import os
import shutil
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.bundle import BundleError, Manifest, read_bundle
from kiosk.content.model import Content
from kiosk.content.swap import PART_PREFIX, build_new

CHUNK = 256 * 1024
TOTAL_TIMEOUT_FACTOR = 10  # a whole download may take 10x timeout_s (each read: 1x)


class Failed(Exception):
    """A network or transport failure with a reason code of kiosk.content.sync.REASON_TEXT."""

    def __init__(self, reason: str, message: str) -> None:
        self.reason, self.message = reason, message
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Job:
    """What the heavy part needs to know (Settings itself does not cross a process border)."""

    data_dir: Path
    trusted_keys: tuple[str, ...]
    max_bytes: int
    timeout_s: float = 30.0


@dataclass(frozen=True, slots=True)
class Prepared:
    """A checked bundle: ``new_db`` is content.db.new, built and integrity-checked, and
    ``bundle`` the bundle file in the data dir to keep as the last good one. Both are None
    when the bundle holds the version already installed (a server without ETag)."""

    version: int
    signed_by: str
    new_db: Path | None
    bundle: Path | None
    etag: str | None = None
    last_modified: str | None = None


def prepare_sync(job: Job, url: str, headers: dict[str, str], current_version: int) -> Prepared | None:
    """Download ``url``, check it and build content.db.new; None on 304 Not Modified.
    Raises Failed, BundleError or SwapError and then leaves no file of its own behind."""
    downloaded = _download(url, headers, job)
    if downloaded is None:
        return None
    part, etag, modified = downloaded
    try:
        with _gc_paused():
            # the same version again (a server without ETag) is checked, then reported unchanged
            manifest, content = read_bundle(
                part, job.trusted_keys, job.max_bytes, installed_version=current_version - 1
            )
            if manifest.content_version == current_version:
                part.unlink(missing_ok=True)
                return Prepared(current_version, manifest.signed_by, None, None, etag, modified)
            new = _build(job, manifest, content, f"sync {url}")
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return Prepared(manifest.content_version, manifest.signed_by, new, part, etag, modified)


def prepare_import(job: Job, bundle: Path, current_version: int) -> Prepared:
    """Copy a bundle from a file (USB stick) into the data dir, check the copy (not a file on
    a stick that may change meanwhile) and build content.db.new. Raises BundleError,
    SwapError or OSError."""
    size = bundle.stat().st_size
    if size > job.max_bytes:
        raise BundleError("too_large", f"the bundle has {size} bytes; at most {job.max_bytes}")
    fd, name = tempfile.mkstemp(prefix=PART_PREFIX + "import-", suffix=".part", dir=job.data_dir)
    os.close(fd)
    copy = Path(name)
    try:
        shutil.copyfile(bundle, copy)
        with _gc_paused():
            manifest, content = read_bundle(copy, job.trusted_keys, job.max_bytes, installed_version=current_version)
            new = _build(job, manifest, content, f"import {bundle.name}")
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    return Prepared(manifest.content_version, manifest.signed_by, new, copy)


def _build(job: Job, manifest: Manifest, content: Content, source: str) -> Path:
    """content.db.new from checked content, stamped with where it came from."""
    info = {
        "source": source,
        "created_at": manifest.created_at,
        "publisher": manifest.publisher,
        "signed_by": manifest.signed_by,
    }
    return build_new(job.data_dir, content, info)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a bundle is checked and built: parsing 20,000 files
    allocates millions of objects (and no cycles), and each collection walked the whole,
    growing heap again: ~1 s of the sync. Collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _download(url: str, headers: dict[str, str], job: Job) -> tuple[Path, str | None, str | None] | None:
    """Stream the bundle into sync-*.part in the data dir: (path, ETag, Last-Modified); None on 304."""
    limit = job.max_bytes
    request = urllib.request.Request(url, headers=headers)
    fd, name = tempfile.mkstemp(prefix=PART_PREFIX, suffix=".part", dir=job.data_dir)
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                with urllib.request.urlopen(request, timeout=job.timeout_s) as resp:
                    declared = resp.headers.get("Content-Length")
                    if declared is not None and declared.isdigit() and int(declared) > limit:
                        raise Failed("too_large", f"the server announces {declared} bytes; at most {limit}")
                    received, deadline = 0, time.monotonic() + TOTAL_TIMEOUT_FACTOR * job.timeout_s
                    while chunk := resp.read1(CHUNK):  # at most one socket read: the deadline is checked often
                        if time.monotonic() > deadline:  # a server dripping one byte per timeout
                            raise Failed("timeout", "the download takes too long")
                        received += len(chunk)
                        if received > limit:
                            raise Failed("too_large", f"the download exceeds {limit} bytes")
                        out.write(chunk)
                    if declared is not None and declared.isdigit() and received != int(declared):
                        raise Failed("truncated", f"received {received} of {declared} bytes")
                    etag, modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
            except urllib.error.HTTPError as exc:
                if exc.code == 304:
                    path.unlink(missing_ok=True)
                    return None
                raise Failed("http", f"the server answered HTTP {exc.code}") from None
            except http.client.IncompleteRead as exc:
                raise Failed("truncated", f"the connection closed early ({len(exc.partial)} bytes)") from None
            except TimeoutError as exc:
                raise Failed("timeout", f"no answer within {job.timeout_s} s") from exc
            except urllib.error.URLError as exc:
                if isinstance(exc.reason, TimeoutError):
                    raise Failed("timeout", f"no answer within {job.timeout_s} s") from None
                raise Failed("network", f"the server cannot be reached ({exc.reason})") from None
            except (http.client.HTTPException, ConnectionError) as exc:
                raise Failed("network", f"the download broke off ({type(exc).__name__})") from None
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path, etag, modified
