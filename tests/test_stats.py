"""Anonymous counters in a real state.db."""

from __future__ import annotations

import csv
import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.staff import stats
from kiosk.staff.stats import Event
from kiosk.state import open_state

BERLIN = ZoneInfo("Europe/Berlin")
MORNING = datetime(2026, 11, 23, 9, 15, tzinfo=BERLIN)
LATER_SAME_HOUR = datetime(2026, 11, 23, 9, 59, tzinfo=BERLIN)
NEXT_HOUR = datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)


@pytest.fixture
def db(data_dir: Path) -> sqlite3.Connection:
    conn = open_state(data_dir)
    yield conn
    conn.close()


def test_views_in_the_same_hour_add_up_in_one_row(db):
    stats.record(db, Event.SERVICE_VIEWED, "wohngeld", MORNING)
    stats.record(db, Event.SERVICE_VIEWED, "wohngeld", LATER_SAME_HOUR)
    assert stats.counts(db) == [("2026-11-23", 9, "service_viewed", "wohngeld", 2)]


def test_a_new_hour_starts_a_new_counter(db):
    stats.record(db, Event.TICKET_ISSUED, "antraege", MORNING)
    stats.record(db, Event.TICKET_ISSUED, "antraege", NEXT_HOUR)
    assert [row[1] for row in stats.counts(db, Event.TICKET_ISSUED)] == [9, 10]


def test_feedback_is_counted_per_service_and_answer(db):
    stats.record(db, Event.FEEDBACK_YES, "wohngeld", MORNING)
    stats.record(db, Event.FEEDBACK_NO, "wohngeld", MORNING)
    stats.record(db, Event.FEEDBACK_YES, "wohngeld", NEXT_HOUR)
    assert stats.totals(db, Event.FEEDBACK_YES) == {"wohngeld": 2}
    assert stats.totals(db, Event.FEEDBACK_NO) == {"wohngeld": 1}


def test_search_without_result_is_only_counted(db):
    stats.record(db, Event.SEARCH_NO_RESULT, when=MORNING)
    stats.record(db, Event.SEARCH_NO_RESULT, when=MORNING)
    assert stats.totals(db, Event.SEARCH_NO_RESULT) == {"": 2}


@pytest.mark.parametrize(
    ("event", "key"),
    [(Event.SEARCH_NO_RESULT, "wohngeld"), (Event.SERVICE_VIEWED, "Max Mustermann"), (Event.SERVICE_VIEWED, "a b")],
)
def test_free_text_keys_are_refused_so_nothing_personal_is_stored(db, event, key):
    with pytest.raises(ValueError):
        stats.record(db, event, key, MORNING)
    assert stats.counts(db) == []


def test_counters_survive_reopening_state_db(data_dir, db):
    stats.record(db, Event.SERVICE_VIEWED, "wohngeld", MORNING)
    db.close()
    again = open_state(data_dir)
    try:
        assert stats.totals(again, Event.SERVICE_VIEWED) == {"wohngeld": 1}
    finally:
        again.close()


def test_export_csv_writes_a_header_and_every_counter(db, tmp_path):
    stats.record(db, Event.SERVICE_VIEWED, "wohngeld", MORNING)
    stats.record(db, Event.TICKET_ISSUED, "antraege", NEXT_HOUR)
    target = tmp_path / "stats.csv"
    assert stats.export_csv(db, target) == 2
    with target.open(encoding="utf-8", newline="") as fp:
        rows = list(csv.reader(fp))
    assert rows == [
        ["day", "hour", "event", "key", "count"],
        ["2026-11-23", "9", "service_viewed", "wohngeld", "1"],
        ["2026-11-23", "10", "ticket_issued", "antraege", "1"],
    ]
    assert not (tmp_path / "stats.csv.part").exists()


def test_export_of_an_empty_state_db_has_only_the_header(db, tmp_path):
    target = tmp_path / "stats.csv"
    assert stats.export_csv(db, target) == 0
    assert target.read_text(encoding="utf-8").strip() == "day,hour,event,key,count"
