"""Where staff can load bundles from and export to: USB sticks and the import folder (no Qt).

"Inhalte von USB-Stick laden" lists what ``find_bundles`` returns inside the app (no
native file dialog); the import itself goes through the same checks as a sync. On Linux
removable media are mounted under ``/media/<user>/<label>``, ``/run/media/<user>/<label>``
(udisks) or ``/mnt/<name>``; on Windows they are drive letters whose type is
``DRIVE_REMOVABLE``. ``settings.import_dir`` is always searched first when set.
Only the top level of each folder is listed: a stick is not crawled.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LINUX_MOUNT_PATTERNS: tuple[tuple[str, str], ...] = (("/media", "*/*"), ("/run/media", "*/*"), ("/mnt", "*"))
DRIVE_REMOVABLE = 2
MAX_BUNDLES = 50  # per folder; a stick full of zips must not flood the screen


@dataclass(frozen=True, slots=True)
class Bundle:
    path: Path
    size: int
    modified: float  # POSIX seconds, for "newest first"

    @property
    def name(self) -> str:
        return self.path.name


def removable_folders() -> list[Path]:
    """Mount points of removable media on this machine (may be empty)."""
    if sys.platform == "win32":
        return _windows_removable_drives()
    found: list[Path] = []
    for root, pattern in LINUX_MOUNT_PATTERNS:
        base = Path(root)
        try:
            found.extend(p for p in sorted(base.glob(pattern)) if _is_dir(p))
        except OSError as exc:
            log.debug("cannot list %s: %s", base, exc)
    return found


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a stick pulled out mid-listing, or a dead network mount
        return False


def _windows_removable_drives() -> list[Path]:
    import ctypes
    import string

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel32.GetLogicalDrives()
    drives = []
    for index, letter in enumerate(string.ascii_uppercase):
        if mask & (1 << index):
            root = f"{letter}:\\"
            if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE:
                drives.append(Path(root))
    return drives


def exchange_folders(import_dir: str = "", removable: Iterable[Path] | None = None) -> list[Path]:
    """The import folder (if set and present) and then the removable media, without duplicates."""
    folders: list[Path] = []
    if import_dir:
        folder = Path(import_dir).expanduser()
        if _is_dir(folder):
            folders.append(folder)
        else:
            log.warning("import_dir %s does not exist", folder)
    for folder in removable_folders() if removable is None else removable:
        if folder not in folders:
            folders.append(folder)
    return folders


def find_bundles(folders: Iterable[Path]) -> list[Bundle]:
    """``*.zip`` files at the top of each folder, newest first; unreadable folders are skipped."""
    bundles: list[Bundle] = []
    for folder in folders:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            log.info("cannot list %s: %s", folder, exc)
            continue
        found = 0
        for entry in entries:
            if found >= MAX_BUNDLES:
                break
            if entry.name.startswith(".") or not entry.name.lower().endswith(".zip"):
                continue  # also skips macOS "._name.zip" resource forks
            try:
                if not entry.is_file():
                    continue
                info = entry.stat()
            except OSError:
                continue
            bundles.append(Bundle(Path(entry.path), info.st_size, info.st_mtime))
            found += 1
    return sorted(bundles, key=lambda b: (-b.modified, str(b.path)))


def export_folder(import_dir: str = "", removable: Iterable[Path] | None = None) -> Path | None:
    """Where "Statistik exportieren" writes: the first writable exchange folder, or ``None``."""
    for folder in exchange_folders(import_dir, removable):
        if os.access(folder, os.W_OK):
            return folder
    return None
