"""When the nightly sync runs: a random time in a window, and backoff after failures.

Qt-free; the app turns the returned datetimes into a timer. A random time spreads many
kiosks over the window so they do not all hit the server at 02:00.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

FIRST_RETRY = timedelta(minutes=5)
MAX_RETRY = timedelta(hours=1)


def parse_window(window: str) -> tuple[time, time]:
    """'02:00-04:00' -> (02:00, 04:00). A window may cross midnight ('23:30-01:00')."""
    try:
        start_text, end_text = window.split("-")
        start, end = time.fromisoformat(start_text.strip()), time.fromisoformat(end_text.strip())
    except ValueError:
        raise ValueError(f"'{window}' is not a time window like 02:00-04:00") from None
    if start == end:
        raise ValueError(f"'{window}' is an empty time window")
    return start, end


def next_sync_time(now: datetime, window: str = "02:00-04:00", rng: random.Random | None = None) -> datetime:
    """A random moment in the next window that has not yet ended (today's if ``now`` is inside it)."""
    rng = rng or random.Random()
    start, end = parse_window(window)
    for day in (now.date() - timedelta(days=1), now.date(), now.date() + timedelta(days=1)):
        begin = datetime.combine(day, start, now.tzinfo)
        finish = datetime.combine(day + timedelta(days=1) if end < start else day, end, now.tzinfo)
        if finish > now:
            begin = max(begin, now)
            return begin + timedelta(seconds=rng.uniform(0, (finish - begin).total_seconds()))
    raise AssertionError("unreachable: a window ends within two days")


def next_retry(now: datetime, failures: int) -> datetime:
    """After ``failures`` failed attempts in a row: 5, 10, 20, 40 minutes, then every hour.

    The delay doubles so a broken server is not hammered, and is capped at one hour so a
    kiosk gets new content within the hour once the server is back.
    """
    if failures < 1:
        raise ValueError("next_retry is for after a failure")
    delay = min(FIRST_RETRY * (2 ** min(failures - 1, 16)), MAX_RETRY)
    return now + delay
