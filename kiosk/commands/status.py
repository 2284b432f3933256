"""``kiosk status [--json]``: the staff/IT status, read from the data dir.

Uptime and printer state are known only to the running app; they are taken from the
``status.json`` it last wrote (if any). Exit code 0; the command only reads.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kiosk.i18n import N_, Translator

SYNC_WORDS = {
    "updated": N_("neue Inhalte eingespielt"),
    "unchanged": N_("keine Änderung"),
    "failed": N_("fehlgeschlagen"),
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("status", help="status for staff and IT (versions, sync, tickets, disk)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--data-dir", type=Path, default=None, help="data dir (default: the kiosk's)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.ops.status import collect_status, read_status_file
    from kiosk.paths import default_data_dir
    from kiosk.settings import Settings
    from kiosk.staff import admin
    from kiosk.state import open_state

    data_dir = args.data_dir or default_data_dir()
    status = collect_status(data_dir, timezone=Settings.load(data_dir).timezone)
    written = read_status_file(data_dir)
    if written:
        for key in ("started_at", "uptime_s", "printer"):
            status[key] = written.get(key)
        status["app_reported_at"] = written.get("generated_at")
    db = open_state(data_dir)
    try:
        admin.audit(db, "status", "ok")
    finally:
        db.close()
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(format_status(status, Translator()))
    return 0


def format_status(status: dict[str, Any], tr: Translator) -> str:
    """German lines for a terminal; ``unbekannt`` where a value is missing."""
    unknown = tr.gettext("unbekannt")
    lines = [tr.gettext("Programmversion: {version}").format(version=status["app_version"])]
    content = status.get("content")
    if content:
        lines.append(
            tr.gettext("Inhalte: Version {version} vom {created} ({publisher})").format(
                version=content["version"], created=content["created_at"] or unknown, publisher=content["publisher"]
            )
        )
    else:
        lines.append(tr.gettext("Inhalte: keine installiert"))
    sync = status.get("last_sync")
    lines.append(
        tr.gettext("Letzte Aktualisierung: {result} ({time})").format(
            result=tr.gettext(SYNC_WORDS.get(sync["status"], sync["status"])), time=sync["finished_at"]
        )
        if sync
        else tr.gettext("Letzte Aktualisierung: noch keine")
    )
    tickets = status.get("tickets_today")
    if tickets is None:
        lines.append(tr.gettext("Wartemarken heute: {n}").format(n=unknown))
    else:
        counts = ", ".join(f"{cat} {n}" for cat, n in sorted(tickets.items())) or "0"
        lines.append(tr.gettext("Wartemarken heute: {n}").format(n=counts))
    lines.append(tr.gettext("Drucker: {state}").format(state=status.get("printer") or unknown))
    uptime = status.get("uptime_s")
    lines.append(tr.gettext("Laufzeit: {uptime}").format(uptime=_duration(uptime) if uptime is not None else unknown))
    free = status.get("disk_free_bytes")
    lines.append(
        tr.gettext("Freier Speicher: {free}").format(free=f"{free / 1e9:.1f} GB" if free is not None else unknown)
    )
    if status.get("pin_set") is False:
        lines.append(tr.gettext("PIN: nicht gesetzt (kiosk pin set)"))
    elif status.get("pin_locked_until"):
        lines.append(tr.gettext("PIN: gesperrt bis {time}").format(time=status["pin_locked_until"]))
    notice = status.get("notice")
    if notice:
        lines.append(tr.gettext("Hinweis bis {until}: {text}").format(until=notice["until"], text=notice["text"]))
    return "\n".join(lines)


def _duration(seconds: int) -> str:
    days, rest = divmod(int(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    return f"{days} d {hours:02d}:{rest // 60:02d} h" if days else f"{hours:02d}:{rest // 60:02d} h"
