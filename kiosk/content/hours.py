"""Is an office open now, and if not, when and where can a visitor go instead?

Hours are local wall-clock times of the office (a 09:00 opening stays 09:00 across the
DST change); ``now`` may be in any zone and is converted first. Closures override the
weekly hours; public holidays of the content's Land close every office. The search for
the next opening looks at most ``LOOKAHEAD_DAYS`` ahead, so an office without hours (or
closed for months) gives a "please call" status instead of an endless loop.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.content.model import Closure, Hours, HoursKind, LocalText, Office

log = logging.getLogger(__name__)
LOOKAHEAD_DAYS = 60
DEFAULT_TIMEZONE = "Europe/Berlin"


class StatusKind(StrEnum):
    OPEN = "open"  # open now until ``until_time``
    OPENS_TODAY = "opens_today"  # closed right now, opens again today at ``next_opening``
    OPENS_LATER = "opens_later"  # nothing more today; opens at ``next_opening``
    CLOSED = "closed"  # closure or public holiday today; ``reason``, ``closed_until``
    APPOINTMENT_ONLY = "appointment_only"  # no walk-in hours: only with an appointment
    NO_HOURS = "no_hours"  # no opening within the look-ahead: please call / ask


@dataclass(frozen=True, slots=True)
class OfficeStatus:
    """What the office card says about "now". Times are aware datetimes in the office zone."""

    kind: StatusKind
    today: date  # the office's local date when the status was computed
    until_time: datetime | None = None
    next_opening: datetime | None = None
    reason: LocalText | None = None
    closed_until: date | None = None  # last closed day of the closure/holiday run
    alternative_id: str | None = None


@cache
def office_zone(name: str) -> ZoneInfo:
    """The zone of the ``timezone`` setting; a typo there logs and falls back to
    Europe/Berlin rather than taking every office card down."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.error("timezone %r is unknown; using %s", name, DEFAULT_TIMEZONE)
        return ZoneInfo(DEFAULT_TIMEZONE)


@cache
def _holidays(state: str, year: int, language: str) -> dict[date, str]:
    """Public holidays of one Land and year, cached: the lookup runs on every status.
    The package is imported here, on first use: it costs a quarter second of start-up."""
    import holidays

    try:
        table = holidays.Germany(subdiv=state or None, years=year, language=language)
    except NotImplementedError:  # an unknown Land: fall back to the nationwide holidays
        table = holidays.Germany(years=year, language=language)
    return dict(table.items())


def holiday_name(day: date, state: str) -> LocalText | None:
    """The holiday's name in German and English, or None on a working day."""
    name = _holidays(state, day.year, "de").get(day)
    if name is None:
        return None
    return {"de": name, "en": _holidays(state, day.year, "en_US").get(day, name)}


def closure_on(office: Office, day: date) -> Closure | None:
    return next((c for c in office.closures if c.start <= day <= c.end), None)


def _closed_reason(office: Office, day: date, state: str) -> tuple[LocalText, str | None] | None:
    """Why the office is closed all day (closure first, then holiday), else None."""
    closure = closure_on(office, day)
    if closure is not None:
        return closure.reason, closure.alternative_id
    name = holiday_name(day, state)
    return (name, None) if name is not None else None


def _slots(hours: Iterable[Hours], weekday: int) -> list[tuple[time, time]]:
    """The day's slots, sorted, with touching or overlapping slots merged into one."""
    merged: list[tuple[time, time]] = []
    for start, end in sorted((h.start, h.end) for h in hours if h.weekday == weekday):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def next_opening(office: Office, state: str, after: datetime, kind: HoursKind = HoursKind.WALK_IN) -> datetime | None:
    """The first opening strictly after ``after`` (local zone of ``after``), skipping
    closures and holidays; None if there is none within ``LOOKAHEAD_DAYS``."""
    hours = [h for h in office.hours if h.kind == kind]
    if not hours:
        return None
    zone = after.tzinfo
    assert isinstance(zone, ZoneInfo), "pass an aware datetime in the office zone"
    start_day = after.date()
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = start_day + timedelta(days=offset)
        if _closed_reason(office, day, state) is not None:
            continue
        for start, _end in _slots(hours, day.weekday()):
            opening = _at(day, start, zone)
            if opening > after:
                return opening
    return None


def _closed_run_end(office: Office, day: date, state: str) -> date:
    """The last day of the run of closed days starting at ``day`` (closures chain)."""
    end = day
    for _ in range(LOOKAHEAD_DAYS):
        following = end + timedelta(days=1)
        if closure_on(office, following) is None:
            break
        end = following
    return end


def status(
    office: Office,
    state: str,
    now: datetime,
    timezone: str = DEFAULT_TIMEZONE,
    kind: HoursKind = HoursKind.WALK_IN,
) -> OfficeStatus:
    """The office's status at ``now`` for hours of ``kind`` (walk-in by default)."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime; a naive one would use the PC's zone")
    zone = office_zone(timezone)
    local = now.astimezone(zone)
    today = local.date()
    hours = [h for h in office.hours if h.kind == kind]
    closed = _closed_reason(office, today, state)
    if closed is not None:
        reason, alternative = closed
        run_end = _closed_run_end(office, today, state) if closure_on(office, today) else today
        after = _at(run_end + timedelta(days=1), time(0), zone) - timedelta(microseconds=1)
        return OfficeStatus(
            StatusKind.CLOSED,
            today,
            next_opening=next_opening(office, state, after, kind),
            reason=reason,
            closed_until=run_end,
            alternative_id=alternative,
        )
    has_appointments = any(h.kind == HoursKind.APPOINTMENT for h in office.hours)
    if kind == HoursKind.WALK_IN and (office.appointment_only or (not hours and has_appointments)):
        return OfficeStatus(StatusKind.APPOINTMENT_ONLY, today)
    for start, end in _slots(hours, today.weekday()):
        if start <= local.time() < end:
            return OfficeStatus(StatusKind.OPEN, today, until_time=_at(today, end, zone))
    opening = next_opening(office, state, local, kind)
    if opening is None:
        return OfficeStatus(StatusKind.NO_HOURS, today)
    same_day = opening.date() == today
    return OfficeStatus(StatusKind.OPENS_TODAY if same_day else StatusKind.OPENS_LATER, today, next_opening=opening)
