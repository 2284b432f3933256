"""What goes on paper: the queue ticket, the service handout, the guide checklist, a test page.

Every function returns a ``RenderedPdf`` (bytes + page size) and imports reportlab
lazily, so the kiosk starts fast. Visible words come through the visitor's ``Translator``
(German source); where the visitor chose another language, German is printed too so staff
can read it. Arabic cannot be shaped by reportlab, so Arabic visitors get German paper
(the screen shows Arabic; see docs/printing.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape  # xml.sax.saxutils pulls in urllib, http and ssl at start-up
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.content.model import Guide, GuideStep, LocalText, Office, QueueCategory, Service, localized
from kiosk.i18n import N_, SOURCE_LANGUAGE, Translator
from kiosk.printing.hours_text import hours_blocks
from kiosk.printing.pdfdoc import MM, TICKET_MAX_MM, Paper, RenderedPdf, build, frame_width_pt, styles
from kiosk.queue.tickets import Ticket

QR_ROLL_MM = 27.0  # the issue asks >= 25 mm on roll paper
QR_A4_MM = 34.0  # and >= 30 mm on A4
GERMAN = Translator(SOURCE_LANGUAGE)
GERMAN_LIKE = {"de", "ls"}  # Leichte Sprache is German: no second German line needed

T_TICKET = N_("Ihre Wartemarke")
T_GUIDANCE = N_("Bitte warten Sie im Wartebereich. Ihre Nummer wird auf dem Bildschirm aufgerufen.")
T_ROOM = N_("Raum {room}")
T_DOCUMENTS = N_("Diese Unterlagen brauchen Sie")
T_WHERE = N_("Hier bekommen Sie Hilfe")
T_PHONE = N_("Telefon: {phone}")
T_ONLINE = N_("Mehr dazu im Internet – einfach den Code mit dem Handy scannen:")
T_STEPS = N_("Ihre nächsten Schritte")
T_TEST = N_("Testdruck")
T_TEST_OK = N_("Wenn Sie diesen Zettel lesen können, funktioniert der Drucker.")


def print_translator(tr: Translator) -> Translator:
    """The language actually printed: the visitor's, or German for scripts we cannot shape."""
    return GERMAN if tr.language.rtl else tr


