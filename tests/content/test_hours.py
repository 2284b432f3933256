"""Opening status: week boundaries, DST, holidays, closures and offices without hours."""

from __future__ import annotations

import time as clock
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kiosk.content.hours import StatusKind, holiday_name, next_opening, status
from kiosk.content.hours_text import office_hours_lines, status_text, weekly_lines
from kiosk.content.model import Closure, Hours, HoursKind, Office
from kiosk.i18n import Translator

BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")


def at(y: int, m: int, d: int, hh: int, mm: int = 0, zone: ZoneInfo = BERLIN) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=zone)


def office(hours=(), closures=(), appointment_only=False, phone="+49 6441 555-140") -> Office:
    return Office(
        id="sozialbuero",
        name={"de": "Sozialbüro"},
        building="Kreishaus",
        floor={"de": "EG"},
        room="0.14",
        directions={},
        phone=phone,
        appointment_only=appointment_only,
        hours=tuple(hours),
        closures=tuple(closures),
    )


def walk_in(days, start="09:00", end="12:00") -> list[Hours]:
    return [Hours(HoursKind.WALK_IN, d, time.fromisoformat(start), time.fromisoformat(end)) for d in days]


SOZIALBUERO = office(walk_in([0, 1]) + walk_in([3], "13:30", "16:30") + [Hours(HoursKind.PHONE, 4, time(9), time(12))])
WEEKDAYS = office(walk_in(range(5)))
TR = Translator("de")


def text(st, off=SOZIALBUERO, names=None):
    return status_text(st, TR, off, office_name=lambda i: (names or {}).get(i))


def test_open_now_says_until_when():
    # GIVEN Monday 10:00 WHEN asking THEN open until 12:00
    now = at(2026, 11, 23, 10)
    st = status(SOZIALBUERO, "HE", now)
    assert st.kind == StatusKind.OPEN
    assert text(st) == "Jetzt geöffnet bis 12:00 Uhr"


def test_closing_time_itself_counts_as_closed():
    now = at(2026, 11, 23, 12)
    assert status(SOZIALBUERO, "HE", now).kind == StatusKind.OPENS_LATER


def test_before_the_afternoon_slot_opens_again_today():
    now = at(2026, 11, 26, 11)  # Thursday
    st = status(SOZIALBUERO, "HE", now)
    assert st.kind == StatusKind.OPENS_TODAY
    assert text(st) == "Heute wieder ab 13:30 Uhr"


def test_friday_evening_points_to_monday_morning():
    now = at(2026, 11, 27, 18)
    st = status(SOZIALBUERO, "HE", now)
    assert st.next_opening == at(2026, 11, 30, 9)
    assert text(st) == "Wieder geöffnet am Montag, 09:00 Uhr"


def test_phone_hours_have_their_own_status():
    now = at(2026, 11, 27, 10)  # Friday: no walk-in, but phone
    assert status(SOZIALBUERO, "HE", now, kind=HoursKind.PHONE).kind == StatusKind.OPEN


def test_opening_stays_local_wall_clock_after_spring_dst_change():
    # GIVEN the Sunday the clocks go forward WHEN asking THEN Monday 09:00 local, now CEST (+2)
    st = status(SOZIALBUERO, "HE", at(2026, 3, 29, 12))
    assert st.next_opening == at(2026, 3, 30, 9)
    assert st.next_opening.utcoffset().total_seconds() == 7200


def test_utc_now_is_read_in_the_office_zone_across_dst():
    # 07:30 UTC is 09:30 in summer time (open) but 08:30 in winter time (not yet)
    assert status(SOZIALBUERO, "HE", at(2026, 3, 30, 7, 30, UTC)).kind == StatusKind.OPEN
    assert status(SOZIALBUERO, "HE", at(2026, 3, 23, 7, 30, UTC)).kind == StatusKind.OPENS_TODAY


def test_autumn_dst_change_keeps_local_opening():
    st = status(SOZIALBUERO, "HE", at(2026, 10, 25, 2, 30))  # the repeated hour
    assert st.next_opening == at(2026, 10, 26, 9)
    assert st.next_opening.utcoffset().total_seconds() == 3600


