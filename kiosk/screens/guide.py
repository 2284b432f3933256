"""One guide, one step per screen: "Schritt 2 von 6", title, text, an optional picture,
large Weiter/Zurück, Ja/Nein on question steps, and on the last step the checklist to
print with the guide's QR code.

The path the visitor took lives here (``self._path``), not in the flow's history: the
nav bar's Back leaves the guide, the in-guide "Zurück" goes one step back on the path
actually taken (after a "Nein" it returns to the question). The step counter is
explained in ``kiosk.content.guide_walk``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content import guide_walk
from kiosk.content.model import Guide, GuideStep, localized
from kiosk.content.store import ContentStore
from kiosk.flow import ScreenId
from kiosk.i18n import Translator
from kiosk.ui.icons import svg_pixmap
from kiosk.ui.print_control import ChecklistPrintControl
from kiosk.ui.qr_view import QrView
from kiosk.ui.screen import Screen
from kiosk.ui.staff_help import StaffHelpPanel
from kiosk.ui.widgets import BigButton, KineticScrollArea, WrapLabel
from kiosk.workers.handout_printer import ChecklistPrinter

PICTURE_IN_TEXT_HEIGHTS = 12  # picture side: 360 px at 1080 p, scales with the theme's text


class GuideScreen(Screen):
    screen_id = ScreenId.GUIDE

    def __init__(
        self, tr: Translator, store: ContentStore, printer: ChecklistPrinter, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr, parent)
        self.store = store
        self.progress = WrapLabel("muted")
        self.progress.setObjectName("guide-progress")
        self.guide_title = WrapLabel("muted")
        self.step_title = WrapLabel("title")
        self.step_title.setObjectName("guide-step-title")
        self.step_text = WrapLabel()
        self.step_text.setObjectName("guide-step-text")
        self.question = WrapLabel("subtitle")
        self.question.setObjectName("guide-question")
        self.picture = QLabel()
        self.picture.setObjectName("guide-picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrView()
        self.qr.setObjectName("guide-qr")
        self.print_control = ChecklistPrintControl(tr, printer, "guide-print")

        self.back_step = BigButton("", "arrow_back")
        self.back_step.setObjectName("guide-back")
        self.next_step = BigButton("primary", "arrow_forward")
        self.next_step.setObjectName("guide-next")
        self.yes = BigButton("primary", "check_circle")
        self.yes.setObjectName("guide-yes")
        self.no = BigButton("primary", "cancel")
        self.no.setObjectName("guide-no")
        self.staff = BigButton("", "support_agent")
        self.staff.setObjectName("guide-staff-help")
        self.back_step.clicked.connect(self._back)
        self.next_step.clicked.connect(lambda: self._advance(self._step().next_id if self._step() else None))
        self.yes.clicked.connect(lambda: self._advance(self._step().yes_id if self._step() else None))
        self.no.clicked.connect(lambda: self._advance(self._step().no_id if self._step() else None))
        self.staff.clicked.connect(lambda: self.staff_panel.open_panel())

        text = QWidget()
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.step_title)
        column.addWidget(self.step_text)
        column.addWidget(self.question)
        column.addWidget(self.print_control)
        column.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(self.picture)
        side.addWidget(self.qr)
        side.addStretch(1)
        content = QHBoxLayout()
        content.addWidget(KineticScrollArea(text), 3)
        content.addLayout(side, 2)
        header = QHBoxLayout()
        header.addWidget(self.guide_title, 3)
        header.addWidget(self.progress, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_step, 2)
        buttons.addWidget(self.staff, 2)
        buttons.addWidget(self.no, 2)
        buttons.addWidget(self.yes, 2)
        buttons.addWidget(self.next_step, 2)
        self.body.addLayout(header)
        self.body.addLayout(content, 1)
        self.body.addLayout(buttons)
        self.staff_panel = StaffHelpPanel(tr, store, self)
        self._guide: Guide | None = None
        self._path: list[str] = []

    # --- state ------------------------------------------------------------------------
    @property
    def path(self) -> list[str]:
        """Step ids from the first step to the current one (a copy)."""
        return list(self._path)

    def _step(self) -> GuideStep | None:
        return self._guide.step(self._path[-1]) if self._guide and self._path else None

    def on_enter(self, params: Mapping[str, Any]) -> None:
        self._guide = self.store.guide(params.get("guide_id", ""))
        guide = self._guide
        if guide is None:
            self._path = []
        elif params.get("step_id"):
            self._path = guide_walk.path_to(guide, params["step_id"])
        else:
            self._path = [guide.first_step_id]
        self.print_control.set_guide(guide)
        self.qr.set_url(guide.url if guide else "")
        self.staff_panel.hide()
        if params.get("staff_help"):
            self.staff_panel.open_panel()
        self._show_step()

    def on_leave(self) -> None:
        self._guide = None
        self._path = []
        self.print_control.reset()
        self.staff_panel.hide()

    def _advance(self, step_id: str | None) -> None:
        if self._guide is None or not step_id:
            return
        self._path.append(step_id)
        self.print_control.reset()
        self._show_step()
        self.retranslate()

    def _back(self) -> None:
        if len(self._path) <= 1:
            self.go_back.emit()  # first step: leave the guide as the nav bar's Back would
            return
        self._path.pop()
        self.print_control.reset()
        self._show_step()
        self.retranslate()

    # --- showing ----------------------------------------------------------------------
    def _show_step(self) -> None:
        """Which widgets the current step needs; texts follow in retranslate()."""
        step = self._step()
        question = bool(step and step.is_question)
        last = bool(step and step.is_last)
        self.question.setVisible(question)
        self.yes.setVisible(question)
        self.no.setVisible(question)
        self.next_step.setVisible(bool(step) and not question and not last)
        self.back_step.setVisible(step is not None)
        self.staff.setVisible(step is not None)
        self.print_control.setVisible(last)
        self.qr.setVisible(last and bool(self._guide and self._guide.url))

    def _picture_side(self) -> int:
        text_px = self.font().pixelSize()
        return round((text_px if text_px > 0 else self.fontMetrics().height()) * PICTURE_IN_TEXT_HEIGHTS)

    def _show_picture(self, step: GuideStep | None) -> None:
        data = self.store.asset(step.image) if step and step.image else None
        pixmap = QPixmap()
        side = self._picture_side()
        if data and step and step.image and step.image.lower().endswith(".svg"):
            pixmap = svg_pixmap(data, side)
        elif data and pixmap.loadFromData(data):
            pixmap = pixmap.scaled(
                side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self.picture.setPixmap(pixmap)
        # on the last step the QR code needs the side column's height: it wins over the picture
        self.picture.setVisible(not pixmap.isNull() and not (step and step.is_last and self._guide.url))

    def retranslate(self) -> None:
        _ = self.gettext
        lang = self.tr_.code
        rtl = self.tr_.language.rtl
        self.back_step.set_icon_name("arrow_forward" if rtl else "arrow_back")
        self.next_step.set_icon_name("arrow_back" if rtl else "arrow_forward")
        self.back_step.setText(_("Zurück"))
        self.next_step.setText(_("Weiter"))
        self.yes.setText(_("Ja"))
        self.no.setText(_("Nein"))
        self.staff.setText(_("Hilfe vom Personal"))
        self.print_control.button.setText(_("Checkliste drucken"))
        self.print_control.retranslate()
        self.staff_panel.retranslate()
        step = self._step()
        if self._guide is None or step is None:
            self.guide_title.setText("")
            self.progress.setText("")
            self.step_title.setText(_("Diese Anleitung gibt es nicht mehr."))
            self.step_text.setText(_("Bitte tippen Sie auf Zurück."))
            self._show_picture(None)
            return
        number, total = guide_walk.progress(self._guide, self._path)
        self.progress.setText(_("Schritt {number} von {total}").format(number=number, total=total))
        self.guide_title.setText(localized(self._guide.title, lang))
        self.step_title.setText(localized(step.title, lang))
        self.step_text.setText(localized(step.text, lang))
        self.question.setText(localized(step.question, lang))
        self._show_picture(step)  # here, not in _show_step: the theme's text size may have changed

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.staff_panel.isVisible():
            self.staff_panel.setGeometry(self.rect())

    def main_text(self) -> str:
        if self.staff_panel.isVisible():
            return self.staff_panel.main_text()
        parts = [self.step_title.text(), self.step_text.text()]
        if self.question.isVisible():
            parts.append(self.question.text())
        return ". ".join(p for p in parts if p)

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        shots = [
            (f"{guide.id}-{step.id}", {"guide_id": guide.id, "step_id": step.id})
            for guide in store.guides()
            for step in guide.steps
        ]
        guides = store.guides()
        if guides:
            shots.append(("staff-help", {"guide_id": guides[0].id, "staff_help": True}))
        return shots
