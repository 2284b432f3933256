"""``kiosk sync [--url URL]``: one sync now, exactly as the nightly one.

Exit 0 on updated or unchanged; 1 with the reason printed when the sync failed (the
content in use stays as it was). ``--isolated`` checks and builds in a child process, as
the running app does (kiosk.content.isolate); it proves that path, also in the frozen bundle.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kiosk.paths import default_data_dir


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync", help="fetch and install the signed content bundle now")
    parser.add_argument("--url", help="bundle address (default: setting sync_url)")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: the platform's)")
    parser.add_argument("--isolated", action="store_true", help="check and build in a child process, as the app does")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.content.install import ensure_content_db
    from kiosk.content.swap import installed_version
    from kiosk.content.sync import sync_once
    from kiosk.settings import Settings

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    data_dir: Path = args.data_dir or default_data_dir()
    settings = Settings.load(data_dir)
    ensure_content_db(data_dir, sweep_leftovers=False)
    result = sync_once(data_dir, settings, installed_version(data_dir), url=args.url, isolated=args.isolated)
    if not result.ok:
        print(f"failed ({result.reason}): {result.message}", file=sys.stderr)
        return 1
    print(f"{result.status}: content_version {result.content_version}")
    return 0
