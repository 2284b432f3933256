"""Admin page "Status": versions, content, sync, printer, tickets today, uptime, disk."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.content.model import localized
from kiosk.content.sync import REASON_TEXT
from kiosk.i18n import N_
from kiosk.ops.status import collect_status
from kiosk.printing.printers import PrinterStatus
from kiosk.screens.staff.page import AdminPage
from kiosk.screens.staff.tools import AdminTools
from kiosk.ui.widgets import BigButton, WrapLabel

SYNC_STATUS = {"updated": N_("aktualisiert"), "unchanged": N_("unverändert"), "failed": N_("fehlgeschlagen")}


class StatusPage(AdminPage):
    key = "status"
    icon = "info"

    def __init__(self, tools: AdminTools) -> None:
        super().__init__(tools)
        self.lines = WrapLabel()
        self.lines.setObjectName("admin-status-lines")
        self.refresh_button = BigButton("", "schedule")
        self.refresh_button.setObjectName("admin-status-refresh")
        self.refresh_button.clicked.connect(self.opened)
        self.inner.addWidget(self.lines)
        self.inner.addWidget(self.refresh_button)
        self.inner.addStretch(1)
        self.status: dict[str, Any] | None = None
        self.printer: PrinterStatus | None = None
        tools.printing.status_ready.connect(self._on_printer)

    def opened(self) -> None:
        tools = self.tools
        moment, started = tools.now(), tools.started_at
        self.status, self.printer = None, None
        tools.printing.check_status()
        data_dir, zone = tools.data_dir, tools.settings.timezone
        tools.worker.submit(lambda _db: collect_status(data_dir, moment, started, None, zone), self._on_status)
        tools.audit("status", "ok")
        self.retranslate()

    def _on_status(self, value: object) -> None:
        self.status = value if isinstance(value, dict) else {}
        self.retranslate()

    def _on_printer(self, status: PrinterStatus) -> None:
        self.printer = status
        self.retranslate()

    def menu_text(self) -> str:
        return self.gettext("Status")

    def retranslate(self) -> None:
        super().retranslate()
        _ = self.gettext
        self.title.setText(_("Status"))
        self.refresh_button.setText(_("Neu laden"))
        if self.status is None:
            self.lines.setText(_("Wird geladen ..."))
            return
        self.lines.setText("\n".join(self._lines(self.status)))

    def _lines(self, s: dict[str, Any]) -> list[str]:
        _ = self.gettext
        unknown = _("unbekannt")
        zone = ZoneInfo(self.tools.settings.timezone)
        out = [_("Programm-Version: {v}").format(v=s.get("app_version") or unknown)]
        content = s.get("content") or {}
        out.append(
            _("Inhalte: Version {v}, Stand {date}").format(
                v=content.get("version", unknown), date=_day(content.get("created_at"), zone) or unknown
            )
        )
        out.append(_("Herkunft der Inhalte: {source}").format(source=content.get("source") or unknown))
        sync = s.get("last_sync")
        if sync:
            words = _(REASON_TEXT.get(sync.get("reason") or "", REASON_TEXT["internal"]))
            out.append(
                _("Letzte Aktualisierung: {when}, {status}. {words}").format(
                    when=_moment(sync.get("finished_at"), zone) or unknown,
                    status=_(SYNC_STATUS.get(sync.get("status"), unknown)),
                    words=words,
                )
            )
        else:
            out.append(_("Letzte Aktualisierung: noch keine"))
        planned = self.tools.next_sync()
        if not self.tools.settings.sync_url:
            out.append(_("Nächste Aktualisierung: keine (es ist keine Adresse eingestellt)"))
        elif planned is None:
            out.append(_("Nächste Aktualisierung: noch nicht geplant"))
        else:
            out.append(_("Nächste Aktualisierung: {when}").format(when=_moment(planned.isoformat(), zone)))
        if self.printer is None:
            out.append(_("Drucker: wird geprüft ..."))
        else:
            out.append(_("Drucker: {state}").format(state=_(self.printer.message)))
        out.append(_("Wartemarken heute:"))
        today = s.get("tickets_today") or {}
        for queue in self.tools.store.queues():
            out.append(f"   {localized(queue.title, 'de')}: {today.get(queue.id, 0)}")
        uptime = s.get("uptime_s")
        if uptime is not None:
            out.append(_("Läuft seit: {h} Std. {m} Min.").format(h=uptime // 3600, m=uptime % 3600 // 60))
        free = s.get("disk_free_bytes")
        if free is not None:
            out.append(_("Freier Speicher: {gb} GB").format(gb=f"{free / 1e9:.1f}".replace(".", ",")))
        return out


def _parse(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _day(text: str | None, zone: ZoneInfo) -> str:
    when = _parse(text)
    return when.astimezone(zone).strftime("%d.%m.%Y") if when and when.tzinfo else ""


def _moment(text: str | None, zone: ZoneInfo) -> str:
    when = _parse(text)
    return when.astimezone(zone).strftime("%d.%m.%Y %H:%M") if when and when.tzinfo else ""
