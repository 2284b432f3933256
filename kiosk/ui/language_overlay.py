"""The "Sprache" overlay: the language buttons over any screen, built when first opened
(``KioskWindow.language_overlay``); picking one keeps the visitor's place."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.i18n import Translator
from kiosk.ui.language_picker import LanguagePicker
from kiosk.ui.overlay import Overlay
from kiosk.ui.widgets import BigButton


class LanguageOverlay(Overlay):
    """Two columns of languages and "Schließen"; a tap beside the panel closes it too."""

    picked = Signal(str)

    def __init__(self, tr: Translator, parent: QWidget) -> None:
        super().__init__(tr, parent)
        self.picker = LanguagePicker(columns=2)
        self.picker.picked.connect(self.picked.emit)
        self.close_button = BigButton("", "close")
        self.close_button.setObjectName("language-close")
        self.close_button.clicked.connect(self.hide)
        self.outside_tapped.connect(self.hide)
        self.content.addWidget(self.picker)
        self.content.addWidget(self.close_button)

    def place(self, width: int, height: int, top: int, margin: int, panel_width: int) -> None:
        """Two columns in the usual panel; where its rows do not fit the height (the low
        position, large text on a small screen), more columns over the whole width."""
        for columns in (2, 3, 4, 7):
            self.picker.set_columns(columns)
            super().place(width, height, top, margin, panel_width if columns == 2 else width)
            self.picker.grid.activate()  # hidden, it would answer with the last column count's height
            if self.panel.heightForWidth(self.panel.width()) <= height - top - margin:
                return

    def retranslate(self) -> None:
        self.title.setText(self.tr_.gettext("Sprache wählen"))
        self.close_button.setText(self.tr_.gettext("Schließen"))
        self.picker.set_current(self.tr_.code)
