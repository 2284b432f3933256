"""Icons from the bundled SVGs (assets/icons), rendered in the theme's colours and shared.

Rendered pixmaps and icons are cached: a theme has few (name, size, colour) combinations, and
Qt keeps the pixmaps a painted QIcon derives under that icon's cache key, so a fresh QIcon per
theme switch left ~8 kB behind on every switch (benchmarks/memory_idle.py).
"""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.paths import assets_dir


@cache
def svg_bytes(name: str) -> bytes | None:
    path = assets_dir() / "icons" / f"{name}.svg"
    return path.read_bytes() if path.exists() else None


def svg_pixmap(svg: bytes, size: int, colour: str | None = None) -> QPixmap:
    """Render SVG bytes to a square pixmap, optionally recoloured (icons follow the theme)."""
    renderer = QSvgRenderer(QByteArray(svg))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view = renderer.viewBoxF()
    if view.width() > 0 and view.height() > 0:
        ratio = min(size / view.width(), size / view.height())
        w, h = view.width() * ratio, view.height() * ratio
        renderer.render(painter, QRectF((size - w) / 2, (size - h) / 2, w, h))
    else:
        renderer.render(painter)
    if colour:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), QColor(colour))
    painter.end()
    return pixmap


@lru_cache(maxsize=512)
def icon_pixmap(name: str, size: int, colour: str) -> QPixmap:
    return svg_pixmap(svg_bytes(name) or svg_bytes("help") or b"", size, colour)


@lru_cache(maxsize=64)
def switch_icon(name: str, size: int, off_colour: str, on_colour: str) -> QIcon:
    """An icon for a checkable button: ``on_colour`` while checked, where the button takes the
    colour the icon has when unchecked (with one colour it vanished on a checked switch)."""
    both = QIcon()
    both.addPixmap(icon_pixmap(name, size, off_colour), QIcon.Mode.Normal, QIcon.State.Off)
    both.addPixmap(icon_pixmap(name, size, on_colour), QIcon.Mode.Normal, QIcon.State.On)
    return both
