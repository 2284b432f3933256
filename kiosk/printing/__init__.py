"""Paper: what goes on it (reportlab layouts for the ticket, the handout, the checklist, the
test page), QR codes, and the printers behind one interface (file, CUPS ``lp``).

Qt-free core. May import ``kiosk.settings``, ``kiosk.paths``, ``kiosk.i18n``, the content
model and ``kiosk.queue`` (a ticket's words); never Qt or the shell.
"""
