"""``kiosk content keygen|build|verify|import|info``: make, check and install signed bundles.

Exit codes: 0 done, 1 the bundle or content was refused (reason printed), 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.paths import default_data_dir


def add_parser(verbs: argparse._SubParsersAction) -> None:
    keygen = verbs.add_parser("keygen", help="create an Ed25519 signing key; prints the public key")
    keygen.add_argument("keyfile", type=Path, help="where the private key goes (mode 0600; never on a kiosk)")
    keygen.set_defaults(func=keygen_cmd)

    build = verbs.add_parser("build", help="check a source folder and pack it into a bundle")
    build.add_argument("src_dir", type=Path)
    build.add_argument("out_bundle", type=Path)
    build.add_argument("--key", type=Path, help="private key file from 'kiosk content keygen'")
    build.set_defaults(func=build_cmd)

    verify = verbs.add_parser("verify", help="check a bundle: sizes, names, signature, hashes, content")
    verify.add_argument("bundle", type=Path)
    verify.add_argument("--pubkey", action="append", default=[], help="trusted public key (base64); repeatable")
    verify.add_argument("--data-dir", type=Path, help="data folder (default: the platform's)")
    verify.set_defaults(func=verify_cmd)

    imp = verbs.add_parser("import", help="install a bundle from a file (e.g. a USB stick), with the sync's checks")
    imp.add_argument("bundle", type=Path)
    imp.add_argument("--pubkey", action="append", default=[], help="trusted public key instead of sync_trusted_keys")
    imp.add_argument("--data-dir", type=Path, help="data folder (default: the platform's)")
    imp.set_defaults(func=import_cmd)

    info = verbs.add_parser("info", help="version, date, publisher, source and counts of the installed content")
    info.add_argument("--data-dir", type=Path, help="data folder (default: the platform's)")
    info.set_defaults(func=info_cmd)


def keygen_cmd(args: argparse.Namespace) -> int:
    from kiosk.content.keys import generate_key, private_key_pem, public_key_b64

    path: Path = args.keyfile
    if path.exists():
        print(f"{path} gibt es schon; ein vorhandener Schlüssel wird nicht überschrieben.", file=sys.stderr)
        return 2
    key = generate_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(private_key_pem(key))
    os.chmod(path, 0o600)  # also where the umask would have widened it
    print(public_key_b64(key))
    print(
        f"Privater Schlüssel in {path}. Den öffentlichen Schlüssel oben in sync_trusted_keys eintragen.",
        file=sys.stderr,
    )
    return 0


def build_cmd(args: argparse.Namespace) -> int:
    from kiosk.content.bundle import build_bundle
    from kiosk.content.keys import load_private_key
    from kiosk.content.source import ContentError

    try:
        key = load_private_key(args.key) if args.key else None
    except (OSError, ValueError) as exc:
        print(f"Schlüssel nicht lesbar: {exc}", file=sys.stderr)
        return 2
    try:
        manifest = build_bundle(args.src_dir, args.out_bundle, key)
    except ContentError as exc:
        print(f"Fehler in den Inhalten: {exc}", file=sys.stderr)
        return 1
    print(f"{args.out_bundle}: content_version {manifest['content_version']}, {len(manifest['files'])} Dateien")
    if key is None:
        print("Ohne --key: nicht signiert. Nur zum Ansehen; kein Terminal installiert dieses Paket.", file=sys.stderr)
    return 0


def verify_cmd(args: argparse.Namespace) -> int:
    from kiosk.content.bundle import BundleError, read_bundle

    trusted = args.pubkey or None
    try:
        manifest, content = read_bundle(args.bundle, trusted)
    except (BundleError, OSError) as exc:
        print(f"abgelehnt: {exc}", file=sys.stderr)
        return 1
    signer = manifest.signed_by or "nicht signiert"
    trust = "vertrauenswürdig" if trusted else "Schlüssel nicht geprüft (--pubkey fehlt)"
    print(f"in Ordnung: content_version {manifest.content_version}, erstellt {manifest.created_at}")
    print(f"Herausgeber: {manifest.publisher}; signiert von: {signer} ({trust})")
    print(f"{len(content.services)} Leistungen, {len(content.offices)} Stellen, {len(manifest.files)} Dateien")
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    from kiosk.content.install import ensure_content_db
    from kiosk.content.swap import installed_version
    from kiosk.content.sync import import_bundle
    from kiosk.settings import Settings

    data_dir: Path = args.data_dir or default_data_dir()
    settings = Settings.load(data_dir)
    ensure_content_db(data_dir, sweep_leftovers=False)
    keys = args.pubkey or settings.sync_trusted_keys
    if not keys:
        print("Kein vertrauenswürdiger Schlüssel: sync_trusted_keys setzen oder --pubkey angeben.", file=sys.stderr)
        return 2
    result = import_bundle(data_dir, args.bundle, keys, settings.sync_max_bytes, installed_version(data_dir))
    if not result.ok:
        print(f"abgelehnt ({result.reason}): {result.message}", file=sys.stderr)
        return 1
    print(f"eingespielt: content_version {result.content_version}")
    return 0


def info_cmd(args: argparse.Namespace) -> int:
    from kiosk.content.install import ensure_content_db
    from kiosk.content.store import ContentStore
    from kiosk.content.swap import bundle_info
    from kiosk.content.sync import last_result
    from kiosk.state import open_state

    data_dir: Path = args.data_dir or default_data_dir()
    path = ensure_content_db(data_dir, sweep_leftovers=False)
    store = ContentStore(path)
    try:
        meta, counts = store.meta(), store.counts()
    finally:
        store.close()
    info = bundle_info(path)
    print(f"content_version: {meta.content_version}")
    print(f"created_at: {info.get('created_at', '-')}")
    print(f"publisher: {meta.publisher}")
    print(f"source: {info.get('source', '-')} (installed {info.get('installed_at', '-')})")
    for kind, count in counts.items():
        print(f"{kind}: {count}")
    db = open_state(data_dir)
    try:
        last = last_result(db)
    finally:
        db.close()
    if last:
        print(f"last sync: {last.status} {last.reason} {last.finished_at} {last.message}".rstrip())
    return 0
