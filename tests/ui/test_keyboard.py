"""The on-screen keyboard on its own (the admin notice editor uses it so) and its layouts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.app import ensure_qapp
from kiosk.i18n import LANGUAGES, Translator
from kiosk.ui.keyboard import COLUMNS, LAYOUTS, MAX_LENGTH, ROWS, OnScreenKeyboard, layout_for


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


# Each script's letters, written out here independently of the layouts.
ALPHABETS = {
    "de": "abcdefghijklmnopqrstuvwxyzäöüß",
    "en": "abcdefghijklmnopqrstuvwxyz",
    "tr": "abcçdefgğhıijklmnoöprsştuüvyz",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
}


@pytest.mark.parametrize("lang", sorted(ALPHABETS))
def test_each_layout_has_every_letter_of_its_alphabet_once_and_the_digits(lang):
    rows = layout_for(lang)
    assert len(rows) == len(ROWS) and all(len(row) == COLUMNS for row in rows)
    keys = "".join(rows)
    assert len(set(keys)) == len(keys)
    assert set(ALPHABETS[lang]) <= set(keys)
    assert set("0123456789") <= set(keys)


def test_every_visitor_language_has_a_layout():
    assert {lang.code for lang in LANGUAGES} <= set(LAYOUTS)


def test_a_language_switch_relabels_the_keys_and_they_type_the_new_script(qtbot):
    tr = Translator("de")
    ensure_qapp()
    keyboard = OnScreenKeyboard(tr)
    qtbot.addWidget(keyboard)
    keyboard.show()
    position = keyboard.keys["q"].geometry()
    tr.set_language("ru")
    keyboard.retranslate()
    assert "q" not in keyboard.keys and keyboard.keys["й"].geometry() == position
    for char in "мир":
        qtbot.mouseClick(keyboard.keys[char], Qt.MouseButton.LeftButton)
    assert keyboard.text() == "мир"
    assert keyboard.findChild(type(keyboard.keys["й"]), "key-й") is keyboard.keys["й"]
    tr.set_language("de")
    keyboard.retranslate()
    qtbot.mouseClick(keyboard.keys["q"], Qt.MouseButton.LeftButton)
    assert keyboard.text() == "мирq" and "й" not in keyboard.keys
