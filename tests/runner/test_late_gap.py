"""min_gap holds after a post that went out late: an on-time post closer than min_gap to it waits (never
dropped, never posted twice) until the gap is met, and `plan` and the dry run say so.

The user's case: slots at 09:00 and 10:00, min_gap 1h; the machine was down, the 09:00 post goes out at 09:55;
at 10:00 the 10:00 post is on time, and posting it then would put it 5 minutes after the other."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from queue_helpers import (
    ScriptedPublisher,
    make_post,
    settings_for,
    write_campaign,
    write_schedule,
)
from schedules import schedule_text

from scheduler.runner.run import run_due
from scheduler.store import open_store

SCHEDULE = schedule_text("account: {handle: junocounseling, publisher: outbox}\n",
                         slots='  - days: [mon]\n    times: ["09:00", "10:00", "12:00"]\n'
                               '  - days: [wed]\n    times: ["09:00"]\n',
                         min_gap="1h", max_per_day=3, jitter="0m", catch_up="2h", recycle_after="null",
                         link="{mode: none}", budget="{monthly_usd: 10}")
MONDAY = "2026-12-07T{}"  # local times in New York (UTC-5)


def utc(hour: int, minute: int = 0) -> datetime:
    """Monday 7 December 2026, hour:minute in New York, in UTC."""
    return datetime(2026, 12, 7, hour + 5, minute, tzinfo=UTC)


@pytest.fixture
def env(database_url):
    return {"JUNO_DATABASE_URL": database_url}


@pytest.fixture
def root(project, cli, env):
    (project / "posts" / "what-to-do-when-one-partner-wants-counseling.yaml").unlink()
    write_schedule(project, text=SCHEDULE)
    write_campaign(project, "alpha", [{"id": f"t{n}"} for n in range(1, 5)])
    queued = cli("queue", "--now", MONDAY.format("08:00"), "--json", cwd=project, env=env)
    assert queued.code == 0, queued
    slots = {row["id"]: row["at"] for row in json.loads(cli("plan", "--json", "--now", MONDAY.format("08:00"),
                                                             cwd=project, env=env).out)["posts"]}
    assert slots == {"alpha/t1": "2026-12-07T09:00:00-05:00", "alpha/t2": "2026-12-07T10:00:00-05:00",
                     "alpha/t3": "2026-12-07T12:00:00-05:00", "alpha/t4": "2026-12-09T09:00:00-05:00"}
    return project


def run_due_at(cli, root, env, local: str) -> dict:
    result = cli("run-due", "--now", MONDAY.format(local), "--json", cwd=root, env=env)
    assert result.code == 0, result
    return json.loads(result.out)


def test_an_on_time_post_waits_for_min_gap_after_a_late_one_and_plan_says_so(root, cli, env):
    assert [p["id"] for p in run_due_at(cli, root, env, "09:55")["posted"]] == ["alpha/t1"]  # 55 minutes late

    plan = json.loads(cli("plan", "--json", "--now", MONDAY.format("09:56"), cwd=root, env=env).out)["posts"]
    rows = {row["id"]: row for row in plan}
    assert (rows["alpha/t2"]["at"], rows["alpha/t2"]["held"]) == ("2026-12-07T10:55:00-05:00", "waits: min_gap")
    assert rows["alpha/t2"]["note"] == ("on time, but alpha/t1 went out 55 minutes after its slot, at Mon 2026-12-07 09:55; "
                                        "min_gap (1:00:00) holds it until Mon 2026-12-07 10:55")
    assert (rows["alpha/t3"]["at"], rows["alpha/t3"]["held"]) == ("2026-12-07T12:00:00-05:00", "")
    table = cli("plan", "--now", MONDAY.format("09:56"), cwd=root, env={**env, "COLUMNS": "120"})
    line = next(line for line in table.out.splitlines() if "10:55" in line)
    assert "waits: min_gap" in line, table.out
    assert "note: alpha/t2: on time, but alpha/t1 went out 55 minutes after its slot, at Mon 2026-12-07 09:55" in table.out

    dry = cli("run-due", "--dry-run", "--now", MONDAY.format("10:00"), cwd=root, env=env)
    assert dry.code == 0 and "would defer alpha/t2 until Mon 2026-12-07 10:55: on time, but alpha/t1" in dry.out
    at_ten = run_due_at(cli, root, env, "10:00")
    assert (at_ten["posted"], at_ten["missed"]) == ([], [])
    assert [(d["id"], d["until"]) for d in at_ten["deferred"]] == [("alpha/t2", "2026-12-07T10:55:00-05:00")]
    after = json.loads(cli("plan", "--json", "--now", MONDAY.format("10:01"), cwd=root, env=env).out)["posts"]
    waiting = next(row for row in after if row["id"] == "alpha/t2")
    assert (waiting["at"], waiting["held"]) == ("2026-12-07T10:55:00-05:00", "waits: min_gap")

    for minute in range(5, 55, 5):  # cron every 5 minutes: nothing goes out before the gap is met
        assert run_due_at(cli, root, env, f"10:{minute:02d}")["posted"] == []
    assert [p["id"] for p in run_due_at(cli, root, env, "10:55")["posted"]] == ["alpha/t2"]
    # t3 is on time at 12:00, 65 minutes after t2 went out late: more than min_gap, so it does not wait
    noon = run_due_at(cli, root, env, "12:00")
    assert ([p["id"] for p in noon["posted"]], noon["deferred"]) == (["alpha/t3"], [])

    sent = [json.loads(path.read_text()) for path in sorted((root / ".juno" / "outbox").glob("*.json"))]
    assert sorted(post["post_id"] for post in sent) == ["alpha/t1", "alpha/t2", "alpha/t3"]  # each once
    status = json.loads(cli("status", "--json", "--now", MONDAY.format("12:01"), cwd=root, env=env).out)
    assert {state: n for state, n in status["counts"].items() if n} == {"posted": 3, "queued": 1}  # none dropped


@pytest.fixture
def settings(tmp_path, database_url):
    write_schedule(tmp_path, text=SCHEDULE)
    return settings_for(tmp_path, database_url)


def test_a_late_post_with_no_on_time_post_after_it_goes_out_and_holds_nothing(settings):
    with open_store(settings.database_url) as store:
        store.add_posts([make_post("c/late", utc(9)), make_post("c/wednesday", utc(9) + timedelta(days=2))], utc(8))
        publisher = ScriptedPublisher()
        late = run_due(settings, store, publisher, utc(9, 55), "worker-1").as_dict()
        assert ([p["id"] for p in late["posted"]], late["deferred"]) == (["c/late"], [])
        wednesday = run_due(settings, store, publisher, utc(9) + timedelta(days=2), "worker-1").as_dict()
        assert ([p["id"] for p in wednesday["posted"]], wednesday["deferred"]) == (["c/wednesday"], [])
        assert [call.post_id for call in publisher.calls] == ["c/late", "c/wednesday"]


def test_an_on_time_post_more_than_min_gap_after_a_late_one_does_not_wait(settings):
    with open_store(settings.database_url) as store:
        store.add_posts([make_post("c/late", utc(9)), make_post("c/on-time", utc(10, 45))], utc(8))
        publisher = ScriptedPublisher()
        assert [p.id for p in run_due(settings, store, publisher, utc(9, 30), "worker-1").posted] == ["c/late"]
        report = run_due(settings, store, publisher, utc(10, 45), "worker-1").as_dict()  # 75 minutes after it
        assert ([p["id"] for p in report["posted"]], report["deferred"]) == (["c/on-time"], [])


def test_cron_every_five_minutes_keeps_min_gap_and_posts_each_once(settings):
    """09:00, 10:00 and 11:00, the first 55 minutes late: each later one waits for the one before it, which went
    out late too; none is dropped, none twice, and the daemon's next wake is the wait's end."""
    with open_store(settings.database_url) as store:
        store.add_posts([make_post(f"c/{hour}", utc(hour)) for hour in (9, 10, 11)], utc(8))
        publisher = ScriptedPublisher()
        now = utc(9, 55)
        while now <= utc(14):
            report = run_due(settings, store, publisher, now, "worker-1").as_dict()
            assert report["missed"] == [] and report["failed"] == []
            if report["deferred"]:
                assert store.next_ready_at() == datetime.fromisoformat(report["deferred"][0]["until"])
            now += timedelta(minutes=5)
        assert [call.post_id for call in publisher.calls] == ["c/9", "c/10", "c/11"]
        out = [store.get(f"c/{hour}").posted_at.replace(second=0) for hour in (9, 10, 11)]
        assert out == [utc(9, 55), utc(10, 55), utc(11, 55)]
        assert store.counts() == {"posted": 3}


ONE_A_DAY = SCHEDULE.replace("max_per_day: 3", "max_per_day: 1").replace("min_gap: 1h", "min_gap: 3h")


def test_a_wait_that_would_end_on_a_full_day_moves_at_once_and_says_why(tmp_path, database_url):
    """The user trial's deferral (finding 1): two posts on one day under max_per_day 1 (put there by overlapping runs
    of an older version), the first out 13 minutes after its slot. The second was told it waits until 22:40, then
    moved at 22:40 all the same (max_per_day), and the first was called "late". Now it moves at once, saying why."""
    write_schedule(tmp_path, text=ONE_A_DAY)
    settings = settings_for(tmp_path, database_url)
    with open_store(settings.database_url) as store:
        store.add_posts([make_post("c/first", utc(14, 27)), make_post("c/second", utc(14, 33))], utc(8))
        publisher = ScriptedPublisher()
        report = run_due(settings, store, publisher, utc(14, 40), "worker-1")
        assert [p.id for p in report.posted] == ["c/first"] and report.deferred == []
        assert [(m.id, m.moved_to) for m in report.missed] == [("c/second", "2026-12-09T09:00:00-05:00")]
        assert report.missed[0].reason == (
            "on time, but c/first went out 13 minutes after its slot, at Mon 2026-12-07 14:40; min_gap (3:00:00) "
            "would hold it until Mon 2026-12-07 17:40, a day with max_per_day (1) posts already out")
        assert ("missed c/second: moved to Wed 2026-12-09 09:00; to keep a date, pin it with at: under its tip in "
                "posts/c.yaml and run `juno-scheduler queue`, or move it in the studio's queue") in report.lines()
        assert [call.post_id for call in publisher.calls] == ["c/first"]
