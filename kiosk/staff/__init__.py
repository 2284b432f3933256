"""What staff own: the PIN and its lockout, the admin session, the audit log, the notice on
Home, the anonymous statistics and their export, the hidden staff gesture and "Neu starten".

Qt-free core. May import ``kiosk.settings``, ``kiosk.state``, ``kiosk.paths`` and
``kiosk.i18n``; never Qt, the shell, ``queue``, ``printing`` or ``content`` (the staff screens
in ``kiosk.screens.staff`` bring those together).
"""
