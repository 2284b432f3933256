"""Printers behind one small interface; every fault comes back as a value, never raised.

``status()`` says whether printing can work *before* a job (CUPS can tell a missing queue,
a disabled printer -- staff or the driver set "paper out" -- and a stopped cupsd; it cannot
see paper-out on its own). ``print_pdf()`` submits and waits until the job is done or
``timeout_s`` passes, so the caller can record the ticket as printed or not. Both block:
call them off the GUI thread. Messages are German source text (``N_``); translate them
where shown.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from itertools import count
from pathlib import Path
from typing import Literal, Protocol

from kiosk.i18n import N_

Kind = Literal["ticket", "handout", "test"]


class Fault(StrEnum):
    OK = "ok"
    QUEUE_MISSING = "queue_missing"
    DISABLED = "disabled"
    NO_SCHEDULER = "no_scheduler"
    TIMEOUT = "timeout"
    SUBMIT_FAILED = "submit_failed"
    WRITE_FAILED = "write_failed"
    UNAVAILABLE = "unavailable"


MESSAGES: dict[Fault, str] = {
    Fault.OK: N_("Der Drucker ist bereit."),
    Fault.QUEUE_MISSING: N_("Der Drucker ist nicht eingerichtet."),
    Fault.DISABLED: N_("Der Drucker ist gerade außer Betrieb, zum Beispiel weil das Papier fehlt."),
    Fault.NO_SCHEDULER: N_("Der Druckdienst läuft nicht."),
    Fault.TIMEOUT: N_("Der Druck hat zu lange gedauert."),
    Fault.SUBMIT_FAILED: N_("Der Druckauftrag wurde nicht angenommen."),
    Fault.WRITE_FAILED: N_("Die Druckdatei konnte nicht gespeichert werden."),
    Fault.UNAVAILABLE: N_("Dieser Drucker ist auf diesem Gerät nicht verfügbar."),
}


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    fault: Fault
    detail: str = ""  # technical text for logs and staff (e.g. the CUPS reason "paper out")

    @property
    def ok(self) -> bool:
        return self.fault == Fault.OK

    @property
    def message(self) -> str:
        return MESSAGES[self.fault]


@dataclass(frozen=True, slots=True)
class JobResult:
    fault: Fault
    detail: str = ""
    job: str = ""  # CUPS job id or the written file's path

    @property
    def ok(self) -> bool:
        return self.fault == Fault.OK

    @property
    def message(self) -> str:
        return MESSAGES[self.fault]


class Printer(Protocol):
    name: str

    def status(self) -> PrinterStatus: ...

    def print_pdf(self, pdf: bytes, kind: Kind, page_size_mm: tuple[float, float]) -> JobResult: ...


_serial = count(1)


class FilePrinter:
    """Writes each job as a PDF into a folder (demo, tests, and a copy for staff to reprint)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.name = f"file:{folder}"

    def status(self) -> PrinterStatus:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return PrinterStatus(Fault.WRITE_FAILED, str(exc))
        if not os.access(self.folder, os.W_OK):
            return PrinterStatus(Fault.WRITE_FAILED, f"{self.folder} is not writable")
        return PrinterStatus(Fault.OK)

    def print_pdf(self, pdf: bytes, kind: Kind, page_size_mm: tuple[float, float]) -> JobResult:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = self.folder / f"{kind}-{stamp}-{os.getpid()}-{next(_serial)}.pdf"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".part")
            tmp.write_bytes(pdf)
            os.replace(tmp, path)  # a reader never sees half a PDF
        except OSError as exc:
            return JobResult(Fault.WRITE_FAILED, str(exc))
        return JobResult(Fault.OK, job=str(path))


_JOB_ID = re.compile(r"request id is (\S+)")
_C_LOCALE = {"LANG": "C", "LC_ALL": "C"}


def page_size_option(page_size_mm: tuple[float, float]) -> str:
    """CUPS ``PageSize`` for the PDF's page, so roll paper is not centred on A4."""
    width, height = page_size_mm
    if (round(width), round(height)) == (210, 297):
        return "A4"
    return f"Custom.{width:g}x{height:g}mm"


