"""The kiosk's frame: the composition root and how it starts.

``kiosk.py`` builds the running kiosk in one place (``Kiosk``: settings, state.db, clock,
translators, flow, late parts, screens, window) and hands every part what it needs;
``screens.py`` is the screen table (each screen's class and what it is built from);
``late_parts.py`` what Home does not need, built after it shows; ``staff_wiring.py`` the
staff panel's tools; ``clock.py`` the one clock; ``start.py`` the QApplication, the crash
rule and showing the window; ``screenshots.py`` renders every screen for review.

The only package that wires: it may import everything; only ``kiosk.commands`` imports it.
"""

from kiosk.app.kiosk import Kiosk
from kiosk.app.screens import ScreenSpec
from kiosk.app.start import build_kiosk, ensure_qapp, enter_out_of_order, show, start_kiosk

__all__ = ["Kiosk", "ScreenSpec", "build_kiosk", "ensure_qapp", "enter_out_of_order", "show", "start_kiosk"]
