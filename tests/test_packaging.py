"""The systemd unit in packaging/linux passes ``systemd-analyze verify`` without a warning."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parent.parent / "packaging" / "linux" / "kiosk.service"
ANALYZE = shutil.which("systemd-analyze")


def _verify(text: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Verify ``text`` as kiosk.service; cage is replaced by a stub because verify insists
    that the ExecStart binary exists and CI has no cage installed."""
    stub = tmp_path / "cage"
    stub.write_text("#!/bin/sh\nexit 0\n")
    stub.chmod(0o755)
    unit = tmp_path / "kiosk.service"
    unit.write_text(text.replace("/usr/bin/cage", str(stub)), encoding="utf-8")
    return subprocess.run([ANALYZE, "verify", "--man=no", str(unit)], capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze not installed (Debian package: systemd)")
def test_kiosk_unit_verifies_without_any_warning(tmp_path):
    result = _verify(UNIT.read_text(encoding="utf-8"), tmp_path)
    assert result.returncode == 0 and (result.stdout + result.stderr).strip() == ""


@pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze not installed (Debian package: systemd)")
def test_verify_catches_a_misspelt_key_so_the_check_above_means_something(tmp_path):
    result = _verify(UNIT.read_text(encoding="utf-8").replace("NotifyAccess=", "NotifyAcess="), tmp_path)
    assert "Unknown key" in result.stdout + result.stderr


def test_unit_restarts_always_with_the_watchdog_as_an_unprivileged_user():
    lines = set(UNIT.read_text(encoding="utf-8").splitlines())
    assert {"Type=notify", "Restart=always", "WatchdogSec=30", "User=kiosk", "NoNewPrivileges=yes"} <= lines
    assert {"ProtectSystem=strict", "PrivateTmp=yes"} <= lines
