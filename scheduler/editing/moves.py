"""May this post go out at that local time? The timetable's own rules answer (Calendar.fits).

A moved post is pinned (`at:` in its campaign file); before that, the new time must exist in the
practice's zone (not in the hour the clocks skip), lie ahead, fall on no blackout day, and keep
max_per_day and min_gap with the other posts. Each refusal says which rule and what to do.
"""

from __future__ import annotations

from datetime import date, datetime

from scheduler.campaigns.file import PIN_YEARS
from scheduler.campaigns.placing import taken_calendar
from scheduler.campaigns.timetable import Timetable, skipped_time
from scheduler.errors import Refused
from scheduler.results import counted
from scheduler.store.records import WAITING

FIRST_YEAR, LAST_YEAR = PIN_YEARS


def parse_local(when: str, zone) -> datetime:
    """'2026-12-02T09:30' (as a datetime-local field sends it) -> a naive local time that exists in `zone`."""
    text = (when or "").strip()
    if not text:
        raise Refused("give a day and a time", "at")
    if _is_day(text):
        raise Refused(f"{text!r} has no time; give the day and the time, e.g. {text}T09:30", "at")
    try:
        local = datetime.fromisoformat(text)
    except ValueError:
        raise Refused(f"{text[:40]!r} is not a day and time; write it as 2026-12-02T09:30", "at") from None
    if not FIRST_YEAR <= local.year <= LAST_YEAR:
        raise Refused(f"{local:%Y-%m-%d}: give a day in the years {FIRST_YEAR} to {LAST_YEAR}", "at")
    if local.tzinfo is not None:
        raise Refused("give the practice's local time, without an offset", "at")
    local = local.replace(second=0, microsecond=0)
    if skipped_time(local, zone) is not None:
        raise Refused(f"{local:%H:%M} does not exist on {local:%Y-%m-%d} in {zone.key}: the clocks skip that "
                      "hour; pick another time", "at")
    return local


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def check_move(settings, store, post, when: str, now: datetime) -> datetime:
    """The local time `when` names, if the post may be pinned there (else Refused, saying which rule)."""
    if post.status not in WAITING:
        raise Refused(f"{post.id} is {post.status}; only a post still to go out can be moved")
    schedule = settings.schedule
    local = parse_local(when, schedule.zone)
    timetable = Timetable(schedule)
    at = timetable.pinned_time(local)
    if at <= now:
        raise Refused(f"{local:%Y-%m-%d %H:%M} has passed; pick a time ahead", "at")
    if local.date() in timetable.blackout:
        raise Refused(f"{local:%Y-%m-%d} is a blackout day (posts/schedule.yaml); pick another day", "at")
    calendar = taken_calendar(store, timetable, now, exclude={post.tip_key})  # the tip takes one time on every network
    day = local.date()
    if calendar.per_day[day] >= schedule.max_per_day:
        raise Refused(f"{day:%Y-%m-%d} already has {counted(calendar.per_day[day], 'post')}, the most a day takes "
                      "(max_per_day: "
                      f"{schedule.max_per_day}); pick another day", "at")
    if not calendar.fits(at):
        gap = schedule.min_gap
        raise Refused(f"{local:%H:%M} is less than {_hours(gap)} from another post (min_gap); "
                      "pick a time further away", "at")
    return local


def _hours(delta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"
