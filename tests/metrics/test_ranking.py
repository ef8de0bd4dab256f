"""Where a tip stands for recycling (pure): its post's shrunk estimate among the account's posts at one age,
the network with the most posts behind it, its latest round with counts, and the words that say so."""

from __future__ import annotations

from datetime import UTC, datetime

from scheduler.metrics.ranking import NO_COUNTS, Standing, age_shown, standings
from scheduler.metrics.score import NOT_ENOUGH
from scheduler.networks.base import Counts
from scheduler.store.snapshots import Snapshot

AT = datetime(2026, 12, 1, tzinfo=UTC)


def snap(post_id: str, network: str, likes: int, impressions: int | None = 1000, age: str = "72h") -> Snapshot:
    return Snapshot(post_id, network, age, AT, AT, False, Counts(impressions=impressions, likes=likes))


def test_a_tip_stands_by_its_share_of_lower_posts_said_as_a_quarter():
    likes = [10, 20, 30, 40, 50, 60, 70, 80, 90]
    found = standings([snap(f"c/t{i}", "x", n) for i, n in enumerate(likes)],
                      {f"c/t{i}": (f"c/t{i}", 1) for i in range(9)}, "72h")
    assert [round(found[f"c/t{i}"].share_below, 3) for i in range(9)] == [i / 8 for i in range(9)]
    assert found["c/t8"].why() == "in the top quarter of this account's posts on x at 72 h, 9 posts behind it"
    assert found["c/t0"].quarter == "bottom quarter" and found["c/t0"].poor
    assert found["c/t4"].quarter == "second quarter"


def test_the_network_with_most_posts_behind_it_and_the_latest_round_decide():
    x = [snap(f"c/t{i}", "x", 10 * (i + 1)) for i in range(6)]
    x += [snap("c/t0~2", "x", 95)]  # t0 came round again and did far better the second time
    mastodon = [snap(f"c/t{i}@mastodon", "mastodon", 3, impressions=None) for i in range(3)]
    tip_of = {f"c/t{i}": (f"c/t{i}", 1) for i in range(6)} | {"c/t0~2": ("c/t0", 2)}
    tip_of |= {f"c/t{i}@mastodon": (f"c/t{i}", 1) for i in range(3)}
    found = standings(x + mastodon, tip_of, "72h")
    assert found["c/t0"].network == "x" and found["c/t0"].round == 2 and found["c/t0"].quarter == "top quarter"
    assert found["c/t1"].network == "x"  # scored on x beats "not enough evidence" on mastodon
    assert standings(mastodon, tip_of, "72h")["c/t1"].verdict == NOT_ENOUGH


def test_other_ages_are_left_out_and_a_tip_without_counts_is_an_average_post():
    found = standings([snap("c/t0", "x", 10, age="24h")], {"c/t0": ("c/t0", 1)}, "72h")
    assert found == {}
    alone = Standing("72h")
    assert alone.verdict == NO_COUNTS and alone.share_below == 0.5 and not alone.poor
    assert alone.why() == "no counts at 72 h yet: placed as an average post"
    assert age_shown("7d") == "7 d"


def test_the_ages_recycle_score_at_accepts_are_the_ages_collect_reads():
    from scheduler.config import SCORE_AGES
    from scheduler.metrics.ages import AGE_NAMES

    assert SCORE_AGES == AGE_NAMES


def test_one_post_behind_it_is_said_in_the_singular():
    found = standings([snap("c/t0", "x", 10)], {"c/t0": ("c/t0", 1)}, "72h")
    assert found["c/t0"].why() == "not enough evidence yet (1 post on x at 72 h): placed as an average post"
    scored = Standing("72h", "x", 0.9, 1, "like the account's usual")
    assert scored.why().endswith(", 1 post behind it")
