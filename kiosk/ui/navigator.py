"""Owns the QStackedWidget: asks the flow where an action leads and shows that screen.

Screens are built on first use (fast start) from factories the composition root gives;
the Navigator is the only place that turns a screen's choice into a screen change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QWidget

from kiosk.flow import Action, Flow, Place, ScreenId
from kiosk.ui.screen import Screen

log = logging.getLogger(__name__)
ScreenFactory = Callable[[], Screen]


class Navigator(QStackedWidget):
    place_changed = Signal(object)  # Place

    def __init__(self, flow: Flow, factories: Mapping[ScreenId, ScreenFactory], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.factories = dict(factories)
        self.screens: dict[ScreenId, Screen] = {}
        self._policies: dict[Screen, QSizePolicy] = {}

    def screen(self, screen_id: ScreenId) -> Screen:
        if screen_id not in self.screens:
            screen = self.factories[screen_id]()
            screen.chosen.connect(self._on_chosen)
            screen.go_home.connect(self.home)
            screen.go_back.connect(self.back)
            self._policies[screen] = screen.sizePolicy()
            self.addWidget(screen)
            self.screens[screen_id] = screen
        return self.screens[screen_id]

    @property
    def current_screen(self) -> Screen | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def show_place(self, place: Place) -> Screen:
        previous = self.current_screen
        screen = self.screen(place.screen)
        if previous is not None and previous is not screen:
            previous.on_leave()
            # QStackedLayout sizes by every page; an ignored one adds nothing, so the page
            # scrolls by the screen on view only (after Home in Arabic at 1024x600 every
            # later screen scrolled by Home's height)
            previous.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        screen.setSizePolicy(self._policies[screen])
        screen.enter(place.params)
        self.setCurrentWidget(screen)
        self.place_changed.emit(place)
        return screen

    def _on_chosen(self, action: Action, params: Mapping[str, Any]) -> None:
        self.show_place(self.flow.go(action, **params))

    def go(self, action: Action, **params: Any) -> Screen:
        return self.show_place(self.flow.go(action, **params))

    def back(self) -> None:
        self.show_place(self.flow.back())

    def home(self) -> None:
        self.show_place(self.flow.home())

    def hasHeightForWidth(self) -> bool:
        """No: QStackedLayout answers with the tallest of *all* built screens, and the page's
        scroll area would size every screen to that (a short screen would scroll)."""
        return False

    def retranslate_current(self) -> None:
        if self.current_screen is not None:
            self.current_screen.retranslate()

    def wipe(self) -> None:
        """End of a visitor session: every built screen drops what it held."""
        for screen in self.screens.values():
            screen.on_leave()
