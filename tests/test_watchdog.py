"""The systemd notify protocol against a real AF_UNIX datagram socket."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import pytest

from kiosk.ops.watchdog import sd_notify, watchdog_interval_ms


@pytest.fixture
def notify_socket():
    """A bound datagram socket in a short temp path (AF_UNIX paths are limited to ~100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="sdn-", dir="/tmp"))
    path = folder / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(2)
    yield sock, str(path)
    sock.close()
    path.unlink()
    folder.rmdir()


def test_ready_message_arrives_as_one_datagram_on_the_notify_socket(notify_socket):
    sock, path = notify_socket
    assert sd_notify("READY=1", {"NOTIFY_SOCKET": path})
    assert sock.recv(4096) == b"READY=1"


def test_abstract_namespace_address_with_at_sign_is_reached():
    name = f"kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(2)
        assert sd_notify("WATCHDOG=1", {"NOTIFY_SOCKET": "@" + name})
        assert sock.recv(4096) == b"WATCHDOG=1"


def test_without_notify_socket_nothing_is_sent_and_nothing_fails():
    assert sd_notify("READY=1", {}) is False


def test_a_vanished_socket_is_reported_not_raised(tmp_path):
    assert sd_notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "gone")}) is False


def test_watchdog_interval_is_half_of_watchdog_usec_in_ms():
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000"}) == 15000


def test_watchdog_meant_for_another_pid_or_missing_is_ignored():
    assert watchdog_interval_ms({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) is None
    assert watchdog_interval_ms({}) is None
