"""``kiosk pin set|status``: the staff PIN from a terminal (IT sets it; there is no default).

``set`` reads the PIN twice with ``getpass`` when stdin is a terminal, or one line from
stdin otherwise (``echo 482915 | kiosk pin set`` in a setup script). Exit codes:
0 done, 1 invalid PIN or the two entries differ, 2 no PIN given. Both verbs are audited;
the PIN is never printed or logged.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path

from kiosk.i18n import N_, Translator

EXIT_OK, EXIT_INVALID, EXIT_NO_INPUT = 0, 1, 2


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("pin", help="staff PIN: set, status")
    parser.add_argument("verb", choices=["set", "status"])
    parser.add_argument("--data-dir", type=Path, default=None, help="data dir (default: the kiosk's)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.paths import default_data_dir
    from kiosk.settings import Settings
    from kiosk.state import open_state

    data_dir = args.data_dir or default_data_dir()
    db = open_state(data_dir)
    try:
        if args.verb == "set":
            return set_pin_command(db)
        return status_command(db, timezone=Settings.load(data_dir).timezone)
    finally:
        db.close()


def _read_pin() -> tuple[str, str] | None:
    """(first, second) entry; from a pipe the one line counts as both."""
    tr = Translator()
    if sys.stdin.isatty():
        try:
            first = getpass.getpass(tr.gettext("Neue PIN (6 bis 8 Ziffern): "))
            second = getpass.getpass(tr.gettext("PIN wiederholen: "))
        except (EOFError, KeyboardInterrupt):
            return None
        return first.strip(), second.strip()
    line = sys.stdin.readline()
    if not line:
        return None
    return line.strip(), line.strip()


def set_pin_command(db) -> int:
    from kiosk.staff import admin

    tr = Translator()
    entered = _read_pin()
    if entered is None or not entered[0]:
        print(tr.gettext("Es wurde keine PIN eingegeben. Die PIN wurde nicht geändert."), file=sys.stderr)
        admin.audit(db, "pin_set", "no_input")
        return EXIT_NO_INPUT
    first, second = entered
    if first != second:
        print(tr.gettext("Die beiden Eingaben stimmen nicht überein. Die PIN wurde nicht geändert."), file=sys.stderr)
        admin.audit(db, "pin_set", "mismatch")
        return EXIT_INVALID
    try:
        admin.set_pin(db, first)
    except admin.InvalidPin as exc:
        print(tr.gettext(str(exc)), tr.gettext("Die PIN wurde nicht geändert."), file=sys.stderr)
        admin.audit(db, "pin_set", "invalid")
        return EXIT_INVALID
    admin.audit(db, "pin_set", "ok")
    print(tr.gettext("Die PIN ist gespeichert."))
    return EXIT_OK


LOCKED_UNTIL = N_("Das PIN-Feld ist gesperrt bis {time} ({date}).")


def status_command(db, now: datetime | None = None, timezone: str = "Europe/Berlin") -> int:
    from zoneinfo import ZoneInfo

    from kiosk.staff import admin

    tr = Translator()
    now = now or datetime.now(UTC)
    if not admin.has_pin(db):
        print(tr.gettext("Es ist keine PIN gesetzt. Setzen Sie eine mit: kiosk pin set"))
        admin.audit(db, "pin_status", "no_pin")
        return EXIT_OK
    state = admin.lock_state(db, now)
    print(tr.gettext("Eine PIN ist gesetzt."))
    if state.locked_until is not None:
        local = state.locked_until.astimezone(ZoneInfo(timezone))
        print(tr.gettext(LOCKED_UNTIL).format(time=tr.time(local), date=tr.date(local.date(), "short")))
        admin.audit(db, "pin_status", "locked")
    else:
        print(tr.gettext("Das PIN-Feld ist nicht gesperrt."))
        admin.audit(db, "pin_status", "ok")
    return EXIT_OK
