"""Hours and office status as the words a visitor reads, in the visitor's language.

Kept apart from ``hours`` so the rules stay testable without catalogs, and the wording
can change without touching them. Every string is German source text for gettext.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from kiosk.content.hours import OfficeStatus, StatusKind
from kiosk.content.model import Hours, HoursKind, Office, localized
from kiosk.i18n import N_, Translator

OPEN_UNTIL = N_("Jetzt geöffnet bis {time}")
OPENS_TODAY = N_("Heute wieder ab {time}")
OPENS_ON = N_("Wieder geöffnet am {weekday}, {time}")
CLOSED_TODAY = N_("Heute geschlossen: {reason}")
CLOSED_UNTIL = N_("Geschlossen bis {date}: {reason}")
CLOSED_GO_TO = N_("Geschlossen bis {date}. Bitte wenden Sie sich an: {office}")
APPOINTMENT_ONLY = N_("Nur mit Termin")
PLEASE_CALL = N_("Zurzeit keine Sprechzeiten. Bitte rufen Sie an: {phone}")
PLEASE_ASK = N_("Zurzeit keine Sprechzeiten. Bitte fragen Sie an der Infothek.")
CLOSED = N_("Geschlossen")

KIND_TITLES = {
    HoursKind.WALK_IN: N_("Sprechzeiten vor Ort"),
    HoursKind.PHONE: N_("Telefonische Sprechzeiten"),
    HoursKind.APPOINTMENT: N_("Nach Termin"),
}


def _day_and_time(opening: datetime, today: date, tr: Translator) -> str:
    """'Montag' within the coming week; with the date when further away (closure weeks)."""
    weekday = tr.weekday(opening.date())
    if opening.date() - today >= timedelta(days=7):
        weekday = f"{weekday}, {tr.date(opening.date(), 'medium')}"
    return tr.gettext(OPENS_ON).format(weekday=weekday, time=tr.time(opening))


def status_text(
    status: OfficeStatus,
    tr: Translator,
    office: Office | None = None,
    office_name: Callable[[str], str | None] = lambda _id: None,
) -> str:
    """One or two sentences for the office card and the handout.

    ``office_name`` turns the closure's alternative office id into a name in the
    visitor's language (the caller has the store); ``office`` gives the phone number
    for the "please call" line.
    """
    kind = status.kind
    if kind == StatusKind.OPEN and status.until_time:
        return tr.gettext(OPEN_UNTIL).format(time=tr.time(status.until_time))
    if kind == StatusKind.OPENS_TODAY and status.next_opening:
        return tr.gettext(OPENS_TODAY).format(time=tr.time(status.next_opening))
    if kind == StatusKind.OPENS_LATER and status.next_opening:
        return _day_and_time(status.next_opening, status.today, tr)
    if kind == StatusKind.APPOINTMENT_ONLY:
        return tr.gettext(APPOINTMENT_ONLY)
    if kind == StatusKind.CLOSED:
        return _closed_text(status, tr, office_name)
    if office is not None and office.phone:
        return tr.gettext(PLEASE_CALL).format(phone=office.phone)
    return tr.gettext(PLEASE_ASK)


def _closed_text(status: OfficeStatus, tr: Translator, office_name: Callable[[str], str | None]) -> str:
    reason = localized(status.reason, tr.code) or tr.gettext(CLOSED)
    alternative = office_name(status.alternative_id) if status.alternative_id else None
    until = status.closed_until
    if alternative and until:
        first = tr.gettext(CLOSED_GO_TO).format(date=tr.date(until, "medium"), office=alternative)
    elif until and until > status.today:
        first = tr.gettext(CLOSED_UNTIL).format(date=tr.date(until, "medium"), reason=reason)
    else:
        first = tr.gettext(CLOSED_TODAY).format(reason=reason)
    if status.next_opening is None:
        return first
    return f"{first.rstrip('.')}. {_day_and_time(status.next_opening, status.today, tr)}"


def _short_weekday(tr: Translator, weekday: int) -> str:
    return tr.locale.days["format"]["abbreviated"][weekday].rstrip(".")


def weekly_lines(hours: tuple[Hours, ...], tr: Translator, kind: HoursKind) -> list[str]:
    """Weekly hours of one kind as lines, days with identical slots grouped:
    'Mo, Di: 09:00–12:00 Uhr' / 'Do: 13:30–16:30 Uhr'. Empty if the kind has none."""
    by_day: dict[int, list[Hours]] = {}
    for h in sorted((h for h in hours if h.kind == kind), key=lambda h: (h.weekday, h.start)):
        by_day.setdefault(h.weekday, []).append(h)
    groups: dict[tuple, list[int]] = {}
    for weekday, slots in by_day.items():
        groups.setdefault(tuple((h.start, h.end) for h in slots), []).append(weekday)
    lines = []
    for slots, days in sorted(groups.items(), key=lambda item: item[1][0]):
        times = ", ".join(f"{_clock(tr, start)}–{tr.time(end)}" for start, end in slots)
        lines.append(f"{', '.join(_short_weekday(tr, d) for d in days)}: {times}")
    return lines


def _clock(tr: Translator, value: time) -> str:
    """A start time without 'Uhr': '09:00–12:00 Uhr' names the unit once."""
    text = tr.time(value)
    return text.removesuffix(" Uhr")


def office_hours_lines(office: Office, tr: Translator) -> list[tuple[str, list[str]]]:
    """(heading, lines) per hours kind the office has, in a fixed order."""
    result = []
    for kind, title in KIND_TITLES.items():
        lines = weekly_lines(office.hours, tr, kind)
        if lines:
            result.append((tr.gettext(title), lines))
    return result
