"""One way for tests to tap a button as a visitor would: scrolled into view, then clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea


def tap(qtbot, kiosk, name: str) -> None:
    """Tap the visible, enabled button called ``name``.

    The kinetic scroller swallows a press right after the last one (a person's taps are far
    slower), so we wait after scrolling. The offscreen platform's screen is 800x600 and the
    scroller re-delivers a held press at its global position, which is lost outside that
    screen: the 1920x1080 window is shifted for the tap until the button lies on it.
    """
    button = kiosk.window.findChild(QAbstractButton, name)
    assert button is not None and button.isVisible() and button.isEnabled(), name
    area = button.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None:
        area.ensureWidgetVisible(button)
        qtbot.wait(200)
    window = kiosk.window
    home = window.pos()
    centre = button.mapTo(window, button.rect().center())
    window.move(home.x() + min(0, 400 - centre.x()), home.y() + min(0, 300 - centre.y()))
    QApplication.processEvents()
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finally:
        window.move(home)
        QApplication.processEvents()
