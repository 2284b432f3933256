"""Weekly hours as short printable lines, e.g. ``Mo., Di.: 09:00–12:00 Uhr``.

Only the regular week; whether an office is open *now* (holidays, closures) is
``kiosk.content.hours``'s job.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from kiosk.content.model import Hours, HoursKind
from kiosk.i18n import N_, Translator

KIND_LABELS: dict[HoursKind, str] = {
    HoursKind.WALK_IN: N_("Offene Sprechstunde"),
    HoursKind.PHONE: N_("Telefonisch erreichbar"),
    HoursKind.APPOINTMENT: N_("Termine nach Vereinbarung"),
}


def _hm(value: time) -> str:
    return value.strftime("%H:%M")


def _days(days: list[int], tr: Translator) -> str:
    """Mo., Di. for two days; Mo.–Fr. for a run of three or more; runs joined by commas."""
    names = tr.locale.days["format"]["abbreviated"]
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            parts.extend(names[d] for d in run)
    return ", ".join(parts)


def weekly_lines(hours: Sequence[Hours], kind: HoursKind, tr: Translator) -> list[str]:
    """One line per set of slots, listing the weekdays that share it, Monday first."""
    by_slots: dict[tuple[tuple[time, time], ...], list[int]] = {}
    for day in range(7):
        found = tuple(sorted((h.start, h.end) for h in hours if h.kind == kind and h.weekday == day))
        if found:
            by_slots.setdefault(found, []).append(day)
    lines = []
    for slots, days in by_slots.items():
        times = ", ".join(f"{_hm(start)}–{tr.time(end)}" for start, end in slots)
        lines.append(f"{_days(days, tr)}: {times}")
    return lines


def hours_blocks(hours: Sequence[Hours], tr: Translator) -> list[tuple[str, list[str]]]:
    """(translated label, lines) for each kind of hours the office has, walk-in first."""
    blocks = []
    for kind in (HoursKind.WALK_IN, HoursKind.PHONE, HoursKind.APPOINTMENT):
        lines = weekly_lines(hours, kind, tr)
        if lines:
            blocks.append((tr.gettext(KIND_LABELS[kind]), lines))
    return blocks
