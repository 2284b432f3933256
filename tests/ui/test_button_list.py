"""ButtonList reuses its buttons for an unchanged list: screen changes stay fast."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.ui.widgets import ButtonList


def test_same_items_keep_their_buttons_but_tap_the_new_handler(qtbot):
    # GIVEN a list shown once with a handler that records into `first`
    buttons = ButtonList()
    qtbot.addWidget(buttons)
    first: list[str] = []
    second: list[str] = []
    shown = buttons.set_items([("a", "home"), ("b", "home")], first.append)
    # WHEN the screen is entered again with the same items and a new handler
    again = buttons.set_items([("a", "home"), ("b", "home")], second.append)
    qtbot.mouseClick(again[1], Qt.MouseButton.LeftButton)
    # THEN the same buttons are kept and the tap goes to the new handler only
    assert again == shown
    assert second == ["b"] and first == []


def test_other_items_get_new_buttons(qtbot):
    buttons = ButtonList()
    qtbot.addWidget(buttons)
    shown = list(buttons.set_items([("a", "home")], lambda _k: None))
    again = buttons.set_items([("b", "home")], lambda _k: None)
    assert [b.objectName() for b in again] == ["item-b"] and again[0] is not shown[0]
