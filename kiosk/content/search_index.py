"""Full-text search over services: the index lives in content.db beside the content.

First cut: FTS5 with German folding and prefix matching. Tolerance for typos and
compound words is added by the search work (issue 3).
"""

from __future__ import annotations

import sqlite3

from kiosk.content.model import Content, localized

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalize(text: str) -> str:
    """Lower case with umlauts spelled out, so 'Bürgergeld' and 'Buergergeld' meet."""
    return text.casefold().translate(_FOLD)


def create(db: sqlite3.Connection, content: Content) -> None:
    db.execute(
        "CREATE VIRTUAL TABLE service_fts USING fts5(service_id UNINDEXED, lang UNINDEXED, body, tokenize='unicode61 remove_diacritics 2')"
    )
    rows = []
    for service in content.services:
        for lang in {"de", *service.title.keys(), *service.keywords.keys()}:
            words = [localized(service.title, lang), *service.keywords.get(lang, ())]
            rows.append((service.id, lang, normalize(" ".join(words))))
    db.executemany("INSERT INTO service_fts VALUES (?, ?, ?)", rows)


def search(db: sqlite3.Connection, query: str, lang: str, limit: int = 20) -> list[str]:
    """Service ids that match every word of ``query`` as a prefix, best first."""
    words = [w for w in normalize(query).replace('"', " ").split() if w]
    if not words:
        return []
    match = " ".join(f'"{w}"*' for w in words)
    rows = db.execute(
        "SELECT service_id, min(rank) r FROM service_fts WHERE service_fts MATCH ? AND lang IN (?, 'de') "
        "GROUP BY service_id ORDER BY r LIMIT ?",
        (match, lang, limit),
    ).fetchall()
    return [r[0] for r in rows]
