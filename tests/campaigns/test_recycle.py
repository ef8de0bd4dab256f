"""Recycling best-first: tips come round again by their score at a fixed age, with a cooldown and a most-times
limit; a tip that did poorly later or never; each recycled post says why; withdrawn, edited and unapproved tips
never come round. Real SQLite files, every time passed in."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta

import pytest
from conftest import run_cli
from queue_helpers import post_everything, settings_for, write_campaign, write_schedule

from scheduler.campaigns.queueing import queue_campaigns
from scheduler.errors import ConfigError
from scheduler.networks.base import Counts
from scheduler.store import open_store

NOW = datetime(2026, 12, 1, 14, tzinfo=UTC)  # Tuesday 09:00 in New York
LIKES = {"t1": 12, "t2": 55, "t3": 30, "t4": 80, "t5": 20, "t6": 41, "t7": 66, "t8": 5}  # out of 1,000 impressions
BEST_FIRST = ["t4", "t7", "t2", "t6", "t3", "t5", "t1", "t8"]
POOR = {"t1", "t5", "t8"}  # their 90 % intervals lie below the account's average (3.9 %)


def queue(root, now):
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        return queue_campaigns(settings, store, now)


def post_all(root, likes: dict[str, int] | None = None, impressions: int = 1000) -> datetime:
    """Every queued post goes out; each tip in `likes` gets a 72 h snapshot with that many of `impressions`."""
    def counts(post):
        tip = post.tip_key.split("/")[1]
        return Counts(impressions=impressions, likes=likes[tip]) if likes and tip in likes else None

    return post_everything(root, counts)


def project_with(project, recycle: str = "", tips=tuple(LIKES)) -> object:
    write_schedule(project, recycle="30d", extra=recycle)
    write_campaign(project, "alpha", [{"id": tip, "section": tip.upper()} for tip in tips])
    queue(project, NOW)
    return project


def test_tips_come_round_best_first_by_their_score_at_72h_and_say_why(project):
    project_with(project)
    last = post_all(project, LIKES)
    recycled = queue(project, last + timedelta(days=31))["recycled"]
    assert [row["id"] for row in recycled] == [f"alpha/{tip}~2" for tip in BEST_FIRST if tip not in POOR]
    assert [row["at"] for row in recycled] == sorted(row["at"] for row in recycled)  # the best gets the first slot
    assert recycled[0]["why"] == "in the top quarter of this account's posts on x at 72 h, 8 posts behind it"
    assert recycled[-1]["why"] == "in the third quarter of this account's posts on x at 72 h, 8 posts behind it"


def test_a_bottom_half_tip_waits_while_a_better_one_is_still_in_its_wait(project):
    """A user trial: tips came round as their wait ended, one at a time, so "best first" was first out first
    back: the top tip came back last and bottom-quarter tips went ahead of it. A tip in the bottom half now
    waits while a top-half tip is still in its wait; the top half comes round first."""
    project_with(project)
    post_all(project, LIKES)
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        out = {p.tip_key.split("/")[1]: p.posted_at for p in store.posts()}
    assert out["t3"] < out["t4"] and out["t3"] < out["t7"]  # t3 (bottom half, not poor) went out before the best
    early = queue(project, max(out["t2"], out["t3"]) + timedelta(days=30, minutes=1))["recycled"]
    assert [row["id"] for row in early] == ["alpha/t2~2"]  # t3's wait has ended too, but t4, t7 and t6 are better
    post_all(project)
    late = queue(project, max(out.values()) + timedelta(days=30, minutes=1))["recycled"]
    assert [row["id"] for row in late] == [f"alpha/{tip}~2" for tip in BEST_FIRST if tip not in POOR | {"t2"}]


def test_a_better_tip_that_cannot_come_round_holds_no_slot_empty(project, cli):
    """A trial: with the best-first tip held back (sensitive with no `approve --ack repeat`) or too long for its
    network with its lead-in, the slot it would take stayed empty: the weaker tips waited for a tip that was
    never coming. Only a better tip that can take the slot when its wait ends keeps a bottom-half tip waiting."""
    sensitive = {"review": ["sensitive"], "reviewed": ["sensitive"]}
    long = {"text": "Tip t7 says something kind and useful, at length. " + "Listen first, then answer. " * 6 + "Breathe."}
    write_schedule(project, recycle="30d")
    write_campaign(project, "alpha", [{"id": tip, "section": tip.upper(), **(sensitive if tip in ("t4", "t6") else
                                                                          long if tip == "t7" else {})}
                                      for tip in LIKES])
    queue(project, NOW)
    post_all(project, LIKES)
    with open_store(settings_for(project).database_url) as store:
        out = {p.tip_key.split("/")[1]: p.posted_at for p in store.posts()}
        assert {p.weighted_length for p in store.posts() if p.tip_key == "alpha/t7"} == {264}  # fits, not led in
    assert out["t3"] < out["t4"] and out["t3"] < out["t7"]  # t3 (bottom half) went out before the best
    early = queue(project, max(out["t2"], out["t3"]) + timedelta(days=30, minutes=1))
    assert [row["id"] for row in early["recycled"]] == ["alpha/t2~2", "alpha/t3~2"]  # t4, t7, t6 cannot take it
    post_all(project)
    late = cli("queue", "--now", (max(out.values()) + timedelta(days=30, minutes=1)).isoformat(), cwd=project)
    assert late.code == 0, late
    assert "not recycled alpha/t4: it is sensitive" in late.out and "not recycled alpha/t6: it is sensitive" in late.out
    assert "alpha/t7~2" not in late.out


def test_the_reason_is_kept_and_shown_by_queue_and_status(project, cli):
    project_with(project)
    last = post_all(project, LIKES)
    at = (last + timedelta(days=31)).isoformat()
    shown = cli("queue", "--json", "--now", at, cwd=project)
    assert shown.code == 0, shown
    first = json.loads(shown.out)["recycled"][0]
    assert first["id"] == "alpha/t4~2" and "top quarter" in first["why"]
    status = json.loads(cli("status", "--json", "--now", at, cwd=project).out)
    assert [row["id"] for row in status["recycled"]] == [f"alpha/{tip}~2" for tip in BEST_FIRST if tip not in POOR]
    assert status["recycled"][0]["why"] == first["why"]  # read back from the database
    terminal = cli("status", "--now", at, cwd=project)
    assert "recycled alpha/t4~2 at" in terminal.out and "top quarter" in terminal.out


def test_a_tip_that_did_poorly_comes_round_later(project, tmp_path):
    project_with(project)
    last = post_all(project, LIKES)
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)
    early = queue(project, last + timedelta(days=31))["recycled"]
    assert not POOR & {row["id"].split("/")[1][:2] for row in early}  # 30 days is not enough for them
    later = queue(copy, last + timedelta(days=61))["recycled"]  # twice recycle_after: every tip, best first
    assert [row["id"] for row in later] == [f"alpha/{tip}~2" for tip in BEST_FIRST]
    assert later[-1]["why"] == ("in the bottom quarter of this account's posts on x at 72 h, 8 posts behind it; "
                                "below the account's usual, so it waited twice as long")


def test_poor_never_keeps_a_poor_tip_from_coming_round(project):
    project_with(project, "recycle: {poor: never}\n")
    last = post_all(project, LIKES)
    recycled = queue(project, last + timedelta(days=400))["recycled"]
    assert [row["id"] for row in recycled] == [f"alpha/{tip}~2" for tip in BEST_FIRST if tip not in POOR]


def test_most_times_and_cooldown(project):
    project_with(project, "recycle: {most_times: 3, cooldown: 60d}\n", tips=("t1", "t2"))
    last = post_all(project)
    assert len(queue(project, last + timedelta(days=31))["recycled"]) == 2
    second = post_all(project)
    assert queue(project, second + timedelta(days=31))["recycled"] == []  # the cooldown after the 2nd time is 60d
    assert [row["id"] for row in queue(project, second + timedelta(days=61))["recycled"]] == ["alpha/t1~3",
                                                                                             "alpha/t2~3"]
    third = post_all(project)
    assert queue(project, third + timedelta(days=400))["recycled"] == []  # three times out: the most


def test_withdrawn_edited_and_unapproved_tips_never_come_round(project):
    project_with(project, tips=("t1", "t2", "t3", "t4"))
    last = post_all(project)
    write_campaign(project, "alpha", [{"id": "t1", "section": "T1"},
                                      {"id": "t2", "section": "T2", "text": "Tip t2, in new words after it went out."},
                                      {"id": "t3", "section": "T3", "status": "draft"}])  # t4 removed
    recycled = queue(project, last + timedelta(days=31))["recycled"]
    assert [row["id"] for row in recycled] == ["alpha/t1~2"]


def test_the_runner_recycles_best_first_and_skips_an_edited_tip_too(project, cli):
    tips = ("t1", "t2", "t3", "t4", "t6", "t7")
    project_with(project, tips=tips)
    last = post_all(project, LIKES)
    write_campaign(project, "alpha", [{"id": tip, "section": tip.upper(), **({"text": "Tip t4, edited later."}
                                                                             if tip == "t4" else {})}
                                      for tip in tips])
    assert cli("run-due", "--now", (last + timedelta(days=61)).isoformat(), cwd=project).code == 0
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        again = sorted((p for p in store.posts() if p.round == 2), key=lambda p: p.due_at)
    assert [p.id for p in again] == ["alpha/t7~2", "alpha/t2~2", "alpha/t6~2", "alpha/t3~2", "alpha/t1~2"]
    assert again[0].why == "in the top quarter of this account's posts on x at 72 h, 6 posts behind it"


def test_cron_brings_tips_round_once_the_queue_has_run_dry(project, cli):
    """A user trial: the queue ran dry before any tip was old enough, and from then on cron's fast path ("nothing
    due") never reached recycling. A run with nothing waiting is now the full path's, which recycles."""
    project_with(project, tips=("t2", "t4", "t7"))
    last = post_all(project, LIKES)
    assert cli("run-due", "--now", (last + timedelta(days=1)).isoformat(), cwd=project).code == 0  # too soon
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        assert not [p for p in store.posts() if p.round == 2]
    cron = run_cli("run-due", "--root", str(project), "--now", (last + timedelta(days=31)).isoformat(), "-q")
    assert cron.code == 0, cron
    with open_store(settings.database_url) as store:
        again = sorted(p.id for p in store.posts() if p.round == 2)
    assert again == ["alpha/t2~2", "alpha/t4~2", "alpha/t7~2"]  # (too few posts to rank: oldest first)


