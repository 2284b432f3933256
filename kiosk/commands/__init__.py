"""Subcommands of ``kiosk``: one module each, each with ``add_parser(subparsers)``.

A module's ``add_parser`` adds its parser and sets ``func`` (args -> exit code). Add a
new module to ``MODULES``; ``kiosk.cli`` imports them lazily so ``kiosk run`` stays fast.
"""

MODULES: tuple[str, ...] = (
    "kiosk.commands.run",
    "kiosk.commands.screenshots",
    "kiosk.commands.content",
    "kiosk.commands.i18n",
    "kiosk.commands.pin",
    "kiosk.commands.status",
    "kiosk.commands.printer",
    "kiosk.commands.sync",
)
