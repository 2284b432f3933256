"""What the ticket screen says before a tap: availability per category and its words."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from kiosk.content.model import Hours, HoursKind, QueueCategory, WhenExhausted
from kiosk.i18n import Translator
from kiosk.queue.ticket_text import earliest_again, refusal_text
from kiosk.queue.tickets import Refusal, RefusalReason, availability

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)
DE = Translator("de")


def category(**changes) -> QueueCategory:
    values = dict(
        id="antraege",
        title={"de": "Anträge"},
        prefix="A",
        first=1,
        last=99,
        when_exhausted=WhenExhausted.CAP,
        daily_cap=5,
        office_id="sozialbuero",
        waiting_area={"de": "Wartebereich A"},
        issue_hours=(Hours(HoursKind.WALK_IN, 0, time(9), time(12)), Hours(HoursKind.WALK_IN, 0, time(14), time(16))),
    )
    return QueueCategory(**(values | changes))


def test_open_category_with_numbers_left_issues():
    assert availability(category(), MONDAY_10, {}, {"antraege": 4}) is None


def test_pause_wins_over_open_hours_and_keeps_the_staff_reason():
    refusal = availability(category(), MONDAY_10, {"antraege": "Heute nur mit Termin"}, {})
    assert refusal.reason is RefusalReason.PAUSED
    assert refusal_text(refusal, MONDAY_10.date(), DE) == "Die Ausgabe ist gerade unterbrochen: Heute nur mit Termin"


def test_daily_cap_reached_is_said_plainly():
    refusal = availability(category(), MONDAY_10, {}, {"antraege": 5})
    assert refusal_text(refusal, MONDAY_10.date(), DE) == "Für heute sind alle Wartemarken vergeben."


def test_between_two_slots_says_today_and_the_time():
    at = MONDAY_10.replace(hour=13)
    refusal = availability(category(), at, {}, {})
    assert refusal_text(refusal, at.date(), DE) == "Wartemarken gibt es heute wieder ab 14:00 Uhr."


def test_after_the_last_slot_names_the_weekday_and_a_week_away_also_the_date():
    at = MONDAY_10.replace(hour=17)
    wednesday = category(issue_hours=(Hours(HoursKind.WALK_IN, 2, time(8, 30), time(12)),))
    refusal = availability(wednesday, at, {}, {})
    assert refusal_text(refusal, at.date(), DE) == "Wartemarken gibt es wieder am Mittwoch ab 08:30 Uhr."
    next_monday = availability(category(), at, {}, {})
    assert refusal_text(next_monday, at.date(), DE).startswith("Wartemarken gibt es wieder am Montag, 30.11.2026 ab")


def test_earliest_again_only_when_every_category_is_outside_its_hours():
    later = Refusal(RefusalReason.OUTSIDE_HOURS, MONDAY_10.replace(hour=14))
    sooner = Refusal(RefusalReason.OUTSIDE_HOURS, MONDAY_10.replace(hour=11))
    assert earliest_again([later, sooner]) == sooner.next_issue
    assert earliest_again([later, Refusal(RefusalReason.DAILY_CAP)]) is None
    assert earliest_again([later, None]) is None
