"""``kiosk run``: the kiosk itself (also what a bare ``kiosk`` does)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from kiosk.paths import default_data_dir

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("run", help="start the kiosk (default)")
    parser.add_argument("--windowed", action="store_true", help="a normal window instead of fullscreen")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: the platform's user data dir)")
    parser.add_argument("--lang", help="default language code (de, ls, en, tr, ar, uk, ru)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Crash handling first (log + exit 70), then the window; READY=1 to systemd once it shows."""
    from kiosk.ops import crash

    data_dir: Path = args.data_dir or default_data_dir()
    crash.setup_logging(data_dir)
    crash.install(data_dir)

    from kiosk.app import ensure_qapp, show, start_kiosk
    from kiosk.settings import Settings
    from kiosk.workers.keepalive import KeepAlive

    settings = Settings.load(data_dir)
    app = ensure_qapp()
    kiosk = start_kiosk(data_dir, settings, args.lang)
    keepalive = KeepAlive(app)
    show(kiosk, fullscreen=settings.fullscreen and not args.windowed)
    keepalive.ready_soon()
    log.info("kiosk started in %s", data_dir)
    code = app.exec()
    restart = kiosk.exit_request == "restart"
    if not restart:
        keepalive.stopping()  # a restart keeps the service running: the new image sends READY=1
    kiosk.shutdown()
    if restart:
        from kiosk.staff.restart import replace_process

        replace_process(data_dir)
    return code
