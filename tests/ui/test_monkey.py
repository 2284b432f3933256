"""Monkey test: a seeded random visitor on the real kiosk must never break it.

The real kiosk (offscreen, 1920x1080, default content, the real ``file`` printer into a
temp folder, idle timeout 1 s) is driven by one random visitor after another (see
tests/ui/monkey.py): taps at points biased towards visible buttons, taps anywhere, double
taps, swipes, language changes, print buttons, short pauses. Some visitors walk away: the
monkey waits past the idle timeout with real timers and lets the warning run out.

Checked after every action: no Python exception (slots, virtual methods, worker threads),
no Qt warning, the event loop answers, no modal dialog is open, the current screen is one
the composition root registers (whatever kiosk/app.py registers: new screens are driven
automatically), and the staff area never opens (the PIN screen may, by the 5-tap corner
gesture, but a random visitor does not get past it). After every idle expiry: Home, default
language, modes off, history empty, overlays closed.

CI runs 100 visitor sessions (about 2,100 actions, ~2.5 min on a 2-core box; see
benchmarks/README.md). On demand:

    KIOSK_MONKEY_SESSIONS=10000 uv run pytest tests/ui/test_monkey.py -q     # the long run
    KIOSK_MONKEY_SEED=1234 uv run pytest tests/ui/test_monkey.py -q          # replay a seed

A failure prints the seed and the last actions.
"""

from __future__ import annotations

import os
import random
import threading
import traceback
from collections import deque
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk, build_kiosk, ensure_qapp
from kiosk.flow import ScreenId
from kiosk.settings import Settings
from tests.ui.monkey import Visitor, loop_answers

# Read at import: the autouse data_dir fixture clears every KIOSK_* variable for the test.
SESSIONS = int(os.environ.get("KIOSK_MONKEY_SESSIONS", 100))  # ~2,100 actions, ~2.5 min
SEED = int(os.environ.get("KIOSK_MONKEY_SEED", 20261202))
WALK_AWAY = 0.15  # share of visitors who leave the kiosk alone until the idle timeout
IDLE_TIMEOUT_S = 1
# Qt warnings that say nothing about a fault of the kiosk: offscreen platform limits, and
# Qt Multimedia (read aloud) probing optional audio libraries, and a kinetic-scroll gesture
# whose list left the screen mid-gesture (a tap changed the screen; Qt drops the gesture).
BENIGN_QT = ("propagateSizeHints", "pipewire-0.3", "could not find the target for gesture")

# A hang (e.g. a modal loop inside a tap) still ends the run; the budget grows with the sessions.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(max(600, SESSIONS * 10))]


@pytest.fixture
def monkey_kiosk(qapp, data_dir: Path, prints: Path) -> Kiosk:
    ensure_qapp()
    settings = Settings().replace(
        fullscreen=False,
        idle_timeout_s=IDLE_TIMEOUT_S,
        idle_warning_s=20,
        printer_backend="file",
        printer_output_dir=str(prints),
    )
    kiosk = build_kiosk(data_dir, settings)
    # Fixed like a fullscreen window: the screen cannot grow when large text needs more room.
    kiosk.window.setFixedSize(1920, 1080)
    kiosk.window.show()
    kiosk.idle.start()
    yield kiosk
    kiosk.shutdown()


def _problems(kiosk: Kiosk, registered: set[ScreenId]) -> list[str]:
    problems = []
    if not loop_answers():
        problems.append("the event loop did not answer within 5 s")
    current = kiosk.flow.current.screen
    if current not in registered:
        problems.append(f"current screen {current} is not registered")
    elif kiosk.navigator.currentWidget() is not kiosk.navigator.screens.get(current):
        problems.append(f"the flow says {current.name}, the window shows {kiosk.navigator.currentWidget()}")
    if current is ScreenId.ADMIN:
        problems.append("a random visitor got into the staff area")
    modal = QApplication.activeModalWidget() or QApplication.activePopupWidget()
    if modal is not None:
        problems.append(f"a modal window is open: {modal!r}")
        modal.close()
    return problems


def _pristine(kiosk: Kiosk) -> bool:
    session = kiosk.flow.session
    return (
        kiosk.flow.current.screen is ScreenId.HOME
        and session.language == kiosk.flow.default_language
        and not (session.large_text or session.high_contrast or session.low_position)
    )


