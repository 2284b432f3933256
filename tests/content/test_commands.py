"""``kiosk content keygen|build|verify|import|info`` and ``kiosk sync`` as an operator uses them."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.source import load_dir
from kiosk.content.swap import installed_version
from kiosk.paths import default_content_dir


@pytest.fixture
def keyfile(tmp_path: Path, capsys) -> tuple[Path, str]:
    path = tmp_path / "signing.pem"
    assert main(["content", "keygen", str(path)]) == 0
    return path, capsys.readouterr().out.strip()


def _source_v2(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    for path in default_content_dir().rglob("*"):
        if not path.is_file():
            continue
        target = src / path.relative_to(default_content_dir())
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes().replace(b"content_version = 1", b"content_version = 2"))
    return src


def test_keygen_writes_a_private_key_only_its_owner_can_read(keyfile):
    path, public = keyfile
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(public) == 44  # base64 of 32 bytes


def test_keygen_never_overwrites_an_existing_key(keyfile):
    path, _ = keyfile
    assert main(["content", "keygen", str(path)]) == 2


def test_the_default_content_builds_into_a_signed_bundle_that_verifies(keyfile, tmp_path, capsys):
    path, public = keyfile
    out = tmp_path / "default.zip"
    assert main(["content", "build", str(default_content_dir()), str(out), "--key", str(path)]) == 0
    assert main(["content", "verify", str(out), "--pubkey", public]) == 0
    version = load_dir(default_content_dir()).meta.content_version
    assert f"content_version {version}" in capsys.readouterr().out


def test_a_bundle_without_key_is_marked_unsigned_and_refused_by_verify_with_keys(keyfile, tmp_path, capsys):
    _, public = keyfile
    out = tmp_path / "unsigned.zip"
    assert main(["content", "build", str(default_content_dir()), str(out)]) == 0
    assert "nicht signiert" in capsys.readouterr().err
    assert main(["content", "verify", str(out), "--pubkey", public]) == 1
    assert "unsigned" in capsys.readouterr().err


def test_build_refuses_broken_content_naming_the_file(tmp_path, capsys):
    src = _source_v2(tmp_path)
    (src / "services" / "kaputt.toml").write_text('title = "X"\n', encoding="utf-8")
    assert main(["content", "build", str(src), str(tmp_path / "x.zip")]) == 1
    assert "services/kaputt.toml" in capsys.readouterr().err


def test_import_installs_a_newer_bundle_and_info_shows_where_it_came_from(keyfile, tmp_path, capsys, data_dir):
    path, public = keyfile
    out = tmp_path / "v2.zip"
    main(["content", "build", str(_source_v2(tmp_path)), str(out), "--key", str(path)])
    assert main(["content", "import", str(out), "--pubkey", public]) == 0
    assert installed_version(data_dir) == 2
    capsys.readouterr()
    assert main(["content", "info"]) == 0
    info = capsys.readouterr().out
    services = len(load_dir(default_content_dir()).services)
    assert "content_version: 2" in info and "source: import v2.zip" in info and f"services: {services}\n" in info


def test_import_without_a_trusted_key_is_refused(keyfile, tmp_path):
    out = tmp_path / "v2.zip"
    main(["content", "build", str(_source_v2(tmp_path)), str(out), "--key", str(keyfile[0])])
    assert main(["content", "import", str(out)]) == 2


def test_kiosk_sync_exits_non_zero_with_the_reason_when_it_fails(data_dir):
    env = dict(os.environ, KIOSK_DATA_DIR=str(data_dir))
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "sync", "--url", "http://127.0.0.1:9/none.zip"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1 and "network" in proc.stderr


def test_kiosk_sync_exits_zero_on_an_update(keyfile, tmp_path, server, data_dir, capsys, monkeypatch):
    path, public = keyfile
    out = tmp_path / "v2.zip"
    main(["content", "build", str(_source_v2(tmp_path)), str(out), "--key", str(path)])
    monkeypatch.setenv("KIOSK_SYNC_TRUSTED_KEYS", public)
    url = server.serve("/b.zip", out.read_bytes())
    assert main(["sync", "--url", url]) == 0
    assert "updated: content_version 2" in capsys.readouterr().out


def test_kiosk_sync_isolated_installs_through_a_child_process_as_the_app_does(keyfile, tmp_path, server, data_dir):
    """``python -m kiosk`` as the entry point: the spawned child must not run the CLI again."""
    path, public = keyfile
    out = tmp_path / "v2.zip"
    main(["content", "build", str(_source_v2(tmp_path)), str(out), "--key", str(path)])
    url = server.serve("/b.zip", out.read_bytes())
    env = dict(os.environ, KIOSK_DATA_DIR=str(data_dir), KIOSK_SYNC_TRUSTED_KEYS=public)
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "sync", "--isolated", "--url", url],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "updated: content_version 2" in proc.stdout
