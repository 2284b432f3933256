"""The hidden staff gesture: five taps in the top-right corner within three seconds.

Qt-free so the rule can be tested with plain numbers; the Qt side feeds it every press.
A visitor tapping around the screen does not hit a small corner five times that fast.
"""

from __future__ import annotations

from collections import deque
from typing import NamedTuple


class CornerRule(NamedTuple):
    taps: int = 5
    within_s: float = 3.0
    corner_fraction: float = 0.08  # corner square side as a share of the shorter screen side


STAFF_CORNER = CornerRule()


class CornerTapDetector:
    def __init__(self, rule: CornerRule = STAFF_CORNER) -> None:
        self.rule = rule
        self._times: deque[float] = deque(maxlen=rule.taps)

    def in_corner(self, x: float, y: float, width: float, height: float) -> bool:
        side = self.rule.corner_fraction * min(width, height)
        return x >= width - side and y <= side

    def press(self, x: float, y: float, width: float, height: float, t: float) -> bool:
        """Feed one press; True exactly when it completes the gesture."""
        if not self.in_corner(x, y, width, height):
            self._times.clear()  # any tap elsewhere breaks the sequence
            return False
        self._times.append(t)
        if len(self._times) == self.rule.taps and self._times[-1] - self._times[0] <= self.rule.within_s:
            self._times.clear()
            return True
        return False
