"""Run one blocking step of a sync in a child process and hand back its result or its error.

Why: the sync's checks, loader and content.db build are pure Python. In a thread of the
app they share the GIL with the GUI thread, and the screen stalls for tens of milliseconds
at a time (issue #6). In a child process they have their own interpreter; the app's
thread only waits on a pipe, which holds no GIL.

The child is started with multiprocessing's "spawn" method (no fork of a Qt process with
threads). In the frozen bundle the executable is the kiosk itself: kiosk/__main__.py calls
``multiprocessing.freeze_support()`` so that it runs the child instead of the kiosk.

Errors come back by kind (exceptions with extra constructor arguments do not pickle):
Failed, BundleError, SwapError and OSError are raised again in the parent as themselves;
anything else, or a child that dies, becomes ``ChildError``. The child exits as soon as its
parent is gone (SIGKILL, ``os.execv`` of a restart), so an orphan never goes on writing in
the data dir; what it left is swept at the next start like any interrupted sync.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

JOIN_TIMEOUT_S = 10.0
NICE = 10  # the child's lower CPU priority (POSIX)


class ChildError(RuntimeError):
    """The child failed unexpectedly or ended without an answer."""


def run_isolated(step: Callable[..., T], *args: Any) -> T:
    """``step(*args)`` in a fresh child process. ``step`` must be a module-level function;
    ``args`` and its result must pickle."""
    import multiprocessing  # only when a sync runs: not on the kiosk's start-up path

    ctx = multiprocessing.get_context("spawn")
    reader, writer = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child_main, args=(writer, step, args), name="kiosk-sync-step", daemon=True)
    child.start()
    writer.close()  # only the child writes: EOF here means it is gone
    try:
        try:
            answer = reader.recv()
        except EOFError:
            child.join(JOIN_TIMEOUT_S)
            raise ChildError(f"the sync process ended without a result (exit code {child.exitcode})") from None
    finally:
        reader.close()
        child.join(JOIN_TIMEOUT_S)
        if child.is_alive():
            child.kill()
            child.join(JOIN_TIMEOUT_S)
        child.close()
    kind, payload = answer
    if kind == "ok":
        return payload
    raise _rebuild(*payload)


def _child_main(writer: Any, step: Callable[..., Any], args: tuple[Any, ...]) -> None:
    _exit_with_parent()
    if hasattr(os, "nice"):
        os.nice(NICE)  # background work: on a busy CPU the kiosk's screen comes first
    try:
        answer: tuple[str, Any] = ("ok", step(*args))
    except BaseException as exc:  # everything goes back to the parent, which decides
        kind = "OSError" if isinstance(exc, OSError) else type(exc).__name__
        answer = ("error", (kind, getattr(exc, "reason", ""), getattr(exc, "message", str(exc))))
    writer.send(answer)
    writer.close()


def _exit_with_parent() -> None:
    import multiprocessing.connection

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(70)  # at once: no clean-up that could touch a newer sync's files

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _rebuild(kind: str, reason: str, message: str) -> Exception:
    from kiosk.content.bundle import BundleError
    from kiosk.content.fetch import Failed
    from kiosk.content.swap import SwapError

    if kind == "BundleError":
        return BundleError(reason, message)
    if kind == "Failed":
        return Failed(reason, message)
    if kind == "SwapError":
        return SwapError(message)
    if kind == "OSError":
        return OSError(message)
    return ChildError(f"{kind}: {message}")
