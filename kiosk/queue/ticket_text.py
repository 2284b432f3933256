"""Why there is no ticket right now, as the words a visitor reads (German source text).

Kept apart from ``tickets`` (which must not load babel) and from the screen, so the
wording can be tested without Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from kiosk.i18n import N_, Translator
from kiosk.queue.tickets import Refusal, RefusalReason

AGAIN_TODAY = N_("Wartemarken gibt es heute wieder ab {time}.")
AGAIN_ON = N_("Wartemarken gibt es wieder am {weekday} ab {time}.")
PAUSED_BECAUSE = N_("Die Ausgabe ist gerade unterbrochen: {reason}")


def again_text(moment: datetime, today: date, tr: Translator) -> str:
    """'heute ab 13:30 Uhr' or 'am Montag ab 09:00 Uhr' (with the date a week or more away)."""
    if moment.date() == today:
        return tr.gettext(AGAIN_TODAY).format(time=tr.time(moment))
    weekday = tr.weekday(moment.date())
    if moment.date() - today >= timedelta(days=7):
        weekday = f"{weekday}, {tr.date(moment.date(), 'medium')}"
    return tr.gettext(AGAIN_ON).format(weekday=weekday, time=tr.time(moment))


def refusal_text(refusal: Refusal, today: date, tr: Translator) -> str:
    """One line for a category's button or the screen's notice."""
    if refusal.reason is RefusalReason.OUTSIDE_HOURS and refusal.next_issue is not None:
        return again_text(refusal.next_issue, today, tr)
    if refusal.reason is RefusalReason.PAUSED and refusal.detail:
        # the staff's own words: shown as typed, they are not in any catalog
        return tr.gettext(PAUSED_BECAUSE).format(reason=refusal.detail)
    return tr.gettext(refusal.message)


def earliest_again(refusals: Iterable[Refusal | None]) -> datetime | None:
    """When the first category issues again, if every one is outside its hours."""
    times = []
    for refusal in refusals:
        if refusal is None or refusal.reason is not RefusalReason.OUTSIDE_HOURS:
            return None
        if refusal.next_issue is not None:
            times.append(refusal.next_issue)
    return min(times, default=None)
