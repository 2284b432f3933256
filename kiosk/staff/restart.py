"""Staff "Neu starten": replace this process by a fresh start of the same command line.

Called by ``kiosk run`` after a clean shutdown (event loop left, stores closed, print
jobs done). ``os.execv`` keeps the process id, so systemd and the Windows task still see
the same service; everything else starts over, and the kiosk comes back on Home. The
crash record is cleared first, so an out-of-order kiosk comes back in service. Qt-free.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from kiosk.ops.crash import clear_crashes

log = logging.getLogger(__name__)


def restart_argv() -> list[str]:
    """The command line that started us, runnable by ``os.execv(argv[0], argv)``.

    Frozen (PyInstaller): the executable and its arguments. Otherwise the interpreter with
    its original options (``sys.orig_argv``: ``-m kiosk``, a script path, ``-X`` flags).
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, *sys.orig_argv[1:]]


def replace_process(data_dir: Path) -> None:
    """Never returns (unless ``os.execv`` fails, which raises OSError)."""
    clear_crashes(data_dir)
    argv = restart_argv()
    log.info("restarting on staff request: %s", argv)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)
