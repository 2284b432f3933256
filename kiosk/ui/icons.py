"""Icons from the bundled SVGs (assets/icons), rendered in the theme's colours and shared.

Rendered pixmaps and icons are cached: a theme has few (name, size, colour) combinations, and
Qt keeps the pixmaps a painted QIcon derives under that icon's cache key, so a fresh QIcon per
theme switch left ~8 kB behind on every switch (benchmarks/memory_idle.py).
"""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QIcon, QImageReader, QPixmap

from kiosk.paths import assets_dir


@cache
def svg_bytes(name: str) -> bytes | None:
    path = assets_dir() / "icons" / f"{name}.svg"
    return path.read_bytes() if path.exists() else None


def svg_pixmap(svg: bytes, size: int, colour: str | None = None) -> QPixmap:
    """Render SVG bytes to fit a ``size`` square (aspect ratio kept), optionally in one colour.

    Qt's SVG image plugin renders it, all in C++; the colour is a ``fill`` on the root element,
    which the icons' paths inherit (painting with a QPainter from Python instead created
    QPainter's enums, ~2 ms of start-up, and imported QtSvg's bindings)."""
    if colour:
        svg = svg.replace(b"<svg", f'<svg fill="{colour}"'.encode(), 1)
    buffer = QBuffer()
    buffer.setData(QByteArray(svg))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(_fit_square(reader.size(), size))
    return QPixmap.fromImage(reader.read())


def _fit_square(natural: QSize, size: int) -> QSize:
    """``natural`` scaled to fit a ``size`` square, aspect ratio kept (what ``QSize.scaled``
    with ``KeepAspectRatio`` does, without a ``Qt`` enum: see kiosk.ui.qt_names)."""
    if natural.isEmpty():
        return QSize(size, size)
    width = size * natural.width() // natural.height()  # Qt's integer arithmetic
    if width <= size:
        return QSize(width, size)
    return QSize(size, size * natural.height() // natural.width())


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
