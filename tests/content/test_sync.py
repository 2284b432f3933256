"""The nightly sync against a real HTTP server: every failure keeps the old content.db."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from kiosk.content.install import ensure_content_db
from kiosk.content.store import ContentStore
from kiosk.content.swap import LAST_GOOD, installed_version
from kiosk.content.sync import last_result, sync_once
from kiosk.settings import Settings
from kiosk.state import open_state

from .conftest import pack, source_files


@pytest.fixture
def installed(data_dir: Path) -> bytes:
    """GIVEN a kiosk running the embedded default content (version 1); returns its bytes' hash."""
    return hashlib.sha256(ensure_content_db(data_dir).read_bytes()).digest()


@pytest.fixture
def settings(public_key: str) -> Settings:
    return Settings().replace(sync_trusted_keys=[public_key], sync_timeout_s=2.0)


def _online(url: str) -> bytes:
    return f'title = {{ de = "T" }}\nsummary = {{ de = "S" }}\nurl = "{url}"\n'.encode()


def _with_online(url: str, key: SigningKey) -> bytes:
    return pack(source_files(2) | {"online/x.toml": _online(url)}, key, version=2)


def _bomb_zip(key: SigningKey) -> bytes:
    files = source_files(2)
    files["assets/bomb.png"] = b"\0" * 5_000_000
    return pack(files, key, version=2)


def _member_zip(name: str, key: SigningKey) -> bytes:
    return pack(source_files(2), key, version=2, extra={name: b"x"})


BAD = {
    "bad_signature": lambda k: _tamper_signature(pack(source_files(2), k, version=2)),
    "untrusted_key": lambda k: pack(source_files(2), SigningKey.generate(), version=2),
    "schema_invalid": lambda k: pack(source_files(2) | {"services/x.toml": b'title = "X"\n'}, k, version=2),
    "http_url": lambda k: _with_online("http://id.bund.de/", k),
    "javascript_url": lambda k: _with_online("javascript:alert(1)", k),
    "data_url": lambda k: _with_online("data:text/html,hi", k),
    "unlisted_host": lambda k: _with_online("https://evil.example/", k),
    "dotdot_member": lambda k: _member_zip("content/../evil.toml", k),
    "absolute_member": lambda k: _member_zip("/etc/evil.toml", k),
    "zip_bomb": _bomb_zip,
    "unsigned": lambda k: pack(source_files(2), None, version=2),
    "not_a_zip": lambda k: b"<html>captive portal</html>",
}
EXPECTED = {
    "bad_signature": "signature",
    "untrusted_key": "untrusted_key",
    "schema_invalid": "schema",
    "http_url": "url",
    "javascript_url": "url",
    "data_url": "url",
    "unlisted_host": "url",
    "dotdot_member": "unsafe_path",
    "absolute_member": "unsafe_path",
    "zip_bomb": "zip_bomb",
    "unsigned": "unsigned",
    "not_a_zip": "corrupt",
}


def _tamper_signature(bundle: bytes) -> bytes:
    """Same manifest, same key id, signature over other bytes."""
    import io
    import json

    src = zipfile.ZipFile(io.BytesIO(bundle))
    sig = json.loads(src.read("manifest.sig"))
    sig["signature"] = sig["signature"][:-4] + ("AAA=" if not sig["signature"].endswith("AAA=") else "BBB=")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = json.dumps(sig).encode() if info.filename == "manifest.sig" else src.read(info)
            dst.writestr(info.filename, data)
    return out.getvalue()


def _assert_old_content_in_use(data_dir: Path, digest: bytes) -> None:
    path = data_dir / "content.db"
    assert hashlib.sha256(path.read_bytes()).digest() == digest
    store = ContentStore(path)
    try:
        assert store.meta().content_version == 1 and store.counts()["services"] >= 1
    finally:
        store.close()
    assert not list(data_dir.glob("*.part")) and not (data_dir / "content.db.new").exists()


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_bundle_is_rejected_with_its_reason_and_the_old_content_stays(
    case, server, installed, settings, signing_key, data_dir
):
    url = server.serve("/bundle.zip", BAD[case](signing_key))
    result = sync_once(data_dir, settings, 1, url=url)
    assert (result.status, result.reason) == ("failed", EXPECTED[case]), result.message
    _assert_old_content_in_use(data_dir, installed)


