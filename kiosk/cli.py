"""The one entry point ``kiosk``; a bare ``kiosk`` means ``kiosk run``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.commands import MODULES


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """All subcommands, or only ``command``'s when it names one: ``kiosk run`` then imports
    none of the others (their modules and parsers are ~15 ms of start-up)."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Bürgerservice-Terminal")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    only = [name for name in MODULES if name.rpartition(".")[2] == command]
    for name in only or MODULES:
        importlib.import_module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")):
        args_list.insert(0, "run")
    parser = build_parser(args_list[0])
    args = parser.parse_args(args_list)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
