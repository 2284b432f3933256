"""The queue: Wartemarken. Numbering in ``state.db`` (prefix, range, daily reset, wrap or
cap, issue hours, pause) and the words a visitor reads when no ticket can be had.

Qt-free core. May import ``kiosk.settings``, ``kiosk.state``, ``kiosk.i18n`` and
``kiosk.content.model`` (a queue category is content); never Qt, the shell, ``staff``,
``ops`` or ``printing``. The queue service (shared numbers, desks, the call display) grows here.
"""