def test_with_too_few_posts_it_says_so_and_keeps_the_oldest_first(project):
    project_with(project, tips=("t1", "t2", "t3"))
    last = post_all(project, LIKES)
    recycled = queue(project, last + timedelta(days=31))["recycled"]
    assert [row["id"] for row in recycled] == ["alpha/t1~2", "alpha/t2~2", "alpha/t3~2"]
    assert {row["why"] for row in recycled} == {
        "not enough evidence yet (3 posts on x at 72 h): placed as an average post"}


def test_tips_without_counts_stand_as_an_average_post(project):
    project_with(project)
    last = post_all(project, {tip: n for tip, n in LIKES.items() if tip != "t1"})
    recycled = queue(project, last + timedelta(days=61))["recycled"]
    order = [row["id"].split("/")[1].split("~")[0] for row in recycled]
    assert order == ["t4", "t7", "t2", "t1", "t6", "t3", "t5", "t8"]  # between the tips above and below the middle
    assert recycled[3]["why"] == "no counts at 72 h yet: placed as an average post"


def test_the_same_store_gives_the_same_order_every_time(project, tmp_path):
    project_with(project)
    last = post_all(project, LIKES)
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)
    assert queue(project, last + timedelta(days=31)) == queue(copy, last + timedelta(days=31))


