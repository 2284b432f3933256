"""The staff panel wired to the running kiosk: sync now, import a bundle from a stick, the
printer, restart and exit (``kiosk.screens.staff.tools`` lists what its pages may do).

Built the first time staff open the panel; the composition root (``kiosk.app``) names it
as the factory of the ADMIN screen.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.i18n import Translator
from kiosk.ui.screen import Screen

if TYPE_CHECKING:
    from kiosk.app import Kiosk


def admin_screen(cls: type[Screen], kiosk: Kiosk, staff_tr: Translator, started_at: datetime) -> Screen:
    """The staff panel (``cls``: kiosk.screens.staff.panel.AdminScreen) and what its pages may do."""
    from kiosk.content.swap import installed_version
    from kiosk.content.sync import import_bundle, sync_once
    from kiosk.screens.staff.tools import AdminTools

    data_dir, settings, switcher = kiosk.data_dir, kiosk.settings, kiosk.switcher

    # both in a worker thread, like one round of the nightly SyncRunner; the checks and the
    # build run in a child process, so the screen never stalls
    swap = {"before_replace": switcher.before_replace, "after_replace": switcher.after_replace, "isolated": True}

    def reported(result):
        switcher.report(result)
        return result

    def sync_now():
        return reported(sync_once(data_dir, settings, installed_version(data_dir), **swap))

    def import_from(path: Path):  # the same checks as a sync
        keys, limit = settings.sync_trusted_keys, settings.sync_max_bytes
        return reported(import_bundle(data_dir, path, keys, limit, installed_version(data_dir), **swap))

    tools = AdminTools(
        tr=staff_tr,
        worker=kiosk.admin_worker,
        data_dir=data_dir,
        settings=settings,
        store=kiosk.store,
        printing=kiosk.printing,
        now=kiosk.now,
        started_at=started_at,
        sync_now=sync_now,
        import_bundle=import_from,
        next_sync=lambda: getattr(kiosk.sync, "next_due", None),
        restart=lambda: kiosk.request_exit("restart"),
        quit=lambda: kiosk.request_exit("exit"),
    )
    screen = cls(tools, kiosk.admin_gate, kiosk.window.end_session)
    screen.restyle.connect(lambda: kiosk.window.theme_buttons(screen))
    return screen
