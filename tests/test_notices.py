"""The staff notice on Home: cleaned text, length limit, end time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.staff import notices
from kiosk.staff.notices import InvalidNotice
from kiosk.state import open_state

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(data_dir: Path):
    conn = open_state(data_dir)
    yield conn
    conn.close()


def test_notice_is_shown_until_its_end_time(db):
    notices.set_notice(db, "Heute ab 12 Uhr geschlossen.", T0 + timedelta(hours=3), now=T0)
    assert notices.current_notice(db, T0 + timedelta(hours=2, minutes=59)).text == "Heute ab 12 Uhr geschlossen."


def test_expired_notice_is_not_returned(db):
    notices.set_notice(db, "Heute ab 12 Uhr geschlossen.", T0 + timedelta(hours=3), now=T0)
    assert notices.current_notice(db, T0 + timedelta(hours=3)) is None


def test_no_notice_by_default(db):
    assert notices.current_notice(db, T0) is None


def test_cleared_notice_is_gone(db):
    notices.set_notice(db, "Drucker defekt", T0 + timedelta(hours=1), now=T0)
    assert notices.clear_notice(db) is True
    assert notices.current_notice(db, T0) is None
    assert notices.clear_notice(db) is False


def test_a_new_notice_replaces_the_old_one(db):
    notices.set_notice(db, "Erster Hinweis", T0 + timedelta(hours=1), now=T0)
    notices.set_notice(db, "Zweiter Hinweis", T0 + timedelta(hours=2), now=T0)
    assert notices.current_notice(db, T0).text == "Zweiter Hinweis"


def test_control_and_bidi_characters_are_removed_and_whitespace_collapsed(db):
    typed = "  Heute\x00 ge\u202eschlossen\x1b[31m\n\tab  12 Uhr\u200b. "
    notice = notices.set_notice(db, typed, T0 + timedelta(hours=1), now=T0)
    assert notice.text == "Heute geschlossen[31m ab 12 Uhr."
    assert notices.current_notice(db, T0).text == notice.text


def test_umlauts_and_other_scripts_are_kept(db):
    notice = notices.set_notice(db, "Bürgerbüro geöffnet – مفتوح", T0 + timedelta(hours=1), now=T0)
    assert notice.text == "Bürgerbüro geöffnet – مفتوح"


def test_text_of_200_characters_is_accepted_and_201_refused(db):
    notices.set_notice(db, "a" * 200, T0 + timedelta(hours=1), now=T0)
    with pytest.raises(InvalidNotice) as refused:
        notices.set_notice(db, "a" * 201, T0 + timedelta(hours=1), now=T0)
    assert refused.value.values == {"max": 200}
    assert notices.current_notice(db, T0).text == "a" * 200


@pytest.mark.parametrize("text", ["", "   ", "\x00\x07\n"])
def test_empty_notice_is_refused(db, text):
    with pytest.raises(InvalidNotice):
        notices.set_notice(db, text, T0 + timedelta(hours=1), now=T0)


def test_notice_ending_in_the_past_is_refused(db):
    with pytest.raises(InvalidNotice):
        notices.set_notice(db, "Zu spät", T0, now=T0)
    assert notices.current_notice(db, T0 - timedelta(hours=1)) is None
