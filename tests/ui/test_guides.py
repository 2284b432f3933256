"""Guides: journeys through every path of every guide, Zurück, staff help, language."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from kiosk.content import guide_walk
from kiosk.content.model import localized
from kiosk.content.source import load_files, read_source_dir
from kiosk.flow import Action, ScreenId
from kiosk.paths import default_content_dir
from kiosk.ui.widgets import BigButton, WrapLabel
from tests.ui.conftest import GUIDE_CONTENT

from .taps import tap as _tap


def _content():
    files = read_source_dir(default_content_dir())
    files.update(read_source_dir(GUIDE_CONTENT))
    return load_files(files)


PATHS = [(g.id, path) for g in _content().guides for path in guide_walk.all_paths(g)]


def _label(kiosk, name: str) -> str:
    return kiosk.navigator.current_screen.findChild(WrapLabel, name).text()


def _open_guide(qtbot, kiosk, guide_id: str) -> None:
    _tap(qtbot, kiosk, "home-online")
    _tap(qtbot, kiosk, "online-guides")
    assert kiosk.flow.current.screen is ScreenId.GUIDES
    _tap(qtbot, kiosk, f"item-{guide_id}")
    assert kiosk.flow.current.screen is ScreenId.GUIDE


def _button_towards(step, target: str) -> str:
    if not step.is_question:
        return "guide-next"
    return "guide-yes" if step.yes_id == target else "guide-no"


@pytest.mark.parametrize(("guide_id", "path"), PATHS, ids=["/".join([g, *p]) for g, p in PATHS])
def test_every_path_of_every_guide_shows_each_step_and_ends_in_a_printed_checklist(
    qtbot, guide_kiosk, prints, guide_id, path
):
    # GIVEN the guide opened from Home
    kiosk = guide_kiosk
    guide = kiosk.store.guide(guide_id)
    _open_guide(qtbot, kiosk, guide_id)
    # WHEN the visitor taps through this path (Weiter, or Ja/Nein at each question)
    for number, step_id in enumerate(path, start=1):
        step = guide.step(step_id)
        # THEN each step shows its title, text and "Schritt n von m"
        assert _label(kiosk, "guide-step-title") == localized(step.title, "de")
        assert _label(kiosk, "guide-step-text") == localized(step.text, "de")
        assert _label(kiosk, "guide-progress").startswith(f"Schritt {number} von ")
        if number < len(path):
            _tap(qtbot, kiosk, _button_towards(step, path[number]))
    # AND the last step offers the checklist and the guide's QR code
    screen = kiosk.navigator.current_screen
    assert screen.qr.isVisible() and screen.qr.url() == guide.url
    assert not screen.next_step.isVisible()
    _tap(qtbot, kiosk, "guide-print")
    assert _label(kiosk, "guide-print-status") == "Wird gedruckt ..."
    qtbot.waitUntil(lambda: "Checkliste" in _label(kiosk, "guide-print-status"), timeout=5000)
    # AND the printed PDF carries the guide's link
    [pdf] = prints.glob("*.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert guide.url in text


def test_the_step_count_on_the_last_step_equals_the_step_number(qtbot, guide_kiosk):
    # GIVEN the longest path of a branching guide
    guide = next(g for g in guide_kiosk.store.guides() if any(s.is_question for s in g.steps))
    shortest = min(guide_walk.all_paths(guide), key=len)
    _open_guide(qtbot, guide_kiosk, guide.id)
    # WHEN the visitor takes the shortest path
    for i, step_id in enumerate(shortest[:-1]):
        _tap(qtbot, guide_kiosk, _button_towards(guide.step(step_id), shortest[i + 1]))
    # THEN the end says "Schritt n von n": the total shrank, it never grew
    n = len(shortest)
    assert _label(guide_kiosk, "guide-progress") == f"Schritt {n} von {n}"


def test_zurueck_after_nein_returns_to_the_question(qtbot, guide_kiosk):
    # GIVEN a guide whose path starts with a question somewhere
    guide = next(g for g in guide_kiosk.store.guides() if any(s.is_question for s in g.steps))
    path = guide_walk.path_to(guide, next(s.id for s in guide.steps if s.is_question))
    _open_guide(qtbot, guide_kiosk, guide.id)
    for i, step_id in enumerate(path[:-1]):
        _tap(qtbot, guide_kiosk, _button_towards(guide.step(step_id), path[i + 1]))
    question = guide.step(path[-1])
    _tap(qtbot, guide_kiosk, "guide-no")
    assert _label(guide_kiosk, "guide-step-title") == localized(guide.step(question.no_id).title, "de")
    # WHEN the visitor taps Zurück
    _tap(qtbot, guide_kiosk, "guide-back")
    # THEN the question is shown again, with Ja/Nein
    assert _label(guide_kiosk, "guide-question") == localized(question.question, "de")
    assert guide_kiosk.navigator.current_screen.yes.isVisible()


def test_zurueck_on_the_first_step_leaves_the_guide(qtbot, guide_kiosk):
    # GIVEN the first step of a guide opened from the list
    _open_guide(qtbot, guide_kiosk, guide_kiosk.store.guides()[0].id)
    # WHEN the visitor taps Zurück
    _tap(qtbot, guide_kiosk, "guide-back")
    # THEN the list of guides is shown, as with the nav bar's Back
    assert guide_kiosk.flow.current.screen is ScreenId.GUIDES


def test_hilfe_vom_personal_shows_where_staff_are_and_closes_with_one_tap(qtbot, guide_kiosk):
    # GIVEN a guide step
    _open_guide(qtbot, guide_kiosk, guide_kiosk.store.guides()[0].id)
    screen = guide_kiosk.navigator.current_screen
    # WHEN the visitor taps "Hilfe vom Personal"
    _tap(qtbot, guide_kiosk, "guide-staff-help")
    # THEN the content's staff help text and the Infothek's room are shown
    assert screen.staff_panel.isVisible()
    assert _label(guide_kiosk, "staff-help-text") == localized(guide_kiosk.store.meta().staff_help, "de")
    assert guide_kiosk.store.infothek().room in _label(guide_kiosk, "staff-help-place")
    # AND one tap anywhere on the panel closes it
    qtbot.mouseClick(screen.staff_panel, Qt.MouseButton.LeftButton)
    assert not screen.staff_panel.isVisible()


def test_switching_language_inside_a_guide_keeps_the_current_step(qtbot, guide_kiosk):
    # GIVEN the second step of a guide
    guide = guide_kiosk.store.guide("probe-online-ausweis")
    _open_guide(qtbot, guide_kiosk, guide.id)
    _tap(qtbot, guide_kiosk, "guide-next")
    step = guide.step(guide.step(guide.first_step_id).next_id)
    # WHEN the visitor picks English
    qtbot.mouseClick(guide_kiosk.window.navbar.language_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(guide_kiosk.window.language_overlay.findChild(BigButton, "lang-en"), Qt.MouseButton.LeftButton)
    # THEN the same step is shown, in English
    assert guide_kiosk.flow.current.screen is ScreenId.GUIDE
    assert guide_kiosk.navigator.current_screen.path == [guide.first_step_id, step.id]
    assert _label(guide_kiosk, "guide-step-title") == localized(step.title, "en") != localized(step.title, "de")


def test_arrows_point_the_other_way_in_arabic(qtbot, guide_kiosk):
    # GIVEN a guide step WHEN the language is Arabic (right to left)
    _open_guide(qtbot, guide_kiosk, guide_kiosk.store.guides()[0].id)
    guide_kiosk.window.set_language("ar")
    screen = guide_kiosk.navigator.current_screen
    # THEN "Weiter" points left and "Zurück" points right
    assert (screen.next_step.icon_name, screen.back_step.icon_name) == ("arrow_back", "arrow_forward")


def test_leaving_the_guide_wipes_the_path(qtbot, guide_kiosk):
    # GIVEN a visitor two steps into a guide
    guide = guide_kiosk.store.guide("probe-bundid")
    _open_guide(qtbot, guide_kiosk, guide.id)
    _tap(qtbot, guide_kiosk, "guide-next")
    screen = guide_kiosk.navigator.current_screen
    # WHEN they go Home
    qtbot.mouseClick(guide_kiosk.window.navbar.home_button, Qt.MouseButton.LeftButton)
    # THEN the guide screen holds nothing of their path
    assert screen.path == []


def test_a_step_picture_is_shown_for_svg_and_png(qtbot, guide_kiosk):
    # GIVEN steps with an SVG and a PNG picture
    guide = guide_kiosk.store.guide("probe-online-ausweis")
    for step in (s for s in guide.steps if s.image):
        # WHEN the step is shown
        guide_kiosk.navigator.go(Action.PICK_GUIDE, guide_id=guide.id, step_id=step.id)
        picture = guide_kiosk.navigator.current_screen.picture
        # THEN a picture is drawn
        assert picture.isVisible() and not picture.pixmap().isNull(), step.image
