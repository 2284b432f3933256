"""The app's sync: the heavy part in a child process, the same checks and outcomes as in-process."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from kiosk.content.install import ensure_content_db
from kiosk.content.isolate import ChildError, run_isolated
from kiosk.content.swap import LAST_GOOD, installed_version
from kiosk.content.sync import import_bundle, sync_once
from kiosk.settings import Settings

from .conftest import pack, source_files
from .test_sync import BAD, EXPECTED, _assert_old_content_in_use


@pytest.fixture
def installed(data_dir: Path) -> bytes:
    return hashlib.sha256(ensure_content_db(data_dir).read_bytes()).digest()


@pytest.fixture
def settings(public_key: str) -> Settings:
    return Settings().replace(sync_trusted_keys=[public_key], sync_timeout_s=2.0)


def test_an_isolated_sync_installs_a_newer_bundle_and_keeps_it_as_last_good(
    server, installed, settings, packer, data_dir
):
    seen: list[tuple[str, int]] = []
    url = server.serve("/bundle.zip", packer(version=2), etag='"v2"')
    result = sync_once(
        data_dir,
        settings,
        1,
        url=url,
        before_replace=lambda: seen.append(("before", installed_version(data_dir))),
        after_replace=lambda: seen.append(("after", installed_version(data_dir))),
        isolated=True,
    )
    assert (result.status, result.content_version) == ("updated", 2)
    assert seen == [("before", 1), ("after", 2)]  # the hooks run in this process, around the swap
    assert (data_dir / LAST_GOOD).exists()
    assert not list(data_dir.glob("*.part")) and not (data_dir / "content.db.new").exists()


def test_an_isolated_sync_of_the_same_etag_is_unchanged(server, installed, settings, packer, data_dir):
    url = server.serve("/bundle.zip", packer(version=2), etag='"v2"')
    sync_once(data_dir, settings, 1, url=url, isolated=True)
    result = sync_once(data_dir, settings, 2, url=url, isolated=True)
    assert (result.status, result.content_version) == ("unchanged", 2)


@pytest.mark.parametrize("case", ["bad_signature", "untrusted_key", "schema_invalid", "zip_bomb", "not_a_zip"])
def test_an_isolated_sync_rejects_a_bad_bundle_with_the_same_reason(
    case, server, installed, settings, signing_key, data_dir
):
    url = server.serve("/bundle.zip", BAD[case](signing_key))
    result = sync_once(data_dir, settings, 1, url=url, isolated=True)
    assert (result.status, result.reason) == ("failed", EXPECTED[case]), result.message
    _assert_old_content_in_use(data_dir, installed)


def test_an_isolated_sync_reports_a_server_failure(server, installed, settings, packer, data_dir):
    url = server.serve("/bundle.zip", packer(), status=500)
    result = sync_once(data_dir, settings, 1, url=url, isolated=True)
    assert (result.status, result.reason) == ("failed", "http")
    _assert_old_content_in_use(data_dir, installed)


def test_a_failing_hook_after_an_isolated_build_keeps_the_old_content(server, installed, settings, packer, data_dir):
    def refuse() -> None:
        raise OSError("store still open")

    url = server.serve("/bundle.zip", packer(version=2))
    result = sync_once(data_dir, settings, 1, url=url, before_replace=refuse, isolated=True)
    assert (result.status, result.reason) == ("failed", "swap")
    _assert_old_content_in_use(data_dir, installed)


def test_an_isolated_import_installs_a_bundle_from_a_file(installed, public_key, signing_key, data_dir, tmp_path):
    stick = tmp_path / "stick.zip"
    stick.write_bytes(pack(source_files(2), signing_key, version=2))
    result = import_bundle(data_dir, stick, [public_key], 50_000_000, 1, isolated=True)
    assert (result.status, result.content_version) == ("updated", 2)
    assert installed_version(data_dir) == 2


@pytest.mark.parametrize(("max_bytes", "reason"), [(1000, "too_large"), (50_000_000, "corrupt")])
def test_an_isolated_import_refuses_with_the_same_reason(max_bytes, reason, installed, public_key, data_dir, tmp_path):
    stick = tmp_path / "stick.zip"
    if reason == "too_large":
        stick.write_bytes(b"x" * 2000)
    # "corrupt": the file is gone (an unplugged stick): an OSError in the child
    result = import_bundle(data_dir, stick, [public_key], max_bytes, 1, isolated=True)
    assert (result.status, result.reason) == ("failed", reason), result.message
    _assert_old_content_in_use(data_dir, installed)


def test_an_unexpected_error_in_the_child_comes_back_as_child_error():
    with pytest.raises(ChildError, match="ZeroDivisionError"):
        run_isolated(divmod, 1, 0)


def test_a_child_that_dies_without_an_answer_is_a_child_error():
    import os

    with pytest.raises(ChildError, match="without a result"):
        run_isolated(os._exit, 3)


PARENT = """
import sys
from pathlib import Path
from kiosk.content.sync import sync_once
from kiosk.settings import Settings
data_dir, url, key = sys.argv[1:4]
print("ready", flush=True)
sync_once(Path(data_dir), Settings().replace(sync_trusted_keys=[key], sync_timeout_s=60.0), 1, url=url, isolated=True)
"""


@pytest.mark.slow
def test_the_child_ends_when_the_app_is_killed_and_the_next_start_has_the_old_content(
    server, installed, public_key, packer, data_dir
):
    """GIVEN an app whose child is still downloading (a slow server), WHEN the app is
    SIGKILLed, THEN the child exits by itself and the next start opens the old content."""
    url = server.serve("/bundle.zip", packer(version=2), drip_s=0.05)
    app = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(data_dir), url, public_key], stdout=subprocess.PIPE, text=True
    )
    try:
        assert app.stdout is not None and app.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        children: list[psutil.Process] = []
        while not children and time.monotonic() < deadline:
            children = psutil.Process(app.pid).children()
            time.sleep(0.05)
        assert children, "the sync never started its child"
        while not list(data_dir.glob("sync-*.part")) and time.monotonic() < deadline:
            time.sleep(0.05)  # the child is downloading now
        app.send_signal(signal.SIGKILL)
        app.wait(30)
        _gone, alive = psutil.wait_procs(children, timeout=30)
        assert not alive, "the child went on after its parent was killed"
    finally:
        if app.poll() is None:
            app.kill()
    ensure_content_db(data_dir)  # what the next start does: sweeps the child's download
    _assert_old_content_in_use(data_dir, installed)
