"""The on-screen keyboard on its own, as the admin notice editor will use it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.app import ensure_qapp
from kiosk.i18n import Translator
from kiosk.ui.keyboard import MAX_LENGTH, OnScreenKeyboard


def _keyboard(qtbot, target: QLineEdit | None = None) -> OnScreenKeyboard:
    ensure_qapp()
    keyboard = OnScreenKeyboard(Translator("de"), target)
    qtbot.addWidget(keyboard)
    keyboard.resize(1200, 500)
    keyboard.show()
    return keyboard


def test_keys_drive_a_line_edit_and_report_each_change(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    keyboard = _keyboard(qtbot, field)
    seen: list[str] = []
    keyboard.text_changed.connect(seen.append)
    for name in ("key-at", "key-1", "key-dot", "key-minus", "key-slash"):
        qtbot.mouseClick(keyboard.findChild(type(keyboard.keys["a"]), name), Qt.MouseButton.LeftButton)
    assert field.text() == keyboard.text() == "@1.-/"
    assert seen == ["@", "@1", "@1.", "@1.-", "@1.-/"]


def test_keys_never_take_focus_and_backspace_repeats_while_held(qtbot):
    keyboard = _keyboard(qtbot)
    assert all(k.focusPolicy() == Qt.FocusPolicy.NoFocus for k in keyboard.keys.values())
    assert keyboard.keys["backspace"].autoRepeat()


def test_backspace_on_empty_text_changes_nothing(qtbot):
    keyboard = _keyboard(qtbot)
    with qtbot.assertNotEmitted(keyboard.text_changed):
        qtbot.mouseClick(keyboard.keys["backspace"], Qt.MouseButton.LeftButton)
    assert keyboard.text() == ""


def test_text_stops_growing_at_the_length_limit(qtbot):
    keyboard = _keyboard(qtbot)
    keyboard.set_text("a" * MAX_LENGTH)
    qtbot.mouseClick(keyboard.keys["b"], Qt.MouseButton.LeftButton)
    assert keyboard.text() == "a" * MAX_LENGTH


def test_special_keys_have_german_labels(qtbot):
    keyboard = _keyboard(qtbot)
    assert keyboard.keys["clear"].text() == "Löschen"
    assert keyboard.keys["space"].text() == "Leerzeichen"
    assert keyboard.keys["backspace"].accessibleName() == "Letztes Zeichen löschen"
