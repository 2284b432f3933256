"""Tap -> ticket PDF bytes, and tap -> handed to CUPS.

    uv run python benchmarks/paper.py [--runs 50]

"Tap" starts at the call that issues the number (state.db, BEGIN IMMEDIATE, fsync) and
includes rendering the PDF; "handed to CUPS" adds the ``lpstat -p`` status check and
``lp`` returning a job id (the printer's own time is not the kiosk's). The first, cold
call (reportlab import, font registration) is reported separately.
Goals: PDF median <= 50 ms; CUPS median <= 250 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--queue", default="KIOSK")
    args = parser.parse_args()

    started = time.perf_counter()
    from kiosk.content.source import load_dir
    from kiosk.i18n import Translator
    from kiosk.paths import default_content_dir
    from kiosk.printing.layouts import ticket_pdf
    from kiosk.printing.printers import CupsPrinter
    from kiosk.queue.tickets import Ticket, TicketService
    from kiosk.state import open_state

    content = load_dir(default_content_dir())
    queue = replace(content.queues[0], daily_cap=0, last=99999)  # many taps in one day
    office = next(o for o in content.offices if o.id == queue.office_id)
    tickets = TicketService(open_state(Path(tempfile.mkdtemp())))
    tr = Translator("de")
    print(f"imports + content: {(time.perf_counter() - started) * 1000:.0f} ms")

    def tap() -> bytes:
        ticket = tickets.issue(queue, datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
        assert isinstance(ticket, Ticket), ticket
        return ticket_pdf(ticket, queue, office, tr).data

    t0 = time.perf_counter()
    tap()
    print(f"cold tap -> PDF: {(time.perf_counter() - t0) * 1000:.1f} ms")
    report("tap -> ticket PDF bytes", [timed(tap) for _ in range(args.runs)], goal=50)

    printer = CupsPrinter(args.queue)
    if not printer.status().ok:
        print(f"CUPS queue {args.queue} not ready ({printer.status().detail}); skipping the CUPS measurement")
        return

    def tap_to_cups() -> None:
        pdf = tap()
        assert printer.status().ok
        result = printer.submit(pdf, "ticket", (80, 120))
        assert result.ok, result

    runs = max(10, args.runs // 2)
    report("tap -> handed to CUPS", [timed(tap_to_cups) for _ in range(runs)], goal=250)
    subprocess.run(["cancel", "-a", args.queue], check=False)  # do not leave the cups-pdf queue busy


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def report(name: str, samples: list[float], goal: float) -> None:
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    median = statistics.median(samples)
    verdict = "OK" if median <= goal else "OVER GOAL"
    print(f"{name}: median {median:.1f} ms, p99 {p99:.1f} ms, n={len(samples)} (goal <= {goal:.0f} ms: {verdict})")


if __name__ == "__main__":
    main()
