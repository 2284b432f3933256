"""The hidden staff entry: the gesture, the PIN pad, the lock (also in a new process)."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.flow import Place, ScreenId
from kiosk.i18n import Translator
from kiosk.screens.staff.gate import AdminGate
from kiosk.screens.staff.pin_entry import AdminPinScreen
from kiosk.staff import admin
from kiosk.staff.admin import PinOutcome
from kiosk.state import open_state
from kiosk.workers.staff_work import AdminWorker

from .admin_steps import PIN, WRONG, corner_taps, log_in, make_kiosk, set_pin, settle_worker, type_pin


@pytest.fixture
def staff_kiosk(qapp, data_dir: Path, prints: Path):
    set_pin(data_dir)
    kiosk = make_kiosk(data_dir, prints)
    yield kiosk
    kiosk.shutdown()


def _pin_screen(kiosk):
    screen = kiosk.navigator.current_screen
    assert screen.screen_id is ScreenId.ADMIN_PIN
    return screen


def test_five_real_presses_in_the_top_right_corner_open_the_pin_pad(qtbot, staff_kiosk):
    # GIVEN Home WHEN staff tap the top-right corner five times
    corner_taps(qtbot, staff_kiosk)
    # THEN the PIN pad shows, ready, without the visitor bar
    screen = _pin_screen(staff_kiosk)
    settle_worker(staff_kiosk)
    assert screen.pad.isVisible() and screen.pad.isEnabled()
    assert not staff_kiosk.window.navbar.isVisible()


def test_the_keyboard_shortcut_opens_the_pin_pad(qtbot, staff_kiosk):
    QTest.keyClick(
        staff_kiosk.window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert staff_kiosk.flow.current.screen is ScreenId.ADMIN_PIN


def test_a_thousand_visitor_like_random_taps_never_open_the_pin_pad(qtbot, staff_kiosk):
    # GIVEN a visitor tapping anywhere on the window, seeded
    rng = random.Random(20261202)
    window = staff_kiosk.window
    seen = []
    staff_kiosk.navigator.place_changed.connect(lambda place: seen.append(place.screen))
    for _ in range(1000):
        pos = QPoint(rng.randrange(window.width()), rng.randrange(window.height()))
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=pos)
        if staff_kiosk.flow.current.screen is not ScreenId.HOME and rng.random() < 0.05:
            staff_kiosk.window.end_session()  # a new visitor now and then
    # THEN the visitor went places, but never to the staff entry
    assert len(set(seen)) > 2
    assert ScreenId.ADMIN_PIN not in seen and ScreenId.ADMIN not in seen


def test_a_wrong_pin_says_how_many_tries_are_left(qtbot, staff_kiosk):
    corner_taps(qtbot, staff_kiosk)
    type_pin(qtbot, staff_kiosk, WRONG)
    screen = _pin_screen(staff_kiosk)
    assert screen.message.text() == "Falsche PIN. Noch 4 Versuche."
    assert screen.pad.isEnabled() and screen.pad.length == 0


def test_the_right_pin_opens_the_admin_panel(qtbot, staff_kiosk):
    log_in(qtbot, staff_kiosk)
    screen = staff_kiosk.navigator.current_screen
    assert screen.panel.isVisible() and not screen.refusal.isVisible()
    assert staff_kiosk.admin_gate.is_open


def test_cancel_leads_home(qtbot, staff_kiosk):
    corner_taps(qtbot, staff_kiosk)
    qtbot.mouseClick(_pin_screen(staff_kiosk).cancel, Qt.MouseButton.LeftButton)
    assert staff_kiosk.flow.current.screen is ScreenId.HOME


def test_without_a_pin_the_pad_explains_how_it_sets_one(qtbot, qapp, data_dir, prints):
    kiosk = make_kiosk(data_dir, prints)  # no PIN set
    try:
        corner_taps(qtbot, kiosk)
        settle_worker(kiosk)
        screen = _pin_screen(kiosk)
        assert not screen.pad.isVisible()
        assert "kiosk pin set" in screen.message.text()
    finally:
        kiosk.shutdown()


LOCKED_IN_NEW_PROCESS = """
import sys
from pathlib import Path
from kiosk.app import build_kiosk, ensure_qapp
from kiosk.flow import Action
from kiosk.settings import Settings
ensure_qapp()
kiosk = build_kiosk(Path(sys.argv[1]), Settings().replace(fullscreen=False))
kiosk.window.show()
screen = kiosk.navigator.go(Action.STAFF_GESTURE)
kiosk.admin_worker.wait_idle(20)
from PySide6.QtWidgets import QApplication
for _ in range(5):
    QApplication.processEvents()
