"""``kiosk content ...``: build, check and inspect content (more verbs join via ``VERBS``)."""

from __future__ import annotations

import argparse
import importlib

# Each verb module exposes add_parser(verbs_subparsers); see kiosk.commands.
VERBS: tuple[str, ...] = (
    "kiosk.commands.content_bundle",
    "kiosk.commands.content_search",
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("content", help="content: build, verify, import, info, search")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    for name in VERBS:
        importlib.import_module(name).add_parser(verbs)
