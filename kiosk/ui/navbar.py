"""The bar under every screen: Zurück, Start, Sprache and the accessibility switches.

Always at the bottom, within reach from a wheelchair; each switch is one tap.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.i18n import Translator
from kiosk.ui.widgets import BigButton


class NavBar(QWidget):
    back = Signal()
    home = Signal()
    language = Signal()
    large_text = Signal(bool)
    high_contrast = Signal(bool)
    low_position = Signal(bool)
    read_aloud = Signal()

    def __init__(self, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self._two_rows: bool | None = None
        self._on_home: bool | None = None
        self.back_button = BigButton("primary", "arrow_back")
        self.back_button.setObjectName("nav-back")
        self.home_button = BigButton("", "home")
        self.home_button.setObjectName("nav-home")
        self.language_button = BigButton("", "language")
        self.language_button.setObjectName("nav-language")
        self.large_button = self._toggle("nav-large-text", "text_increase")
        self.contrast_button = self._toggle("nav-contrast", "contrast")
        self.low_button = self._toggle("nav-low", "vertical_align_bottom")
        self.speak_button = BigButton("", "volume_up")
        self.speak_button.setObjectName("nav-read-aloud")
        self.speak_button.hide()
        self.back_button.clicked.connect(self.back.emit)
        self.home_button.clicked.connect(self.home.emit)
        self.language_button.clicked.connect(self.language.emit)
        self.large_button.toggled.connect(self.large_text.emit)
        self.contrast_button.toggled.connect(self.high_contrast.emit)
        self.low_button.toggled.connect(self.low_position.emit)
        self.speak_button.clicked.connect(self.read_aloud.emit)
        self.relayout()

    @property
    def _nav(self) -> tuple[QWidget, ...]:
        return (self.back_button, self.home_button, self.language_button)

    @property
    def _switches(self) -> tuple[QWidget, ...]:
        return (self.speak_button, self.large_button, self.contrast_button, self.low_button)

    def relayout(self) -> None:
        """One row when everything fits, else switches in a second row (large text, 1024 px)."""
        shown = [w for w in (*self._nav, *self._switches) if not w.isHidden()]
        spacing = max(0, self.grid.spacing())
        need = sum(w.minimumSizeHint().width() for w in shown) + spacing * len(shown)
        two_rows = need > self.width()
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        for widget in (*self._nav, *self._switches):
            self.grid.removeWidget(widget)
        for i, widget in enumerate(self._nav):
            self.grid.addWidget(widget, 0, i)
        row, offset = (1, 0) if two_rows else (0, len(self._nav) + 1)
        for i, widget in enumerate(self._switches):
            self.grid.addWidget(widget, row, offset + i)
        for column in range(8):
            self.grid.setColumnStretch(column, 0)
        if not two_rows:
            self.grid.setColumnStretch(len(self._nav), 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.relayout()

    def _toggle(self, name: str, icon_name: str) -> BigButton:
        """A switch: checked, it takes the pressed look, its icon in the checked text colour
        (the checked background is the unchecked icon's colour)."""
        button = BigButton("", icon_name)
        button.setObjectName(name)
        button.setCheckable(True)
        return button

    def set_on_home(self, on_home: bool) -> None:
        if on_home == self._on_home:
            return  # most screen changes: nothing to show or hide, no relayout and repaint of the bar
        self._on_home = on_home
        self.back_button.setVisible(not on_home)
        self.home_button.setVisible(not on_home)
        self.language_button.setVisible(not on_home)
        self._two_rows = None
        self.relayout()

    def set_modes(self, large: bool, contrast: bool, low: bool) -> None:
        for button, value in ((self.large_button, large), (self.contrast_button, contrast), (self.low_button, low)):
            button.blockSignals(True)
            button.setChecked(value)
            button.blockSignals(False)

    def set_direction(self, rtl: bool) -> None:
        self.back_button.set_icon_name("arrow_forward" if rtl else "arrow_back")

    def retranslate(self) -> None:
        _ = self.tr_.gettext
        self.back_button.setText(_("Zurück"))
        self.home_button.setText(_("Start"))
        self.language_button.setText(_("Sprache"))
        self.speak_button.setText(_("Vorlesen"))
        self.large_button.setText(_("Groß"))
        self.large_button.setAccessibleName(_("Größere Schrift"))
        self.contrast_button.setText(_("Kontrast"))
        self.contrast_button.setAccessibleName(_("Hoher Kontrast"))
        self.low_button.setText(_("Tief"))
        self.low_button.setAccessibleName(_("Bedienung weiter unten"))
