"""run_due: what is due goes out once; late posts move; errors defer, stop or kill as they should."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from queue_helpers import (
    ScriptedPublisher,
    add_due,
    make_post,
    retry_error,
    settings_for,
    write_schedule,
)

from scheduler.errors import PublishError
from scheduler.runner.run import BATCH_QUICK, CLAIM_BATCH, CLAIM_MOST, run_due
from scheduler.store import open_store

NOW = datetime(2026, 12, 7, 14, 5, tzinfo=UTC)  # Monday 09:05 in New York


@pytest.fixture
def settings(tmp_path, database_url):
    write_schedule(tmp_path)
    return settings_for(tmp_path, database_url)


@pytest.fixture
def store(settings):
    with open_store(settings.database_url) as opened:
        yield opened


def run(settings, store, publisher, now=NOW, **kwargs):
    return run_due(settings, store, publisher, now, "worker-1", **kwargs)


def test_due_posts_go_out_once_and_the_report_says_so(settings, store):
    ids = add_due(store, 3, NOW)
    store.add_posts([make_post("c/tomorrow", NOW + timedelta(days=1))], NOW)
    publisher = ScriptedPublisher()
    report = run(settings, store, publisher)
    assert [p["id"] for p in report.as_dict()["posted"]] == ids
    assert report.as_dict()["posted"][0] == {"id": ids[0], "network": "x", "remote_id": f"r-{ids[0]}", "url": f"https://x.test/{ids[0]}",
                                   "at": "2026-12-07T09:05:00-05:00"}
    assert (report.as_dict()["deferred"], report.as_dict()["failed"], report.as_dict()["missed"]) == ([], [], [])
    assert [c.post_id for c in publisher.calls] == ids
    assert run(settings, store, publisher).empty
    assert len(publisher.calls) == 3
    assert store.counts() == {"posted": 3, "queued": 1}


def test_a_post_late_within_the_catch_up_window_still_goes_out(settings, store):
    store.add_posts([make_post("c/late", NOW - timedelta(hours=1, minutes=59))], NOW)
    assert [p["id"] for p in run(settings, store, ScriptedPublisher()).as_dict()["posted"]] == ["c/late"]


def test_a_slot_missed_by_more_than_the_catch_up_window_moves_to_the_next_free_slot(settings, store):
    store.add_posts([make_post("c/monday", NOW - timedelta(hours=2, minutes=1)),
                     make_post("c/wednesday", datetime(2026, 12, 9, 14, 0, tzinfo=UTC))], NOW)
    publisher = ScriptedPublisher()
    report = run(settings, store, publisher)
    # Wednesday 09:00 is taken and max_per_day is 1: the next free slot is Friday 09:00.
    assert report.as_dict()["missed"] == [{"id": "c/monday", "network": "x", "moved_to": "2026-12-11T09:00:00-05:00"}]
    assert report.as_dict()["posted"] == [] and publisher.calls == []
    moved = store.get("c/monday")
    assert (moved.status, moved.due_at) == ("missed", datetime(2026, 12, 11, 14, 0, tzinfo=UTC))
    friday = run(settings, store, publisher, now=datetime(2026, 12, 11, 14, 0, 30, tzinfo=UTC))
    assert [p["id"] for p in friday.as_dict()["posted"]] == ["c/monday"]


def test_a_rate_limit_defers_every_post_of_the_account_until_the_time_x_gave(settings, store):
    ids = add_due(store, 3, NOW)
    reset = NOW + timedelta(minutes=15)
    publisher = ScriptedPublisher({ids[0]: [retry_error("X rate limit: 429", retry_at=reset)]})
    report = run(settings, store, publisher)
    assert report.as_dict()["posted"] == [] and report.as_dict()["failed"] == []
    assert [(d["id"], d["until"]) for d in report.as_dict()["deferred"]] == [(i, "2026-12-07T09:20:00-05:00") for i in ids]
    assert report.as_dict()["deferred"][0]["reason"] == "X rate limit: 429"
    assert report.as_dict()["deferred"][1]["reason"] == "rate limit"
    assert len(publisher.calls) == 1
    assert store.account("junocounseling").not_before == reset
    assert run(settings, store, publisher, now=reset - timedelta(seconds=30)).empty
    after = run(settings, store, publisher, now=reset).as_dict()
    # 15 minutes after their slot, the deferred posts keep max_per_day (1) with each other: one goes out, two move
    assert [p["id"] for p in after["posted"]] == ids[:1]
    assert [(m["id"], m["reason"]) for m in after["missed"]] == [
        (i, "late, and max_per_day (1) posts are already out that day") for i in ids[1:]]


def test_a_passing_error_is_retried_with_backoff(settings, store):
    (post_id,) = add_due(store, 1, NOW)
    publisher = ScriptedPublisher({post_id: [retry_error(), retry_error()]})
    first = run(settings, store, publisher)
    assert first.as_dict()["deferred"] == [{"id": post_id, "network": "x", "until": "2026-12-07T09:07:00-05:00",
                                  "reason": "X answered 503; try again later"}]
    second = run(settings, store, publisher, now=NOW + timedelta(minutes=2))
    assert second.as_dict()["deferred"][0]["until"] == "2026-12-07T09:11:00-05:00"  # 2 minutes, then 4
    third = run(settings, store, publisher, now=NOW + timedelta(minutes=6))
    assert [p["id"] for p in third.as_dict()["posted"]] == [post_id]
    assert store.get(post_id).attempts == 3


def test_a_permanent_error_kills_only_that_post(settings, store):
    ids = add_due(store, 2, NOW)
    publisher = ScriptedPublisher({ids[0]: [PublishError("X: duplicate content", kind="permanent")]})
    report = run(settings, store, publisher)
    assert report.as_dict()["failed"] == [{"id": ids[0], "network": "x", "error": "X: duplicate content"}]
    assert [p["id"] for p in report.as_dict()["posted"]] == [ids[1]]
    assert store.get(ids[0]).status == "dead"
    assert report.exit_code == 3


def test_a_stop_error_stops_the_account_until_resume(settings, store):
    ids = add_due(store, 2, NOW)
    problem = "X: the credentials are invalid (401); create new keys and set X_ACCESS_TOKEN"
    publisher = ScriptedPublisher({ids[0]: [PublishError(problem, kind="stop")]})
    report = run(settings, store, publisher)
    assert report.as_dict()["failed"] == [{"id": ids[0], "network": "x", "error": problem}]
    stopped = report.as_dict()["stopped"]
    assert {k: v for k, v in stopped.items() if k != "since"} == {"account": "junocounseling", "network": "x",
                                                                  "reason": problem}
    assert stopped["since"].startswith("2026-12-07T09:05")  # local, as every time in the report
    assert report.exit_code == 3
    assert len(publisher.calls) == 1
    later = run(settings, store, publisher, now=NOW + timedelta(minutes=5))
    assert later.as_dict()["posted"] == [] and later.as_dict()["stopped"]["reason"] == problem and len(publisher.calls) == 1
    store.set_account_state("junocounseling", "active", None, NOW)
    resumed = run(settings, store, publisher, now=NOW + timedelta(minutes=8))  # on time: both go (no timetable here)
    assert sorted(p["id"] for p in resumed.as_dict()["posted"]) == ids


def test_a_paused_account_posts_nothing_and_says_nothing(settings, store):
    add_due(store, 2, NOW)
    store.set_account_state("junocounseling", "paused", "paused by a person", NOW)
    publisher = ScriptedPublisher()
    assert run(settings, store, publisher).empty
    assert publisher.calls == [] and store.counts() == {"queued": 2}


def test_an_uncertain_attempt_is_looked_up_before_posting_again(settings, store):
    ids = add_due(store, 2, NOW)
    for post_id in ids:  # a worker claimed both, which opens their attempts, and died
        assert store.claim("dead-worker", NOW - timedelta(seconds=30), timedelta(seconds=10)).id == post_id
    publisher = ScriptedPublisher(existing={ids[0]})  # the first one had reached the network
    report = run(settings, store, publisher)
    assert sorted(p["id"] for p in report.as_dict()["posted"]) == ids
    assert [o.post_id for o in publisher.lookups] == ids
    assert [(o.post_id, o.uncertain) for o in publisher.calls] == [(ids[1], True)]


def test_an_uncertain_retry_error_keeps_the_attempt_open(settings, store):
    (post_id,) = add_due(store, 1, NOW)
    publisher = ScriptedPublisher({post_id: [retry_error("timed out reading X's answer", uncertain=True)]})
    run(settings, store, publisher)
    assert store.get(post_id).attempt_open
    publisher.existing.add(post_id)  # it had gone out after all
    report = run(settings, store, publisher, now=NOW + timedelta(minutes=3))
    assert [p["id"] for p in report.as_dict()["posted"]] == [post_id]
    assert len(publisher.calls) == 1


def test_a_bug_in_the_publisher_fails_the_post_and_keeps_it_safe(settings, store):
    (post_id,) = add_due(store, 1, NOW)
    publisher = ScriptedPublisher({post_id: [ValueError("boom")]})
    report = run(settings, store, publisher)
    assert report.as_dict()["failed"] == [{"id": post_id, "network": "x", "error": "unexpected ValueError: boom"}]
    post = store.get(post_id)
    assert (post.status, post.attempt_open) == ("failed", True)


def test_the_monthly_budget_defers_to_next_month(tmp_path, database_url):
    write_schedule(tmp_path, publisher="x", text=None)
    (tmp_path / "posts" / "schedule.yaml").write_text(
        (tmp_path / "posts" / "schedule.yaml").read_text().replace("monthly_usd: 10", "monthly_usd: 0.25"))
    settings = settings_for(tmp_path, database_url)
    with open_store(settings.database_url) as store:
        store.add_posts([make_post(f"c/p{i}", NOW - timedelta(minutes=1), text=f"Tip {i} https://junocounseling.com")
                         for i in range(2)], NOW)
        report = run(settings, store, ScriptedPublisher())
        assert [p["id"] for p in report.as_dict()["posted"]] == ["c/p0"]
        # the first free slot of January: Friday 1 January 09:00 (blackout is only 25 December here)
        assert report.as_dict()["deferred"] == [{"id": "c/p1", "network": "x", "until": "2027-01-01T09:00:00-05:00", "reason": "budget"}]
        assert store.get("c/p0").cost_usd == pytest.approx(0.2)
        assert store.spend_since(NOW - timedelta(days=7)) == (1, pytest.approx(0.2))


def test_dry_run_changes_nothing(settings, store):
    ids = add_due(store, 2, NOW)
    publisher = ScriptedPublisher()
    report = run(settings, store, publisher, dry_run=True)
    assert [p["id"] for p in report.as_dict()["posted"]] == ids and report.as_dict()["dry_run"] is True
    assert publisher.calls == [] and store.counts() == {"queued": 2}


def test_a_stop_asked_between_posts_finishes_the_one_in_flight_and_leaves_the_rest_queued(settings, store):
    ids = add_due(store, 3, NOW)
    publisher = ScriptedPublisher()
    report = run(settings, store, publisher, should_stop=lambda: len(publisher.calls) >= 1)
    assert [p["id"] for p in report.as_dict()["posted"]] == ids[:1]
    assert store.counts() == {"posted": 1, "queued": 2}


class BatchWatcher(ScriptedPublisher):
    """Notes, at each publish, how many posts the worker holds claimed: the size of the batch it is in
    (a batch's free posts stay claimed until it is recorded at once); `pause` seconds a publish."""

    def __init__(self, database_url: str, pause: float = 0.0):
        super().__init__()
        self.watch = open_store(database_url)
        self.pause = pause
        self.held: list[int] = []

    def publish(self, post):
        self.held.append(self.watch.counts().get("claimed", 0))
        time.sleep(self.pause)
        return super().publish(post)


def batches(held: list[int]) -> list[int]:
    """The batch sizes, from what each publish saw: a batch of n is seen n times running."""
    sizes, at = [], 0
    while at < len(held):
        sizes.append(held[at])
        at += held[at]
    return sizes


def test_a_worker_that_posts_quickly_claims_more_a_round_trip_and_a_slow_one_eight(settings, store):
    ids = add_due(store, 200, NOW)
    quick = BatchWatcher(settings.database_url)
    run(settings, store, quick)
    quick.watch.close()
    assert sorted(c.post_id for c in quick.calls) == ids and store.counts() == {"posted": 200}
    sizes = batches(quick.held)
    assert sizes[0] == CLAIM_BATCH and sum(sizes) == 200 and max(sizes) <= CLAIM_MOST
    assert max(sizes) >= 4 * CLAIM_BATCH, sizes  # 8, 16, 32, ... while each batch takes under a quarter second

    more = add_due(store, 24, NOW, prefix="c/slow")
    slow = BatchWatcher(settings.database_url, pause=BATCH_QUICK / 4)  # eight take twice BATCH_QUICK
    run(settings, store, slow)
    slow.watch.close()
    assert sorted(c.post_id for c in slow.calls) == more
    assert batches(slow.held) == [CLAIM_BATCH] * 3


def test_run_due_on_the_command_line_is_silent_when_nothing_is_due_and_exits_3_on_failure(project, cli):
    write_schedule(project)
    quiet = cli("run-due", "--now", "2026-12-07T09:05", cwd=project)
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        store.add_posts([make_post("c/ok", NOW - timedelta(minutes=1)),
                         make_post("c/no-card", NOW - timedelta(minutes=1), card="gone/missing.png")], NOW)
    result = cli("run-due", "--json", "--now", "2026-12-07T09:05", cwd=project)
    assert result.code == 3, result
    report = json.loads(result.out)
    assert [p["id"] for p in report["posted"]] == ["c/ok"]
    assert report["failed"][0]["id"] == "c/no-card" and "missing" in report["failed"][0]["error"]
    assert json.loads((project / ".juno" / "outbox" / "c--ok.json").read_text())["post_id"] == "c/ok"
    again = cli("run-due", "--now", "2026-12-07T09:06", cwd=project)
    assert (again.code, again.out) == (0, "")


def test_run_due_says_a_time_as_status_does_in_the_practices_zone(project, cli):
    """A user trial: `run-due` printed 2026-12-05T14:00:00+00:00 where `status` and `queue` said Sat 2026-12-05
    09:00; one form for the same time, local, everywhere a person reads one (--json keeps ISO 8601)."""
    write_schedule(project)
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        store.add_posts([make_post("c/next", NOW + timedelta(days=2, minutes=-5))], NOW)  # 14:00 UTC: 09:00 in New York
    status = cli("status", "--now", "2026-12-07T09:05", cwd=project)
    assert "next: c/next at Wed 2026-12-09 09:00" in status.out, status.out
    dry = cli("run-due", "--dry-run", "--now", "2026-12-07T09:05", cwd=project)
    assert dry.out.strip() == "nothing is due; next post at Wed 2026-12-09 09:00", dry.out
    posted = cli("run-due", "--now", "2026-12-09T09:01", cwd=project)
    assert posted.code == 0 and posted.out.startswith("simulated, not posted c/next at Wed 2026-12-09 09:01 "), posted.out
    again = cli("run-due", "--json", "--dry-run", "--now", "2026-12-09T09:02", cwd=project)
    assert json.loads(again.out)["next_post_at"] is None


def test_a_schedule_broken_after_a_good_run_is_still_reported_when_nothing_is_due(project, cli):
    write_schedule(project)
    assert cli("run-due", cwd=project).code == 0
    schedule = project / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("max_per_day: 1", "max_per_day: lots"))
    broken = cli("run-due", cwd=project)
    assert broken.code == 2 and "posts/schedule.yaml" in broken.err and "max_per_day" in broken.err, broken


