"""At start: a missing or corrupt content.db is rebuilt from the last good bundle, else the default."""

from __future__ import annotations

import logging

from kiosk.content.install import ensure_content_db
from kiosk.content.swap import LAST_GOOD, bundle_info, installed_version
from kiosk.content.sync import sync_once
from kiosk.settings import Settings

from .conftest import BundleServer


def _sync_v2(server: BundleServer, data_dir, public_key, packer) -> None:
    ensure_content_db(data_dir)
    settings = Settings().replace(sync_trusted_keys=[public_key])
    assert sync_once(data_dir, settings, 1, url=server.serve("/b.zip", packer(version=2))).status == "updated"


def test_first_start_builds_from_the_embedded_default_and_says_so(data_dir, caplog):
    with caplog.at_level(logging.INFO):
        path = ensure_content_db(data_dir)
    assert installed_version(data_dir) == 1 and bundle_info(path)["source"] == "default"
    assert "embedded default" in caplog.text


def test_a_corrupt_content_db_is_rebuilt_from_the_last_good_bundle(server, data_dir, public_key, packer, caplog):
    _sync_v2(server, data_dir, public_key, packer)
    (data_dir / "content.db").write_bytes(b"SQLite format 3\0" + b"\xff" * 5000)
    with caplog.at_level(logging.INFO):
        path = ensure_content_db(data_dir)
    assert installed_version(data_dir) == 2 and bundle_info(path)["source"] == "last good bundle"
    assert "corrupt" in caplog.text and "last good bundle" in caplog.text


def test_a_missing_content_db_is_rebuilt_from_the_last_good_bundle(server, data_dir, public_key, packer):
    _sync_v2(server, data_dir, public_key, packer)
    (data_dir / "content.db").unlink()
    ensure_content_db(data_dir)
    assert installed_version(data_dir) == 2


def test_a_damaged_last_good_bundle_falls_back_to_the_default(server, data_dir, public_key, packer, caplog):
    _sync_v2(server, data_dir, public_key, packer)
    (data_dir / LAST_GOOD).write_bytes(b"not a zip")
    (data_dir / "content.db").unlink()
    with caplog.at_level(logging.INFO):
        ensure_content_db(data_dir)
    assert installed_version(data_dir) == 1
    assert "embedded default" in caplog.text


def test_leftovers_of_an_interrupted_sync_are_swept_at_start(data_dir):
    ensure_content_db(data_dir)
    (data_dir / "content.db.new").write_bytes(b"half")
    (data_dir / "sync-abc.part").write_bytes(b"half")
    ensure_content_db(data_dir)
    assert not (data_dir / "content.db.new").exists() and not (data_dir / "sync-abc.part").exists()
