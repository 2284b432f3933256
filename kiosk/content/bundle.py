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

import base64
import binascii
import dataclasses
import hashlib
import io
import json
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey

from kiosk.content.keys import parse_public_key, sign_manifest
from kiosk.content.model import Content
from kiosk.content.source import ContentError, load_files, read_source_dir

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CONTENT_PREFIX = "content/"
MANIFEST_SCHEMA_VERSION = 1
URL_FIELDS = frozenset({"url", "sources"})

# The manifest's JSON Schema; docs/bundle-manifest.schema.json is this, written out (a test keeps them equal).
MANIFEST_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://buergerservice-kiosk.example/bundle-manifest.schema.json",
    "title": "Bürgerservice kiosk content bundle manifest",
    "type": "object",
    "additionalProperties": False,
    "required": ["schema_version", "content_version", "created_at", "publisher", "files"],
    "properties": {
        "schema_version": {"const": MANIFEST_SCHEMA_VERSION},
        "content_version": {"type": "integer", "minimum": 1},
        "created_at": {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$",
        },
        "publisher": {"type": "string", "minLength": 1, "maxLength": 200},
        "files": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path", "sha256", "size"],
                "properties": {
                    "path": {"type": "string", "pattern": r"^[a-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$"},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    "size": {"type": "integer", "minimum": 0},
                },
            },
        },
    },
}


class BundleError(Exception):
    """A bundle that must not be installed. ``reason`` is a stable code, ``message`` says why.

    Codes: too_large, zip_bomb, unsafe_path, unlisted, unsigned, untrusted_key, signature,
    manifest, hash_mismatch, rollback, schema, url, corrupt.
    """

    def __init__(self, reason: str, message: str) -> None:
        self.reason, self.message = reason, message
        super().__init__(f"{reason}: {message}")


@dataclass(frozen=True, slots=True)
class Limits:
    """What a kiosk accepts. A bundle of 20,000 services is about 3 MB zipped, 15 MB unpacked."""

    max_bytes: int = 50_000_000  # the zip file itself (settings.sync_max_bytes)
    max_members: int = 100_000
    max_member_bytes: int = 20_000_000
    max_total_bytes: int = 400_000_000  # all members unpacked
    max_ratio: int = 100  # unpacked / packed for one member larger than ratio_floor
    ratio_floor: int = 1_000_000


@dataclass(frozen=True, slots=True)
class Manifest:
    content_version: int
    created_at: str
    publisher: str
    files: tuple[tuple[str, str, int], ...]  # (path, sha256, size)
    signed_by: str  # base64 public key that verified it; "" for an unsigned bundle read without keys

    @classmethod
    def from_json(cls, data: Mapping[str, Any], signed_by: str) -> Manifest:
        return cls(
            content_version=data["content_version"],
            created_at=data["created_at"],
            publisher=data["publisher"],
            files=tuple((f["path"], f["sha256"], f["size"]) for f in data["files"]),
            signed_by=signed_by,
        )


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
        if not _PATH.fullmatch(name):
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
        signed_by = _check_signature(zf, infos, raw_manifest, trusted, limits)
        data = _parse_manifest(raw_manifest)
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
    bad = not _SAFE_MEMBER.fullmatch(name) and (
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


def _check_signature(
    zf: zipfile.ZipFile,
    infos: Mapping[str, zipfile.ZipInfo],
    raw_manifest: bytes,
    trusted: Iterable[str] | None,
    limits: Limits,
) -> str:
    if SIGNATURE not in infos:
        if trusted is None:
            return ""
        raise BundleError("unsigned", "the bundle has no signature (built without --key)")
    try:
        sig = json.loads(_member(zf, infos, SIGNATURE, limits))
        public_b64, signature = sig["public_key"], base64.b64decode(sig["signature"], validate=True)
        if sig.get("algorithm") != "ed25519" or not isinstance(public_b64, str):
            raise ValueError("algorithm")
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise BundleError("signature", "manifest.sig is not a readable signature") from None
    if trusted is None:
        keys = [public_b64]
    else:
        keys = [k.strip() for k in trusted if k.strip()]
        if public_b64 not in keys:
            raise BundleError("untrusted_key", f"signed by {public_b64}, which is not a trusted key")
    try:
        parse_public_key(public_b64).verify(raw_manifest, signature)
    except (ValueError, BadSignatureError):
        raise BundleError("signature", "the signature does not match the manifest") from None
    return public_b64


def _parse_manifest(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleError("manifest", "manifest.json is not JSON") from None
    import jsonschema  # 0.2-0.5 s to import: not on the kiosk's start-up path

    # jsonschema takes ~2 s for 20,000 file entries: it checks the frame and the first entry,
    # _check_file_entries applies the same item rules to all of them, fast.
    files = data.get("files") if isinstance(data, dict) else None
    head = data | {"files": files[:1]} if isinstance(files, list) else data
    try:
        jsonschema.Draft202012Validator(MANIFEST_SCHEMA).validate(head)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top)"
        raise BundleError("manifest", f"manifest.json at {where}: {exc.message}") from None
    _check_file_entries(data["files"])
    return data


_ITEM = MANIFEST_SCHEMA["properties"]["files"]["items"]
_PATH = re.compile(_ITEM["properties"]["path"]["pattern"])
_SHA = re.compile(_ITEM["properties"]["sha256"]["pattern"])
_SAFE_MEMBER = re.compile(
    r"^(manifest\.json|manifest\.sig|content/" + _ITEM["properties"]["path"]["pattern"][1:-1] + ")$"
)


def _check_file_entries(entries: list[Any]) -> None:
    """The schema's rules for one entry of ``files``, applied to every entry."""
    keys = set(_ITEM["required"])
    for i, entry in enumerate(entries):
        ok = (
            isinstance(entry, dict)
            and entry.keys() == keys
            and isinstance(entry["path"], str)
            and _PATH.fullmatch(entry["path"]) is not None
            and isinstance(entry["sha256"], str)
            and _SHA.fullmatch(entry["sha256"]) is not None
            and type(entry["size"]) is int
            and entry["size"] >= 0
        )
        if not ok:
            raise BundleError("manifest", f"manifest.json at files/{i}: not {{path, sha256, size}} as in the schema")
