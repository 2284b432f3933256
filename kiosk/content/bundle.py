"""The bundle: one zip file that carries a content set from the publisher to a kiosk.

Layout (see docs/content-format.md, "Bundle"):

``manifest.json``  schema_version, content_version, created_at, publisher, files [{path, sha256, size}]
``manifest.sig``   JSON {algorithm, public_key, signature}: Ed25519 over the exact manifest bytes
``content/...``    the source files (content.toml, offices/..., assets/...)

``read_bundle`` is the only way a bundle becomes ``Content``. It trusts nothing before
the step that proves it: sizes first (a zip bomb must not fill the disk), then member
names (no path may escape), then the signature, then every file's hash, then the
content loader. Every refusal is a ``BundleError`` with a stable ``reason`` code that
staff see in the sync result.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from nacl.signing import SigningKey

from kiosk.content.keys import sign_manifest
from kiosk.content.manifest import (
    CONTENT_PREFIX,
    MANIFEST,
    MANIFEST_SCHEMA,
    MANIFEST_SCHEMA_VERSION,
    PATH,
    SAFE_MEMBER,
    SIGNATURE,
    BundleError,
    Manifest,
    check_signature,
    parse_manifest,
)
from kiosk.content.model import Content
from kiosk.content.source import ContentError, load_files, read_source_dir

__all__ = [
    "CONTENT_PREFIX",
    "MANIFEST",
    "MANIFEST_SCHEMA",
    "SIGNATURE",
    "BundleError",
    "Limits",
    "Manifest",
    "build_bundle",
    "build_bundle_files",
    "read_bundle",
    "write_zip",
]

URL_FIELDS = frozenset({"url", "sources"})


@dataclass(frozen=True, slots=True)
class Limits:
    """What a kiosk accepts. A bundle of 20,000 services is about 3 MB zipped, 15 MB unpacked."""

    max_bytes: int = 50_000_000  # the zip file itself (settings.sync_max_bytes)
    max_members: int = 100_000
    max_member_bytes: int = 20_000_000
    max_total_bytes: int = 400_000_000  # all members unpacked
    max_ratio: int = 100  # unpacked / packed for one member larger than ratio_floor
    ratio_floor: int = 1_000_000


# ---------------------------------------------------------------- build


def build_bundle(src_dir: Path, out: Path, private_key: SigningKey | None) -> dict[str, Any]:
    """Validate ``src_dir`` with the loader and write a bundle; returns the manifest.

    Without a key the bundle is unsigned: good for ``verify``/inspection, refused by every kiosk.
    """
    return build_bundle_files(read_source_dir(src_dir), out, private_key)


def build_bundle_files(
    files: Mapping[str, bytes], out: Path, private_key: SigningKey | None, created_at: datetime | None = None
) -> dict[str, Any]:
    content = load_files(files)  # never publish what a kiosk would refuse
    for name in files:
        if not PATH.fullmatch(name):
            raise ContentError(name, "a file name in a bundle may only use letters, digits, '.', '_' and '-'")
    stamp = (created_at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    manifest = {
        "schema_version": MANIFEST_SCHEMA_VERSION,
        "content_version": content.meta.content_version,
        "created_at": stamp,
        "publisher": content.meta.publisher,
        "files": [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in sorted(files.items())
        ],
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    members: list[tuple[str, bytes]] = [(MANIFEST, manifest_bytes)]
    if private_key is not None:
        members.append((SIGNATURE, sign_manifest(manifest_bytes, private_key)))
    members += [(CONTENT_PREFIX + name, data) for name, data in sorted(files.items())]
    write_zip(out, members)
    return manifest


def write_zip(out: Path, members: Iterable[tuple[str, bytes]]) -> None:
    """Write a zip atomically (temp file beside ``out``, then ``os.replace``)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.name + ".", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- read


def read_bundle(
    source: Path | IO[bytes],
    trusted_public_keys: Iterable[str] | None,
    max_bytes: int | None = None,
    *,
    installed_version: int = 0,
    limits: Limits | None = None,
) -> tuple[Manifest, Content]:
    """Check a bundle completely and return its manifest and content, or raise ``BundleError``.

    ``trusted_public_keys`` None means "signature not required" and is only for ``kiosk content
    verify`` without keys; an installer always passes the list (an empty list trusts nobody).
    ``installed_version``: the content_version in use; the bundle must be strictly newer.
    """
    limits = limits or Limits()
    if max_bytes is not None:
        limits = dataclasses.replace(limits, max_bytes=max_bytes)
    fh = open(source, "rb") if isinstance(source, str | Path) else source  # noqa: SIM115 - closed below
    try:
        return _read(fh, trusted_public_keys, installed_version, limits)
    finally:
        if fh is not source:
            fh.close()


