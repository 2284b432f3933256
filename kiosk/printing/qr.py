"""QR codes (error correction M) as a module matrix, PNG bytes or a reportlab drawing.

The matrix is the one source: paper draws it as vector rectangles (sharp at any printer
resolution) and the Qt side paints it with ``fillRect`` per dark module. No PIL needed.
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

QUIET_ZONE = 4  # modules of white border the QR standard asks for

Matrix = tuple[tuple[bool, ...], ...]


@lru_cache(maxsize=64)
def qr_matrix(data: str, border: int = QUIET_ZONE) -> Matrix:
    """Rows of modules, True = dark, including ``border`` light modules on every side."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def qr_png(data: str, scale: int = 8) -> bytes:
    """A black-and-white PNG, ``scale`` pixels per module (for screens and tests)."""
    matrix = qr_matrix(data)
    size = len(matrix) * scale
    raw = bytearray()
    for row in matrix:
        line = bytearray([0])  # filter: none
        for dark in row:
            line.extend(b"\x00" * scale if dark else b"\xff" * scale)
        raw.extend(bytes(line) * scale)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw))) + chunk(b"IEND", b"")
    )


def qr_drawing(data: str, size_pt: float) -> Drawing:
    """A square reportlab Drawing ``size_pt`` wide, quiet zone included; one rectangle
    per horizontal run of dark modules keeps the PDF small."""
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib.colors import black

    matrix = qr_matrix(data)
    n = len(matrix)
    module = size_pt / n
    drawing = Drawing(size_pt, size_pt)
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < n and row[x]:
                x += 1
            # a hair of overlap avoids white seams between modules in some renderers
            drawing.add(
                Rect(
                    start * module,
                    size_pt - (y + 1) * module,
                    (x - start) * module + 0.05,
                    module + 0.05,
                    fillColor=black,
                    strokeColor=None,
                )
            )
    return drawing
