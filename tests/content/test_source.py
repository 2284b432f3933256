"""The content loader: the one gate all content passes."""

from __future__ import annotations

import pytest

from kiosk.content.source import ContentError, load_files, read_source_dir
from kiosk.paths import default_content_dir


@pytest.fixture
def files() -> dict[str, bytes]:
    return read_source_dir(default_content_dir())


def test_default_content_loads(default_content):
    assert default_content.meta.content_version >= 1
    assert default_content.offices and default_content.services


@pytest.mark.parametrize(
    "url", ["http://id.bund.de/x", "javascript:alert(1)", "data:text/html,hi", "https://evil.example/x"]
)
def test_bad_links_are_rejected_naming_file_entry_and_field(files, url):
    files["online/boese.toml"] = (f'title = {{ de = "T" }}\nsummary = {{ de = "S" }}\nurl = "{url}"\n').encode()
    with pytest.raises(ContentError) as err:
        load_files(files)
    assert (err.value.file, err.value.entry, err.value.field) == ("online/boese.toml", "boese", "url")


def test_missing_german_text_is_named(files):
    files["situations/leer.toml"] = b'title = { en = "Only English" }\nservices = []\n'
    with pytest.raises(ContentError, match=r"situations/leer.toml, entry 'leer', field 'title': needs a German"):
        load_files(files)


def test_broken_toml_names_the_file(files):
    files["offices/kaputt.toml"] = b"name = { de = "
    with pytest.raises(ContentError, match=r"offices/kaputt\.toml: is not valid TOML"):
        load_files(files)


def test_link_to_unknown_office_is_rejected(files):
    files["services/neu.toml"] = b'title = "Neu"\nsummary = "S"\noffices = ["gibt-es-nicht"]\n'
    with pytest.raises(ContentError, match=r"no offices/gibt-es-nicht\.toml"):
        load_files(files)


def test_hours_need_valid_days_and_times(files):
    files["offices/x.toml"] = (
        b'name = "X"\nbuilding = "B"\nfloor = "EG"\nroom = "1"\n'
        b'[[hours]]\ndays = ["montag"]\nfrom = "09:00"\nto = "12:00"\n'
    )
    with pytest.raises(ContentError, match=r"field 'hours\[0\].days'"):
        load_files(files)