def test_late_posts_after_an_outage_inside_the_catch_up_window_keep_the_rules_instead_of_a_burst(tmp_path, database_url):
    # one post a day, 3 h apart; cron was down from Wednesday to Monday, and catch_up is a week
    write_schedule(tmp_path)
    schedule = tmp_path / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8").replace("catch_up: 2h", "catch_up: 7d"), encoding="utf-8")
    settings = settings_for(tmp_path, database_url)
    slots = [datetime(2026, 12, 2, 14, tzinfo=UTC), datetime(2026, 12, 4, 14, tzinfo=UTC),
             datetime(2026, 12, 5, 17, tzinfo=UTC)]  # Wed 09:00, Fri 09:00, Sat 12:00 in New York
    with open_store(settings.database_url) as store:
        store.add_posts([make_post(f"c/late{i}", at) for i, at in enumerate(slots)], slots[0])
        report = run(settings, store, ScriptedPublisher()).as_dict()
        assert [p["id"] for p in report["posted"]] == ["c/late0"]  # one goes now: nothing else is out today
        moved = {m["id"]: m for m in report["missed"]}
        assert sorted(moved) == ["c/late1", "c/late2"]
        assert all("max_per_day (1) posts are already out that day" in m["reason"] for m in moved.values())
        times = sorted(datetime.fromisoformat(m["moved_to"]) for m in moved.values())
        assert times[0].date() > NOW.date() and times[1].date() > times[0].date()  # one a day, from tomorrow
        again = run(settings, store, ScriptedPublisher(), now=NOW + timedelta(minutes=5)).as_dict()
        assert again["posted"] == []


