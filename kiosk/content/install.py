"""Make sure a valid ``content.db`` is in the data dir before the app reads it.

Missing or corrupt: rebuild from the last good bundle kept in the data dir (the newest
content this kiosk ever accepted), else from the embedded default, and say which in the
log. Both go through the content loader and the same swap as a sync.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.content.swap import (
    CONTENT_FILE,
    LAST_GOOD,
    LAST_GOOD_KEY,
    SwapError,
    install_content,
    is_valid_db,
    sweep,
)
from kiosk.paths import default_content_dir

log = logging.getLogger(__name__)

__all__ = ["CONTENT_FILE", "ensure_content_db", "install_default", "install_last_good", "is_valid_db"]


def install_default(data_dir: Path) -> Path:
    from kiosk.content.source import load_dir  # the TOML loader: only when content.db is rebuilt

    content = load_dir(default_content_dir())
    install_content(data_dir, content, {"source": "default", "publisher": content.meta.publisher})
    return data_dir / CONTENT_FILE


def install_last_good(data_dir: Path) -> bool:
    """Rebuild from last-good.zip, checked again with the key that verified it; False if unusable."""
    bundle, key_file = data_dir / LAST_GOOD, data_dir / LAST_GOOD_KEY
    if not bundle.exists() or not key_file.exists():
        return False
    from kiosk.content.bundle import BundleError, Limits, read_bundle  # nacl, jsonschema: only when needed

    try:
        key = key_file.read_text(encoding="ascii").strip()
        manifest, content = read_bundle(bundle, [key], limits=Limits(max_bytes=1 << 40))
        info = {
            "source": "last good bundle",
            "created_at": manifest.created_at,
            "publisher": manifest.publisher,
            "signed_by": manifest.signed_by,
        }
        install_content(data_dir, content, info)
    except (BundleError, SwapError, OSError, UnicodeDecodeError) as exc:
        log.error("the last good bundle cannot be used (%s); falling back to the embedded default", exc)
        return False
    return True


def ensure_content_db(data_dir: Path, sweep_leftovers: bool = True) -> Path:
    """Return the path of a content.db that passes ``PRAGMA integrity_check``.

    The app calls it at start, before its sync runs, and sweeps leftovers of an interrupted
    sync. Commands that may run beside a running kiosk (``kiosk sync``, ``kiosk content
    import``) pass ``sweep_leftovers=False`` so they never delete the app's download.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    if sweep_leftovers:
        sweep(data_dir)
    target = data_dir / CONTENT_FILE
    if is_valid_db(target):
        return target
    log.log(
        logging.ERROR if target.exists() else logging.INFO,
        "content.db is %s",
        "corrupt" if target.exists() else "missing",
    )
    if install_last_good(data_dir):
        log.warning("content.db rebuilt from the last good bundle (%s)", data_dir / LAST_GOOD)
    else:
        install_default(data_dir)
        log.warning("content.db built from the embedded default content")
    return target
