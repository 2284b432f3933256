"""Page geometry and the build step shared by all layouts.

Roll paper (80 mm) has no fixed length: the page is as long as the content, capped
(a ticket is never longer than ``TICKET_MAX_MM``; a long handout continues on further
roll "pages"). A4 flows onto more pages. Text always wraps inside the frame, so it
never runs off the paper.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

MM = 72 / 25.4  # points per millimetre

ROLL_WIDTH_MM = 80.0
ROLL_MARGIN_MM = 4.0  # thermal heads print about 72 mm of the 80 mm
TICKET_MAX_MM = 120.0
ROLL_PAGE_MAX_MM = 600.0
A4_MM = (210.0, 297.0)
A4_MARGIN_MM = 18.0


class Paper(StrEnum):
    ROLL = "roll"
    A4 = "a4"


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    """PDF bytes plus the page size the printer must be told (CUPS ``PageSize``)."""

    data: bytes
    page_size_mm: tuple[float, float]
    pages: int = 1


def frame_width_pt(paper: Paper) -> float:
    width = ROLL_WIDTH_MM - 2 * ROLL_MARGIN_MM if paper == Paper.ROLL else A4_MM[0] - 2 * A4_MARGIN_MM
    return width * MM


def content_height_pt(story: list[Any], width: float) -> float:
    """Height the flowables need in a frame ``width`` wide (wraps each one)."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import KeepTogether

    canvas = Canvas(io.BytesIO())  # some flowables (KeepInFrame) measure on a canvas
    total = 0.0
    for flowable in story:
        if isinstance(flowable, KeepTogether):  # it claims a huge height to force a page break
            total += content_height_pt(flowable._content, width)
            continue
        _, height = flowable.wrapOn(canvas, width, 100_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def build(story: list[Any], paper: Paper, max_roll_mm: float = ROLL_PAGE_MAX_MM, title: str = "") -> RenderedPdf:
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    if paper == Paper.ROLL:
        margin = ROLL_MARGIN_MM * MM
        width = frame_width_pt(paper)
        needed = content_height_pt(story, width) + 2 * margin + 2 * MM  # slack for rounding
        height_mm = min(max_roll_mm, max(40.0, round(needed / MM + 0.5)))
        page = (ROLL_WIDTH_MM * MM, height_mm * MM)
        size_mm = (ROLL_WIDTH_MM, float(height_mm))
    else:
        margin = A4_MARGIN_MM * MM
        page = (A4_MM[0] * MM, A4_MM[1] * MM)
        size_mm = A4_MM
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author="Bürgerservice",
        creator="kiosk",
        invariant=True,
    )
    frame = Frame(margin, margin, page[0] - 2 * margin, page[1] - 2 * margin, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story)
    return RenderedPdf(buffer.getvalue(), size_mm, doc.page)


@cache
def styles(paper: Paper) -> dict[str, Any]:
    """Paragraph styles per paper; sizes chosen to be read at arm's length."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    from kiosk.printing.fonts import register_fonts

    regular, bold = register_fonts()
    body = 10.5 if paper == Paper.ROLL else 13.0
    base = ParagraphStyle("body", fontName=regular, fontSize=body, leading=body * 1.3, splitLongWords=True)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=body - 1.5, leading=(body - 1.5) * 1.3),
        "title": ParagraphStyle(
            "title", base, fontName=bold, fontSize=body * 1.6, leading=body * 1.6 * 1.2, spaceAfter=4
        ),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=body + 1, leading=(body + 1) * 1.3, spaceAfter=4),
        "heading": ParagraphStyle("heading", base, fontName=bold, spaceBefore=8, spaceAfter=3),
        "strong": ParagraphStyle("strong", base, fontName=bold),
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
        "center_small": ParagraphStyle("center_small", base, alignment=TA_CENTER, fontSize=body - 1.5),
        "center_bold": ParagraphStyle(
            "center_bold", base, alignment=TA_CENTER, fontName=bold, fontSize=body + 3, leading=(body + 3) * 1.25
        ),
    }
