"""Best times, honestly: coarse slots in the practice's zone, each with a shrunk rate and interval, a suggestion
only when one slot is clearly ahead and never with fewer than 20 posts; and `queue` spreading tips over the
allowed slots in a seeded order, every timetable rule still in force."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from queue_helpers import post_everything, settings_for, write_campaign, write_schedule

from scheduler.campaigns.queueing import queue_campaigns
from scheduler.metrics.besttimes import MIN_POSTS, best_times, slot_of, thompson_slots
from scheduler.networks.base import Counts
from scheduler.store import open_store
from scheduler.store.snapshots import Snapshot

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 1, 14, tzinfo=UTC)  # Tuesday 09:00 in New York


@pytest.mark.parametrize("local, slot", [
    ("2026-12-07T08:30", "mon morning"), ("2026-12-07T10:59", "mon morning"), ("2026-12-07T11:00", "mon midday"),
    ("2026-12-07T15:59", "mon midday"), ("2026-12-07T16:00", "mon evening"), ("2026-12-13T23:30", "sun evening"),
])
def test_coarse_slots_are_weekday_by_part_of_the_day(local, slot):
    assert slot_of(datetime.fromisoformat(local).replace(tzinfo=NY)) == slot


def _lead(posts: int, ahead: float = 0.08, usual: float = 0.03) -> list[tuple[str, float]]:
    slots = ("mon morning", "wed morning", "fri morning", "sat midday")
    return [(slots[i % 4], (ahead if i % 4 == 3 else usual) + (i % 5) * 0.001) for i in range(posts)]


def test_one_slot_clearly_ahead_is_suggested_with_its_interval():
    found = best_times(_lead(40))
    assert found.suggestion == "sat midday" and "clearly ahead" in found.why
    sat = next(s for s in found.slots if s.slot == "sat midday")
    others = [s for s in found.slots if s.slot != "sat midday"]
    assert sat.low > max(s.high for s in others) and sat.low < sat.estimate < sat.high
    assert [s.slot for s in found.slots] == ["mon morning", "wed morning", "fri morning", "sat midday"]


def test_never_a_suggestion_with_fewer_than_20_posts_however_clear():
    found = best_times(_lead(MIN_POSTS - 1, ahead=0.5))
    assert found.suggestion is None
    assert found.why == "not enough evidence yet: 19 posts, a suggestion needs at least 20"
    assert best_times(_lead(MIN_POSTS, ahead=0.5)).suggestion == "sat midday"


def test_slots_that_differ_by_chance_give_no_suggestion_and_shrink_to_the_average():
    rates = [0.01, 0.05, 0.03, 0.02, 0.04]
    found = best_times([(("mon morning", "wed morning", "sat midday")[i % 3], rates[i % 5]) for i in range(60)])
    assert found.suggestion is None and found.why.startswith("no time stands out yet")
    assert all(abs(s.estimate - found.average) < abs(s.rate - found.average) + 1e-12 for s in found.slots)


def test_one_slot_only_and_no_posts():
    assert best_times([("mon morning", 0.03)] * 30).why == "every post went out in one slot: nothing to compare it with"
    assert best_times([]).suggestion is None


def _thirty_tips(project, extra: str = "") -> None:
    write_schedule(project, extra=extra)
    write_campaign(project, "alpha", [{"id": f"t{i:02d}", "section": f"S{i}"} for i in range(30)])


def _queue(root, now=NOW):
    settings = settings_for(root)
    with open_store(settings.database_url) as store:
        return queue_campaigns(settings, store, now)


def test_stats_shows_the_slot_table_and_the_suggestion(project, cli):
    _thirty_tips(project)
    _queue(project)

    def counts(post):  # Saturday noon does far better than the weekday mornings
        saturday = post.due_at.astimezone(NY).weekday() == 5
        n = int(post.tip_key[-2:])
        return Counts(impressions=1000, likes=(80 if saturday else 30) + n % 3)

    post_everything(project, counts)
    shown = cli("stats", "--json", cwd=project)
    assert shown.code == 0, shown
    table = json.loads(shown.out)["best_times"]["x"]
    assert table["age"] == "72h" and table["posts"] == 30
    assert [row["slot"] for row in table["slots"]] == ["mon morning", "wed morning", "fri morning", "sat midday"]
    assert sum(row["posts"] for row in table["slots"]) == 30
    assert table["suggestion"] == "sat midday"
    terminal = cli("stats", cwd=project).out  # the summary: the suggestion on one line
    assert "best times on x at 72 h (30 posts, 4 slots): suggestion: sat midday" in terminal
    each = cli("stats", "--posts", cwd=project).out  # then every slot
    assert "best times on x at 72 h (30 posts, 4 slots):\n" in each and "  suggestion: sat midday" in each


def test_stats_makes_no_suggestion_with_19_posts(project, cli):
    write_schedule(project)
    write_campaign(project, "alpha", [{"id": f"t{i:02d}", "section": f"S{i}"} for i in range(19)])
    _queue(project)
    post_everything(project, lambda post: Counts(impressions=1000, likes=300 if post.due_at.weekday() == 5 else 10))
    table = json.loads(cli("stats", "--json", cwd=project).out)["best_times"]["x"]
    assert table["suggestion"] is None and table["why"].startswith("not enough evidence yet: 19 posts")
    assert "no suggestion: not enough evidence yet" in cli("stats", "--posts", cwd=project).out
    assert re.search(r"\(19 posts, \d+ slots?\): not enough evidence yet: 19 posts", cli("stats", cwd=project).out)


def _slots(report) -> dict[str, str]:
    return {row["id"]: row["at"] for row in report["queued"]}


def test_spread_gives_the_same_slots_in_an_order_that_does_not_follow_the_campaign(project, tmp_path):
    plain = tmp_path / "plain"
    shutil.copytree(project, plain)
    _thirty_tips(plain)
    in_order = _slots(_queue(plain))
    _thirty_tips(project, extra="spread: {seed: 7}\n")
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)
    spread = _slots(_queue(project))
    assert sorted(spread.values()) == sorted(in_order.values())  # the same allowed slots, all rules kept
    assert sorted(in_order, key=in_order.get) == [f"alpha/t{i:02d}" for i in range(30)]
    assert sorted(spread, key=spread.get) != sorted(in_order, key=in_order.get)
    assert _slots(_queue(copy)) == spread  # deterministic given the seed
    assert _queue(project)["queued"] == []  # and queueing again changes nothing
    other = tmp_path / "other"
    shutil.copytree(copy, other)
    write_schedule(other, extra="spread: {seed: 8}\n")
    (other / ".juno" / "juno.db").unlink()
    (other / ".juno" / "database.json").unlink(missing_ok=True)  # a fresh queue on purpose (docs/queue.md)
    assert _slots(_queue(other)) != spread


@pytest.mark.parametrize("spread", ["{seed: 3}", "{seed: 3, by: thompson}"])
def test_spread_keeps_blackout_max_per_day_min_gap_and_pins(project, spread):
    write_schedule(project, extra=f"spread: {spread}\n")
    tips = [{"id": f"t{i:02d}", "section": f"S{i}"} for i in range(20)]
    tips[5]["at"] = "2026-12-09T15:00"
    write_campaign(project, "alpha", tips)
    slots = {key: datetime.fromisoformat(at) for key, at in _slots(_queue(project)).items()}
    assert slots["alpha/t05"] == datetime(2026, 12, 9, 15, tzinfo=NY)  # the pin holds its time
    days = [at.date() for at in slots.values()]
    assert len(days) == len(set(days))  # max_per_day: 1
    assert datetime(2026, 12, 25).date() not in days  # blackout
    times = sorted(slots.values())
    assert all(b - a >= timedelta(hours=3) for a, b in pairwise(times))  # min_gap


def test_spread_settings_are_checked(project, cli):
    write_schedule(project, extra="spread: {seed: -1}\n")
    shown = cli("queue", "--now", "2026-12-01T09:00", cwd=project)
    assert shown.code == 2 and "posts/schedule.yaml:17:" in shown.err and "whole number" in shown.err


def test_thompson_sampling_is_deterministic_and_tries_slots_without_posts():
    table = best_times(_lead(40))
    allowed = ["mon morning", "wed morning", "fri morning", "sat midday", "sun evening"]
    keys = [f"beta/t{i:02d}" for i in range(200)]
    picks = thompson_slots(table, allowed, 7, keys)
    assert picks == thompson_slots(table, allowed, 7, keys) != thompson_slots(table, allowed, 8, keys)
    assert thompson_slots(table, allowed, 7, keys[:5]) == {key: picks[key] for key in keys[:5]}  # per tip, not per batch
    counts = Counter(picks.values())
    assert set(counts) <= set(allowed)
    assert counts["sat midday"] > 100  # clearly ahead: most tips go there
    assert counts["sun evening"] > 0  # no posts there yet: it is tried
    assert counts["mon morning"] + counts["wed morning"] + counts["fri morning"] < counts["sat midday"]
    blind = Counter(thompson_slots(None, allowed, 7, keys).values())  # no counts yet: every slot alike
    assert set(blind) == set(allowed) and min(blind.values()) > 20


def test_spread_by_thompson_favours_the_slot_ahead_and_keeps_every_rule(project, cli):
    _thirty_tips(project, extra="spread: {seed: 7, by: thompson}\n")
    _queue(project)

    def counts(post):  # Saturday noon does far better than the weekday mornings
        saturday = post.due_at.astimezone(NY).weekday() == 5
        return Counts(impressions=1000, likes=(80 if saturday else 30) + int(post.tip_key[-2:]) % 3)

    last = post_everything(project, counts)
    tips = [{"id": f"n{i:02d}", "section": f"N{i}"} for i in range(12)]
    tips[3]["at"] = "2027-03-03T09:00"  # a pin on a Wednesday holds
    write_campaign(project, "beta", tips)
    later = last + timedelta(days=4)
    twin = project.parent / "twin"
    shutil.copytree(project, twin)
    slots = {key: datetime.fromisoformat(at) for key, at in _slots(_queue(project, later)).items()}
    assert set(slots) == {f"beta/n{i:02d}" for i in range(12)}
    assert slots["beta/n03"] == datetime(2027, 3, 3, 9, tzinfo=NY)
    where = Counter(slot_of(at.astimezone(NY)) for key, at in slots.items() if key != "beta/n03")
    assert where["sat midday"] >= 8, where  # the slot clearly ahead takes (nearly) every new tip
    days = [at.date() for at in slots.values()]
    assert len(days) == len(set(days))  # max_per_day: 1
    times = sorted(slots.values())
    assert all(b - a >= timedelta(hours=3) for a, b in pairwise(times))  # min_gap
    assert all(at > later for at in times)
    assert _queue(project, later)["queued"] == []  # queueing again changes nothing
    assert _slots(_queue(twin, later)) == {key: at.isoformat() for key, at in slots.items()}  # the same, given the seed


def test_spread_by_must_be_shuffle_or_thompson(project, cli):
    write_schedule(project, extra="spread: {seed: 1, by: bandit}\n")
    shown = cli("queue", "--now", "2026-12-01T09:00", cwd=project)
    assert shown.code == 2 and "posts/schedule.yaml:17:" in shown.err and "expected shuffle or thompson" in shown.err


def test_one_post_never_makes_a_slot_interval_of_zero_width(project, cli):
    """A user trial: one post with 0 interactions read "0.0% [0.0%–0.0%]" as a slot while its own score read
    "33.3% [2.5%–77.6%]". The slot's interval now holds at least the chance variation of its posts' counts, and
    `stats`, `stats --json` and the studio's Analytics page show the same figures."""
    write_schedule(project)
    write_campaign(project, "alpha", [{"id": "t00", "section": "S0"}])
    _queue(project)
    post_everything(project, lambda post: Counts(impressions=1, likes=0))
    report = json.loads(cli("stats", "--json", cwd=project).out)
    (slot,) = report["best_times"]["x"]["slots"]
    score = report["posts"][0]["ages"]["72h"]["score"]
    assert slot["posts"] == 1 and slot["estimate"] == 0.0 and slot["rate"] == 0.0
    assert slot["high"] - slot["low"] > 0.5  # one post says little: about 0 % to 78 %, as its own score does
    assert abs(slot["high"] - score["high"]) < 0.05
    shown = f"{slot['estimate']:.1%} [{slot['low']:.1%}–{slot['high']:.1%}]"
    assert f"{slot['slot']:<13} {shown}," in cli("stats", "--posts", cwd=project).out

    from tests.studio.helpers import Studio

    page = Studio(project).sign_in().get("/analytics").text
    row = page.split(f'data-slot="{slot["slot"]}"', 1)[1].split("</tr>", 1)[0]
    assert shown in row.replace("&nbsp;", " ")
    low, high = map(float, re.search(r'class="interval" x1="([\d.]+)%" x2="([\d.]+)%"', row).groups())
    assert high - low > 40  # the bar is as wide as the interval the text gives


