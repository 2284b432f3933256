"""A real kiosk on the default content, offscreen, in the test's own data dir."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.app import Kiosk, build_kiosk, ensure_qapp
from kiosk.printing.printers import Printer
from kiosk.settings import Settings


@pytest.fixture
def kiosk(qapp, data_dir: Path) -> Kiosk:
    ensure_qapp()
    kiosk = build_kiosk(data_dir, Settings().replace(fullscreen=False, idle_timeout_s=1, idle_warning_s=20))
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    kiosk.idle.start()
    yield kiosk
    kiosk.shutdown()


GUIDE_CONTENT = Path(__file__).parent / "guide_content"


@pytest.fixture
def prints(tmp_path: Path) -> Path:
    """Where the guide kiosk's real ``file`` printer backend writes each printout as PDF."""
    return tmp_path / "prints"


@pytest.fixture(scope="session")
def guide_content_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content.db of the default content plus tests/ui/guide_content (guides with
    branches and pictures, online services), whatever the default content holds."""
    from kiosk.content.build import write_content_db
    from kiosk.content.source import load_files, read_source_dir
    from kiosk.paths import default_content_dir

    files = read_source_dir(default_content_dir())
    files.update(read_source_dir(GUIDE_CONTENT))
    path = tmp_path_factory.mktemp("guide-content") / "content.db"
    write_content_db(load_files(files), path)
    return path


@pytest.fixture
def guide_kiosk(qapp, data_dir: Path, prints: Path, guide_content_db: Path) -> Kiosk:
    """A real kiosk on ``guide_content_db`` printing PDFs into ``prints``."""
    import shutil

    from kiosk.printing.printers import FilePrinter

    shutil.copyfile(guide_content_db, data_dir / "content.db")
    ensure_qapp()
    kiosk = build_kiosk(
        data_dir,
        Settings().replace(fullscreen=False, idle_timeout_s=600, idle_warning_s=20),
        printer=FilePrinter(prints),
    )
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    yield kiosk
    kiosk.shutdown()


MONDAY_0930 = datetime(2026, 11, 23, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))  # every default queue issues


@pytest.fixture
def make_kiosk(qapp, data_dir: Path):
    """Build a real kiosk with this printer and a fixed wall clock (the boundary fakes)."""
    built: list[Kiosk] = []

    def make(printer: Printer, at: datetime = MONDAY_0930, **settings) -> Kiosk:
        ensure_qapp()
        values = {"fullscreen": False, "idle_timeout_s": 600, "idle_warning_s": 20} | settings
        kiosk = build_kiosk(data_dir, Settings().replace(**values), printer=printer, clock=lambda: at)
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        built.append(kiosk)
        return kiosk

    yield make
    for kiosk in built:
        release = getattr(kiosk.printing.printer, "release", None)
        if release is not None:
            release.set()  # a hanging fake printer lets go, so shutdown does not wait for it
        kiosk.shutdown()
