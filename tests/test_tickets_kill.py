"""Proof that SIGKILL at any moment, with two processes sharing the data dir, never yields
a duplicate or a gap: real subprocesses, real SQLite file, 200 kills."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORKER = """
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
from pathlib import Path
from kiosk.content.model import QueueCategory, WhenExhausted
from kiosk.state import open_state
from kiosk.tickets import TicketService
cat = QueueCategory(id="antraege", title={"de": "x"}, prefix="A", first=1, last=999999,
                    when_exhausted=WhenExhausted.CAP, daily_cap=0, office_id="o", waiting_area={})
now = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
service = TicketService(open_state(Path(sys.argv[1])))
print("ready", flush=True)
while True:
    service.issue(cat, now)
"""
KILLS = 200


def _start_pair(data_dir: Path) -> list[subprocess.Popen]:
    """Two workers started in parallel (start-up dominates the run time); both ready."""
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(data_dir)], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    return procs


@pytest.mark.slow
def test_sigkill_at_random_moments_never_duplicates_or_skips_a_number(data_dir: Path):
    # GIVEN two ticket-issuing processes sharing one data dir, started again and again
    rng = random.Random(4)
    kills = 0
    while kills < KILLS:
        procs = _start_pair(data_dir)
        # WHEN each is killed with SIGKILL after a short random time
        for proc in procs:
            time.sleep(rng.uniform(0.0, 0.02))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
            kills += 1
    # THEN the numbers of the day are exactly 1..N, each once, and the file is intact
    db = sqlite3.connect(data_dir / "state.db")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rows = db.execute("SELECT seq, number FROM tickets WHERE category_id = 'antraege' ORDER BY seq").fetchall()
    numbers = [n for _, n in rows]
    assert len(numbers) > KILLS  # the kills landed while tickets were being issued
    assert numbers == list(range(1, len(numbers) + 1))
    assert [s for s, _ in rows] == numbers
