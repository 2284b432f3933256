"""The staff panel (German only): a menu of large buttons, one page per action.

No way in without the PIN: the panel shows only when the ``AdminGate`` is open, which
only an accepted PIN on the PIN screen does; otherwise the screen shows a short refusal
and a button to Home, and the attempt is audited. Leaving the screen in any way (also
the admin timeout, ``admin_timeout_s`` without touch) closes the gate.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.store import ContentStore
from kiosk.flow import ScreenId
from kiosk.screens.staff.content_pages import SyncPage, UsbPage
from kiosk.screens.staff.device_pages import ExitPage, RestartPage, StatsPage, TestPrintPage
from kiosk.screens.staff.gate import AdminGate
from kiosk.screens.staff.notice_pages import ClearNoticePage, NoticePage
from kiosk.screens.staff.page import AdminPage, show_step
from kiosk.screens.staff.queue_pages import QueuesPage
from kiosk.screens.staff.status_page import StatusPage
from kiosk.screens.staff.tools import AdminTools
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton, ButtonList, KineticScrollArea, WrapLabel

PAGES: tuple[type[AdminPage], ...] = (
    StatusPage,
    SyncPage,
    UsbPage,
    TestPrintPage,
    NoticePage,
    ClearNoticePage,
    QueuesPage,
    StatsPage,
    RestartPage,
    ExitPage,
)


class AdminScreen(Screen):
    screen_id = ScreenId.ADMIN
    restyle = Signal()  # new buttons exist (lists filled later): the window themes them

    def __init__(
        self, tools: AdminTools, gate: AdminGate, leave: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(tools.tr, parent)
        self.tools, self.gate, self._leave = tools, gate, leave
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # German only, also after Arabic
        self.title = WrapLabel("title")
        self.logout = BigButton("", "lock")
        self.logout.setObjectName("admin-logout")
        self.logout.clicked.connect(self.log_out)
        self.header = QWidget()  # only over the menu: a page has its own title and way back
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title, 3)
        header.addWidget(self.logout, 1)

        self.refusal = QWidget()
        column = QVBoxLayout(self.refusal)
        self.refused_text = WrapLabel("status-alert")
        self.refused_text.setObjectName("admin-refused")
        self.refused_home = BigButton("primary", "home")
        self.refused_home.setObjectName("admin-refused-home")
        self.refused_home.clicked.connect(self._leave)
        column.addWidget(self.refused_text)
        column.addWidget(self.refused_home)
        column.addStretch(1)

        self.menu = ButtonList(min_column_px=560, role="tile")
        self.menu.setObjectName("admin-menu")
        self.pages: dict[str, AdminPage] = {}
        self.stack = QStackedWidget()
        self.stack.addWidget(KineticScrollArea(self.menu))
        for cls in PAGES:
            page = cls(tools)
            page.back.connect(self.show_menu)
            for child in page.findChildren(ButtonList):
                child.changed.connect(self.restyle.emit)
            self.pages[page.key] = page
            self.stack.addWidget(page)
        self.menu.set_items([(page.key, page.icon) for page in self.pages.values()], self.open_page)
        self.panel = QWidget()
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.addWidget(self.header)
        panel.addWidget(self.stack, 1)
        self.body.addWidget(self.panel, 1)
        self.body.addWidget(self.refusal, 1)
        self.allowed = False

    # --- entering and leaving ---------------------------------------------------------
    def on_enter(self, params: Mapping[str, Any]) -> None:
        self.allowed = self.gate.is_open
        self.panel.setVisible(self.allowed)
        self.refusal.setVisible(not self.allowed)
        if not self.allowed:
            self.tools.audit("admin_open", "refused")
            return
        self.tools.audit("admin_open", "ok")
        page = params.get("page", "")
        if page in self.pages:
            self.open_page(page)
        else:
            self.show_menu()

    def on_leave(self) -> None:
        if self.gate.session is not None:
            self.tools.audit("admin_close", "ok")
        self.gate.close()
        self.allowed = False
        for page in self.pages.values():
            page.reset()
        self.show_menu()

    def log_out(self) -> None:
        self._leave()

    def open_page(self, key: str) -> None:
        if not self.gate.is_open:  # the gate closed meanwhile: nothing more happens here
            return
        page = self.pages[key]
        show_step(self.stack, self.stack.indexOf(page))
        self.header.hide()
        self._fit_keyboards()
        page.opened()
        page.retranslate()
        self.restyle.emit()

    def show_menu(self) -> None:
        show_step(self.stack, 0)  # hidden pages do not count: the screen never forces the window larger
        self.header.show()

    @property
    def current_page(self) -> AdminPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, AdminPage) else None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_keyboards()

    def _fit_keyboards(self) -> None:
        window = self.window()
        for page in self.pages.values():
            fit = getattr(page, "fit_keyboard", None)
            if fit is not None:
                fit(window.width(), window.height())

    def retranslate(self) -> None:
        _ = self.gettext
        self.title.setText(_("Personal-Bereich"))
        self.logout.setText(_("Abmelden"))
        self.refused_text.setText(_("Der Personal-Bereich ist nur nach Eingabe der PIN zugänglich."))
        self.refused_home.setText(_("Zur Startseite"))
        for page, button in zip(self.pages.values(), self.menu.buttons, strict=True):
            button.setText(page.menu_text())
        for page in self.pages.values():
            page.retranslate()

    def main_text(self) -> str:
        return self.title.text()

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        """The menu and every page; ``kiosk screenshots`` opens the gate for these (the
        refused view is what anyone sees without the PIN)."""
        return [("", {}), *((cls_.key, {"page": cls_.key}) for cls_ in PAGES)]
