"""The kiosk shell: navigation, the visitor session, kiosk key rules, staff gesture."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent, QColor, QPalette, QPixmap

from kiosk.flow import ScreenId
from kiosk.ui import theme
from kiosk.ui.widgets import BigButton


def _button(kiosk, name: str) -> BigButton:
    button = kiosk.window.findChild(BigButton, name)
    assert button is not None, name
    return button


def test_home_find_office_leads_to_situation_tiles_then_services(qtbot, kiosk):
    qtbot.mouseClick(_button(kiosk, "home-find"), Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.SITUATIONS
    first = kiosk.store.situations()[0]
    qtbot.mouseClick(_button(kiosk, f"item-{first.id}"), Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.SERVICES
    assert kiosk.flow.current.params == {"situation_id": first.id}


def test_back_and_start_are_hidden_on_home_and_shown_elsewhere(qtbot, kiosk):
    navbar = kiosk.window.navbar
    assert not navbar.back_button.isVisible() and not navbar.home_button.isVisible()
    qtbot.mouseClick(_button(kiosk, "home-find"), Qt.MouseButton.LeftButton)
    assert navbar.back_button.isVisible() and navbar.home_button.isVisible()
    qtbot.mouseClick(navbar.back_button, Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.HOME


def test_switching_language_keeps_the_visitors_place(qtbot, kiosk):
    qtbot.mouseClick(_button(kiosk, "home-find"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.window.navbar.language_button, Qt.MouseButton.LeftButton)
    assert kiosk.window.language_overlay.isVisible()
    overlay_button = kiosk.window.language_overlay.findChild(BigButton, "lang-en")
    qtbot.mouseClick(overlay_button, Qt.MouseButton.LeftButton)
    assert kiosk.tr.code == "en" and kiosk.flow.session.language == "en"
    assert kiosk.flow.current.screen is ScreenId.SITUATIONS
    assert not kiosk.window.language_overlay.isVisible()


def test_arabic_mirrors_the_layout(qtbot, kiosk, qapp):
    kiosk.window.set_language("ar")
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    kiosk.window.set_language("de")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_switching_to_arabic_and_back_reuses_the_switch_icons(qtbot, kiosk):
    # a new QIcon per switch left its derived pixmaps in Qt's cache: ~8 kB a switch (memory_idle)
    navbar = kiosk.window.navbar
    switches = (navbar.large_button, navbar.contrast_button, navbar.low_button)
    before = [button.icon_label().pixmap().cacheKey() for button in switches]
    kiosk.window.set_language("ar")
    kiosk.window.set_language("de")
    assert [button.icon_label().pixmap().cacheKey() for button in switches] == before
    assert not any(button.icon_label().pixmap().isNull() for button in switches)


def _pixmap_colours(pixmap: QPixmap) -> set[str]:
    image = pixmap.toImage()
    colours = set()
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                colours.add(pixel.name())
    return colours


def test_a_checked_switch_draws_its_icon_in_the_checked_text_colour(qtbot, kiosk):
    # the checked background is the unchecked icon's colour: one colour made the icon vanish
    palette = kiosk.window.palette_
    contrast = kiosk.window.navbar.contrast_button
    assert _pixmap_colours(contrast.icon_label().pixmap()) == {QColor(palette.on_secondary).name()}
    kiosk.window.set_modes(high_contrast=True)
    palette = kiosk.window.palette_
    assert contrast.isChecked()
    assert _pixmap_colours(contrast.icon_label().pixmap()) == {QColor(palette.on_primary).name()}


def test_a_switch_turned_off_by_the_session_end_loses_its_checked_look(qtbot, kiosk):
    navbar = kiosk.window.navbar
    rest, active = theme.button_text_colours(kiosk.window.palette_)["secondary"]
    qtbot.mouseClick(navbar.low_button, Qt.MouseButton.LeftButton)
    assert kiosk.flow.session.low_position
    assert _pixmap_colours(navbar.low_button.icon_label().pixmap()) == {QColor(active).name()}
    kiosk.window.end_session()
    assert not navbar.low_button.isChecked()
    assert _pixmap_colours(navbar.low_button.icon_label().pixmap()) == {QColor(rest).name()}
    assert navbar.low_button.label().property("active") is False


def test_idle_warning_then_expiry_wipes_language_modes_and_place(qtbot, kiosk):
    kiosk.window.set_language("tr")
    kiosk.window.set_modes(large_text=True, high_contrast=True)
    qtbot.mouseClick(_button(kiosk, "home-find"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.window.idle_overlay.isVisible(), timeout=3000)
    assert kiosk.idle.warning_s >= 20
    kiosk.idle.expire_now()
    assert kiosk.flow.current.screen is ScreenId.HOME
    assert kiosk.tr.code == "de" and kiosk.flow.session.history == []
    assert not (kiosk.flow.session.large_text or kiosk.flow.session.high_contrast)
    assert not kiosk.window.idle_overlay.isVisible()


def test_one_tap_on_weiter_keeps_the_session(qtbot, kiosk):
    qtbot.mouseClick(_button(kiosk, "home-find"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.window.idle_overlay.isVisible(), timeout=3000)
    qtbot.mouseClick(_button(kiosk, "idle-continue"), Qt.MouseButton.LeftButton)
    assert not kiosk.window.idle_overlay.isVisible()
    assert kiosk.flow.current.screen is ScreenId.SITUATIONS


def test_untouched_home_never_shows_the_idle_warning(qtbot, kiosk):
    qtbot.wait(1500)
    assert not kiosk.window.idle_overlay.isVisible()


def test_escape_ctrl_q_and_close_do_not_end_the_kiosk(qtbot, kiosk):
    window = kiosk.window
    for key, mods in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ):
        qtbot.keyClick(window, key, mods)
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted() and window.isVisible()


def test_five_quick_taps_in_the_top_right_corner_open_the_staff_entry(qtbot, kiosk):
    window = kiosk.window
    corner = QPoint(window.width() - 5, 5)
    for _ in range(4):
        qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=corner)
    assert kiosk.flow.current.screen is ScreenId.HOME
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=corner)
    assert kiosk.flow.current.screen is ScreenId.ADMIN_PIN


def test_every_visible_button_is_a_touch_target_at_1080p(qtbot, kiosk):
    qtbot.mouseClick(_button(kiosk, "home-find"), Qt.MouseButton.LeftButton)
    small = [b.objectName() for b in kiosk.window.findChildren(BigButton) if b.isVisible() and b.height() < 80]
    assert small == []


def test_every_screen_the_flow_leads_to_is_registered_in_the_composition_root(kiosk):
    # GIVEN the real kiosk WHEN we look at every target of the transition table
    from kiosk.flow import TRANSITIONS

    # THEN each has a screen: no tap can lead to a screen that does not exist
    assert set(TRANSITIONS.values()) - set(kiosk.specs) == set()


def test_pressing_or_checking_a_big_button_recolours_its_label(qtbot, kiosk):
    # GIVEN Home WHEN "Stelle finden" is held down, and a language button is checked
    # THEN each label takes its style sheet's active colour, and the rest colour again after
    home = kiosk.navigator.current_screen
    rest, active = theme.button_text_colours(kiosk.window.palette_)["primary"]

    def colour(button) -> str:
        return button.label().palette().color(QPalette.ColorRole.WindowText).name().upper()

    assert colour(home.find) == rest.upper()
    qtbot.mousePress(home.find, Qt.MouseButton.LeftButton)
    assert colour(home.find) == active.upper()
    qtbot.mouseRelease(home.find, Qt.MouseButton.LeftButton)
    assert colour(home.find) == rest.upper()
    english = home.languages.buttons["en"]
    idle, checked = theme.button_text_colours(kiosk.window.palette_)["secondary"]
    assert colour(english) == idle.upper()
    english.setChecked(True)
    assert colour(english) == checked.upper()
