"""The staff area (German only): the PIN entry, the gate that keeps the panel open only
after an accepted PIN, and the panel with one page per action (status, content, printer,
notice, queues, statistics, restart, exit).

Qt shell. May import ``kiosk.ui``, ``kiosk.workers`` and the core; never a visitor screen,
and no visitor screen imports it.
"""
