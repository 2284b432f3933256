"""The bundled Noto Sans for paper: Latin (with Turkish), Cyrillic and Greek glyphs.

Registered once per process (reportlab keeps a global font registry); never depends on
what the PC has installed. Arabic is *not* set on paper: reportlab cannot shape Arabic
without an extra shaping engine, so an Arabic-speaking visitor gets the German paper
(see ``print_translator``).
"""

from __future__ import annotations

from functools import cache

from kiosk import paths

REGULAR = "KioskSans"
BOLD = "KioskSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = paths.assets_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "NotoSans-Bold.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
