"""The words of an office card (service and office screens), without Qt.

Both screens show the same lines for an office: where it is, whether it is open now, and
during or before a closure where to go instead. Kept here so the two screens never
import each other and the wording is testable without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk.content import hours
from kiosk.content.hours import OfficeStatus, StatusKind
from kiosk.content.hours_text import status_text
from kiosk.content.model import Closure, Office, localized
from kiosk.content.store import ContentStore
from kiosk.i18n import N_, Translator

UPCOMING_DAYS = 14  # a closure starting within two weeks is announced on the card
ROOM = N_("Raum {room}")
PHONE = N_("Telefon: {phone}")
GO_TO = N_("Bitte wenden Sie sich an: {office}")
CLOSED_FROM_TO = N_("Geschlossen vom {start} bis {end}")
CLOSED_ON = N_("Geschlossen am {day}")


def ltr(text: str) -> str:
    """A left-to-right embedding (U+202A ... U+202C): rooms, phone numbers and times keep
    their order inside Arabic text ("+49 6441 555-210" must not turn into "210-555 ...")."""
    return f"\u202a{text}\u202c" if text else ""


def place_line(office: Office, tr: Translator) -> str:
    """'1. Obergeschoss, Raum 1.10' in the visitor's language, the room kept LTR."""
    room = tr.gettext(ROOM).format(room=ltr(office.room)) if office.room else ""
    return ", ".join(p for p in (localized(office.floor, tr.code), room) if p)


def phone_line(office: Office, tr: Translator) -> str:
    return tr.gettext(PHONE).format(phone=ltr(office.phone)) if office.phone else ""


def office_status(office: Office, store: ContentStore, now: datetime, timezone: str) -> OfficeStatus:
    return hours.status(office, store.meta().state, now, timezone)


def status_line(status: OfficeStatus, office: Office, store: ContentStore, tr: Translator) -> str:
    """The computed "Jetzt geöffnet bis ..." line, the alternative named in the visitor's language."""

    def name(office_id: str) -> str | None:
        other = store.office(office_id)
        return localized(other.name, tr.code) if other else None

    return status_text(status, tr, office, name)


@dataclass(frozen=True, slots=True)
class ClosureNotice:
    """A closure today or soon: heading, reason and the alternative office (if any)."""

    start: date
    end: date
    reason: str
    alternative: Office | None
    current: bool


def closure_notice(office: Office, status: OfficeStatus, store: ContentStore, tr: Translator) -> ClosureNotice | None:
    """Today's closure (or public holiday), else one starting within ``UPCOMING_DAYS``."""
    today = status.today
    if status.kind is StatusKind.CLOSED:
        alternative = store.office(status.alternative_id) if status.alternative_id else None
        end = status.closed_until or today
        return ClosureNotice(today, end, localized(status.reason, tr.code), alternative, True)
    upcoming: Closure | None = min(
        (c for c in office.closures if today < c.start <= today + timedelta(days=UPCOMING_DAYS)),
        key=lambda c: c.start,
        default=None,
    )
    if upcoming is None:
        return None
    alternative = store.office(upcoming.alternative_id) if upcoming.alternative_id else None
    return ClosureNotice(upcoming.start, upcoming.end, localized(upcoming.reason, tr.code), alternative, False)


def closure_heading(notice: ClosureNotice, tr: Translator) -> str:
    if notice.start == notice.end:
        return tr.gettext(CLOSED_ON).format(day=tr.date(notice.start, "medium"))
    return tr.gettext(CLOSED_FROM_TO).format(start=tr.date(notice.start, "medium"), end=tr.date(notice.end, "medium"))


def alternative_line(alternative: Office, tr: Translator) -> str:
    """'Bitte wenden Sie sich an: Infothek, Erdgeschoss, Raum 0.01, Telefon: ...'."""
    parts = [localized(alternative.name, tr.code), place_line(alternative, tr), phone_line(alternative, tr)]
    return tr.gettext(GO_TO).format(office=", ".join(p for p in parts if p))
