"""What a bundle's manifest says and who signed it (docs/content-format.md, "Bundle").

``manifest.json`` lists every content file with its sha256 and size, ``manifest.sig`` holds
an Ed25519 signature over the manifest's exact bytes. ``kiosk.content.bundle`` reads both
out of the zip and checks them here, before it trusts a single content file.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import BadSignatureError

from kiosk.content.keys import parse_public_key

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CONTENT_PREFIX = "content/"
MANIFEST_SCHEMA_VERSION = 1

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


def check_signature(raw_manifest: bytes, raw_signature: bytes | None, trusted: Iterable[str] | None) -> str:
    """The base64 public key whose Ed25519 signature over the exact manifest bytes is in
    manifest.sig (``raw_signature``; None when the bundle has none), or a BundleError.
    ``trusted`` None accepts any key, and no signature at all: ``kiosk content verify``
    without keys; "" is then the answer for an unsigned bundle."""
    if raw_signature is None:
        if trusted is None:
            return ""
        raise BundleError("unsigned", "the bundle has no signature (built without --key)")
    try:
        sig = json.loads(raw_signature)
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


def parse_manifest(raw: bytes) -> dict[str, Any]:
    """manifest.json as a dict, checked against MANIFEST_SCHEMA, or a BundleError."""
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
PATH = re.compile(_ITEM["properties"]["path"]["pattern"])
_SHA = re.compile(_ITEM["properties"]["sha256"]["pattern"])
SAFE_MEMBER = re.compile(
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
            and PATH.fullmatch(entry["path"]) is not None
            and isinstance(entry["sha256"], str)
            and _SHA.fullmatch(entry["sha256"]) is not None
            and type(entry["size"]) is int
            and entry["size"] >= 0
        )
        if not ok:
            raise BundleError("manifest", f"manifest.json at files/{i}: not {{path, sha256, size}} as in the schema")
