"""The kiosk window: screens above, the nav bar below, overlays on top.

The window refuses to close (only the staff exit sets ``allow_close``) and installs the
input rules (``kiosk.ui.input_rules``: idle, closing keys, context menus, the staff entry).
Its parts: the look (``kiosk.ui.look``), the overlays (``kiosk.ui.overlay_host``) and the
visitor session applied and wiped (``kiosk.ui.session``). Which screens show the nav bar is
the flow table's rule (``kiosk.flow.SCREENS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.flow import Action, Flow, Place, ScreenId, rules
from kiosk.i18n import Translator
from kiosk.ui import theme
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.input_rules import InputRules
from kiosk.ui.look import Look
from kiosk.ui.navbar import NavBar
from kiosk.ui.navigator import Navigator
from kiosk.ui.overlay_host import OverlayHost
from kiosk.ui.session import SessionKeeper
from kiosk.ui.speech import ReadAloud

if TYPE_CHECKING:
    from kiosk.ui.idle_overlay import IdleOverlay
    from kiosk.ui.language_overlay import LanguageOverlay
    from kiosk.ui.overlay import Overlay


class KioskWindow(QWidget):
    def __init__(
        self, flow: Flow, tr: Translator, navigator: Navigator, idle: IdleWatcher, read_aloud: ReadAloud
    ) -> None:
        super().__init__()
        self.flow, self.tr_, self.navigator, self.idle = flow, tr, navigator, idle
        self.read_aloud = read_aloud
        self.allow_close = False
        self.setObjectName("kiosk-window")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setWindowTitle("Bürgerservice-Terminal")
        self.reach_spacer = QWidget()  # low-position mode: keeps controls in the lower 60 %
        self.reach_spacer.hide()
        self.navbar = NavBar(tr)
        self.page = self._page(navigator)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reach_spacer)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.navbar)

        self.look = Look(self, flow, tr, self.navbar, navigator, read_aloud, self.reach_spacer, self.page)
        self.overlays = OverlayHost(self, tr, self.look, self._on_language_picked, self._on_resume)
        self.session = SessionKeeper(flow, tr, navigator, idle, self.look, self.overlays, read_aloud)
        self.input_rules = InputRules(self, idle, self.open_staff_entry)
        self._connect()

    @staticmethod
    def _page(navigator: Navigator) -> QScrollArea:
        """The page scrolls when a screen's fixed parts do not fit (large text in the low
        position leaves ~40 % of a 1024x600 screen): the window never grows past the screen,
        and its size never feeds back into the scale of the next look. Only by its scroll
        bar: a second kinetic scroller around the screens' own would take their taps."""
        page = QScrollArea()
        holder = QWidget()  # its layout asks the navigator (no height-for-width), not QStackedLayout
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        holder.layout().addWidget(navigator)
        page.setWidget(holder)
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page.setObjectName("page")
        return page

    def _connect(self) -> None:
        session = self.session
        self.navbar.back.connect(self.navigator.back)
        self.navbar.home.connect(self.navigator.home)
        self.navbar.language.connect(self.show_language_overlay)
        self.navbar.large_text.connect(lambda on: session.set_modes(large_text=on))
        self.navbar.high_contrast.connect(lambda on: session.set_modes(high_contrast=on))
        self.navbar.low_position.connect(lambda on: session.set_modes(low_position=on))
        self.navbar.read_aloud.connect(self.read_current_screen)
        self.navigator.place_changed.connect(self.on_place)
        self.idle.warn.connect(session.idle_warning)
        self.idle.tick.connect(lambda seconds: self.overlays.idle.set_seconds(seconds))
        self.idle.expired.connect(session.end)
        self.tr_.on_change(lambda _lang: self._on_language_changed())

    # --- the parts, as the composition root, the screenshots and the tests reach them ---
    @property
    def metrics(self) -> theme.Metrics:
        return self.look.metrics

    @property
    def palette_(self) -> theme.Palette:
        return self.look.palette

    @property
    def language_overlay(self) -> LanguageOverlay:
        return self.overlays.language

    @property
    def idle_overlay(self) -> IdleOverlay:
        return self.overlays.idle

    def show_overlay(self, overlay: Overlay) -> None:
        self.overlays.show(overlay)

    def show_language_overlay(self) -> None:
        self.overlays.show(self.overlays.language)

    def hide_idle_warning(self) -> None:
        self.overlays.hide_idle()

    def end_session(self) -> None:
        self.session.end()

    def set_modes(
        self, *, large_text: bool | None = None, high_contrast: bool | None = None, low_position: bool | None = None
    ) -> None:
        self.session.set_modes(large_text=large_text, high_contrast=high_contrast, low_position=low_position)

    def set_language(self, code: str) -> None:
        self.session.set_language(code)

    def apply_look(self) -> None:
        self.look.apply()

    def theme_buttons(self, root: QWidget) -> None:
        self.look.theme_buttons(root)

    def refresh_read_aloud(self) -> None:
        """Start the speech engine (if any) and show the read-aloud button where it has a voice."""
        self.navbar.speak_button.setVisible(self.read_aloud.available_for(self.tr_.language))
        self.navbar.relayout()

    # --- events -----------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.input_rules.install_soon()  # once, after the first show

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # The first look waits for the first real size (a window styled for the screen and
        # then resized to 1280x800 would polish every widget twice before Home shows).
        if not self.look.applied or theme.scale_for(self.width(), self.height()) != self.metrics.scale:
            self.apply_look()  # another screen size (or rotation): sizes follow
        self.look.apply_reach()
        self.overlays.place()

    def read_current_screen(self) -> None:
        screen = self.navigator.current_screen
        if screen is not None:
            self.read_aloud.say(screen.main_text(), self.tr_.language)

    def on_place(self, place: Place) -> None:
        """A screen came on view: its look, and the nav bar as the flow table says."""
        self.read_aloud.stop()
        if self.look.applied and self.navigator.current_screen is not None:
            # (before the first look, at the first real size, there is nothing to theme for:
            # Home built at start would render its icons twice)
            self.theme_buttons(self.navigator.current_screen)
        self.navbar.set_on_home(place.screen is ScreenId.HOME)
        self.navbar.setVisible(rules(place.screen).nav_bar)

    def _on_language_changed(self) -> None:
        self.apply_look()
        self.overlays.retranslate()

    def _on_language_picked(self, code: str) -> None:
        self.session.language_picked(code)

    def _on_resume(self) -> None:
        self.session.resume()

    def open_staff_entry(self) -> None:
        if self.flow.current.screen not in (ScreenId.ADMIN_PIN, ScreenId.ADMIN):
            self.navigator.go(Action.STAFF_GESTURE)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()  # Alt+F4 and the window manager cannot close the kiosk
