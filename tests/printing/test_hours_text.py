"""Weekly hours as printed lines."""

from __future__ import annotations

from datetime import time

from kiosk.content.model import Hours, HoursKind
from kiosk.i18n import Translator
from kiosk.printing.hours_text import hours_blocks, weekly_lines

W = HoursKind.WALK_IN


def test_a_run_of_weekdays_with_the_same_hours_is_one_line():
    hours = [Hours(W, d, time(8), time(16)) for d in range(5)]
    assert weekly_lines(hours, W, Translator("de")) == ["Mo.–Fr.: 08:00–16:00 Uhr"]


def test_days_with_different_hours_get_their_own_lines_and_two_slots_share_one():
    hours = [Hours(W, 0, time(9), time(12)), Hours(W, 0, time(13), time(15)), Hours(W, 3, time(13, 30), time(16))]
    assert weekly_lines(hours, W, Translator("de")) == ["Mo.: 09:00–12:00 Uhr, 13:00–15:00 Uhr", "Do.: 13:30–16:00 Uhr"]


def test_blocks_come_per_kind_with_walk_in_first(offices):
    labels = [label for label, _ in hours_blocks(offices["sozialbuero"].hours, Translator("de"))]
    assert labels == ["Offene Sprechstunde", "Telefonisch erreichbar"]
