"""The kiosk's one clock: the office's local time for hours and tickets, UTC for moments.

Tests and ``kiosk screenshots`` hand in a fixed clock; everything else asks this one, so a
visit never mixes two ideas of "now".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from functools import cached_property
from zoneinfo import ZoneInfo


class Clock:
    def __init__(self, timezone: str, fixed: Callable[[], datetime] | None = None) -> None:
        """``fixed`` (an aware datetime) replaces the wall clock: a boundary for tests."""
        self.timezone = timezone
        self._fixed = fixed

    @cached_property
    def zone(self) -> tzinfo:
        return ZoneInfo(self.timezone)

    def now(self) -> datetime:
        """The office's local time (opening hours, ticket days)."""
        return self._fixed() if self._fixed is not None else datetime.now(self.zone)

    def instant(self) -> datetime:
        """The same moment in UTC, where only the moment matters (a notice's end, the start)."""
        return self._fixed() if self._fixed is not None else datetime.now(UTC)
