"""Icons from the bundled SVGs (assets/icons), rendered in the theme's colours and shared.

Rendered pixmaps are cached: a theme has few (name, size, colour) combinations. Qt's SVG image
plugin renders them, all in C++: painting with a QPainter from Python created QPainter's
enums and imported QtSvg's bindings, and a QIcon (the class alone) brings 160 enum members to
start-up (benchmarks/README.md).
"""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap

from kiosk.paths import assets_dir

BUNDLED_SIZE = b'width="24" height="24"'  # the root of every bundled icon (Material Symbols)


@cache
def svg_bytes(name: str) -> bytes | None:
    path = assets_dir() / "icons" / f"{name}.svg"
    return path.read_bytes() if path.exists() else None


def _coloured(svg: bytes, colour: str | None) -> bytes:
    """The colour is a ``fill`` on the root element, which the icons' paths inherit."""
    return svg.replace(b"<svg", f'<svg fill="{colour}"'.encode(), 1) if colour else svg


def svg_pixmap(svg: bytes, size: int, colour: str | None = None) -> QPixmap:
    """Render any SVG (a guide's picture too) to fit a ``size`` square, aspect ratio kept."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(_coloured(svg, colour)))
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
    """A bundled icon: square, so its root's size is set to ``size`` and Qt renders it there
    (QImageReader's scaling, for any SVG, brought its own and QBuffer's enums to start-up)."""
    svg = svg_bytes(name) or svg_bytes("help") or b""
    if BUNDLED_SIZE not in svg:
        return svg_pixmap(svg, size, colour)
    pixmap = QPixmap()
    sized = svg.replace(BUNDLED_SIZE, f'width="{size}" height="{size}"'.encode(), 1)
    pixmap.loadFromData(_coloured(sized, colour), "SVG")
    return pixmap
