"""SIGKILL a running sync at random moments: every following start opens a whole content.db."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.content.install import ensure_content_db, is_valid_db
from kiosk.content.source import load_dir
from kiosk.content.store import ContentStore
from kiosk.content.swap import installed_version
from kiosk.paths import default_content_dir
from kiosk.state import open_state

from .conftest import pack, source_files

KILLS = 50
SERVICES = 300
DEFAULT = len(load_dir(default_content_dir()).services)  # services of the embedded default

# A zygote: imports once, then forks one sync per request, so 50 kills take seconds, not minutes.
ZYGOTE = """
import os, sys
from pathlib import Path
from kiosk.content.sync import sync_once
from kiosk.settings import Settings
import jsonschema  # what the first sync would import lazily
data_dir, url, key = sys.argv[1:4]
settings = Settings().replace(sync_trusted_keys=[key])
print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        result = sync_once(Path(data_dir), settings, 1, url=url)
        os._exit(0 if result.status == "updated" else 3)
    print(pid, flush=True)
    sys.stdin.readline()  # reap only when told: until then the pid stays ours (a zombie at worst)
    print(os.waitpid(pid, 0)[1], flush=True)
"""


def _many_services(n: int) -> dict[str, bytes]:
    files = source_files(2)
    template = files["services/wohngeld.toml"]
    for i in range(n):
        files[f"services/leistung-{i}.toml"] = template.replace(b"Wohngeld", f"Leistung {i}".encode())
    return files


class Zygote:
    def __init__(self, data_dir: Path, url: str, key: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE, str(data_dir), url, key],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def start(self) -> tuple[int, float]:
        assert self.proc.stdin is not None
        self.proc.stdin.write("sync\n")
        self.proc.stdin.flush()
        return int(self._line()), time.perf_counter()

    def wait(self) -> int:
        """Reap the last sync child; its raw wait status."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("reap\n")
        self.proc.stdin.flush()
        return int(self._line())

    def stop(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.mark.slow
def test_a_sync_killed_at_any_moment_leaves_a_content_db_that_opens(server, data_dir, signing_key, public_key):
    url = server.serve("/b.zip", pack(_many_services(SERVICES), signing_key, version=2), honour_conditional=False)
    ensure_content_db(data_dir)
    old_copy = data_dir.parent / "v1.db"
    shutil.copyfile(data_dir / "content.db", old_copy)

    zygote = Zygote(data_dir, url, public_key)
    try:
        durations = []  # calibrate: how long does a whole sync take here? The slowest of three,
        for _ in range(3):  # so a lucky fast first run on a loaded box cannot keep every kill early
            shutil.copyfile(old_copy, data_dir / "content.db.reset")
            os.replace(data_dir / "content.db.reset", data_dir / "content.db")
            pid, started = zygote.start()
            assert os.waitstatus_to_exitcode(zygote.wait()) == 0
            durations.append(time.perf_counter() - started)
        duration = max(durations)

        rng = random.Random(20261122)
        kills, seen = 0, set()
        for _ in range(KILLS * 3):
            shutil.copyfile(old_copy, data_dir / "content.db.reset")
            os.replace(data_dir / "content.db.reset", data_dir / "content.db")  # old = v1 again
            pid, started = zygote.start()
            time.sleep(max(0.0, rng.uniform(0, duration * 1.25) - (time.perf_counter() - started)))
            os.kill(pid, signal.SIGKILL)  # not reaped yet, so the pid is still our child's
            if os.WIFSIGNALED(zygote.wait()):
                kills += 1

            path = ensure_content_db(data_dir)  # what the next start does
            assert is_valid_db(path)
            version = installed_version(data_dir)
            store = ContentStore(path)
            try:
                assert (version, store.counts()["services"]) in {(1, DEFAULT), (2, SERVICES + DEFAULT)}
            finally:
                store.close()
            open_state(data_dir).close()
            seen.add(version)
            if kills >= KILLS:
                break
    finally:
        zygote.stop()
    assert kills >= KILLS
    assert seen == {1, 2}, "the kills never landed on both sides of the swap"
