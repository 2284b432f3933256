"""Where things are: bundled resources (read-only) and the data dir (writable).

Resolved at run time so the PyInstaller bundle works from any folder.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache  # resolving stats every folder up to / again; Home asks ~30 times (fonts, icons, catalogs)
def resource_root() -> Path:
    """The folder holding ``assets/``, ``locales/`` and the ``kiosk`` package."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def assets_dir() -> Path:
    return resource_root() / "assets"


def locales_dir() -> Path:
    return resource_root() / "locales"


def default_content_dir() -> Path:
    return resource_root() / "kiosk" / "content" / "default"


def default_data_dir() -> Path:
    """``KIOSK_DATA_DIR`` if set (tests, several kiosks on one PC), else the platform's."""
    import os

    if os.environ.get("KIOSK_DATA_DIR"):
        return Path(os.environ["KIOSK_DATA_DIR"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("buergerservice-kiosk", appauthor=False))
