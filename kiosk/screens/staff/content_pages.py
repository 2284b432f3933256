"""Admin pages "Inhalte jetzt aktualisieren" and "Inhalte von USB-Stick laden".

Both install content with exactly the sync's checks (signature, hashes, schema, no
rollback) in a worker thread; the screen shows progress and then the result in words.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QProgressBar

from kiosk.screens.staff.page import AdminPage
from kiosk.screens.staff.tools import AdminTools
from kiosk.staff.export import Bundle, exchange_folders, find_bundles
from kiosk.ui.widgets import BigButton, ButtonList, WrapLabel


def _busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)  # no percentage is known: a moving bar says "working"
    bar.setTextVisible(False)
    bar.hide()
    return bar


def result_words(tr, result: object) -> tuple[str, str]:
    """(text, role) for a SyncResult or the exception a worker returned."""
    from kiosk.content.sync import FAILED, REASON_TEXT, UNCHANGED  # http, bundle: not needed to show Home

    _ = tr.gettext
    status = getattr(result, "status", None)
    if status is None:
        return _("Unerwarteter Fehler. Bitte versuchen Sie es später noch einmal."), "status-alert"
    if status == FAILED:
        reason = _(REASON_TEXT.get(result.reason, REASON_TEXT["internal"]))
        return _("Nicht aktualisiert: {reason} Die bisherigen Inhalte bleiben.").format(reason=reason), "status-alert"
    if status == UNCHANGED:
        return _("Die Inhalte sind schon aktuell (Version {v}).").format(v=result.content_version), "status-ok"
    return _("Neue Inhalte eingespielt: Version {v}.").format(v=result.content_version), "status-ok"


class SyncPage(AdminPage):
    key = "sync"
    icon = "public"

    def __init__(self, tools: AdminTools) -> None:
        super().__init__(tools)
        self.text = WrapLabel()
        self.start = BigButton("primary", "public")
        self.start.setObjectName("admin-sync-start")
        self.start.clicked.connect(self.run)
        self.bar = _busy_bar()
        for widget in (self.text, self.start, self.bar):
            self.inner.addWidget(widget)
        self.inner.addStretch(1)
        self.running = False

    def run(self) -> None:
        if self.running:
            return
        self.running = True
        self.start.setEnabled(False)
        self.bar.show()
        self.say(self.gettext("Die Inhalte werden aktualisiert. Das kann einige Minuten dauern ..."))
        self.tools.worker.run_long(self.tools.sync_now, self._done)

    def _done(self, result: object) -> None:
        self.running = False
        self.start.setEnabled(True)
        self.bar.hide()
        self.say(*result_words(self.tr_, result))
        self.tools.audit("sync", getattr(result, "status", "error"))

    def reset(self) -> None:
        if not self.running:
            super().reset()

    def menu_text(self) -> str:
        return self.gettext("Inhalte jetzt aktualisieren")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.title.setText(_("Inhalte jetzt aktualisieren"))
        if self.tools.settings.sync_url:
            self.text.setText(_("Der Kiosk holt die neuesten Inhalte vom Server und prüft sie vor dem Einspielen."))
        else:
            self.text.setText(
                _("Es ist keine Adresse für die Aktualisierung eingestellt. Bitte wenden Sie sich an die IT.")
            )
        self.start.setText(_("Jetzt aktualisieren"))
        self.start.setEnabled(bool(self.tools.settings.sync_url) and not self.running)


class UsbPage(AdminPage):
    key = "usb"
    icon = "computer"

    def __init__(self, tools: AdminTools) -> None:
        super().__init__(tools)
        self.text = WrapLabel()
        self.text.setObjectName("admin-usb-text")
        self.list = ButtonList(min_column_px=700, role="tile")
        self.list.setObjectName("admin-usb-list")
        self.rescan = BigButton("", "search")
        self.rescan.setObjectName("admin-usb-rescan")
        self.rescan.clicked.connect(self.opened)
        self.bar = _busy_bar()
        for widget in (self.text, self.list, self.bar, self.rescan):
            self.inner.addWidget(widget)
        self.inner.addStretch(1)
        self.bundles: list[Bundle] | None = None
        self.running = False

    def opened(self) -> None:
        if self.running:
            return
        import_dir = self.tools.settings.import_dir
        self.bundles = None
        self.list.set_items([], lambda _k: None)
        self.tools.worker.run_long(lambda: find_bundles(exchange_folders(import_dir)), self._found)
        self.retranslate()

    def _found(self, value: object) -> None:
        self.bundles = list(value) if isinstance(value, list) else []
        items = [(f"bundle-{i}", "arrow_forward") for i in range(len(self.bundles))]
        self.list.set_items(items, self._pick)
        self.retranslate()

    def _pick(self, key: str) -> None:
        if self.running or not self.bundles:
            return
        bundle = self.bundles[int(key.removeprefix("bundle-"))]
        if not self.tools.settings.sync_trusted_keys:
            self.say(
                self.gettext("Es ist kein vertrauenswürdiger Schlüssel eingestellt. Bitte wenden Sie sich an die IT."),
                "status-alert",
            )
            return
        self.running = True
        self.list.setEnabled(False)
        self.rescan.setEnabled(False)
        self.bar.show()
        self.say(self.gettext("Die Inhalte werden geprüft und eingespielt ..."))
        path = bundle.path
        self.tools.worker.run_long(lambda: self.tools.import_bundle(path), self._done)

    def _done(self, result: object) -> None:
        self.running = False
        self.list.setEnabled(True)
        self.rescan.setEnabled(True)
        self.bar.hide()
        text, role = result_words(self.tr_, result)
        self.say(text, role)
        self.tools.audit("import", getattr(result, "status", "error"))

    def reset(self) -> None:
        if not self.running:
            super().reset()

    def menu_text(self) -> str:
        return self.gettext("Inhalte von USB-Stick laden")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.title.setText(_("Inhalte von USB-Stick laden"))
        self.rescan.setText(_("Neu suchen"))
        if self.bundles is None:
            self.text.setText(_("Es wird nach Inhaltspaketen gesucht ..."))
        elif not self.bundles:
            self.text.setText(
                _("Kein Inhaltspaket gefunden. Bitte stecken Sie den USB-Stick ein und tippen Sie auf „Neu suchen“.")
            )
        else:
            self.text.setText(_("Tippen Sie auf das Paket, das eingespielt werden soll:"))
            for bundle, button in zip(self.bundles, self.list.buttons, strict=False):
                when = datetime.fromtimestamp(bundle.modified).strftime("%d.%m.%Y %H:%M")
                size = f"{bundle.size / 1e6:.1f}".replace(".", ",")
                button.setText(
                    _("{name} ({size} MB, vom {when}) in {folder}").format(
                        name=bundle.name, size=size, when=when, folder=_folder(bundle.path)
                    )
                )


def _folder(path: Path) -> str:
    return str(path.parent)
