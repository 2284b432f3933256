"""``kiosk screenshots OUTDIR``: every screen, in every language asked for, as PNG.

Renders offscreen (no display needed) into ``OUTDIR/<lang>-<screen>[-<variant>].png``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from kiosk.i18n import LANGUAGES


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("screenshots", help="render every screen to PNG (offscreen)")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", nargs="*", help="language codes (default: all)")
    parser.add_argument("--size", type=_size, default=(1920, 1080), help="WxH, default 1920x1080")
    parser.add_argument(
        "--mode", nargs="*", default=[], choices=["large", "contrast", "low"], help="accessibility modes to switch on"
    )
    parser.add_argument(
        "--screen", nargs="*", help="only these screen ids (or overlays: language_overlay, idle_warning)"
    )
    parser.add_argument("--data-dir", type=Path, help="data folder (default: a temporary one)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app.screenshots import render_all

    langs = args.lang or [lang.code for lang in LANGUAGES]
    if args.data_dir:
        written = render_all(args.data_dir, args.outdir, langs, args.size, args.mode, args.screen)
    else:
        with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
            written = render_all(Path(tmp), args.outdir, langs, args.size, args.mode, args.screen)
    print(f"{len(written)} screenshots in {args.outdir}")
    return 0 if written else 1
