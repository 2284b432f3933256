"""The staff panel and its tools: sync now, import a bundle from a stick, the printer, the
statistics, restart and exit (``kiosk.screens.staff.tools`` lists what its pages may use).

Built the first time staff open the panel; the panel gets these tools, never the kiosk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.i18n import Translator
from kiosk.settings import Settings
from kiosk.ui.screen import Screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.app.clock import Clock
    from kiosk.app.late_parts import LateParts
    from kiosk.screens.staff.gate import AdminGate


@dataclass(frozen=True)
class StaffWiring:
    """What the composition root hands over for the staff panel."""

    data_dir: Path
    settings: Settings
    staff_tr: Translator
    clock: Clock
    started_at: datetime
    parts: LateParts
    gate: AdminGate
    next_sync: Callable[[], datetime | None]  # the nightly sync's next run, once it runs
    request_exit: Callable[[str], None]  # "restart" or "exit"
    end_session: Callable[[], None]  # leaving the panel: Home, as after a visitor
    theme: Callable[[QWidget], None]  # buttons the panel builds later get the window's look

    def panel(self, cls: type[Screen]) -> Screen:
        """The staff panel (``cls``: kiosk.screens.staff.panel.AdminScreen) with its tools."""
        from kiosk.content.swap import installed_version
        from kiosk.content.sync import import_bundle, sync_once
        from kiosk.screens.staff.tools import AdminTools

        data_dir, settings, switcher = self.data_dir, self.settings, self.parts.switcher
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
            tr=self.staff_tr,
            worker=self.parts.admin_worker,
            data_dir=data_dir,
            settings=settings,
            store=self.parts.store,
            printing=self.parts.printing,
            now=self.clock.now,
            started_at=self.started_at,
            sync_now=sync_now,
            import_bundle=import_from,
            next_sync=self.next_sync,
            restart=lambda: self.request_exit("restart"),
            quit=lambda: self.request_exit("exit"),
        )
        screen = cls(tools, self.gate, self.end_session)
        screen.restyle.connect(lambda: self.theme(screen))
        return screen
