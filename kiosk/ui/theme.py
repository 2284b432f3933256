"""Colours, sizes and the style sheet: touch-first, high contrast, scalable.

Sizes are given for a 1080 px short screen side and scaled to the real screen, so a
touch target is >= 80 px and body text >= 28 px at 1920x1080 and the same layout works
from 1024x600 to portrait 1080x1920. Every text/background pair is >= 7:1 (WCAG AAA);
``tests/ui/test_theme.py`` computes it.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication

from kiosk.paths import assets_dir

FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabicUI-Regular.ttf", "NotoSansArabicUI-Bold.ttf")
FONT_FAMILY = "Noto Sans"
FALLBACK_FAMILIES = ["Noto Sans Arabic UI"]  # the UI cut: Latin line heights (Noto Sans Arabic: 2.1 em)
LARGE_TEXT_FACTOR = 1.3


class Palette(NamedTuple):
    name: str
    window: str  # page background
    surface: str  # cards, list rows
    text: str
    muted: str  # secondary text (still >= 7:1 on window and surface)
    primary: str  # main action buttons
    on_primary: str
    secondary: str  # other buttons
    on_secondary: str
    border: str
    banner: str  # notice banner
    on_banner: str
    ok: str  # "open now"
    on_ok: str
    alert: str  # "closed"
    on_alert: str
    focus: str

    def pairs(self) -> dict[str, tuple[str, str]]:
        """Every foreground/background pair the style sheet uses, for the contrast test."""
        return {
            "text/window": (self.text, self.window),
            "text/surface": (self.text, self.surface),
            "muted/window": (self.muted, self.window),
            "muted/surface": (self.muted, self.surface),
            "primary": (self.on_primary, self.primary),
            "secondary": (self.on_secondary, self.secondary),
            "banner": (self.on_banner, self.banner),
            "ok": (self.on_ok, self.ok),
            "alert": (self.on_alert, self.alert),
        }


STANDARD = Palette(
    name="standard",
    window="#EEF2F6",
    surface="#FFFFFF",
    text="#0F172A",
    muted="#334155",
    primary="#0A3A7A",
    on_primary="#FFFFFF",
    secondary="#FFFFFF",
    on_secondary="#0A3A7A",
    border="#0A3A7A",
    banner="#FFF1B8",
    on_banner="#1F1A00",
    ok="#DDF3E4",
    on_ok="#0B3D1E",
    alert="#FDE2E1",
    on_alert="#6B0F0C",
    focus="#B45309",
)

HIGH_CONTRAST = Palette(
    name="high_contrast",
    window="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted="#FFFFFF",
    primary="#FFE500",
    on_primary="#000000",
    secondary="#000000",
    on_secondary="#FFE500",
    border="#FFFFFF",
    banner="#FFFFFF",
    on_banner="#000000",
    ok="#000000",
    on_ok="#7CFF9B",
    alert="#000000",
    on_alert="#FFB3B0",
    focus="#00E5FF",
)


class Metrics(NamedTuple):
    """Pixel sizes for one screen and text size; all derived from ``scale``."""

    scale: float
    text_factor: float = 1.0

    def px(self, at_1080: float) -> int:
        return round(at_1080 * self.scale)

    def font_px(self, at_1080: float) -> int:
        return round(at_1080 * self.scale * self.text_factor)

    @property
    def body(self) -> int:
        return self.font_px(30)

    @property
    def touch(self) -> int:
        """Minimum touch target side: 15 mm = 80 px at 1080p; never below 56 px."""
        return max(56, self.px(96))

    @property
    def gap(self) -> int:
        return max(12, self.px(20))


def scale_for(width: int, height: int) -> float:
    return max(0.55, min(1.6, min(width, height) / 1080))


def load_fonts() -> str:
    """Register the bundled fonts; text must never depend on what the PC has installed."""
    for name in FONT_FILES:
        QFontDatabase.addApplicationFont(str(assets_dir() / "fonts" / name))
    QFont.insertSubstitutions(FONT_FAMILY, FALLBACK_FAMILIES)
    # The family before the first widget: one polished before the first look (a hidden nav
    # button) keeps the family it resolved then; sizes follow the style sheet.
    QGuiApplication.setFont(QFont(FONT_FAMILY))
    return FONT_FAMILY


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio of two colours."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            channels.append(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def apply_font(app: QGuiApplication, metrics: Metrics) -> None:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(metrics.body)
    app.setFont(font)


def button_text_colours(p: Palette) -> dict[str, tuple[str, str]]:
    """A BigButton's text and icon colour at rest / pressed or checked, by its label's tone
    (the button's role; any role but these two is "secondary")."""
    return {
        "primary": (p.on_primary, p.window),
        "tile": (p.text, p.on_primary),
        "secondary": (p.on_secondary, p.on_primary),
    }


def scrim(p: Palette) -> str:
    """The dimmed screen behind an overlay: the palette's darkest colour (text, or the
    window in high contrast), two thirds opaque, so the panel stands out and the screen
    below still shows where the visitor was."""
    dark = max(p.text, p.window, key=lambda colour: contrast_ratio(colour, "#FFFFFF"))
    red, green, blue = (int(dark[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, 170)"


def stylesheet(p: Palette, m: Metrics) -> str:
    """One style sheet for the whole app; widgets pick a look with the ``role`` property.

    A BigButton's label is coloured here by ``tone`` (its button's role) and ``active``
    (pressed or checked): a press re-polishes one label instead of parsing a style sheet.
    These rules beat ``QFrame[role="card"] QLabel`` (the icon's: as specific, but later), so
    a button's labels stay transparent inside a card."""
    radius = m.px(18)
    button_labels = "\n    ".join(
        f'QPushButton > QLabel[tone="{tone}"][active="{str(active).lower()}"] '
        f"{{ background: transparent; border: none; color: {colour}; }}"
        for tone, colours in button_text_colours(p).items()
        for active, colour in zip((False, True), colours, strict=True)
    )
    return f"""
    QWidget {{ color: {p.text}; font-size: {m.body}px; }}
    QWidget#kiosk-window {{ background: {p.window}; }}
    QLabel {{ background: transparent; }}
    QLabel[role="title"] {{ font-size: {m.font_px(52)}px; font-weight: bold; }}
    QLabel[role="subtitle"] {{ font-size: {m.font_px(38)}px; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {p.muted}; }}
    QLabel[role="big-number"] {{ font-size: {m.font_px(150)}px; font-weight: bold; }}
    QLabel[role="countdown"] {{ font-size: {m.px(120)}px; font-weight: bold; }}
    QFrame[role="card"] {{ background: {p.surface}; border: {max(2, m.px(3))}px solid {p.border};
        border-radius: {radius}px; }}
    QFrame[role="card"] QLabel {{ background: {p.surface}; }}
    QLabel[role="banner"], QFrame[role="banner"] {{ background: {p.banner}; color: {p.on_banner};
        border-radius: {radius}px; padding: {m.px(16)}px; font-weight: bold; }}
    QLabel[role="status-ok"] {{ background: {p.ok}; color: {p.on_ok}; border: 2px solid {p.on_ok};
        border-radius: {m.px(12)}px; padding: {m.px(10)}px; font-weight: bold; }}
    QLabel[role="status-alert"] {{ background: {p.alert}; color: {p.on_alert}; border: 2px solid {p.on_alert};
        border-radius: {m.px(12)}px; padding: {m.px(10)}px; font-weight: bold; }}
    QPushButton {{ background: {p.secondary}; color: {p.on_secondary}; border: {max(2, m.px(3))}px solid {p.border};
        border-radius: {radius}px; padding: {m.px(14)}px {m.px(24)}px; min-height: {m.touch}px;
        min-width: {m.touch}px; font-weight: bold; }}
    QPushButton[role="pin-digit"] {{ font-size: {m.font_px(52)}px; }}
    QPushButton[role="primary"] {{ background: {p.primary}; color: {p.on_primary}; border-color: {p.primary}; }}
    QPushButton[role="tile"] {{ background: {p.surface}; color: {p.text}; text-align: left;
        padding: {m.px(20)}px; }}
    QPushButton:pressed {{ background: {p.primary}; color: {p.on_primary}; }}
    QPushButton[role="primary"]:pressed {{ background: {p.text}; color: {p.window}; }}
    QPushButton:checked {{ background: {p.primary}; color: {p.on_primary}; }}
    QPushButton:disabled {{ border-style: dashed; }}
    QPushButton > QLabel[tone="icon"] {{ background: transparent; border: none; }}
    {button_labels}
    QPushButton:focus {{ outline: none; border-color: {p.focus}; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
    QScrollBar:vertical {{ width: {m.px(36)}px; margin: 0 {m.px(7)}px; background: {p.window}; }}
    QScrollBar::handle:vertical {{ background: {p.muted}; border-radius: {m.px(10)}px; min-height: {m.px(60)}px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
    QLineEdit {{ background: {p.surface}; color: {p.text}; border: {max(2, m.px(3))}px solid {p.border};
        border-radius: {m.px(12)}px; padding: {m.px(12)}px; min-height: {m.touch}px; font-size: {m.font_px(38)}px; }}
    QFrame#scrim {{ background: {scrim(p)}; }}
    QFrame#overlay {{ background: {p.window}; border: {max(3, m.px(5))}px solid {p.border};
        border-radius: {radius}px; }}
    """
