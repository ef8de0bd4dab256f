"""Queued posts follow the timetable as it is now; pins obey its rules or are refused where they stand."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from queue_helpers import (
    SCHEDULE,
    ScriptedPublisher,
    settings_for,
    write_campaign,
    write_schedule,
)

from scheduler.campaigns.queueing import queue_campaigns
from scheduler.controls import retry_post, skip_post
from scheduler.errors import ContentError
from scheduler.runner.run import run_due
from scheduler.store import open_store

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 9, tzinfo=NY).astimezone(UTC)  # Tuesday; slots Mon/Wed/Fri 09:00, Sat 12:00


@pytest.fixture
def root(project):
    (project / "posts" / "what-to-do-when-one-partner-wants-counseling.yaml").unlink()
    write_schedule(project)
    return project


def queue(root, now=NOW):
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        return queue_campaigns(settings, store, now)


def due(root) -> dict[str, str]:
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        return {p.id: p.due_at.astimezone(NY).strftime("%a %m-%d %H:%M") for p in store.posts(("queued",))}


def edit_schedule(root, old: str, new: str) -> None:
    write_schedule(root, text=SCHEDULE.replace("PUBLISHER", "outbox").replace("RECYCLE", "null").replace(old, new))


def test_a_blackout_added_after_queueing_moves_only_the_post_on_it_and_says_so(root):
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}, {"id": "t3"}])
    queue(root)
    assert due(root) == {"alpha/t1": "Wed 12-02 09:00", "alpha/t2": "Fri 12-04 09:00", "alpha/t3": "Sat 12-05 12:00"}
    edit_schedule(root, "blackout: [2026-12-25]", "blackout: [2026-12-04, 2026-12-25]")
    report = queue(root)
    assert report["moved"] == [{"id": "alpha/t2", "from": "2026-12-04T09:00:00-05:00",
                                "to": "2026-12-07T09:00:00-05:00", "reason": "a blackout date", "network": "x"}]
    assert due(root) == {"alpha/t1": "Wed 12-02 09:00", "alpha/t2": "Mon 12-07 09:00", "alpha/t3": "Sat 12-05 12:00"}
    assert queue(root)["moved"] == []  # and again: nothing more moves


def test_a_slot_taken_off_the_timetable_moves_its_posts(root):
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    queue(root)
    edit_schedule(root, "days: [mon, wed, fri]", "days: [mon, fri]")
    report = queue(root)
    assert [(m["id"], m["reason"]) for m in report["moved"]] == [("alpha/t1", "no longer a slot on the timetable")]
    assert due(root)["alpha/t1"] == "Sat 12-05 12:00"


def test_a_new_time_zone_moves_every_post_to_the_new_local_slots(root):
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    queue(root)
    edit_schedule(root, "timezone: America/New_York", "timezone: Europe/London")
    report = queue(root)
    assert sorted(m["id"] for m in report["moved"]) == ["alpha/t1", "alpha/t2"]
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        london = {p.due_at.astimezone(ZoneInfo("Europe/London")).strftime("%H:%M") for p in store.posts(("queued",))}
    assert london <= {"09:00", "12:00"}


def test_a_pinned_post_on_a_new_blackout_date_is_reported_blocked_not_moved(root):
    write_campaign(root, "alpha", [{"id": "t1", "at": "2026-12-08T10:00"}, {"id": "t2"}])
    queue(root)
    edit_schedule(root, "blackout: [2026-12-25]", "blackout: [2026-12-08, 2026-12-25]")
    with pytest.raises(ContentError, match=r"alpha\.yaml:\d+:\d+: tips\[0\]\.at: 2026-12-08 is a blackout date"):
        queue(root)  # the pin itself is refused where it stands, and nothing changes
    assert due(root)["alpha/t1"] == "Tue 12-08 10:00"
    settings = settings_for(root)
    from scheduler.campaigns.placing import reslot
    from scheduler.campaigns.timetable import Timetable

    with open_store(settings.database_url) as store:  # what queue reports once the pin is kept anyway
        moved, blocked = reslot(store, Timetable(settings.schedule), NOW)
    assert moved == [] and blocked == [{"id": "alpha/t1", "at": "2026-12-08T10:00:00-05:00",
                                        "reason": "a blackout date"}]


@pytest.mark.parametrize("pins, message", [
    (["2026-12-25T09:00"], r"tips\[0\]\.at: 2026-12-25 is a blackout date in posts/schedule.yaml"),
    (["2026-12-08T08:00", "2026-12-08T18:00"], (r"tips\[1\]\.at: 2026-12-08 already has 1 post pinned or already out, the most a "
                                               r"day takes \(max_per_day: 1\)")),
])
def test_pins_that_break_the_rules_are_refused_where_they_stand_and_nothing_is_queued(root, pins, message):
    write_campaign(root, "alpha", [{"id": f"t{i}", "at": at} for i, at in enumerate(pins)] + [{"id": "free"}])
    with pytest.raises(ContentError, match=message):
        queue(root)
    assert due(root) == {}


def test_pins_closer_than_min_gap_are_refused(root):
    edit_schedule(root, "max_per_day: 1", "max_per_day: 3")
    write_campaign(root, "alpha", [{"id": "a", "at": "2026-12-08T09:00"}, {"id": "b", "at": "2026-12-08T10:00"}])
    with pytest.raises(ContentError, match=r"tips\[1\]\.at: 10:00 is closer than min_gap \(3:00:00\)"):
        queue(root)


@pytest.mark.parametrize("pin, max_per_day, message", [
    ("2026-12-02T09:51", "3", r"tips\[1\]\.at: 09:51 is closer than min_gap \(3:00:00\) to a post already out"),
    ("2026-12-02T19:30", "1", (r"tips\[1\]\.at: 2026-12-02 already has 1 post pinned or already out, the most a day "
                               r"takes \(max_per_day: 1\)")),
])
def test_a_pin_next_to_a_post_already_out_is_refused_at_queue(root, pin, max_per_day, message):
    edit_schedule(root, "max_per_day: 1", f"max_per_day: {max_per_day}")
    write_campaign(root, "alpha", [{"id": "t1"}])
    queue(root)  # t1: Wednesday 09:00
    wednesday = datetime(2026, 12, 2, 9, 0, tzinfo=NY).astimezone(UTC)
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        assert [p.id for p in run_due(settings, store, ScriptedPublisher(), wednesday, "w").posted] == ["alpha/t1"]
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2", "at": pin}])
    with pytest.raises(ContentError, match=message):
        queue(root, now=wednesday + timedelta(minutes=5))
    assert "alpha/t2" not in due(root)


def test_a_retried_post_keeps_min_gap_from_the_others(root):
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    queue(root)
    settings = settings_for(root)
    wednesday = datetime(2026, 12, 2, 8, 30, tzinfo=NY).astimezone(UTC)  # t1 is due at 09:00
    with open_store(settings.database_url) as store:
        skip_post(store, "t2", NOW)
        [retried] = retry_post(store, "t2", wednesday, settings)
        assert retried.eligible_at > wednesday + timedelta(hours=3)  # not half an hour before t1
        skip_post(store, "t1", NOW)
        thursday = datetime(2026, 12, 3, 15, tzinfo=NY).astimezone(UTC)
        [again] = retry_post(store, "t1", thursday, settings)
        assert again.eligible_at == thursday  # nothing near: now


THREE = ("accounts:\n  - {network: x, handle: junocounseling, publisher: outbox}\n"
         "  - {network: bluesky, handle: junocounseling.bsky.social, publisher: outbox}\n"
         "  - {network: mastodon, handle: \"@junocounseling@social.example\", publisher: outbox}\n")


def test_a_tip_left_to_go_out_on_one_network_keeps_its_time(root):
    # a user trial: once a tip's X and Mastodon posts were out, the next queue moved its Bluesky post by minutes,
    # "no longer a slot on the timetable", with the timetable unchanged: the time had X's post's jitter, and
    # the check took Bluesky's own
    text = SCHEDULE.replace("account: {handle: junocounseling, publisher: PUBLISHER}\n", THREE)
    write_schedule(root, text=text.replace("RECYCLE", "null").replace("jitter: 0m", "jitter: 10m"))
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}, {"id": "t3"}])
    queue(root)
    before = due(root)
    assert len(set(before.values())) == 3 and not set(before.values()) & {"Wed 12-02 09:00"}  # jittered, one time a tip
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        first = min(store.posts(("queued",)), key=lambda p: p.due_at)
        for _ in range(2):
            out = store.claim("w", first.due_at + timedelta(minutes=1), timedelta(minutes=5), networks=("x", "mastodon"))
            assert out is not None and out.tip_key == first.tip_key
            store.record_posted(out.id, "r", None, 0.0, out.due_at)
    later = first.due_at - timedelta(hours=1)
    assert queue(root, later)["moved"] == []
    out = {first.tip_key, f"{first.tip_key}@mastodon"}
    assert due(root) == {post: at for post, at in before.items() if post not in out}  # Bluesky's keeps its time


def test_a_retried_post_keeps_the_time_retry_gave_it(root, cli):
    # a user trial: after `retry`, the next queue (and run-due) moved the post to a later slot, "no longer a slot
    # on the timetable": the time retry gives is now, no slot, and never was one
    write_campaign(root, "alpha", [{"id": "t1"}, {"id": "t2"}])
    queue(root)
    settings = settings_for(root)
    thursday = datetime(2026, 12, 3, 15, tzinfo=NY).astimezone(UTC)  # no slot on Thursdays
    with open_store(settings.database_url) as store:
        skip_post(store, "t1", NOW)
        [retried] = retry_post(store, "t1", thursday, settings)
    assert retried.eligible_at == thursday
    assert queue(root, thursday)["moved"] == []
    assert due(root)["alpha/t1"] == "Thu 12-03 15:00"
    result = cli("run-due", "--json", "--now", "2026-12-03T15:05", cwd=root)
    assert result.code == 0, result
    assert [row["id"] for row in json.loads(result.out)["posted"]] == ["alpha/t1"]
    edit_schedule(root, "blackout: [2026-12-25]", "blackout: [2026-12-03, 2026-12-25]")  # other rules still hold
    with open_store(settings.database_url) as store:
        skip_post(store, "t2", NOW)
        retry_post(store, "t2", thursday + timedelta(hours=1))
    assert [m["reason"] for m in queue(root, thursday)["moved"]] == ["a blackout date"]
