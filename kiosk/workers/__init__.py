"""Core work run for the Qt shell without blocking the GUI thread: issuing and printing a
ticket (``ticket_desk``), printing paper (``print_service``, ``ticket_printer``,
``handout_printer``, ``qt_printer``), the staff area's state.db work (``staff_work``),
switching to fresh content on Home (``content_switch``), the status file and the systemd
keep-alive. Results come back as Qt signals; no worker touches a widget.

May import the core packages and PySide6.QtCore (no widgets); never ``kiosk.ui``,
``kiosk.screens`` or ``kiosk.app``.
"""
