"""Every screen, in every language and accessibility mode: nothing clipped, all reachable.

The acceptance check of the languages/accessibility issue, run over whatever screens the
composition root registers (new screens are covered automatically).
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from kiosk.flow import Place, ScreenId
from kiosk.i18n import LANGUAGES
from kiosk.ui import theme
from kiosk.ui.fit import clipped_texts, settle

MODES = {
    "standard": {},
    "large": {"large_text": True},
    "contrast": {"high_contrast": True},
    "low": {"low_position": True},
    "large-low": {"large_text": True, "low_position": True},
}


def _places(kiosk):
    for screen_id, spec in kiosk.specs.items():
        if screen_id in (ScreenId.ADMIN,):
            continue
        for variant, params in spec.cls.screenshot_params(kiosk.store):
            yield f"{screen_id.value}{'-' + variant if variant else ''}", Place(screen_id, params)


def _show(kiosk, place: Place) -> None:
    kiosk.flow.current = place
    kiosk.navigator.show_place(place)
    settle()


def _shown(kiosk):
    """Every screen variant, then each overlay over the last of them; yields the name of
    what is on view (the window's own overlays are covered like screens)."""
    for name, place in _places(kiosk):
        _show(kiosk, place)
        yield name
    window = kiosk.window
    for name, overlay in (("language_overlay", window.language_overlay), ("idle_warning", window.idle_overlay)):
        if overlay is window.idle_overlay:
            overlay.set_seconds(kiosk.idle.warning_s)
        window.show_overlay(overlay)
        settle()
        yield name
        overlay.hide()


def _grown(kiosk, name: str, size: tuple[int, int]) -> list[str]:
    """A screen whose minimum is larger than the screen makes an offscreen window grow
    (a real fullscreen one would squeeze and overlap instead): that is clipping too."""
    have = kiosk.window.size().toTuple()
    return [] if have == size else [f"{name}: the window grew from {size} to {have}"]


# Every language runs in the standard look and in the tightest geometry (large text in
# the low-position area). High contrast changes only colours, and large or low alone are
# looser than both together, so each single mode is checked once, in German.
SWEEP = [(lang.code, mode) for lang in LANGUAGES for mode in ("standard", "large-low")]
SWEEP += [("de", mode) for mode in ("large", "contrast", "low")]


@pytest.mark.parametrize(("lang", "mode"), SWEEP)
def test_no_text_is_clipped(kiosk, lang, mode):
    kiosk.window.set_language(lang)
    kiosk.window.set_modes(**MODES[mode])
    problems = []
    for name in _shown(kiosk):
        problems += [f"{name}: {p}" for p in clipped_texts(kiosk.window)]
        problems += _grown(kiosk, name, (1920, 1080))
    assert problems == []


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 600), (1080, 1920)])
def test_no_text_is_clipped_on_small_and_portrait_screens(kiosk, size):
    kiosk.window.resize(*size)
    QApplication.processEvents()
    problems = []
    for name in _shown(kiosk):
        problems += [f"{name}: {p}" for p in clipped_texts(kiosk.window)]
        problems += _grown(kiosk, name, size)
    assert problems == []


def test_low_position_keeps_every_control_in_the_lower_sixty_percent(kiosk):
    kiosk.window.set_modes(low_position=True)
    window = kiosk.window
    too_high = []
    for name in _shown(kiosk):
        for button in window.findChildren(QAbstractButton):
            if button.isVisible() and button.window() is window:
                top = button.mapTo(window, button.rect().topLeft()).y()
                if top < window.height() * 0.4 - 1:
                    too_high.append(f"{name}: {button.objectName()} at y={top}")
    assert too_high == []


def test_every_interactive_widget_is_at_least_80_px_at_1080p(kiosk):
    small = []
    for name in _shown(kiosk):
        for button in kiosk.window.findChildren(QAbstractButton):
            if button.isVisible() and min(button.width(), button.height()) < 80:
                small.append(f"{name}: {button.objectName()} {button.width()}x{button.height()}")
    assert small == []


def _reachable_buttons(window) -> dict[str, QRect]:
    """Each button a finger can reach now (its centre is not under an overlay or a panel),
    by name, as the part of it on screen, in window coordinates."""
    found = {}
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window or button.visibleRegion().isEmpty():
            continue
        rect = button.visibleRegion().boundingRect().translated(button.mapTo(window, QPoint(0, 0)))
        top = window.childAt(rect.center())
        if top is button or (top is not None and button.isAncestorOf(top)):
            found[button.objectName() or button.text()] = rect
    return found


def _gap(a: QRect, b: QRect) -> int | None:
    """Pixels between two rectangles side by side or one above the other; None otherwise."""
    if a.top() <= b.bottom() and b.top() <= a.bottom():
        return max(b.left() - a.right(), a.left() - b.right()) - 1
    if a.left() <= b.right() and b.left() <= a.right():
        return max(b.top() - a.bottom(), a.top() - b.bottom()) - 1
    return None


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 600)])
def test_touch_targets_are_at_least_12_px_apart(kiosk, size):
    """Two buttons 6 px apart (Qt's default spacing) let a finger between them hit either."""
    kiosk.window.resize(*size)
    QApplication.processEvents()
    close = []
    for name in _shown(kiosk):
        buttons = _reachable_buttons(kiosk.window)
        for (a, ra), (b, rb) in itertools.combinations(buttons.items(), 2):
            gap = _gap(ra, rb)
            if gap is not None and gap < 12:
                close.append(f"{name}: {a} and {b} {gap} px apart")
    assert close == []


def _families(label: QLabel) -> set[str]:
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


@pytest.mark.parametrize("lang", ["de", "ar", "ru", "tr"])
def test_every_text_is_set_in_the_bundled_fonts(kiosk, lang):
    """Nothing may depend on the PC's fonts: a label polished before the first look once
    kept the default family, and Arabic fell back to the system's DejaVu Sans."""
    kiosk.window.set_language(lang)
    bundled = {theme.FONT_FAMILY, *theme.FALLBACK_FAMILIES}
    foreign = set()
    for name in _shown(kiosk):
        for label in kiosk.window.findChildren(QLabel):
            if label.isVisible() and label.text().strip() and not _families(label) <= bundled:
                foreign.add(f"{name}: {label.text()[:30]!r} in {sorted(_families(label) - bundled)}")
    assert sorted(foreign) == []