class CupsPrinter:
    """``lp``/``lpstat`` against one queue; works the same on Linux and macOS."""

    def __init__(self, queue: str, timeout_s: float = 10.0, poll_s: float = 0.05) -> None:
        self.queue = queue
        self.timeout_s = timeout_s
        self.poll_s = poll_s
        self.name = f"cups:{queue}"

    def _run(self, args: list[str], data: bytes | None = None, timeout: float = 3.0) -> subprocess.CompletedProcess:
        return subprocess.run(
            args, input=data, capture_output=True, timeout=timeout, env=os.environ | _C_LOCALE, check=False
        )

    def status(self) -> PrinterStatus:
        try:
            proc = self._run(["lpstat", "-p", self.queue])
        except FileNotFoundError:
            return PrinterStatus(Fault.NO_SCHEDULER, "lpstat not installed")
        except subprocess.TimeoutExpired:
            return PrinterStatus(Fault.NO_SCHEDULER, "lpstat did not answer")
        out = (proc.stdout + proc.stderr).decode(errors="replace")
        lowered = out.lower()
        if "scheduler is not running" in lowered or "unable to connect" in lowered or "bad file descriptor" in lowered:
            return PrinterStatus(Fault.NO_SCHEDULER, out.strip())
        if proc.returncode != 0 or "invalid destination" in lowered or "unknown destination" in lowered:
            # lpstat says "invalid destination" also when it cannot reach cupsd at all
            if not self._scheduler_running():
                return PrinterStatus(Fault.NO_SCHEDULER, "scheduler is not running")
            return PrinterStatus(Fault.QUEUE_MISSING, out.strip())
        if "disabled" in lowered:
            lines = [line.strip() for line in out.splitlines()[1:] if line.strip()]
            return PrinterStatus(Fault.DISABLED, "; ".join(lines) or "disabled")
        return PrinterStatus(Fault.OK, out.strip())

    def _scheduler_running(self) -> bool:
        try:
            out = self._run(["lpstat", "-r"]).stdout.decode(errors="replace").lower()
        except subprocess.TimeoutExpired:
            return False
        return "scheduler is running" in out

    def submit(self, pdf: bytes, kind: Kind, page_size_mm: tuple[float, float]) -> JobResult:
        """Hand the job to cupsd and return at once (the job id in ``job``)."""
        title = f"kiosk-{kind}-{os.getpid()}-{next(_serial)}"
        args = ["lp", "-d", self.queue, "-t", title, "-o", f"PageSize={page_size_option(page_size_mm)}", "-"]
        try:
            proc = self._run(args, data=pdf, timeout=self.timeout_s)
        except (FileNotFoundError, subprocess.TimeoutExpired) as exc:
            return JobResult(Fault.SUBMIT_FAILED, str(exc))
        match = _JOB_ID.search(proc.stdout.decode(errors="replace"))
        if proc.returncode != 0 or not match:
            return JobResult(Fault.SUBMIT_FAILED, (proc.stdout + proc.stderr).decode(errors="replace").strip())
        return JobResult(Fault.OK, job=match.group(1))

    def print_pdf(self, pdf: bytes, kind: Kind, page_size_mm: tuple[float, float]) -> JobResult:
        status = self.status()
        if not status.ok:
            return JobResult(status.fault, status.detail)
        submitted = self.submit(pdf, kind, page_size_mm)
        if not submitted.ok:
            return submitted
        return self.wait(submitted.job)

    def wait(self, job: str) -> JobResult:
        """Until the job leaves the not-completed list; a job still waiting at the timeout is
        cancelled, so a stale ticket does not come out minutes later for someone else."""
        deadline = time.monotonic() + self.timeout_s
        while time.monotonic() < deadline:
            try:
                pending = self._run(["lpstat", "-W", "not-completed", "-o", self.queue]).stdout.decode(errors="replace")
            except subprocess.TimeoutExpired:
                pending = job
            if not any(line.split()[:1] == [job] for line in pending.splitlines()):
                done = self._run(["lpstat", "-W", "completed", "-o", self.queue]).stdout.decode(errors="replace")
                if any(line.split()[:1] == [job] for line in done.splitlines()):
                    return JobResult(Fault.OK, job=job)
                return JobResult(Fault.SUBMIT_FAILED, "job was cancelled or aborted", job=job)
            time.sleep(self.poll_s)
        status = self.status()
        with contextlib.suppress(FileNotFoundError, subprocess.TimeoutExpired):
            self._run(["cancel", job])
        if not status.ok:
            return JobResult(status.fault, status.detail, job=job)
        return JobResult(Fault.TIMEOUT, f"not done after {self.timeout_s:g} s", job=job)


class UnavailablePrinter:
    """Stands in when the configured backend cannot work here (e.g. ``qt`` without Qt)."""

    def __init__(self, name: str, detail: str) -> None:
        self.name = name
        self.detail = detail

    def status(self) -> PrinterStatus:
        return PrinterStatus(Fault.UNAVAILABLE, self.detail)

    def print_pdf(self, pdf: bytes, kind: Kind, page_size_mm: tuple[float, float]) -> JobResult:
        return JobResult(Fault.UNAVAILABLE, self.detail)


def make_printer(
    settings: object, data_dir: Path, qt_factory: Callable[[str, float], Printer] | None = None
) -> Printer:
    """The backend named by ``printer_backend``. The ``qt`` backend lives in ``kiosk.ui``
    (it needs Qt); the composition root passes its factory in, the core never imports it."""
    backend = str(getattr(settings, "printer_backend", "file")).lower()
    queue = str(getattr(settings, "printer_queue", "KIOSK"))
    timeout = float(getattr(settings, "printer_timeout_s", 10.0))
    if backend == "file":
        folder = str(getattr(settings, "printer_output_dir", "") or "")
        return FilePrinter(Path(folder) if folder else data_dir / "prints")
    if backend == "cups":
        return CupsPrinter(queue, timeout)
    if backend == "qt":
        if qt_factory is None:
            return UnavailablePrinter("qt", "the qt backend needs the Qt shell (kiosk run)")
        return qt_factory(queue, timeout)
    return UnavailablePrinter(backend, f"unknown or unsupported printer_backend {backend!r}")
