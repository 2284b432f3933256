"""The hidden staff entry: a PIN pad (German only, like the whole staff area).

The PIN is checked by ``kiosk.staff.admin.check_pin`` in the admin worker (own state.db
connection; scrypt takes about 0.1 s), with the pad disabled meanwhile. An accepted PIN
opens the ``AdminGate`` and leads to the admin panel; a lock (in state.db, so it survives
a restart) keeps the pad disabled until it ends. Every try is audited by ``check_pin``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.content.store import ContentStore
from kiosk.flow import Action, ScreenId
from kiosk.i18n import Translator
from kiosk.screens.staff.gate import AdminGate
from kiosk.screens.staff.pin_pad import PinPad
from kiosk.staff import admin
from kiosk.staff.admin import PinOutcome, PinResult
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import BigButton, KineticScrollArea, WrapLabel, set_role
from kiosk.workers.staff_work import AdminWorker

PREVIEWS = ("ready", "wrong", "locked", "no_pin")  # ``kiosk screenshots`` only; grants nothing


class AdminPinScreen(Screen):
    screen_id = ScreenId.ADMIN_PIN

    def __init__(
        self,
        tr: Translator,
        worker: AdminWorker,
        gate: AdminGate,
        now: Callable[[], datetime],
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr, parent)
        self.worker, self.gate, self.now, self.zone = worker, gate, now, ZoneInfo(timezone)
        self.state: PinResult | None = None  # what the pad shows (ACCEPTED: ready); None: not known yet
        self.checking = False
        self.checks = 0  # PINs sent to check_pin from this screen (the brute-force test counts)
        self._typed = self._error = False
        self.active = False  # on screen: a late answer after the visitor left opens nothing
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # German only, also after Arabic
        self.title = WrapLabel("title")
        self.hint = WrapLabel()
        self.message = WrapLabel("status-alert")
        self.message.setObjectName("pin-message")
        self.cancel = BigButton("", "close")
        self.cancel.setObjectName("pin-cancel")
        self.cancel.clicked.connect(self.go_home.emit)
        self.pad = PinPad(tr)
        self.pad.setObjectName("pin-pad")
        self.pad.submitted.connect(self.submit)
        self.pad.changed.connect(lambda _n: self._on_typing())
        self._unlock = QTimer(self, singleShot=True)
        self._unlock.timeout.connect(self.refresh)

        text = QWidget()
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.hint)
        column.addWidget(self.message)
        column.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(KineticScrollArea(text), 1)
        left.addWidget(self.cancel)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.row.addLayout(left, 1)
        self.row.addWidget(self.pad, 1)
        self.body.addLayout(self.row, 1)

    # --- entering ---------------------------------------------------------------------
    def on_enter(self, params: Mapping[str, Any]) -> None:
        self.active = True
        self.pad.clear()
        self.checking = False
        preview = params.get("preview")
        if preview in PREVIEWS:
            self._show(_preview_result(preview, self.now()), typed=preview == "wrong")
            return
        self._show(None)
        self.refresh()

    def refresh(self) -> None:
        """Read whether a PIN exists and whether the pad is locked (off the GUI thread)."""
        now = self.now()

        def read(db) -> PinResult:
            if not admin.has_pin(db):
                return PinResult(PinOutcome.NO_PIN)
            lock = admin.lock_state(db, now)
            if lock.locked_until is not None:
                return PinResult(PinOutcome.LOCKED, locked_until=lock.locked_until)
            return PinResult(PinOutcome.WRONG, tries_left=admin.MAX_TRIES - min(lock.failures, admin.MAX_TRIES))

        self.worker.submit(read, self._on_state)

    def _on_state(self, value: object) -> None:
        if not isinstance(value, PinResult) or self.checking:
            return
        if value.outcome is PinOutcome.WRONG:  # not a try: only "ready" (tries left is shown after a try)
            self._show(PinResult(PinOutcome.ACCEPTED))
        else:
            self._show(value)

    # --- checking ---------------------------------------------------------------------
    def submit(self, pin: str) -> None:
        """The pad's OK: one try through ``check_pin`` (which counts and audits it)."""
        if self.checking:
            return
        self.checking = True
        self.checks += 1
        self.pad.setEnabled(False)
        now = self.now()
        self.worker.submit(lambda db: admin.check_pin(db, pin, now), self._on_checked)
        self.retranslate()

    def _on_checked(self, value: object) -> None:
        self.checking = False
        if not self.active:
            return  # left meanwhile (idle, Abbrechen): the try is counted and audited, nothing opens
        if not isinstance(value, PinResult):
            self._show(self.state, error=True)
            return
        if value.accepted:
            self.gate.open()
            self._show(PinResult(PinOutcome.ACCEPTED))
            self.choose(Action.PIN_ACCEPTED)
            return
        self._show(value, typed=True)

    # --- showing ----------------------------------------------------------------------
    def _show(self, state: PinResult | None, typed: bool = False, error: bool = False) -> None:
        self.state, self._typed, self._error = state, typed, error
        self._unlock.stop()
        outcome = state.outcome if state else None
        self.pad.setVisible(outcome is not PinOutcome.NO_PIN)
        self.pad.setEnabled(outcome in (PinOutcome.ACCEPTED, PinOutcome.WRONG) and not self.checking)
        if outcome is PinOutcome.LOCKED and state.locked_until is not None:
            left = (state.locked_until - self.now()).total_seconds()
            self._unlock.start(max(100, min(round(left * 1000) + 200, 2**31 - 1)))
        self.retranslate()

    def _on_typing(self) -> None:
        if self._typed and self.pad.length:  # the old "Falsche PIN" goes once they type again
            self._typed = False
            self.retranslate()

    def on_leave(self) -> None:
        self.active = False
        self.pad.clear()
        self._unlock.stop()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        portrait = self.height() > self.width() * 1.1
        self.row.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)

    def retranslate(self) -> None:
        _ = self.gettext
        self.pad.retranslate()
        self.title.setText(_("Personal-Bereich"))
        self.cancel.setText(_("Abbrechen"))
        outcome = self.state.outcome if self.state else None
        hint, message, alert = _("Bitte geben Sie die PIN ein."), "", True
        if self.checking:
            message, alert = _("Die PIN wird geprüft ..."), False
        elif self._error:
            message = _("Die PIN konnte nicht geprüft werden. Bitte versuchen Sie es noch einmal.")
        elif outcome is PinOutcome.NO_PIN:
            hint = _("Für dieses Gerät ist noch keine PIN eingerichtet.")
            message, alert = (
                _(
                    "Die IT richtet die PIN am Gerät ein, mit dem Befehl „kiosk pin set“. "
                    "Eine Anleitung steht in der Datei docs/staff-admin.md."
                ),
                False,
            )
        elif outcome is PinOutcome.LOCKED and self.state.locked_until is not None:
            hint = _("Es wurde zu oft eine falsche PIN eingegeben.")
            message = self._locked_text(self.state.locked_until)
        elif outcome is PinOutcome.WRONG and self._typed:
            n = self.state.tries_left
            message = self.tr_.ngettext("Falsche PIN. Noch {n} Versuch.", "Falsche PIN. Noch {n} Versuche.", n)
            message = message.format(n=n)
        self.hint.setText(hint)
        self.message.setText(message)
        set_role(self.message, "status-alert" if alert else "banner")
        self.message.setVisible(bool(message))

    def _locked_text(self, until: datetime) -> str:
        _ = self.gettext
        local = until.astimezone(self.zone)
        today = self.now().astimezone(self.zone).date()
        if local.date() == today:
            return _("Gesperrt bis {time} Uhr.").format(time=local.strftime("%H:%M"))
        return _("Gesperrt bis {date}, {time} Uhr.").format(date=local.strftime("%d.%m."), time=local.strftime("%H:%M"))

    @classmethod
    def screenshot_params(cls, store: ContentStore) -> list[tuple[str, dict[str, Any]]]:
        return [("" if p == "ready" else p.replace("_", "-"), {"preview": p}) for p in PREVIEWS]


def _preview_result(preview: str, now: datetime) -> PinResult:
    """What the pad shows after such an outcome, for screenshots of every state."""
    if preview == "wrong":
        return PinResult(PinOutcome.WRONG, tries_left=3)
    if preview == "locked":
        return PinResult(PinOutcome.LOCKED, locked_until=(now + timedelta(minutes=2)).astimezone(UTC))
    if preview == "no_pin":
        return PinResult(PinOutcome.NO_PIN)
    return PinResult(PinOutcome.ACCEPTED)
