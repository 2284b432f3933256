"""Admin pages "Hinweis anzeigen" (type it, pick an end time) and "Hinweis entfernen".

The text goes through ``kiosk.staff.notices.set_notice`` (cleaned, at most 200 characters) and
shows as the banner on Home until its end time. The audit log records only that a notice
was set or removed, never its text.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.i18n import N_
from kiosk.screens.staff.page import AdminPage, show_step
from kiosk.screens.staff.tools import AdminTools
from kiosk.staff import notices
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.widgets import BigButton, ButtonList, Card, WrapLabel

UNTIL = (
    ("hour", N_("1 Stunde")),
    ("today", N_("bis heute 18 Uhr")),
    ("morning", N_("bis morgen früh")),
    ("week", N_("1 Woche")),
)
EVENING, MORNING = time(18, 0), time(7, 30)


def end_time(choice: str, now: datetime) -> datetime:
    """The end of a notice for a button; ``now`` is local and aware."""
    if choice == "hour":
        return now + timedelta(hours=1)
    if choice == "today":
        return now.replace(hour=EVENING.hour, minute=EVENING.minute, second=0, microsecond=0)
    if choice == "morning":
        tomorrow = (now + timedelta(days=1)).date()
        return datetime.combine(tomorrow, MORNING, tzinfo=now.tzinfo)
    return now + timedelta(days=7)


class NoticePage(AdminPage):
    key = "notice"
    icon = "warning"

    def __init__(self, tools: AdminTools) -> None:
        super().__init__(tools)
        self.steps = QStackedWidget()
        # step 1: the text
        write = QWidget()
        column = QVBoxLayout(write)
        column.setContentsMargins(0, 0, 0, 0)
        self.ask = WrapLabel()
        self.entry = QLineEdit()
        self.entry.setObjectName("admin-notice-entry")
        self.entry.setReadOnly(True)
        self.entry.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keyboard = OnScreenKeyboard(tools.tr, self.entry)
        self.keyboard.setObjectName("admin-notice-keyboard")
        self.keyboard.text_changed.connect(lambda _t: self._sync_next())
        self.next = BigButton("primary", "arrow_forward")
        self.next.setObjectName("admin-notice-next")
        self.next.clicked.connect(lambda: self._step(1))
        row = QHBoxLayout()
        row.addWidget(self.entry, 3)
        row.addWidget(self.next, 1)
        column.addWidget(self.ask)
        column.addLayout(row)
        column.addWidget(self.keyboard)
        column.addStretch(1)
        # step 2: how long
        until = QWidget()
        column = QVBoxLayout(until)
        column.setContentsMargins(0, 0, 0, 0)
        self.preview = WrapLabel("banner")
        self.preview.setObjectName("admin-notice-preview")
        self.ask_until = WrapLabel()
        self.choices = ButtonList(min_column_px=420, role="tile")
        self.choices.setObjectName("admin-notice-choices")
        self.choices.set_items([(key, "schedule") for key, _text in UNTIL], self.publish)
        self.edit = BigButton("", "arrow_back")
        self.edit.setObjectName("admin-notice-edit")
        self.edit.clicked.connect(lambda: self._step(0))
        for widget in (self.preview, self.ask_until, self.choices, self.edit):
            column.addWidget(widget)
        column.addStretch(1)
        self.steps.addWidget(write)
        self.steps.addWidget(until)
        self.fixed.addWidget(self.steps)
        self.use_fixed(True)
        show_step(self.steps, 0)
        self._sync_next()

    def _step(self, index: int) -> None:
        show_step(self.steps, index)
        self.say("")
        self.retranslate()

    def _sync_next(self) -> None:
        self.next.setEnabled(bool(notices.clean_text(self.keyboard.text())))

    def fit_keyboard(self, width: int, height: int) -> None:
        self.keyboard.fit(round(height * 0.4), width, height)

    def opened(self) -> None:
        self.keyboard.clear()
        self._step(0)

    def reset(self) -> None:
        super().reset()
        self.keyboard.clear()
        show_step(self.steps, 0)

    def publish(self, choice: str) -> None:
        text, until = self.keyboard.text(), end_time(choice, self.tools.now())
        now = self.tools.now()

        def save(db) -> object:
            try:
                notices.set_notice(db, text, until, now)
            except notices.InvalidNotice as exc:
                return exc
            return True

        self.tools.worker.submit(save, lambda value: self._saved(value, until))

    def _saved(self, value: object, until: datetime) -> None:
        _ = self.gettext
        if value is True:
            self.tools.audit("notice_set", "ok")
            self.keyboard.clear()
            show_step(self.steps, 0)
            self.say(
                _("Der Hinweis steht jetzt auf der Startseite, bis {when} Uhr.").format(
                    when=until.strftime("%d.%m. %H:%M")
                ),
                "status-ok",
            )
        elif isinstance(value, notices.InvalidNotice):
            self.tools.audit("notice_set", "invalid")
            self.say(_(value.message).format(**value.values), "status-alert")
        else:
            self.say(_("Der Hinweis konnte nicht gespeichert werden."), "status-alert")

    def menu_text(self) -> str:
        return self.gettext("Hinweis anzeigen")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.keyboard.retranslate()
        self.title.setText(_("Hinweis anzeigen"))
        self.ask.setText(_("Welchen Hinweis sollen Besucher auf der Startseite lesen?"))
        self.next.setText(_("Weiter"))
        self.preview.setText(notices.clean_text(self.keyboard.text()))
        self.ask_until.setText(_("Wie lange soll der Hinweis zu sehen sein?"))
        for (_key, label), button in zip(UNTIL, self.choices.buttons, strict=True):
            button.setText(_(label))
        self.edit.setText(_("Text ändern"))


class ClearNoticePage(AdminPage):
    key = "notice-clear"
    icon = "close"

    def __init__(self, tools: AdminTools) -> None:
        super().__init__(tools)
        self.card = Card()
        self.current = WrapLabel()
        self.current.setObjectName("admin-notice-current")
        self.card.inner.addWidget(self.current)
        self.remove = BigButton("primary", "close")
        self.remove.setObjectName("admin-notice-remove")
        self.remove.clicked.connect(self.clear)
        for widget in (self.card, self.remove):
            self.inner.addWidget(widget)
        self.inner.addStretch(1)
        self.notice: notices.Notice | None = None
        self.known = False

    def opened(self) -> None:
        self.known = False
        now = self.tools.now()
        self.tools.worker.submit(lambda db: notices.current_notice(db, now), self._on_notice)
        self.retranslate()

    def _on_notice(self, value: object) -> None:
        self.known = True
        self.notice = value if isinstance(value, notices.Notice) else None
        self.retranslate()

    def clear(self) -> None:
        self.tools.worker.submit(notices.clear_notice, self._cleared)

    def _cleared(self, value: object) -> None:
        _ = self.gettext
        self.tools.audit("notice_clear", "ok" if value is True else "none")
        self.notice = None
        self.say(_("Der Hinweis ist entfernt.") if value is True else _("Es gab keinen Hinweis."), "status-ok")
        self.retranslate()

    def menu_text(self) -> str:
        return self.gettext("Hinweis entfernen")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.title.setText(_("Hinweis entfernen"))
        self.remove.setText(_("Hinweis jetzt entfernen"))
        self.remove.setVisible(self.notice is not None)
        if not self.known:
            self.current.setText(_("Wird geladen ..."))
        elif self.notice is None:
            self.current.setText(_("Zurzeit steht kein Hinweis auf der Startseite."))
        else:
            local = self.notice.until.astimezone(self.tools.now().tzinfo)
            self.current.setText(
                _("Auf der Startseite steht bis {when} Uhr:").format(when=local.strftime("%d.%m. %H:%M"))
                + "\n"
                + self.notice.text
            )
