"""The practice's weekly rhythm -> the next free times for posts.

APScheduler's CronTrigger does the calendar arithmetic in the practice's IANA zone. Our rules on
top: blackout dates, at most max_per_day posts a local day, at least min_gap between posts, and a
deterministic jitter per post (a hash of its id, so the same post always gets the same offset).
On a DST day a slot that does not exist fires once, an hour later on the clock (02:30 -> 03:30
on spring-forward day); a slot that exists twice (01:30 on fall-back day) fires once, the first time.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import threading
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from scheduler import networks
from scheduler.crontab import trigger_fields
from scheduler.errors import ConfigError
from scheduler.results import local_time

HORIZON = timedelta(days=3 * 366)  # no free slot within this -> the timetable is too full
ON_TIME = timedelta(minutes=10)  # cron runs every 5 minutes: a post out within two runs of its slot is on time;
                                 # a later one (missed, retried, deferred or held: late is counted from its slot,
                                 # not from its last retry) went out late
_DAY = timedelta(days=1)
_BLOCK_DAYS = 14  # days worked out at a time
_MOST_DAYS = 20 * 366  # days a SlotBook keeps


class Timetable:
    def __init__(self, schedule):
        self.schedule = schedule
        self.zone = schedule.zone
        self.blackout = frozenset(schedule.blackout)
        self.book = slot_book(schedule.timezone, tuple(schedule.slots))

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def slots(self, start: datetime, end: datetime) -> list[datetime]:
        """Every slot instant in [start, end), in UTC, sorted, blackout days left out."""
        return list(self._walk(start, end))

    def iter_slots(self, start: datetime, horizon: timedelta = HORIZON) -> Iterator[datetime]:
        return self._walk(start, start + horizon)

    def _walk(self, start: datetime, end: datetime) -> Iterator[datetime]:
        day, last = self.local_date(start), self.local_date(end)
        while day <= last:
            if day not in self.blackout:
                for moment in self.book.day(day):
                    if moment >= end:
                        return
                    if moment >= start:
                        yield moment
            if day == date.max:
                return
            day += _DAY

    def is_slot(self, moment: datetime) -> bool:
        """Whether `moment` is exactly one of the timetable's slots (not on a blackout day)."""
        day = self.local_date(moment)
        return day not in self.blackout and moment in self.book.day(day)

    def jitter(self, post_id: str) -> timedelta:
        """The same offset for the same post every time, spread evenly within ±jitter."""
        spread = int(self.schedule.jitter.total_seconds())
        if spread <= 0:
            return timedelta(0)
        digest = int.from_bytes(hashlib.sha256(post_id.encode()).digest()[:8], "big")
        return timedelta(seconds=digest % (2 * spread + 1) - spread)

    def calendar(self, taken: Iterable[tuple[datetime, str | None]] = ()) -> Calendar:
        return Calendar(self, taken)

    def pinned_time(self, local: datetime) -> datetime:
        """A pinned local time (naive) -> UTC; a nonexistent one moves forward like a slot (skipped_time says so)."""
        if local.tzinfo is None:
            local = local.replace(tzinfo=self.zone)
        return local.astimezone(UTC)


def skipped_time(local: datetime, zone: ZoneInfo) -> str | None:
    """What to say of a local time (naive) the clocks skip when daylight saving starts, and when it posts instead
    (as Timetable.pinned_time moves it); None for a time that exists."""
    moved = local.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
    if local.tzinfo is not None or moved.replace(tzinfo=None) == local:
        return None
    return f"{local:%H:%M} on {local:%Y-%m-%d} does not exist in {zone.key} (clocks go forward); posts at {moved:%H:%M}"


@dataclass(frozen=True)
class Wait:
    """An on-time post waits: `after` went out late at `sent` (its slot was `slot`), and min_gap holds the post
    until `until`. `crowded`: the rule the post would break at `until` all the same ("max_per_day": that day
    already has its posts out), so it does not wait: it moves to the next free slot at once."""

    until: datetime
    after: str
    sent: datetime
    min_gap: timedelta
    zone: ZoneInfo
    slot: datetime
    crowded: str | None = None
    max_per_day: int = 0
    in_flight: bool = False  # `after` is being sent by another run (since `sent`), not out yet

    @property
    def reason(self) -> str:
        if self.in_flight:
            went = (f"on time, but another run is sending {self.after}, {_minutes(self.sent - self.slot)} after its "
                    f"slot, since {local_time(self.sent, self.zone)}")
        else:
            went = (f"on time, but {self.after} went out {_minutes(self.sent - self.slot)} after its slot, at "
                    f"{local_time(self.sent, self.zone)}")
        if self.crowded == "max_per_day":
            return (f"{went}; min_gap ({self.min_gap}) would hold it until {local_time(self.until, self.zone)}, "
                    f"a day with max_per_day ({self.max_per_day}) posts already out")
        return f"{went}; min_gap ({self.min_gap}) holds it until {local_time(self.until, self.zone)}"


