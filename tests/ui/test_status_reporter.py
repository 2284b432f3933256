"""IT's status file is written by the running kiosk."""

from __future__ import annotations

import json

from kiosk.workers.status_reporter import StatusReporter


def test_running_kiosk_writes_status_json_with_versions_and_printer_state(qtbot, kiosk, data_dir):
    assert kiosk.store.meta().content_version >= 1  # a running kiosk builds its store right after Home shows
    reporter = StatusReporter(data_dir, kiosk.printing, kiosk.now, kiosk.settings.timezone)
    reporter.start()
    path = data_dir / "status.json"
    qtbot.waitUntil(path.exists, timeout=5000)
    reporter.stop()
    status = json.loads(path.read_text())
    assert status["app_version"] and status["content"]["version"] >= 1
    assert status["printer"] == "ok" and status["started_at"]
