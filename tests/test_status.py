"""The staff/IT status dict, status.json and ``kiosk status``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import kiosk
from kiosk.ops.status import collect_status, read_status_file, write_status_file
from kiosk.state import open_state

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # 11:00 in Berlin


def _add_ticket_rows(data_dir: Path, rows: list[tuple[str, str]]) -> None:
    """Rows as kiosk.queue.tickets writes them (same table), so the reader is tested on real data."""
    db = open_state(data_dir)
    db.execute(
        "CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, category_id TEXT NOT NULL, day TEXT NOT NULL, "
        "seq INTEGER NOT NULL, number INTEGER NOT NULL, issued_at TEXT NOT NULL, printed INTEGER, "
        "print_reason TEXT NOT NULL DEFAULT '', UNIQUE (category_id, day, seq))"
    )
    for seq, (category, day) in enumerate(rows, start=1):
        db.execute(
            "INSERT INTO tickets (category_id, day, seq, number, issued_at) VALUES (?, ?, ?, ?, ?)",
            (category, day, seq, seq, NOW.isoformat()),
        )
    db.close()


def _add_sync_result(data_dir: Path, status: str, finished_at: str) -> None:
    db = open_state(data_dir)
    db.execute(
        "CREATE TABLE IF NOT EXISTS sync_results (id INTEGER PRIMARY KEY, finished_at TEXT NOT NULL, "
        "status TEXT NOT NULL, reason TEXT NOT NULL, content_version INTEGER NOT NULL, message TEXT NOT NULL)"
    )
    db.execute(
        "INSERT INTO sync_results (finished_at, status, reason, content_version, message) VALUES (?, ?, '', 7, '')",
        (finished_at, status),
    )
    db.close()


def test_status_of_a_fresh_data_dir_has_versions_disk_and_unknowns(data_dir: Path):
    status = collect_status(data_dir, now=NOW)
    assert status["app_version"] == kiosk.__version__
    assert status["content"] is None
    assert status["tickets_today"] is None or status["tickets_today"] == {}
    assert status["last_sync"] is None
    assert status["uptime_s"] is None and status["printer"] is None
    assert status["disk_free_bytes"] > 0
    assert status["pin_set"] is False


def test_status_shows_the_installed_content_version_and_publisher(data_dir: Path, default_db: Path, store):
    shutil.copy(default_db, data_dir / "content.db")
    content = collect_status(data_dir, now=NOW)["content"]
    meta = store.meta()
    assert content == {
        "version": meta.content_version,
        "created_at": meta.created_at,
        "publisher": meta.publisher,
        "source": meta.source,
    }


def test_status_uptime_comes_from_the_start_time_and_printer_is_passed_through(data_dir: Path):
    status = collect_status(data_dir, now=NOW, started_at=NOW - timedelta(hours=2, seconds=5), printer="paper_out")
    assert status["uptime_s"] == 7205
    assert status["printer"] == "paper_out"


def test_status_counts_todays_tickets_per_category_in_local_time(data_dir: Path):
    _add_ticket_rows(data_dir, [("antraege", "2026-11-23"), ("antraege", "2026-11-23"), ("abholung", "2026-11-23")])
    _add_ticket_rows(data_dir, [("antraege", "2026-11-22")])
    assert collect_status(data_dir, now=NOW)["tickets_today"] == {"antraege": 2, "abholung": 1}


def test_status_reports_the_newest_sync_result(data_dir: Path):
    _add_sync_result(data_dir, "failed", "2026-11-22T02:10:00+00:00")
    _add_sync_result(data_dir, "updated", "2026-11-23T02:31:00+00:00")
    sync = collect_status(data_dir, now=NOW)["last_sync"]
    assert sync["status"] == "updated" and sync["finished_at"] == "2026-11-23T02:31:00+00:00"


def test_status_file_is_written_whole_and_replaces_the_old_one(data_dir: Path):
    write_status_file(data_dir, {"printer": "ok"})
    status = collect_status(data_dir, now=NOW, printer="offline")
    path = write_status_file(data_dir, status)
    assert json.loads(path.read_text(encoding="utf-8")) == status
    assert read_status_file(data_dir)["printer"] == "offline"
    assert [p.name for p in data_dir.iterdir() if p.name.startswith("status.json")] == ["status.json"]


def test_kiosk_status_json_merges_what_the_running_app_reported(data_dir: Path):
    # GIVEN the running app wrote its status with uptime and printer state
    write_status_file(data_dir, collect_status(data_dir, started_at=NOW - timedelta(minutes=5), now=NOW, printer="ok"))
    # WHEN IT runs `kiosk status --json`
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "status", "--json"], capture_output=True, text=True, check=True
    )
    status = json.loads(done.stdout)
    # THEN the app's uptime and printer are shown with the fresh rest
    assert status["uptime_s"] == 300 and status["printer"] == "ok"
    assert status["app_version"] == kiosk.__version__


def test_kiosk_status_prints_german_lines(data_dir: Path):
    env = os.environ | {"PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "status"], capture_output=True, text=True, check=True, env=env
    )
    assert "Programmversion: " + kiosk.__version__ in done.stdout
    assert "Freier Speicher:" in done.stdout and "Letzte Aktualisierung: noch keine" in done.stdout
