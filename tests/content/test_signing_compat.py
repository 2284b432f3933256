"""Key and signature formats did not change with the switch from `cryptography` to PyNaCl.

The constants below were written by the `cryptography` implementation (``kiosk content keygen``
and ``sign_manifest`` before the switch): publishers' key files, the trusted keys in kiosks'
settings and bundles signed before must keep working.
"""

from __future__ import annotations

import base64
import io
import json

import pytest

from kiosk.content.bundle import SIGNATURE, BundleError, read_bundle
from kiosk.content.keys import load_private_key, parse_public_key, private_key_pem, public_key_b64, sign_manifest

from .conftest import pack, source_files

OLD_KEY_PEM = (
    b"-----BEGIN PRIVATE KEY-----\n"
    b"MC4CAQAwBQYDK2VwBCIEIHRpBDBu0uHiiZNP72xMhHRIQVJhWCK7/w601K3mhk/g\n"
    b"-----END PRIVATE KEY-----\n"
)
OLD_PUBLIC = "upF83rgTjJjuysdBB7IJMLSksAiV+NqoVT9RxTkUK9Y="
OLD_MESSAGE = b"manifest bytes from before the switch"
OLD_SIGNATURE = "V5BM6QoEU1ywpALqPRwxrafGUyxzqVz+E/P7PiKCaTmpNOsizC1etn7uhNGQDqQgU47+7hb5TTFm8DSdV5VgCg=="


@pytest.fixture
def old_key_file(tmp_path):
    path = tmp_path / "publisher.pem"
    path.write_bytes(OLD_KEY_PEM)
    return path


def test_a_key_file_from_before_loads_and_writes_back_byte_for_byte(old_key_file):
    key = load_private_key(old_key_file)
    assert public_key_b64(key) == OLD_PUBLIC
    assert private_key_pem(key) == OLD_KEY_PEM


def test_signatures_are_the_same_bytes_as_before(old_key_file):
    # Ed25519 is deterministic: the same key and message give the same signature.
    body = json.loads(sign_manifest(OLD_MESSAGE, load_private_key(old_key_file)))
    assert body == {"algorithm": "ed25519", "public_key": OLD_PUBLIC, "signature": OLD_SIGNATURE}
    parse_public_key(OLD_PUBLIC).verify(OLD_MESSAGE, base64.b64decode(OLD_SIGNATURE))


def test_a_bundle_signed_with_the_old_key_is_accepted_and_a_foreign_signature_refused(old_key_file):
    key = load_private_key(old_key_file)
    manifest, _ = read_bundle(io.BytesIO(pack(source_files(2), key, version=2)), [OLD_PUBLIC])
    assert manifest.signed_by == OLD_PUBLIC
    # the old signature, valid for another message, must not pass for this manifest
    foreign = {SIGNATURE: sign_manifest(OLD_MESSAGE, key)}
    bundle = pack(source_files(2), None, version=2, extra=foreign)
    with pytest.raises(BundleError) as err:
        read_bundle(io.BytesIO(bundle), [OLD_PUBLIC])
    assert err.value.reason == "signature"


@pytest.mark.parametrize(
    "text",
    [b"not a key", OLD_KEY_PEM.replace(b"MC4CAQAw", b"MC4CAQEw"), OLD_KEY_PEM.replace(b"PRIVATE", b"PUBLIC")],
)
def test_a_file_that_is_no_ed25519_private_key_is_refused(tmp_path, text):
    path = tmp_path / "k.pem"
    path.write_bytes(text)
    with pytest.raises(ValueError):
        load_private_key(path)


@pytest.mark.parametrize("text", ["", "!!!", base64.b64encode(b"short").decode()])
def test_a_trusted_key_that_is_no_public_key_is_refused(text):
    with pytest.raises(ValueError):
        parse_public_key(text)
