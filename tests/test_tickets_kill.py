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

# A spawner process imports once, then forks one ticket-issuing worker per input line; each
# worker opens its own connection, issues one ticket, reports its PID and issues tickets until killed.
# Forking keeps 200 kills fast even on a loaded machine (a fresh interpreter costs ~0.3 s).
SPAWNER = """
import os, sqlite3, sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
from pathlib import Path
from kiosk.content.model import QueueCategory, WhenExhausted
from kiosk.state import open_state
from kiosk.queue.tickets import TicketService
cat = QueueCategory(id="antraege", title={"de": "x"}, prefix="A", first=1, last=999999,
                    when_exhausted=WhenExhausted.CAP, daily_cap=0, office_id="o", waiting_area={})
now = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
for _ in sys.stdin:
    while True:  # reap killed workers
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                break
        except ChildProcessError:
            break
    if os.fork() == 0:
        try:  # a worker never returns into this loop: it would read the test's lines as a second spawner
            while True:  # report only once issuing is under way, so the kill lands mid-loop
                try:  # opening checks the schema, which may wait for the lock as well
                    service = TicketService(open_state(Path(sys.argv[1])))
                    service.issue(cat, now)
                    break
                except sqlite3.OperationalError:  # the lock stayed busy past the timeout on a loaded box
                    time.sleep(0.001)
            os.write(1, b"%d\\n" % os.getpid())
            while True:  # a tight loop, with a breath so the other worker is not starved of the lock
                try:
                    service.issue(cat, now)
                except sqlite3.OperationalError:
                    pass
                time.sleep(0.0005)
        except BaseException as exc:  # say so: a worker that never reports would leave the test waiting
            os.write(1, f"worker failed: {exc!r}\\n".encode())
        finally:
            os._exit(1)
"""
KILLS = 200


@pytest.mark.slow
def test_sigkill_at_random_moments_never_duplicates_or_skips_a_number(data_dir: Path):
    # GIVEN two ticket-issuing processes sharing one data dir, started again and again
    rng = random.Random(4)
    spawner = subprocess.Popen(
        [sys.executable, "-c", SPAWNER, str(data_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    kills = 0
    try:
        while kills < KILLS:
            spawner.stdin.write("go\ngo\n")
            spawner.stdin.flush()
            lines = [spawner.stdout.readline(), spawner.stdout.readline()]
            assert all(line.strip().isdigit() for line in lines), lines
            pids = [int(line) for line in lines]
            # WHEN each is killed with SIGKILL after a short random time, mid-issue
            for pid in pids:
                time.sleep(rng.uniform(0.0, 0.01))
                os.kill(pid, signal.SIGKILL)
                kills += 1
    finally:
        spawner.stdin.close()
        spawner.wait(timeout=10)
    # THEN the numbers of the day are exactly 1..N, each once, and the file is intact
    db = sqlite3.connect(data_dir / "state.db")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rows = db.execute("SELECT seq, number FROM tickets WHERE category_id = 'antraege' ORDER BY seq").fetchall()
    numbers = [n for _, n in rows]
    assert len(numbers) >= KILLS * 2  # every worker issued at least one before its kill
    assert numbers == list(range(1, len(numbers) + 1))
    assert [s for s, _ in rows] == numbers
