"""systemd notify protocol, by hand: READY=1 once Home is shown, WATCHDOG=1 while alive.

systemd (``Type=notify``, ``WatchdogSec=``) gives the service ``$NOTIFY_SOCKET`` and
``$WATCHDOG_USEC``; a datagram per message is the whole protocol. Without the variables
(Windows, a terminal, tests) every call is a no-op. Qt-free: the GUI sends ``WATCHDOG=1``
from a QTimer on its own thread, so a frozen event loop stops the pings and systemd
restarts the kiosk.
"""

from __future__ import annotations

# The C module under ``socket``: the wrapper's import builds four enums from the module's
# constants (~12 M instructions, a twelfth of the kiosk's whole start-up budget; see
# benchmarks/README.md), and one datagram needs none of them.
import _socket
import os


def sd_notify(message: str, environ: dict[str, str] | None = None) -> bool:
    """Send one notify message; True if sent, False if there is no socket or it failed."""
    address = (os.environ if environ is None else environ).get("NOTIFY_SOCKET", "")
    if not address or not hasattr(_socket, "AF_UNIX"):
        return False
    if address[0] == "@":  # abstract namespace: leading NUL byte instead of '@'
        address = "\0" + address[1:]
    try:
        sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_DGRAM)
    except OSError:
        return False
    try:
        sock.connect(address)
        sock.sendall(message.encode())
    except OSError:
        return False
    finally:
        sock.close()
    return True


def watchdog_interval_ms(environ: dict[str, str] | None = None) -> int | None:
    """Half of ``$WATCHDOG_USEC`` in ms (systemd's advice), or None if no watchdog is asked for.

    ``$WATCHDOG_PID``, when set, must be this process (else the watchdog is someone else's).
    """
    env = os.environ if environ is None else environ
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = env.get("WATCHDOG_PID")
    if usec <= 0 or (pid and pid != str(os.getpid())):
        return None
    return max(1, usec // 2000)
