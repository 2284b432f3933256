"""``kiosk i18n extract|update|compile|check``: the translation workflow."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("i18n", help="translations: extract, update, compile, check")
    parser.add_argument("step", choices=["extract", "update", "compile", "check", "all"])
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.i18n import catalogs

    if args.step in ("extract", "all"):
        template = catalogs.write_pot()
        print(f"kiosk.pot: {len(template)} messages")
    if args.step in ("update", "all"):
        for path in catalogs.update():
            print(f"updated {path}")
    if args.step in ("compile", "all"):
        for path in catalogs.compile_all():
            print(f"compiled {path}")
    if args.step == "check":
        problems = catalogs.check()
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problems")
        return 1 if problems else 0
    return 0