def test_good_friday_is_closed_and_easter_monday_is_skipped():
    now = at(2026, 4, 3, 10)
    st = status(WEEKDAYS, "HE", now)
    assert (st.kind, st.reason["de"]) == (StatusKind.CLOSED, "Karfreitag")
    assert st.next_opening == at(2026, 4, 7, 9)
    assert text(st, WEEKDAYS) == "Heute geschlossen: Karfreitag. Wieder geöffnet am Dienstag, 09:00 Uhr"


def test_day_of_german_unity_is_closed():
    st = status(WEEKDAYS, "HE", at(2025, 10, 3, 10))
    assert (st.kind, st.reason["de"]) == (StatusKind.CLOSED, "Tag der Deutschen Einheit")


def test_christmas_friday_points_past_the_weekend():
    st = status(WEEKDAYS, "HE", at(2026, 12, 24, 15))
    assert st.next_opening == at(2026, 12, 28, 9)


def test_corpus_christi_closes_in_hesse_but_not_in_berlin():
    now = at(2026, 6, 4, 10)
    assert status(WEEKDAYS, "HE", now).reason == {"de": "Fronleichnam", "en": "Corpus Christi"}
    assert status(WEEKDAYS, "BE", now).kind == StatusKind.OPEN


def test_closure_week_names_the_alternative_office_and_the_next_opening():
    closure = Closure(date(2026, 8, 10), date(2026, 8, 14), {"de": "Schließwoche"}, "infothek")
    off = office(walk_in(range(5)), [closure])
    now = at(2026, 8, 12, 10)
    st = status(off, "HE", now)
    assert (st.kind, st.closed_until, st.alternative_id) == (StatusKind.CLOSED, date(2026, 8, 14), "infothek")
    assert st.next_opening == at(2026, 8, 17, 9)
    assert text(st, off, {"infothek": "Infothek"}) == (
        "Geschlossen bis 14.08.2026. Bitte wenden Sie sich an: Infothek. Wieder geöffnet am Montag, 09:00 Uhr"
    )


def test_closure_without_alternative_names_its_reason_and_end():
    closure = Closure(date(2026, 8, 10), date(2026, 8, 14), {"de": "Umzug"})
    off = office(walk_in(range(5)), [closure])
    now = at(2026, 8, 10, 8)
    assert text(status(off, "HE", now), off).startswith("Geschlossen bis 14.08.2026: Umzug.")


def test_next_opening_skips_a_closure_that_starts_later():
    # GIVEN Friday after hours and a closure week from Monday WHEN asking THEN the Monday after it, with date
    closure = Closure(date(2026, 8, 10), date(2026, 8, 14), {"de": "Schließwoche"})
    off = office(walk_in(range(5)), [closure])
    now = at(2026, 8, 7, 12, 30)
    st = status(off, "HE", now)
    assert st.next_opening == at(2026, 8, 17, 9)
    assert text(st, off) == "Wieder geöffnet am Montag, 17.08.2026, 09:00 Uhr"


def test_chained_closures_report_the_last_closed_day():
    closures = [
        Closure(date(2026, 8, 10), date(2026, 8, 12), {"de": "Fortbildung"}),
        Closure(date(2026, 8, 13), date(2026, 8, 14), {"de": "Umzug"}),
    ]
    st = status(office(walk_in(range(5)), closures), "HE", at(2026, 8, 11, 10))
    assert st.closed_until == date(2026, 8, 14)


def test_single_closure_day_reads_closed_today():
    closure = Closure(date(2026, 11, 23), date(2026, 11, 23), {"de": "Betriebsversammlung"})
    off = office(walk_in(range(5)), [closure])
    now = at(2026, 11, 23, 10)
    st = status(off, "HE", now)
    assert text(st, off) == "Heute geschlossen: Betriebsversammlung. Wieder geöffnet am Dienstag, 09:00 Uhr"


def test_office_without_hours_asks_to_call_and_returns_at_once():
    started = clock.perf_counter()
    st = status(office(), "HE", at(2026, 11, 23, 10))
    assert clock.perf_counter() - started < 1  # bounded look-ahead, no endless search
    expected = "Zurzeit keine Sprechzeiten. Bitte rufen Sie an: +49 6441 555-140"
    assert text(st, office()) == expected


