"""Tolerant service search: the index lives in content.db beside the content.

Visitors type on a touch keyboard, letter by letter, without umlauts, with typos and in
everyday words. So every word of a service's title, keywords and summary (in each of
its languages) is normalised (case, umlauts as ae/oe/ue, ß as ss, other accents dropped)
and stored once in a vocabulary; postings link a word to the services and the best field
it appears in. A query word then matches, from strong to weak:

* exactly or as a prefix (typing "wohn"), via the vocabulary's index;
* inside a compound ("geld" in "kindergeld"), via an FTS5 trigram index on the vocabulary;
* with one typo (words of 5+ letters, title and keyword words only), via a table of
  single-letter deletions (SymSpell) and a check with the Damerau-Levenshtein distance.

Each service scores the best match per query word; services matching more query words
come first, then the higher score. Title beats keyword beats summary; exact and prefix
beat compound parts beat typos within a field.
"""

from __future__ import annotations

import functools
import heapq
import re
import sqlite3
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable

from kiosk.content.model import Content

# Fields, best first. TITLE_START is the title's first word: typing "w" should list
# "Wohngeld" before "Lotse: Hilfe, wenn ...".
TITLE_START, TITLE, KEYWORD, SUMMARY = 0, 1, 2, 3
FIELDS = (TITLE_START, TITLE, KEYWORD, SUMMARY)
EXACT, PREFIX, PART, TYPO = 0, 1, 2, 3
# SCORES[match][field]. Within a match kind title > keyword > summary; every exact or
# prefix match beats every typo match; a compound part in a title ("geld" in Kindergeld)
# beats the bare word in a summary. An exact keyword hit beats a mere title prefix.
SCORES = (
    (105, 100, 90, 40),
    (85, 80, 70, 30),
    (62, 60, 50, 20),
    (29, 28, 25, 10),
)
MIN_PART = 4  # shorter fragments inside compounds match too much to help
MIN_TYPO = 5  # one typo in a shorter word is a different word
MIN_SUMMARY_PREFIX = 3  # "w" should not fan out over every summary word
CAP = 120  # postings read per query word, match kind and field (see _word_matches)

_UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))  # str.replace: faster than a translate table
_WORD = re.compile(r"\w+")

_SCHEMA = """
CREATE TABLE search_vocab (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE);
CREATE TABLE search_post (field INTEGER NOT NULL, word_id INTEGER NOT NULL, lang TEXT NOT NULL,
    service_id TEXT NOT NULL, PRIMARY KEY (field, word_id, lang, service_id)) WITHOUT ROWID;
CREATE TABLE search_deletes (del TEXT NOT NULL, word_id INTEGER NOT NULL, PRIMARY KEY (del, word_id)) WITHOUT ROWID;
CREATE VIRTUAL TABLE search_vocab_tri USING fts5(word, content='search_vocab', content_rowid='id',
    tokenize='trigram');
"""


@functools.cache
def _drop_marks() -> dict[int, None]:
    """A str.translate table deleting every combining mark of the Basic Multilingual Plane
    (all our languages' accents live there): one C-level pass instead of a Python loop per
    character, which dominated building the index for 20,000 services."""
    return {cp: None for cp in range(0x300, 0x10000) if unicodedata.combining(chr(cp))}


def normalize(text: str) -> str:
    """Lower case, umlauts spelled out, other accents dropped: 'Bürgergeld' and
    'Buergergeld' meet, and so do 'Straße' and 'strasse'."""
    if text.isascii():
        return text.lower()  # casefold of ASCII; most words are
    folded = text.casefold()
    for umlaut, spelled in _UMLAUTS:
        folded = folded.replace(umlaut, spelled)
    if folded.isascii():
        return folded
    return unicodedata.normalize("NFKD", folded).translate(_drop_marks())


