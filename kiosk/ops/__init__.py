"""Running unattended: the status IT reads (``kiosk status``, ``status.json``), the systemd
watchdog, crash handling and the log files.

Qt-free core. May import ``kiosk.settings``, ``kiosk.state``, ``kiosk.paths`` and the other
core packages' read functions that the status reports (``content``, ``queue``, ``printing``,
``staff``); never Qt or the shell.
"""
