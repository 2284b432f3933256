"""read_bundle: every check refuses with its own reason; a good bundle round-trips."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from kiosk.content.bundle import (
    MANIFEST_SCHEMA,
    BundleError,
    Limits,
    build_bundle,
    read_bundle,
)
from kiosk.content.keys import public_key_b64
from kiosk.content.source import load_dir
from kiosk.paths import default_content_dir

from .conftest import manifest_for, pack, source_files

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _reason(bundle: bytes, keys: list[str] | None, **kwargs) -> str:
    with pytest.raises(BundleError) as err:
        read_bundle(io.BytesIO(bundle), keys, **kwargs)
    return err.value.reason


def test_the_embedded_default_builds_and_reads_back_through_the_same_path(tmp_path, signing_key, public_key):
    out = tmp_path / "default.zip"
    build_bundle(default_content_dir(), out, signing_key)
    manifest, content = read_bundle(out, [public_key])
    source_version = load_dir(default_content_dir()).meta.content_version
    assert manifest.content_version == content.meta.content_version == source_version
    assert manifest.signed_by == public_key and content.services


def test_a_bundle_signed_by_any_trusted_key_is_accepted_for_key_rotation(signing_key, public_key):
    new_key = SigningKey.generate()
    bundle = pack(source_files(2), new_key, version=2)
    manifest, _ = read_bundle(io.BytesIO(bundle), [public_key, public_key_b64(new_key)])
    assert manifest.signed_by == public_key_b64(new_key)


def test_an_empty_trust_list_trusts_nobody(signing_key):
    assert _reason(pack(source_files(2), signing_key, version=2), []) == "untrusted_key"


@pytest.mark.parametrize(
    "name", ["content/a\\b.toml", "content/./x.toml", "content//x.toml", "C:/evil.toml", "content/../../x"]
)
def test_unsafe_member_names_are_refused(name, signing_key, public_key):
    assert _reason(pack(source_files(2), signing_key, version=2, extra={name: b"x"}), [public_key]) == "unsafe_path"


def test_a_symlink_member_is_refused(signing_key, public_key):
    bundle = io.BytesIO(pack(source_files(2), signing_key, version=2))
    with zipfile.ZipFile(bundle, "a") as zf:
        info = zipfile.ZipInfo("content/assets/link.png")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    assert _reason(bundle.getvalue(), [public_key]) == "unsafe_path"


def test_a_duplicate_member_is_refused(signing_key, public_key):
    bundle = io.BytesIO(pack(source_files(2), signing_key, version=2))
    with zipfile.ZipFile(bundle, "a") as zf, pytest.warns(UserWarning, match="Duplicate"):
        zf.writestr("content/content.toml", b"evil")
    assert _reason(bundle.getvalue(), [public_key]) == "unsafe_path"


def test_a_file_not_in_the_manifest_is_refused(signing_key, public_key):
    extra = {"content/offices/extra.toml": b'name = "X"'}
    assert _reason(pack(source_files(2), signing_key, version=2, extra=extra), [public_key]) == "unlisted"


def test_a_changed_file_does_not_match_its_hash(signing_key, public_key):
    files = source_files(2)
    bundle = pack(files, signing_key, version=2)
    tampered = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bundle)) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "content/services/wohngeld.toml":
                data = data.replace(b"Wohngeld", b"Wohngelt")
            dst.writestr(info.filename, data)
    assert _reason(tampered.getvalue(), [public_key]) == "hash_mismatch"


def test_a_manifest_breaking_the_schema_is_refused(signing_key, public_key):
    manifest = {"schema_version": 1, "content_version": "2", "created_at": "gestern", "publisher": "", "files": []}
    assert _reason(pack(source_files(2), signing_key, manifest=manifest), [public_key]) == "manifest"


def test_too_many_members_are_refused_before_anything_is_unpacked(signing_key, public_key):
    bundle = pack(source_files(2), signing_key, version=2)
    assert _reason(bundle, [public_key], limits=Limits(max_members=3)) == "too_large"


def test_a_bundle_larger_than_max_bytes_is_refused(signing_key, public_key):
    assert _reason(pack(source_files(2), signing_key, version=2), [public_key], max_bytes=100) == "too_large"


def test_verify_without_keys_still_checks_the_signature_it_carries(signing_key):
    bundle = pack(source_files(2), signing_key, version=2)
    manifest, _ = read_bundle(io.BytesIO(bundle), None)
    assert manifest.signed_by == public_key_b64(signing_key)


def test_the_documented_json_schema_is_the_one_the_code_checks():
    assert json.loads((DOCS / "bundle-manifest.schema.json").read_text(encoding="utf-8")) == MANIFEST_SCHEMA


@pytest.mark.parametrize("bad", ["content.toml\n", "../content.toml", "Offices/x.toml", "a b.toml"])
def test_every_file_entry_of_the_manifest_follows_the_schema(bad, signing_key, public_key):
    files = source_files(2)
    manifest = manifest_for(files, 2)
    manifest["files"].append({"path": bad, "sha256": "0" * 64, "size": 1})
    assert _reason(pack(files, signing_key, manifest=manifest), [public_key]) == "manifest"


def test_build_refuses_a_file_name_a_kiosk_would_refuse(tmp_path, signing_key):
    from kiosk.content.bundle import build_bundle_files
    from kiosk.content.source import ContentError

    files = source_files(1) | {"assets/mein bild.png": b"\x89PNG"}
    with pytest.raises(ContentError, match=r"assets/mein bild\.png"):
        build_bundle_files(files, tmp_path / "x.zip", signing_key)
    assert not (tmp_path / "x.zip").exists()