def _p(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


def _both(message: str, tr: Translator, style: Any, second_style: Any | None = None) -> list[Any]:
    """The message in the visitor's language, then in German if that differs."""
    lines = [_p(tr.gettext(message), style)]
    german = GERMAN.gettext(message)
    if tr.code not in GERMAN_LIKE and tr.gettext(message) != german:
        lines.append(_p(german, second_style or style))
    return lines


def _text_both(text: LocalText, tr: Translator, style: Any, second_style: Any) -> list[Any]:
    mine, german = localized(text, tr.code), localized(text, "de")
    lines = [_p(mine, style)]
    if tr.code not in GERMAN_LIKE and mine != german:
        lines.append(_p(german, second_style))
    return lines


def _tick_rows(items: Sequence[str], paper: Paper) -> Any:
    """A checklist: an empty box to tick, then the text, which wraps beside the box."""
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib.colors import black
    from reportlab.platypus import Table, TableStyle

    style = styles(paper)["body"]
    side = 3.6 * MM
    rows = []
    for item in items:
        box = Drawing(side, side + 2)
        box.add(Rect(0, 0, side, side, strokeColor=black, strokeWidth=0.9, fillColor=None))
        rows.append([box, _p(item, style)])
    width = frame_width_pt(paper)
    table = Table(rows, colWidths=[7 * MM, width - 7 * MM], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _qr_block(url: str, paper: Paper, tr: Translator) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    from kiosk.printing.qr import QUIET_ZONE, qr_drawing, qr_matrix

    s = styles(paper)
    modules = len(qr_matrix(url))
    code_mm = QR_ROLL_MM if paper == Paper.ROLL else QR_A4_MM  # the dark square, without quiet zone
    code = qr_drawing(url, code_mm * MM * modules / (modules - 2 * QUIET_ZONE))
    code.hAlign = "CENTER"
    return [
        Spacer(1, 4 * MM),
        KeepTogether([_p(tr.gettext(T_ONLINE), s["center_small"]), code, _p(url, _one_line(url, s["center"], paper))]),
    ]


def _one_line(text: str, style: Any, paper: Paper) -> Any:
    """A smaller size so a URL stays on one line (a broken URL is hard to type), down to 7 pt;
    longer ones still wrap rather than run off the paper."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fits = 0.98 * frame_width_pt(paper) / stringWidth(text, style.fontName, 1)
    size = max(7.0, min(style.fontSize, fits))
    return ParagraphStyle("one_line", style, fontSize=size, leading=size * 1.3)


def _office_card(office: Office, tr: Translator, paper: Paper) -> list[Any]:
    from reportlab.lib.colors import black
    from reportlab.platypus import Table, TableStyle

    s = styles(paper)
    lang = tr.code
    inner: list[Any] = [_p(localized(office.name, lang), s["strong"]), _p(office.building, s["body"])]
    place = [localized(office.floor, lang), tr.gettext(T_ROOM).format(room=office.room) if office.room else ""]
    inner.append(_p(", ".join(p for p in place if p), s["body"]))
    for label, lines in hours_blocks(office.hours, tr):
        inner.append(_p(label, s["strong"]))
        inner.extend(_p(line, s["body"]) for line in lines)
    if office.phone:
        inner.append(_p(tr.gettext(T_PHONE).format(phone=office.phone), s["body"]))
    card = Table([[inner]], colWidths=[frame_width_pt(paper)])
    card.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.9, black), ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * MM)]))
    return [_p(tr.gettext(T_WHERE), s["heading"]), card]


def ticket_pdf(
    ticket: Ticket, category: QueueCategory, office: Office | None, tr: Translator, timezone: str = "Europe/Berlin"
) -> RenderedPdf:
    """80 mm roll, at most 120 mm long: huge number, concern, where to wait, when, what next."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import HRFlowable, KeepInFrame, Spacer

    from kiosk.printing.fonts import register_fonts

    tr = print_translator(tr)
    paper = Paper.ROLL
    s = styles(paper)
    _, bold = register_fonts()
    width = frame_width_pt(paper)
    size = min(66.0, 0.96 * width / stringWidth(ticket.display, bold, 1))
    big = ParagraphStyle("number", s["center_bold"], fontSize=size, leading=size * 1.15)
    when = ticket.issued_at.astimezone(ZoneInfo(timezone))
    where = [localized(category.waiting_area, tr.code)]
    if office is not None:
        where.append(f"{localized(office.name, tr.code)}, {tr.gettext(T_ROOM).format(room=office.room)}")
    story: list[Any] = [
        *_both(T_TICKET, tr, s["center"], s["center_small"]),
        _p(ticket.display, big),
        *_text_both(category.title, tr, s["center_bold"], s["center"]),
        Spacer(1, 2 * MM),
        *(_p(line, s["center"]) for line in where if line),
        Spacer(1, 2 * MM),
        _p(_when(when, GERMAN), s["center_small"]),
    ]
    if tr.code not in GERMAN_LIKE:
        story.append(_p(_when(when, tr), s["center_small"]))
    story += [
        HRFlowable(width="100%", thickness=0.8, spaceBefore=2 * MM, spaceAfter=2 * MM),
        *_both(T_GUIDANCE, tr, s["center"], s["center_small"]),
    ]
    frame_h = (TICKET_MAX_MM - 8 - 2) * MM
    fitted = KeepInFrame(width, frame_h, story, mode="shrink")
    return build([fitted], paper, max_roll_mm=TICKET_MAX_MM, title=ticket.display)


def _when(moment: datetime, tr: Translator) -> str:
    return f"{tr.date(moment.date())}, {tr.time(moment)}"


def handout_pdf(service: Service, office: Office | None, url: str | None, tr: Translator, paper: Paper) -> RenderedPdf:
    """The service, its short text, the documents to bring, the office card and a QR code."""
    tr = print_translator(tr)
    s = styles(paper)
    lang = tr.code
    story: list[Any] = [*_text_both(service.title, tr, s["title"], s["subtitle"])]
    summary = localized(service.summary, lang)
    if summary:
        story.append(_p(summary, s["body"]))
    documents = [localized(d, lang) for d in service.documents]
    if documents:
        story += [_p(tr.gettext(T_DOCUMENTS), s["heading"]), _tick_rows(documents, paper)]
    if office is not None:
        story += _office_card(office, tr, paper)
    if url:
        story += _qr_block(url, paper, tr)
    return build(story, paper, title=localized(service.title, "de"))


def checklist_pdf(guide: Guide, steps: Sequence[GuideStep], tr: Translator, paper: Paper) -> RenderedPdf:
    """For a guide left half-way: the steps still to do, to tick off at home, and the link."""
    tr = print_translator(tr)
    s = styles(paper)
    story: list[Any] = [*_text_both(guide.title, tr, s["title"], s["subtitle"])]
    story += [_p(tr.gettext(T_STEPS), s["heading"]), _tick_rows([localized(st.title, tr.code) for st in steps], paper)]
    extra = [localized(item, tr.code) for item in guide.checklist]
    if extra:
        story += [_p(tr.gettext(T_DOCUMENTS), s["heading"]), _tick_rows(extra, paper)]
    if guide.url:
        story += _qr_block(guide.url, paper, tr)
    return build(story, paper, title=localized(guide.title, "de"))


def test_page_pdf(tr: Translator, now: datetime, printer_name: str) -> RenderedPdf:
    """``kiosk printer test``: proves paper, width and the glyphs of every printed language."""
    s = styles(Paper.ROLL)
    story = [
        _p(GERMAN.gettext(T_TEST), s["title"]),
        _p(GERMAN.gettext(T_TEST_OK), s["body"]),
        _p(printer_name, s["body"]),
        _p(_when(now, GERMAN), s["body"]),
        _p("ÄÖÜ äöüß · ğışçİŞ · Жжїієґ ЯЁ · €", s["body"]),
    ]
    return build(story, Paper.ROLL, title="Testdruck")


def warm_up() -> None:
    """Import reportlab, register the fonts and lay out one throwaway ticket (0.3-2 s cold),
    so the first visitor's tap is as fast as the rest. Call it off the GUI thread at start."""
    from kiosk.content.model import QueueCategory, WhenExhausted

    category = QueueCategory("warm", {"de": "Start"}, "A", 1, 999, WhenExhausted.WRAP, 0, "", {"de": "Start"})
    ticket = Ticket(0, "warm", "A", 1, 3, "2000-01-01", datetime(2000, 1, 1, tzinfo=ZoneInfo("UTC")))
    ticket_pdf(ticket, category, None, GERMAN)
