"""Paper layouts rendered for real and read back with poppler."""

from __future__ import annotations

from dataclasses import replace

from kiosk.content.model import Guide, GuideStep
from kiosk.i18n import Translator
from kiosk.printing.layouts import checklist_pdf, handout_pdf, ticket_pdf
from kiosk.printing.pdfdoc import Paper

from .conftest import URL
from .pdftools import decode_qr, needs_poppler, needs_zbar, page_mm, text


@needs_poppler
def test_ticket_is_80_mm_wide_at_most_120_mm_long_and_shows_the_number(ticket, queue, offices, tmp_path):
    pdf = ticket_pdf(ticket, queue, offices[queue.office_id], Translator("de"))
    width, height = page_mm(pdf.data, tmp_path)
    assert round(width) == 80 and height <= 120
    assert pdf.page_size_mm == (80.0, round(height))
    words = text(pdf.data, tmp_path)
    office = offices[queue.office_id]
    assert f"{queue.prefix} 017" in words and queue.title["de"] in words and f"Raum {office.room}" in words


@needs_poppler
def test_ticket_for_an_english_visitor_shows_date_in_german_and_english(ticket, queue, offices, tmp_path):
    words = text(ticket_pdf(ticket, queue, offices[queue.office_id], Translator("en")).data, tmp_path)
    assert "Montag, 23. November 2026, 10:05 Uhr" in words and "Monday, 23 November 2026" in words
    assert queue.title["en"] in words and queue.title["de"] in words


@needs_poppler
def test_ticket_with_a_very_long_concern_still_fits_on_one_short_ticket(ticket, queue, offices, tmp_path):
    # GIVEN a concern title of 60 words  WHEN the ticket is rendered  THEN it shrinks to fit 120 mm
    long_queue = replace(queue, title={"de": " ".join(["Antragsunterlagen"] * 60)})
    pdf = ticket_pdf(ticket, long_queue, offices[queue.office_id], Translator("de"))
    assert page_mm(pdf.data, tmp_path)[1] <= 120 and pdf.pages == 1
    assert f"{queue.prefix} 017" in text(pdf.data, tmp_path)


@needs_poppler
def test_roll_handout_has_title_documents_office_hours_and_url(service, offices, tmp_path):
    pdf = handout_pdf(service, offices["sozialbuero"], URL, Translator("de"), Paper.ROLL)
    assert round(page_mm(pdf.data, tmp_path)[0]) == 80
    words = text(pdf.data, tmp_path)
    office = offices["sozialbuero"]
    for expected in ("Wohngeld", "Personalausweis", office.name["de"], "09:00–12:00 Uhr", office.phone[-7:], URL):
        assert expected in words


@needs_poppler
def test_handout_in_english_carries_the_german_title_for_staff(service, offices, tmp_path):
    words = text(handout_pdf(service, offices["sozialbuero"], URL, Translator("en"), Paper.A4).data, tmp_path)
    assert "Housing benefit" in words and "Wohngeld" in words


@needs_poppler
def test_arabic_visitor_gets_german_paper_because_arabic_cannot_be_shaped(service, offices, tmp_path):
    arabic = replace(service, title={"de": "Wohngeld", "ar": "إعانة السكن"})
    words = text(handout_pdf(arabic, offices["sozialbuero"], URL, Translator("ar"), Paper.ROLL).data, tmp_path)
    assert "Wohngeld" in words and "إعانة" not in words


@needs_poppler
def test_a4_handout_with_many_documents_flows_onto_more_pages(service, offices, tmp_path):
    many = replace(service, documents=tuple({"de": f"Nachweis Nummer {i} für den Antrag"} for i in range(90)))
    pdf = handout_pdf(many, offices["sozialbuero"], URL, Translator("de"), Paper.A4)
    words = text(pdf.data, tmp_path)
    assert pdf.pages > 1 and "Nachweis Nummer 0 " in words and "Nachweis Nummer 89" in words and URL in words


@needs_poppler
def test_long_unbroken_text_wraps_inside_the_roll_instead_of_running_off(service, offices, tmp_path):
    long_word = "Grundsicherungsleistungsberechtigungsnachweisbescheinigung" * 3
    pdf = handout_pdf(replace(service, summary={"de": long_word}), None, None, Translator("de"), Paper.ROLL)
    lines = [line.strip() for line in text(pdf.data, tmp_path).splitlines() if "Grundsicherung" in line]
    assert len(lines) > 1  # split across lines, all within the 72 mm frame


@needs_poppler
def test_guide_checklist_lists_remaining_steps_and_the_link(tmp_path):
    steps = tuple(GuideStep(f"s{i}", {"de": f"Schritt {i}: Konto anlegen"}, {"de": "..."}) for i in range(3))
    guide = Guide("bund-id", {"de": "BundID einrichten"}, {"de": ""}, "https://id.bund.de/", "s0", steps)
    words = text(checklist_pdf(guide, steps[1:], Translator("de"), Paper.ROLL).data, tmp_path)
    assert "BundID einrichten" in words and "Schritt 2" in words and "Schritt 0" not in words
    assert "https://id.bund.de/" in words


@needs_zbar
def test_qr_on_a_rendered_roll_handout_decodes_to_the_url(service, offices, tmp_path):
    pdf = handout_pdf(service, offices["sozialbuero"], URL, Translator("de"), Paper.ROLL)
    assert decode_qr(pdf.data, tmp_path) == [URL]


@needs_zbar
def test_qr_on_a_rendered_a4_handout_decodes_to_the_url(service, offices, tmp_path):
    pdf = handout_pdf(service, offices["sozialbuero"], URL, Translator("de"), Paper.A4)
    assert decode_qr(pdf.data, tmp_path) == [URL]


def test_warm_up_renders_without_content_or_printer():
    from kiosk.printing.layouts import warm_up

    warm_up()  # raises if fonts or layout are broken
    from kiosk.printing.fonts import register_fonts

    assert register_fonts.cache_info().currsize == 1
