"""Composition root: settings -> stores -> services -> screens -> window.

The only module that wires things together; every screen gets what it needs through its
constructor. ``build_kiosk`` needs a running QApplication.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.content.install import ensure_content_db
from kiosk.content.store import ContentStore
from kiosk.flow import Action, Flow, ScreenId
from kiosk.i18n import Translator
from kiosk.screens.home import HomeScreen
from kiosk.screens.out_of_order import OutOfOrderScreen
from kiosk.screens.services import ServicesScreen
from kiosk.screens.situations import SituationsScreen
from kiosk.settings import Settings
from kiosk.ui import theme
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.navigator import Navigator
from kiosk.ui.screen import Screen
from kiosk.ui.speech import ReadAloud
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ScreenSpec:
    cls: type[Screen]
    build: Callable[[], Screen]


@dataclass
class Kiosk:
    """Everything the running kiosk is made of; tests drive it through these parts."""

    data_dir: Path
    settings: Settings
    tr: Translator
    store: ContentStore
    flow: Flow
    navigator: Navigator
    window: KioskWindow
    idle: IdleWatcher
    specs: dict[ScreenId, ScreenSpec]

    def shutdown(self) -> None:
        self.idle.stop()
        self.window.allow_close = True
        self.window.close()
        self.store.close()


def ensure_qapp(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Bürgerservice-Terminal")
    theme.load_fonts()
    return app


def build_kiosk(data_dir: Path, settings: Settings, language: str | None = None) -> Kiosk:
    data_dir.mkdir(parents=True, exist_ok=True)
    store = ContentStore(ensure_content_db(data_dir))
    default_language = language or settings.default_language
    tr = Translator(default_language)
    flow = Flow(default_language)

    def notice() -> str | None:
        return None

    window_ref: list[KioskWindow] = []

    def set_language(code: str) -> None:
        window_ref[0].set_language(code)

    specs: dict[ScreenId, ScreenSpec] = {
        ScreenId.HOME: ScreenSpec(HomeScreen, lambda: HomeScreen(tr, notice, set_language)),
        ScreenId.SITUATIONS: ScreenSpec(SituationsScreen, lambda: SituationsScreen(tr, store)),
        ScreenId.SERVICES: ScreenSpec(ServicesScreen, lambda: ServicesScreen(tr, store)),
        ScreenId.OUT_OF_ORDER: ScreenSpec(OutOfOrderScreen, lambda: OutOfOrderScreen(tr, store)),
    }
    navigator = Navigator(flow, {sid: spec.build for sid, spec in specs.items()})
    idle = IdleWatcher(settings.idle_timeout_s, settings.idle_warning_s)
    window = KioskWindow(flow, tr, navigator, idle, ReadAloud(settings.speech_engine))
    window_ref.append(window)
    kiosk = Kiosk(data_dir, settings, tr, store, flow, navigator, window, idle, specs)
    window.apply_look()
    navigator.show_place(flow.current)
    return kiosk


def show(kiosk: Kiosk, fullscreen: bool) -> None:
    window = kiosk.window
    if fullscreen:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    window.apply_look()
    kiosk.idle.start()


def enter_out_of_order(kiosk: Kiosk) -> None:
    """Show the out-of-order screen and keep it: every way back to Home lands there again.

    Only the staff gesture leads away from it; a restart (after ``kiosk.crash.clear_crashes``)
    brings the normal kiosk back.
    """
    kiosk.window.before_home(lambda: kiosk.navigator.go(Action.OUT_OF_ORDER))
    kiosk.navigator.go(Action.OUT_OF_ORDER)


def start_kiosk(data_dir: Path, settings: Settings, language: str | None = None) -> Kiosk:
    """``build_kiosk`` plus the crash rule: after 3 crashes within 5 minutes, out of order."""
    from kiosk.crash import too_many_crashes

    kiosk = build_kiosk(data_dir, settings, language)
    if too_many_crashes(data_dir):
        log.warning("3 crashes within 5 minutes: showing the out-of-order screen until staff restart")
        enter_out_of_order(kiosk)
    return kiosk
