"""One page of the admin panel: title and "Zurück zum Menü", a body, a result line.

The body is ``inner`` (in a kinetic scroll area) or, for pages with a keyboard, ``fixed``
(``use_fixed(True)``): keys inside a kinetic scroll area would lose fast taps to it.

Pages build their widgets once; ``opened()`` runs each time staff open the page (start
reading state there, off the GUI thread), ``reset()`` when the panel closes (drop typed
text), ``retranslate()`` sets every text. Results are shown in words with ``say``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.screens.staff.tools import AdminTools
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
        self.fixed_box = QWidget()
        self.fixed = QVBoxLayout(self.fixed_box)
        self.fixed.setContentsMargins(0, 0, 0, 0)
        self.fixed_box.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 3)
        top.addWidget(self.back_button, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        self.scroll = KineticScrollArea(self.content)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.fixed_box, 1)
        layout.addWidget(self.result)
        self._said: tuple[str, str] = ("", "banner")

    def use_fixed(self, on: bool) -> None:
        self.scroll.setVisible(not on)
        self.fixed_box.setVisible(on)

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
    steps.updateGeometry()  # the parent layout re-sizes it (adjustSize would outlast the next layout pass)
