"""The overlays (language choice, idle warning): a panel in the middle of a dimmed window,
sized to its content, fitting every screen size and mode; a tap beside it is an answer."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.flow import ScreenId
from kiosk.ui.fit import clipped_texts, settle

SIZES = [(1920, 1080), (1024, 600), (1080, 1920)]
MODES = {"standard": {}, "large-low": {"large_text": True, "low_position": True}}


def _overlays(window):
    return {"language_overlay": window.language_overlay, "idle_warning": window.idle_overlay}


def _on_view(kiosk, name: str):
    window = kiosk.window
    overlay = _overlays(window)[name]
    if name == "idle_warning":
        overlay.set_seconds(kiosk.idle.warning_s)
    window.show_overlay(overlay)
    settle()
    return overlay


def _overlapping(buttons: list[QAbstractButton], root) -> list[str]:
    rects = {b.objectName() or b.text(): QRect(b.mapTo(root, QPoint(0, 0)), b.size()) for b in buttons}
    return [f"{a} and {b}" for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2) if ra.intersects(rb)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("lang", ["de", "ar", "uk"])
def test_each_overlay_fits_its_area_unclipped_and_unsqueezed(kiosk, size, mode, lang):
    window = kiosk.window
    window.resize(*size)
    window.set_language(lang)
    window.set_modes(**MODES[mode])
    QApplication.processEvents()
    top = round(window.height() * 0.4) if mode == "large-low" else 0
    problems = []
    for name in _overlays(window):
        overlay = _on_view(kiosk, name)
        panel = QRect(overlay.panel.mapTo(window, QPoint(0, 0)), overlay.panel.size())
        if not QRect(0, top, window.width(), window.height() - top).contains(panel):
            problems.append(f"{name}: panel {panel} outside the area below y={top}")
        if overlay.geometry() != window.rect():
            problems.append(f"{name}: the scrim does not cover the window")
        buttons = [b for b in overlay.panel.findChildren(QAbstractButton) if b.isVisible()]
        problems += [f"{name}: {b} overlap" for b in _overlapping(buttons, window)]
        low = [b for b in buttons if b.height() < window.metrics.touch]
        problems += [f"{name}: {b.objectName()} {b.height()} px high" for b in low]
        problems += [f"{name}: {c}" for c in clipped_texts(overlay)]
        overlay.hide()
    assert problems == []


def _tap(widget, at: QPoint) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def test_a_tap_beside_the_language_panel_closes_it_and_keeps_the_place(qtbot, kiosk):
    qtbot.mouseClick(kiosk.window.findChild(QAbstractButton, "home-find"), Qt.MouseButton.LeftButton)
    overlay = _on_view(kiosk, "language_overlay")
    _tap(overlay, QPoint(overlay.panel.x() + overlay.panel.width() // 2, overlay.panel.y() - 5))
    assert not overlay.isVisible()
    assert kiosk.flow.current.screen is ScreenId.SITUATIONS and kiosk.tr.code == "de"


def test_a_tap_on_the_panel_itself_is_not_a_tap_beside_it(kiosk):
    overlay = _on_view(kiosk, "language_overlay")
    title = overlay.title
    _tap(title, title.rect().center())
    assert overlay.isVisible()


def test_a_tap_beside_the_idle_warning_keeps_the_session(qtbot, kiosk):
    qtbot.mouseClick(kiosk.window.findChild(QAbstractButton, "home-find"), Qt.MouseButton.LeftButton)
    overlay = kiosk.window.idle_overlay
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    _tap(overlay, QPoint(5, 5))
    assert not overlay.isVisible() and not kiosk.idle.warning
    assert kiosk.flow.current.screen is ScreenId.SITUATIONS
