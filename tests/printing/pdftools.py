"""poppler/zbar helpers for the paper tests (real tools, skipped with a reason if absent)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

PT_PER_MM = 72 / 25.4

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="poppler-utils (pdftotext, pdfinfo) missing"
)
needs_zbar = pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools or pdftoppm missing"
)


def _path(pdf: bytes | Path, tmp: Path) -> Path:
    if isinstance(pdf, Path):
        return pdf
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    return path


def text(pdf: bytes | Path, tmp: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(_path(pdf, tmp)), "-"], capture_output=True, check=True)
    return out.stdout.decode()


def info(pdf: bytes | Path, tmp: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(_path(pdf, tmp))], capture_output=True, check=True).stdout.decode()
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def page_mm(pdf: bytes | Path, tmp: Path) -> tuple[float, float]:
    w, h = re.findall(r"[\d.]+", info(pdf, tmp)["Page size"])[:2]
    return float(w) / PT_PER_MM, float(h) / PT_PER_MM


def decode_qr(pdf: bytes | Path, tmp: Path, dpi: int = 200) -> list[str]:
    """Render page 1 like a phone camera would see it, then decode every QR on it."""
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", str(_path(pdf, tmp)), str(tmp / "page")], check=True
    )
    png = sorted(tmp.glob("page*.png"))[0]
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True).stdout.decode()
    return [line for line in out.splitlines() if line]
