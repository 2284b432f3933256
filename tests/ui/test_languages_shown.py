"""The real kiosk shows the translated catalogs (compiled in memory from the .po files)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.flow import ScreenId
from kiosk.ui.widgets import BigButton


def _open_situations(qtbot, kiosk) -> None:
    qtbot.mouseClick(kiosk.window.findChild(BigButton, "home-find"), Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.SITUATIONS


@pytest.mark.parametrize(("code", "back", "home"), [("ru", "Назад", "Главная"), ("ar", "رجوع", "الرئيسية")])
def test_choosing_a_language_shows_the_nav_bar_in_it(qtbot, kiosk, code, back, home):
    _open_situations(qtbot, kiosk)
    kiosk.window.set_language(code)
    navbar = kiosk.window.navbar
    assert (navbar.back_button.text(), navbar.home_button.text()) == (back, home)


def test_going_back_to_german_shows_the_german_source_again(qtbot, kiosk):
    _open_situations(qtbot, kiosk)
    kiosk.window.set_language("uk")
    kiosk.window.set_language("de")
    assert kiosk.window.navbar.back_button.text() == "Zurück"