def _minutes(late: timedelta) -> str:
    minutes = int(late.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} minutes"
    return f"{minutes // 60} h {minutes % 60:02d} min"


class TipsOut:
    """The tips already out, each at its first post (a tip on several networks counts once), and which of them
    went out late (more than ON_TIME after its slot).

    A late post keeps min_gap and max_per_day with every tip out (`broken_rule`). An on-time post keeps min_gap
    with the tips that went out late only (`wait`): the timetable already kept the gap between slots, so only a
    post sent off its slot can break it, and an on-time post waits for the gap rather than move."""

    def __init__(self, timetable: Timetable):
        self.timetable = timetable
        self.min_gap = timetable.schedule.min_gap
        self.zone = timetable.zone
        self._first: dict[Hashable, datetime] = {}
        self._late: list[tuple[datetime, str, Hashable, datetime]] = []  # (when, post id, tip, slot), in time order
        self._calendar: Calendar | None = None  # every first post: made when a late post is first checked

    def note(self, tip: Hashable, post_id: str, slot: datetime, at: datetime) -> None:
        """A post of `tip` (its id `post_id`, its slot `slot`) went out at `at`."""
        first = self._first.get(tip)
        if first is not None and first <= at:
            return
        if first is not None:
            if self._calendar is not None:
                self._calendar.remove(first)
            self._late = [entry for entry in self._late if entry[2] != tip]
        self._first[tip] = at
        if self._calendar is not None:
            self._calendar.add(at)
        if at - slot > ON_TIME:
            bisect.insort(self._late, (at, post_id, tip, slot), key=lambda entry: entry[0])

    def broken_rule(self, tip: Hashable, at: datetime) -> str | None:
        """Which rule a post of `tip` at `at` breaks with the other tips out (Calendar.broken_rule)."""
        if self._calendar is None:
            self._calendar = self.timetable.calendar((moment, None) for moment in sorted(self._first.values()))
        mine = self._first.get(tip)
        if mine is not None:
            self._calendar.remove(mine)
        try:
            return self._calendar.broken_rule(at)
        finally:
            if mine is not None:
                self._calendar.add(mine)

    def wait(self, tip: Hashable, at: datetime) -> Wait | None:
        """For a post of `tip` on time at `at`: how long min_gap holds it after the last other tip that went out
        late; None when the gap is kept at `at`."""
        if not self._late:
            return None
        index = bisect.bisect_right(self._late, at, key=lambda entry: entry[0])
        for sent, post_id, other, slot in reversed(self._late[max(index - 2, 0):index]):  # its own tip aside
            if other == tip:
                continue
            if at - sent >= self.min_gap:
                return None
            until = sent + self.min_gap
            crowded = "max_per_day" if self.broken_rule(tip, until) == "max_per_day" else None
            return Wait(until, post_id, sent, self.min_gap, self.zone, slot, crowded,
                        self.timetable.schedule.max_per_day)
        return None


class SlotBook:
    """The slots of each local day (blackout days too: the Timetable leaves them out), worked out once.

    APScheduler's triggers are asked for a block of days at a time, from the local midnight that starts it, and
    the answer is kept: queueing, reslotting and the studio's checks ask about the same days again and again
    (each queued post is checked against its day's slots). Which slots a day has depends only on the zone and
    the slots, so one book serves every Timetable of the same timetable (`slot_book`)."""

    def __init__(self, timezone: str, slots: tuple):
        self.zone = ZoneInfo(timezone)
        self.triggers = []
        for slot in slots:
            if slot.cron:
                self.triggers += [CronTrigger(**fields, timezone=self.zone) for fields in trigger_fields(slot.cron)]
                continue
            for moment in slot.times:
                self.triggers.append(CronTrigger(day_of_week=",".join(slot.days), hour=moment.hour,
                                                 minute=moment.minute, timezone=self.zone))
        self._days: dict[date, tuple[datetime, ...]] = {}
        self._lock = threading.Lock()

    def day(self, day: date) -> tuple[datetime, ...]:
        """The day's slot instants in UTC, sorted."""
        found = self._days.get(day)
        if found is None:
            with self._lock:
                if day not in self._days:
                    self._fill(day)
                found = self._days[day]
        return found

    def _fill(self, first: date) -> None:
        days = [first + _DAY * n for n in range(min(_BLOCK_DAYS, (date.max - first).days + 1))]
        start = self._midnight(days[0])
        end = self._midnight(days[-1] + _DAY) if days[-1] < date.max else datetime.max.replace(tzinfo=UTC)
        found: dict[date, set[datetime]] = {day: set() for day in days}
        for trigger in self.triggers:
            for moment in _fire_times(trigger, start, end, self.zone):
                found.setdefault(moment.astimezone(self.zone).date(), set()).add(moment)
        if len(self._days) > _MOST_DAYS:  # a long-running daemon's book does not grow without end
            self._days.clear()
        for day, moments in found.items():
            self._days.setdefault(day, tuple(sorted(moments)))

    def _midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.zone).astimezone(UTC)


