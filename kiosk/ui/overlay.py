"""A panel over the current screen: the idle warning and the language choice.

The overlay covers the whole window with a dimmed scrim, so a tap beside the panel reaches
no screen below it and is reported as ``outside_tapped`` instead. The panel sits in the
middle of the area it is given (the lower 60 % in the low position), as wide as
``place`` allows and as tall as its content: nothing in it is stretched to fill a screen.
Overlays are built the first time they are needed, never at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.ui.qt_names import set_enum
from kiosk.ui.widgets import WrapLabel


class Overlay(QFrame):
    """The scrim, with the panel (``QFrame#overlay``) and its title; subclasses add their
    widgets to ``content`` and fill in ``retranslate``.

    QFrames: the style sheet paints their backgrounds (a plain QWidget subclass needs a
    ``Qt`` attribute for that)."""

    outside_tapped = Signal()

    def __init__(self, tr: Translator, parent: QWidget) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.setObjectName("scrim")
        self.panel = QFrame()
        self.panel.setObjectName("overlay")
        self.content = QVBoxLayout(self.panel)
        self.title = WrapLabel("subtitle")
        set_enum(self.title, "alignment", "AlignCenter")
        self.content.addWidget(self.title)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.panel)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.hide()

    def place(self, width: int, height: int, top: int, margin: int, panel_width: int) -> None:
        """Cover a ``width`` x ``height`` window; the panel centred below ``top``, at most
        ``panel_width`` wide and ``margin`` from every edge."""
        self.setGeometry(0, 0, width, height)
        self.layout().setContentsMargins(margin, top, margin, margin)
        self.panel.setFixedWidth(max(1, min(panel_width, width - 2 * margin)))
        padding = max(12, margin // 3)  # the spacing between its items is the theme's gap (kiosk.ui.spacing)
        self.content.setContentsMargins(padding, padding, padding, padding)

    def retranslate(self) -> None:
        raise NotImplementedError

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A tap on the scrim beside the panel (a tap on the panel's own background comes
        up to here too, and is not one)."""
        if not self.panel.geometry().contains(event.position().toPoint()):
            self.outside_tapped.emit()
        super().mouseReleaseEvent(event)
