"""Crash handling: a crash in a Qt slot is logged (without visitor input) and exits 70;
crash times are counted in state.db; three within five minutes mean out of order."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from kiosk.ops import crash

ROOT = Path(__file__).resolve().parent.parent
SECRET = "Frau Mustermann Bürgergeld 4711"  # stands for what a visitor typed

CRASHING_SLOT = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit
    from kiosk.ops import crash

    data_dir = Path(sys.argv[1])
    crash.setup_logging(data_dir)
    crash.install(data_dir)
    app = QApplication([])
    field = QLineEdit()
    field.setText({SECRET!r})

    def on_search():
        raise ValueError("no result for " + field.text())

    QTimer.singleShot(0, on_search)
    app.exec()
    sys.exit(0)  # never reached: the excepthook ends the process
    """
)


def _run_crashing_slot(data_dir: Path) -> subprocess.CompletedProcess:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", CRASHING_SLOT, str(data_dir)], env=env, capture_output=True, text=True, timeout=60
    )


def test_exception_in_a_qt_slot_is_logged_counted_and_exits_nonzero(data_dir):
    result = _run_crashing_slot(data_dir)
    assert result.returncode == crash.EXIT_CODE
    log_text = (crash.log_dir(data_dir) / crash.LOG_FILE).read_text(encoding="utf-8")
    assert "uncaught exception" in log_text and "builtins.ValueError" in log_text and "on_search" in log_text
    assert len(crash.crash_times(data_dir)) == 1


def test_the_crash_log_never_holds_what_the_visitor_typed(data_dir):
    result = _run_crashing_slot(data_dir)
    log_text = (crash.log_dir(data_dir) / crash.LOG_FILE).read_text(encoding="utf-8")
    assert SECRET not in log_text and SECRET not in result.stderr


def test_three_crashes_within_five_minutes_mean_out_of_order(data_dir):
    for at in (1000.0, 1100.0, 1290.0):
        crash.record_crash(data_dir, at)
    assert crash.too_many_crashes(data_dir)


def test_three_crashes_spread_over_more_than_five_minutes_do_not(data_dir):
    for at in (1000.0, 1200.0, 1400.0):
        crash.record_crash(data_dir, at)
    assert not crash.too_many_crashes(data_dir)


def test_two_crashes_are_not_enough(data_dir):
    crash.record_crash(data_dir, 1000.0)
    crash.record_crash(data_dir, 1001.0)
    assert not crash.too_many_crashes(data_dir)


def test_clear_crashes_brings_the_kiosk_back(data_dir):
    for at in (1000.0, 1001.0, 1002.0):
        crash.record_crash(data_dir, at)
    crash.clear_crashes(data_dir)
    assert crash.crash_times(data_dir) == [] and not crash.too_many_crashes(data_dir)


def test_log_files_rotate_at_one_megabyte_keeping_five(data_dir):
    crash.setup_logging(data_dir)
    handler = crash.rotate_logging(data_dir)
    assert handler is not None
    try:
        logger = logging.getLogger("kiosk.test")
        for _ in range(6000):
            logger.info("x" * 1000)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in crash.log_dir(data_dir).iterdir())
    assert files == ["kiosk.log", "kiosk.log.1", "kiosk.log.2", "kiosk.log.3", "kiosk.log.4"]
    assert all(p.stat().st_size <= crash.LOG_BYTES for p in crash.log_dir(data_dir).iterdir())
