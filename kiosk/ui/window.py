"""The kiosk window: screens above, the nav bar below, overlays on top.

The window refuses to close (only the admin exit sets ``allow_close``) and installs the
input rules (``kiosk.ui.input_rules``: idle, closing keys, context menus, the staff
entry). The visitor session (language, accessibility modes, place) is applied and wiped
here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.flow import Action, Flow, Place, ScreenId
from kiosk.i18n import Translator
from kiosk.ui import theme
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.input_rules import InputRules
from kiosk.ui.navbar import NavBar
from kiosk.ui.navigator import Navigator
from kiosk.ui.qt_names import set_enum
from kiosk.ui.spacing import space_touch_targets
from kiosk.ui.speech import ReadAloud
from kiosk.ui.widgets import BigButton

if TYPE_CHECKING:
    from kiosk.ui.idle_overlay import IdleOverlay
    from kiosk.ui.language_overlay import LanguageOverlay
    from kiosk.ui.overlay import Overlay


class KioskWindow(QWidget):
    session_ended = Signal()
    returned_home = Signal()

    def __init__(
        self, flow: Flow, tr: Translator, navigator: Navigator, idle: IdleWatcher, read_aloud: ReadAloud
    ) -> None:
        super().__init__()
        self.flow, self.tr_, self.navigator, self.idle = flow, tr, navigator, idle
        self.read_aloud = read_aloud
        self.allow_close = False
        self.metrics = theme.Metrics(1.0)
        self.palette_ = theme.STANDARD
        self._look: tuple | None = None
        self.setObjectName("kiosk-window")
        set_enum(self, "contextMenuPolicy", "NoContextMenu")
        self.setWindowTitle("Bürgerservice-Terminal")

        layout = QVBoxLayout(self)
        self.reach_spacer = QWidget()  # low-position mode: keeps controls in the lower 60 %
        self.reach_spacer.hide()
        self.navbar = NavBar(tr)
        # The page scrolls when a screen's fixed parts do not fit (large text in the low
        # position leaves ~40 % of a 1024x600 screen): the window never grows past the
        # screen, and its size never feeds back into the scale of the next look. Only by
        # its scroll bar: a second kinetic scroller around the screens' own would take
        # their taps.
        self.page = QScrollArea()
        holder = QWidget()  # its layout asks the navigator (no height-for-width), not QStackedLayout
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        holder.layout().addWidget(navigator)
        self.page.setWidget(holder)
        self.page.setWidgetResizable(True)
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        set_enum(self.page, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.page.setObjectName("page")
        layout.addWidget(self.reach_spacer)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.navbar)

        self._idle_overlay: IdleOverlay | None = None  # built at the first warning
        self._language_overlay: LanguageOverlay | None = None  # built when first opened
        self.input_rules = InputRules(self, idle, self.open_staff_entry)
        self._before_home: list[Callable[[], None]] = []

        self.navbar.back.connect(self.navigator.back)
        self.navbar.home.connect(self.navigator.home)
        self.navbar.language.connect(self.show_language_overlay)
        self.navbar.large_text.connect(lambda on: self.set_modes(large_text=on))
        self.navbar.high_contrast.connect(lambda on: self.set_modes(high_contrast=on))
        self.navbar.low_position.connect(lambda on: self.set_modes(low_position=on))
        self.navbar.read_aloud.connect(self.read_current_screen)
        self.navigator.place_changed.connect(self._on_place)
        self.idle.warn.connect(self._on_idle_warning)
        self.idle.tick.connect(lambda seconds: self.idle_overlay.set_seconds(seconds))
        self.idle.expired.connect(self.end_session)
        self.tr_.on_change(lambda _lang: self._on_language_changed())

    @property
    def language_overlay(self) -> LanguageOverlay:
        """The "Sprache" overlay, built on first use: its seven buttons are ~5 ms of start-up."""
        if self._language_overlay is None:
            from kiosk.ui.language_overlay import LanguageOverlay

            overlay = LanguageOverlay(self.tr_, self)
            overlay.picked.connect(self._on_language_picked)
            self._language_overlay = overlay
            self._adopt_overlay(overlay)
        return self._language_overlay

    @property
    def idle_overlay(self) -> IdleOverlay:
        """The idle warning, built at the first one: a panel of four widgets nobody sees
        at start-up."""
        if self._idle_overlay is None:
            from kiosk.ui.idle_overlay import IdleOverlay

            overlay = IdleOverlay(self.tr_, self)
            overlay.resume.connect(self._on_resume)
            self._idle_overlay = overlay
            self._adopt_overlay(overlay)
        return self._idle_overlay

    def _adopt_overlay(self, overlay: Overlay) -> None:
        """A just-built overlay: hidden, in the current look and place (a later look reaches
        it through ``_built_overlays`` and ``theme_buttons``)."""
        overlay.hide()
        if self._look is not None:
            self.theme_buttons(overlay)
            self._place_overlays()

    def _built_overlays(self) -> list[Overlay]:
        return [o for o in (self._idle_overlay, self._language_overlay) if o is not None]

    # --- session ----------------------------------------------------------------------
    def before_home(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` whenever the visitor is back on Home (e.g. switch to new content)."""
        self._before_home.append(hook)

    def end_session(self) -> None:
        """Wipe the visitor session: place, inputs, language and modes; Home in default language."""
        for overlay in self._built_overlays():
            overlay.hide()
        self.read_aloud.stop()
        self.navigator.wipe()
        place = self.flow.end_session()
        self.tr_.set_language(self.flow.default_language)
        self.apply_look()
        self.navigator.show_place(place)
        self.idle.reset()
        self.session_ended.emit()

    def set_modes(
        self, *, large_text: bool | None = None, high_contrast: bool | None = None, low_position: bool | None = None
    ) -> None:
        session = self.flow.session
        if large_text is not None:
            session.large_text = large_text
        if high_contrast is not None:
            session.high_contrast = high_contrast
        if low_position is not None:
            session.low_position = low_position
        self.apply_look()

    def set_language(self, code: str) -> None:
        self.flow.session.language = code
        self.tr_.set_language(code)

    # --- look -------------------------------------------------------------------------
    def apply_look(self) -> None:
        session = self.flow.session
        size = self.size() if self.isVisible() or self.width() > 200 else self.screen().size()
        self.metrics = theme.Metrics(
            theme.scale_for(size.width(), size.height()), theme.LARGE_TEXT_FACTOR if session.large_text else 1.0
        )
        self.palette_ = theme.HIGH_CONTRAST if session.high_contrast else theme.STANDARD
        app = QApplication.instance()
        rtl = self.tr_.language.rtl
        look = (self.metrics, self.palette_, rtl)
        first_look = self._look is None
        if look != self._look:
            # Re-styling re-polishes every widget of every built screen and costs memory each
            # time Qt does it, so only when sizes or colours changed; a switch to or from
            # Arabic only turns the layout direction.
            if self._look is None or look[:2] != self._look[:2]:
                theme.apply_font(app, self.metrics)
                self.setStyleSheet(theme.stylesheet(self.palette_, self.metrics))
            if self._look is None or rtl != self._look[2]:
                set_enum(app, "layoutDirection", "RightToLeft" if rtl else "LeftToRight")
            self._look = look
            self.navbar.set_direction(rtl)
        self.navbar.set_modes(session.large_text, session.high_contrast, session.low_position)
        self.navbar.speak_button.setVisible(self.read_aloud.available_for(self.tr_.language, probe=not first_look))
        self.layout().setContentsMargins(*(self.metrics.gap,) * 4)
        self.layout().setSpacing(self.metrics.gap)
        self._apply_reach()
        self.navbar.retranslate()
        self.navigator.retranslate_current()
        # The nav bar, the overlays and the screen on view; any other screen gets its theme
        # when it is shown (_on_place), so a mode switch does not restyle every built screen.
        for root in self.children():
            if isinstance(root, QWidget) and root is not self.page:
                self.theme_buttons(root)
        if self.navigator.current_screen is not None:
            self.theme_buttons(self.navigator.current_screen)
        self.navbar._two_rows = None
        self.navbar.relayout()

    def refresh_read_aloud(self) -> None:
        """Start the speech engine (if any) and show the read-aloud button where it has a voice."""
        self.navbar.speak_button.setVisible(self.read_aloud.available_for(self.tr_.language))
        self.navbar.relayout()

    def theme_buttons(self, root: QWidget) -> None:
        """Give every BigButton under ``root`` its colours, icon size and touch height, and
        every layout that places them the theme's gap (kiosk.ui.spacing)."""
        p, m = self.palette_, self.metrics
        colours = theme.button_text_colours(p)
        for button in root.findChildren(BigButton):
            normal, active = colours[button.tone]
            if button.vertical:
                button.apply_theme(normal, active, m.px(110), max(m.touch, m.px(240)), self._look)
            else:
                button.apply_theme(normal, active, m.px(48), m.touch, self._look)
        space_touch_targets(root, m.gap)

    def _apply_reach(self) -> None:
        self.reach_spacer.setVisible(self.flow.session.low_position)
        self.reach_spacer.setFixedHeight(round(self.height() * 0.4))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.input_rules.install_soon()  # once, after the first show

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # The first look waits for the first real size (a window styled for the screen and
        # then resized to 1280x800 would polish every widget twice before Home shows).
        if self._look is None or theme.scale_for(self.width(), self.height()) != self.metrics.scale:
            self.apply_look()  # another screen size (or rotation): sizes follow
        self._apply_reach()
        self._place_overlays()

    def _place_overlays(self) -> None:
        margin = self.metrics.px(60)
        top = round(self.height() * 0.4) if self.flow.session.low_position else margin
        for overlay in self._built_overlays():
            overlay.place(self.width(), self.height(), top, margin, self.metrics.px(1240))

    # --- events -----------------------------------------------------------------------
    def read_current_screen(self) -> None:
        screen = self.navigator.current_screen
        if screen is not None:
            self.read_aloud.say(screen.main_text(), self.tr_.language)

    def _on_place(self, place: Place) -> None:
        self.read_aloud.stop()
        if self._look is not None and self.navigator.current_screen is not None:
            # (before the first look, at the first real size, there is nothing to theme for:
            # Home built at start would render its icons twice)
            self.theme_buttons(self.navigator.current_screen)
        on_home = place.screen is ScreenId.HOME
        self.navbar.set_on_home(on_home)
        # the staff screens have their own Abbrechen / Abmelden; the visitor bar has no place there
        self.navbar.setVisible(place.screen not in (ScreenId.OUT_OF_ORDER, ScreenId.ADMIN_PIN, ScreenId.ADMIN))
        if on_home:
            for hook in self._before_home:
                hook()
            self.returned_home.emit()

    def _on_language_changed(self) -> None:
        self.apply_look()
        for overlay in self._built_overlays():
            overlay.retranslate()

    def show_language_overlay(self) -> None:
        self.show_overlay(self.language_overlay)

    def show_overlay(self, overlay: Overlay) -> None:
        """``overlay`` over the current screen, in the current language and place."""
        overlay.retranslate()
        self._place_overlays()
        overlay.show()
        overlay.raise_()

    def _on_language_picked(self, code: str) -> None:
        self.language_overlay.hide()
        self.set_language(code)

    def _on_idle_warning(self) -> None:
        if self._session_is_pristine():
            self.idle.reset()  # nothing to wipe: nobody is using the terminal
            return
        if self._language_overlay is not None:
            self._language_overlay.hide()
        self.show_overlay(self.idle_overlay)

    def _session_is_pristine(self) -> bool:
        s = self.flow.session
        return (
            self.flow.current.screen in (ScreenId.HOME, ScreenId.OUT_OF_ORDER)  # nothing to wipe on either
            and s.language == self.flow.default_language
            and not (s.large_text or s.high_contrast or s.low_position)
        )

    def hide_idle_warning(self) -> None:
        if self._idle_overlay is not None:
            self._idle_overlay.hide()

    def _on_resume(self) -> None:
        self.hide_idle_warning()
        self.idle.reset()

    def open_staff_entry(self) -> None:
        if self.flow.current.screen not in (ScreenId.ADMIN_PIN, ScreenId.ADMIN):
            self.navigator.go(Action.STAFF_GESTURE)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()  # Alt+F4 and the window manager cannot close the kiosk
