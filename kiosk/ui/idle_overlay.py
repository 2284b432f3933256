"""The idle warning over the current screen: "Sind Sie noch da?", the seconds left and one
large "Weiter". Built at the first warning (``KioskWindow.idle_overlay``), not at start-up."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.i18n import Translator
from kiosk.ui.overlay import Overlay
from kiosk.ui.qt_names import set_enum
from kiosk.ui.widgets import BigButton, WrapLabel


class IdleOverlay(Overlay):
    """The warning panel; one tap on "Weiter", or anywhere beside the panel, keeps the
    session (whoever taps is still there)."""

    resume = Signal()

    def __init__(self, tr: Translator, parent: QWidget) -> None:
        super().__init__(tr, parent)
        self.text = WrapLabel()
        # as large in large text: at 120 px the seconds read from afar, and larger they
        # would not fit the low position's lower 60 %
        self.count = WrapLabel("countdown")
        for label in (self.text, self.count):
            set_enum(label, "alignment", "AlignCenter")
        self.button = BigButton("primary", "check_circle")
        self.button.setObjectName("idle-continue")
        self.button.clicked.connect(self.resume.emit)
        self.outside_tapped.connect(self.resume.emit)
        for widget in (self.text, self.count, self.button):
            self.content.addWidget(widget)
        self._seconds = 0

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