def test_stats_says_one_post_one_like_one_reply_and_two_posts(project, cli):
    """A user trial: "1 posts", "1 likes", "1 replies" in `stats`; a count of one takes the singular."""
    write_schedule(project)
    write_campaign(project, "alpha", [{"id": f"t{i:02d}", "section": f"S{i}"} for i in range(2)])
    _queue(project)
    post_everything(project, lambda post: Counts(impressions=1200, likes=1, reposts=0, replies=1)
                    if post.tip_key.endswith("t00") else Counts(impressions=1000, likes=2, reposts=2, replies=2))
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        first = next(p for p in store.posts() if p.tip_key.endswith("t00"))
        store.add_snapshots([Snapshot(first.id, first.network, "24h", first.posted_at + timedelta(hours=24),
                                      first.posted_at + timedelta(hours=24), False, Counts(impressions=1, likes=1))])
    shown = cli("stats", "--posts", cwd=project)
    assert shown.code == 0, shown
    said = shown.out
    assert "24h: 1 post, not enough evidence yet, 72h: 2 posts, not enough evidence yet" in said, said
    assert "72h: 1,200 impressions, 1 like, 0 reposts, 1 reply;" in said
    assert "24h: 1 impression, 1 like;" in said
    assert "72h: 1,000 impressions, 2 likes, 2 reposts, 2 replies;" in said
    assert "best times on x at 72 h (2 posts, 2 slots):" in said
    slots = re.findall(r"^  (\w+ \w+) +.*, (\d+ posts?)$", said, flags=re.MULTILINE)
    assert slots == [("wed morning", "1 post"), ("fri morning", "1 post")], said
    assert "no suggestion: not enough evidence yet: 2 posts, a suggestion needs at least 20" in said
    assert re.search(r"\b1 (posts|likes|replies|impressions)\b", said) is None, said


