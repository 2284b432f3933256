"""Every setting, declared once: name, type, default and what it is for.

Values come from ``settings.toml`` in the data dir, then from environment variables
``KIOSK_<NAME>`` (upper case), which win. Unknown keys and bad values are reported, not
ignored silently, and fall back to the default so a typo never stops the kiosk.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, NamedTuple

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.toml"


class Setting(NamedTuple):
    name: str
    type: type
    default: Any
    doc: str


DECLARED: tuple[Setting, ...] = (
    Setting("default_language", str, "de", "Language Home shows after every visitor session."),
    Setting("idle_timeout_s", int, 90, "Seconds without touch before the idle warning shows."),
    Setting("idle_warning_s", int, 25, "Seconds the idle warning counts down (at least 20)."),
    Setting("timezone", str, "Europe/Berlin", "Time zone of the office, for hours and tickets."),
    Setting("printer_backend", str, "file", "Printer: file, cups, qt or escpos."),
    Setting("printer_queue", str, "KIOSK", "CUPS queue or Windows printer name."),
    Setting("printer_output_dir", str, "", "Folder for the file backend (default: <data dir>/prints)."),
    Setting("printer_timeout_s", float, 10.0, "Seconds a print job may take before it counts as failed."),
    Setting("ticket_return_s", float, 8.0, "Seconds the printed ticket's number stays on screen before Home."),
    Setting("ticket_fault_return_s", float, 45.0, "Seconds the number stays when the ticket did not print."),
    Setting("ticket_print_wait_s", float, 3.0, "Seconds of printing after which the screen says it did not work."),
    Setting("escpos_host", str, "", "Network address of an ESC/POS printer (escpos backend)."),
    Setting("handout_paper", str, "roll", "Paper for handouts and checklists: roll (80 mm) or a4."),
    Setting("sync_url", str, "", "Address of the signed content bundle; empty: no nightly sync."),
    Setting("sync_trusted_keys", list, [], "Ed25519 public keys (base64) a bundle may be signed with."),
    Setting("sync_window", str, "02:00-04:00", "Time window for the nightly sync (a random time in it)."),
    Setting("sync_timeout_s", float, 30.0, "Network timeout of one sync request."),
    Setting("sync_max_bytes", int, 50_000_000, "Largest bundle accepted, in bytes."),
    Setting("import_dir", str, "", "Extra folder searched for bundles and used for exports."),
    Setting("admin_timeout_s", int, 120, "Seconds without touch before the admin panel closes."),
    Setting("speech_engine", str, "", "Read-aloud engine (empty: the first available, e.g. speechd)."),
    Setting("fullscreen", bool, True, "Fullscreen and frameless (kiosk run --windowed turns it off)."),
)

_BY_NAME = {s.name: s for s in DECLARED}


class Settings:
    """Read-only view of the effective settings; attribute access by setting name."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self._values = {s.name: s.default for s in DECLARED}
        for name, value in (values or {}).items():
            self._values[name] = _coerce(_BY_NAME[name], value)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def replace(self, **changes: Any) -> Settings:
        return Settings(self._values | changes)

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    @classmethod
    def load(cls, data_dir: Path, environ: dict[str, str] | None = None) -> Settings:
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        path = data_dir / SETTINGS_FILE
        if path.exists():
            import tomllib  # ~10 M instructions of start-up, paid only when there is a file

            try:
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
                log.error("settings file %s unreadable, using defaults: %s", path, exc)
                raw = {}
            for name, value in raw.items():
                if name not in _BY_NAME:
                    log.warning("settings file: unknown setting %r ignored", name)
                    continue
                values[name] = value
        for setting in DECLARED:
            env = environ.get(f"KIOSK_{setting.name.upper()}")
            if env is not None:
                values[setting.name] = env
        checked: dict[str, Any] = {}
        for name, value in values.items():
            try:
                checked[name] = _coerce(_BY_NAME[name], value)
            except (TypeError, ValueError) as exc:
                log.error("setting %s=%r is invalid (%s); using the default", name, value, exc)
        return cls(checked)


def _coerce(setting: Setting, value: Any) -> Any:
    kind = setting.type
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    if isinstance(value, str):
        if kind is bool:
            if value.lower() in ("1", "true", "yes", "on"):
                return True
            if value.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError("expected true or false")
        if kind is list:
            return [v.strip() for v in value.split(",") if v.strip()]
        return kind(value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"expected {kind.__name__}")


def describe() -> str:
    """All settings with defaults and docs, for ``kiosk settings`` and the docs."""
    return "\n".join(f"{s.name} = {s.default!r}  # {s.doc}" for s in DECLARED)
