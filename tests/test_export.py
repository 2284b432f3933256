"""Finding bundles on USB sticks and in the import folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from kiosk.staff import export


def _zip(folder: Path, name: str, mtime: float) -> Path:
    path = folder / name
    path.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    os.utime(path, (mtime, mtime))
    return path


@pytest.fixture
def import_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "import"
    folder.mkdir()
    return folder


def test_bundles_in_the_import_folder_are_listed_newest_first(import_dir: Path):
    old = _zip(import_dir, "inhalte-3.zip", 1_000)
    new = _zip(import_dir, "inhalte-4.ZIP", 2_000)
    (import_dir / "liesmich.txt").write_text("x")
    found = export.find_bundles(export.exchange_folders(str(import_dir), removable=[]))
    assert [b.path for b in found] == [new, old]
    assert found[0].size == 22


def test_hidden_files_and_folders_named_zip_are_skipped(import_dir: Path):
    _zip(import_dir, "._inhalte.zip", 1_000)
    (import_dir / "ordner.zip").mkdir()
    real = _zip(import_dir, "inhalte.zip", 1_000)
    assert [b.path for b in export.find_bundles([import_dir])] == [real]


def test_bundles_deeper_than_the_top_of_a_stick_are_not_listed(import_dir: Path):
    (import_dir / "sub").mkdir()
    _zip(import_dir / "sub", "inhalte.zip", 1_000)
    assert export.find_bundles([import_dir]) == []


def test_import_folder_comes_first_then_sticks_without_duplicates(import_dir: Path, tmp_path: Path):
    stick = tmp_path / "media" / "kiosk" / "STICK"
    stick.mkdir(parents=True)
    folders = export.exchange_folders(str(import_dir), removable=[stick, import_dir])
    assert folders == [import_dir, stick]


def test_missing_import_folder_is_skipped(tmp_path: Path):
    assert export.exchange_folders(str(tmp_path / "gibt-es-nicht"), removable=[]) == []


def test_unreadable_or_vanished_folder_is_skipped(import_dir: Path, tmp_path: Path):
    _zip(import_dir, "inhalte.zip", 1_000)
    found = export.find_bundles([tmp_path / "abgezogen", import_dir])
    assert [b.name for b in found] == ["inhalte.zip"]


def test_a_folder_with_many_zips_is_capped(import_dir: Path):
    for i in range(export.MAX_BUNDLES + 10):
        _zip(import_dir, f"b{i:03d}.zip", 1_000 + i)
    assert len(export.find_bundles([import_dir])) == export.MAX_BUNDLES


def test_export_goes_to_the_first_writable_folder(import_dir: Path):
    assert export.export_folder(str(import_dir), removable=[]) == import_dir
    assert export.export_folder("", removable=[]) is None


@pytest.mark.skipif(sys.platform == "win32", reason="Linux mount points")
def test_removable_folders_on_linux_are_existing_mount_folders():
    folders = export.removable_folders()
    assert all(f.is_dir() and str(f).startswith(("/media/", "/run/media/", "/mnt/")) for f in folders)
