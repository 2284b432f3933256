"""The search screen: typing on our keyboard, results as you type, no dead end, privacy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from kiosk.app import Kiosk, build_kiosk, ensure_qapp
from kiosk.flow import ScreenId
from kiosk.settings import Settings
from kiosk.ui.keyboard import key_name
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton


@pytest.fixture(scope="module")
def shared_kiosk(qapp, tmp_path_factory: pytest.TempPathFactory) -> Kiosk:
    """One real kiosk for the module (building one per test costs over a second each)."""
    ensure_qapp()
    data_dir: Path = tmp_path_factory.mktemp("search-kiosk")
    kiosk = build_kiosk(data_dir, Settings().replace(fullscreen=False, idle_timeout_s=3600, idle_warning_s=20))
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    yield kiosk
    kiosk.shutdown()


@pytest.fixture
def kiosk(shared_kiosk: Kiosk) -> Kiosk:
    """The shared kiosk, back on Home in German with a fresh visitor session."""
    if shared_kiosk.tr.code != "de":
        shared_kiosk.window.end_session()
    else:
        shared_kiosk.navigator.wipe()
        shared_kiosk.navigator.show_place(shared_kiosk.flow.end_session())
    return shared_kiosk


class _Blank(Screen):
    """Stands in for a screen another branch builds, so a journey can end there."""


def _ensure_screen(kiosk, screen_id: ScreenId) -> None:
    if screen_id not in kiosk.navigator.factories:
        blank = type(f"Blank{screen_id.name}", (_Blank,), {"screen_id": screen_id})
        kiosk.navigator.factories[screen_id] = lambda: blank(kiosk.tr)


def _button(kiosk, name: str) -> QPushButton:
    button = kiosk.window.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _open_search(qtbot, kiosk):
    qtbot.mouseClick(_button(kiosk, "home-search"), Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.SEARCH
    return kiosk.navigator.current_screen


def _type(qtbot, kiosk, text: str) -> None:
    for char in text:
        name = "space" if char == " " else key_name(char)
        qtbot.mouseClick(_button(kiosk, f"key-{name}"), Qt.MouseButton.LeftButton)


def _field(kiosk) -> QLineEdit:
    return kiosk.window.findChild(QLineEdit, "search-field")


def _visible_results(screen) -> list[BigButton]:
    return [b for b in screen.results.buttons if b.isVisibleTo(screen)]


def test_tapping_w_o_h_n_shows_wohngeld_and_tapping_it_opens_its_service_page(qtbot, kiosk):
    _ensure_screen(kiosk, ScreenId.SERVICE)
    screen = _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "wohn")
    assert _field(kiosk).text() == "wohn"
    wohngeld = next(s for s in kiosk.store.search("wohngeld", "de", 10) if s.title["de"] == "Wohngeld")
    row = _button(kiosk, f"item-{wohngeld.id}")
    assert row in _visible_results(screen) and row.text() == "Wohngeld"
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.SERVICE
    assert kiosk.flow.current.params == {"service_id": wohngeld.id}
    # and the service page itself shows Wohngeld
    title = kiosk.navigator.current_screen.findChild(QLabel, "service-title")
    assert title is not None and title.text() == "Wohngeld"


def test_typing_wohngelt_with_a_typo_puts_wohngeld_first(qtbot, kiosk):
    # GIVEN Home WHEN the visitor taps Suche and types "wohngelt" on the screen keyboard
    screen = _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "wohngelt")
    # THEN the first result row is Wohngeld (one letter off, still found and ranked first)
    rows = _visible_results(screen)
    assert rows and rows[0].text() == "Wohngeld"
    assert not screen.no_match.isVisibleTo(screen)


def test_results_follow_every_keystroke_and_never_exceed_the_row_limit(qtbot, kiosk):
    screen = _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "w")
    after_w = [b.objectName() for b in _visible_results(screen)]
    _type(qtbot, kiosk, "ohngeld")
    after_word = [b.objectName() for b in _visible_results(screen)]
    assert 1 <= len(after_word) <= len(after_w) <= len(screen.results.buttons)


def test_xyzzy_shows_the_calm_help_panel_with_three_choices(qtbot, kiosk):
    screen = _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "xyzzy")
    assert _visible_results(screen) == []
    assert screen.no_match.isVisibleTo(screen)
    assert screen.no_match_title.text() == "Dazu haben wir nichts gefunden."
    for name in ("search-browse", "search-infothek", "search-lotse"):
        assert _button(kiosk, name).isVisibleTo(screen)


def test_a_miss_with_fewer_than_three_letters_only_asks_to_keep_typing(qtbot, kiosk):
    screen = _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "xq")
    assert not screen.no_match.isVisibleTo(screen)
    assert screen.hint.isVisibleTo(screen)


def test_no_match_choice_all_life_situations_opens_the_situation_grid(qtbot, kiosk):
    _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "xyzzy")
    qtbot.mouseClick(_button(kiosk, "search-browse"), Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.SITUATIONS


@pytest.mark.parametrize(("button", "meta_field"), [("search-infothek", "infothek_id"), ("search-lotse", "lotse_id")])
def test_no_match_choice_opens_the_office_card_of_infothek_or_lotse(qtbot, kiosk, button, meta_field):
    _ensure_screen(kiosk, ScreenId.OFFICE)
    _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "xyzzy")
    qtbot.mouseClick(_button(kiosk, button), Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.OFFICE
    assert kiosk.flow.current.params == {"office_id": getattr(kiosk.store.meta(), meta_field)}


def test_backspace_removes_the_last_letter(qtbot, kiosk):
    _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "wohx")
    qtbot.mouseClick(_button(kiosk, "key-backspace"), Qt.MouseButton.LeftButton)
    assert _field(kiosk).text() == "woh"


def test_clear_empties_the_field_and_the_results(qtbot, kiosk):
    screen = _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "wohn")
    qtbot.mouseClick(_button(kiosk, "key-clear"), Qt.MouseButton.LeftButton)
    assert _field(kiosk).text() == ""
    assert _visible_results(screen) == [] and screen.hint.isVisibleTo(screen)


def test_umlaut_and_sharp_s_keys_insert_their_letters(qtbot, kiosk):
    _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "äöüß ")
    assert _field(kiosk).text() == "äöüß "


def test_leaving_with_start_and_coming_back_shows_an_empty_field(qtbot, kiosk):
    screen = _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "wohn")
    qtbot.mouseClick(kiosk.window.navbar.home_button, Qt.MouseButton.LeftButton)
    assert screen.keyboard.text() == "" and _field(kiosk).text() == ""
    _open_search(qtbot, kiosk)
    assert _field(kiosk).text() == "" and _visible_results(screen) == []


def test_idle_end_of_session_wipes_the_typed_text(qtbot, kiosk):
    screen = _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, "miete")
    kiosk.idle.expire_now()
    assert screen.keyboard.text() == "" and _field(kiosk).text() == ""


def test_every_key_is_at_least_80_px_and_12_px_apart_at_1080p(qtbot, kiosk):
    screen = _open_search(qtbot, kiosk)
    qtbot.waitUntil(lambda: screen.keyboard.height() > 0)
    keys = list(screen.keyboard.keys.values())
    assert all(k.width() >= 80 and k.height() >= 80 for k in keys), [(k.objectName(), k.size()) for k in keys]
    q, w, a = (screen.keyboard.keys[c] for c in "qwa")
    assert w.geometry().left() - q.geometry().right() - 1 >= 12
    assert a.geometry().top() - q.geometry().bottom() - 1 >= 12


def test_keyboard_keeps_its_keys_left_to_right_in_arabic(qtbot, kiosk):
    # GIVEN the search screen WHEN the visitor switches to Arabic (the app mirrors)
    screen = _open_search(qtbot, kiosk)
    kiosk.window.set_language("ar")
    keys = screen.keyboard.keys
    # THEN the keys are Arabic letters, in the order of an Arabic keyboard's top row, left to right
    qtbot.waitUntil(lambda: keys["ض"].x() != keys["ص"].x())
    assert keys["ض"].x() < keys["ص"].x() < keys["ث"].x()
    assert "q" not in keys


@pytest.mark.parametrize(
    ("lang", "typed", "first"),
    [
        ("ru", "жилищ", "Жилищное пособие (Wohngeld)"),
        ("uk", "житлова", "Житлова допомога (Wohngeld)"),
        ("ar", "السكن", "بدل السكن (Wohngeld)"),
        ("tr", "sığınmacı", "Sığınmacılara yönelik yardımlar"),
    ],
)
def test_a_visitor_types_in_the_script_of_their_language_and_finds_the_service(qtbot, kiosk, lang, typed, first):
    # GIVEN Home in the visitor's language WHEN they open Suche and type a word of their own
    kiosk.window.set_language(lang)
    screen = _open_search(qtbot, kiosk)
    _type(qtbot, kiosk, typed)
    # THEN the field shows it and the service they meant comes first
    assert _field(kiosk).text() == typed
    rows = _visible_results(screen)
    assert rows and rows[0].text() == first


def test_no_result_hook_runs_once_per_miss_and_never_sees_the_query(qtbot, kiosk):
    # GIVEN a search screen whose owner counts searches without result
    from kiosk.screens.search import SearchScreen

    calls: list[tuple] = []
    screen = SearchScreen(kiosk.tr, kiosk.store, lambda *args: calls.append(args))
    qtbot.addWidget(screen)
    screen.enter({})
    # WHEN the visitor types a miss, keeps typing, then clears and misses again
    for text in ("xyz", "xyzz", "xyzzy", "", "qqq"):
        screen.keyboard.set_text(text)
    # THEN the hook ran once per miss, without arguments
    assert calls == [(), ()]
