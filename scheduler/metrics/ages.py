"""The fixed ages after posting at which a post's counts are read, and when a reading is late.

Every post is compared at the same age, so a post read at 26 hours is never set beside one read at 4 days.
Only the latest age that has come is read: a post found at 80 hours without snapshots gets its 72 h one
(late by 8 hours) and never a 1 h or 24 h one, which would be a reading at 80 hours under another name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

AGES: tuple[tuple[str, timedelta], ...] = (
    ("1h", timedelta(hours=1)),
    ("24h", timedelta(hours=24)),
    ("72h", timedelta(hours=72)),
    ("7d", timedelta(days=7)),
    ("28d", timedelta(days=28)),
)
AGE_NAMES = tuple(name for name, _ in AGES)
LATE_AT_LEAST = timedelta(hours=1)  # an hourly cron is never late for that alone


def late_after(age: timedelta) -> timedelta:
    """How long after its due time a snapshot may be taken and still count as on time: a tenth of the age,
    at least an hour (1 h: 1 h; 24 h: 2 h 24 min; 72 h: 7 h 12 min; 7 d: 16 h 48 min; 28 d: 2 d 19 h 12 min)."""
    return max(LATE_AT_LEAST, age / 10)


@dataclass(frozen=True)
class DueAge:
    age: str
    due_at: datetime
    late: bool


def due_age(posted_at: datetime, taken: Iterable[str], now: datetime) -> DueAge | None:
    """The age to read now for a post made at `posted_at` with snapshots `taken`, or None."""
    done = set(taken)
    come = [(name, posted_at + offset, offset) for name, offset in AGES if posted_at + offset <= now]
    if not come:
        return None
    name, at, offset = come[-1]
    if name in done or any(AGE_NAMES.index(t) > AGE_NAMES.index(name) for t in done if t in AGE_NAMES):
        return None
    return DueAge(name, at, now - at > late_after(offset))


def next_due(posted_at: datetime, taken: Iterable[str]) -> datetime | None:
    """When the post's next snapshot comes due (None once its last age is taken)."""
    done = set(taken)
    last = max((AGE_NAMES.index(t) for t in done if t in AGE_NAMES), default=-1)
    following = AGES[last + 1:]
    return posted_at + following[0][1] if following else None