def test_a_late_post_51_minutes_after_one_already_out_moves(tmp_path, database_url):
    write_schedule(tmp_path)
    schedule = tmp_path / "posts" / "schedule.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8").replace("max_per_day: 1", "max_per_day: 3"),
                        encoding="utf-8")
    settings = settings_for(tmp_path, database_url)
    with open_store(settings.database_url) as store:
        store.add_posts([make_post("c/first", NOW - timedelta(minutes=52))], NOW - timedelta(hours=1))
        first = run(settings, store, ScriptedPublisher(), now=NOW - timedelta(minutes=51)).as_dict()
        assert [p["id"] for p in first["posted"]] == ["c/first"]
        store.add_posts([make_post("c/late", NOW - timedelta(minutes=30))], NOW - timedelta(minutes=40))
        report = run(settings, store, ScriptedPublisher()).as_dict()  # 30 minutes late, 51 after c/first went out
        assert report["posted"] == []
        assert report["missed"][0]["id"] == "c/late"
        assert "closer than min_gap (3:00:00) to a post already out" in report["missed"][0]["reason"]
        assert datetime.fromisoformat(report["missed"][0]["moved_to"]) - NOW >= timedelta(hours=3) - timedelta(minutes=51)


def test_run_due_quiet_says_each_moved_post_once_as_without_it(project, cli):
    """A user trial: from the README's cron line (`run-due -q`) all four posts of a day moved, with no output and
    exit 0; a move is what on-call must get mail about."""
    write_schedule(project)
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        store.add_posts([make_post(f"c/late{i}", NOW - timedelta(hours=5, minutes=i)) for i in range(4)], NOW)
    quiet = cli("run-due", "-q", "--now", "2026-12-07T09:05", cwd=project)
    assert quiet.code == 0, quiet
    lines = quiet.out.splitlines()
    # the time as status and queue show it, in the practice's zone (a user trial read ISO strings here)
    assert len(lines) == 4 and all(line.startswith("missed c/late")
                                   and re.search(r" moved to (Mon|Tue|Wed|Thu|Fri|Sat|Sun) 2026-12-\d\d \d\d:\d\d; to keep a date, pin it "
                                             r"with at: under its tip in posts/c\.yaml", line)
                                   for line in lines), quiet.out
    assert len({line.split()[1] for line in lines}) == 4