def test_office_closed_longer_than_the_lookahead_has_no_next_opening():
    closure = Closure(date(2026, 1, 1), date(2026, 12, 31), {"de": "Sanierung"})
    st = status(office(walk_in(range(5)), [closure]), "HE", at(2026, 3, 2, 10))
    assert (st.kind, st.next_opening) == (StatusKind.CLOSED, None)


def test_office_without_phone_points_to_the_infothek():
    off = office(phone="")
    assert "Infothek" in text(status(off, "HE", at(2026, 11, 23, 10)), off)


def test_appointment_only_office_says_so():
    off = office([Hours(HoursKind.APPOINTMENT, 0, time(8), time(16))])
    now = at(2026, 11, 23, 10)
    st = status(off, "HE", now)
    assert st.kind == StatusKind.APPOINTMENT_ONLY
    assert text(st, off) == "Nur mit Termin"


def test_naive_now_is_refused():
    with pytest.raises(ValueError):
        status(SOZIALBUERO, "HE", datetime(2026, 11, 23, 10))


def test_weekly_lines_group_days_with_the_same_hours():
    assert weekly_lines(SOZIALBUERO.hours, TR, HoursKind.WALK_IN) == [
        "Mo, Di: 09:00–12:00 Uhr",
        "Do: 13:30–16:30 Uhr",
    ]


def test_office_hours_lines_give_a_heading_per_kind():
    assert office_hours_lines(SOZIALBUERO, TR) == [
        ("Sprechzeiten vor Ort", ["Mo, Di: 09:00–12:00 Uhr", "Do: 13:30–16:30 Uhr"]),
        ("Telefonische Sprechzeiten", ["Fr: 09:00–12:00 Uhr"]),
    ]


DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


@settings(max_examples=150, deadline=None)
@given(
    day=DAYS,
    minute=st.integers(0, 24 * 60 - 1),
    closure_start=DAYS,
    closure_days=st.integers(0, 20),
    weekdays=st.sets(st.integers(0, 6), max_size=7),
)
def test_next_opening_is_later_in_a_slot_and_never_on_a_closed_day(day, minute, closure_start, closure_days, weekdays):
    closure = Closure(closure_start, closure_start + timedelta(days=closure_days), {"de": "zu"})
    off = office(walk_in(weekdays, "08:30", "12:00") + walk_in(weekdays, "14:00", "15:30"), [closure])
    now = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=BERLIN)
    opening = next_opening(off, "HE", now)
    if not weekdays:
        assert opening is None
        return
    assume(opening is not None)  # None only if closures and holidays fill the whole look-ahead
    assert opening > now
    assert opening.time() in (time(8, 30), time(14))
    assert opening.weekday() in weekdays
    assert not closure.start <= opening.date() <= closure.end
    assert holiday_name(opening.date(), "HE") is None


def test_unknown_timezone_setting_falls_back_to_berlin(caplog):
    st = status(SOZIALBUERO, "HE", at(2026, 11, 23, 10), timezone="Europe/Gießen")
    assert st.kind == StatusKind.OPEN
    assert "unknown" in caplog.text


def test_unknown_land_uses_the_nationwide_holidays():
    # GIVEN a Land code the holidays package does not know WHEN asking on 3 October THEN still closed
    assert status(WEEKDAYS, "XX", at(2025, 10, 3, 10)).kind == StatusKind.CLOSED


def test_first_christmas_day_is_closed_with_its_name():
    st = status(WEEKDAYS, "HE", at(2026, 12, 25, 10))
    assert (st.kind, st.reason["de"], st.next_opening) == (
        StatusKind.CLOSED,
        "Erster Weihnachtstag",
        at(2026, 12, 28, 9),
    )


def test_weekly_lines_use_the_visitors_language_for_days():
    lines = weekly_lines(SOZIALBUERO.hours, Translator("en"), HoursKind.WALK_IN)
    assert lines == ["Mon, Tue: 09:00–12:00", "Thu: 13:30–16:30"]