def test_a_slot_weighs_its_posts_by_their_impressions_and_never_says_an_overlapping_slot_leads():
    """A user trial: every slot read 4.9 % [3.0 %–6.8 %], above 35 of 43 posts' own rates, because an
    18-impression post counted as much as a 1,000-impression one; the JSON `rate` of one slot read 0.186 and
    the line said "mon evening leads" with every interval overlapping."""
    posts = [("mon morning", 6, 18)] + [(("mon morning", "wed midday", "fri evening")[i % 3], 30 + i % 4, 1000)
                                          for i in range(24)]
    found = best_times([(slot, s / t, t) for slot, s, t in posts], chance=0.03 * 0.97)
    pooled = sum(s for _, s, _ in posts) / sum(t for _, _, t in posts)
    assert found.average == pytest.approx(pooled)
    mon = next(row for row in found.slots if row.slot == "mon morning")
    in_mon = [(s, t) for slot, s, t in posts if slot == "mon morning"]
    assert mon.rate == pytest.approx(sum(s for s, _ in in_mon) / sum(t for _, t in in_mon))
    assert mon.rate < 0.04  # not the 18-impression post's 33 %
    assert found.suggestion is None and found.why.startswith("no time stands out yet")
    assert "leads" not in found.why


def test_stats_says_plain_words_no_reads_yet_and_which_time_out(project, cli):
    """A user trial: a Mastodon score read "55.4%" (interactions against the typical post); a post with 0
    impressions read 33.3% [2.5%–77.6%] and turned X's label into "interactions against the typical post"; a tip
    out twice read the same twice; and `stats` gave 497 lines of detail before any best or worst."""
    write_schedule(project)
    write_campaign(project, "alpha", [{"id": f"t{i:02d}", "section": f"S{i}"} for i in range(8)])
    _queue(project)
    post_everything(project, lambda post: Counts(impressions=0 if post.tip_key.endswith("t00") else 1000,
                                                 likes=0 if post.tip_key.endswith("t00") else 20 + int(post.tip_key[-1]) * 9))
    settings = settings_for(project)
    with open_store(settings.database_url) as store:
        posts = sorted(store.posts(), key=lambda p: p.id)
        store.add_snapshots([Snapshot(p.id, "mastodon", "72h", p.posted_at + timedelta(hours=72),
                                      p.posted_at + timedelta(hours=73), False,
                                      Counts(likes=(2, 16, 3, 12, 5, 7, 6, 9)[n])) for n, p in enumerate(posts)])
    report = json.loads(cli("stats", "--json", cwd=project).out)
    assert report["accounts"]["x"]["72h"]["measure"] == "engagements / impressions"
    assert report["accounts"]["x"]["72h"]["posts"] == 7  # the post nobody has seen yet has no rate
    assert {row["time"] for row in report["posts"]} == {"first post"}
    summary = cli("stats", cwd=project).out
    assert len(summary.splitlines()) < 25
    assert re.search(r"best on mastodon at 72 h:\n  alpha/t01 \(first post\): [\d.]+× the typical post \[", summary)
    assert "typical post 6.5 interactions" in summary and "55" not in summary.split("best on x")[0]
    assert "`juno-scheduler stats --posts`" in summary
    each = cli("stats", "--posts", cwd=project).out
    assert re.search(r"alpha/t00 on x \(first post\)\n  72h: 0 impressions.*; no reads yet", each)


def test_a_recycled_post_is_labelled_by_its_time_out():
    from scheduler.metrics.stats import time_out

    assert [time_out(n) for n in (1, 2, 3)] == ["first post", "repeat 1", "repeat 2"]