print(screen.pad.isEnabled(), screen.state.outcome.value, screen.message.text(), sep="|")
kiosk.shutdown()
"""


def test_five_wrong_pins_lock_the_pad_and_a_new_process_is_still_locked(qtbot, staff_kiosk, data_dir):
    # GIVEN the pad WHEN five wrong PINs are typed
    corner_taps(qtbot, staff_kiosk)
    for _ in range(4):
        type_pin(qtbot, staff_kiosk, WRONG)
    screen = _pin_screen(staff_kiosk)
    assert screen.message.text() == "Falsche PIN. Noch 1 Versuch."
    type_pin_anyway(qtbot, staff_kiosk, WRONG)
    # THEN the pad is locked with its end time
    assert screen.state.outcome is PinOutcome.LOCKED
    assert not screen.pad.isEnabled()
    assert screen.message.text().startswith("Gesperrt bis ")
    # AND a new kiosk process on the same data dir shows the pad locked too
    out = subprocess.run(
        [sys.executable, "-c", LOCKED_IN_NEW_PROCESS, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    enabled, outcome, message = out.stdout.strip().splitlines()[-1].split("|")
    assert (enabled, outcome) == ("False", "locked")
    assert message.startswith("Gesperrt bis ")


def type_pin_anyway(qtbot, kiosk, pin: str) -> None:
    type_pin(qtbot, kiosk, pin)


def test_the_pad_is_disabled_while_the_pin_is_checked(qtbot, staff_kiosk):
    corner_taps(qtbot, staff_kiosk)
    screen = _pin_screen(staff_kiosk)
    settle_worker(staff_kiosk)
    for digit in PIN:
        screen.pad.press(digit)
    screen.pad.submit()
    # the check runs in the worker: until its answer arrives in the GUI thread the pad is off
    assert screen.checking and not screen.pad.isEnabled()
    settle_worker(staff_kiosk)
    assert staff_kiosk.flow.current.screen is ScreenId.ADMIN


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.mark.slow
def test_brute_force_of_1000_pins_through_the_pad_gets_no_more_than_the_allowed_tries(
    qtbot, qapp, data_dir, monkeypatch
):
    # GIVEN a real PIN screen on a real state.db and a clock that moves one second per try
    set_pin(data_dir, "99887766")
    clock = Clock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    worker = AdminWorker(data_dir)
    gate = AdminGate(120, clock)
    screen = AdminPinScreen(Translator("de"), worker, gate, clock, "Europe/Berlin")
    screen.enter({})
    qtbot.addWidget(screen)
    checked = []
    real_verify = admin._verify
    monkeypatch.setattr(admin, "_verify", lambda pin, *a: checked.append(pin) or real_verify(pin, *a))
    accepted = []
    screen.chosen.connect(lambda action, params: accepted.append(action))
    try:
        # WHEN 1,000 PINs go through the pad's OK path (also while the pad is disabled)
        for i in range(1000):
            clock.now += timedelta(seconds=1)
            for digit in f"{i:06d}":
                screen.pad.press(digit)
            if screen.pad.isEnabled():
                screen.pad.submit()
            else:
                screen.submit(f"{i:06d}")  # what OK would send: the core must refuse it anyway
                screen.pad.clear()
            assert worker.wait_idle(10)
            qapp.processEvents()
        # THEN only the policy's tries were compared (5, then one after each lock: 9 in 1,000 s)
        assert len(checked) == 9
        assert accepted == [] and not gate.is_open
        assert screen.checks == 1000
    finally:
        worker.stop()


def test_without_the_pin_the_admin_screen_shows_nothing_actionable(qtbot, staff_kiosk):
    # GIVEN no accepted PIN WHEN something navigates straight to the admin screen
    staff_kiosk.flow.current = Place(ScreenId.ADMIN)
    screen = staff_kiosk.navigator.show_place(Place(ScreenId.ADMIN))
    settle_worker(staff_kiosk)
    # THEN it refuses: the panel is hidden and the only button leads Home
    assert not screen.panel.isVisible() and screen.refusal.isVisible()
    from PySide6.QtWidgets import QAbstractButton

    visible = [b.objectName() for b in staff_kiosk.window.findChildren(QAbstractButton) if b.isVisible()]
    assert visible == ["admin-refused-home"]
    # AND even a page asked for directly does not open
    screen.open_page("exit")
    assert screen.current_page is None
    db = open_state(staff_kiosk.data_dir)
    try:
        assert ("admin_open", "refused") in [(e.action, e.result) for e in admin.recent_audit(db)]
    finally:
        db.close()


def test_the_pin_screen_cannot_skip_the_check(qtbot, staff_kiosk):
    # GIVEN the PIN screen WHEN it emits "accepted" without a check
    corner_taps(qtbot, staff_kiosk)
    from kiosk.flow import Action

    _pin_screen(staff_kiosk).choose(Action.PIN_ACCEPTED)
    # THEN the admin screen still refuses
    screen = staff_kiosk.navigator.current_screen
    assert screen.screen_id is ScreenId.ADMIN and not screen.panel.isVisible()


def test_a_right_pin_whose_answer_comes_after_leaving_opens_nothing(qtbot, staff_kiosk):
    # GIVEN the right PIN sent to the check WHEN the pad is left before the answer arrives
    corner_taps(qtbot, staff_kiosk)
    screen = _pin_screen(staff_kiosk)
    settle_worker(staff_kiosk)
    for digit in PIN:
        screen.pad.press(digit)
    screen.pad.submit()
    qtbot.mouseClick(screen.cancel, Qt.MouseButton.LeftButton)
    settle_worker(staff_kiosk)
    # THEN Home stays and the panel stays shut
    assert staff_kiosk.flow.current.screen is ScreenId.HOME
    assert not staff_kiosk.admin_gate.is_open
