"""Home shows before the parts it does not need; they follow in the event loop or on first use."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.app import Kiosk, build_kiosk, ensure_qapp, show
from kiosk.app.late_parts import BUILD_ORDER
from kiosk.content import install
from kiosk.flow import ScreenId
from kiosk.settings import Settings


@pytest.fixture
def fresh_kiosk(qapp, data_dir: Path) -> Kiosk:
    """Built on an empty data dir and not shown yet: no part of it is built."""
    ensure_qapp()
    kiosk = build_kiosk(data_dir, Settings().replace(fullscreen=False, idle_timeout_s=600))
    yield kiosk
    kiosk.shutdown()


def _built(kiosk: Kiosk) -> list[str]:
    return [name for name in BUILD_ORDER if kiosk.parts.built(name)]


def _tap_find_office(qtbot, kiosk: Kiosk) -> None:
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    qtbot.mouseClick(kiosk.navigator.current_screen.find, Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.SITUATIONS


def test_home_is_built_without_content_printing_or_tickets(fresh_kiosk, data_dir):
    assert fresh_kiosk.flow.current.screen is ScreenId.HOME
    assert fresh_kiosk.navigator.current_screen is not None
    assert _built(fresh_kiosk) == []
    assert not (data_dir / "content.db").exists()


def test_closing_a_kiosk_builds_nothing_it_never_used(qapp, data_dir):
    ensure_qapp()
    kiosk = build_kiosk(data_dir, Settings().replace(fullscreen=False))
    kiosk.shutdown()
    assert _built(kiosk) == []
    assert not (data_dir / "content.db").exists()


def test_shown_kiosk_builds_the_rest_one_part_per_event_loop_pass(qtbot, fresh_kiosk, data_dir):
    show(fresh_kiosk, fullscreen=False)
    assert _built(fresh_kiosk) == []  # not before Home's first paint
    qtbot.waitUntil(lambda: _built(fresh_kiosk) == list(BUILD_ORDER), timeout=5000)
    assert (data_dir / "content.db").exists()
    assert fresh_kiosk.switcher.store is fresh_kiosk.store


def test_the_content_check_runs_in_a_worker_thread_while_home_answers(qtbot, qapp, data_dir, monkeypatch):
    threads: list[str] = []
    real_check = install.ensure_content_db

    def spy(folder: Path) -> Path:  # the real check, noting where it ran
        threads.append(threading.current_thread().name)
        return real_check(folder)

    monkeypatch.setattr(install, "ensure_content_db", spy)
    ensure_qapp()
    kiosk = build_kiosk(data_dir, Settings().replace(fullscreen=False))
    try:
        show(kiosk, fullscreen=False)
        qtbot.waitUntil(lambda: kiosk.parts.built("switcher"), timeout=5000)
        assert len(threads) == 1 and threads[0].startswith("content-check")
        assert kiosk.store.meta().content_version >= 1
    finally:
        kiosk.shutdown()


def test_a_tap_before_the_parts_are_built_builds_what_the_next_screen_needs(qtbot, fresh_kiosk):
    _tap_find_office(qtbot, fresh_kiosk)
    assert fresh_kiosk.parts.built("store") and not fresh_kiosk.parts.built("tickets")
    assert fresh_kiosk.store.situations()


def test_content_switch_built_late_knows_where_the_visitor_is(qtbot, fresh_kiosk):
    _tap_find_office(qtbot, fresh_kiosk)
    assert not fresh_kiosk.switcher.at_home  # built now, in a visitor's session
    fresh_kiosk.navigator.home()
    assert fresh_kiosk.switcher.at_home
