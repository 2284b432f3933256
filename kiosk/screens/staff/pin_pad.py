"""A large digit pad for the staff PIN: 0-9, delete, OK; the entry shows only dots.

Contract: the pad keeps the typed digits (at most ``MAX_DIGITS``) and emits
``submitted(pin)`` on OK; the owner calls ``clear()`` afterwards and ``setEnabled(False)``
while a check runs or the pad is locked. The digits are never put into any text,
accessible name or log; the display shows one ● per digit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.ui.widgets import set_role

MAX_DIGITS = 8
DOT = "●"
# rows of (key name, label); "" label: the owner's retranslate sets it
KEYS = (("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5"), ("6", "6"),
        ("7", "7"), ("8", "8"), ("9", "9"), ("delete", ""), ("0", "0"), ("ok", ""))  # fmt: skip


class PinPad(QWidget):
    submitted = Signal(str)
    changed = Signal(int)  # number of digits typed

    def __init__(self, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self._digits = ""
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a keypad is a physical layout
        self.display = QLabel()
        self.display.setObjectName("pin-display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.display, "title")
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for index, (name, label) in enumerate(KEYS):
            key = QPushButton(label)
            key.setObjectName(f"pin-{name}")
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            if name.isdigit():
                set_role(key, "pin-digit")  # larger digits (style sheet)
            grid.addWidget(key, index // 3, index % 3)
            self.keys[name] = key
            if name.isdigit():
                key.clicked.connect(lambda _=False, d=name: self.press(d))
        self.keys["delete"].clicked.connect(self.delete)
        self.keys["ok"].clicked.connect(self.submit)
        self.keys["ok"].setProperty("role", "primary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display)
        layout.addLayout(grid, 1)
        self._show()
        self.retranslate()

    def press(self, digit: str) -> None:
        if len(self._digits) < MAX_DIGITS:
            self._digits += digit
            self._show()

    def delete(self) -> None:
        self._digits = self._digits[:-1]
        self._show()

    def clear(self) -> None:
        self._digits = ""
        self._show()

    def submit(self) -> None:
        if self._digits and self.isEnabled():
            pin, self._digits = self._digits, ""
            self._show()
            self.submitted.emit(pin)

    @property
    def length(self) -> int:
        return len(self._digits)

    def _show(self) -> None:
        # a thin space keeps the dots apart; an empty entry keeps its height with a placeholder
        self.display.setText(" ".join(DOT * len(self._digits)) if self._digits else "–")
        self.keys["ok"].setEnabled(bool(self._digits))
        self.changed.emit(len(self._digits))

    def retranslate(self) -> None:
        _ = self.tr_.gettext
        self.keys["delete"].setText(_("Löschen"))
        self.keys["ok"].setText(_("OK"))
        self.display.setAccessibleName(_("PIN-Eingabe"))