@pytest.mark.parametrize(
    ("route", "setting", "reason"),
    [
        ({"status": 404}, {}, "http"),
        ({"status": 500}, {}, "http"),
        ({"delay_s": 3.0}, {"sync_timeout_s": 0.3}, "timeout"),
        ({"declared_length": 10_000_000}, {}, "truncated"),
        ({}, {"sync_max_bytes": 1000}, "too_large"),
        ({"send_length": False}, {"sync_max_bytes": 1000}, "too_large"),
        ({"drip_s": 0.02}, {"sync_timeout_s": 0.1}, "timeout"),
    ],
    ids=["404", "500", "slow-server", "truncated-body", "oversized", "oversized-without-length", "dripping-server"],
)
def test_a_server_failure_is_reported_and_the_old_content_stays(
    route, setting, reason, server, installed, settings, packer, data_dir
):
    url = server.serve("/bundle.zip", packer(), **route)
    result = sync_once(data_dir, settings.replace(**setting), 1, url=url)
    assert (result.status, result.reason) == ("failed", reason), result.message
    _assert_old_content_in_use(data_dir, installed)


def test_a_newer_bundle_replaces_content_db_and_becomes_the_last_good(server, installed, settings, packer, data_dir):
    url = server.serve("/bundle.zip", packer(version=2), etag='"v2"')
    result = sync_once(data_dir, settings, 1, url=url)
    assert (result.status, result.content_version) == ("updated", 2)
    assert installed_version(data_dir) == 2
    assert (data_dir / LAST_GOOD).exists()


def test_a_second_sync_sends_the_etag_and_a_304_means_unchanged(server, installed, settings, packer, data_dir):
    url = server.serve("/bundle.zip", packer(version=2), etag='"v2"')
    sync_once(data_dir, settings, 1, url=url)
    result = sync_once(data_dir, settings, 2, url=url)
    assert (result.status, result.reason, result.content_version) == ("unchanged", "", 2)
    assert server.routes["/bundle.zip"].hits[-1].get("If-None-Match") == '"v2"'


def test_the_same_version_without_etag_support_is_unchanged(server, installed, settings, packer, data_dir):
    url = server.serve("/bundle.zip", packer(version=2))
    sync_once(data_dir, settings, 1, url=url)
    result = sync_once(data_dir, settings, 2, url=url)
    assert (result.status, result.content_version) == ("unchanged", 2)


def test_an_older_bundle_is_refused_as_rollback_and_the_newer_content_stays(
    server, installed, settings, packer, data_dir
):
    sync_once(data_dir, settings, 1, url=server.serve("/v3.zip", packer(version=3)))
    digest = hashlib.sha256((data_dir / "content.db").read_bytes()).digest()
    result = sync_once(data_dir, settings, 3, url=server.serve("/v2.zip", packer(version=2)))
    assert (result.status, result.reason, result.content_version) == ("failed", "rollback", 3)
    assert hashlib.sha256((data_dir / "content.db").read_bytes()).digest() == digest


def test_every_result_is_recorded_for_staff(server, installed, settings, data_dir):
    url = server.serve("/bundle.zip", status=500)
    sync_once(data_dir, settings, 1, url=url)
    db = open_state(data_dir)
    try:
        last = last_result(db)
    finally:
        db.close()
    assert last is not None and (last.status, last.reason) == ("failed", "http")


def test_without_a_sync_url_the_sync_fails_as_not_configured(installed, settings, data_dir):
    assert sync_once(data_dir, settings, 1).reason == "not_configured"


def test_the_app_hooks_run_around_the_replace(server, installed, settings, packer, data_dir):
    seen: list[tuple[str, int]] = []
    url = server.serve("/bundle.zip", packer(version=2))
    sync_once(
        data_dir,
        settings,
        1,
        url=url,
        before_replace=lambda: seen.append(("before", installed_version(data_dir))),
        after_replace=lambda: seen.append(("after", installed_version(data_dir))),
    )
    assert seen == [("before", 1), ("after", 2)]


def test_a_failing_before_replace_hook_keeps_the_old_content(server, installed, settings, packer, data_dir):
    def refuse() -> None:
        raise OSError("store still open")

    url = server.serve("/bundle.zip", packer(version=2))
    result = sync_once(data_dir, settings, 1, url=url, before_replace=refuse)
    assert (result.status, result.reason) == ("failed", "swap")
    _assert_old_content_in_use(data_dir, installed)


def test_a_second_sync_while_one_is_installing_is_refused_as_busy(server, installed, settings, packer, data_dir):
    from kiosk.content.swap import install_lock

    url = server.serve("/bundle.zip", packer(version=2))
    with install_lock(data_dir):
        result = sync_once(data_dir, settings, 1, url=url)
    assert (result.status, result.reason) == ("failed", "busy")
    _assert_old_content_in_use(data_dir, installed)
