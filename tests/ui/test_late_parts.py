"""Home shows before the parts it does not need; they follow in the event loop or on first use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.app import build_kiosk, ensure_qapp, show
from kiosk.flow import ScreenId
from kiosk.settings import Settings
from kiosk.ui.late_parts import BUILD_ORDER


def _build(data_dir: Path):
    ensure_qapp()
    return build_kiosk(data_dir, Settings().replace(fullscreen=False, idle_timeout_s=600))


def test_home_is_built_without_content_printing_or_tickets(qapp, data_dir):
    kiosk = _build(data_dir)
    try:
        assert kiosk.flow.current.screen is ScreenId.HOME
        assert kiosk.navigator.current_screen is not None
        assert [name for name in BUILD_ORDER if kiosk.parts.built(name)] == []
        assert not (data_dir / "content.db").exists()
    finally:
        kiosk.shutdown()
    # closing a kiosk does not build what it never used
    assert [name for name in BUILD_ORDER if kiosk.parts.built(name)] == []
    assert not (data_dir / "content.db").exists()


def test_shown_kiosk_builds_the_rest_one_part_per_event_loop_pass(qtbot, qapp, data_dir):
    kiosk = _build(data_dir)
    try:
        show(kiosk, fullscreen=False)
        assert not kiosk.parts.built("store")  # not before Home's first paint
        qtbot.waitUntil(lambda: all(kiosk.parts.built(name) for name in BUILD_ORDER), timeout=5000)
        assert (data_dir / "content.db").exists()
        assert kiosk.switcher.store is kiosk.store
    finally:
        kiosk.shutdown()


def test_the_content_check_runs_in_a_worker_thread_while_home_answers(qtbot, qapp, data_dir, monkeypatch):
    import threading

    from kiosk.content import install

    threads: list[str] = []
    real_check = install.ensure_content_db

    def spy(folder: Path) -> Path:  # the real check, noting where it ran
        threads.append(threading.current_thread().name)
        return real_check(folder)

    monkeypatch.setattr(install, "ensure_content_db", spy)
    kiosk = _build(data_dir)
    try:
        show(kiosk, fullscreen=False)
        qtbot.waitUntil(lambda: kiosk.parts.built("switcher"), timeout=5000)
        assert threads == ["content-check"]
        assert kiosk.store.meta().content_version >= 1
    finally:
        kiosk.shutdown()


def test_a_tap_before_the_parts_are_built_builds_what_the_next_screen_needs(qtbot, qapp, data_dir):
    kiosk = _build(data_dir)
    try:
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        home = kiosk.navigator.current_screen
        qtbot.mouseClick(home.find, Qt.MouseButton.LeftButton)
        assert kiosk.flow.current.screen is ScreenId.SITUATIONS
        assert kiosk.parts.built("store") and not kiosk.parts.built("tickets")
        assert kiosk.store.situations()
    finally:
        kiosk.shutdown()


def test_content_switch_built_late_knows_where_the_visitor_is(qtbot, qapp, data_dir):
    kiosk = _build(data_dir)
    try:
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        qtbot.mouseClick(kiosk.navigator.current_screen.find, Qt.MouseButton.LeftButton)
        assert not kiosk.switcher.at_home  # built now, in a visitor's session
        kiosk.navigator.home()
        assert kiosk.switcher.at_home
    finally:
        kiosk.shutdown()
