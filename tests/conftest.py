"""Every test gets its own data dir and offscreen Qt; nothing touches the real kiosk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.content.build import write_content_db
from kiosk.content.source import load_dir
from kiosk.content.store import ContentStore
from kiosk.paths import default_content_dir


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("KIOSK_DATA_DIR", str(folder))
    for name in list(os.environ):
        if name.startswith("KIOSK_") and name != "KIOSK_DATA_DIR":
            monkeypatch.delenv(name)
    return folder


@pytest.fixture(scope="session")
def default_content():
    return load_dir(default_content_dir())


@pytest.fixture(scope="session")
def default_db(tmp_path_factory: pytest.TempPathFactory, default_content) -> Path:
    path = tmp_path_factory.mktemp("content") / "content.db"
    write_content_db(default_content, path)
    return path


@pytest.fixture
def store(default_db: Path) -> ContentStore:
    store = ContentStore(default_db)
    yield store
    store.close()
