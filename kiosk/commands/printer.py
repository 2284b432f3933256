"""``kiosk printer status`` and ``kiosk printer test``: the configured printer, checked by staff.

Exit code 0 when the printer is ready / the test page came out, 1 otherwise, so a
monitoring script can call it too.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from kiosk import paths
from kiosk.i18n import Translator
from kiosk.printing.printers import Printer, make_printer
from kiosk.settings import Settings


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("printer", help="printer: status, test")
    parser.add_argument("--data-dir", type=Path, default=None, help="data dir (default: the kiosk's)")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    verbs.add_parser("status", help="show whether the configured printer is ready").set_defaults(func=status)
    verbs.add_parser("test", help="print a test page and report the result").set_defaults(func=test)


def _printer(args: argparse.Namespace) -> Printer:
    data_dir = args.data_dir or paths.default_data_dir()
    settings = Settings.load(data_dir)
    qt_factory = None
    if settings.printer_backend == "qt":
        from kiosk.workers.qt_printer import qt_printer_factory  # Qt only when asked for

        qt_factory = qt_printer_factory()
    return make_printer(settings, data_dir, qt_factory)


def status(args: argparse.Namespace) -> int:
    printer = _printer(args)
    result = printer.status()
    tr = Translator()
    print(f"{printer.name}: {result.fault.value} – {tr.gettext(result.message)}")
    if result.detail:
        print(f"  {result.detail}")
    return 0 if result.ok else 1


def test(args: argparse.Namespace) -> int:
    from kiosk.printing.layouts import test_page_pdf

    printer = _printer(args)
    tr = Translator()
    page = test_page_pdf(tr, datetime.now().astimezone(), printer.name)
    result = printer.print_pdf(page.data, "test", page.page_size_mm)
    print(f"{printer.name}: {result.fault.value} – {tr.gettext(result.message) if not result.ok else 'gedruckt'}")
    for extra in (result.detail, result.job):
        if extra:
            print(f"  {extra}")
    return 0 if result.ok else 1
