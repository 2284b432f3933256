"""The office card's words, without Qt: place, phone, closures and where to go instead."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kiosk.content import office_card
from kiosk.i18n import Translator

BERLIN = ZoneInfo("Europe/Berlin")
DE = Translator("de")


def _plain(text: str) -> str:
    return text.replace("\u202a", "").replace("\u202c", "")


def test_room_and_phone_are_embedded_left_to_right(store):
    # GIVEN an office WHEN its place and phone lines are made
    office = store.office("grundsicherung")
    place, phone = office_card.place_line(office, DE), office_card.phone_line(office, DE)
    # THEN room and number sit in a left-to-right embedding (they keep their order in Arabic)
    assert "\u202a1.10\u202c" in place and _plain(place) == "1. Obergeschoss, Raum 1.10"
    assert phone == "Telefon: \u202a+49 6441 555-210\u202c"


def test_during_the_closure_week_the_notice_names_the_reason_and_the_infothek(store):
    # GIVEN Tuesday of the Grundsicherung team's closure week (2026-12-07 to 11)
    office = store.office("grundsicherung")
    now = datetime(2026, 12, 8, 10, 0, tzinfo=BERLIN)
    status = office_card.office_status(office, store, now, "Europe/Berlin")
    # WHEN the card's notice is made
    notice = office_card.closure_notice(office, status, store, DE)
    # THEN it is current, runs to Friday, gives the reason and the Infothek as alternative
    assert notice.current and notice.end == date(2026, 12, 11)
    assert notice.reason.startswith("Schließwoche") and notice.alternative.id == "infothek"
    assert office_card.status_line(status, office, store, DE).startswith("Geschlossen bis 11.12.2026")
    line = _plain(office_card.alternative_line(notice.alternative, DE))
    assert line == "Bitte wenden Sie sich an: Infothek, Erdgeschoss, Raum 0.01, Telefon: +49 6441 555-100"


def test_a_closure_starting_within_two_weeks_is_announced(store):
    # GIVEN the Wednesday before the closure week
    office = store.office("grundsicherung")
    now = datetime(2026, 12, 2, 10, 0, tzinfo=BERLIN)
    status = office_card.office_status(office, store, now, "Europe/Berlin")
    # WHEN the notice is made THEN it announces the week ahead, not as current
    notice = office_card.closure_notice(office, status, store, DE)
    assert not notice.current and (notice.start, notice.end) == (date(2026, 12, 7), date(2026, 12, 11))
    assert office_card.closure_heading(notice, DE) == "Geschlossen vom 07.12.2026 bis 11.12.2026"


def test_no_notice_without_a_closure_soon(store):
    # GIVEN an office without closures on an ordinary day
    office = replace(store.office("grundsicherung"), closures=())
    status = office_card.office_status(office, store, datetime(2026, 12, 8, 10, tzinfo=BERLIN), "Europe/Berlin")
    # THEN there is no notice
    assert office_card.closure_notice(office, status, store, DE) is None


def test_a_public_holiday_closes_the_card_without_an_alternative(store):
    # GIVEN Christmas Day (a holiday in every Land)
    office = store.office("infothek")
    status = office_card.office_status(office, store, datetime(2026, 12, 25, 10, tzinfo=BERLIN), "Europe/Berlin")
    # WHEN the notice is made THEN it is the holiday, for that one day, with no alternative
    notice = office_card.closure_notice(office, status, store, DE)
    assert notice.current and notice.alternative is None and "Weihnacht" in notice.reason
    assert office_card.closure_heading(notice, DE) == "Geschlossen am 25.12.2026"


def test_a_single_closure_day_is_headed_with_its_date(store):
    # GIVEN a one-day closure on 2027-02-19
    office = store.office("grundsicherung")
    status = office_card.office_status(office, store, datetime(2027, 2, 19, 9, tzinfo=BERLIN), "Europe/Berlin")
    notice = office_card.closure_notice(office, status, store, DE)
    # THEN the heading names the day and the Infothek is the alternative
    assert office_card.closure_heading(notice, DE) == "Geschlossen am 19.02.2027"
    assert notice.alternative.id == "infothek"
