"""Ed25519 keys and manifest signatures for content bundles (PyNaCl / libsodium).

Formats stay those of the earlier `cryptography` code (tests/content/test_signing_compat.py):
private keys as PKCS#8 PEM, public keys as base64 of the 32 raw bytes, signatures in
``manifest.sig`` as JSON {algorithm, public_key, signature}.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path

from nacl.signing import SigningKey, VerifyKey

# The private key file is PKCS#8 PEM (RFC 8410) as OpenSSL and `cryptography` write it: this
# fixed DER header, then the 32-byte seed. Key files made before the switch to PyNaCl still load.
_PKCS8_ED25519 = bytes.fromhex("302e020100300506032b657004220420")
_PEM_BEGIN, _PEM_END = b"-----BEGIN PRIVATE KEY-----", b"-----END PRIVATE KEY-----"


def generate_key() -> SigningKey:
    return SigningKey.generate()


def private_key_pem(key: SigningKey) -> bytes:
    body = base64.b64encode(_PKCS8_ED25519 + bytes(key))
    return _PEM_BEGIN + b"\n" + body + b"\n" + _PEM_END + b"\n"


def load_private_key(path: Path) -> SigningKey:
    text = path.read_bytes().strip()
    if not (text.startswith(_PEM_BEGIN) and text.endswith(_PEM_END)):
        raise ValueError(f"{path} is not a PEM private key")
    try:
        der = base64.b64decode(b"".join(text[len(_PEM_BEGIN) : -len(_PEM_END)].split()), validate=True)
    except binascii.Error:
        raise ValueError(f"{path} is not a PEM private key") from None
    if len(der) != len(_PKCS8_ED25519) + 32 or not der.startswith(_PKCS8_ED25519):
        raise ValueError(f"{path} is not an Ed25519 private key")
    return SigningKey(der[len(_PKCS8_ED25519) :])


def public_key_b64(key: SigningKey | VerifyKey) -> str:
    public = key.verify_key if isinstance(key, SigningKey) else key
    return base64.b64encode(bytes(public)).decode("ascii")


def parse_public_key(text: str) -> VerifyKey:
    """A public key as printed by ``kiosk content keygen`` (base64 of the 32 raw bytes)."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return VerifyKey(raw)  # nacl's errors subclass ValueError / TypeError
    except (binascii.Error, ValueError, TypeError) as exc:
        raise ValueError(f"'{text}' is not an Ed25519 public key in base64") from exc


def sign_manifest(manifest_bytes: bytes, private_key: SigningKey) -> bytes:
    signature = base64.b64encode(private_key.sign(manifest_bytes).signature).decode("ascii")
    body = {"algorithm": "ed25519", "public_key": public_key_b64(private_key), "signature": signature}
    return json.dumps(body, indent=1).encode("utf-8")
