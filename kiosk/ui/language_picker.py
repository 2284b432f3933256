"""Language buttons, each in the language's own name and script (never a flag)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.i18n import LANGUAGES, Translator
from kiosk.ui.widgets import BigButton, WrapLabel


class LanguagePicker(QWidget):
    picked = Signal(str)

    def __init__(self, columns: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, BigButton] = {}
        for i, lang in enumerate(LANGUAGES):
            button = BigButton()
            button.setObjectName(f"lang-{lang.code}")
            button.setCheckable(True)
            button.setText(lang.native_name)
            button.label().setAlignment(Qt.AlignmentFlag.AlignCenter)
            # Each name is shown in its own direction, whatever the current layout direction.
            button.label().setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight
            )
            button.clicked.connect(lambda _=False, code=lang.code: self.picked.emit(code))
            grid.addWidget(button, i // columns, i % columns)
            self.buttons[lang.code] = button

    def set_current(self, code: str) -> None:
        for lang_code, button in self.buttons.items():
            button.setChecked(lang_code == code)


class LanguageOverlay(QWidget):
    """Opened by "Sprache" on any screen; picking a language keeps the visitor's place."""

    picked = Signal(str)

    def __init__(self, tr: Translator, parent: QWidget) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.setObjectName("overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        self.title = WrapLabel("subtitle")
        self.picker = LanguagePicker(columns=2)
        self.picker.picked.connect(self.picked.emit)
        self.close_button = BigButton("", "close")
        self.close_button.setObjectName("language-close")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.title)
        layout.addWidget(self.picker)
        layout.addWidget(self.close_button)
        self.hide()

    def retranslate(self) -> None:
        self.title.setText(self.tr_.gettext("Sprache wählen"))
        self.close_button.setText(self.tr_.gettext("Schließen"))
        self.picker.set_current(self.tr_.code)