def words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def create(db: sqlite3.Connection, content: Content) -> None:
    """Build the index tables for ``content`` inside the caller's transaction.

    The deletion table (~400,000 rows for 20,000 services) is derived inside SQLite from the
    typo words' ids instead of one Python tuple per deletion. The builder gives the
    connection a large page cache (kiosk.content.build), so unsorted inserts stay cheap.
    """
    db.executescript(_SCHEMA)
    best = _best_fields(content)
    vocab: dict[str, int] = {}  # word -> best field anywhere; typos are matched on title/keyword words only
    for (word, _lang, _sid), field in best.items():
        if field < vocab.get(word, 99):
            vocab[word] = field
    ids = {word: i for i, word in enumerate(sorted(vocab), start=1)}
    db.executemany("INSERT INTO search_vocab VALUES (?, ?)", [(i, w) for w, i in ids.items()])
    db.executemany(
        "INSERT INTO search_post VALUES (?, ?, ?, ?)", [(f, ids[w], lang, sid) for (w, lang, sid), f in best.items()]
    )
    db.execute("CREATE TEMP TABLE typo_words (id INTEGER PRIMARY KEY)")
    db.executemany(
        "INSERT INTO typo_words VALUES (?)",
        [(i,) for w, i in ids.items() if len(w) >= MIN_TYPO - 1 and vocab[w] <= KEYWORD],
    )
    db.execute(_DELETES)
    db.execute("DROP TABLE temp.typo_words")
    db.execute("INSERT INTO search_vocab_tri(search_vocab_tri) VALUES ('rebuild')")


# Each typo word and its single-letter deletions (as ``_deletes``; SQLite's length and substr
# count characters like Python's str): position 0 is the word itself, i > 0 drops letter i.
_DELETES = """
WITH RECURSIVE pos(i) AS (
    SELECT 0 UNION ALL SELECT i + 1 FROM pos
    WHERE i < (SELECT max(length(v.word)) FROM search_vocab v JOIN temp.typo_words USING (id))
)
INSERT OR IGNORE INTO search_deletes
SELECT CASE WHEN pos.i = 0 THEN v.word ELSE substr(v.word, 1, pos.i - 1) || substr(v.word, pos.i + 1) END, v.id
FROM temp.typo_words t JOIN search_vocab v USING (id) JOIN pos ON pos.i <= length(v.word)
ORDER BY 1, 2
"""


def _best_fields(content: Content) -> dict[tuple[str, str, str], int]:
    """(word, lang, service id) -> the best field the word appears in for that service."""
    best: dict[tuple[str, str, str], int] = {}
    for service in content.services:
        sid = service.id
        per_lang: dict[str, dict[str, int]] = {}
        # worst field first: a better field then overwrites the word's entry
        for lang, text in service.summary.items():
            per_lang.setdefault(lang, {}).update(dict.fromkeys(words(text), SUMMARY))
        for lang, phrases in service.keywords.items():
            seen = per_lang.setdefault(lang, {})
            for phrase in phrases:
                seen.update(dict.fromkeys(words(phrase), KEYWORD))
        for lang, text in service.title.items():
            seen = per_lang.setdefault(lang, {})
            title = words(text)
            seen.update(dict.fromkeys(title, TITLE))
            if title:
                seen[title[0]] = TITLE_START
        for lang, found in per_lang.items():
            for word, field in found.items():
                best[(word, lang, sid)] = field
    return best


def osa_distance(a: str, b: str, limit: int = 1) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, giving up above ``limit``
    (returns ``limit + 1``); small and exact enough for one-typo checks."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


def _prefix_end(word: str) -> str:
    return word + "\U0010ffff"


def _typo_ids(db: sqlite3.Connection, word: str) -> list[int]:
    """Vocabulary words (title/keyword words) one typo away from ``word``."""
    keys = sorted(_deletes(word) | {word})
    marks = ",".join("?" * len(keys))
    candidates = db.execute(
        f"SELECT DISTINCT v.id, v.word FROM search_deletes d JOIN search_vocab v ON v.id = d.word_id "
        f"WHERE d.del IN ({marks})",
        keys,
    ).fetchall()
    return [i for i, w in candidates if w != word and osa_distance(word, w) <= 1]


