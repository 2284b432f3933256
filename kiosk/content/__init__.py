"""Content: from source files (TOML) through the one validation gate to a signed bundle, a
``content.db`` and the read API the screens use; the nightly sync, USB import and swap.

Qt-free core. May import ``kiosk.settings``, ``kiosk.paths``, ``kiosk.i18n`` and
``kiosk.state``; never Qt, the shell, ``queue``, ``staff``, ``ops`` or ``printing``.
"""
