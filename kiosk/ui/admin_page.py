"""One page of the admin panel: a title, a scrolling body, a result line, "Zurück zum Menü".

Pages build their widgets once; ``opened()`` runs each time staff open the page (start
reading state there, off the GUI thread), ``reset()`` when the panel closes (drop typed
text), ``retranslate()`` sets every text. Results are shown in words with ``say``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.ui.admin_tools import AdminTools
from kiosk.ui.widgets import BigButton, KineticScrollArea, WrapLabel, set_role


class AdminPage(QWidget):
    back = Signal()
    key = ""
    icon = "info"

    def __init__(self, tools: AdminTools, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tools = tools
        self.tr_ = tools.tr
        self.title = WrapLabel("subtitle")
        self.result = WrapLabel("banner")
        self.result.setObjectName(f"admin-{self.key}-result")
        self.result.hide()
        self.back_button = BigButton("", "arrow_back")
        self.back_button.setObjectName(f"admin-{self.key}-back")
        self.back_button.clicked.connect(self.back.emit)
        self.content = QWidget()
        self.inner = QVBoxLayout(self.content)
        self.inner.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        self.scroll = KineticScrollArea(self.content)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.back_button)
        self._said: tuple[str, str] = ("", "banner")

    def gettext(self, message: str) -> str:
        return self.tr_.gettext(message)

    def say(self, text: str, role: str = "banner") -> None:
        """Show a result in words: role banner (working), status-ok or status-alert."""
        self._said = (text, role)
        set_role(self.result, role)
        self.result.setText(text)
        self.result.setVisible(bool(text))

    def opened(self) -> None:
        """Staff opened the page."""

    def reset(self) -> None:
        """The panel closes: forget typed text and old results."""
        self.say("")

    def menu_text(self) -> str:
        """The text of this page's button in the menu."""
        return ""

    def retranslate(self) -> None:
        self.back_button.setText(self.gettext("Zurück zum Menü"))


def show_step(steps: QStackedWidget, index: int) -> None:
    """Show one step; the hidden ones do not count for the height (a stacked widget is as
    tall as its tallest page otherwise, and a short step would scroll for nothing)."""
    for i in range(steps.count()):
        policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
        steps.widget(i).setSizePolicy(policy, policy)
    steps.setCurrentIndex(index)
    steps.adjustSize()
