"""The Qt shell every screen lives in: the window (screens above, the nav bar below,
overlays on top), the navigator, the idle watch, the input rules, the theme and touch
spacing, and the shared widgets (big buttons, the on-screen keyboard, QR codes, the ticket
number, the print button, the checklist item, read-aloud).

May import PySide6 and the core; never ``kiosk.screens``, ``kiosk.workers`` or ``kiosk.app``.
"""
