"""One item of a "bring this along" list: an empty box to tick, then the wrapping text.

The box is the bundled icon, not "☐": the bundled fonts have no such glyph, and a kiosk PC
with only those fonts would show a missing-glyph box (or the system's DejaVu Sans).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.ui.icons import icon_pixmap
from kiosk.ui.widgets import WrapLabel

BOX_ICON = "check_box_outline_blank"


class ChecklistItem(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QLabel()
        self.box.setAccessibleName("")  # the text says it all; a screen reader skips the box
        self.label = WrapLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self._box_look: tuple[int, str] | None = None

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._paint_box()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._paint_box()

    def _paint_box(self) -> None:
        """As tall as a line of the text and in its colour (large text, high contrast)."""
        size = self.label.fontMetrics().height()
        colour = self.label.palette().color(QPalette.ColorRole.WindowText).name()
        if (size, colour) == self._box_look:
            return
        self._box_look = (size, colour)
        self.box.setPixmap(icon_pixmap(BOX_ICON, size, colour))
        self.box.setFixedSize(size, size)
