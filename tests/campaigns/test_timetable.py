"""The timetable: weekly slots in the practice's zone, DST days, blackout, gaps, daily limits, jitter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from queue_helpers import settings_for, write_schedule

from scheduler.campaigns.timetable import Timetable, _fire_times, slot_book

NY = ZoneInfo("America/New_York")


def timetable(tmp_path, body: str) -> Timetable:
    write_schedule(tmp_path, text="account: {handle: junocounseling}\ntimezone: America/New_York\n" + body)
    return Timetable(settings_for(tmp_path).schedule)


def local(*args) -> datetime:
    return datetime(*args, tzinfo=NY)


def test_weekday_slots_and_cron_give_local_times_in_order(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - days: [mon, wed]\n    times: ["08:30", "19:30"]\n'
                                '  - cron: "0 10 * * sat"\n')
    slots = table.slots(local(2026, 12, 7), local(2026, 12, 14))
    assert [s.astimezone(NY).strftime("%a %H:%M") for s in slots] == [
        "Mon 08:30", "Mon 19:30", "Wed 08:30", "Wed 19:30", "Sat 10:00"]
    assert all(s.tzinfo == UTC for s in slots)


def test_spring_forward_a_slot_that_does_not_exist_fires_once_later_that_hour(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - days: [sat, sun, mon]\n    times: ["02:30"]\n')
    slots = table.slots(local(2026, 3, 7), local(2026, 3, 10))
    shown = [s.astimezone(NY).isoformat() for s in slots]
    # 2026-03-08 02:30 does not exist in New York: the clocks jump from 02:00 to 03:00.
    assert shown == ["2026-03-07T02:30:00-05:00", "2026-03-08T03:30:00-04:00", "2026-03-09T02:30:00-04:00"]


def test_the_moved_spring_forward_slot_is_on_the_timetable_however_it_is_asked(tmp_path):
    """A post in the 03:30 slot of spring-forward day (02:30 moved on) belongs there: queue's reslot must not
    move it as 'no longer a slot'. The slots of a day are the same asked from any moment, in any order."""
    table = timetable(tmp_path, 'slots:\n  - days: [sat, sun, mon]\n    times: ["02:30"]\n')
    moved = local(2026, 3, 8, 3, 30).astimezone(UTC)
    assert table.calendar().on_timetable(moved + table.jitter("c/a"), "c/a")
    assert table.slots(local(2026, 3, 8, 3, 10), local(2026, 3, 9)) == [moved]  # asked from after 03:00
    assert not table.is_slot(moved - timedelta(minutes=1))


def test_slots_asked_piece_by_piece_backwards_are_those_the_triggers_give_at_once(tmp_path):
    body = ('slots:\n  - days: [mon, wed]\n    times: ["08:30", "02:30"]\n  - cron: "30 1 * * sun"\n'
            "blackout: [2026-12-23, 2027-01-01]\n")
    start, end = local(2026, 1, 1), local(2027, 1, 1)
    table = timetable(tmp_path, body)
    whole = sorted({moment for trigger in table.book.triggers for moment in _fire_times(trigger, start, end, NY)
                    if table.local_date(moment) not in table.blackout})
    assert len(whole) == 52 * 2 * 2 + 52 - 2  # Mondays and Wednesdays twice, Sundays once, less a blackout Wednesday

    slot_book.cache_clear()  # a fresh book, asked from the end of the year backwards, in uneven pieces
    pieces = timetable(tmp_path, body)
    starts = [start + timedelta(days=5 * n, hours=n % 24) for n in range(73)]
    found: list = []
    for first, last in reversed(list(zip(starts, starts[1:] + [end]))):
        found = pieces.slots(first, last) + found
    assert found == whole
    assert list(pieces.iter_slots(local(2026, 12, 20), timedelta(days=7))) == \
        [s for s in whole if local(2026, 12, 20) <= s < local(2026, 12, 27)]


def test_fall_back_a_slot_that_exists_twice_fires_once(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - cron: "30 1 * * *"\n')
    slots = table.slots(local(2026, 10, 31), local(2026, 11, 3))
    shown = [s.astimezone(NY).isoformat() for s in slots]
    # 2026-11-01 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST): only the first.
    assert shown == ["2026-10-31T01:30:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"]


def test_next_free_across_the_dst_days_keeps_the_local_time(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - days: [mon]\n    times: ["09:00"]\n')
    calendar = table.calendar()
    before = calendar.next_free("c/a", local(2026, 3, 3))
    calendar.add(before)
    after = calendar.next_free("c/b", local(2026, 3, 3))
    assert before.astimezone(NY).isoformat() == "2026-03-09T09:00:00-04:00"
    assert after.astimezone(NY).isoformat() == "2026-03-16T09:00:00-04:00"
    assert after - before == timedelta(days=7)


def test_blackout_day_gets_no_post(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - days: [fri]\n    times: ["09:00"]\nblackout: [2026-12-25]\n')
    slots = table.slots(local(2026, 12, 18), local(2027, 1, 2))
    assert [s.astimezone(NY).date().isoformat() for s in slots] == ["2026-12-18", "2027-01-01"]
    assert table.calendar().next_free("c/a", local(2026, 12, 24, 12)).astimezone(NY) == local(2027, 1, 1, 9)


def test_max_per_day_and_min_gap_push_posts_to_later_slots(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - days: [mon, tue]\n    times: ["09:00", "10:00", "13:00", "18:00"]\n'
                                'max_per_day: 2\nmin_gap: 3h\n')
    calendar = table.calendar()
    times = []
    for name in "abcd":
        moment = calendar.next_free(f"c/{name}", local(2026, 12, 7))
        calendar.add(moment)
        times.append(moment.astimezone(NY).strftime("%a %H:%M"))
    assert times == ["Mon 09:00", "Mon 13:00", "Tue 09:00", "Tue 13:00"]


def test_jitter_is_the_same_for_the_same_post_and_stays_within_bounds(tmp_path):
    body = 'slots:\n  - days: [mon]\n    times: ["09:00"]\njitter: 10m\n'
    first, second = timetable(tmp_path, body), timetable(tmp_path, body)
    ids = [f"campaign/tip-{n}" for n in range(50)]
    offsets = [first.jitter(i) for i in ids]
    assert offsets == [second.jitter(i) for i in ids]
    assert all(abs(o) <= timedelta(minutes=10) for o in offsets)
    assert len(set(offsets)) > 40  # spread out, not one shared offset
    slot = first.calendar().next_free("campaign/tip-1", local(2026, 12, 6))
    assert slot == local(2026, 12, 7, 9).astimezone(UTC) + first.jitter("campaign/tip-1")


def test_pinned_local_time_becomes_utc(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - days: [mon]\n    times: ["09:00"]\n')
    assert table.pinned_time(datetime(2026, 7, 1, 9)) == datetime(2026, 7, 1, 13, tzinfo=UTC)
    assert table.pinned_time(datetime(2026, 12, 1, 9)) == datetime(2026, 12, 1, 14, tzinfo=UTC)


@pytest.mark.parametrize("zone", ["Europe/London", "Australia/Lord_Howe", "Asia/Kolkata"])
def test_one_slot_per_day_in_any_zone_for_a_year(tmp_path, zone):
    write_schedule(tmp_path, text=f"account: {{handle: junocounseling}}\ntimezone: {zone}\n"
                                  'slots:\n  - cron: "30 1 * * *"\n  - cron: "30 2 * * *"\n')
    table = Timetable(settings_for(tmp_path).schedule)
    start = datetime(2026, 1, 1, tzinfo=ZoneInfo(zone))
    slots = table.slots(start, start + timedelta(days=365))
    per_day = {}
    for moment in slots:
        per_day.setdefault(moment.astimezone(ZoneInfo(zone)).date(), []).append(moment)
    assert len(per_day) == 365
    assert all(1 <= len(v) <= 2 for v in per_day.values())
    assert len(slots) == len(set(slots))


def _days(table: Timetable, start: datetime, end: datetime) -> list[str]:
    return [s.astimezone(NY).strftime("%a %Y-%m-%d %H:%M") for s in table.slots(start, end)]


@pytest.mark.parametrize("cron,expected", [
    # crontab(5): weekdays count from Sunday, 0 and 7 both Sunday (APScheduler's from_crontab counts from Monday)
    ("0 9 * * 1-5", ["Mon 2026-12-07 09:00", "Tue 2026-12-08 09:00", "Wed 2026-12-09 09:00",
                     "Thu 2026-12-10 09:00", "Fri 2026-12-11 09:00"]),
    ("0 9 * * 1", ["Mon 2026-12-07 09:00"]),
    ("0 9 * * 0", ["Sun 2026-12-06 09:00", "Sun 2026-12-13 09:00"]),
    ("0 9 * * 7", ["Sun 2026-12-06 09:00", "Sun 2026-12-13 09:00"]),
    ("0 9 * * 5-7", ["Sun 2026-12-06 09:00", "Fri 2026-12-11 09:00", "Sat 2026-12-12 09:00",
                     "Sun 2026-12-13 09:00"]),
    ("0 9 * * */2", ["Sun 2026-12-06 09:00", "Tue 2026-12-08 09:00", "Thu 2026-12-10 09:00",
                     "Sat 2026-12-12 09:00", "Sun 2026-12-13 09:00"]),
    ("0 9 * * Sat,TUE", ["Tue 2026-12-08 09:00", "Sat 2026-12-12 09:00"]),
    ("30 18 * * 3", ["Wed 2026-12-09 18:30"]),
])
def test_cron_weekdays_mean_what_crontab_5_says(tmp_path, cron, expected):
    table = timetable(tmp_path, f'slots:\n  - cron: "{cron}"\n')
    assert _days(table, local(2026, 12, 6), local(2026, 12, 13, 12)) == expected


def test_cron_mon_hash_5_is_the_fifth_monday_only(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - cron: "0 9 * * mon#5"\n')
    # Mondays of November 2026: 2, 9, 16, 23, 30; December 2026 to February 2027 have four; March 2027 five.
    assert _days(table, local(2026, 11, 1), local(2027, 4, 1)) == ["Mon 2026-11-30 09:00", "Mon 2027-03-29 09:00"]


def test_cron_with_a_day_of_the_month_and_a_weekday_fires_on_either(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - cron: "0 9 13 * 5"\n')
    # crontab(5): "0 9 13 * 5" is the 13th of every month and every Friday (not only Friday the 13th).
    assert _days(table, local(2026, 12, 1), local(2027, 1, 16)) == [
        "Fri 2026-12-04 09:00", "Fri 2026-12-11 09:00", "Sun 2026-12-13 09:00", "Fri 2026-12-18 09:00",
        "Fri 2026-12-25 09:00", "Fri 2027-01-01 09:00", "Fri 2027-01-08 09:00", "Wed 2027-01-13 09:00",
        "Fri 2027-01-15 09:00"]


def test_cron_with_a_star_step_day_and_a_weekday_needs_both(tmp_path):
    table = timetable(tmp_path, 'slots:\n  - cron: "0 9 */2 * 1"\n')
    # a day field starting with * joins with AND (crontab(5)): odd days of the month that are Mondays
    assert _days(table, local(2026, 12, 1), local(2027, 1, 1)) == ["Mon 2026-12-07 09:00", "Mon 2026-12-21 09:00"]
