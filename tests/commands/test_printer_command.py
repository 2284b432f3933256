"""``kiosk printer status`` / ``kiosk printer test`` on the configured backend (staff checks)."""

from __future__ import annotations

from pathlib import Path

from kiosk.cli import main
from tests.printing.pdftools import needs_poppler, text


def _configure(data_dir: Path, **settings: str) -> None:
    lines = [f'{name} = "{value}"' for name, value in settings.items()]
    (data_dir / "settings.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_status_of_a_writable_file_printer_is_ready(data_dir, capsys):
    _configure(data_dir, printer_backend="file", printer_output_dir=str(data_dir / "out"))
    assert main(["printer", "--data-dir", str(data_dir), "status"]) == 0
    assert "ok – Der Drucker ist bereit." in capsys.readouterr().out


@needs_poppler
def test_test_page_comes_out_of_the_file_printer(data_dir, capsys, tmp_path):
    _configure(data_dir, printer_backend="file", printer_output_dir=str(data_dir / "out"))
    assert main(["printer", "--data-dir", str(data_dir), "test"]) == 0
    (page,) = (data_dir / "out").glob("test-*.pdf")
    assert "Testdruck" in text(page, tmp_path) and str(page) in capsys.readouterr().out


def test_status_of_a_cups_queue_that_does_not_exist_fails_with_the_reason(data_dir, capsys):
    # a missing queue (or, on a machine without cupsd, the missing scheduler) is exit code 1
    _configure(data_dir, printer_backend="cups", printer_queue="KIOSK_DOES_NOT_EXIST")
    assert main(["printer", "--data-dir", str(data_dir), "status"]) == 1
    out = capsys.readouterr().out
    assert "queue_missing" in out or "no_scheduler" in out


def test_unknown_backend_is_reported_not_crashed(data_dir, capsys):
    _configure(data_dir, printer_backend="laser")
    assert main(["printer", "--data-dir", str(data_dir), "test"]) == 1
    assert "unavailable" in capsys.readouterr().out
