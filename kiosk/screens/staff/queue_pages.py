"""Admin page "Wartemarken pausieren / freigeben": per queue category, with a reason.

Visitors see the reason on the ticket screen (``TicketService.issue`` returns PAUSED with
it as ``detail``). Preset reasons are stored as their German source text, so the ticket
screen can show them translated (``gettext``); a typed reason is shown as typed.
The audit log gets the category id and paused/resumed, never the reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.model import localized
from kiosk.i18n import N_
from kiosk.queue.tickets import TicketService
from kiosk.screens.staff.page import AdminPage, show_step
from kiosk.screens.staff.tools import AdminTools
from kiosk.staff.notices import clean_text
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.widgets import BigButton, ButtonList, WrapLabel

PRESET_REASONS = (
    ("busy", N_("Zurzeit sind alle Plätze im Wartebereich belegt.")),
    ("closing", N_("Heute werden keine Wartemarken mehr ausgegeben.")),
    ("fault", N_("Es gibt gerade eine technische Störung.")),
    ("meeting", N_("Das Team ist kurz in einer Besprechung.")),
)
MAX_REASON = 120


class QueuesPage(AdminPage):
    key = "queues"
    icon = "confirmation_number"

    def __init__(self, tools: AdminTools) -> None:
        super().__init__(tools)
        # overview (scrolls): one button per category
        self.explain = WrapLabel()
        self.list = ButtonList(min_column_px=700, role="tile")
        self.list.setObjectName("admin-queues-list")
        self.inner.addWidget(self.explain)
        self.inner.addWidget(self.list)
        self.inner.addStretch(1)
        # pausing (fixed, has a keyboard): step 0 preset reasons, step 1 an own reason
        self.steps = QStackedWidget()
        why = QWidget()
        column = QVBoxLayout(why)
        column.setContentsMargins(0, 0, 0, 0)
        self.ask = WrapLabel()
        self.presets = ButtonList(min_column_px=700, role="tile")
        self.presets.setObjectName("admin-queues-presets")
        self.presets.set_items([(key, "info") for key, _text in PRESET_REASONS], self._pick_preset)
        self.write_own = BigButton("", "arrow_forward")
        self.write_own.setObjectName("admin-queues-write")
        self.write_own.clicked.connect(lambda: self._step(2))
        self.cancel = BigButton("", "close")
        self.cancel.setObjectName("admin-queues-cancel")
        self.cancel.clicked.connect(lambda: self._step(0))
        for widget in (self.ask, self.presets, self.write_own, self.cancel):
            column.addWidget(widget)
        column.addStretch(1)
        own = QWidget()
        column = QVBoxLayout(own)
        column.setContentsMargins(0, 0, 0, 0)
        self.own = WrapLabel()
        self.entry = QLineEdit()
        self.entry.setObjectName("admin-queues-entry")
        self.entry.setReadOnly(True)
        self.entry.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keyboard = OnScreenKeyboard(tools.tr, self.entry)
        self.keyboard.setObjectName("admin-queues-keyboard")
        self.keyboard.text_changed.connect(lambda t: self.use_own.setEnabled(bool(clean_text(t))))
        self.use_own = BigButton("primary", "check_circle")
        self.use_own.setObjectName("admin-queues-own")
        self.use_own.clicked.connect(lambda: self.pause(clean_text(self.keyboard.text())[:MAX_REASON]))
        self.use_own.setEnabled(False)
        self.cancel_own = BigButton("", "close")
        self.cancel_own.setObjectName("admin-queues-cancel-own")
        self.cancel_own.clicked.connect(lambda: self._step(0))
        row = QHBoxLayout()
        row.addWidget(self.entry, 2)
        row.addWidget(self.use_own, 1)
        row.addWidget(self.cancel_own, 1)
        column.addWidget(self.own)
        column.addLayout(row)
        column.addWidget(self.keyboard)
        column.addStretch(1)
        self.steps.addWidget(why)
        self.steps.addWidget(own)
        self.fixed.addWidget(self.steps)
        self.pauses: dict[str, str] | None = None
        self.chosen = ""

    def fit_keyboard(self, width: int, height: int) -> None:
        self.keyboard.fit(round(height * 0.4), width, height)

    def _step(self, index: int) -> None:
        """0: the categories; 1: why pause (presets); 2: an own reason on the keyboard."""
        self.use_fixed(index > 0)
        if index:
            show_step(self.steps, index - 1)
        self.retranslate()

    def opened(self) -> None:
        self._step(0)
        self.pauses = None
        self.tools.worker.submit(lambda db: TicketService(db).pauses(), self._on_pauses)
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self.keyboard.clear()
        self._step(0)

    def _on_pauses(self, value: object) -> None:
        self.pauses = value if isinstance(value, dict) else {}
        queues = self.tools.store.queues()
        self.list.set_items([(q.id, "confirmation_number") for q in queues], self._pick_queue)
        self.retranslate()

    def _pick_queue(self, queue_id: str) -> None:
        if self.pauses is None:
            return
        if queue_id in self.pauses:
            self.tools.worker.submit(
                lambda db: TicketService(db).resume(queue_id), lambda v: self._changed(v, queue_id, False)
            )
            return
        self.chosen = queue_id
        self.keyboard.clear()
        self._step(1)

    def _pick_preset(self, key: str) -> None:
        self.pause(dict(PRESET_REASONS)[key])

    def pause(self, reason: str) -> None:
        queue_id = self.chosen
        if not queue_id or not reason:
            return
        self.tools.worker.submit(
            lambda db: TicketService(db).pause(queue_id, reason), lambda v: self._changed(v, queue_id, True)
        )

    def _changed(self, value: object, queue_id: str, paused: bool) -> None:
        _ = self.gettext
        if isinstance(value, Exception):
            self.say(_("Das hat nicht geklappt. Bitte versuchen Sie es noch einmal."), "status-alert")
            return
        self.tools.audit("tickets_pause" if paused else "tickets_resume", queue_id)
        name = self._name(queue_id)
        self.say(
            (
                _("„{name}“: Die Ausgabe ist pausiert.")
                if paused
                else _("„{name}“: Wartemarken werden wieder ausgegeben.")
            ).format(name=name),
            "status-ok",
        )
        self.keyboard.clear()
        self.opened()

    def _name(self, queue_id: str) -> str:
        queue = self.tools.store.queue(queue_id)
        return localized(queue.title, "de") if queue else queue_id

    def menu_text(self) -> str:
        return self.gettext("Wartemarken pausieren / freigeben")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.keyboard.retranslate()
        self.title.setText(_("Wartemarken pausieren / freigeben"))
        if self.pauses is None:
            self.explain.setText(_("Wird geladen ..."))
        else:
            self.explain.setText(_("Tippen Sie auf eine Gruppe, um ihre Ausgabe zu pausieren oder wieder freizugeben."))
            for button, queue in zip(self.list.buttons, self.tools.store.queues(), strict=False):
                title = localized(queue.title, "de")
                reason = self.pauses.get(queue.id)
                if reason is None:
                    button.setText(_("{name}: Ausgabe läuft. Tippen zum Pausieren.").format(name=title))
                else:
                    button.setText(
                        _("{name}: pausiert („{reason}“). Tippen zum Freigeben.").format(name=title, reason=_(reason))
                    )
        self.ask.setText(
            _("Warum wird „{name}“ pausiert? Besucher sehen diesen Grund.").format(name=self._name(self.chosen))
        )
        for (_key, text), button in zip(PRESET_REASONS, self.presets.buttons, strict=True):
            button.setText(_(text))
        self.write_own.setText(_("Einen eigenen Grund schreiben"))
        self.own.setText(_("Schreiben Sie den Grund, den Besucher sehen sollen:"))
        self.use_own.setText(_("Pausieren"))
        self.cancel.setText(_("Abbrechen"))
        self.cancel_own.setText(_("Abbrechen"))