def _wiped_problems(kiosk: Kiosk) -> list[str]:
    session, window = kiosk.flow.session, kiosk.window
    problems = []
    if kiosk.flow.current.screen is not ScreenId.HOME or kiosk.navigator.current_screen is not kiosk.navigator.screen(
        ScreenId.HOME
    ):
        problems.append(f"not on Home after the idle timeout but on {kiosk.flow.current.screen.name}")
    if session.language != kiosk.flow.default_language or kiosk.tr.code != kiosk.flow.default_language:
        problems.append(f"language {kiosk.tr.code} after the idle timeout")
    if session.large_text or session.high_contrast or session.low_position:
        problems.append("an accessibility mode survived the idle timeout")
    if session.history:
        problems.append(f"history survived the idle timeout: {session.history}")
    if window.idle_overlay.isVisible() or window.language_overlay.isVisible():
        problems.append("an overlay is still open after the idle timeout")
    return problems


def test_random_visitors_never_break_the_kiosk_and_idle_always_leads_home(
    qtbot, qtlog, monkey_kiosk, prints, monkeypatch
):
    # GIVEN the real kiosk and a seeded stream of random visitors
    kiosk = monkey_kiosk
    sessions, seed = SESSIONS, SEED
    rng = random.Random(seed)
    log: deque[str] = deque(maxlen=60)
    registered = set(kiosk.specs)
    visitor = Visitor(kiosk, rng, log)
    thread_errors: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: thread_errors.append(repr(args.exc_value)))
    actions = idle_expiries = 0
    seen: set[ScreenId] = set()
    qt_seen = [0]

    def fail(problems: list[str]) -> None:
        pytest.fail(
            f"seed {seed} (KIOSK_MONKEY_SEED={seed}), session {session}, action {actions}:\n"
            + "\n".join(problems)
            + "\nlast actions:\n  "
            + "\n  ".join(log),
            pytrace=False,
        )

    def check(exceptions) -> None:
        problems = _problems(kiosk, registered)
        problems += ["exception:\n" + "".join(traceback.format_exception(*e)[-6:]) for e in exceptions]
        problems += [f"exception in a thread: {e}" for e in thread_errors]
        records, qt_seen[0] = qtlog.records[qt_seen[0] :], len(qtlog.records)
        problems += [
            f"Qt {r.type.name}: {r.message}"
            for r in records
            if r.type.name not in ("QtDebugMsg", "QtInfoMsg") and not any(b in r.message for b in BENIGN_QT)
        ]
        if problems:
            fail(problems)
        seen.add(kiosk.flow.current.screen)

    # WHEN each visitor does 3-38 things and some walk away until the idle timeout
    with qtbot.capture_exceptions() as exceptions:
        for session in range(1, sessions + 1):
            log.append(f"--- visitor {session}")
            for _ in range(rng.randint(3, 38)):
                visitor.act(qtbot.wait)
                actions += 1
                check(exceptions)
            if rng.random() < WALK_AWAY or session == sessions:
                log.append("walks away: wait past the idle timeout")
                if _pristine(kiosk):  # nothing to wipe: the kiosk stays quiet
                    qtbot.wait(IDLE_TIMEOUT_S * 1000 + 150)
                else:  # the warning must come (a late timer on a loaded box is allowed for)
                    overlay = kiosk.window.idle_overlay
                    try:
                        qtbot.waitUntil(overlay.isVisible, timeout=IDLE_TIMEOUT_S * 1000 + 5000)
                    except qtbot.TimeoutError:
                        fail(["no idle warning although the session has something to wipe"])
                    kiosk.idle.expire_now()  # the warning's 20 s countdown ran out
                check(exceptions)
                idle_expiries += 1
                # THEN the next visitor finds Home in the default language, everything wiped
                if problems := _wiped_problems(kiosk):
                    fail(problems)
        kiosk.printing.wait(5000)
        QApplication.processEvents()
        check(exceptions)

    print(
        f"monkey: seed {seed}, {sessions} visitors, {actions} actions, {idle_expiries} idle timeouts, "
        f"{visitor.prints} print taps, screens seen: {sorted(s.name for s in seen)}"
    )
    # AND the visitors really moved around and printed: the bias towards buttons works
    assert len(seen) >= min(5, len(registered))
    if visitor.prints:
        assert list(prints.glob("*.pdf")), "print buttons were tapped but no PDF came out"
