""" "Hilfe vom Personal": where to find a person, as a panel over the current screen.

Shows ``ContentMeta.staff_help`` and the Infothek's room (both content), so an office can
change it without a release. One tap anywhere on the panel closes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import localized
from kiosk.content.store import ContentStore
from kiosk.i18n import Translator
from kiosk.ui.widgets import BigButton, WrapLabel


class StaffHelpPanel(QWidget):
    closed = Signal()

    def __init__(self, tr: Translator, store: ContentStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.tr_ = tr
        self.store = store
        self.setObjectName("overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = WrapLabel("title")
        self.text = WrapLabel()
        self.text.setObjectName("staff-help-text")
        self.place = WrapLabel("subtitle")
        self.place.setObjectName("staff-help-place")
        self.close_button = BigButton("primary", "close")
        self.close_button.setObjectName("staff-help-close")
        self.close_button.clicked.connect(self.close_panel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.place)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self.hide()

    def open_panel(self) -> None:
        self.retranslate()
        parent = self.parentWidget()
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def close_panel(self) -> None:
        self.hide()
        self.closed.emit()

    def mousePressEvent(self, event) -> None:
        self.close_panel()  # one tap anywhere closes it: no small "x" to hunt for

    def retranslate(self) -> None:
        _ = self.tr_.gettext
        lang = self.tr_.code
        self.title.setText(_("Hilfe vom Personal"))
        self.text.setText(localized(self.store.meta().staff_help, lang))
        infothek = self.store.infothek()
        if infothek is None:
            self.place.setText("")
        else:
            self.place.setText(
                _("{name}: {floor}, Raum {room}").format(
                    name=localized(infothek.name, lang), floor=localized(infothek.floor, lang), room=infothek.room
                )
            )
        self.place.setVisible(infothek is not None)
        self.close_button.setText(_("Schließen"))

    def main_text(self) -> str:
        return f"{self.title.text()}. {self.text.text()} {self.place.text()}"
