"""Language buttons, each in the language's own name and script (never a flag)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.i18n import LANGUAGES
from kiosk.ui.qt_names import set_enum
from kiosk.ui.widgets import BigButton


class LanguagePicker(QWidget):
    picked = Signal(str)

    def __init__(self, columns: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self.buttons: dict[str, BigButton] = {}
        for lang in LANGUAGES:
            button = BigButton()
            button.setObjectName(f"lang-{lang.code}")
            button.setCheckable(True)
            button.setText(lang.native_name)
            set_enum(button.label(), "alignment", "AlignCenter")
            # Each name is shown in its own direction, whatever the current layout direction.
            set_enum(button.label(), "layoutDirection", "RightToLeft" if lang.rtl else "LeftToRight")
            button.clicked.connect(lambda _=False, code=lang.code: self.picked.emit(code))
            self.buttons[lang.code] = button
        self.set_columns(columns)

    def set_columns(self, columns: int) -> None:
        """One row on a wide screen saves a row of height for the rest of Home."""
        if columns == self.columns:
            return
        self.columns = columns
        for i, button in enumerate(self.buttons.values()):
            self.grid.addWidget(button, i // columns, i % columns)
        for c in range(len(self.buttons)):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def set_current(self, code: str) -> None:
        for lang_code, button in self.buttons.items():
            button.setChecked(lang_code == code)
