"""Sync a bundle of 20,000 generated services and swap it in: how long does it take?

Run: ``uv run python benchmarks/sync.py [--services 20000] [--runs 3]``. Serves the bundle from
a stdlib HTTP server on 127.0.0.1 and runs ``sync_once`` exactly as the kiosk does, from a
fresh data dir holding the default content (version 1). Goal: <= 10 s in total.

``--isolated`` runs the heavy part in a child process as the app does (kiosk sync and
kiosk content import run in-process); CPU time then counts the child too. The longest GUI
stall during a sync in the running app is measured by benchmarks/sync_stall.py.
"""

from __future__ import annotations

import argparse
import http.server
import os
import resource
import statistics
import tempfile
import threading
import time
from pathlib import Path

from nacl.signing import SigningKey

from kiosk.content.build import write_content_db
from kiosk.content.bundle import build_bundle_files, read_bundle
from kiosk.content.install import ensure_content_db
from kiosk.content.keys import public_key_b64
from kiosk.content.source import read_source_dir
from kiosk.content.sync import sync_once
from kiosk.paths import default_content_dir
from kiosk.settings import Settings

WORDS = ("Antrag", "Zuschuss", "Beratung", "Hilfe", "Bescheinigung", "Ausweis", "Leistung", "Familie", "Miete")


def generated_files(services: int) -> dict[str, bytes]:
    files = read_source_dir(default_content_dir())
    files["content.toml"] = files["content.toml"].replace(b"content_version = 1", b"content_version = 2")
    offices = ["sozialbuero", "infothek", "lotse"]
    for i in range(services):
        word = WORDS[i % len(WORDS)]
        files[f"services/leistung-{i:05d}.toml"] = (
            f'title = {{ de = "{word} Nr. {i}", en = "Service {i}" }}\n'
            f'summary = {{ de = "Kurze Beschreibung der Leistung {i}. Sie beantragen sie im Sozialbüro." }}\n'
            f'documents = [{{ de = "Personalausweis" }}, {{ de = "Nachweis {i}" }}]\n'
            f'offices = ["{offices[i % 3]}"]\n'
            f'keywords.de = ["{word}", "Stichwort{i}"]\n'
        ).encode()
    return files


def serve(body: bytes) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/bundle.zip"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--isolated", action="store_true", help="checks and build in a child process, as in the app")
    args = parser.parse_args()
    key = SigningKey.generate()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generated_files(args.services)
        t0 = time.perf_counter()
        build_bundle_files(files, root / "bundle.zip", key)
        build_s = time.perf_counter() - t0
        body = (root / "bundle.zip").read_bytes()
        print(
            f"bundle: {args.services} services, {len(files)} files, {len(body) / 1e6:.1f} MB, built in {build_s:.2f} s"
        )

        t0 = time.perf_counter()
        _, content = read_bundle(root / "bundle.zip", [public_key_b64(key)])
        read_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_content_db(content, root / "alone.db")
        db_s = time.perf_counter() - t0
        print(f"phases: read_bundle (checks + loader) {read_s:.2f} s, write_content_db {db_s:.2f} s")

        httpd, url = serve(body)
        settings = Settings().replace(sync_trusted_keys=[public_key_b64(key)], sync_max_bytes=200_000_000)
        totals, cpu = [], []
        try:
            for run in range(args.runs):
                data_dir = root / f"data-{run}"
                ensure_content_db(data_dir)
                t0, c0 = time.perf_counter(), time.process_time() + _children_cpu()
                result = sync_once(data_dir, settings, 1, url=url, isolated=args.isolated)
                totals.append(time.perf_counter() - t0)
                cpu.append(time.process_time() + _children_cpu() - c0)
                assert result.status == "updated", result
        finally:
            httpd.shutdown()
            httpd.server_close()
        print(
            f"sync + swap total: median {statistics.median(totals):.2f} s, max {max(totals):.2f} s wall; "
            f"median {statistics.median(cpu):.2f} s CPU; {args.runs} runs{' isolated' if args.isolated else ''} "
            "(goal <= 10 s); "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # finished children only, as a sync's is
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
