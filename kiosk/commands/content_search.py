"""``kiosk content search QUERY``: what a visitor typing QUERY would find, for content editors.

Reads the installed content.db (built from the embedded default first if missing), so
an office can check that its everyday keywords lead to the right service.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.paths import default_data_dir


def add_parser(verbs: argparse._SubParsersAction) -> None:
    parser = verbs.add_parser("search", help="show the services a search finds, best first")
    parser.add_argument("query", nargs="+", help="the words a visitor would type")
    parser.add_argument("--lang", default="de", help="visitor language code (default: de)")
    parser.add_argument("--limit", type=int, default=20, help="at most this many results (default: 20)")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: the platform's user data dir)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Prints 'id<TAB>title' per match; exit code 1 when nothing matches (useful in scripts)."""
    from kiosk.content.install import ensure_content_db
    from kiosk.content.model import localized
    from kiosk.content.store import ContentStore

    store = ContentStore(ensure_content_db(args.data_dir or default_data_dir()))
    try:
        found = store.search(" ".join(args.query), args.lang, args.limit)
        for service in found:
            print(f"{service.id}\t{localized(service.title, args.lang)}")
    finally:
        store.close()
    if not found:
        print("Keine Treffer.")
        return 1
    return 0
