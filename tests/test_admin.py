"""PIN hash, persistent lockout, audit log and admin session (no Qt)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.staff import admin
from kiosk.staff.admin import AdminSession, InvalidPin, PinOutcome, ScryptParams
from kiosk.state import open_state

PIN = "480913"
WRONG = "111234"
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# Same code path, cheaper hash: the policy tests check counting, not the cost.
CHEAP = ScryptParams(n=2**8, r=8, p=1)


@pytest.fixture
def db(data_dir: Path) -> sqlite3.Connection:
    conn = open_state(data_dir)
    yield conn
    conn.close()


@pytest.fixture
def db_with_pin(db: sqlite3.Connection) -> sqlite3.Connection:
    admin.set_pin(db, PIN, now=T0, params=CHEAP)
    return db


def _fail(db: sqlite3.Connection, times: int, now: datetime) -> admin.PinResult:
    result = None
    for _ in range(times):
        result = admin.check_pin(db, WRONG, now)
    return result


# --- PIN rules and storage -----------------------------------------------------------


@pytest.mark.parametrize("pin", ["12345", "123456789", "12a456", "", "１２３４５６", "48091 3"])
def test_pin_of_wrong_length_or_with_non_digits_is_refused(pin: str):
    with pytest.raises(InvalidPin):
        admin.validate_pin(pin)


@pytest.mark.parametrize("pin", ["000000", "7777777", "123456", "12345678", "654321", "789012", "3210987"])
def test_trivial_pins_are_refused(pin: str):
    with pytest.raises(InvalidPin):
        admin.validate_pin(pin)


@pytest.mark.parametrize("pin", ["480913", "1357924", "12345670", "112233"])
def test_ordinary_pins_are_accepted(pin: str):
    admin.validate_pin(pin)


def test_a_fresh_kiosk_has_no_pin_and_every_try_reports_no_pin(db):
    # GIVEN a new state.db WHEN a PIN is tried THEN there is no default PIN to hit
    assert not admin.has_pin(db)
    assert admin.check_pin(db, "000000", T0).outcome is PinOutcome.NO_PIN
    assert admin.check_pin(db, PIN, T0).outcome is PinOutcome.NO_PIN


def test_pin_is_stored_only_as_a_salted_scrypt_hash_with_its_parameters(db, data_dir):
    # GIVEN the same PIN set twice (default cost)
    admin.set_pin(db, PIN)
    first = db.execute("SELECT hash, salt, n, r, p FROM admin_pin").fetchone()
    admin.set_pin(db, PIN)
    second = db.execute("SELECT hash, salt, n, r, p FROM admin_pin").fetchone()
    # THEN salt and hash differ, the parameters are kept, and the digits are nowhere in the file
    assert first[1] != second[1] and first[0] != second[0]
    assert first[2:] == (admin.DEFAULT_PARAMS.n, admin.DEFAULT_PARAMS.r, admin.DEFAULT_PARAMS.p)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert PIN.encode() not in (data_dir / "state.db").read_bytes()
    assert admin.check_pin(db, PIN, T0).accepted


# --- lockout policy --------------------------------------------------------------------


def test_four_wrong_pins_count_down_the_tries_left(db_with_pin):
    left = [admin.check_pin(db_with_pin, WRONG, T0).tries_left for _ in range(4)]
    assert left == [4, 3, 2, 1]


def test_fifth_wrong_pin_locks_for_one_minute(db_with_pin):
    result = _fail(db_with_pin, 5, T0)
    assert result.outcome is PinOutcome.LOCKED
    assert result.locked_until == T0 + timedelta(minutes=1)


def test_while_locked_even_the_right_pin_is_refused_and_the_lock_is_not_extended(db_with_pin):
    _fail(db_with_pin, 5, T0)
    result = admin.check_pin(db_with_pin, PIN, T0 + timedelta(seconds=59))
    assert result.outcome is PinOutcome.LOCKED
    assert result.locked_until == T0 + timedelta(minutes=1)


def test_each_wrong_pin_after_a_lock_ends_doubles_the_lock(db_with_pin):
    # GIVEN a pad locked by five wrong PINs
    lock_end = _fail(db_with_pin, 5, T0).locked_until
    lengths = []
    # WHEN after each lock ends one more wrong PIN is typed
    for _ in range(4):
        result = admin.check_pin(db_with_pin, WRONG, lock_end)
        lengths.append((result.locked_until - lock_end).total_seconds() / 60)
        lock_end = result.locked_until
    # THEN the locks last 2, 4, 8, 16 minutes
    assert lengths == [2, 4, 8, 16]


def test_lock_length_is_capped_at_one_day():
    assert admin.lock_duration(4) == timedelta(0)
    assert admin.lock_duration(5) == timedelta(minutes=1)
    assert admin.lock_duration(16) == admin.MAX_LOCK
    assert admin.lock_duration(10_000) == admin.MAX_LOCK


def test_right_pin_resets_the_failure_count(db_with_pin):
    _fail(db_with_pin, 4, T0)
    assert admin.check_pin(db_with_pin, PIN, T0).accepted
    assert admin.check_pin(db_with_pin, WRONG, T0).tries_left == 4


def test_right_pin_after_a_lock_ends_is_accepted(db_with_pin):
    lock_end = _fail(db_with_pin, 5, T0).locked_until
    assert admin.check_pin(db_with_pin, PIN, lock_end).accepted
    assert admin.lock_state(db_with_pin, lock_end).failures == 0


def test_setting_a_new_pin_lifts_the_lock(db_with_pin):
    _fail(db_with_pin, 5, T0)
    admin.set_pin(db_with_pin, "902817", params=CHEAP)
    assert admin.check_pin(db_with_pin, "902817", T0).accepted


def test_lock_survives_a_new_process_on_the_same_data_dir(db_with_pin, data_dir):
    # GIVEN the pad locked in this process, the lock ending in the real future
    now = datetime.now(UTC)
    _fail(db_with_pin, 5, now)
    # WHEN another process opens the same data dir and types the right PIN
    code = (
        "import sys; from datetime import UTC, datetime; from pathlib import Path\n"
        "from kiosk.staff import admin; from kiosk.state import open_state\n"
        "db = open_state(Path(sys.argv[1]))\n"
        "print(admin.check_pin(db, sys.argv[2], datetime.now(UTC)).outcome.value)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(data_dir), PIN], capture_output=True, text=True, check=True)
    # THEN it is refused as locked
    assert out.stdout.strip() == "locked"


@pytest.mark.slow
def test_brute_force_of_1000_attempts_checks_no_more_pins_than_the_policy_allows(db, monkeypatch):
    # GIVEN a PIN and a counter on the one function that compares a typed PIN
    admin.set_pin(db, "99887766", params=CHEAP)
    checked = []
    real_verify = admin._verify
    monkeypatch.setattr(admin, "_verify", lambda pin, *a: checked.append(pin) or real_verify(pin, *a))
    # WHEN an attacker types 1,000 PINs, one per second, through check_pin
    outcomes = [admin.check_pin(db, f"{i:06d}", T0 + timedelta(seconds=i)).outcome for i in range(1000)]
    # THEN only the tries the policy allows were checked: 5 at once, then one after each lock
    # (locks end at 64 s, 184 s, 424 s, 904 s; the next would end at 1864 s)
    allowed, t, failures = 0, 0.0, 0
    for i in range(1000):
        if i >= t:
            allowed += 1
            failures += 1
            t = i + admin.lock_duration(failures).total_seconds()
    assert allowed == 9
    assert len(checked) == allowed
    assert outcomes.count(PinOutcome.LOCKED) == 1000 - 4
    assert PinOutcome.ACCEPTED not in outcomes


# --- audit log ---------------------------------------------------------------------------


def test_every_login_attempt_is_audited_with_its_result(db_with_pin):
    _fail(db_with_pin, 5, T0)
    admin.check_pin(db_with_pin, PIN, T0)
    entries = admin.recent_audit(db_with_pin, limit=10)
    assert [e.result for e in entries] == ["locked", "locked", "wrong", "wrong", "wrong", "wrong"]
    assert {e.action for e in entries} == {"login"}
    assert entries[0].at == T0


def test_audit_refuses_free_text_so_a_pin_or_notice_cannot_slip_in(db):
    with pytest.raises(ValueError):
        admin.audit(db, "login", "typed 480913 here")
    assert admin.recent_audit(db) == []


def test_audit_log_file_never_contains_the_pin(db, data_dir):
    # GIVEN a PIN set, typed right, typed wrong near it, and a lock
    admin.set_pin(db, PIN, params=CHEAP)
    admin.audit(db, "pin_set", "ok")
    admin.check_pin(db, PIN, T0)
    for near in ("480914", "480912", "480915", "480916", "480917"):
        admin.check_pin(db, near, T0)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # THEN no typed digits are in the database file
    raw = (data_dir / "state.db").read_bytes()
    assert len(admin.recent_audit(db)) == 7
    for typed in (PIN, "480914", "480917"):
        assert typed.encode() not in raw
        assert typed.encode("utf-16-le") not in raw


# --- session -----------------------------------------------------------------------------


def test_admin_session_expires_after_the_timeout_without_touch():
    session = AdminSession(last_touch=T0, timeout_s=120)
    assert not session.expired(T0 + timedelta(seconds=119))
    assert session.expired(T0 + timedelta(seconds=120))


def test_a_touch_keeps_the_admin_session_open():
    session = AdminSession(last_touch=T0, timeout_s=120)
    session.touch(T0 + timedelta(seconds=100))
    assert not session.expired(T0 + timedelta(seconds=200))
    assert session.expired(T0 + timedelta(seconds=220))


def test_two_processes_guessing_at_once_get_no_more_than_five_tries(db_with_pin, data_dir, tmp_path):
    # GIVEN two real processes that start guessing at the same instant, 10 wrong PINs each
    go = tmp_path / "go"
    code = (
        "import sys, time; from datetime import datetime; from pathlib import Path\n"
        "from kiosk.staff import admin; from kiosk.state import open_state\n"
        "db = open_state(Path(sys.argv[1])); now = datetime.fromisoformat(sys.argv[2])\n"
        "while not Path(sys.argv[3]).exists(): time.sleep(0.005)\n"
        "print(' '.join(admin.check_pin(db, '000001', now).outcome.value for _ in range(10)))\n"
    )
    args = [sys.executable, "-c", code, str(data_dir), T0.isoformat(), str(go)]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    go.touch()
    outcomes = " ".join(p.communicate(timeout=60)[0] for p in procs).split()
    # THEN together they were told "wrong" only four times and the fifth locked the pad
    assert len(outcomes) == 20
    assert outcomes.count("wrong") == 4
    assert admin.lock_state(db_with_pin, T0).failures == 5


def test_a_clock_set_back_never_locks_longer_than_the_cap(db_with_pin):
    # GIVEN a lock set while the clock ran a year ahead
    _fail(db_with_pin, 5, T0 + timedelta(days=365))
    # WHEN the clock is corrected and someone tries
    result = admin.check_pin(db_with_pin, PIN, T0)
    # THEN the lock ends at most a day from now
    assert result.outcome is PinOutcome.LOCKED
    assert result.locked_until == T0 + admin.MAX_LOCK
