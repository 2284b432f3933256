"""QR codes: the matrix the screen paints and the PNG decode back to the data."""

from __future__ import annotations

import subprocess

from kiosk.printing.qr import QUIET_ZONE, qr_matrix, qr_png

from .pdftools import needs_zbar


def test_matrix_is_square_with_a_light_quiet_zone():
    matrix = qr_matrix("https://example.org/x")
    assert all(len(row) == len(matrix) for row in matrix)
    assert not any(matrix[0]) and not any(row[0] for row in matrix)
    assert matrix[QUIET_ZONE][QUIET_ZONE]  # the finder pattern's corner is dark


@needs_zbar
def test_png_decodes_to_the_same_url(tmp_path):
    path = tmp_path / "qr.png"
    path.write_bytes(qr_png("https://www.musterstadt.de/wohngeld", scale=6))
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, check=True).stdout
    assert out.decode().strip() == "https://www.musterstadt.de/wohngeld"
