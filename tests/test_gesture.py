"""The staff gesture rule, with plain numbers."""

from __future__ import annotations

import random

from kiosk.staff.gesture import CornerTapDetector

W, H = 1920, 1080


def test_five_corner_taps_within_three_seconds_open():
    detector = CornerTapDetector()
    results = [detector.press(W - 10, 10, W, H, t * 0.5) for t in range(5)]
    assert results == [False, False, False, False, True]


def test_slow_taps_do_not_open():
    detector = CornerTapDetector()
    assert not any(detector.press(W - 10, 10, W, H, t * 1.0) for t in range(5))


def test_a_tap_elsewhere_breaks_the_sequence():
    detector = CornerTapDetector()
    for t in range(4):
        detector.press(W - 10, 10, W, H, t * 0.2)
    detector.press(500, 500, W, H, 0.9)
    assert not detector.press(W - 10, 10, W, H, 1.0)


def test_a_thousand_random_visitor_taps_never_open():
    rng = random.Random(7)
    detector = CornerTapDetector()
    t = 0.0
    opened = 0
    for _ in range(1000):
        t += rng.uniform(0.15, 2.0)
        opened += detector.press(rng.uniform(0, W), rng.uniform(0, H), W, H, t)
    assert opened == 0