@pytest.mark.parametrize("setting, where, words", [
    ("recycle: {score_at: 48h}\n", "score_at", "not an age collect reads"),
    ("recycle: {poor: sometimes}\n", "poor", "later or never"),
    ("recycle: {most_times: 0}\n", "most_times", "at least 1"),
    ("recycle: {cooldown: soon}\n", "cooldown", "not a duration"),
    ("recycle: {cooldwn: 30d}\n", "cooldwn", "did you mean 'cooldown'"),
    ("recycle: {lead_ins: Again}\n", "lead_ins", "expected a list such as"),
    ("recycle: {lead_ins: [Again]}\n", "lead_ins", "1 lead-in(s) for most_times: 3; a tip out 3 times needs 2"),
    ("recycle: {lead_ins: [Again, AGAIN]}\n", "lead_ins[1]", "'AGAIN' is given twice"),
    ("recycle: {lead_ins: [Again, '']}\n", "lead_ins[1]", "expected a few words"),
])
def test_a_bad_recycle_setting_is_one_located_error(project, setting, where, words):
    write_schedule(project, recycle="30d", extra=setting)
    with pytest.raises(ConfigError) as error:
        settings_for(project)
    assert "posts/schedule.yaml:17:" in str(error.value) and words in str(error.value)
    assert f"recycle.{where}" in str(error.value)


