"""Tolerant search on a small, precise content set built through the real loader and builder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.build import write_content_db
from kiosk.content.search_index import normalize, osa_distance
from kiosk.content.source import load_files
from kiosk.content.store import ContentStore

META = b"""publisher = "Test"
content_version = 1
state = "HE"
allowed_hosts = ["id.bund.de"]
infothek = "infothek"
lotse = "infothek"
staff_help = { de = "Fragen Sie an der Infothek." }
"""
OFFICE = b'name = { de = "Infothek" }\nbuilding = "B"\nfloor = { de = "EG" }\nroom = "0.01"\n'

SERVICES = {
    "wohngeld": """title = { de = "Wohngeld", en = "Housing benefit" }
summary = { de = "Ein Zuschuss zur Miete bei kleinem Einkommen." }
keywords.de = ["Miete", "Mietzuschuss"]""",
    "kindergeld": """title = { de = "Kindergeld" }
summary = { de = "Geld für Eltern, jeden Monat." }""",
    "buergergeld": """title = { de = "Bürgergeld", tr = "Vatandaş parası" }
summary = { de = "Hilfe, wenn Sie arbeiten können, aber das Geld nicht reicht." }
keywords.de = ["Hartz IV", "Stütze", "Arbeitslosengeld II"]""",
    "grundsicherung": """title = { de = "Grundsicherung im Alter und bei Erwerbsminderung" }
summary = { de = "Hilfe, wenn die Rente nicht reicht." }
keywords.de = ["Rente reicht nicht", "Sozialhilfe", "Altersarmut"]""",
    "anwohnerparken": """title = { de = "Parkausweis für Anwohner" }
summary = { de = "Für Ihre Straße in der Innenstadt. Kostet Geld." }""",
    "pflegehilfe": """title = { de = "Hilfe zur Pflege" }
summary = { de = "Das Amt zahlt einen Teil der Kosten im Heim." }""",
    "heimkosten": """title = { de = "Heimkosten" }
summary = { de = "Zuschuss für das Wohnheim." }
keywords.de = ["Pflege"]""",
    "seniorenberatung": """title = { de = "Seniorenberatung" }
summary = { de = "Wir beraten Sie zu Pflege und Wohnen im Alter." }""",
    "parken-mitte": """title = { de = "Parkausweis Altstadt und Mitte" }
summary = { de = "Ausweis für Anwohnende der Innenstadt." }""",
    "kfz-wunschkennzeichen": """title = { de = "Kfz: Wunschkennzeichen" }
summary = { de = "Ein Kennzeichen nach Ihrer Wahl." }""",
    "umzug": """title = { de = "Wohnung ummelden" }
