"""Queue numbers: daily reset, wrap/cap, hours, pauses, and no duplicates under SIGKILL."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.content.model import Hours, HoursKind, QueueCategory, WhenExhausted
from kiosk.queue.tickets import Refusal, RefusalReason, Ticket, TicketService, format_number, issued_today
from kiosk.state import open_state

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)
WEEKDAYS_8_TO_15 = tuple(Hours(HoursKind.WALK_IN, d, time(8), time(15, 30)) for d in range(5))


def category(**changes) -> QueueCategory:
    values = dict(
        id="antraege",
        title={"de": "Anträge abgeben"},
        prefix="A",
        first=1,
        last=199,
        when_exhausted=WhenExhausted.WRAP,
        daily_cap=0,
        office_id="sozialbuero",
        waiting_area={"de": "Wartebereich A"},
        issue_hours=(),
    )
    return QueueCategory(**(values | changes))


@pytest.fixture
def service(data_dir: Path) -> TicketService:
    return TicketService(open_state(data_dir))


def issue_ok(service: TicketService, cat: QueueCategory, now: datetime = MONDAY_10) -> Ticket:
    result = service.issue(cat, now)
    assert isinstance(result, Ticket), result
    return result


def test_first_ticket_of_the_day_starts_at_the_range_start(service):
    # GIVEN a category numbered from 17  WHEN two tickets are issued  THEN they are 17 and 18
    cat = category(first=17)
    assert [issue_ok(service, cat).number for _ in range(2)] == [17, 18]


def test_display_pads_the_number_to_the_width_of_the_range_end(service):
    ticket = issue_ok(service, category(first=17, last=199))
    assert ticket.display == "A 017"
    assert format_number("", 5, 2) == "05"


def test_numbering_restarts_at_local_midnight_not_utc_midnight(service):
    # GIVEN tickets at 23:30 and 00:30 Berlin time (both 22:30/23:30 UTC the same UTC day)
    cat = category()
    issue_ok(service, cat, datetime(2026, 11, 23, 23, 30, tzinfo=BERLIN))
    issue_ok(service, cat, datetime(2026, 11, 23, 23, 40, tzinfo=BERLIN))
    # WHEN a ticket is issued after local midnight  THEN it starts again at first
    assert issue_ok(service, cat, datetime(2026, 11, 24, 0, 30, tzinfo=BERLIN)).number == 1


def test_wrapping_category_goes_back_to_first_after_last(service):
    cat = category(first=1, last=3, when_exhausted=WhenExhausted.WRAP)
    assert [issue_ok(service, cat).number for _ in range(5)] == [1, 2, 3, 1, 2]


def test_capped_category_refuses_when_the_range_is_used_up(service):
    cat = category(first=1, last=2, when_exhausted=WhenExhausted.CAP)
    issue_ok(service, cat)
    issue_ok(service, cat)
    result = service.issue(cat, MONDAY_10)
    assert isinstance(result, Refusal) and result.reason == RefusalReason.EXHAUSTED


def test_daily_cap_refuses_plainly_once_reached(service):
    cat = category(daily_cap=2)
    issue_ok(service, cat)
    issue_ok(service, cat)
    result = service.issue(cat, MONDAY_10)
    assert isinstance(result, Refusal) and result.reason == RefusalReason.DAILY_CAP
    assert result.message == "Für heute sind alle Wartemarken vergeben."


def test_outside_issuing_hours_refusal_says_when_tickets_come_again(service):
    # GIVEN weekday hours 08:00-15:30  WHEN a visitor taps on Friday at 16:00
    cat = category(issue_hours=WEEKDAYS_8_TO_15)
    result = service.issue(cat, datetime(2026, 11, 27, 16, 0, tzinfo=BERLIN))
    # THEN refused, next issue on Monday 08:00 local time
    assert isinstance(result, Refusal) and result.reason == RefusalReason.OUTSIDE_HOURS
    assert result.next_issue == datetime(2026, 11, 30, 8, 0, tzinfo=BERLIN)


def test_inside_issuing_hours_a_ticket_is_issued(service):
    assert issue_ok(service, category(issue_hours=WEEKDAYS_8_TO_15)).number == 1


def test_paused_category_refuses_with_the_staff_reason_until_resumed(service):
    cat = category()
    service.pause(cat.id, "Systemstörung")
    result = service.issue(cat, MONDAY_10)
    assert isinstance(result, Refusal) and result.reason == RefusalReason.PAUSED and result.detail == "Systemstörung"
    service.resume(cat.id)
    assert issue_ok(service, cat).number == 1


def test_print_outcome_is_recorded_per_ticket(service):
    ticket = issue_ok(service, category())
    assert service.printed(ticket.id) is None
    service.mark_printed(ticket.id, False, "disabled")
    assert service.printed(ticket.id) is False


def test_issued_today_counts_per_category_for_the_local_day(service, data_dir):
    issue_ok(service, category())
    issue_ok(service, category())
    issue_ok(service, category(id="pass", prefix="P"))
    issue_ok(service, category(), datetime(2026, 11, 24, 9, 0, tzinfo=BERLIN))
    assert issued_today(open_state(data_dir), MONDAY_10) == {"antraege": 2, "pass": 1}


def test_two_connections_never_get_the_same_number(data_dir):
    # GIVEN two services on separate connections to the same data dir
    a, b = TicketService(open_state(data_dir)), TicketService(open_state(data_dir))
    cat = category(last=999)
    numbers = [issue_ok(s, cat).number for _ in range(20) for s in (a, b)]
    assert numbers == list(range(1, 41))


def test_a_write_lock_held_too_long_by_another_process_is_a_busy_refusal_not_a_crash(data_dir):
    # GIVEN another connection holding the write lock and ours waiting only 50 ms
    holder = open_state(data_dir)
    service = TicketService(open_state(data_dir))
    service._db.execute("PRAGMA busy_timeout=50")
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = service.issue(category(), MONDAY_10)
    finally:
        holder.execute("ROLLBACK")
    assert isinstance(result, Refusal) and result.reason == RefusalReason.BUSY
    assert issue_ok(service, category()).number == 1
