"""The idle warning over the current screen: "Sind Sie noch da?", the seconds left and one
large "Weiter". Built at the first warning (``KioskWindow.idle_overlay``), not at start-up."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.ui.qt_names import set_enum
from kiosk.ui.widgets import BigButton, WrapLabel


class IdleOverlay(QFrame):
    """The warning panel over the current screen; one tap on "Weiter" keeps the session.

    A QFrame: the style sheet paints its background (a plain QWidget subclass needs a ``Qt``
    attribute for that)."""

    resume = Signal()

    def __init__(self, tr: Translator, parent: QWidget) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.setObjectName("overlay")
        layout = QVBoxLayout(self)
        self.title = WrapLabel("subtitle")
        self.text = WrapLabel()
        self.count = WrapLabel("big-number")
        set_enum(self.count, "alignment", "AlignCenter")
        self.button = BigButton("primary", "check_circle")
        self.button.setObjectName("idle-continue")
        self.button.clicked.connect(self.resume.emit)
        for widget in (self.title, self.text, self.count, self.button):
            layout.addWidget(widget)
        self._seconds = 0
        self.hide()

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self.count.setText(str(max(0, seconds)))
        self.retranslate()

    def retranslate(self) -> None:
        _ = self.tr_.gettext
        self.title.setText(_("Sind Sie noch da?"))
        self.text.setText(
            self.tr_.ngettext(
                "Ohne Eingabe beginnt das Terminal in {n} Sekunde von vorn. Ihre Angaben werden dann gelöscht.",
                "Ohne Eingabe beginnt das Terminal in {n} Sekunden von vorn. Ihre Angaben werden dann gelöscht.",
                self._seconds,
            ).format(n=self._seconds)
        )
        self.button.setText(_("Weiter"))