summary = { de = "Nach dem Umzug in eine neue Wohnung melden Sie sich um." }
keywords.de = ["Strassenverzeichnis"]""",
}


@pytest.fixture(scope="module")
def search_store(tmp_path_factory: pytest.TempPathFactory) -> ContentStore:
    files = {"content.toml": META, "offices/infothek.toml": OFFICE}
    for ident, body in SERVICES.items():
        files[f"services/{ident}.toml"] = (body + '\noffices = ["infothek"]\n').encode()
    path: Path = tmp_path_factory.mktemp("search") / "content.db"
    write_content_db(load_files(files), path)
    store = ContentStore(path)
    yield store
    store.close()


def ids(store: ContentStore, query: str, lang: str = "de") -> list[str]:
    return [s.id for s in store.search(query, lang)]


@pytest.mark.parametrize("query", ["wohngeld", "Wohngeld", "WOHNGELD", "  wohngeld  "])
def test_any_case_finds_the_title(search_store, query):
    assert ids(search_store, query)[0] == "wohngeld"


@pytest.mark.parametrize("query", ["Bürgergeld", "Buergergeld", "buergergeld", "BÜRGERGELD"])
def test_umlauts_spelled_either_way_find_the_same_service(search_store, query):
    assert ids(search_store, query)[0] == "buergergeld"


@pytest.mark.parametrize("query", ["straße", "strasse", "STRASSE"])
def test_sharp_s_and_ss_are_the_same(search_store, query):
    assert set(ids(search_store, query)) == {"anwohnerparken", "umzug"}


def test_word_prefix_while_typing_finds_titles(search_store):
    # GIVEN "wohn" typed WHEN searching THEN titles starting with it come before compounds containing it
    found = ids(search_store, "wohn")
    assert set(found[:2]) == {"umzug", "wohngeld"}
    assert found[2] == "anwohnerparken"


def test_single_letter_returns_matches_without_error(search_store):
    assert "wohngeld" in ids(search_store, "w")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hartz IV", "buergergeld"),
        ("stütze", "buergergeld"),
        ("Sozialhilfe", "grundsicherung"),
        ("Rente reicht nicht", "grundsicherung"),
        ("Miete", "wohngeld"),
    ],
)
def test_everyday_words_find_the_service_through_keywords(search_store, query, expected):
    assert ids(search_store, query)[0] == expected


@pytest.mark.parametrize(
    ("query", "expected"), [("Wohngelt", "wohngeld"), ("Grundsicherng", "grundsicherung"), ("Kindregeld", "kindergeld")]
)
def test_one_typo_in_a_long_word_still_finds_the_service(search_store, query, expected):
    assert ids(search_store, query)[0] == expected


def test_short_words_get_no_typo_tolerance(search_store):
    assert ids(search_store, "mite") == []  # not "Miete": four letters are too short to guess


def test_compound_part_finds_titles_before_summaries(search_store):
    # GIVEN "geld" WHEN searching THEN the -geld titles come before services that only say Geld in the summary
    found = ids(search_store, "geld")
    assert set(found[:3]) == {"wohngeld", "kindergeld", "buergergeld"}
    assert "anwohnerparken" in found[3:]


def test_title_match_ranks_above_keyword_match_above_summary_match(search_store):
    # GIVEN "Pflege" in a title, in another service's keywords and in a third's summary
    assert ids(search_store, "pflege") == ["pflegehilfe", "heimkosten", "seniorenberatung"]


def test_exact_match_ranks_above_a_typo_match(search_store):
    # GIVEN "Miete" as Wohngeld keyword and "Mitte" (one letter off) in a title
    assert ids(search_store, "miete") == ["wohngeld", "parken-mitte"]


def test_visitor_language_title_is_searched(search_store):
    assert ids(search_store, "housing", "en") == ["wohngeld"]
    assert ids(search_store, "vatandas", "tr") == ["buergergeld"]


def test_other_languages_do_not_leak_into_german_results(search_store):
    assert ids(search_store, "housing", "de") == []


@pytest.mark.parametrize("query", ["xyzzy", "", "   ", '"', "*", "AND OR NOT", "NEAR(x"])
def test_nonsense_and_syntax_characters_find_nothing_and_do_not_fail(search_store, query):
    assert ids(search_store, query) == []


def test_quotes_inside_a_word_are_ignored(search_store):
    assert ids(search_store, "wohn\"geld'")[0] == "wohngeld"


def test_services_matching_more_words_come_first(search_store):
    assert ids(search_store, "Hilfe Rente")[0] == "grundsicherung"


def test_normalize_folds_umlauts_sharp_s_and_accents():
    assert normalize("Bürgergeld Straße Çocuk") == "buergergeld strasse cocuk"


@pytest.mark.parametrize(
    ("a", "b", "d"), [("wohngeld", "wohngelt", 1), ("kindergeld", "kindregeld", 1), ("ab", "abcd", 2)]
)
def test_osa_distance_counts_swaps_as_one(a, b, d):
    assert osa_distance(a, b) == d


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40))
def test_any_typed_text_returns_known_ids_without_error(search_store, query):
    assert set(ids(search_store, query)) <= set(SERVICES)


def test_a_swapped_content_db_is_searched_afresh_after_the_store_reconnects(tmp_path):
    # GIVEN a store that searched "wohngeld" (per-word results are cached per connection)
    def build(name: str, title: str) -> Path:
        files = {"content.toml": META, "offices/infothek.toml": OFFICE}
        files[f"services/{name}.toml"] = f'title = "{title}"\nsummary = "S"\noffices = ["infothek"]\n'.encode()
        path = tmp_path / f"{name}.db"
        write_content_db(load_files(files), path)
        return path

    live = tmp_path / "content.db"
    build("alt", "Wohngeld").replace(live)
    store = ContentStore(live)
    assert ids(store, "wohngeld") == ["alt"]
    # WHEN a sync swaps the file and the store reconnects
    store.close()
    build("neu", "Wohngeld").replace(live)
    # THEN the new content answers
    assert ids(store, "wohngeld") == ["neu"]
    store.close()


def test_titles_starting_with_the_typed_letter_come_first(search_store):
    # GIVEN "w": Wohngeld and "Wohnung ummelden" start with it, "Kfz: Wunschkennzeichen" has it second
    found = ids(search_store, "w")
    assert set(found[:2]) == {"wohngeld", "umzug"}
    assert "kfz-wunschkennzeichen" in found[2:]
