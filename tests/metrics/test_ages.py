"""The fixed ages: which one is read now, when it is late, and that none is read twice or out of order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scheduler.metrics.ages import DueAge, due_age, next_due

POSTED = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


def test_nothing_is_due_in_the_first_hour():
    assert due_age(POSTED, (), POSTED + timedelta(minutes=59)) is None
    assert next_due(POSTED, ()) == POSTED + timedelta(hours=1)


def test_each_age_on_time_and_late():
    assert due_age(POSTED, (), POSTED + timedelta(hours=1, minutes=50)) == DueAge("1h", POSTED + timedelta(hours=1), False)
    assert due_age(POSTED, (), POSTED + timedelta(hours=2, minutes=1)).late  # more than an hour after
    assert due_age(POSTED, ("1h",), POSTED + timedelta(hours=26)) == DueAge("24h", POSTED + timedelta(hours=24), False)
    assert due_age(POSTED, ("1h",), POSTED + timedelta(hours=26, minutes=25)).late  # 24 h: 2 h 24 min allowed
    assert due_age(POSTED, ("1h", "24h"), POSTED + timedelta(days=31)) == DueAge(
        "28d", POSTED + timedelta(days=28), True)


def test_only_the_latest_age_is_read_and_none_twice():
    found = due_age(POSTED, (), POSTED + timedelta(hours=80))
    assert found == DueAge("72h", POSTED + timedelta(hours=72), True)  # never a 1 h reading taken at 80 h
    assert due_age(POSTED, ("72h",), POSTED + timedelta(hours=80)) is None
    assert due_age(POSTED, ("7d",), POSTED + timedelta(days=7, hours=1)) is None
    assert next_due(POSTED, ("72h",)) == POSTED + timedelta(days=7)
    assert next_due(POSTED, ("28d",)) is None
