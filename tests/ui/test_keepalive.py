"""READY=1 once, then WATCHDOG=1 from a timer on the GUI thread, to a real socket."""

from __future__ import annotations

import socket
import tempfile
from pathlib import Path

from kiosk.workers.keepalive import KeepAlive


def _socket() -> tuple[socket.socket, str]:
    path = Path(tempfile.mkdtemp(prefix="sdn-", dir="/tmp")) / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.setblocking(False)
    return sock, str(path)


def _drain(sock: socket.socket) -> list[bytes]:
    got = []
    while True:
        try:
            got.append(sock.recv(4096))
        except BlockingIOError:
            return got


def test_gui_timer_pings_watchdog_while_the_event_loop_runs_and_ready_is_sent_once(qtbot, qapp):
    sock, path = _socket()
    try:
        keepalive = KeepAlive(environ={"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "100000"})
        assert keepalive.timer.interval() == 50
        keepalive.ready_soon()
        keepalive.ready_soon()
        messages: list[bytes] = []

        def three_pings() -> bool:
            messages.extend(_drain(sock))
            return messages.count(b"WATCHDOG=1") >= 3

        qtbot.waitUntil(three_pings, timeout=5000)  # generous: CI machines are loaded
        assert sum(m.startswith(b"READY=1") for m in messages) == 1
        assert messages.count(b"WATCHDOG=1") >= 3
        keepalive.stopping()
        assert _drain(sock) == [b"STOPPING=1"]
    finally:
        sock.close()
        Path(path).unlink()
