"""Staff "Neu starten": the real ``kiosk run`` replaces itself and comes back on Home."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kiosk.ops.crash import crash_times, record_crash
from kiosk.staff import admin
from kiosk.staff.restart import restart_argv
from kiosk.state import open_state

from .admin_steps import PIN, set_pin

DRIVER = Path(__file__).with_name("restart_driver.py")


def test_restart_runs_the_same_command_line_again():
    argv = restart_argv()
    assert argv[0] == sys.executable and argv[1:] == sys.orig_argv[1:]


def test_restart_from_the_panel_starts_a_new_process_that_comes_back_on_home(data_dir: Path, tmp_path: Path):
    # GIVEN a kiosk that crashed three times (so it starts out of order) and has a PIN
    set_pin(data_dir)
    for seconds in (0, 10, 20):
        record_crash(data_dir, at=1_800_000_000 + seconds)
    marker = tmp_path / "starts.jsonl"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RESTART_MARKER": str(marker), "RESTART_PIN": PIN}
    # WHEN staff open the panel and tap "Neu starten" (the driver does it in the real app)
    proc = subprocess.run(
        [sys.executable, str(DRIVER), "run", "--windowed", "--data-dir", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    # THEN the process image started twice: the first on the out-of-order screen, the new
    # one (same pid: execv) on Home, and the crash record is gone
    assert proc.returncode == 0, proc.stderr[-3000:]
    starts = [json.loads(line) for line in marker.read_text().splitlines()]
    assert [s["generation"] for s in starts] == [1, 2]
    assert [s["screen"] for s in starts] == ["out_of_order", "home"]
    assert starts[0]["pid"] == starts[1]["pid"] and starts[1]["started"] > starts[0]["started"]
    assert crash_times(data_dir) == []
    db = open_state(data_dir)
    try:
        assert ("restart", "ok") in [(e.action, e.result) for e in admin.recent_audit(db)]
    finally:
        db.close()
