"""``kiosk content search`` against an installed content.db built from TOML strings."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.build import write_content_db
from kiosk.content.install import CONTENT_FILE
from kiosk.content.source import load_files

META = b"""publisher = "Test"
content_version = 1
state = "HE"
allowed_hosts = ["id.bund.de"]
infothek = "infothek"
lotse = "infothek"
staff_help = { de = "Fragen Sie an der Infothek." }
"""
OFFICE = b'name = { de = "Infothek" }\nbuilding = "B"\nfloor = { de = "EG" }\nroom = "0.01"\n'
WOHNGELD = (
    b'title = { de = "Wohngeld", en = "Housing benefit" }\nsummary = { de = "Zuschuss zur Miete." }\n'
    b'offices = ["infothek"]\n'
)
KINDERGELD = b'title = { de = "Kindergeld" }\nsummary = { de = "Geld f\xc3\xbcr Eltern." }\noffices = ["infothek"]\n'


@pytest.fixture
def installed(data_dir: Path) -> Path:
    files = {
        "content.toml": META,
        "offices/infothek.toml": OFFICE,
        "services/wohngeld.toml": WOHNGELD,
        "services/kindergeld.toml": KINDERGELD,
    }
    write_content_db(load_files(files), data_dir / CONTENT_FILE)
    return data_dir


def test_prints_id_and_title_best_first(installed, capsys):
    assert main(["content", "search", "wohngelt"]) == 0
    assert capsys.readouterr().out.splitlines() == ["wohngeld\tWohngeld"]


def test_several_words_form_one_query_and_compounds_match(installed, capsys):
    assert main(["content", "search", "geld", "--data-dir", str(installed)]) == 0
    assert sorted(capsys.readouterr().out.splitlines()) == ["kindergeld\tKindergeld", "wohngeld\tWohngeld"]


def test_titles_are_shown_in_the_chosen_language(installed, capsys):
    assert main(["content", "search", "housing", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == ["wohngeld\tHousing benefit"]


def test_no_match_says_so_and_exits_with_1(installed, capsys):
    assert main(["content", "search", "xyzzy"]) == 1
    assert "Keine Treffer" in capsys.readouterr().out


def test_missing_content_db_is_built_from_the_default_first(data_dir, capsys):
    assert main(["content", "search", "xyzzy"]) == 1
    assert (data_dir / CONTENT_FILE).exists()
