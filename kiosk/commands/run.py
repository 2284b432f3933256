"""``kiosk run``: the kiosk itself (also what a bare ``kiosk`` does)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from kiosk.paths import default_data_dir


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("run", help="start the kiosk (default)")
    parser.add_argument("--windowed", action="store_true", help="a normal window instead of fullscreen")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: the platform's user data dir)")
    parser.add_argument("--lang", help="default language code (de, ls, en, tr, ar, uk, ru)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.app import build_kiosk, ensure_qapp, show
    from kiosk.settings import Settings

    data_dir: Path = args.data_dir or default_data_dir()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings.load(data_dir)
    app = ensure_qapp()
    kiosk = build_kiosk(data_dir, settings, args.lang)
    show(kiosk, fullscreen=settings.fullscreen and not args.windowed)
    code = app.exec()
    kiosk.shutdown()
    return code
