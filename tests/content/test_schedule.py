"""When the nightly sync runs and how it backs off."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from kiosk.content.schedule import next_retry, next_sync_time


@pytest.mark.parametrize("seed", range(20))
def test_the_sync_time_lies_in_the_next_window(seed):
    now = datetime(2026, 11, 22, 14, 30)
    when = next_sync_time(now, "02:00-04:00", random.Random(seed))
    assert datetime(2026, 11, 23, 2, 0) <= when <= datetime(2026, 11, 23, 4, 0)


def test_inside_the_window_the_sync_runs_in_the_rest_of_it():
    now = datetime(2026, 11, 22, 3, 0)
    when = next_sync_time(now, "02:00-04:00", random.Random(1))
    assert now <= when <= datetime(2026, 11, 22, 4, 0)


def test_a_window_may_cross_midnight():
    now = datetime(2026, 11, 22, 23, 45)
    when = next_sync_time(now, "23:30-00:30", random.Random(2))
    assert now <= when <= datetime(2026, 11, 23, 0, 30)


def test_different_kiosks_spread_over_the_window():
    now = datetime(2026, 11, 22, 12, 0)
    times = {next_sync_time(now, "02:00-04:00", random.Random(seed)) for seed in range(50)}
    assert max(times) - min(times) > timedelta(minutes=60)


def test_a_malformed_window_is_refused():
    with pytest.raises(ValueError, match="time window"):
        next_sync_time(datetime(2026, 1, 1), "nachts")


def test_retries_back_off_exponentially_and_then_come_hourly():
    now = datetime(2026, 11, 22, 2, 0)
    delays = [next_retry(now, n) - now for n in range(1, 8)]
    assert delays[:4] == [timedelta(minutes=m) for m in (5, 10, 20, 40)]
    assert delays[4:] == [timedelta(hours=1)] * 3
