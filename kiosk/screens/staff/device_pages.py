"""Admin pages "Testdruck", "Statistik exportieren", "Neu starten" and "Kiosk beenden"."""

from __future__ import annotations

from kiosk.printing.printers import JobResult
from kiosk.screens.staff.page import AdminPage
from kiosk.screens.staff.tools import AdminTools
from kiosk.staff import admin, stats
from kiosk.staff.export import export_folder
from kiosk.ui.widgets import BigButton, WrapLabel


class _OneButtonPage(AdminPage):
    """An explanation and one large action button."""

    icon_action = "check_circle"

    def __init__(self, tools: AdminTools) -> None:
        super().__init__(tools)
        self.text = WrapLabel()
        self.action = BigButton("primary", self.icon_action)
        self.action.setObjectName(f"admin-{self.key}-start")
        self.action.clicked.connect(self.run)
        self.inner.addWidget(self.text)
        self.inner.addWidget(self.action)
        self.inner.addStretch(1)

    def run(self) -> None:
        raise NotImplementedError


class TestPrintPage(_OneButtonPage):
    key = "print"
    icon = "print"
    icon_action = "print"

    def __init__(self, tools: AdminTools) -> None:
        super().__init__(tools)
        self.job = 0
        tools.printing.finished.connect(self._on_finished)

    def run(self) -> None:
        from kiosk.i18n import Translator
        from kiosk.printing.layouts import test_page_pdf

        if self.job:
            return
        printing, now = self.tools.printing, self.tools.now()
        name = printing.printer.name
        self.job = printing.submit(lambda: test_page_pdf(Translator("de"), now, name), "test")
        self.action.setEnabled(False)
        self.say(self.gettext("Wird gedruckt ..."))

    def _on_finished(self, job: int, result: JobResult) -> None:
        if job != self.job:
            return
        self.job = 0
        self.action.setEnabled(True)
        self.tools.audit("test_print", result.fault.value)
        if result.ok:
            self.say(self.gettext("Die Testseite wurde gedruckt."), "status-ok")
        else:
            self.say(
                self.gettext("Die Testseite wurde nicht gedruckt: {why}").format(why=self.gettext(result.message)),
                "status-alert",
            )

    def menu_text(self) -> str:
        return self.gettext("Testdruck")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.title.setText(_("Testdruck"))
        self.text.setText(
            _("Der Drucker druckt eine kurze Testseite mit Datum und Sonderzeichen. Drucker: {name}").format(
                name=self.tools.printing.printer.name
            )
        )
        self.action.setText(_("Testseite drucken"))


class StatsPage(_OneButtonPage):
    key = "stats"
    icon = "schedule"
    icon_action = "arrow_forward"

    def run(self) -> None:
        import_dir, stamp = self.tools.settings.import_dir, self.tools.now().strftime("%Y-%m-%d-%H%M")

        def export(db) -> tuple[str, int] | None:
            folder = export_folder(import_dir)
            if folder is None:
                return None
            path = folder / f"kiosk-statistik-{stamp}.csv"
            return str(path), stats.export_csv(db, path)

        self.action.setEnabled(False)
        self.say(self.gettext("Wird gespeichert ..."))
        self.tools.worker.submit(export, self._done)

    def _done(self, value: object) -> None:
        _ = self.gettext
        self.action.setEnabled(True)
        if value is None:
            self.tools.audit("stats_export", "no_folder")
            self.say(
                _("Kein USB-Stick gefunden. Bitte stecken Sie einen USB-Stick ein und versuchen Sie es noch einmal."),
                "status-alert",
            )
        elif isinstance(value, tuple):
            self.tools.audit("stats_export", "ok")
            path, rows = value
            self.say(
                self.tr_.ngettext("Gespeichert: {n} Zeile in {path}", "Gespeichert: {n} Zeilen in {path}", rows).format(
                    n=rows, path=path
                ),
                "status-ok",
            )
        else:
            self.tools.audit("stats_export", "failed")
            self.say(
                _("Die Statistik konnte nicht gespeichert werden. Ist der USB-Stick schreibgeschützt?"), "status-alert"
            )

    def menu_text(self) -> str:
        return self.gettext("Statistik exportieren")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.title.setText(_("Statistik exportieren"))
        self.text.setText(
            _(
                "Die anonymen Zähler (was wie oft aufgerufen wurde, Wartemarken je Stunde) werden als CSV-Datei "
                "auf den USB-Stick geschrieben. Es sind keine persönlichen Daten darin."
            )
        )
        self.action.setText(_("Auf USB-Stick speichern"))


class RestartPage(_OneButtonPage):
    key = "restart"
    icon = "home"
    icon_action = "home"

    def run(self) -> None:
        self.action.setEnabled(False)
        self.say(self.gettext("Der Kiosk startet neu ..."))
        self.tools.worker.submit(lambda db: admin.audit(db, "restart", "ok"), lambda _v: self.tools.restart())

    def reset(self) -> None:
        super().reset()
        self.action.setEnabled(True)

    def menu_text(self) -> str:
        return self.gettext("Neu starten")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.title.setText(_("Neu starten"))
        self.text.setText(
            _(
                "Der Kiosk beendet sich sauber und startet sofort wieder mit der Startseite. "
                "Eine Störungsanzeige nach mehreren Abstürzen wird dabei zurückgesetzt."
            )
        )
        self.action.setText(_("Jetzt neu starten"))


class ExitPage(_OneButtonPage):
    key = "exit"
    icon = "close"
    icon_action = "close"

    def run(self) -> None:
        self.action.setEnabled(False)
        self.say(self.gettext("Der Kiosk wird beendet ..."))
        self.tools.worker.submit(lambda db: admin.audit(db, "exit", "ok"), lambda _v: self.tools.quit())

    def reset(self) -> None:
        super().reset()
        self.action.setEnabled(True)

    def menu_text(self) -> str:
        return self.gettext("Kiosk beenden")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.title.setText(_("Kiosk beenden"))
        self.text.setText(
            _(
                "Der Kiosk wird geschlossen und das Betriebssystem ist zu sehen. Wird der Kiosk vom System "
                "überwacht, startet er danach von selbst wieder."
            )
        )
        self.action.setText(_("Jetzt beenden"))
