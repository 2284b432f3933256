"""The window's one application-wide filter: kiosk key rules, no context menus, idle reset.

It lets everything but input events through untouched (that is what makes it cheap), so
these check that input still gets its kiosk treatment, wherever it is sent.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.flow import ScreenId
from kiosk.ui.widgets import BigButton

MODIFIER_KEYS = {Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Shift, Qt.Key.Key_Meta}


class Recorder(QWidget):
    """A widget inside the kiosk that notes what reaches it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.keys: list[int] = []
        self.menus = 0

    def keyPressEvent(self, event) -> None:
        if event.key() not in MODIFIER_KEYS:  # QTest presses Ctrl/Alt on their own first
            self.keys.append(event.key())

    def contextMenuEvent(self, event) -> None:
        self.menus += 1


def test_no_context_menu_reaches_a_widget(qtbot, kiosk):
    recorder = Recorder(kiosk.window.navigator.current_screen)
    QApplication.sendEvent(recorder, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(1, 1), QPoint(1, 1)))
    assert recorder.menus == 0


def test_closing_keys_are_swallowed_and_other_keys_arrive(qtbot, kiosk):
    recorder = Recorder(kiosk.window.navigator.current_screen)
    for key, mods in (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier),
    ):
        qtbot.keyClick(recorder, key, mods)
    qtbot.keyClick(recorder, Qt.Key.Key_A)
    qtbot.keyClick(recorder, Qt.Key.Key_Q, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert recorder.keys == [Qt.Key.Key_A, Qt.Key.Key_Q]  # Ctrl+Shift+Q is no closing key


def test_a_tap_anywhere_restarts_the_idle_wait_but_not_during_the_countdown(qtbot, kiosk):
    idle = kiosk.idle
    idle._idle.stop()  # as if the wait were over: a tap must start it again
    qtbot.mouseClick(kiosk.window.findChild(BigButton, "home-find"), Qt.MouseButton.LeftButton)
    assert kiosk.flow.current.screen is ScreenId.SITUATIONS and idle._idle.isActive()
    idle._idle.stop()
    qtbot.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(400, 400))
    assert idle._idle.isActive()
    qtbot.waitUntil(lambda: kiosk.window.idle_overlay.isVisible(), timeout=3000)
    qtbot.mouseClick(kiosk.window.navbar.contrast_button, Qt.MouseButton.LeftButton)
    assert idle.warning and not idle._idle.isActive()  # only "Weiter" ends the countdown


def test_a_stopped_idle_watcher_ignores_input(qtbot, kiosk):
    kiosk.idle.stop()
    qtbot.mouseClick(kiosk.window.findChild(BigButton, "home-find"), Qt.MouseButton.LeftButton)
    assert not kiosk.idle._idle.isActive()
