"""``kiosk pin set|status`` as a real subprocess, PIN piped on stdin."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from kiosk.staff import admin
from kiosk.staff.admin import ScryptParams
from kiosk.state import open_state


def _kiosk(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )


def test_pin_set_from_stdin_stores_a_pin_that_the_pad_accepts(data_dir: Path):
    # WHEN a setup script pipes a PIN into `kiosk pin set`
    done = _kiosk("pin", "set", stdin="480913\n")
    # THEN it succeeds and the same PIN opens the pad
    assert done.returncode == 0, done.stderr
    assert "gespeichert" in done.stdout
    assert "480913" not in done.stdout + done.stderr
    db = open_state(data_dir)
    assert admin.check_pin(db, "480913", datetime.now(UTC)).accepted
    assert admin.recent_audit(db)[1].action == "pin_set"


def test_pin_set_refuses_an_easy_pin_in_german_and_exits_1(data_dir: Path):
    done = _kiosk("pin", "set", stdin="123456\n")
    assert done.returncode == 1
    assert "Zahlenfolge" in done.stderr and "nicht geändert" in done.stderr
    db = open_state(data_dir)
    assert not admin.has_pin(db)
    assert [(e.action, e.result) for e in admin.recent_audit(db)] == [("pin_set", "invalid")]


def test_pin_set_with_empty_stdin_exits_2_and_keeps_no_pin(data_dir: Path):
    done = _kiosk("pin", "set", stdin="")
    assert done.returncode == 2
    assert "keine PIN" in done.stderr
    assert not admin.has_pin(open_state(data_dir))


def test_pin_status_says_when_no_pin_is_set():
    done = _kiosk("pin", "status")
    assert done.returncode == 0
    assert "keine PIN gesetzt" in done.stdout and "kiosk pin set" in done.stdout


def test_pin_status_reports_a_lock_and_is_audited(data_dir: Path):
    # GIVEN a locked pad
    db = open_state(data_dir)
    admin.set_pin(db, "480913", params=ScryptParams(n=2**8))
    for _ in range(5):
        admin.check_pin(db, "000001", datetime.now(UTC))
    # WHEN staff ask for the status
    done = _kiosk("pin", "status")
    # THEN it says the PIN is set and the pad is locked until a time
    assert done.returncode == 0
    assert "Eine PIN ist gesetzt." in done.stdout and "gesperrt bis" in done.stdout and "Uhr" in done.stdout
    assert (admin.recent_audit(db)[0].action, admin.recent_audit(db)[0].result) == ("pin_status", "locked")


def _run_on_terminal(entries: list[str]) -> tuple[int, str]:
    """Run `kiosk pin set` on a real pseudo-terminal (getpass reads /dev/tty) and type ``entries``."""
    import pty
    import time

    pid, fd = pty.fork()
    if pid == 0:  # child: the pty is its controlling terminal
        os.execv(sys.executable, [sys.executable, "-m", "kiosk", "pin", "set"])
    output = b""
    for entry in entries:
        deadline = time.monotonic() + 30
        while b"PIN" not in output.split(b"\n")[-1] and time.monotonic() < deadline:
            output += os.read(fd, 1024)
        output = output.replace(b"PIN", b"pin")  # consume the prompt
        os.write(fd, entry.encode() + b"\n")
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # EIO once the child has closed the terminal
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


def test_pin_set_on_a_terminal_asks_twice_and_refuses_a_mismatch(data_dir: Path):
    code, output = _run_on_terminal(["480913", "480931"])
    assert code == 1
    assert "stimmen nicht überein" in output
    assert "480913" not in output  # masked entry: nothing echoed
    assert not admin.has_pin(open_state(data_dir))


def test_pin_set_on_a_terminal_stores_the_pin_typed_twice(data_dir: Path):
    code, output = _run_on_terminal(["480913", "480913"])
    assert code == 0, output
    assert admin.check_pin(open_state(data_dir), "480913", datetime.now(UTC)).accepted
