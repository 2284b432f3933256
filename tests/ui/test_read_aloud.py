"""Read aloud: shown only where a voice for the visitor's language exists."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.app import build_kiosk, ensure_qapp
from kiosk.settings import Settings

pytest.importorskip("PySide6.QtTextToSpeech", reason="pyside6-addons is in the dev group")


@pytest.fixture
def mock_voice_kiosk(qapp, data_dir: Path):
    """Qt's "mock" engine has English voices only: a real engine with a known voice set."""
    ensure_qapp()
    kiosk = build_kiosk(data_dir, Settings().replace(fullscreen=False, speech_engine="mock"))
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    yield kiosk
    kiosk.shutdown()


def test_button_shows_for_a_language_with_a_voice_and_reads_the_screen(qtbot, mock_voice_kiosk):
    kiosk = mock_voice_kiosk
    kiosk.window.set_language("en")
    button = kiosk.window.navbar.speak_button
    assert button.isVisible()
    spoken = []
    tts = kiosk.window.read_aloud._engine()
    tts.aboutToSynthesize.connect(lambda _id: spoken.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(spoken), timeout=3000)


def test_button_is_hidden_for_a_language_without_a_voice(mock_voice_kiosk):
    kiosk = mock_voice_kiosk
    kiosk.window.set_language("tr")
    assert not kiosk.window.navbar.speak_button.isVisible()


def test_no_engine_means_no_button(kiosk):
    # the default setting never picks the test engine; this machine has no working speechd
    kiosk.window.set_language("en")
    available = kiosk.window.read_aloud.available_for(kiosk.tr.language)
    assert kiosk.window.navbar.speak_button.isVisible() is available