def _read(
    fh: IO[bytes], trusted: Iterable[str] | None, installed_version: int, limits: Limits
) -> tuple[Manifest, Content]:
    size = fh.seek(0, io.SEEK_END)
    fh.seek(0)
    if size > limits.max_bytes:
        raise BundleError("too_large", f"the bundle has {size} bytes; at most {limits.max_bytes} are accepted")
    try:
        zf = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise BundleError("corrupt", f"not a readable zip file ({exc})") from None
    with zf:
        infos = _check_members(zf.infolist(), limits)
        raw_manifest = _member(zf, infos, MANIFEST, limits)
        raw_signature = _member(zf, infos, SIGNATURE, limits) if SIGNATURE in infos else None
        signed_by = check_signature(raw_manifest, raw_signature, trusted)
        data = parse_manifest(raw_manifest)
        manifest = Manifest.from_json(data, signed_by)
        listed = {path for path, _, _ in manifest.files}
        present = {name[len(CONTENT_PREFIX) :] for name in infos if name.startswith(CONTENT_PREFIX)}
        if len(listed) != len(manifest.files):
            raise BundleError("manifest", "the manifest lists a file twice")
        if present - listed:
            raise BundleError("unlisted", f"files not in the manifest: {', '.join(sorted(present - listed)[:5])}")
        if listed - present:
            raise BundleError("hash_mismatch", f"files missing: {', '.join(sorted(listed - present)[:5])}")
        if manifest.content_version <= installed_version:
            raise BundleError(
                "rollback",
                f"content_version {manifest.content_version} is not newer than the installed {installed_version}",
            )
        files: dict[str, bytes] = {}
        for path, digest, length in manifest.files:
            blob = _member(zf, infos, CONTENT_PREFIX + path, limits)
            if len(blob) != length or hashlib.sha256(blob).hexdigest() != digest:
                raise BundleError("hash_mismatch", f"{path} does not match its size or sha256 in the manifest")
            files[path] = blob
    try:
        content = load_files(files)
    except ContentError as exc:
        reason = "url" if exc.field.split("[")[0].split(".")[-1] in URL_FIELDS else "schema"
        raise BundleError(reason, str(exc)) from exc
    if content.meta.content_version != manifest.content_version:
        raise BundleError("manifest", "content_version in content.toml differs from the manifest")
    return manifest, content


def _check_members(infos: list[zipfile.ZipInfo], limits: Limits) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > limits.max_members:
        raise BundleError("too_large", f"{len(infos)} files in the bundle; at most {limits.max_members}")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        _check_name(name, info)
        if name in by_name:
            raise BundleError("unsafe_path", f"'{name}' appears twice")
        if info.is_dir():
            continue
        if info.file_size > limits.max_member_bytes:
            raise BundleError("too_large", f"'{name}' has {info.file_size} bytes; at most {limits.max_member_bytes}")
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise BundleError("zip_bomb", f"'{name}' unpacks {info.file_size // max(info.compress_size, 1)}-fold")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise BundleError("zip_bomb", f"the files unpack to more than {limits.max_total_bytes} bytes")
        if name not in (MANIFEST, SIGNATURE) and not name.startswith(CONTENT_PREFIX):
            raise BundleError("unlisted", f"'{name}' does not belong in a bundle")
        by_name[name] = info
    return by_name


def _check_name(name: str, info: zipfile.ZipInfo) -> None:
    bad = not SAFE_MEMBER.fullmatch(name) and (
        not name
        or "\\" in name
        or name.startswith("/")
        or (len(name) > 1 and name[1] == ":")
        or any(part in ("..", ".", "") for part in name.rstrip("/").split("/"))
        or any(ord(c) < 32 for c in name)
    )
    if bad:
        raise BundleError("unsafe_path", f"unsafe file name '{name}'")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode) or info.flag_bits & 0x1:
        raise BundleError("unsafe_path", f"'{PurePosixPath(name)}' is a link or encrypted")


def _member(zf: zipfile.ZipFile, infos: Mapping[str, zipfile.ZipInfo], name: str, limits: Limits) -> bytes:
    info = infos.get(name)
    if info is None:
        raise BundleError("manifest", f"'{name}' is missing")
    cap = min(info.file_size, limits.max_member_bytes)
    try:
        with zf.open(info) as member:
            data = member.read(cap + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise BundleError("corrupt", f"'{name}' cannot be unpacked ({exc})") from None
    if len(data) > cap:
        raise BundleError("zip_bomb", f"'{name}' unpacks to more than it declares")
    return data
