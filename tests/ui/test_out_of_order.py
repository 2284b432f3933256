"""After three quick crashes the kiosk starts on the calm out-of-order screen and stays there."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kiosk.app import ensure_qapp, start_kiosk
from kiosk.flow import ScreenId
from kiosk.ops import crash
from kiosk.settings import Settings

SETTINGS = Settings().replace(fullscreen=False, idle_timeout_s=1, idle_warning_s=20)


@pytest.fixture
def started(qapp, data_dir: Path):
    made = []

    def start():
        ensure_qapp()
        kiosk = start_kiosk(data_dir, SETTINGS)
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        kiosk.idle.start()
        made.append(kiosk)
        return kiosk

    yield start
    for kiosk in made:
        kiosk.shutdown()


def _crash_three_times(data_dir: Path) -> None:
    now = time.time()
    for ago in (120, 60, 1):
        crash.record_crash(data_dir, now - ago)


def test_three_recent_crashes_start_the_kiosk_on_out_of_order_without_nav_bar(started, data_dir):
    _crash_three_times(data_dir)
    kiosk = started()
    assert kiosk.flow.current.screen is ScreenId.OUT_OF_ORDER
    assert not kiosk.window.navbar.isVisible()
    title = kiosk.navigator.current_screen.title.text()
    assert title == "Dieses Terminal ist gerade außer Betrieb. Bitte wenden Sie sich an die Information."
    infothek = kiosk.store.infothek()
    assert infothek is not None and infothek.room in kiosk.navigator.current_screen.main_text()


def test_without_crashes_the_kiosk_starts_on_home(started):
    kiosk = started()
    assert kiosk.flow.current.screen is ScreenId.HOME


def test_end_of_session_and_idle_never_leave_out_of_order(qtbot, started, data_dir):
    _crash_three_times(data_dir)
    kiosk = started()
    kiosk.window.end_session()
    assert kiosk.flow.current.screen is ScreenId.OUT_OF_ORDER
    qtbot.wait(1500)  # past the 1 s idle timeout
    assert not kiosk.window.idle_overlay.isVisible()
    assert kiosk.flow.current.screen is ScreenId.OUT_OF_ORDER


def test_after_staff_clear_crashes_a_restart_shows_home_again(started, data_dir):
    _crash_three_times(data_dir)
    crash.clear_crashes(data_dir)
    kiosk = started()
    assert kiosk.flow.current.screen is ScreenId.HOME
