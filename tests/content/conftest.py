"""Bundles, keys and a real HTTP server on 127.0.0.1 for the bundle and sync tests."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from kiosk.content.bundle import CONTENT_PREFIX, MANIFEST, SIGNATURE, write_zip
from kiosk.content.keys import public_key_b64, sign_manifest
from kiosk.content.source import read_source_dir
from kiosk.paths import default_content_dir


@pytest.fixture(scope="session")
def signing_key() -> SigningKey:
    return SigningKey.generate()


@pytest.fixture(scope="session")
def public_key(signing_key) -> str:
    return public_key_b64(signing_key)


@functools.cache
def _default_files() -> tuple[tuple[str, bytes], ...]:
    return tuple(read_source_dir(default_content_dir()).items())


def source_files(version: int = 1) -> dict[str, bytes]:
    """The embedded default content with another content_version (a fresh dict each call)."""
    files = dict(_default_files())
    toml = files["content.toml"].decode()
    files["content.toml"] = toml.replace("content_version = 1", f"content_version = {version}").encode()
    return files


def manifest_for(files: Mapping[str, bytes], version: int) -> dict:
    return {
        "schema_version": 1,
        "content_version": version,
        "created_at": "2026-11-22T02:00:00Z",
        "publisher": "Test",
        "files": [
            {"path": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in sorted(files.items())
        ],
    }


def pack(
    files: Mapping[str, bytes],
    key: SigningKey | None,
    *,
    version: int | None = None,
    manifest: dict | None = None,
    extra: Mapping[str, bytes] | None = None,
) -> bytes:
    """A bundle as bytes WITHOUT the loader's check (build_bundle refuses bad content)."""
    if manifest is None:
        manifest = manifest_for(files, version or 1)
    raw = json.dumps(manifest).encode()
    members = [(MANIFEST, raw)]
    if key is not None:
        members.append((SIGNATURE, sign_manifest(raw, key)))
    members += [(CONTENT_PREFIX + n, d) for n, d in sorted(files.items())]
    members += list((extra or {}).items())
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "b.zip"
        write_zip(out, members)
        return out.read_bytes()


@dataclass
class Route:
    """What the server answers for one path."""

    body: bytes = b""
    status: int = 200
    etag: str | None = None
    delay_s: float = 0.0
    declared_length: int | None = None  # larger than the body: a truncated download
    honour_conditional: bool = True
    drip_s: float = 0.0  # > 0: one small piece per drip_s, each well inside the read timeout
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    hits: list[dict[str, str]] = field(default_factory=list)


class BundleServer:
    """stdlib ThreadingHTTPServer on 127.0.0.1:<free port>; stopped by the fixture."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.release = threading.Event()  # wakes slow handlers at shutdown
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                route.hits.append(dict(self.headers))
                if route.delay_s and server.release.wait(route.delay_s):
                    return
                if route.honour_conditional and route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                if route.status != 200:
                    self.send_error(route.status)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/zip")
                if route.send_length:
                    self.send_header("Content-Length", str(route.declared_length or len(route.body)))
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.end_headers()
                if route.drip_s:
                    for i in range(0, len(route.body), 16):
                        self.wfile.write(route.body[i : i + 16])
                        self.wfile.flush()
                        if server.release.wait(route.drip_s):
                            return
                self.wfile.write(route.body)
                self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def serve(self, path: str, body: bytes = b"", **kwargs: object) -> str:
        self.routes[path] = Route(body=body, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[BundleServer]:
    srv = BundleServer()
    yield srv
    srv.stop()


@pytest.fixture
def packer(signing_key) -> Callable[..., bytes]:
    def make(files: Mapping[str, bytes] | None = None, version: int = 2, **kwargs: object) -> bytes:
        kwargs.setdefault("key", signing_key)
        return pack(files if files is not None else source_files(version), version=version, **kwargs)  # type: ignore[arg-type]

    return make
