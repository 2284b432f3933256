"""Per-keystroke search latency on a large content set.

Generates 20,000 services from realistic German words (compound titles, everyday
keywords, plain summaries), builds content.db with the real builder, then types 200
queries letter by letter through the real ``ContentStore.search`` and reports median
and p99 latency per keystroke. Goal: median <= 3 ms, p99 <= 10 ms.

    uv run python benchmarks/search.py [--services 20000] [--queries 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from kiosk.content.build import write_content_db
from kiosk.content.source import load_files
from kiosk.content.store import ContentStore


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


HEADS = _split(
    "Wohn Kinder Eltern Bürger Grund Pflege Bau Hunde Gewerbe Melde Fahr Schul Sozial Unterhalts Renten "
    "Kranken Arbeits Ausbildungs Wasser Abfall Jugend Familien Senioren Behinderten Straßen Park Miet "
    "Einkommens Vermögens Heiz Strom Umzugs Geburts Sterbe Ehe Namens Aufenthalts Einbürgerungs Führungs "
    "Wahl Steuer Grundstücks Denkmal Vereins Spiel Sport Musik Bildungs Teilhabe Betreuungs Vormundschafts"
)
TAILS = _split(
    "geld zuschuss antrag bescheinigung genehmigung hilfe steuer karte ausweis versicherung beratung förderung "
    "vorschuss anmeldung abmeldung erlaubnis zeugnis beihilfe pauschale darlehen gutschein ermäßigung befreiung "
    "auskunft nachweis urkunde register pass platz"
)
QUALIFIERS = (
    "",
    "",
    "",
    " für Familien",
    " im Alter",
    " für Studierende",
    " bei Krankheit",
    " für Alleinerziehende",
    " nach Umzug",
    " ab 2026",
    " für Selbstständige",
    " in Notlagen",
    " beantragen",
    " verlängern",
    " ändern",
)
EVERYDAY = _split(
    "Miete Stütze Hartz IV Sozialhilfe Rente reicht nicht Geld vom Amt Zuschuss Kita Schule Umzug Arbeit "
    "Krankheit Baby Hochzeit Tod Auto Hund Strom Heizung Wohnung Schulden Pflegeheim Rollstuhl Ausweis"
)
SUMMARY_WORDS = _split(
    "Sie bekommen Hilfe wenn Ihr Einkommen niedrig ist Antrag stellen Unterlagen mitbringen Termin vereinbaren "
    "Bescheid erhalten Monat Jahr Familie Kinder Wohnung Arbeit Rente Kosten Zahlung Konto Nachweis Frist "
    "innerhalb Wochen prüfen Amt Stelle zuständig Beratung kostenlos persönlich online Formular ausfüllen"
)

META = b"""publisher = "Benchmark"
content_version = 1
state = "HE"
allowed_hosts = ["id.bund.de"]
infothek = "infothek"
lotse = "infothek"
staff_help = { de = "Fragen Sie an der Infothek." }
"""
OFFICE = b'name = { de = "Infothek" }\nbuilding = "B"\nfloor = { de = "EG" }\nroom = "0.01"\n'


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def generate(n: int, rng: random.Random) -> tuple[dict[str, bytes], list[str]]:
    files = {"content.toml": META, "offices/infothek.toml": OFFICE}
    titles = []
    for i in range(n):
        title = rng.choice(HEADS) + rng.choice(TAILS) + rng.choice(QUALIFIERS)
        title = title[0].upper() + title[1:]
        titles.append(title)
        summary = " ".join(rng.choice(SUMMARY_WORDS) for _ in range(rng.randint(15, 40))).capitalize() + "."
        keywords = rng.sample(EVERYDAY, rng.randint(1, 4))
        body = (
            f'title = {{ de = "{title}", en = "Service {i}" }}\nsummary = {{ de = "{summary}" }}\n'
            f'keywords.de = {_toml_list(keywords)}\noffices = ["infothek"]\n'
        )
        files[f"services/s{i:05d}.toml"] = body.encode()
    return files, titles


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def make_queries(titles: list[str], count: int, rng: random.Random) -> list[str]:
    queries = []
    for i in range(count):
        kind = i % 5
        if kind == 0:
            queries.append(rng.choice(titles).split()[0])
        elif kind == 1:
            queries.append(_typo(rng.choice(titles).split()[0].lower(), rng))
        elif kind == 2:
            queries.append(rng.choice(["Rente reicht nicht", "Hartz IV", "Geld vom Amt", "Stuetze", "Miete"]))
        elif kind == 3:
            queries.append(rng.choice(TAILS))  # compound part: "geld", "zuschuss"
        else:
            queries.append(rng.choice(titles).lower().replace("ü", "ue").replace("ä", "ae").replace("ö", "oe"))
    return queries


def type_all(path: Path, queries: list[str]) -> tuple[list[float], int]:
    """Type every query letter by letter on a fresh store (fresh connection, so no
    per-word results carry over from an earlier run); ms per keystroke, empty results."""
    store = ContentStore(path)
    store.search("warm up", "de")
    timings, empty = [], 0
    for query in queries:
        for end in range(1, len(query) + 1):
            t0 = time.perf_counter()
            found = store.search(query[:end], "de")
            timings.append((time.perf_counter() - t0) * 1000)
        empty += not found
    store.close()
    return timings, empty


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="type everything N times, each on a fresh connection, and keep each keystroke's best time "
        "(filters out waiting for a CPU on a busy machine)",
    )
    args = parser.parse_args()
    rng = random.Random(42)
    files, titles = generate(args.services, rng)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "content.db"
        started = time.perf_counter()
        write_content_db(load_files(files), path)
        build_s = time.perf_counter() - started
        size_mb = path.stat().st_size / 1e6
        queries = make_queries(titles, args.queries, rng)
        runs = [type_all(path, queries) for _ in range(args.repeat)]
    timings = [min(column) for column in zip(*(r[0] for r in runs), strict=True)]
    empty = runs[0][1]
    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"services: {args.services}, content.db {size_mb:.1f} MB, built in {build_s:.1f} s")
    print(f"queries: {len(queries)}, keystrokes: {len(timings)}, full queries without result: {empty}")
    median = statistics.median(timings)
    print(f"per keystroke (best of {args.repeat}): median {median:.2f} ms, p99 {p99:.2f} ms, max {timings[-1]:.2f} ms")


if __name__ == "__main__":
    main()