def test_each_time_out_opens_with_its_own_lead_in_as_the_schedule_says(project):
    project_with(project, 'recycle: {most_times: 3, lead_ins: ["From the archive:", "Once more:"]}\n', tips=("t1",))
    first = post_all(project)
    [row] = queue(project, first + timedelta(days=31))["recycled"]
    assert row["text"].startswith("From the archive: Tip t1 says something kind and useful.\n\nhttps://")
    second = post_all(project)
    [row] = queue(project, second + timedelta(days=31))["recycled"]
    assert row["text"].startswith("Once more: Tip t1 says something kind and useful.\n\nhttps://")


def test_queue_run_again_after_recycling_keeps_the_lead_in(project, cli):
    """A user trial: a second `queue` after the one that recycled "updated" the recycled post, storing its words
    without their lead-in and its length without the lead-in's; queue run twice must change nothing."""
    project_with(project, 'recycle: {most_times: 2, lead_ins: ["In case you missed it:"]}\n', tips=("t1",))
    at = (post_all(project) + timedelta(days=31)).isoformat()
    first = cli("queue", "-v", "--json", "--now", at, cwd=project)
    assert first.code == 0, first
    assert [row["id"] for row in json.loads(first.out)["recycled"]] == ["alpha/t1~2"]
    again = cli("queue", "-v", "--now", at, cwd=project)
    assert again.code == 0, again
    assert "updated" not in again.out, again.out
    assert json.loads(cli("queue", "--json", "--now", at, cwd=project).out)["updated"] == []
    with open_store(settings_for(project).database_url) as store:
        posts = {post.round: post for post in store.posts()}
    assert posts[2].text == f"In case you missed it: {posts[1].text}"
    assert posts[2].weighted_length == posts[1].weighted_length + len("In case you missed it: ")


def test_queue_says_once_that_a_sensitive_tip_waits_for_a_person_before_it_comes_round(project, cli):
    write_schedule(project, recycle="30d")
    write_campaign(project, "alpha", [{"id": "t1"}, {"id": "t2", "review": ["sensitive"], "reviewed": ["sensitive"]}])
    queue(project, NOW)
    at = (post_all(project) + timedelta(days=31)).isoformat()
    shown = cli("queue", "--now", at, cwd=project)
    assert shown.code == 0, shown
    held = [line for line in shown.out.splitlines() if "alpha/t2" in line]
    said = ("not recycled alpha/t2: it is sensitive, so it comes round again only after: "
            "juno-scheduler approve alpha/t2 --ack repeat")
    assert held == [said], shown.out
    assert "recycled alpha/t1~2" in shown.out
    ok = cli("approve", "alpha/t2", "--ack", "repeat", "--now", at, cwd=project)
    assert ok.code == 0, ok
    report = json.loads(cli("queue", "--json", "--now", at, cwd=project).out)
    assert report["held_back"] == []
