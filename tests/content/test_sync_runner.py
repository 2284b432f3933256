"""The background runner: runs the sync when planned, reports the result, stops cleanly."""

from __future__ import annotations

import queue
from datetime import datetime, timedelta

from kiosk.content.install import ensure_content_db
from kiosk.content.sync_runner import SyncRunner
from kiosk.settings import Settings


def test_the_runner_syncs_when_due_and_hands_back_the_result(server, data_dir, public_key, packer):
    ensure_content_db(data_dir)
    url = server.serve("/b.zip", packer(version=2))
    settings = Settings().replace(sync_url=url, sync_trusted_keys=[public_key])
    results: queue.Queue = queue.Queue()
    runner = SyncRunner(data_dir, settings, results.put, plan=lambda now, failures: now)
    runner.start()
    try:
        first = results.get(timeout=30)
    finally:
        runner.stop()
    assert (first.status, first.content_version) == ("updated", 2)


def test_after_a_failure_the_runner_plans_a_retry_with_the_failure_count(server, data_dir, public_key):
    ensure_content_db(data_dir)
    url = server.serve("/b.zip", status=500)
    settings = Settings().replace(sync_url=url, sync_trusted_keys=[public_key])
    asked: queue.Queue = queue.Queue()

    def plan(now: datetime, failures: int) -> datetime:
        asked.put(failures)
        return now if failures < 2 else now + timedelta(hours=1)

    runner = SyncRunner(data_dir, settings, lambda result: None, plan=plan)
    runner.start()
    try:
        counts = [asked.get(timeout=30) for _ in range(3)]
    finally:
        runner.stop()
    assert counts == [0, 1, 2]
    assert not runner._thread.is_alive()


def test_without_a_sync_url_the_runner_does_not_start(data_dir):
    runner = SyncRunner(data_dir, Settings(), lambda result: None)
    runner.start()
    assert not runner._thread.is_alive()
