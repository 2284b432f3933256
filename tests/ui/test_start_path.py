"""Home shows without PySide6's `Qt` namespace (kiosk.ui.qt_names), and what that took still
does its job: the frameless window, the hidden cursor, taps on a button's label and icon."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from kiosk import app
from kiosk.app import show
from kiosk.app.late_parts import BUILD_ORDER
from kiosk.settings import Settings
from kiosk.ui.qt_names import (
    ALT,
    CONTROL,
    KEY_A,
    KEY_ESCAPE,
    KEY_F4,
    KEY_Q,
    KEY_W,
    KEYPAD_MODIFIER,
    blank_cursor,
    set_enum,
)
from kiosk.ui.widgets import BigButton

START_TO_HOME = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    import PySide6.QtCore as QtCore
    from kiosk import app
    from kiosk.settings import Settings

    data_dir = Path(sys.argv[1])
    qapp = app.ensure_qapp()
    kiosk = app.start_kiosk(data_dir, Settings.load(data_dir))
    app.show(kiosk, fullscreen=sys.argv[2] == "fullscreen")

    def on_home():
        print("Qt built" if "Qt" in vars(QtCore) else "Qt not built", kiosk.window.isVisible())
        print(*sorted(set(sys.argv[3:]) & set(sys.modules)) or ["none"])
        os._exit(0)

    QtCore.QTimer.singleShot(0, on_home)
    qapp.exec()
    """
)


# each ~5-20 M instructions of start-up that Home does not use
LATER_MODULES = (
    "dataclasses",
    "zoneinfo",
    "tomllib",
    "socket",
    "logging.handlers",
    "kiosk.ui.overlay",
    "kiosk.ui.idle_overlay",
    "kiosk.ui.language_overlay",
)


@pytest.mark.parametrize("mode", ["windowed", "fullscreen"])
def test_home_shows_before_pyside_builds_the_qt_namespace(data_dir: Path, mode: str):
    """Nor the modules only later screens, the late parts or the idle warning need."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", START_TO_HOME, str(data_dir), mode, *LATER_MODULES],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.splitlines() == ["Qt not built True", "none"]


def test_fullscreen_kiosk_is_frameless_and_hides_the_cursor(qtbot, kiosk):
    kiosk.window.hide()
    kiosk.window.destroy()  # a fresh native window, as at start
    show(kiosk, fullscreen=True)
    try:
        qtbot.waitUntil(kiosk.window.isFullScreen, timeout=2000)
        assert kiosk.window.windowHandle().flags() & Qt.WindowType.FramelessWindowHint
        cursor = QApplication.overrideCursor()
        pixels = cursor.pixmap().toImage().convertToFormat(QImage.Format.Format_ARGB32)
        assert not pixels.isNull()
        assert all(pixels.pixelColor(x, y).alpha() == 0 for x in range(pixels.width()) for y in range(pixels.height()))
    finally:
        QApplication.restoreOverrideCursor()


def test_the_blank_cursor_is_one_transparent_pixel(qapp):
    image = blank_cursor().pixmap().toImage()
    assert (image.width(), image.height()) == (1, 1)
    assert image.pixelColor(0, 0).alpha() == 0


def test_enum_properties_are_set_by_their_key_names(qapp):
    label = QLabel("x")
    set_enum(label, "alignment", "AlignHCenter|AlignBottom")
    set_enum(label, "focusPolicy", "NoFocus")
    assert label.alignment() == Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
    assert label.focusPolicy() == Qt.FocusPolicy.NoFocus


@pytest.mark.parametrize(("name", "keys"), [("alignment", "AlignMiddle"), ("alignmentt", "AlignCenter")])
def test_an_unknown_key_or_property_is_an_error(qapp, name: str, keys: str):
    with pytest.raises(ValueError, match=name):
        set_enum(QObject(), name, keys) if name == "alignmentt" else set_enum(QLabel(), name, keys)


def test_the_key_constants_are_qts():
    mods, key = Qt.KeyboardModifier, Qt.Key
    assert (
        mods.ControlModifier.value,
        mods.AltModifier.value,
        mods.KeypadModifier.value,
    ) == (CONTROL, ALT, KEYPAD_MODIFIER)
    assert tuple(k.value for k in (key.Key_Escape, key.Key_F4, key.Key_A, key.Key_Q, key.Key_W)) == (
        KEY_ESCAPE,
        KEY_F4,
        KEY_A,
        KEY_Q,
        KEY_W,
    )


@pytest.mark.parametrize("part", ["label", "icon"])
def test_a_tap_on_a_big_buttons_label_or_icon_clicks_the_button(qtbot, kiosk, part: str):
    # The labels are not transparent for the mouse; QLabel ignores presses, so they go on to
    # the button. Tapped through the window, as a finger does.
    button = next(b for b in kiosk.window.navigator.current_screen.findChildren(BigButton) if b.vertical)
    target = button.label() if part == "label" else button.findChildren(QLabel)[1]
    assert target.isVisible() and target.width() > 10
    point = target.mapTo(kiosk.window, target.rect().center())
    with qtbot.waitSignal(button.clicked, timeout=1000):
        QTest.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_a_kiosk_shut_down_right_after_it_shows_starts_nothing_later(qtbot, data_dir: Path, monkeypatch):
    """``show`` queues the late parts and the background work; a shutdown (restart, exit,
    a test's end) before they start must not let them run on a closed state.db."""
    monkeypatch.setattr(app, "LATE_PARTS_DELAY_MS", 10)
    monkeypatch.setattr(app, "BACKGROUND_DELAY_MS", 20)
    kiosk = app.build_kiosk(data_dir, Settings().replace(fullscreen=False))
    show(kiosk, fullscreen=False)
    kiosk.shutdown()
    qtbot.wait(200)
    assert not any(kiosk.parts.built(name) for name in BUILD_ORDER)
    assert kiosk.sync is None and kiosk.reporter is None