@functools.lru_cache(maxsize=8)
def slot_book(timezone: str, slots: tuple) -> SlotBook:
    """One SlotBook per timetable (zone and slots), shared by every Timetable built from it."""
    return SlotBook(timezone, slots)


def _fire_times(trigger, start: datetime, end: datetime, zone) -> Iterator[datetime]:
    moment = start.astimezone(UTC)
    while True:
        fire = trigger.get_next_fire_time(None, moment.astimezone(zone))
        if fire is None:
            return
        fire_utc = fire.astimezone(UTC)
        if fire_utc >= end:
            return
        if not _second_of_twice(fire):
            yield fire_utc
        moment = fire_utc + timedelta(seconds=1)


def _second_of_twice(fire: datetime) -> bool:
    """True for the second of two instants with the same wall-clock time (the fall-back hour)."""
    return fire.fold == 1 and fire.replace(fold=0).utcoffset() != fire.utcoffset()


class Calendar:
    """Times already taken, with their sections: answers 'is this time free?' under the rules."""

    def __init__(self, timetable: Timetable, taken: Iterable[tuple[datetime, str | None]] = ()):
        self.timetable = timetable
        self.times: list[datetime] = []
        self.sections: list[str | None] = []
        self.per_day: Counter = Counter()
        for moment, section in taken:
            self.add(moment, section)

    def add(self, moment: datetime, section: str | None = None) -> None:
        index = bisect.bisect_right(self.times, moment)
        self.times.insert(index, moment)
        self.sections.insert(index, section)
        self.per_day[self.timetable.local_date(moment)] += 1

    def remove(self, moment: datetime) -> None:
        index = bisect.bisect_left(self.times, moment)
        if index < len(self.times) and self.times[index] == moment:
            del self.times[index], self.sections[index]
            self.per_day[self.timetable.local_date(moment)] -= 1

    def section_before(self, moment: datetime) -> str | None:
        index = bisect.bisect_left(self.times, moment)
        return self.sections[index - 1] if index else None

    def section_after(self, moment: datetime) -> str | None:
        index = bisect.bisect_right(self.times, moment)
        return self.sections[index] if index < len(self.times) else None

    def fits(self, moment: datetime) -> bool:
        return self.broken_rule(moment) is None

    def broken_rule(self, moment: datetime) -> str | None:
        """Which rule a post at `moment` would break: "blackout", "max_per_day", "min_gap"; None if it fits."""
        schedule = self.timetable.schedule
        if self.timetable.local_date(moment) in self.timetable.blackout:
            return "blackout"
        if self.per_day[self.timetable.local_date(moment)] >= schedule.max_per_day:
            return "max_per_day"
        gap = schedule.min_gap
        index = bisect.bisect_left(self.times, moment)
        if index < len(self.times) and self.times[index] - moment < gap:
            return "min_gap"
        if index and moment - self.times[index - 1] < gap:
            return "min_gap"
        return "min_gap" if index < len(self.times) and self.times[index] == moment else None

    def on_timetable(self, moment: datetime, post_id: str) -> bool:
        """Whether `moment` is one of the timetable's slots, with the jitter of this tip's post on any network: a
        tip's posts share one time, jittered for whichever of them was placed (X's, say), and one left to go out
        alone (Bluesky's, once X's and Mastodon's are out) is still on its slot."""
        tip_id, _ = networks.network_of(post_id)
        return any(self.timetable.is_slot(moment - self.timetable.jitter(networks.post_id(tip_id, network)))
                   for network in networks.keys(rehearsals=True))

    def free_times(self, post_id: str, after: datetime) -> Iterator[datetime]:
        """Free times for this post after `after`, earliest first (its jitter applied)."""
        offset = self.timetable.jitter(post_id)
        for slot in self.timetable.iter_slots(after - abs(offset)):
            moment = slot + offset
            if moment > after and self.fits(moment):
                yield moment

    def next_free(self, post_id: str, after: datetime) -> datetime:
        for moment in self.free_times(post_id, after):
            return moment
        raise ConfigError(f"posts/schedule.yaml: no free slot within {HORIZON.days} days after "
                          f"{after.astimezone(self.timetable.zone):%Y-%m-%d %H:%M}; add slots or raise max_per_day")
