"""How long one PIN check takes (scrypt cost) and one refused attempt while locked.

Run: uv run python benchmarks/admin_pin.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.staff import admin
from kiosk.state import open_state


def _measure(label: str, runs: int, call) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{label}: median {statistics.median(times):.1f} ms, p99 {p99:.1f} ms ({runs} runs)")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = open_state(Path(folder))
        admin.set_pin(db, "480913")
        now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        _measure(f"right PIN (scrypt n={admin.DEFAULT_PARAMS.n})", 20, lambda: admin.check_pin(db, "480913", now))
        for _ in range(5):
            admin.check_pin(db, "000001", now)
        _measure("refused while locked (no hash)", 200, lambda: admin.check_pin(db, "000001", now))
        later = now + timedelta(days=2)
        _measure("lock_state (status read)", 200, lambda: admin.lock_state(db, later))
        db.close()


if __name__ == "__main__":
    main()