def test_run_due_quiet_prints_only_what_went_wrong(project, cli):
    write_schedule(project)
    assert cli("run-due", "-q", "--now", "2026-12-07T09:05", cwd=project).code == 0
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        store.add_posts([make_post("c/ok", NOW - timedelta(minutes=1)),
                         make_post("c/no-card", NOW - timedelta(minutes=1), card="gone/missing.png")], NOW)
    result = cli("run-due", "-q", "--now", "2026-12-07T09:05", cwd=project)
    assert result.code == 3, result
    assert result.out.splitlines() == [line for line in result.out.splitlines() if line.startswith("failed c/no-card: ")]
    assert "c/no-card" in result.out and "posted" not in result.out, result
    assert (project / ".juno" / "outbox" / "c--ok.json").exists()


def test_a_missing_card_is_said_to_be_missing_and_drawn_again(project, cli):
    """The user trial's finding 15: a card file missing (the cards folder not copied) was reported as "its bytes
    changed"."""
    import shutil

    from tests.hostile.cases import approve_first

    approve_first(project, 1)
    assert cli("queue", "--now", "2026-12-01T07:00", cwd=project).code == 0
    shutil.rmtree(project / ".juno" / "cards")
    result = cli("run-due", "--now", "2026-12-02T08:45", cwd=project)
    assert result.code == 0, result
    assert "its card " in result.err and "is missing; drawing it again" in result.err, result
    assert "bytes changed" not in result.err and "posted " in result.out
