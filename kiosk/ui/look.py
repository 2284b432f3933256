"""The window's look: sizes from the window's size and the visitor's modes, colours, the
reading direction, and touch spacing for every button.

Re-styling re-polishes every widget of every built screen and costs memory each time Qt does
it, so the look is applied only when sizes or colours changed; a switch to or from Arabic
only turns the layout direction. Screens not on view get the look when they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.flow import Flow
from kiosk.i18n import Translator
from kiosk.ui import theme
from kiosk.ui.navbar import NavBar
from kiosk.ui.navigator import Navigator
from kiosk.ui.spacing import space_touch_targets
from kiosk.ui.speech import ReadAloud
from kiosk.ui.widgets import BigButton

REACH_SHARE = 0.4  # low position: the top 40 % stays empty, controls sit below


class Look:
    def __init__(
        self,
        window: QWidget,
        flow: Flow,
        tr: Translator,
        navbar: NavBar,
        navigator: Navigator,
        read_aloud: ReadAloud,
        reach_spacer: QWidget,
        page: QWidget,
    ) -> None:
        self.window, self.flow, self.tr_, self.navbar = window, flow, tr, navbar
        self.navigator, self.read_aloud, self.reach_spacer = navigator, read_aloud, reach_spacer
        self.page = page  # holds every built screen: each gets the look when it is shown
        self.metrics = theme.Metrics(1.0)
        self.palette = theme.STANDARD
        self.key: tuple | None = None  # (metrics, palette, rtl) last applied; None before the first

    @property
    def applied(self) -> bool:
        return self.key is not None

    def apply(self) -> None:
        """The session's look on the window, the nav bar, the overlays and the screen on view;
        any other screen gets it when it is shown, so a mode switch does not restyle them all."""
        window, session = self.window, self.flow.session
        size = window.size() if window.isVisible() or window.width() > 200 else window.screen().size()
        self.metrics = theme.Metrics(
            theme.scale_for(size.width(), size.height()), theme.LARGE_TEXT_FACTOR if session.large_text else 1.0
        )
        self.palette = theme.HIGH_CONTRAST if session.high_contrast else theme.STANDARD
        rtl = self.tr_.language.rtl
        key = (self.metrics, self.palette, rtl)
        first = self.key is None
        if key != self.key:
            app = QApplication.instance()
            if self.key is None or key[:2] != self.key[:2]:
                theme.apply_font(app, self.metrics)
                window.setStyleSheet(theme.stylesheet(self.palette, self.metrics))
            if self.key is None or rtl != self.key[2]:
                app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            self.key = key
            self.navbar.set_direction(rtl)
        self.navbar.set_modes(session.large_text, session.high_contrast, session.low_position)
        self.navbar.speak_button.setVisible(self.read_aloud.available_for(self.tr_.language, probe=not first))
        window.layout().setContentsMargins(*(self.metrics.gap,) * 4)
        window.layout().setSpacing(self.metrics.gap)
        self.apply_reach()
        self.navbar.retranslate()
        self.navigator.retranslate_current()
        for root in window.children():
            if isinstance(root, QWidget) and root is not self.page:
                self.theme_buttons(root)
        if self.navigator.current_screen is not None:
            self.theme_buttons(self.navigator.current_screen)
        self.navbar._two_rows = None  # sizes may have changed: decide the rows anew
        self.navbar.relayout()

    def theme_buttons(self, root: QWidget) -> None:
        """Give every BigButton under ``root`` its colours, icon size and touch height, and
        every layout that places them the theme's gap (kiosk.ui.spacing)."""
        p, m = self.palette, self.metrics
        colours = theme.button_text_colours(p)
        for button in root.findChildren(BigButton):
            normal, active = colours[button.tone]
            if button.vertical:
                button.apply_theme(normal, active, m.px(110), max(m.touch, m.px(240)), self.key)
            else:
                button.apply_theme(normal, active, m.px(48), m.touch, self.key)
        space_touch_targets(root, m.gap)

    def apply_reach(self) -> None:
        self.reach_spacer.setVisible(self.flow.session.low_position)
        self.reach_spacer.setFixedHeight(round(self.window.height() * REACH_SHARE))

    def overlay_top(self) -> int:
        """Where an overlay's area starts: below the empty band in the low position."""
        margin = self.metrics.px(60)
        return round(self.window.height() * REACH_SHARE) if self.flow.session.low_position else margin
