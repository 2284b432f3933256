"""The one door to the admin panel: open only after an accepted PIN, closed after a pause.

The PIN screen opens the gate when ``check_pin`` accepted; the admin screen shows its
panel only while the gate is open and closes it when it is left. Any touch while open
keeps it open (``kiosk.staff.admin.AdminSession``); ``admin_timeout_s`` without one closes it
and emits ``expired`` (the app then shows Home). There is no other way in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk.ui.idle import INPUT_EVENTS

if TYPE_CHECKING:
    from kiosk.staff.admin import AdminSession


class AdminGate(QObject):
    expired = Signal()

    def __init__(self, timeout_s: float, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self.now = now
        self.session: AdminSession | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._check)

    def open(self) -> None:
        """Only the PIN screen calls this, right after ``check_pin`` accepted."""
        from kiosk.staff.admin import AdminSession  # hashlib, secrets: not needed before a PIN

        self.session = AdminSession(self.now(), self.timeout_s)
        QApplication.instance().installEventFilter(self)
        self._arm()

    def close(self) -> None:
        if self.session is not None:
            self.session = None
            QApplication.instance().removeEventFilter(self)
        self._timer.stop()

    @property
    def is_open(self) -> bool:
        return self.session is not None and not self.session.expired(self.now())

    def touch(self) -> None:
        if self.session is not None:
            self.session.touch(self.now())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.touch()
        return False

    def _arm(self) -> None:
        if self.session is not None:
            left = (self.session.expires_at() - self.now()).total_seconds()
            self._timer.start(max(50, round(left * 1000) + 50))

    def _check(self) -> None:
        if self.session is None:
            return
        if self.session.expired(self.now()):
            self.close()
            self.expired.emit()
        else:
            self._arm()  # touched meanwhile: wait for the rest
