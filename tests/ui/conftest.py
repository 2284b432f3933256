"""A real kiosk on the default content, offscreen, in the test's own data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app import Kiosk, build_kiosk, ensure_qapp
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