def _word_matches(db: sqlite3.Connection, word: str, lang: str) -> dict[str, int]:
    """service id -> best score for one query word.

    Word ids follow the sorted vocabulary, so a prefix is one id range. Each match kind
    reads at most ``CAP`` postings per field, best field first: a word that occurs in
    thousands of summaries ("antrag") cannot make a keystroke slow, and the services it
    leaves out would rank below the ones read anyway.
    """
    scores: dict[str, int] = {}
    lo, hi = db.execute(
        "SELECT min(id), max(id) FROM search_vocab WHERE word >= ? AND word < ?", (word, _prefix_end(word))
    ).fetchone()
    exact = db.execute("SELECT id FROM search_vocab WHERE word = ?", (word,)).fetchone()
    exact_id = exact[0] if exact else None
    part_ids: list[int] = []
    if len(word) >= MIN_PART:
        part_ids = [
            r[0]
            for r in db.execute(
                "SELECT rowid FROM search_vocab_tri WHERE search_vocab_tri MATCH ? LIMIT ?",
                ('"' + word.replace('"', "") + '"', CAP),
            )
            if lo is None or not lo <= r[0] <= hi
        ]
    typo_ids = _typo_ids(db, word) if len(word) >= MIN_TYPO else []

    def add(rows: Iterable[tuple[str, int]], field: int, kind: int | None) -> None:
        fixed = SCORES[kind][field] if kind is not None else 0
        exact_score, prefix_score = SCORES[EXACT][field], SCORES[PREFIX][field]
        get = scores.get
        for sid, word_id in rows:
            score = fixed or (exact_score if word_id == exact_id else prefix_score)
            if score > get(sid, 0):
                scores[sid] = score

    base = "SELECT service_id, word_id FROM search_post WHERE field = ? AND lang IN (?, 'de') AND "
    for field in FIELDS:
        if lo is not None and (field <= KEYWORD or len(word) >= MIN_SUMMARY_PREFIX):
            add(db.execute(base + "word_id BETWEEN ? AND ? LIMIT ?", (field, lang, lo, hi, CAP)), field, None)
        for ids, kind in ((part_ids, PART), (typo_ids if field <= KEYWORD else [], TYPO)):
            if ids:
                marks = ",".join("?" * len(ids))
                add(db.execute(base + f"word_id IN ({marks}) LIMIT ?", (field, lang, *ids, CAP)), field, kind)
    return scores


class _WordCache:
    """Recent per-word results, so typing the third word does not redo the first two.

    Keyed by connection identity; the entry keeps a reference to its connection, so an id
    cannot be reused by a new connection while the entry lives. content.db never changes
    under an open connection (a sync swaps the file and the store reconnects), so entries
    never go stale.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[int, str, str], tuple[sqlite3.Connection, dict[str, int]]] = OrderedDict()

    def get(self, db: sqlite3.Connection, word: str, lang: str) -> dict[str, int]:
        key = (id(db), word, lang)
        entry = self._entries.get(key)
        if entry is not None and entry[0] is db:
            self._entries.move_to_end(key)
            return entry[1]
        scores = _word_matches(db, word, lang)
        self._entries[key] = (db, scores)
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)
        return scores


_cache = _WordCache()


def search(db: sqlite3.Connection, query: str, lang: str, limit: int = 20) -> list[str]:
    """Service ids best first: most query words matched, then highest score, then id."""
    query_words = list(dict.fromkeys(words(query)))[:8]
    if not query_words:
        return []
    matched: dict[str, int] = {}
    total: dict[str, int] = {}
    for word in query_words:
        for sid, score in _cache.get(db, word, lang).items():
            matched[sid] = matched.get(sid, 0) + 1
            total[sid] = total.get(sid, 0) + score
    best = heapq.nsmallest(limit, ((-matched[sid], -score, sid) for sid, score in total.items()))
    return [sid for _m, _s, sid in best]
