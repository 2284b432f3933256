"""Generated content documents and manifests: the loader and the bundle reader either accept
them or refuse with their own error type (ContentError / BundleError), never anything else."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kiosk.content.bundle import BundleError, read_bundle
from kiosk.content.source import KINDS, ContentError, load_files

from .conftest import manifest_for, pack, source_files

FIELDS = (
    "title", "summary", "name", "building", "floor", "room", "offices", "services", "online", "guide", "url",
    "short_url", "hours", "closures", "steps", "first", "prefix", "first", "last", "office", "waiting_area",
    "keywords", "leika", "documents", "requirements", "order", "icon", "role", "daily_cap", "when_exhausted",
    "content_version", "publisher", "state", "allowed_hosts", "infothek", "lotse", "staff_help", "sources",
)  # fmt: skip
SAMPLES = (
    "09:00", "12:00", "25:99", "mo", "di", "so", "de", "en", "sozialbuero", "infothek", "lotse", "wohngeld",
    "https://id.bund.de/x", "http://id.bund.de/", "javascript:alert(1)", "data:text/html,x", "https://evil.example",
    "2026-08-10", "A", "walk_in", "cap", "wrap", "start", "12345678901234", "",
)  # fmt: skip

scalars = st.one_of(st.sampled_from(SAMPLES), st.text(max_size=6), st.integers(-3, 10_000), st.booleans())
lang_tables = st.dictionaries(st.sampled_from(["de", "en", "ls", "xx"]), scalars, max_size=3)
rows = st.dictionaries(
    st.sampled_from(["days", "from", "to", "kind", "id", "title", "text", "next", "yes", "no", "question", "reason"]),
    st.one_of(scalars, st.lists(st.sampled_from(["mo", "di", "xx"]), max_size=3), lang_tables),
    max_size=6,
)
values = st.one_of(
    scalars, lang_tables, st.lists(st.one_of(scalars, lang_tables), max_size=3), st.lists(rows, max_size=3)
)
documents = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)  # JSON strings are TOML basic strings (escapes included)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"


def toml_doc(doc: dict[str, Any]) -> bytes:
    return "".join(f"{k} = {toml_value(v)}\n" for k, v in doc.items()).encode("utf-8", "surrogatepass")


paths = st.tuples(st.sampled_from([*KINDS, "bogus", "assets"]), st.sampled_from(["neu", "sozialbuero", "Bad_Id", "x"]))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=paths, doc=documents, replace_meta=st.booleans())
def test_the_loader_accepts_or_raises_content_error_for_any_document(path, doc, replace_meta):
    files = source_files(1)
    if replace_meta:
        files["content.toml"] = toml_doc(doc)
    else:
        files[f"{path[0]}/{path[1]}.toml"] = toml_doc(doc)
    try:
        content = load_files(files)
    except ContentError:
        event("refused")
        return
    event("accepted")
    assert content.meta.content_version >= 1


MEMBER_NAMES = st.sampled_from(
    ["content/../x", "/abs", "content\\x.toml", "content/offices/neu.toml", "extra.txt", "content/assets/a.png", ""]
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2, 5), st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6,
)


@st.composite
def bundles(draw: st.DrawFn, key) -> bytes:
    mutation = draw(st.sampled_from(["none", "field", "drop", "file_entry", "extra_member", "cut", "bytes"]))
    files = source_files(2)
    if draw(st.integers(0, 2)) == 0:
        files[f"{draw(st.sampled_from(KINDS))}/neu.toml"] = toml_doc(draw(documents))
    real = manifest_for(files, 2)
    manifest, extra = dict(real), {}
    if mutation == "field":
        manifest[draw(st.sampled_from([*real, "x"]))] = draw(json_values)
    elif mutation == "drop":
        manifest.pop(draw(st.sampled_from(list(real))))
    elif mutation == "file_entry":
        entry = dict(manifest["files"][0])
        entry[draw(st.sampled_from(["path", "sha256", "size"]))] = draw(st.one_of(json_values, MEMBER_NAMES))
        manifest["files"] = [entry, *manifest["files"][1:]]
    elif mutation == "extra_member":
        extra[draw(MEMBER_NAMES)] = draw(st.binary(max_size=20))
    if mutation == "bytes":
        return draw(st.binary(max_size=200))
    data = pack(files, key, manifest=manifest, extra=extra)
    if mutation == "cut":
        return data[: draw(st.integers(0, len(data)))]
    return data


@pytest.mark.filterwarnings("ignore:Duplicate name")
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_bundle_reader_accepts_or_raises_bundle_error_for_any_bundle(data, signing_key, public_key):
    bundle = data.draw(bundles(signing_key))
    try:
        manifest, content = read_bundle(io.BytesIO(bundle), [public_key], installed_version=1)
    except BundleError as exc:
        event(f"refused: {exc.reason}")
        assert exc.reason
        return
    event("accepted")
    assert manifest.content_version == content.meta.content_version == 2
